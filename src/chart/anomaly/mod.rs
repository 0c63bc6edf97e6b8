//! Charts of the anomaly-detection lesson, each in two layers (static back, moving front):
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

use super::images::{grey, panel_boxes, ImagePanels, PanelBox};
use super::{err, ChartStyle, DrawResult, PlotMapping};
use crate::format::format_sig;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

// ---------------------------------------------------------------------------------------
// Gallery

/// A grid of small images, one row per group, each row with a label on its left.
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryLayout {
    /// Images per row.
    pub cols: usize,
    /// Width and height of an image (pixels of the image).
    pub side: usize,
    /// Size of one grid cell in CSS pixels (image plus gap).
    pub cell: f64,
    /// Width of the label column in CSS pixels.
    pub label_width: f64,
    /// One label per row.
    pub row_labels: Vec<String>,
    /// Images, row by row (`cols` per row).
    pub images: Vec<Vec<f64>>,
    /// A palette index per image, shown as a bar under it (the kind's colour).
    pub colours: Vec<usize>,
}

impl GalleryLayout {
    /// Rows of the grid.
    pub fn rows(&self) -> usize {
        self.images.len().div_ceil(self.cols.max(1))
    }

    /// The top-left corner of cell `i` in CSS pixels.
    pub fn cell_origin(&self, i: usize) -> (f64, f64) {
        let cols = self.cols.max(1);
        (
            self.label_width + (i % cols) as f64 * self.cell,
            (i / cols) as f64 * self.cell,
        )
    }

    /// Size of the thumbnail inside a cell, in CSS pixels (the rest is the gap and the
    /// colour bar).
    pub fn thumb(&self) -> f64 {
        (self.cell - 10.0).max(4.0)
    }

    /// Total height in CSS pixels.
    pub fn height(&self) -> f64 {
        self.rows() as f64 * self.cell
    }

    /// Total width in CSS pixels.
    pub fn width(&self) -> f64 {
        self.label_width + self.cols.max(1) as f64 * self.cell
    }
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

/// Draws every image, its colour bar and the row labels (the background layer).
pub fn draw_gallery<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    gallery: &GalleryLayout,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (w, h) = root.dim_in_pixel();
    let font = (style.font, style.font_size(13.0))
        .into_font()
        .color(&style.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (r, label) in gallery.row_labels.iter().enumerate() {
        let y = style.px((r as f64 + 0.5) * gallery.cell - 4.0) as i32;
        root.draw(&Text::new(
            label.as_str(),
            (style.px(2.0) as i32, y),
            font.clone(),
        ))
        .map_err(err)?;
    }
    let thumb = gallery.thumb();
    let frame = style.axis.stroke_width(1);
    for (i, image) in gallery.images.iter().enumerate() {
        let (x, y) = gallery.cell_origin(i);
        let (left, top, size) = (
            style.px(x + 2.0) as i32,
            style.px(y + 2.0) as i32,
            style.px(thumb) as i32,
        );
        draw_pixels(root, (left, top, size), gallery.side, image, grey)?;
        root.draw(&Rectangle::new(
            [(left - 1, top - 1), (left + size, top + size)],
            frame,
        ))
        .map_err(err)?;
        if let Some(c) = gallery.colours.get(i) {
            let bar_top = top + size + style.px(2.0) as i32;
            root.draw(&Rectangle::new(
                [
                    (left, bar_top),
                    (left + size, bar_top + style.px(3.0) as i32),
                ],
                style.class_colour(*c).filled(),
            ))
            .map_err(err)?;
        }
    }
    Ok(whole_area_mapping(w, h))
}

/// Draws a thick ring around the selected image (the foreground layer).
pub fn draw_gallery_selection<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    gallery: &GalleryLayout,
    selected: Option<usize>,
    style: &ChartStyle,
) -> DrawResult<()> {
    let Some(i) = selected.filter(|i| *i < gallery.images.len()) else {
        return Ok(());
    };
    let (x, y) = gallery.cell_origin(i);
    let thumb = gallery.thumb();
    let ring = style.px(3.0).max(2.0) as u32;
    root.draw(&Rectangle::new(
        [
            (style.px(x - 1.0) as i32, style.px(y - 1.0) as i32),
            (
                style.px(x + thumb + 5.0) as i32,
                style.px(y + thumb + 9.0) as i32,
            ),
        ],
        style.accent.stroke_width(ring),
    ))
    .map_err(err)
}

// ---------------------------------------------------------------------------------------
// Histogram

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

