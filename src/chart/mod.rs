//! Chart drawing with plotters, generic over the backend, and the helpers every chart shares.
//!
//! The browser draws on plotters-canvas (see `canvas`), the host tests draw the same charts
//! to SVG.
//!
//! Each drawing function returns a [`PlotMapping`] from pixels back to data, so a drag on the
//! picture can be turned into a value. Charts are drawn in two layers: the static axes on a
//! background canvas (redrawn only when the size, range or theme changes) and the moving
//! parts on a canvas stacked above it, which is what keeps a drag well within one frame.

pub mod anomaly;
pub mod bars;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod curves;
pub mod grid;
pub mod images;
pub mod mask_grid;
pub mod roc;
mod style;
pub mod training;

pub use bars::{draw_bar_axes, draw_bars, BarAxes, BarMarks};
pub use curves::{draw_curve_axes, draw_curve_point, CurveAxes, CurveKind};
pub use grid::{draw_batch_grid, BatchGrid};
pub use images::{draw_image_frames, draw_images, ImagePanels};
pub use roc::{draw_roc_axes, draw_roc_point};
pub use style::{ChartStyle, Theme};
pub use training::{draw_training_axes, draw_training_lines, TrainingAxes};

use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart with numeric x and y axes, as every layout function here builds it.
pub(crate) type XyChart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A drawing failure, with the backend's message (drawing never panics).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart drawing failed: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Result of a drawing function.
pub type DrawResult<T> = Result<T, ChartError>;

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// Where the plot area sits in backend pixels and which data range it shows: turns a pointer
/// position back into data (the drag) and data into pixels (the slider overlays).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotMapping {
    /// Left edge of the plot area, in pixels.
    pub left: f64,
    /// Top edge of the plot area, in pixels.
    pub top: f64,
    /// Width of the plot area, in pixels.
    pub width: f64,
    /// Height of the plot area, in pixels.
    pub height: f64,
    /// Data value at the left and right edges.
    pub x_range: (f64, f64),
    /// Data value at the bottom and top edges.
    pub y_range: (f64, f64),
}

impl PlotMapping {
    fn from_area<DB: DrawingBackend, X: Ranged, Y: Ranged>(
        chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
        x_range: (f64, f64),
        y_range: (f64, f64),
    ) -> PlotMapping {
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        PlotMapping {
            left: xs.start as f64,
            top: ys.start as f64,
            width: (xs.end - xs.start).max(1) as f64,
            height: (ys.end - ys.start).max(1) as f64,
            x_range,
            y_range,
        }
    }

    /// The data x under pixel column `px`, clamped to the visible range.
    pub fn x_at(&self, px: f64) -> f64 {
        let (a, b) = self.x_range;
        let f = ((px - self.left) / self.width).clamp(0.0, 1.0);
        a + f * (b - a)
    }

    /// The data y under pixel row `py`, clamped to the visible range.
    pub fn y_at(&self, py: f64) -> f64 {
        let (a, b) = self.y_range;
        let f = ((self.top + self.height - py) / self.height).clamp(0.0, 1.0);
        a + f * (b - a)
    }

    /// Pixel column of data x (not clamped).
    pub fn px_of(&self, x: f64) -> f64 {
        let (a, b) = self.x_range;
        self.left + (x - a) / (b - a) * self.width
    }

    /// Pixel row of data y (not clamped).
    pub fn py_of(&self, y: f64) -> f64 {
        let (a, b) = self.y_range;
        self.top + self.height - (y - a) / (b - a) * self.height
    }

    /// The same mapping in other units (device pixels → CSS pixels: `factor = 1 / dpr`).
    pub fn scaled(&self, factor: f64) -> PlotMapping {
        PlotMapping {
            left: self.left * factor,
            top: self.top * factor,
            width: self.width * factor,
            height: self.height * factor,
            ..*self
        }
    }
}

/// Draws the legend of the labelled series in the app's one style: the theme's background,
/// slightly see-through, with a grid-coloured border.
pub(crate) fn draw_legend<'a, DB: DrawingBackend + 'a, CT: plotters::coord::CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    font: TextStyle<'_>,
    style: &ChartStyle,
    position: SeriesLabelPosition,
) -> DrawResult<()> {
    chart
        .configure_series_labels()
        .label_font(font)
        .background_style(style.background.mix(0.85))
        .border_style(style.grid)
        .position(position)
        .draw()
        .map_err(err)
}

/// Fills the whole area with the theme's background (the bottom layer of a chart).
pub fn fill_background<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
) -> DrawResult<()> {
    root.fill(&style.background).map_err(err)
}
