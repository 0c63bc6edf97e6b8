//! Training curves: one value per gradient-descent step for each of a few series.
//!
//! The series are the training race's predictions, or their squared errors on a log scale,
//! drawn in two layers: axes, legend, a shaded band and a dashed reference line at the
//! back, the lines themselves (which grow while training runs) at the front.

use super::{
    draw_lines_with_ends, err, legend_for_lines, sane_range, shade_band, DrawResult, PlotFrame,
    TickFormat, Ticks, XyAxes, XyLayer,
};
use plotters::prelude::*;

/// The static part of a training chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingAxes {
    /// The x axis runs from step 0 to this step.
    pub steps: usize,
    /// Visible y range, in data units; with `log_y`, in powers of ten (−8 means 1e−8).
    pub y_range: (f64, f64),
    /// Plot log₁₀ of the values (values at or below the floor 10^`y_range.0`, and exact
    /// zeros, sit on the floor).
    pub log_y: bool,
    /// y axis title.
    pub y_label: String,
    /// One legend label per series, in palette order.
    pub series: Vec<String>,
    /// A shaded horizontal band, e.g. the outputs a pixel can take, [0, 1].
    pub band: Option<(f64, f64)>,
    /// A dashed horizontal line, e.g. the target.
    pub reference: Option<f64>,
}

/// Both layers of a training chart: the axes, the band, the reference line and the legend
/// at the back; in front, each series as a line from step 0 (series `i` has its value
/// after `k` steps at index `k`) with a marker at its last point: a circle, a triangle, a
/// square, … so the series differ by shape as well as colour.
impl XyAxes for TrainingAxes {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 14.0, 40.0, 56.0);

    type Marks = [Vec<f64>];

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let steps = (0.0, self.steps.max(1) as f64);
        (steps, sane_range(self.y_range, (0.0, 1.0)))
    }

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        let y = Ticks::new(7, TickFormat::log_or_number(self.log_y)).titled(&self.y_label);
        (Ticks::new(7, TickFormat::Number).titled("step"), y)
    }

    fn draw_under(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        let (lo, hi) = mapping.y_range;
        match self.band {
            Some((a, b)) if b.min(hi) > a.max(lo) => shade_band(
                chart,
                [(0.0, a.max(lo)), (mapping.x_range.1, b.min(hi))],
                style,
            ),
            _ => Ok(()),
        }
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        let (lo, hi) = mapping.y_range;
        let steps = mapping.x_range.1;
        if let Some(t) = self.reference.and_then(|t| plot_y(self, t)) {
            if t > lo && t < hi {
                let line = style.line(1.5);
                let n = 60;
                let dashes = (0..n).step_by(2).map(|k| {
                    let a = steps * k as f64 / n as f64;
                    let b = steps * (k + 1) as f64 / n as f64;
                    PathElement::new(vec![(a, t), (b, t)], style.axis.stroke_width(line))
                });
                chart.draw_series(dashes).map_err(err)?;
            }
        }
        let entries = self.series.iter().enumerate();
        let entries = entries.map(|(i, label)| (label.as_str(), style.class_colour(i)));
        legend_for_lines(chart, entries, style)
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &Self::Marks) -> DrawResult {
        let style = on.style;
        let r = style.px(5.0).max(2.0) as i32;
        let lines = marks.iter().enumerate().map(|(i, values)| {
            let points = values.iter().enumerate();
            let points = points.filter_map(|(k, v)| plot_y(self, *v).map(|y| (k as f64, y)));
            (style.class_colour(i), points.collect())
        });
        draw_lines_with_ends(on, lines, |on, i, colour, (x, y)| {
            let (px, py) = (on.mapping.px_of(x) as i32, on.mapping.py_of(y) as i32);
            let outline = style.background.stroke_width(style.line(1.5));
            let root = on.root;
            match i % 3 {
                0 => {
                    root.draw(&Circle::new((px, py), r, colour.filled()))
                        .map_err(err)?;
                    root.draw(&Circle::new((px, py), r, outline)).map_err(err)
                }
                1 => {
                    let tri = vec![(px, py - r - 1), (px - r - 1, py + r), (px + r + 1, py + r)];
                    root.draw(&Polygon::new(tri, colour.filled())).map_err(err)
                }
                _ => {
                    let sq = [(px - r, py - r), (px + r, py + r)];
                    root.draw(&Rectangle::new(sq, colour.filled()))
                        .map_err(err)?;
                    root.draw(&Rectangle::new(sq, outline)).map_err(err)
                }
            }
        })
    }
}

