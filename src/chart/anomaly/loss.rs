//! Loss curves per epoch on a log scale: the static axes and the moving lines.

use super::axis_value;
use crate::chart::{
    draw_lines_with_ends, err, legend_for_lines, sane_range, DrawResult, PlotFrame, TickFormat,
    Ticks, XyAxes, XyLayer,
};
use plotters::prelude::*;

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

/// Both layers of a loss chart: the axes (log y) and the legend at the back; in front,
/// each series (`marks[i][k]` is its value after epoch k + 1) as a line with a dot at its
/// latest value. Values at or below 0 sit on the floor.
impl XyAxes for LossAxes {
    const FRAME: PlotFrame = PlotFrame::new(12.0, 16.0, 40.0, 60.0);

    type Marks = [Vec<f64>];

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let epochs = (0.0, self.epochs.max(1) as f64);
        (epochs, sane_range(self.y_range, (0.0, 1.0)))
    }

    fn ticks(&self) -> (Ticks<'_>, Ticks<'_>) {
        (
            Ticks::new(7, TickFormat::Number).titled(&self.x_label),
            Ticks::new(6, TickFormat::PowerOfTen).titled(&self.y_label),
        )
    }

    fn draw_over(&self, on: &mut XyLayer<impl DrawingBackend>) -> DrawResult {
        let (_, chart, _, style) = on.parts();
        let entries = self.series.iter();
        let entries = entries.map(|(label, colour)| (label.as_str(), style.class_colour(*colour)));
        legend_for_lines(chart, entries, style)
    }

    fn draw_front(&self, on: &mut XyLayer<impl DrawingBackend>, marks: &Self::Marks) -> DrawResult {
        let (style, y_range) = (on.style, on.mapping.y_range);
        let lines = marks.iter().enumerate().map(|(i, values)| {
            let colour = style.class_colour(self.series.get(i).map(|s| s.1).unwrap_or(i));
            let points = values.iter().enumerate();
            let points = points
                .filter_map(|(k, v)| axis_value(*v, true, y_range).map(|y| ((k + 1) as f64, y)));
            (colour, points.collect())
        });
        let radius = style.px(4.5).max(2.0) as i32;
        draw_lines_with_ends(on, lines, |on, _, colour, last| {
            let dot = Circle::new(last, radius, colour.filled());
            on.chart.draw_series(std::iter::once(dot)).map_err(err)?;
            Ok(())
        })
    }
}
