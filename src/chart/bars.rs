//! Bar charts: the draggable logit bars and the probability bars under them.

use super::{
    err, sane_range, ChartStyle, DrawResult, PlotFrame, PlotMapping, TickFormat, Ticks, XyAxes,
    XyLayer,
};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The static part of a bar chart: how many bars, the value range, the labels.
#[derive(Clone, Debug, PartialEq)]
pub struct BarAxes {
    /// Number of bars (classes).
    pub classes: usize,
    /// Values at the bottom and top of the plot.
    pub y_range: (f64, f64),
    /// Axis title, e.g. "logit z".
    pub y_label: String,
    /// One label per bar, e.g. "class 0".
    pub class_labels: Vec<String>,
    /// Class 0 is a segmentation background: coloured as in the class maps (a quiet grey),
    /// so a class keeps one colour across the page.
    pub background_class: bool,
}

/// The moving part of a bar chart.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BarMarks {
    /// Bar heights (clamped to the visible range when drawn).
    pub values: Vec<f64>,
    /// A bar to mark (the argmax): outlined, with a ▲ under its class label.
    pub marked: Option<usize>,
    /// The true class, if the chart has one: "true" under its class label.
    pub truth: Option<usize>,
    /// Optional arrows drawn from each bar's top: the change a gradient step would make.
    pub arrows: Option<Vec<f64>>,
    /// Print each value above its bar.
    pub value_labels: bool,
    /// A dashed horizontal line (e.g. the 0.5 threshold on probabilities).
    pub threshold: Option<f64>,
}

/// Both layers of a bar chart: the axes, grid, zero line and class labels at the back, the
/// bars, the argmax marker, the value labels and the arrows in front.
impl XyAxes for BarAxes {
    const FRAME: PlotFrame = PlotFrame {
        left: 4.0,
        // Two lines under the bars: the class labels, then the ▲ / "true" marks.
        ..PlotFrame::new(14.0, 10.0, 40.0, 58.0)
    };

    type Marks = BarMarks;

    /// One unit of width per bar.
    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let bars = (0.0, self.classes.max(1) as f64);
        (bars, sane_range(self.y_range, (-1.0, 1.0)))
    }

    /// No x ticks (the class labels stand under the bars), values up the side.
    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        let x = Ticks::new(0, TickFormat::Plain).without_grid();
        (x, Ticks::new(7, TickFormat::Number).titled(&self.y_label))
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (root, chart, mapping, style) = on.parts();
        let (lo, hi) = mapping.y_range;
        if lo < 0.0 && hi > 0.0 {
            chart
                .draw_series(LineSeries::new(
                    [(0.0, 0.0), (mapping.x_range.1, 0.0)],
                    style.axis.stroke_width(style.line(1.0)),
                ))
                .map_err(err)?;
        }
        let label_font = style
            .label_font(12.0)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let y = (mapping.top + mapping.height + style.px(6.0)) as i32;
        for (i, label) in self.class_labels.iter().enumerate().take(self.classes) {
            let x = mapping.px_of(i as f64 + 0.5) as i32;
            root.draw(&Text::new(label.as_str(), (x, y), label_font.clone()))
                .map_err(err)?;
        }
        Ok(())
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &BarMarks) -> DrawResult {
        let (root, chart, mapping, style) = on.parts();
        let (lo, hi) = mapping.y_range;
        let base = 0.0_f64.clamp(lo, hi);
        let clamp = |v: f64| if v.is_nan() { base } else { v.clamp(lo, hi) };
        let line = style.line(2.0);
        if let Some(t) = marks.threshold.filter(|t| *t > lo && *t < hi) {
            // Dashes drawn as short segments (plotters' DashedLineSeries is not in every backend).
            let n = mapping.x_range.1;
            let steps = (n * 12.0).ceil() as usize;
            let dashes = (0..steps).step_by(2).map(|k| {
                let a = k as f64 / 12.0;
                PathElement::new(
                    vec![(a, t), ((a + 1.0 / 24.0).min(n), t)],
                    style.axis.stroke_width(line),
                )
            });
            chart.draw_series(dashes).map_err(err)?;
        }
        let labels = BarLabels {
            root,
            mapping: &mapping,
            style,
        };
        for (i, &v) in marks.values.iter().enumerate().take(self.classes) {
            let x0 = i as f64 + 0.18;
            let x1 = i as f64 + 0.82;
            let top = clamp(v);
            let colour = if self.background_class {
                super::mask_grid::class_map_colour(i, style)
            } else {
                style.class_colour(i)
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, base), (x1, top)],
                    colour.filled(),
                )))
                .map_err(err)?;
            let px = mapping.px_of(i as f64 + 0.5);
            let above = top >= base;
            if marks.value_labels {
                let end = mapping.py_of(top);
                labels.value(format_sig(v, 3), px, end, above)?;
            }
            if marks.marked == Some(i) {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x0, base), (x1, top)],
                        style.text.stroke_width(line),
                    )))
                    .map_err(err)?;
            }
            let (marked, truth) = (marks.marked == Some(i), marks.truth == Some(i));
            labels.class_marks(px, marked, truth)?;
        }
        if let Some(arrows) = &marks.arrows {
            for (i, &d) in arrows.iter().enumerate().take(self.classes) {
                let start = clamp(*marks.values.get(i).unwrap_or(&0.0));
                let end = clamp(start + d);
                let (px, py0, py1) = (
                    mapping.px_of(i as f64 + 0.91),
                    mapping.py_of(start),
                    mapping.py_of(end),
                );
                if !d.is_finite() || (py1 - py0).abs() < style.px(3.0) {
                    continue;
                }
                let stroke = style.accent.stroke_width(line);
                root.draw(&PathElement::new(
                    vec![(px as i32, py0 as i32), (px as i32, py1 as i32)],
                    stroke,
                ))
                .map_err(err)?;
                let head = style.px(6.0);
                let dir = if py1 < py0 { 1.0 } else { -1.0 };
                root.draw(&Polygon::new(
                    vec![
                        ((px - head) as i32, (py1 + dir * head) as i32),
                        ((px + head) as i32, (py1 + dir * head) as i32),
                        (px as i32, py1 as i32),
                    ],
                    style.accent.filled(),
                ))
                .map_err(err)?;
            }
        }
        Ok(())
    }
}

