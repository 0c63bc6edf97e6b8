//! The dot plot: one dot per image, a row per kind, against its score (the inspection picker).

use super::{axis_value, draw_flagged, shade_x_band};
use crate::chart::{
    axis_formatter, err, sane_range, styled_mesh, xy_layout, ChartStyle, DrawResult, PlotFrame,
    PlotMapping, XyAxes,
};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How much of a row's height the dots are spread over.
pub const DOT_SPREAD: f64 = 0.76;

/// One dot per image: a row per kind, the image's score across.
#[derive(Clone, Debug, PartialEq)]
pub struct DotPlot {
    /// Visible x range (powers of ten with `log_x`).
    pub x_range: (f64, f64),
    /// Logarithmic x axis.
    pub log_x: bool,
    /// x axis title.
    pub x_label: String,
    /// Row labels, top row first, each with its palette index.
    pub rows: Vec<(String, usize)>,
    /// Per dot: its row and its score.
    pub dots: Vec<(usize, f64)>,
    /// A shaded band along x (e.g. [0, 1], where a probability lives).
    pub band: Option<(f64, f64)>,
}

impl DotPlot {
    /// Where dot `i` sits in data units (x, y), or `None` if it cannot be drawn. Rows are
    /// stacked top to bottom. Within its row a dot is spread by its rank along x (the
    /// golden-ratio sequence): any two dots next to each other in score land at least
    /// [`DOT_SPREAD`] × 0.38 of a row apart, so a crowd of close scores fills the row's
    /// height instead of piling up.
    pub fn position(&self, i: usize) -> Option<(f64, f64)> {
        let (row, score) = *self.dots.get(i)?;
        let x = axis_value(score, self.log_x, self.x_range)?;
        let n = self.rows.len().max(1);
        let row = row.min(n - 1);
        let rank = self
            .dots
            .iter()
            .enumerate()
            .filter(|(j, (r, s))| (*r).min(n - 1) == row && (*s < score || (*s == score && *j < i)))
            .count();
        let jitter = ((rank as f64 * 0.618_033_988_75).fract() - 0.5) * DOT_SPREAD;
        let y = (n - row) as f64 - 0.5 + jitter;
        Some((x, y))
    }
}

impl XyAxes for DotPlot {
    const FRAME: PlotFrame = PlotFrame::new(10.0, 16.0, 40.0, 104.0);

    /// Scores across, one unit of height per row.
    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let rows = self.rows.len().max(1) as f64;
        (sane_range(self.x_range, (0.0, 1.0)), (0.0, rows))
    }
}

/// Draws the axes, the row labels and every dot in its row's colour (the background).
pub fn draw_dot_plot<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &DotPlot,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, plot, style)?;
    shade_x_band(&mut chart, &mapping, plot.band, plot.log_x, style)?;
    let n = plot.rows.len().max(1);
    let labels: Vec<String> = plot.rows.iter().map(|(l, _)| l.clone()).collect();
    let row_label = move |v: &f64| {
        let k = n as f64 - v - 0.5;
        let r = k.round();
        if (k - r).abs() < 1e-6 && r >= 0.0 {
            labels.get(r as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let x_format = axis_formatter(plot.log_x);
    styled_mesh(&mut chart, style)
        .x_labels(7)
        .y_labels(n * 2 + 1)
        .x_desc(plot.x_label.as_str())
        .x_label_formatter(&x_format)
        .y_label_formatter(&row_label)
        .disable_y_mesh()
        .draw()
        .map_err(err)?;
    for r in 1..n {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(mapping.x_range.0, r as f64), (mapping.x_range.1, r as f64)],
                style.grid.stroke_width(1),
            )))
            .map_err(err)?;
    }
    let radius = style.px(4.0).max(2.0) as i32;
    let dots = (0..plot.dots.len()).filter_map(|i| {
        let (row, _) = plot.dots[i];
        let colour = plot.rows.get(row).map(|r| r.1).unwrap_or(0);
        plot.position(i)
            .map(|p| Circle::new(p, radius, style.class_colour(colour).mix(0.85).filled()))
    });
    chart.draw_series(dots).map_err(err)?;
    Ok(mapping)
}

/// Draws the threshold line (when given) and a ring around the selected dot (the
/// foreground layer).
pub fn draw_dot_marks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &DotPlot,
    threshold: Option<f64>,
    selected: Option<usize>,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, plot, style)?;
    if let Some(t) = threshold.and_then(|t| axis_value(t, plot.log_x, mapping.x_range)) {
        draw_flagged(&mut chart, &mapping, t, 0.08, style)?;
    }
    if let Some(p) = selected.and_then(|i| plot.position(i)) {
        let r = style.px(8.0) as i32;
        chart
            .draw_series(std::iter::once(Circle::new(
                p,
                r,
                style.accent.stroke_width(style.line(2.5)),
            )))
            .map_err(err)?;
    }
    Ok(mapping)
}
