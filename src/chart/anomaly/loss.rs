//! Loss curves per epoch on a log scale: the static axes and the moving lines.

use super::{axis_formatter, axis_value, sane_range, Chart};
use crate::chart::{err, ChartStyle, DrawResult, PlotMapping};
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

fn loss_layout<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    axes: &LossAxes,
    style: &ChartStyle,
) -> DrawResult<(Chart<'a, DB>, PlotMapping)> {
    let x = (0.0, axes.epochs.max(1) as f64);
    let y = sane_range(axes.y_range);
    let chart = ChartBuilder::on(root)
        .margin_top(style.px(12.0) as i32)
        .margin_right(style.px(16.0) as i32)
        .x_label_area_size(style.px(40.0) as i32)
        .y_label_area_size(style.px(60.0) as i32)
        .build_cartesian_2d(x.0..x.1, y.0..y.1)
        .map_err(err)?;
    let mapping = PlotMapping::from_area(&chart, x, y);
    Ok((chart, mapping))
}

/// Draws the axes (log y) and the legend (the background layer).
pub fn draw_loss_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    axes: &LossAxes,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = loss_layout(root, axes, style)?;
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text);
    let y_format = axis_formatter(true);
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(6)
        .x_desc(axes.x_label.as_str())
        .y_desc(axes.y_label.as_str())
        .x_label_formatter(&|v| format_sig(*v, 3))
        .y_label_formatter(&y_format)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .axis_style(style.axis)
        .bold_line_style(style.grid)
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(err)?;
    if !axes.series.is_empty() {
        for (label, colour) in &axes.series {
            let c = style.class_colour(*colour);
            chart
                .draw_series(std::iter::empty::<PathElement<(f64, f64)>>())
                .map_err(err)?
                .label(label.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(3))
                });
        }
        crate::chart::draw_legend(&mut chart, font, style, SeriesLabelPosition::UpperRight)?;
    }
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
    let (mut chart, mapping) = loss_layout(root, axes, style)?;
    let width = style.px(2.5).max(1.0) as u32;
    for (i, values) in series.iter().enumerate() {
        let colour = style.class_colour(axes.series.get(i).map(|s| s.1).unwrap_or(i));
        let points: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(k, v)| axis_value(*v, true, mapping.y_range).map(|y| ((k + 1) as f64, y)))
            .collect();
        if points.len() > 1 {
            chart
                .draw_series(LineSeries::new(
                    points.iter().copied(),
                    colour.stroke_width(width),
                ))
                .map_err(err)?;
        }
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
