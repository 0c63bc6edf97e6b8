//! Loss curves per epoch on a log scale: the static axes and the moving lines.

use super::axis_value;
use crate::chart::{
    axis_formatter, draw_polyline, err, legend_for_lines, sane_range, styled_mesh, xy_layout,
    ChartStyle, DrawResult, PlotFrame, PlotMapping, XyAxes,
};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The static part of a loss chart: curves against the epoch on a log scale.
#[derive(Clone, Debug, PartialEq)]
pub struct LossAxes {
    /// The x axis runs from 0 to this many epochs.
    pub epochs: usize,
    /// x axis title.
    pub x_label: String,
    /// Visible y range in powers of ten (−4 means 1e−4).
    pub y_range: (f64, f64),
    /// y axis title.
    pub y_label: String,
    /// One (legend label, palette index) per series.
    pub series: Vec<(String, usize)>,
}

impl XyAxes for LossAxes {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 60.0);

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let epochs = (0.0, self.epochs.max(1) as f64);
        (epochs, sane_range(self.y_range, (0.0, 1.0)))
    }
}

/// Draws the axes (log y) and the legend (the background layer).
pub fn draw_loss_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    axes: &LossAxes,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, axes, style)?;
    let y_format = axis_formatter(true);
    styled_mesh(&mut chart, style)
        .x_labels(7)
        .y_labels(6)
        .x_desc(axes.x_label.as_str())
        .y_desc(axes.y_label.as_str())
        .x_label_formatter(&|v| format_sig(*v, 3))
        .y_label_formatter(&y_format)
        .draw()
        .map_err(err)?;
    let entries = axes.series.iter();
    let entries = entries.map(|(label, colour)| (label.as_str(), style.class_colour(*colour)));
    legend_for_lines(&mut chart, entries, style)?;
    Ok(mapping)
}

/// Draws each series (`series[i][k]` is its value after epoch k + 1) as a line with a dot
/// at its latest value (the foreground layer). Values at or below 0 sit on the floor.
pub fn draw_loss_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    axes: &LossAxes,
    series: &[Vec<f64>],
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, axes, style)?;
    let width = style.line(2.5);
    for (i, values) in series.iter().enumerate() {
        let colour = style.class_colour(axes.series.get(i).map(|s| s.1).unwrap_or(i));
        let points: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(k, v)| axis_value(*v, true, mapping.y_range).map(|y| ((k + 1) as f64, y)))
            .collect();
        draw_polyline(&mut chart, &points, colour.stroke_width(width))?;
        if let Some(p) = points.last() {
            chart
                .draw_series(std::iter::once(Circle::new(
                    *p,
                    style.px(4.5).max(2.0) as i32,
                    colour.filled(),
                )))
                .map_err(err)?;
        }
    }
    Ok(mapping)
}
