//! Function curves (sigmoid, logit, a loss or its gradient against z) with a draggable point.

use super::{
    draw_guided_point, err, line_legend, sane_range, DrawResult, PlotFrame, TickFormat, Ticks,
    XyAxes, XyLayer,
};
use crate::math;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A curve the app can draw: each is a function of one variable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CurveKind {
    /// p = σ(z).
    Sigmoid,
    /// z = logit(p) = ln(p / (1 − p)), for p in (0, 1).
    Logit,
    /// The diagonal y = x (the mirror line between σ and logit).
    Identity,
    /// Binary cross-entropy against z for target y, from logits (exact).
    BinaryCrossentropy {
        /// Target in [0, 1].
        y: f64,
    },
    /// Its gradient σ(z) − y.
    BinaryCrossentropyGrad {
        /// Target in [0, 1].
        y: f64,
    },
    /// Squared error of σ(z) against y.
    SigmoidSquaredError {
        /// Target in [0, 1].
        y: f64,
    },
    /// Its gradient 2(σ − y)σ(1 − σ).
    SigmoidSquaredErrorGrad {
        /// Target in [0, 1].
        y: f64,
    },
    /// Squared error of a linear output z against y: (z − y)².
    LinearSquaredError {
        /// Target.
        y: f64,
    },
    /// Its gradient 2(z − y).
    LinearSquaredErrorGrad {
        /// Target.
        y: f64,
    },
    /// Keras' probability-path binary cross-entropy of σ(z) (`from_logits=False`: σ clipped
    /// to [1e-7, 1 − 1e-7], so it is flat at 16.118 beyond |z| ≈ 16.118).
    ClippedBinaryCrossentropy {
        /// Target in [0, 1].
        y: f64,
    },
    /// Its gradient: σ(z) − y inside the clip, exactly 0 outside.
    ClippedBinaryCrossentropyGrad {
        /// Target in [0, 1].
        y: f64,
    },
}

impl CurveKind {
    /// The curve's value at `x` (may be ±inf at the logit's ends).
    pub fn eval(&self, x: f64) -> f64 {
        match *self {
            CurveKind::Sigmoid => math::sigmoid(x),
            CurveKind::Logit => math::logit(x),
            CurveKind::Identity => x,
            CurveKind::BinaryCrossentropy { y } => {
                math::binary_crossentropy(&[y], &[x], true).unwrap_or(f64::NAN)
            }
            CurveKind::BinaryCrossentropyGrad { y } => math::binary_crossentropy_grad_logit(y, x),
            CurveKind::SigmoidSquaredError { y } => {
                let d = math::sigmoid(x) - y;
                d * d
            }
            CurveKind::SigmoidSquaredErrorGrad { y } => math::mse_sigmoid_grad_logit(y, x),
            CurveKind::LinearSquaredError { y } => (x - y) * (x - y),
            CurveKind::LinearSquaredErrorGrad { y } => 2.0 * (x - y),
            CurveKind::ClippedBinaryCrossentropy { y } => {
                math::binary_crossentropy(&[y], &[math::sigmoid(x)], false).unwrap_or(f64::NAN)
            }
            CurveKind::ClippedBinaryCrossentropyGrad { y } => {
                math::clipped_binary_crossentropy_grad_logit(y, x)
            }
        }
    }

    /// A short legend label.
    pub fn label(&self) -> String {
        match self {
            CurveKind::Sigmoid => "p = σ(z)".into(),
            CurveKind::Logit => "z = logit(p)".into(),
            CurveKind::Identity => "y = x".into(),
            CurveKind::BinaryCrossentropy { .. } => "BCE(y, σ(z))".into(),
            CurveKind::BinaryCrossentropyGrad { .. } => "∂BCE/∂z".into(),
            CurveKind::SigmoidSquaredError { .. } => "(σ(z) − y)²".into(),
            CurveKind::SigmoidSquaredErrorGrad { .. } => "∂/∂z (σ(z) − y)²".into(),
            CurveKind::LinearSquaredError { .. } => "(z − y)²".into(),
            CurveKind::LinearSquaredErrorGrad { .. } => "∂/∂z (z − y)²".into(),
            CurveKind::ClippedBinaryCrossentropy { .. } => "BCE(y, clip(σ(z)))".into(),
            CurveKind::ClippedBinaryCrossentropyGrad { .. } => "∂/∂z BCE, clipped".into(),
        }
    }
}

