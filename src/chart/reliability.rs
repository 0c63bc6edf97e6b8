//! The reliability diagram: the accuracy of the predictions in each confidence bin against
//! their confidence, with the diagonal of perfect calibration and the expected calibration
//! error written in the corner.

use super::{draw_axes, err, ChartStyle, DrawResult, PlotFrame, PlotMapping, TickFormat, Ticks};
use super::{XyAxes, XyLayer};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a reliability diagram shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Reliability {
    /// Per equal-width confidence bin over [0, 1]: (predictions, mean confidence, accuracy).
    pub bins: Vec<(usize, f64, f64)>,
    /// The expected calibration error.
    pub ece: f64,
    /// The lowest confidence possible (1/C for C classes, 0.5 for yes/no): the x axis starts
    /// at 0 anyway, this is shaded as out of reach.
    pub floor: f64,
}

/// One layer: the out-of-reach band under the mesh; the accuracy bars, the diagonal, each
/// bin's mean confidence as a dot and the ECE over it.
impl XyAxes for Reliability {
    const FRAME: PlotFrame = PlotFrame::new(14.0, 16.0, 40.0, 48.0);

    /// Nothing moves: the diagram is redrawn whole.
    type Marks = ();

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        (
            Ticks::new(6, TickFormat::Number).titled("confidence (mean per bin: dots)"),
            Ticks::new(6, TickFormat::Number).titled("accuracy"),
        )
    }

    fn draw_under(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, _, style) = on.parts();
        if self.floor > 0.0 && self.floor < 1.0 {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0, 0.0), (self.floor, 1.0)],
                    style.grid.mix(0.35).filled(),
                )))
                .map_err(err)?;
        }
        Ok(())
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (root, chart, mapping, style) = on.parts();
        let n = self.bins.len().max(1) as f64;
        let colour = style.class_colour(0);
        for (b, &(count, _, accuracy)) in self.bins.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let (x0, x1) = (b as f64 / n, (b + 1) as f64 / n);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [
                        (x0 + 0.1 / n, 0.0),
                        (x1 - 0.1 / n, accuracy.clamp(0.0, 1.0)),
                    ],
                    colour.mix(0.8).filled(),
                )))
                .map_err(err)?;
        }
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                style.axis.stroke_width(style.line(1.5)),
            ))
            .map_err(err)?;
        let dot = style.class_colour(5);
        let dots = self.bins.iter().filter(|(count, _, _)| *count > 0);
        chart
            .draw_series(dots.map(|&(_, conf, acc)| {
                Circle::new(
                    (conf.clamp(0.0, 1.0), acc.clamp(0.0, 1.0)),
                    style.px(4.0) as i32,
                    dot.filled(),
                )
            }))
            .map_err(err)?;
        let font = style.label_font(13.0).pos(Pos::new(HPos::Left, VPos::Top));
        let (x, y) = (
            (mapping.left + style.px(8.0)) as i32,
            (mapping.top + style.px(6.0)) as i32,
        );
        let ece = format!("ECE = {}", format_sig(self.ece, 3));
        root.draw(&Text::new(ece, (x, y), font)).map_err(err)
    }

    fn draw_front(&self, _on: &mut XyLayer<impl DrawingBackend>, _marks: &()) -> DrawResult {
        Ok(())
    }
}

/// Draws the diagram (one layer) and returns the plot's pixel mapping.
pub fn draw_reliability<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &Reliability,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    draw_axes(root, r, style)
}

// Host only: the SVG backend is a host dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn draws_to_svg_with_empty_and_full_bins() {
        let r = Reliability {
            bins: (0..10)
                .map(|b| {
                    if b % 3 == 0 {
                        (0, 0.0, 0.0)
                    } else {
                        (5, b as f64 / 10.0 + 0.05, 0.6)
                    }
                })
                .collect(),
            ece: 0.1234,
            floor: 1.0 / 3.0,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let style = ChartStyle::new(crate::chart::Theme::Light, 1.0);
            let m = draw_reliability(&root, &r, &style).unwrap();
            assert!(m.width > 0.0 && m.height > 0.0);
        }
        assert!(svg.contains("ECE = 0.123"));
        assert!(svg.matches("<rect").count() >= 7);
    }
}