/// Where a value sits on the chart's y axis, or `None` if it cannot be drawn (NaN).
/// Values beyond the visible range are pinned just outside it, so lines leave the plot
/// at the right angle instead of vanishing.
pub fn plot_y(axes: &TrainingAxes, value: f64) -> Option<f64> {
    let (lo, hi) = sane_range(axes.y_range, (0.0, 1.0));
    let margin = (hi - lo) * 0.05;
    if value.is_nan() {
        return None;
    }
    let v = if axes.log_y {
        if value <= 0.0 {
            lo
        } else {
            value.log10().max(lo)
        }
    } else {
        value
    };
    Some(v.clamp(lo - margin, hi + margin))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{draw_axes, draw_marks, fill_background, ChartStyle, Theme};

    fn axes(log_y: bool) -> TrainingAxes {
        TrainingAxes {
            steps: 150,
            y_range: if log_y { (-8.0, 0.5) } else { (-0.2, 1.6) },
            log_y,
            y_label: "prediction".into(),
            series: vec!["a".into(), "b".into(), "c".into()],
            band: Some((0.0, 1.0)),
            reference: Some(0.9),
        }
    }

    #[test]
    fn values_map_onto_the_axis() {
        let log = axes(true);
        assert_eq!(plot_y(&log, 1e-3), Some(-3.0));
        assert_eq!(plot_y(&log, 0.0), Some(-8.0));
        assert_eq!(plot_y(&log, 1e-30), Some(-8.0));
        assert_eq!(plot_y(&log, f64::NAN), None);
        let lin = axes(false);
        assert_eq!(plot_y(&lin, 0.5), Some(0.5));
        assert!(plot_y(&lin, 1e9).is_some_and(|y| y < 1.8));
        assert!(plot_y(&lin, f64::NEG_INFINITY).is_some_and(|y| y > -0.4));
    }

    #[test]
    fn draws_for_edge_data_on_both_layers_with_one_layout() {
        let cases: Vec<Vec<Vec<f64>>> = vec![
            vec![],
            vec![vec![]],
            vec![vec![0.5]],
            vec![
                (0..151).map(|k| 0.9 - 0.85 * 0.8f64.powi(k)).collect(),
                vec![0.05, f64::NAN, 0.2, f64::INFINITY],
                vec![1e-300, 0.0, -1.0, 1e9],
            ],
        ];
        for log_y in [false, true] {
            for series in &cases {
                for theme in [Theme::Light, Theme::Dark] {
                    let mut svg = String::new();
                    {
                        let root =
                            SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
                        let style = ChartStyle::new(theme, 1.5);
                        fill_background(&root, &style).unwrap();
                        let a = axes(log_y);
                        let m1 = draw_axes(&root, &a, &style).unwrap();
                        let m2 = draw_marks(&root, &a, series, &style).unwrap();
                        assert_eq!(m1, m2);
                        root.present().unwrap();
                    }
                    assert!(svg.starts_with("<svg"));
                    assert!(!svg.contains("NaN"), "NaN in the SVG for {series:?}");
                }
            }
        }
        // A broken range still draws.
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
            let style = ChartStyle::new(Theme::Light, 1.0);
            let mut a = axes(false);
            a.y_range = (f64::NAN, 1.0);
            a.steps = 0;
            draw_axes(&root, &a, &style).unwrap();
            draw_marks(&root, &a, &[vec![0.1, 0.2]], &style).unwrap();
        }
        assert!(!svg.contains("NaN"));
    }
}