/// The static part of a curve plot.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveAxes {
    /// Visible x range.
    pub x_range: (f64, f64),
    /// Visible y range.
    pub y_range: (f64, f64),
    /// x axis title.
    pub x_label: String,
    /// y axis title.
    pub y_label: String,
    /// The curves, drawn in palette order.
    pub curves: Vec<CurveKind>,
}

/// Both layers of a curve plot: axes, grid and every curve with a legend at the back, the
/// draggable point with guide lines to both axes in front.
impl XyAxes for CurveAxes {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 14.0, 40.0, 52.0);

    /// The point: on which curve, at which x.
    type Marks = (CurveKind, f64);

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let fallback = (-1.0, 1.0);
        (
            sane_range(self.x_range, fallback),
            sane_range(self.y_range, fallback),
        )
    }

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        (
            Ticks::new(7, TickFormat::Number).titled(&self.x_label),
            Ticks::new(6, TickFormat::Number).titled(&self.y_label),
        )
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        let samples = (mapping.width as usize).clamp(50, 800);
        let width = style.line(2.5);
        for (i, kind) in self.curves.iter().enumerate() {
            let colour = if *kind == CurveKind::Identity {
                style.axis
            } else {
                style.class_colour(i)
            };
            let mut first = true;
            for seg in segments(*kind, mapping.x_range, mapping.y_range, samples) {
                let series = chart
                    .draw_series(LineSeries::new(seg, colour.stroke_width(width)))
                    .map_err(err)?;
                if first {
                    series.label(kind.label()).legend(line_legend(colour));
                    first = false;
                }
            }
        }
        if !self.curves.is_empty() {
            let corner = emptiest_corner(&self.curves, mapping.x_range, mapping.y_range);
            super::draw_legend(chart, style, corner)?;
        }
        Ok(())
    }

    /// Nothing where the curve is not finite at `x`.
    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &Self::Marks) -> DrawResult {
        let ((kind, x), (_, chart, mapping, style)) = (*marks, on.parts());
        let y = kind.eval(x);
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let (lo, hi) = mapping.y_range;
        let yc = y.clamp(lo, hi);
        let origin = (mapping.x_range.0, lo);
        let colours = (style.accent, style.background);
        draw_guided_point(chart, (x, yc), origin, colours, style)?;
        if y > hi || y < lo {
            // Off the scale: the point waits at the edge, and a label beside it gives the
            // value and the direction it lies in.
            let (root, px, py) = (on.root, mapping.px_of(x), mapping.py_of(yc));
            let up = y > hi;
            let gap = style.px(11.0);
            let py = if up {
                py + style.px(6.0)
            } else {
                py - style.px(6.0)
            };
            let right = px < mapping.left + mapping.width / 2.0;
            let anchor = if right { HPos::Left } else { HPos::Right };
            let tx = if right { px + gap } else { px - gap };
            let font = style.label_font(12.0).pos(Pos::new(anchor, VPos::Center));
            let text = format!(
                "{} {}",
                crate::format::format_sig(y, 3),
                if up { "↑" } else { "↓" }
            );
            root.draw(&Text::new(text, (tx as i32, py as i32), font))
                .map_err(err)?;
        }
        Ok(())
    }
}

