//! The dot plot: one dot per image, a row per kind, against its score (the inspection picker).

use super::{axis_value, draw_flagged, shade_x_band};
use crate::chart::{err, sane_range, DrawResult, PlotFrame, TickFormat, Ticks, XyAxes, XyLayer};
use plotters::prelude::*;

/// How much of a row's height the dots are spread over.
pub const DOT_SPREAD: f64 = 0.76;

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
    /// stacked top to bottom. Within its row a dot is spread by its rank along x (the
    /// golden-ratio sequence): any two dots next to each other in score land at least
    /// [`DOT_SPREAD`] × 0.38 of a row apart, so a crowd of close scores fills the row's
    /// height instead of piling up.
    pub fn position(&self, i: usize) -> Option<(f64, f64)> {
        let (row, score) = *self.dots.get(i)?;
        let x = axis_value(score, self.log_x, self.x_range)?;
        let n = self.rows.len().max(1);
        let row = row.min(n - 1);
        let rank = self
            .dots
            .iter()
            .enumerate()
            .filter(|(j, (r, s))| (*r).min(n - 1) == row && (*s < score || (*s == score && *j < i)))
            .count();
        let jitter = ((rank as f64 * 0.618_033_988_75).fract() - 0.5) * DOT_SPREAD;
        let y = (n - row) as f64 - 0.5 + jitter;
        Some((x, y))
    }
}

/// Both layers of a dot plot: the axes, the row labels and every dot in its row's colour
/// at the back; in front, the threshold line (when given) and a ring around the selected
/// dot.
impl XyAxes for DotPlot {
    const FRAME: PlotFrame = PlotFrame::new(10.0, 16.0, 40.0, 104.0);

    /// The threshold and the selected dot.
    type Marks = (Option<f64>, Option<usize>);

    /// Scores across, one unit of height per row.
    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let rows = self.rows.len().max(1) as f64;
        (sane_range(self.x_range, (0.0, 1.0)), (0.0, rows))
    }

    /// Scores across; a label at the centre of each row, the rows' own lines as its grid.
    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        let x = Ticks::new(7, TickFormat::log_or_number(self.log_x)).titled(&self.x_label);
        let rows = Ticks::new(self.rows.len().max(1) * 2 + 1, TickFormat::Rows(&self.rows));
        (x, rows.without_grid())
    }

    fn draw_under(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        shade_x_band(chart, &mapping, self.band, self.log_x, style)
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        for r in 1..self.rows.len().max(1) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(mapping.x_range.0, r as f64), (mapping.x_range.1, r as f64)],
                    style.grid.stroke_width(1),
                )))
                .map_err(err)?;
        }
        let radius = style.px(4.0).max(2.0) as i32;
        let dots = (0..self.dots.len()).filter_map(|i| {
            let (row, _) = self.dots[i];
            let colour = self.rows.get(row).map(|r| r.1).unwrap_or(0);
            self.position(i)
                .map(|p| Circle::new(p, radius, style.class_colour(colour).mix(0.85).filled()))
        });
        chart.draw_series(dots).map_err(err)?;
        Ok(())
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &Self::Marks) -> DrawResult {
        let ((threshold, selected), (_, chart, mapping, style)) = (*marks, on.parts());
        if let Some(t) = threshold.and_then(|t| axis_value(t, self.log_x, mapping.x_range)) {
            draw_flagged(chart, &mapping, t, 0.08, style)?;
        }
        if let Some(p) = selected.and_then(|i| self.position(i)) {
            let ring = style.accent.stroke_width(style.line(2.5));
            let circle = Circle::new(p, style.px(8.0) as i32, ring);
            chart.draw_series(std::iter::once(circle)).map_err(err)?;
        }
        Ok(())
    }
}
