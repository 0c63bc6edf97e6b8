//! The ROC curve with the diagonal of a random guess, and a marked operating point.

use super::{
    draw_guided_point, err, styled_mesh, xy_layout, ChartStyle, DrawResult, PlotFrame, PlotMapping,
    XyAxes,
};
use crate::math::RocPoint;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The unit square of rates both layers are drawn on.
struct RocAxes;

impl XyAxes for RocAxes {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 52.0);

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        ((0.0, 1.0), (0.0, 1.0))
    }
}

/// Axes, the chance diagonal and the ROC polyline (background layer).
pub fn draw_roc_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[RocPoint],
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, &RocAxes, style)?;
    styled_mesh(&mut chart, style)
        .x_labels(6)
        .y_labels(6)
        .x_desc("false positive rate")
        .y_desc("true positive rate (recall)")
        .draw()
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (1.0, 1.0)],
            style.axis.stroke_width(1),
        ))
        .map_err(err)?;
    let mut line: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.fpr.is_finite() && p.tpr.is_finite())
        .map(|p| (p.fpr, p.tpr))
        .collect();
    if line.last() != Some(&(1.0, 1.0)) && !line.is_empty() {
        line.push((1.0, 1.0));
    }
    chart
        .draw_series(LineSeries::new(
            line.clone(),
            style.class_colour(0).stroke_width(style.px(2.5) as u32),
        ))
        .map_err(err)?;
    chart
        .draw_series(line.iter().map(|&(x, y)| {
            Circle::new((x, y), style.px(2.5) as i32, style.class_colour(0).filled())
        }))
        .map_err(err)?;
    Ok(mapping)
}

/// The operating point at `index` (foreground layer), with guides to both axes.
pub fn draw_roc_point<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[RocPoint],
    index: usize,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = xy_layout(root, &RocAxes, style)?;
    if let Some(p) = points.get(index) {
        let colours = (style.class_colour(1), style.text);
        draw_guided_point(&mut chart, (p.fpr, p.tpr), (0.0, 0.0), colours, style)?;
    }
    Ok(mapping)
}

/// The ROC point nearest to data position (x, y) (the drag).
pub fn nearest_point(points: &[RocPoint], x: f64, y: f64) -> usize {
    let mut best = 0;
    let mut best_d = f64::INFINITY;
    for (i, p) in points.iter().enumerate() {
        let d = (p.fpr - x).powi(2) + (p.tpr - y).powi(2);
        if d < best_d {
            best_d = d;
            best = i;
        }
    }
    best
}
