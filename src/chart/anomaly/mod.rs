//! Charts of the anomaly-detection lesson, each in two layers (static back, moving front).
//!
//! One file per chart, all re-exported here; the helpers they share live in this file. The
//! charts with numeric axes are drawn with [`draw_axes`](crate::chart::draw_axes) and
//! [`draw_marks`](crate::chart::draw_marks).
//!
//! * a **gallery** of small grey images in a grid, with a row label per kind
//!   ([`draw_gallery`], [`draw_gallery_selection`]);
//! * a stacked **histogram** of scores per group with a movable threshold
//!   ([`ScoreHistogram`]);
//! * a **dot plot** with one dot per image, one row per kind, against its score
//!   ([`DotPlot`]): the picker of the inspection step;
//! * **loss curves** per epoch on a log scale ([`LossAxes`]);
//! * **heat panels**: input, reconstruction and per-pixel error map side by side
//!   ([`draw_panel_frames`], [`draw_heat_panels`]), and a pixel-weight map with a diverging
//!   colour scale, both with a colour bar.

mod dot_plot;
mod gallery;
mod heat;
mod histogram;
mod loss;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use dot_plot::DotPlot;
pub use gallery::{draw_gallery, draw_gallery_selection, GalleryLayout};
pub use heat::{diverging, draw_heat_panels, draw_panel_frames, heat, HeatPanels, PanelScale};
pub use histogram::ScoreHistogram;
pub use loss::LossAxes;

use super::{err, sane_range, shade_band, ChartStyle, DrawResult, PlotMapping, XyChart};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A value on an axis that may be logarithmic: log₁₀ of it (values ≤ 0 go to the
/// bottom of the range), or itself. `None` for NaN.
pub fn axis_value(value: f64, log: bool, range: (f64, f64)) -> Option<f64> {
    let (lo, hi) = sane_range(range, (0.0, 1.0));
    if value.is_nan() {
        return None;
    }
    let v = if log {
        if value <= 0.0 {
            lo
        } else {
            value.log10()
        }
    } else {
        value
    };
    Some(v.clamp(lo, hi))
}

fn draw_pixels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (left, top, size): (i32, i32, i32),
    side: usize,
    values: &[f64],
    colour: impl Fn(f64) -> RGBColor,
) -> DrawResult<()> {
    let side = side.max(1);
    let edge = |k: usize| (size as i64 * k as i64 / side as i64) as i32;
    for (k, v) in values.iter().enumerate().take(side * side) {
        let (row, col) = (k / side, k % side);
        let (x0, x1) = (left + edge(col), left + edge(col + 1));
        let (y0, y1) = (top + edge(row), top + edge(row + 1));
        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour(*v).filled()))
            .map_err(err)?;
    }
    Ok(())
}

/// Shades `band` (data units, on the x axis that may be logarithmic) over the whole height:
/// where a score can lie, e.g. [0, 1] for a probability.
fn shade_x_band<DB: DrawingBackend>(
    chart: &mut XyChart<'_, DB>,
    mapping: &PlotMapping,
    band: Option<(f64, f64)>,
    log: bool,
    style: &ChartStyle,
) -> DrawResult<()> {
    let Some((a, b)) = band else {
        return Ok(());
    };
    let (lo, hi) = mapping.x_range;
    let a = axis_value(a, log, (lo, hi)).unwrap_or(lo);
    let b = axis_value(b, log, (lo, hi)).unwrap_or(hi);
    if b > a {
        shade_band(chart, [(a, 0.0), (b, mapping.y_range.1)], style)?;
    }
    Ok(())
}

/// Draws the threshold at `t` (data units): a light shade of strength `shade` over what it
/// flags (everything right of it) and a line in the accent colour.
fn draw_flagged<DB: DrawingBackend>(
    chart: &mut XyChart<'_, DB>,
    mapping: &PlotMapping,
    t: f64,
    shade: f64,
    style: &ChartStyle,
) -> DrawResult<()> {
    let top = mapping.y_range.1;
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(t, 0.0), (mapping.x_range.1, top)],
            style.class_colour(5).mix(shade).filled(),
        )))
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(t, 0.0), (t, top)],
            style.accent.stroke_width(style.line(2.0)),
        )))
        .map_err(err)?;
    Ok(())
}
