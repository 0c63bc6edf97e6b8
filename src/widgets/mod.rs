//! Reusable interface pieces: the draggable charts, readouts and the theme they follow.
//!
//! Widgets take signals in and report edits through callbacks; they never read state back
//! from the DOM. Every draggable thing is also a focusable `role="slider"` element.

mod animation;
mod anomaly_charts;
mod batch_grid;
mod curve_plot;
mod drag;
mod gesture;
mod image_strip;
mod layered_canvas;
mod logit_bars;
mod mask_class_map;
mod mask_layer;
mod mask_painter;
mod mask_views;
mod number_field;
mod on_screen;
mod point_handle;
mod probability_bars;
mod readout;
mod roc_plot;
mod slider_keys;
mod theme;
mod training_plot;

pub use animation::{now_ms, use_animation_frame, use_settled};
pub use anomaly_charts::{
    ErrorDotPlot, HeatPanelsView, ImageGallery, LossCurvesView, Picking, ScoreHistogramView,
};
pub use batch_grid::BatchGridView;
pub use curve_plot::CurvePlot;
pub use drag::{use_pointer_drag, PointerDrag};
pub use gesture::{gesture_active, provide_gesture, Gesture};
pub use image_strip::ImageStrip;
pub use layered_canvas::LayeredCanvas;
pub use logit_bars::LogitBars;
pub use mask_class_map::MaskClassMap;
pub use mask_painter::MaskPainter;
pub use mask_views::{MaskMaps, TensorGrids};
pub use number_field::{use_field_text, NumberField};
pub use on_screen::{hold_while, use_held, use_live_while_seen, use_on_screen};
pub use probability_bars::ProbabilityBars;
pub use readout::{MaybeReadout, Readout, ReadoutSpan};
pub use roc_plot::RocPlot;
pub use slider_keys::{slider_key_step, SliderKey};
pub use theme::{provide_theme, use_theme, ThemeContext};
pub use training_plot::TrainingPlot;