/// The root area, the plot's mapping and the style: what the labels under and on a bar need.
struct BarLabels<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    mapping: &'a PlotMapping,
    style: &'a ChartStyle,
}

impl<DB: DrawingBackend> BarLabels<'_, DB> {
    /// A bar's value printed at its end, on a patch of background so neither a dashed threshold
    /// nor a neighbouring bar runs through it, and kept inside the plot (a bar at the bottom of
    /// the range would otherwise print over its class label).
    fn value(&self, text: String, px: f64, end_py: f64, above: bool) -> DrawResult<()> {
        let Self {
            root,
            mapping,
            style,
        } = *self;
        let font = style
            .label_font(12.0)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let (w, h) = root.estimate_text_size(&text, &font).map_err(err)?;
        let (w, h) = (w as f64, h as f64);
        let gap = style.px(3.0);
        let wanted = if above {
            end_py - gap - h
        } else {
            end_py + gap
        };
        let py = wanted.clamp(
            (mapping.top - style.px(12.0)).max(0.0),
            mapping.top + mapping.height - h - gap,
        );
        let pad = style.px(2.0);
        root.draw(&Rectangle::new(
            [
                ((px - w / 2.0 - pad) as i32, (py - pad / 2.0) as i32),
                ((px + w / 2.0 + pad) as i32, (py + h + pad / 2.0) as i32),
            ],
            style.background.filled(),
        ))
        .map_err(err)?;
        root.draw(&Text::new(text, (px as i32, py as i32), font))
            .map_err(err)
    }

    /// The second line under a bar: ▲ for the marked bar (the most likely class), "true" for the
    /// true class. Drawn below the class labels, so it never leaves the chart or covers a bar.
    fn class_marks(&self, px: f64, marked: bool, truth: bool) -> DrawResult<()> {
        let Self {
            root,
            mapping,
            style,
        } = *self;
        if !marked && !truth {
            return Ok(());
        }
        let y = mapping.top + mapping.height + style.px(24.0);
        let s = style.px(6.0);
        let font = style.label_font(12.0).pos(Pos::new(HPos::Left, VPos::Top));
        let (text_w, _) = if truth {
            root.estimate_text_size("true", &font).map_err(err)?
        } else {
            (0, 0)
        };
        let gap = style.px(4.0);
        let width = if marked { 2.0 * s } else { 0.0 }
            + if truth { text_w as f64 } else { 0.0 }
            + if marked && truth { gap } else { 0.0 };
        let left = px - width / 2.0;
        if marked {
            root.draw(&Polygon::new(
                vec![
                    ((left) as i32, (y + 2.0 * s * 0.85) as i32),
                    ((left + 2.0 * s) as i32, (y + 2.0 * s * 0.85) as i32),
                    ((left + s) as i32, y as i32),
                ],
                style.text.filled(),
            ))
            .map_err(err)?;
        }
        if truth {
            let x = if marked { left + 2.0 * s + gap } else { left };
            root.draw(&Text::new("true", (x as i32, y as i32), font))
                .map_err(err)?;
        }
        Ok(())
    }
}
