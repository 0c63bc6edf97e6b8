//! The dot plot: one dot per image, a row per kind, against its score (the inspection picker).

use super::{axis_formatter, axis_value, sane_range, Chart};
use crate::chart::{err, ChartStyle, DrawResult, PlotMapping};
use plotters::coord::Shift;
use plotters::prelude::*;

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
    /// stacked top to bottom; a dot is spread within its row by a fixed jitter (from its
    /// index), so close scores stay visible.
    pub fn position(&self, i: usize) -> Option<(f64, f64)> {
        let (row, score) = *self.dots.get(i)?;
        let x = axis_value(score, self.log_x, self.x_range)?;
        let n = self.rows.len().max(1);
        let jitter = ((i as f64 * 0.618_033_988_75).fract() - 0.5) * 0.56;
        let y = (n - row.min(n - 1)) as f64 - 0.5 + jitter;
        Some((x, y))
    }
}

fn dot_layout<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    plot: &DotPlot,
    style: &ChartStyle,
) -> DrawResult<(Chart<'a, DB>, PlotMapping)> {
    let x = sane_range(plot.x_range);
    let y = (0.0, plot.rows.len().max(1) as f64);
    let chart = ChartBuilder::on(root)
        .margin_top(style.px(10.0) as i32)
        .margin_right(style.px(16.0) as i32)
        .x_label_area_size(style.px(40.0) as i32)
        .y_label_area_size(style.px(104.0) as i32)
        .build_cartesian_2d(x.0..x.1, y.0..y.1)
        .map_err(err)?;
    let mapping = PlotMapping::from_area(&chart, x, y);
    Ok((chart, mapping))
}

/// Draws the axes, the row labels and every dot in its row's colour (the background).
pub fn draw_dot_plot<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &DotPlot,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = dot_layout(root, plot, style)?;
    if let Some((a, b)) = plot.band {
        let a = axis_value(a, plot.log_x, mapping.x_range).unwrap_or(mapping.x_range.0);
        let b = axis_value(b, plot.log_x, mapping.x_range).unwrap_or(mapping.x_range.1);
        if b > a {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(a, 0.0), (b, mapping.y_range.1)],
                    style.class_colour(2).mix(0.12).filled(),
                )))
                .map_err(err)?;
        }
    }
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text);
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
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(n * 2 + 1)
        .x_desc(plot.x_label.as_str())
        .x_label_formatter(&x_format)
        .y_label_formatter(&row_label)
        .label_style(font.clone())
        .axis_desc_style(font)
        .axis_style(style.axis)
        .bold_line_style(style.grid)
        .light_line_style(TRANSPARENT)
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
    let (mut chart, mapping) = dot_layout(root, plot, style)?;
    let top = mapping.y_range.1;
    if let Some(t) = threshold.and_then(|t| axis_value(t, plot.log_x, mapping.x_range)) {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(t, 0.0), (mapping.x_range.1, top)],
                style.class_colour(5).mix(0.08).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(t, 0.0), (t, top)],
                style.accent.stroke_width(style.px(2.0).max(1.0) as u32),
            )))
            .map_err(err)?;
    }
    if let Some(p) = selected.and_then(|i| plot.position(i)) {
        let r = style.px(8.0) as i32;
        chart
            .draw_series(std::iter::once(Circle::new(
                p,
                r,
                style.accent.stroke_width(style.px(2.5).max(1.0) as u32),
            )))
            .map_err(err)?;
    }
    Ok(mapping)
}
