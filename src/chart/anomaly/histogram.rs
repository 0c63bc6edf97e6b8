//! The stacked histogram of scores per group, on a linear or log axis, with a movable threshold.

use super::{axis_value, draw_flagged, shade_x_band};
use crate::chart::{
    axis_formatter, err, sane_range, styled_mesh, xy_layout, ChartStyle, DrawResult, PlotFrame,
    PlotMapping, XyAxes,
};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A stacked histogram of scores in groups (one colour each), on a linear or log axis.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreHistogram {
    /// Visible range of the x axis in data units; with `log_x`, in powers of ten.
    pub x_range: (f64, f64),
    /// Bin on log₁₀ of the scores.
    pub log_x: bool,
    /// Number of bins.
    pub bins: usize,
    /// x axis title.
    pub x_label: String,
    /// The groups, bottom of the stack first: a legend label, a palette index, the scores.
    pub groups: Vec<(String, usize, Vec<f64>)>,
    /// A shaded band along x (e.g. [0, 1], where a probability lives).
    pub band: Option<(f64, f64)>,
}

impl ScoreHistogram {
    /// Counts per bin for each group (`counts[g][b]`); scores beyond the range land in
    /// the first or last bin, NaNs nowhere.
    pub fn counts(&self) -> Vec<Vec<usize>> {
        let bins = self.bins.max(1);
        let (lo, hi) = sane_range(self.x_range, (0.0, 1.0));
        self.groups
            .iter()
            .map(|(_, _, scores)| {
                let mut c = vec![0; bins];
                for s in scores {
                    if let Some(v) = axis_value(*s, self.log_x, (lo, hi)) {
                        let b = (((v - lo) / (hi - lo)) * bins as f64).floor() as usize;
                        c[b.min(bins - 1)] += 1;
                    }
                }
                c
            })
            .collect()
    }

    /// The height of the tallest stack.
    pub fn max_stack(&self) -> usize {
        let counts = self.counts();
        (0..self.bins.max(1))
            .map(|b| counts.iter().map(|c| c[b]).sum::<usize>())
            .max()
            .unwrap_or(0)
    }

    fn y_top(&self) -> f64 {
        (self.max_stack() as f64 * 1.15).max(4.0)
    }
}

impl XyAxes for ScoreHistogram {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 44.0);

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        (sane_range(self.x_range, (0.0, 1.0)), (0.0, self.y_top()))
    }
}

/// Draws the axes, the band, the stacked bars and the legend (the background layer).
pub fn draw_histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    hist: &ScoreHistogram,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, hist, style)?;
    shade_x_band(&mut chart, &mapping, hist.band, hist.log_x, style)?;
    let x_format = axis_formatter(hist.log_x);
    styled_mesh(&mut chart, style)
        .x_labels(7)
        .y_labels(5)
        .x_desc(hist.x_label.as_str())
        .y_desc("images")
        .x_label_formatter(&x_format)
        .y_label_formatter(&|v| format_sig(*v, 3))
        .draw()
        .map_err(err)?;
    let (lo, hi) = mapping.x_range;
    let bins = hist.bins.max(1);
    let width = (hi - lo) / bins as f64;
    let counts = hist.counts();
    let mut base = vec![0usize; bins];
    for ((label, colour, _), c) in hist.groups.iter().zip(&counts) {
        let fill = style.class_colour(*colour);
        let bars = (0..bins).filter(|b| c[*b] > 0).map(|b| {
            let x0 = lo + width * b as f64;
            let y0 = base[b] as f64;
            Rectangle::new([(x0, y0), (x0 + width, y0 + c[b] as f64)], fill.filled())
        });
        chart
            .draw_series(bars)
            .map_err(err)?
            .label(label.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], fill.filled()));
        for b in 0..bins {
            base[b] += c[b];
        }
    }
    if !hist.groups.is_empty() {
        crate::chart::draw_legend(&mut chart, style, SeriesLabelPosition::UpperRight)?;
    }
    Ok(mapping)
}

/// Draws the threshold: a line at it and a light shade over everything flagged (scores
/// above it), labelled (the foreground layer).
pub fn draw_histogram_threshold<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    hist: &ScoreHistogram,
    threshold: f64,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, hist, style)?;
    let Some(t) = axis_value(threshold, hist.log_x, mapping.x_range) else {
        return Ok(mapping);
    };
    draw_flagged(&mut chart, &mapping, t, 0.10, style)?;
    let font = style.label_font(12.0).pos(Pos::new(HPos::Left, VPos::Top));
    let (px, py) = (
        mapping.px_of(t) as i32 + style.px(5.0) as i32,
        mapping.top as i32 + style.px(4.0) as i32,
    );
    root.draw(&Text::new("flagged →", (px, py), font))
        .map_err(err)?;
    Ok(mapping)
}
