//! The confusion matrix as a picture: a cell per (true, predicted) pair, shaded by the share
//! of its true class's rows, with its count; the picked cell ringed in front.

use super::{err, DrawResult, PlotFrame, TickFormat, Ticks, XyAxes, XyLayer};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Up to this many classes the count is written in each cell.
const COUNTS_UP_TO: usize = 12;

/// A confusion matrix: `counts[true][predicted]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Confusion {
    /// Rows: the true class; columns: the predicted class.
    pub counts: Vec<Vec<usize>>,
    /// Class names, top row first (for the y axis).
    rows: Vec<(String, usize)>,
    /// The same names in the order the x axis reads them.
    columns: Vec<(String, usize)>,
}

impl Confusion {
    /// The picture of `counts` (square, one row and one column per class).
    pub fn new(counts: Vec<Vec<usize>>) -> Confusion {
        let names: Vec<(String, usize)> = (0..counts.len()).map(|i| (i.to_string(), 0)).collect();
        // `TickFormat::Rows` reads from the top row down; the x axis runs left to right,
        // which is the same reading on the reversed list.
        let columns = names.iter().rev().cloned().collect();
        Confusion {
            counts,
            rows: names,
            columns,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.counts.len()
    }

    /// The (true, predicted) cell at a point in data units, if it is on the grid.
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let c = self.classes() as f64;
        if !(0.0..c).contains(&x) || !(0.0..c).contains(&y) {
            return None;
        }
        Some(((c - y).floor() as usize, x.floor() as usize))
    }
}

/// The cell of row `i`, column `j`, in data units.
fn cell(c: usize, i: usize, j: usize) -> [(f64, f64); 2] {
    let top = (c - i) as f64;
    [(j as f64, top), (j as f64 + 1.0, top - 1.0)]
}

/// Back: the cells, shaded by row share, with their counts; front: a ring round the picked
/// cell.
impl XyAxes for Confusion {
    const FRAME: PlotFrame = PlotFrame::new(10.0, 16.0, 44.0, 52.0);

    /// The picked (true, predicted) cell.
    type Marks = Option<(usize, usize)>;

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let c = self.classes().max(1) as f64;
        ((0.0, c), (0.0, c))
    }

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        let n = self.classes().max(1) * 2 + 1;
        (
            Ticks::new(n, TickFormat::Rows(&self.columns))
                .titled("predicted class")
                .without_grid(),
            Ticks::new(n, TickFormat::Rows(&self.rows))
                .titled("true class")
                .without_grid(),
        )
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, mapping, style) = on.parts();
        let c = self.classes();
        let (right, wrong) = (style.class_colour(0), style.class_colour(5));
        for (i, row) in self.counts.iter().enumerate() {
            let total = row.iter().sum::<usize>().max(1) as f64;
            for (j, &n) in row.iter().enumerate() {
                let share = n as f64 / total;
                let colour = if i == j { right } else { wrong };
                let fill = if n == 0 {
                    style.background.filled()
                } else {
                    colour.mix(0.15 + 0.85 * share).filled()
                };
                chart
                    .draw_series(std::iter::once(Rectangle::new(cell(c, i, j), fill)))
                    .map_err(err)?;
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        cell(c, i, j),
                        style.grid.stroke_width(1),
                    )))
                    .map_err(err)?;
                let cell_px = mapping.width / c.max(1) as f64;
                if c <= COUNTS_UP_TO && cell_px >= style.px(22.0) {
                    // Dark text on light cells, light text on dark ones.
                    let ink = if share > 0.55 {
                        style.background
                    } else {
                        style.text
                    };
                    let font = style
                        .label_font(if c <= 6 { 14.0 } else { 11.0 })
                        .color(&ink)
                        .pos(Pos::new(HPos::Center, VPos::Center));
                    let centre = (j as f64 + 0.5, (c - i) as f64 - 0.5);
                    chart
                        .draw_series(std::iter::once(Text::new(n.to_string(), centre, font)))
                        .map_err(err)?;
                }
            }
        }
        Ok(())
    }

    fn draw_front(
        &self,
        on: &mut XyLayer<impl DrawingBackend>,
        picked: &Self::Marks,
    ) -> DrawResult {
        let Some((i, j)) = *picked else {
            return Ok(());
        };
        let c = self.classes();
        if i >= c || j >= c {
            return Ok(());
        }
        let (_, chart, _, style) = on.parts();
        let width = style.line(3.0);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                cell(c, i, j),
                style.accent.stroke_width(width.max(2)),
            )))
            .map_err(err)?;
        Ok(())
    }
}

// Host only: the SVG backend is a host dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{draw_axes, draw_marks, ChartStyle, Theme};

    #[test]
    fn cells_are_found_where_they_are_drawn() {
        let m = Confusion::new(vec![vec![5, 1, 0], vec![2, 7, 1], vec![0, 0, 9]]);
        // Row 0 (true class 0) is the top row; column 2 the right-most.
        assert_eq!(m.cell_at(2.5, 2.5), Some((0, 2)));
        assert_eq!(m.cell_at(0.1, 0.1), Some((2, 0)));
        assert_eq!(m.cell_at(1.0, 1.999), Some((1, 1)));
        assert_eq!(m.cell_at(3.0, 1.0), None);
        assert_eq!(m.cell_at(-0.1, 1.0), None);
    }

    #[test]
    fn draws_counts_labels_and_the_picked_ring() {
        let m = Confusion::new(vec![vec![5, 1, 0], vec![2, 7, 1], vec![0, 0, 9]]);
        let style = ChartStyle::new(Theme::Light, 1.0);
        let mut back = String::new();
        {
            let root = SVGBackend::with_string(&mut back, (400, 320)).into_drawing_area();
            let map = draw_axes(&root, &m, &style).unwrap();
            assert!(map.width > 100.0 && map.height > 100.0);
        }
        let compact: String = back.split('\n').map(str::trim).collect();
        for text in [
            ">7</text>",
            ">9</text>",
            ">predicted class</text>",
            ">true class</text>",
        ] {
            assert!(compact.contains(text), "{text} missing");
        }
        let mut front = String::new();
        {
            let root = SVGBackend::with_string(&mut front, (400, 320)).into_drawing_area();
            draw_marks(&root, &m, &Some((1, 0)), &style).unwrap();
        }
        assert_eq!(front.matches("<rect").count(), 1);
    }
}
