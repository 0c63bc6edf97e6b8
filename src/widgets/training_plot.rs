//! Training curves growing while a run goes on.

use super::layered_canvas::XyPicture;
use crate::chart::TrainingAxes;
use leptos::prelude::*;

/// Training curves: one line per series against the step, growing while training runs.
///
/// The axes, band, reference line and legend are the background layer (redrawn only when
/// `axes` changes); the lines are the foreground, redrawn when `series` changes.
#[component]
pub fn TrainingPlot(
    /// Steps, y range and scale, labels, band and reference line.
    #[prop(into)]
    axes: Signal<TrainingAxes>,
    /// The series: `series[i][k]` is series `i` after `k` steps.
    #[prop(into)]
    series: Signal<Vec<Vec<f64>>>,
    /// What the chart shows, for screen readers (the numbers are in readouts beside it).
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "training-plot")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    view! { <XyPicture class="training-plot" testid axes marks=series height label /> }
}
