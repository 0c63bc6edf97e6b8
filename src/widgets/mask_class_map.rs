//! A class map beside the model's prediction of it, with a pixel the learner selects.

use super::drag::{use_drag_target, use_pointer_drag};
use super::mask_layer::{arrow_move, cell_in, overlay_box, MaskBox};
use crate::chart::mask_grid::{draw_mask_frames, MaskPanels};
use leptos::prelude::*;

/// A class map beside the model's prediction of it: every pixel coloured by its class
/// (and numbered, so colour is never the only cue), the prediction faded where the model
/// is unsure. Click a pixel of the prediction to select it, or focus the map and move the
/// selection with the arrow keys (Home/End, PageUp/PageDown to the edges).
#[component]
pub fn MaskClassMap(
    /// Cells per side.
    size: usize,
    /// The true class of every pixel, row-major.
    #[prop(into)]
    truth: Signal<Vec<usize>>,
    /// The predicted class (argmax) of every pixel.
    #[prop(into)]
    predicted: Signal<Vec<usize>>,
    /// The top softmax probability of every pixel, in [0, 1].
    #[prop(into)]
    confidence: Signal<Vec<f64>>,
    /// The selected pixel, (row, column).
    selected: RwSignal<(usize, usize)>,
    /// Class names, for screen readers.
    class_names: &'static [&'static str],
    /// `data-testid` of the widget.
    #[prop(default = "mask-class-map")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 340)]
    height: u32,
) -> impl IntoView {
    let (mapping, layer) = use_drag_target();
    let panels = StoredValue::new(MaskPanels {
        size,
        titles: vec![
            "ground truth".into(),
            "prediction (argmax; faded = unsure)".into(),
        ],
        active: 1,
        probability_key: false,
    });
    let background = move |area: &_, style: &_| {
        panels.with_value(|p| {
            let m = draw_mask_frames(area, p, style)?;
            truth.with(|t| p.panel(area, 0, style).classes(t, None, true))?;
            Ok(m)
        })
    };
    let foreground = move |area: &_, style: &_| {
        panels.with_value(|p| {
            predicted
                .with(|k| confidence.with(|c| p.panel(area, 1, style).classes(k, Some(c), true)))?;
            let at = selected.get();
            p.panel(area, 0, style).cursor(at, 0)?;
            p.panel(area, 1, style).cursor(at, 0)
        })
    };
    let name = move |k: usize| class_names.get(k).copied().unwrap_or("?");
    let label = Signal::derive(move || {
        let wrong =
            truth.with(|t| predicted.with(|p| t.iter().zip(p).filter(|(a, b)| a != b).count()));
        format!("A {size} by {size} class map beside the model's prediction; {wrong} pixels are predicted wrong")
    });
    // What the status line says after "Selected row r, column c: ".
    let status = move |i: usize| {
        let t = truth.with(|t| t.get(i).copied().unwrap_or(0));
        let p = predicted.with(|p| p.get(i).copied().unwrap_or(0));
        let verdict = if t == p { "" } else { " (wrong)" };
        format!("truth {}, predicted {}{verdict}", name(t), name(p))
    };
    // A press selects the pixel under it; nothing is dragged.
    let drag = use_pointer_drag(
        layer,
        move |ev| {
            if ev.button() != 0 {
                return None;
            }
            let el = layer.get_untracked()?;
            let cell = cell_in(overlay_box(&el), ev, size)?;
            ev.prevent_default();
            let _ = el.focus();
            selected.set(cell);
            None::<()>
        },
        |_, _| {},
        |_| {},
    );
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if let Some(next) = arrow_move(&ev.key(), selected.get_untracked(), size) {
            ev.prevent_default();
            selected.set(next);
        }
    };
    let aria = format!("Prediction, {size} by {size} pixels. Arrow keys move the selected pixel.");
    view! {
        <MaskBox class="mask-class-map" testid background foreground mapping height label layer layer_class="mask-layer select" roledescription="pixel picker" aria size at=selected at_name="Selected row" status drag on_keydown />
    }
}
