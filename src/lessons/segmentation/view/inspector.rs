//! Step 4 (inspector): a 3-class map and one pixel's draggable logits and softmax.

use super::shared_cell;
use crate::lessons::code_view::CodePanels;
use crate::lessons::segmentation::link::{pixel_edits_from_link, pixel_edits_to_link};
use crate::lessons::segmentation::panels;
use crate::lessons::segmentation::tasks::{fixed_pixels, is_wrong_at};
use crate::lessons::view::{cell, report_task, row, shared_codec, DataTable, ReadoutLine};
use crate::math;
use crate::model::segmentation::{
    inspector_logits, inspector_truth, is_unsure, mean_pixel_cross_entropy, predicted_class,
    INSPECT_CLASSES, INSPECT_CLASS_NAMES, INSPECT_SIZE,
};
use crate::widgets::{LogitBars, MaskClassMap, ProbabilityBars, Readout};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    let truth = StoredValue::new(inspector_truth());
    let original = StoredValue::new(inspector_logits());
    // The link carries only the pixels whose logits were edited.
    let logits = shared_codec(
        "edits",
        inspector_logits(),
        |l: &Vec<[f64; INSPECT_CLASSES]>| pixel_edits_to_link(&inspector_logits(), l),
        |text: &str| pixel_edits_from_link(&inspector_logits(), text),
        "pixel_z0_z1_z2 entries with logits within ±1000",
    );
    let selected = shared_cell("pixel", (4, 4), INSPECT_SIZE, "map");
    let index = Memo::new(move |_| {
        let (r, c) = selected.get();
        r * INSPECT_SIZE + c
    });
    let z = Memo::new(move |_| {
        logits.with(|l| {
            l.get(index.get())
                .map(|z| z.to_vec())
                .unwrap_or_else(|| vec![0.0; INSPECT_CLASSES])
        })
    });
    let p = Memo::new(move |_| math::softmax(&z.get()));
    let predicted = Memo::new(move |_| {
        logits.with(|l| {
            l.iter()
                .map(|z| predicted_class(&z[..]))
                .collect::<Vec<_>>()
        })
    });
    let confidence = Memo::new(move |_| {
        logits.with(|l| {
            l.iter()
                .map(|z| math::softmax(&z[..]).into_iter().fold(0.0, f64::max))
                .collect::<Vec<_>>()
        })
    });
    let true_class =
        Signal::derive(move || truth.with_value(|t| t.get(index.get()).copied().unwrap_or(0)));
    report_task("find-wrong", move || {
        truth.with_value(|t| logits.with(|l| is_wrong_at(t, l, index.get())))
    });
    report_task("unsure", move || is_unsure(&z.get()));
    report_task("fix-wrong", move || {
        truth.with_value(|t| original.with_value(|o| logits.with(|l| fixed_pixels(t, o, l)))) >= 1
    });
    let set_logit = Callback::new(move |(k, v): (usize, f64)| {
        let i = index.get_untracked();
        logits.update(|l| {
            if let Some(slot) = l.get_mut(i).and_then(|z| z.get_mut(k)) {
                *slot = v;
            }
        });
    });
    let pixel_loss = Signal::derive(move || {
        math::sparse_categorical_crossentropy(true_class.get(), &z.get(), true).unwrap_or(f64::NAN)
    });
    let map_loss = Signal::derive(move || {
        truth.with_value(|t| logits.with(|l| mean_pixel_cross_entropy(t, l)))
    });
    let wrong = Signal::derive(move || {
        truth.with_value(|t| predicted.with(|p| t.iter().zip(p).filter(|(a, b)| a != b).count()))
            as f64
    });
    let fixed = Signal::derive(move || {
        truth.with_value(|t| original.with_value(|o| logits.with(|l| fixed_pixels(t, o, l)))) as f64
    });
    let true_shown = Signal::derive(move || true_class.get() as f64);
    let predicted_shown = Signal::derive(move || predicted_class(&z.get()) as f64);
    let names = Signal::derive(|| {
        INSPECT_CLASS_NAMES
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    });
    let programs =
        Signal::derive(move || logits.with(|l| panels::inspector_programs(l, selected.get())));
    let prob =
        move |k: usize| Signal::derive(move || p.with(|p| p.get(k).copied().unwrap_or(f64::NAN)));
    let logit =
        move |k: usize| Signal::derive(move || z.with(|z| z.get(k).copied().unwrap_or(f64::NAN)));
    view! {
        <p>
            "A 3-class problem: background, a disc and a bar. The model's output has "
            "3 logits per pixel; the prediction map shows each pixel's argmax, faded where the "
            "top softmax probability is low. Click a pixel of the prediction (or focus the map "
            "and use the arrow keys) to see its logits and their softmax. Drag the logits to "
            "change that one pixel's prediction."
        </p>
        <MaskClassMap size=INSPECT_SIZE truth=Signal::derive(move || truth.get_value()) predicted confidence selected class_names=&INSPECT_CLASS_NAMES height=340 />
        <div class="two-charts">
            <figure>
                <figcaption>{move || { let (r, c) = selected.get(); format!("Logits of pixel (row {r}, column {c})") }}</figcaption>
                <LogitBars values=z on_change=set_logit range=Signal::derive(|| 6.0) labels=names testid="pixel-logits" background_class=true height=220 />
            </figure>
            <figure>
                <figcaption>"softmax over the 3 class channels"</figcaption>
                <ProbabilityBars values=p labels=names y_label=Signal::derive(|| "softmax p".to_string()) testid="pixel-softmax" background_class=true height=220 />
            </figure>
        </div>
        <DataTable class="numbers" testid="pixel-table" label="This pixel's logits and softmax" heads=&["", "background", "disc", "bar"] rows=vec![
            row("logit z", [
                cell(view! { <Readout name="logit-0" value=logit(0) /> }),
                cell(view! { <Readout name="logit-1" value=logit(1) /> }),
                cell(view! { <Readout name="logit-2" value=logit(2) /> }),
            ]),
            row("softmax p", [
                cell(view! { <Readout name="softmax-0" value=prob(0) /> }),
                cell(view! { <Readout name="softmax-1" value=prob(1) /> }),
                cell(view! { <Readout name="softmax-2" value=prob(2) /> }),
            ]),
        ] />
        <ReadoutLine items=vec![("true class: ", "true-class", true_shown), (" · predicted: ", "predicted-class", predicted_shown), (" · this pixel's cross-entropy: ", "pixel-loss", pixel_loss)] />
        <ReadoutLine items=vec![("whole map: mean cross-entropy ", "map-loss", map_loss), (" · wrong pixels ", "wrong-pixels", wrong), (" · pixels you fixed ", "fixed-pixels", fixed)] />
        <p>
            "The loss of the whole map is just the mean of these per-pixel cross-entropies, "
            "which is why the framework losses accept (B, H, W, C) outputs unchanged. The "
            "wrong and unsure pixels sit on the edges of the shapes: that is where a "
            "segmentation model's errors live, and why IoU and Dice, which only look at the "
            "objects, show them much more clearly than pixel accuracy."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
