//! The stacked histogram of scores per group, on a linear or log axis, with a movable threshold.

use super::{axis_formatter, axis_value, sane_range, Chart};
use crate::chart::{err, ChartStyle, DrawResult, PlotMapping};
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
        let (lo, hi) = sane_range(self.x_range);
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

fn histogram_layout<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    hist: &ScoreHistogram,
    style: &ChartStyle,
) -> DrawResult<(Chart<'a, DB>, PlotMapping)> {
    let x = sane_range(hist.x_range);
    let y = (0.0, hist.y_top());
    let chart = ChartBuilder::on(root)
        .margin_top(style.px(12.0) as i32)
        .margin_right(style.px(16.0) as i32)
        .x_label_area_size(style.px(40.0) as i32)
        .y_label_area_size(style.px(44.0) as i32)
        .build_cartesian_2d(x.0..x.1, y.0..y.1)
        .map_err(err)?;
    let mapping = PlotMapping::from_area(&chart, x, y);
    Ok((chart, mapping))
}

/// Draws the axes, the band, the stacked bars and the legend (the background layer).
pub fn draw_histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    hist: &ScoreHistogram,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (mut chart, mapping) = histogram_layout(root, hist, style)?;
    let (lo, hi) = mapping.x_range;
    let top = mapping.y_range.1;
    if let Some((a, b)) = hist.band {
        let a = axis_value(a, hist.log_x, (lo, hi)).unwrap_or(lo);
        let b = axis_value(b, hist.log_x, (lo, hi)).unwrap_or(hi);
        if b > a {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(a, 0.0), (b, top)],
                    style.class_colour(2).mix(0.12).filled(),
                )))
                .map_err(err)?;
        }
    }
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text);
    let x_format = axis_formatter(hist.log_x);
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .x_desc(hist.x_label.as_str())
        .y_desc("images")
        .x_label_formatter(&x_format)
        .y_label_formatter(&|v| format_sig(*v, 3))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .axis_style(style.axis)
        .bold_line_style(style.grid)
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(err)?;
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
        crate::chart::draw_legend(&mut chart, font, style, SeriesLabelPosition::UpperRight)?;
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
    let (mut chart, mapping) = histogram_layout(root, hist, style)?;
    let Some(t) = axis_value(threshold, hist.log_x, mapping.x_range) else {
        return Ok(mapping);
    };
    let (_, hi) = mapping.x_range;
    let top = mapping.y_range.1;
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(t, 0.0), (hi, top)],
            style.class_colour(5).mix(0.10).filled(),
        )))
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(t, 0.0), (t, top)],
            style.accent.stroke_width(style.px(2.0).max(1.0) as u32),
        )))
        .map_err(err)?;
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text)
        .pos(Pos::new(HPos::Left, VPos::Top));
    let (px, py) = (
        mapping.px_of(t) as i32 + style.px(5.0) as i32,
        mapping.top as i32 + style.px(4.0) as i32,
    );
    root.draw(&Text::new("flagged →", (px, py), font))
        .map_err(err)?;
    Ok(mapping)
}
