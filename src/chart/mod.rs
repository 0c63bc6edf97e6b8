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
pub mod confusion;
pub mod curves;
pub mod grid;
pub mod images;
pub mod mask_grid;
pub mod reliability;
pub mod roc;
mod style;
pub mod text_sizes;
pub mod training;
mod xy;

pub use bars::{BarAxes, BarMarks};
pub use curves::{CurveAxes, CurveKind};
pub use grid::{draw_batch_grid, BatchGrid};
pub use images::{draw_image_frames, draw_images, ImagePanels};
pub use roc::RocCurve;
pub use style::{ChartStyle, Theme};
pub use training::TrainingAxes;
pub use xy::{draw_axes, draw_marks, PlotFrame, TickFormat, Ticks, XyAxes, XyLayer};

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart with numeric x and y axes, as every layout function here builds it.
pub type XyChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A drawing failure, with the backend's message (drawing never panics).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart drawing failed: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Result of a drawing function (of most: nothing but success).
pub type DrawResult<T = ()> = Result<T, ChartError>;

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

/// `(a, b)` if it is a usable axis range (finite, increasing), else `fallback`.
pub(crate) fn sane_range((a, b): (f64, f64), fallback: (f64, f64)) -> (f64, f64) {
    if a.is_finite() && b.is_finite() && b > a {
        (a, b)
    } else {
        fallback
    }
}

/// The legend sample of a line series: a short thick stroke in its colour.
pub(crate) fn line_legend(colour: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(3))
}

/// The legend, upper right, of lines drawn on another layer: an empty series carries each
/// (label, colour). Nothing is drawn for no entries.
pub(crate) fn legend_for_lines<'a, 'l, DB: DrawingBackend + 'a>(
    chart: &mut XyChart<'a, DB>,
    entries: impl IntoIterator<Item = (&'l str, RGBColor)>,
    style: &ChartStyle,
) -> DrawResult<()> {
    let mut any = false;
    for (label, colour) in entries {
        chart
            .draw_series(std::iter::empty::<PathElement<(f64, f64)>>())
            .map_err(err)?
            .label(label)
            .legend(line_legend(colour));
        any = true;
    }
    if any {
        draw_legend(chart, style, SeriesLabelPosition::UpperRight)?;
    }
    Ok(())
}

/// Draws a line through `points` (nothing for fewer than two).
pub(crate) fn draw_polyline<DB: DrawingBackend>(
    chart: &mut XyChart<'_, DB>,
    points: &[(f64, f64)],
    stroke: ShapeStyle,
) -> DrawResult<()> {
    if points.len() > 1 {
        chart
            .draw_series(LineSeries::new(points.iter().copied(), stroke))
            .map_err(err)?;
    }
    Ok(())
}

/// Draws each of `lines` (its colour and points) as a line 2.5 px wide, then `end` (given
/// the line's index and colour) at its last point: the moving part of a chart of series
/// that grow while training runs.
pub(crate) fn draw_lines_with_ends<DB: DrawingBackend>(
    on: &mut XyLayer<DB>,
    lines: impl IntoIterator<Item = (RGBColor, Vec<(f64, f64)>)>,
    mut end: impl FnMut(&mut XyLayer<DB>, usize, RGBColor, (f64, f64)) -> DrawResult,
) -> DrawResult {
    let width = on.style.line(2.5);
    for (i, (colour, points)) in lines.into_iter().enumerate() {
        draw_polyline(&mut on.chart, &points, colour.stroke_width(width))?;
        if let Some(&last) = points.last() {
            end(on, i, colour, last)?;
        }
    }
    Ok(())
}

/// Shades the rectangle between two corners (in data units) in the light band colour: where
/// a value can lie, e.g. [0, 1] for a probability.
pub(crate) fn shade_band<DB: DrawingBackend>(
    chart: &mut XyChart<'_, DB>,
    corners: [(f64, f64); 2],
    style: &ChartStyle,
) -> DrawResult<()> {
    chart
        .draw_series(std::iter::once(Rectangle::new(
            corners,
            style.class_colour(2).mix(0.12).filled(),
        )))
        .map_err(err)?;
    Ok(())
}

/// Draws the draggable point at `at`: guide lines from the axes at `origin` (the bottom-left
/// corner) to it, then a disc in `fill` with a ring in `ring`.
pub(crate) fn draw_guided_point<DB: DrawingBackend>(
    chart: &mut XyChart<'_, DB>,
    at: (f64, f64),
    origin: (f64, f64),
    (fill, ring): (RGBColor, RGBColor),
    style: &ChartStyle,
) -> DrawResult<()> {
    let ((x, y), (x0, y0)) = (at, origin);
    chart
        .draw_series(LineSeries::new(
            [(x, y0), (x, y), (x0, y)],
            style.axis.stroke_width(style.line(1.0)),
        ))
        .map_err(err)?;
    let r = style.px(7.0) as i32;
    chart
        .draw_series(std::iter::once(Circle::new(at, r, fill.filled())))
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(Circle::new(
            at,
            r,
            ring.stroke_width(style.px(2.0) as u32),
        )))
        .map_err(err)?;
    Ok(())
}

/// Draws the legend of the labelled series in the app's one style: the theme's background,
/// slightly see-through, with a grid-coloured border.
pub(crate) fn draw_legend<'a, DB: DrawingBackend + 'a, CT: plotters::coord::CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    style: &ChartStyle,
    position: SeriesLabelPosition,
) -> DrawResult<()> {
    chart
        .configure_series_labels()
        .label_font(style.label_font(12.0))
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

/// The area's width and height in pixels, as numbers to lay a picture out with.
pub(crate) fn size_in_pixels<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> (f64, f64) {
    let (w, h) = root.dim_in_pixel();
    (w as f64, h as f64)
}