fn axis_formatter(log: bool) -> impl Fn(&f64) -> String {
    move |v: &f64| {
        if log {
            format_sig(10f64.powf(*v), 2)
        } else {
            format_sig(*v, 3)
        }
    }
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
        super::draw_legend(&mut chart, font, style, SeriesLabelPosition::UpperRight)?;
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

// ---------------------------------------------------------------------------------------
// Dot plot

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

// ---------------------------------------------------------------------------------------
// Loss curves

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
        super::draw_legend(&mut chart, font, style, SeriesLabelPosition::UpperRight)?;
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

// ---------------------------------------------------------------------------------------
// Heat panels

/// A sequential colour for t in [0, 1] (dark violet → red → orange → pale yellow, after
/// matplotlib's "inferno"); NaN is mid-grey.
pub fn heat(t: f64) -> RGBColor {
    if t.is_nan() {
        return RGBColor(128, 128, 128);
    }
    const STOPS: [(f64, f64, f64); 5] = [
        (0.0, 0.0, 4.0),
        (87.0, 16.0, 110.0),
        (188.0, 55.0, 84.0),
        (249.0, 142.0, 9.0),
        (252.0, 255.0, 164.0),
    ];
    let x = t.clamp(0.0, 1.0) * 4.0;
    let k = (x.floor() as usize).min(3);
    let f = x - k as f64;
    let (a, b) = (STOPS[k], STOPS[k + 1]);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A diverging colour for t in [−1, 1]: blue for negative, near-white at 0, vermillion for
/// positive (Okabe–Ito ends, safe for colour-blind readers); NaN is mid-grey.
pub fn diverging(t: f64) -> RGBColor {
    if t.is_nan() {
        return RGBColor(128, 128, 128);
    }
    let t = t.clamp(-1.0, 1.0);
    let (end, f) = if t < 0.0 {
        ((0.0, 114.0, 178.0), -t)
    } else {
        ((213.0, 94.0, 0.0), t)
    };
    let mid = (245.0, 245.0, 245.0);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    RGBColor(mix(mid.0, end.0), mix(mid.1, end.1), mix(mid.2, end.2))
}

/// How one heat panel colours its values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelScale {
    /// Grey levels, 0 black and 1 white.
    Grey,
    /// [`heat`] of √(v / max): small errors stay visible, `max` and above are the top.
    Heat {
        /// The value at the top of the scale.
        max: f64,
    },
    /// [`diverging`] of v / max, symmetric around 0.
    Diverging {
        /// The magnitude at either end of the scale.
        max: f64,
    },
}

impl PanelScale {
    /// The colour of a value.
    pub fn colour(self, v: f64) -> RGBColor {
        match self {
            PanelScale::Grey => grey(v),
            PanelScale::Heat { max } => {
                let m = if max > 0.0 && max.is_finite() {
                    max
                } else {
                    1.0
                };
                heat((v.max(0.0) / m).sqrt())
            }
            PanelScale::Diverging { max } => {
                let m = if max > 0.0 && max.is_finite() {
                    max
                } else {
                    1.0
                };
                diverging(v / m)
            }
        }
    }
}

/// Side-by-side square images, each under a title and with its own colour scale; a
/// colour bar under every non-grey panel.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatPanels {
    /// Width and height of every image (pixels of the image).
    pub side: usize,
    /// One (title, scale) per panel.
    pub panels: Vec<(String, PanelScale)>,
}

/// Room under the panels for a colour bar and its labels, in CSS pixels.
const COLOUR_BAR_ROOM: f64 = 34.0;

fn heat_boxes(panels: &HeatPanels, w: u32, h: u32, style: &ChartStyle) -> Vec<PanelBox> {
    let strip = ImagePanels {
        side: panels.side,
        titles: panels.panels.iter().map(|(t, _)| t.clone()).collect(),
    };
    let has_bar = panels
        .panels
        .iter()
        .any(|(_, scale)| *scale != PanelScale::Grey);
    let room = if has_bar {
        style.px(COLOUR_BAR_ROOM) as u32
    } else {
        0
    };
    panel_boxes(&strip, w, h.saturating_sub(room).max(1), style)
}

