//! Charts of the anomaly-detection lesson, each in two layers (static back, moving front).
//!
//! One file per chart, all re-exported here; the helpers they share live in this file.
//!
//! * a **gallery** of small grey images in a grid, with a row label per kind
//!   ([`draw_gallery`], [`draw_gallery_selection`]);
//! * a stacked **histogram** of scores per group with a movable threshold
//!   ([`draw_histogram`], [`draw_histogram_threshold`]);
//! * a **dot plot** with one dot per image, one row per kind, against its score
//!   ([`draw_dot_plot`], [`draw_dot_marks`]): the picker of the inspection step;
//! * **loss curves** per epoch on a log scale ([`draw_loss_axes`], [`draw_loss_lines`]);
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

pub use dot_plot::{draw_dot_marks, draw_dot_plot, DotPlot};
pub use gallery::{draw_gallery, draw_gallery_selection, GalleryLayout};
pub use heat::{diverging, draw_heat_panels, draw_panel_frames, heat, HeatPanels, PanelScale};
pub use histogram::{draw_histogram, draw_histogram_threshold, ScoreHistogram};
pub use loss::{draw_loss_axes, draw_loss_lines, LossAxes};

use super::{err, DrawResult, PlotMapping};
use crate::format::format_sig;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

fn sane_range((a, b): (f64, f64)) -> (f64, f64) {
    if a.is_finite() && b.is_finite() && b > a {
        (a, b)
    } else {
        (0.0, 1.0)
    }
}

/// A value on an axis that may be logarithmic: log₁₀ of it (values ≤ 0 go to the
/// bottom of the range), or itself. `None` for NaN.
pub fn axis_value(value: f64, log: bool, range: (f64, f64)) -> Option<f64> {
    let (lo, hi) = sane_range(range);
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

fn whole_area_mapping(w: u32, h: u32) -> PlotMapping {
    PlotMapping {
        left: 0.0,
        top: 0.0,
        width: w.max(1) as f64,
        height: h.max(1) as f64,
        x_range: (0.0, 1.0),
        y_range: (0.0, 1.0),
    }
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

fn axis_formatter(log: bool) -> impl Fn(&f64) -> String {
    move |v: &f64| {
        if log {
            format_sig(10f64.powf(*v), 2)
        } else {
            format_sig(*v, 3)
        }
    }
}
