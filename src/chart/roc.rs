//! The ROC curve with the diagonal of a random guess, and a marked operating point.

use super::{err, ChartStyle, DrawResult, PlotMapping, XyChart};
use crate::math::RocPoint;
use plotters::coord::Shift;
use plotters::prelude::*;

fn layout<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    style: &ChartStyle,
) -> DrawResult<(XyChart<'a, DB>, PlotMapping)> {
    let chart = ChartBuilder::on(root)
        .margin_top(style.px(12.0) as i32)
        .margin_right(style.px(16.0) as i32)
        .x_label_area_size(style.px(40.0) as i32)
        .y_label_area_size(style.px(52.0) as i32)
        .build_cartesian_2d(0.0..1.0, 0.0..1.0)
        .map_err(err)?;
    let mapping = PlotMapping::from_area(&chart, (0.0, 1.0), (0.0, 1.0));
    Ok((chart, mapping))
}

/// Axes, the chance diagonal and the ROC polyline (background layer).
pub fn draw_roc_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[RocPoint],
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = layout(root, style)?;
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text);
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(6)
        .x_desc("false positive rate")
        .y_desc("true positive rate (recall)")
        .label_style(font.clone())
        .axis_desc_style(font)
        .axis_style(style.axis)
        .bold_line_style(style.grid)
        .light_line_style(TRANSPARENT)
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
    let (mut chart, mapping) = layout(root, style)?;
    if let Some(p) = points.get(index) {
        let guide = style.axis.stroke_width(style.px(1.0).max(1.0) as u32);
        chart
            .draw_series(LineSeries::new(
                [(p.fpr, 0.0), (p.fpr, p.tpr), (0.0, p.tpr)],
                guide,
            ))
            .map_err(err)?;
        let r = style.px(7.0) as i32;
        chart
            .draw_series(std::iter::once(Circle::new(
                (p.fpr, p.tpr),
                r,
                style.class_colour(1).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Circle::new(
                (p.fpr, p.tpr),
                r,
                style.text.stroke_width(style.px(2.0) as u32),
            )))
            .map_err(err)?;
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
