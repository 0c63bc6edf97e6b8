//! The stacked histogram of scores per group, on a linear or log axis, with a movable threshold.

use super::{axis_value, draw_flagged, shade_x_band};
use crate::chart::{err, sane_range, DrawResult, PlotFrame, TickFormat, Ticks, XyAxes, XyLayer};
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
    /// y axis title: what one count is (images, predictions).
    pub y_label: &'static str,
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
        let (lo, hi) = sane_range(self.x_range, (0.0, 1.0));
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

/// Both layers of a score histogram: the axes, the band, the stacked bars and the legend
/// at the back; in front, the threshold (`marks`): a line at it and a light shade over
/// everything flagged (scores above it), labelled.
impl XyAxes for ScoreHistogram {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 44.0);

    type Marks = f64;

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        (sane_range(self.x_range, (0.0, 1.0)), (0.0, self.y_top()))
    }

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        let x = Ticks::new(7, TickFormat::log_or_number(self.log_x)).titled(&self.x_label);
        (x, Ticks::new(5, TickFormat::Number).titled(self.y_label))
    }

    fn draw_under(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        shade_x_band(chart, &mapping, self.band, self.log_x, style)
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        let (lo, hi) = mapping.x_range;
        let bins = self.bins.max(1);
        let width = (hi - lo) / bins as f64;
        let counts = self.counts();
        let mut base = vec![0usize; bins];
        for ((label, colour, _), c) in self.groups.iter().zip(&counts) {
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
        if !self.groups.is_empty() {
            crate::chart::draw_legend(chart, style, SeriesLabelPosition::UpperRight)?;
        }
        Ok(())
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &f64) -> DrawResult {
        let (root, chart, mapping, style) = on.parts();
        let Some(t) = axis_value(*marks, self.log_x, mapping.x_range) else {
            return Ok(());
        };
        draw_flagged(chart, &mapping, t, 0.10, style)?;
        let font = style.label_font(12.0).pos(Pos::new(HPos::Left, VPos::Top));
        let (px, py) = (
            mapping.px_of(t) as i32 + style.px(5.0) as i32,
            mapping.top as i32 + style.px(4.0) as i32,
        );
        root.draw(&Text::new("flagged →", (px, py), font))
            .map_err(err)
    }
}
