//! Charts with numeric axes, drawn in two layers over one layout (see [`XyAxes`]).
//!
//! [`draw_axes`] draws the static back of any of them (what lies under the grid, the
//! themed mesh, then the chart's own marks and legend) and [`draw_marks`] the moving front.
//! Both lay the chart out the same way, so what moves lands exactly on the axes.

use super::{err, ChartStyle, DrawResult, PlotMapping, XyChart};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The room around a plot area, in CSS pixels: the margins and the label areas under the
/// x axis and left of the y axis.
#[derive(Clone, Copy, Debug)]
pub struct PlotFrame {
    /// Margin above the plot.
    pub top: f64,
    /// Margin right of the plot.
    pub right: f64,
    /// Margin left of the y labels.
    pub left: f64,
    /// Height of the x labels and title.
    pub x_labels: f64,
    /// Width of the y labels and title.
    pub y_labels: f64,
}

impl PlotFrame {
    /// Margins above and right of the plot, the x label height and the y label width (no
    /// margin on the left).
    pub const fn new(top: f64, right: f64, x_labels: f64, y_labels: f64) -> PlotFrame {
        PlotFrame {
            top,
            right,
            left: 0.0,
            x_labels,
            y_labels,
        }
    }
}

/// How the tick values of an axis read.
#[derive(Clone, Copy, Debug)]
pub enum TickFormat<'a> {
    /// As plotters writes them.
    Plain,
    /// To three significant digits.
    Number,
    /// The axis holds log₁₀ of the value: 10^v to two significant digits.
    PowerOfTen,
    /// One row per label, top row first, each one unit high: a tick at a row's centre
    /// reads its label, any other tick nothing.
    Rows(&'a [(String, usize)]),
}

impl TickFormat<'_> {
    /// [`TickFormat::PowerOfTen`] on a logarithmic axis, else [`TickFormat::Number`].
    pub fn log_or_number(log: bool) -> TickFormat<'static> {
        if log {
            TickFormat::PowerOfTen
        } else {
            TickFormat::Number
        }
    }

    /// The label of the tick at `v` ([`TickFormat::Plain`] is never asked: plotters
    /// labels those ticks itself).
    fn label(&self, v: f64) -> String {
        match self {
            TickFormat::Plain | TickFormat::Number => format_sig(v, 3),
            TickFormat::PowerOfTen => format_sig(10f64.powf(v), 2),
            TickFormat::Rows(rows) => {
                let k = rows.len().max(1) as f64 - v - 0.5;
                let r = k.round();
                if (k - r).abs() < 1e-6 && r >= 0.0 {
                    rows.get(r as usize)
                        .map(|l| l.0.clone())
                        .unwrap_or_default()
                } else {
                    String::new()
                }
            }
        }
    }
}

/// One axis of a chart's mesh: how many labelled ticks, how they read, the axis title and
/// whether grid lines run from the ticks.
#[derive(Clone, Copy, Debug)]
pub struct Ticks<'a> {
    /// How many labelled ticks plotters aims for.
    pub count: usize,
    /// How a tick reads.
    pub format: TickFormat<'a>,
    /// The axis title, if any.
    pub title: Option<&'a str>,
    /// Grid lines at the ticks.
    pub grid: bool,
}

impl<'a> Ticks<'a> {
    /// About `count` ticks that read as `format`, with grid lines and no title.
    pub fn new(count: usize, format: TickFormat<'a>) -> Ticks<'a> {
        Ticks {
            count,
            format,
            title: None,
            grid: true,
        }
    }

    /// The same with an axis title.
    pub fn titled(self, title: &'a str) -> Ticks<'a> {
        Ticks {
            title: Some(title),
            ..self
        }
    }

    /// The same without grid lines.
    pub fn without_grid(self) -> Ticks<'a> {
        Ticks {
            grid: false,
            ..self
        }
    }
}

/// One layer of a chart with numeric axes, laid out and ready to draw on.
pub struct XyLayer<'a, DB: DrawingBackend> {
    /// The whole drawing area (for text outside the plot).
    pub root: &'a DrawingArea<DB, Shift>,
    /// The chart, laid out from the axes' frame and ranges.
    pub chart: XyChart<'a, DB>,
    /// Where the plot area sits and which ranges it shows.
    pub mapping: PlotMapping,
    /// The theme it is drawn in.
    pub style: &'a ChartStyle,
}

