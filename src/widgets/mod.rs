//! Reusable interface pieces: the draggable charts, readouts and the theme they follow.
//!
//! Widgets take signals in and report edits through callbacks; they never read state back
//! from the DOM. Every draggable thing is also a focusable `role="slider"` element.

mod curve_plot;
mod layered_canvas;
mod logit_bars;
mod probability_bars;
mod readout;
mod slider_keys;
mod theme;

pub use curve_plot::CurvePlot;
pub use layered_canvas::LayeredCanvas;
pub use logit_bars::LogitBars;
pub use probability_bars::ProbabilityBars;
pub use readout::Readout;
pub use slider_keys::{slider_key_step, SliderKey};
pub use theme::{provide_theme, use_theme, ThemeContext};