/// Draws the titles, frames and colour bars (the background layer).
pub fn draw_panel_frames<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &HeatPanels,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (w, h) = root.dim_in_pixel();
    let title_font = (style.font, style.font_size(13.0))
        .into_font()
        .color(&style.text)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let small = (style.font, style.font_size(11.0))
        .into_font()
        .color(&style.text)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let frame = style.axis.stroke_width(style.px(1.0).max(1.0) as u32);
    for (b, (title, scale)) in heat_boxes(panels, w, h, style).iter().zip(&panels.panels) {
        root.draw(&Text::new(
            title.as_str(),
            (b.centre, b.top / 2),
            title_font.clone(),
        ))
        .map_err(err)?;
        root.draw(&Rectangle::new(
            [(b.left - 1, b.top - 1), (b.left + b.size, b.top + b.size)],
            frame,
        ))
        .map_err(err)?;
        let (lo, hi, ticks): (f64, f64, Vec<f64>) = match *scale {
            PanelScale::Grey => continue,
            PanelScale::Heat { max } => (0.0, max, vec![0.0, max / 4.0, max]),
            PanelScale::Diverging { max } => (-max, max, vec![-max, 0.0, max]),
        };
        let bar_top = b.top + b.size + style.px(6.0) as i32;
        let bar_h = style.px(8.0) as i32;
        let steps = 48;
        for k in 0..steps {
            let x0 = b.left + (b.size as i64 * k / steps) as i32;
            let x1 = b.left + (b.size as i64 * (k + 1) / steps) as i32;
            let v = lo + (hi - lo) * (k as f64 + 0.5) / steps as f64;
            root.draw(&Rectangle::new(
                [(x0, bar_top), (x1, bar_top + bar_h)],
                scale.colour(v).filled(),
            ))
            .map_err(err)?;
        }
        for t in ticks {
            let f = if hi > lo { (t - lo) / (hi - lo) } else { 0.0 };
            let x = b.left + (b.size as f64 * f) as i32;
            let text = if matches!(scale, PanelScale::Heat { .. }) && t >= hi {
                format!("≥ {}", format_sig(t, 2))
            } else {
                format_sig(t, 2)
            };
            root.draw(&Text::new(
                text,
                (x, bar_top + bar_h + style.px(2.0) as i32),
                small.clone(),
            ))
            .map_err(err)?;
        }
    }
    Ok(whole_area_mapping(w, h))
}