impl<'a, DB: DrawingBackend> XyLayer<'a, DB> {
    /// Lays `axes` out on `root`: the one layout both layers of a chart share.
    fn new<A: XyAxes + ?Sized>(
        root: &'a DrawingArea<DB, Shift>,
        axes: &A,
        style: &'a ChartStyle,
    ) -> DrawResult<XyLayer<'a, DB>> {
        let (frame, (x, y)) = (A::FRAME, axes.ranges());
        let chart = ChartBuilder::on(root)
            .margin_top(style.px(frame.top) as i32)
            .margin_right(style.px(frame.right) as i32)
            .margin_left(style.px(frame.left) as i32)
            .x_label_area_size(style.px(frame.x_labels) as i32)
            .y_label_area_size(style.px(frame.y_labels) as i32)
            .build_cartesian_2d(x.0..x.1, y.0..y.1)
            .map_err(err)?;
        let mapping = PlotMapping::from_area(&chart, x, y);
        Ok(XyLayer {
            root,
            chart,
            mapping,
            style,
        })
    }

    /// The drawing area, the chart, the mapping and the style, to draw with.
    pub fn parts(
        &mut self,
    ) -> (
        &'a DrawingArea<DB, Shift>,
        &mut XyChart<'a, DB>,
        PlotMapping,
        &'a ChartStyle,
    ) {
        (self.root, &mut self.chart, self.mapping, self.style)
    }

    /// Draws the mesh in the app's one style: labels in the text colour, axes in the axis
    /// colour, grid lines at the labelled ticks only.
    fn draw_mesh(&mut self, (x, y): (Ticks<'_>, Ticks<'_>)) -> DrawResult<()> {
        let font = self.style.label_font(12.0);
        let (x_label, y_label) = (|v: &f64| x.format.label(*v), |v: &f64| y.format.label(*v));
        let mut mesh = self.chart.configure_mesh();
        mesh.label_style(font.clone())
            .axis_desc_style(font)
            .axis_style(self.style.axis)
            .bold_line_style(self.style.grid)
            .light_line_style(TRANSPARENT)
            .x_labels(x.count)
            .y_labels(y.count);
        if !matches!(x.format, TickFormat::Plain) {
            mesh.x_label_formatter(&x_label);
        }
        if !matches!(y.format, TickFormat::Plain) {
            mesh.y_label_formatter(&y_label);
        }
        if let Some(title) = x.title {
            mesh.x_desc(title);
        }
        if let Some(title) = y.title {
            mesh.y_desc(title);
        }
        if !x.grid {
            mesh.disable_x_mesh();
        }
        if !y.grid {
            mesh.disable_y_mesh();
        }
        mesh.draw().map_err(err)
    }
}

/// A chart with numeric axes: its layout, its mesh, and what each of its two layers draws.
pub trait XyAxes {
    /// The room around the plot.
    const FRAME: PlotFrame;

    /// What the front layer shows over the axes (bar heights, a point on a curve, …).
    type Marks: ?Sized;

    /// The visible x and y ranges, in data units; by default the unit square, where rates,
    /// probabilities and accuracies live.
    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        ((0.0, 1.0), (0.0, 1.0))
    }

    /// The x and y axes of the mesh.
    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>);

    /// Draws what lies under the mesh on the back layer (shaded bands); nothing by default.
    fn draw_under(&self, _on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        Ok(())
    }

    /// Draws what lies over the mesh on the back layer (curves, labels, the legend).
    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult;

    /// Draws `marks`, the front layer.
    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &Self::Marks) -> DrawResult;
}

/// Draws the back layer of `axes` (what lies under the mesh, the mesh, what lies over it)
/// and returns the pixel mapping of the plot area.
pub fn draw_axes<DB: DrawingBackend, A: XyAxes + ?Sized>(
    root: &DrawingArea<DB, Shift>,
    axes: &A,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let mut layer = XyLayer::new(root, axes, style)?;
    axes.draw_under(&mut layer)?;
    layer.draw_mesh(axes.ticks())?;
    axes.draw_over(&mut layer)?;
    Ok(layer.mapping)
}

/// Draws `marks` on the front layer of `axes`, on the same layout as [`draw_axes`], and
/// returns the same mapping.
pub fn draw_marks<DB: DrawingBackend, A: XyAxes + ?Sized>(
    root: &DrawingArea<DB, Shift>,
    axes: &A,
    marks: &A::Marks,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let mut layer = XyLayer::new(root, axes, style)?;
    axes.draw_front(&mut layer, marks)?;
    Ok(layer.mapping)
}