/// The corner of the plot that the curves cross least, for the legend: a box of about a
/// third of the width and a quarter of the height in each corner, counted on a sample grid.
fn emptiest_corner(curves: &[CurveKind], x: (f64, f64), y: (f64, f64)) -> SeriesLabelPosition {
    let corners = [
        (SeriesLabelPosition::UpperLeft, false, true),
        (SeriesLabelPosition::UpperRight, true, true),
        (SeriesLabelPosition::LowerLeft, false, false),
        (SeriesLabelPosition::LowerRight, true, false),
    ];
    let (w, h) = (x.1 - x.0, y.1 - y.0);
    let crossings = |right: bool, upper: bool| {
        let xs = if right {
            (x.1 - w * 0.4, x.1)
        } else {
            (x.0, x.0 + w * 0.4)
        };
        let ys = if upper {
            (y.1 - h * 0.3, y.1)
        } else {
            (y.0, y.0 + h * 0.3)
        };
        (0..=60)
            .map(|k| xs.0 + (xs.1 - xs.0) * k as f64 / 60.0)
            .map(|xv| {
                curves
                    .iter()
                    .filter(|c| (ys.0..=ys.1).contains(&c.eval(xv)))
                    .count()
            })
            .sum::<usize>()
    };
    corners
        .into_iter()
        .min_by_key(|(_, right, upper)| crossings(*right, *upper))
        .map_or(SeriesLabelPosition::UpperLeft, |(corner, _, _)| corner)
}

/// Points of a curve over the visible x range, cut where it leaves the plot or is not finite
/// (so the logit's asymptotes don't draw as a vertical wall).
fn segments(kind: CurveKind, x: (f64, f64), y: (f64, f64), samples: usize) -> Vec<Vec<(f64, f64)>> {
    let mut out = vec![];
    let mut current: Vec<(f64, f64)> = vec![];
    let margin = (y.1 - y.0) * 0.02;
    for k in 0..=samples {
        let xv = x.0 + (x.1 - x.0) * k as f64 / samples as f64;
        let yv = kind.eval(xv);
        if yv.is_finite() && yv > y.0 - margin && yv < y.1 + margin {
            current.push((xv, yv.clamp(y.0 - margin, y.1 + margin)));
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_goes_where_the_curves_are_not() {
        // A parabola fills the upper corners and the middle of the bottom; a sigmoid fills
        // the lower left and the upper right. Neither legend may sit on its curve.
        let parabola = [CurveKind::LinearSquaredError { y: 0.0 }];
        let corner = emptiest_corner(&parabola, (-6.0, 6.0), (-1.0, 3.0));
        assert!(matches!(
            corner,
            SeriesLabelPosition::LowerLeft | SeriesLabelPosition::LowerRight
        ));
        let sigmoid = [CurveKind::Sigmoid];
        let corner = emptiest_corner(&sigmoid, (-6.0, 6.0), (0.0, 1.0));
        assert!(matches!(
            corner,
            SeriesLabelPosition::UpperLeft | SeriesLabelPosition::LowerRight
        ));
    }

    #[test]
    fn logit_curve_is_cut_at_its_asymptotes() {
        let segs = segments(CurveKind::Logit, (0.0, 1.0), (-6.0, 6.0), 200);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].iter().all(|(_, y)| y.is_finite()));
    }

    #[test]
    fn curves_evaluate() {
        assert!((CurveKind::Logit.eval(0.9) - 9f64.ln()).abs() < 1e-12);
        assert!((CurveKind::SigmoidSquaredErrorGrad { y: 1.0 }.eval(-8.0) + 6.7e-4).abs() < 1e-5);
        assert_eq!(CurveKind::LinearSquaredError { y: 0.5 }.eval(2.5), 4.0);
        assert_eq!(CurveKind::LinearSquaredErrorGrad { y: 0.5 }.eval(2.5), 4.0);
        assert!(
            (CurveKind::ClippedBinaryCrossentropy { y: 1.0 }.eval(-30.0) - 16.118).abs() < 1e-3
        );
        assert_eq!(
            CurveKind::ClippedBinaryCrossentropyGrad { y: 1.0 }.eval(-17.0),
            0.0
        );
    }
}