/// Draws each panel's pixels in its colour scale (the foreground layer). Missing images
/// leave their panel empty.
pub fn draw_heat_panels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &HeatPanels,
    images: &[Vec<f64>],
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    for ((b, (_, scale)), image) in heat_boxes(panels, w, h, style)
        .iter()
        .zip(&panels.panels)
        .zip(images)
    {
        draw_pixels(root, (b.left, b.top, b.size), panels.side, image, |v| {
            scale.colour(v)
        })?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{fill_background, Theme};

    fn svg_of(
        w: u32,
        h: u32,
        draw: impl Fn(&DrawingArea<SVGBackend, Shift>, &ChartStyle),
    ) -> String {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            let style = ChartStyle::new(Theme::Dark, 1.5);
            fill_background(&root, &style).unwrap();
            draw(&root, &style);
            root.present().unwrap();
        }
        assert!(!svg.contains("NaN"), "NaN in the SVG");
        svg
    }

    #[test]
    fn colour_scales_have_their_ends_and_survive_nan() {
        assert_eq!(heat(0.0), RGBColor(0, 0, 4));
        assert_eq!(heat(1.0), RGBColor(252, 255, 164));
        assert_eq!(heat(7.0), heat(1.0));
        assert_eq!(heat(f64::NAN), RGBColor(128, 128, 128));
        assert_eq!(diverging(-1.0), RGBColor(0, 114, 178));
        assert_eq!(diverging(1.0), RGBColor(213, 94, 0));
        assert_eq!(diverging(0.0), RGBColor(245, 245, 245));
        assert_eq!(
            PanelScale::Heat { max: 0.0 }.colour(0.5),
            heat(0.5f64.sqrt())
        );
        assert_eq!(
            PanelScale::Diverging { max: f64::NAN }.colour(-2.0),
            diverging(-1.0)
        );
        assert_eq!(axis_value(0.001, true, (-4.0, -1.0)), Some(-3.0));
        assert_eq!(axis_value(0.0, true, (-4.0, -1.0)), Some(-4.0));
        assert_eq!(axis_value(f64::NAN, false, (0.0, 1.0)), None);
        assert_eq!(axis_value(5.0, false, (f64::NAN, 1.0)), Some(1.0));
    }

    #[test]
    fn histogram_counts_stack_and_draw() {
        let hist = ScoreHistogram {
            x_range: (-4.0, -2.0),
            log_x: true,
            bins: 4,
            x_label: "error".into(),
            groups: vec![
                ("normal".into(), 0, vec![1e-4, 2e-4, 1e-9, 0.0, f64::NAN]),
                ("defect".into(), 1, vec![0.005, 0.5, f64::INFINITY]),
            ],
            band: None,
        };
        let counts = hist.counts();
        assert_eq!(
            counts[0],
            vec![4, 0, 0, 0],
            "below the range → first bin, NaN nowhere"
        );
        assert_eq!(counts[1], vec![0, 0, 0, 3], "above → last bin");
        assert_eq!(hist.max_stack(), 4);
        let svg = svg_of(600, 300, |root, style| {
            let m1 = draw_histogram(root, &hist, style).unwrap();
            let m2 = draw_histogram_threshold(root, &hist, 0.001, style).unwrap();
            assert_eq!(m1, m2, "both layers share one layout");
            draw_histogram_threshold(root, &hist, f64::NAN, style).unwrap();
        });
        assert!(svg.contains("flagged"));
        let linear = ScoreHistogram {
            x_range: (f64::NAN, f64::NAN),
            log_x: false,
            bins: 0,
            groups: vec![],
            band: Some((0.0, 1.0)),
            ..hist
        };
        svg_of(200, 120, |root, style| {
            draw_histogram(root, &linear, style).unwrap();
            draw_histogram_threshold(root, &linear, 0.5, style).unwrap();
        });
    }

    #[test]
    fn dot_plot_positions_stay_in_their_rows() {
        let plot = DotPlot {
            x_range: (-4.0, -2.0),
            log_x: true,
            x_label: "error".into(),
            rows: vec![("normal".into(), 0), ("spot".into(), 2)],
            dots: (0..40)
                .map(|i| (i % 2, 10f64.powf(-4.0 + i as f64 / 20.0)))
                .chain([(0, f64::NAN), (7, 1e-3)])
                .collect(),
            band: Some((1e-4, 1e-3)),
        };
        for i in 0..40 {
            let (x, y) = plot.position(i).unwrap();
            assert!((-4.0..=-2.0).contains(&x));
            let row_centre = if i % 2 == 0 { 1.5 } else { 0.5 };
            assert!((y - row_centre).abs() <= 0.28 + 1e-12, "{i}: {y}");
        }
        assert_eq!(plot.position(40), None, "NaN is not drawn");
        assert!(
            plot.position(41).is_some(),
            "an out-of-range row is clamped"
        );
        assert_eq!(plot.position(99), None);
        let svg = svg_of(640, 240, |root, style| {
            let m1 = draw_dot_plot(root, &plot, style).unwrap();
            let m2 = draw_dot_marks(root, &plot, Some(1e-3), Some(3), style).unwrap();
            assert_eq!(m1, m2);
            draw_dot_marks(root, &plot, None, None, style).unwrap();
        });
        assert!(svg.contains("normal") && svg.contains("spot"));
        assert!(svg.matches("<circle").count() >= 41);
    }

    #[test]
    fn loss_curves_draw_on_one_layout() {
        let axes = LossAxes {
            epochs: 60,
            x_label: "epoch".into(),
            y_range: (-4.0, -1.5),
            y_label: "mean squared error".into(),
            series: vec![("training".into(), 0), ("defects".into(), 5)],
        };
        let series = vec![
            (0..60).map(|k| 0.01 * 0.9f64.powi(k)).collect::<Vec<_>>(),
            vec![0.003, f64::NAN, 0.0, f64::INFINITY],
            vec![],
        ];
        let svg = svg_of(600, 300, |root, style| {
            let m1 = draw_loss_axes(root, &axes, style).unwrap();
            let m2 = draw_loss_lines(root, &axes, &series, style).unwrap();
            assert_eq!(m1, m2);
        });
        assert!(svg.contains("epoch") && svg.contains("training"));
    }

    #[test]
    fn gallery_and_heat_panels_draw_for_edge_data() {
        let gallery = GalleryLayout {
            cols: 3,
            side: 2,
            cell: 40.0,
            label_width: 60.0,
            row_labels: vec!["normal".into(), "spot".into()],
            images: vec![vec![0.0, 0.5, 1.0, f64::NAN]; 5],
            colours: vec![0, 0, 0, 2],
        };
        assert_eq!(gallery.rows(), 2);
        assert_eq!(gallery.cell_origin(4), (100.0, 40.0));
        assert_eq!(gallery.height(), 80.0);
        assert_eq!(gallery.width(), 180.0);
        let svg = svg_of(300, 120, |root, style| {
            draw_gallery(root, &gallery, style).unwrap();
            draw_gallery_selection(root, &gallery, Some(4), style).unwrap();
            draw_gallery_selection(root, &gallery, Some(99), style).unwrap();
        });
        assert!(svg.matches("<rect").count() >= 5 * 4);
        let panels = HeatPanels {
            side: 2,
            panels: vec![
                ("input".into(), PanelScale::Grey),
                ("error".into(), PanelScale::Heat { max: 0.09 }),
                ("weights".into(), PanelScale::Diverging { max: 0.0 }),
            ],
        };
        for (w, h) in [(600, 260), (20, 20)] {
            let svg = svg_of(w, h, |root, style| {
                draw_panel_frames(root, &panels, style).unwrap();
                draw_heat_panels(
                    root,
                    &panels,
                    &[
                        vec![0.2; 4],
                        vec![0.0, 0.01, 0.09, 1.0],
                        vec![-1.0, 0.0, f64::NAN],
                    ],
                    style,
                )
                .unwrap();
            });
            assert!(svg.contains("error"));
        }
    }
}
