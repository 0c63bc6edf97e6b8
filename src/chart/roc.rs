//! The ROC curve with the diagonal of a random guess, and a marked operating point.

use super::{draw_guided_point, err, DrawResult, PlotFrame, TickFormat, Ticks, XyAxes, XyLayer};
use crate::math::RocPoint;
use plotters::prelude::*;

/// A ROC curve on the unit square of rates, the layout both its layers are drawn on.
pub struct RocCurve<'a> {
    /// The curve's points, from (0, 0) on.
    pub points: &'a [RocPoint],
}

/// Both layers of a ROC plot: the axes, the chance diagonal and the ROC polyline at the
/// back; in front, the operating point at an index (`marks`), with guides to both axes.
impl XyAxes for RocCurve<'_> {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 52.0);

    type Marks = usize;

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        (
            Ticks::new(6, TickFormat::Plain).titled("false positive rate"),
            Ticks::new(6, TickFormat::Plain).titled("true positive rate (recall)"),
        )
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, _, style) = on.parts();
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                style.axis.stroke_width(1),
            ))
            .map_err(err)?;
        let mut line: Vec<(f64, f64)> = self
            .points
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
        Ok(())
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &usize) -> DrawResult {
        let (_, chart, _, style) = on.parts();
        let Some(p) = self.points.get(*marks) else {
            return Ok(());
        };
        let colours = (style.class_colour(1), style.text);
        draw_guided_point(chart, (p.fpr, p.tpr), (0.0, 0.0), colours, style)
    }
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
