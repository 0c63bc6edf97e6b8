//! A batch of multi-label predictions drawn as a grid of samples by labels.

use super::layered_canvas::{no_background, Picture};
use crate::chart::{draw_batch_grid, BatchGrid};
use leptos::prelude::*;

/// A batch of multi-label predictions as a grid (rows = samples, columns = labels): shade =
/// predicted probability, thick outline = a true label, dot = predicted positive.
#[component]
pub fn BatchGridView(
    /// The grid to draw.
    #[prop(into)]
    grid: Signal<BatchGrid>,
    /// `data-testid` of the widget.
    #[prop(default = "batch-grid")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 320)]
    height: u32,
) -> impl IntoView {
    // The grid is all on top (it changes with every slider move).
    let foreground = move |area: &_, style: &_| grid.with(|g| draw_batch_grid(area, g, style));
    let label = Signal::derive(move || {
        grid.with(|g| {
            let predicted = g.probs.iter().filter(|p| **p > g.threshold).count();
            let positives = g.targets.iter().filter(|t| **t == 1.0).count();
            format!("Batch of {} samples by {} labels: {positives} true labels, {predicted} predicted positive", g.rows, g.cols)
        })
    });
    view! { <Picture class="batch-grid" testid background=no_background foreground height label /> }
}
