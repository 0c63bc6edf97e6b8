//! Probability maps and tensor grids shown side by side (pictures only, no input).

use super::layered_canvas::{no_background, Picture};
use crate::chart::mask_grid::{
    draw_mask_frames, draw_tensor_grids, truth_colour, MaskPanels, TensorGrid,
};
use leptos::prelude::*;

/// Probability maps side by side (e.g. what each output head predicts), each with the true
/// object outlined and a dot on every pixel above `threshold`. Titles and frames are the
/// background; the maps, which change while training runs, the foreground.
#[component]
pub fn MaskMaps(
    /// Cells per side.
    size: usize,
    /// One title per map.
    titles: Vec<String>,
    /// The maps: P(object) per pixel, row-major.
    #[prop(into)]
    maps: Signal<Vec<Vec<f64>>>,
    /// The probability above which a pixel counts as predicted object (it gets a dot).
    threshold: f64,
    /// The ground truth (0/1), outlined on every map.
    #[prop(into)]
    truth: Signal<Vec<f64>>,
    /// What the maps show, for screen readers (the numbers are in readouts beside them).
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "mask-maps")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    let panels = StoredValue::new(MaskPanels {
        size,
        titles,
        active: 0,
        probability_key: true,
    });
    let background =
        move |area: &_, style: &_| panels.with_value(|p| draw_mask_frames(area, p, style));
    let foreground = move |area: &_, style: &_| {
        panels.with_value(|p| {
            let inside: Vec<bool> = truth.with(|t| t.iter().map(|v| *v >= 0.5).collect());
            maps.with(|maps| {
                for (i, m) in maps.iter().enumerate() {
                    let panel = p.panel(area, i, style);
                    panel.probabilities(m, Some(threshold))?;
                    panel.outline(&inside, truth_colour(style))?;
                }
                Ok(())
            })
        })
    };
    view! { <Picture class="mask-maps" testid background foreground height label /> }
}

/// Small tensors drawn as grids of labelled cells coloured by class (read-only).
#[component]
pub fn TensorGrids(
    /// The tensors, left to right.
    #[prop(into)]
    grids: Signal<Vec<TensorGrid>>,
    /// What the picture shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "tensor-grids")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 240)]
    height: u32,
) -> impl IntoView {
    let foreground = move |area: &_, style: &_| grids.with(|g| draw_tensor_grids(area, g, style));
    view! { <Picture class="tensor-grids" testid background=no_background foreground height label /> }
}
