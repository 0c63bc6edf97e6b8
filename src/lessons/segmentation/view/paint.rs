//! Step 3 (paint): a brush on a predicted mask, scored by accuracy, BCE, Dice and IoU.

use super::{constant, shared_cell, snapped_input, value_chip};
use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::segmentation::{panels, FORMULA_DICE_IOU, FORMULA_WEIGHTED_BCE};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{report_task, shared, shared_number, Formula};
use crate::model::segmentation::{
    balancing_pos_weight, dice_below, initial_prediction, is_all_background, is_balanced,
    mask_metrics, object_found, object_mask, paint as paint_mask, Brush, MaskMetrics, PAINT_PIXELS,
    PAINT_SIZE, THRESHOLD,
};
use crate::widgets::{MaskPainter, Readout};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    let truth = object_mask();
    let balance = balancing_pos_weight(&truth);
    let truth = StoredValue::new(truth);
    let truth_signal = Signal::derive(move || truth.get_value());
    let pred = shared(
        "mask",
        initial_prediction(),
        |m: &Vec<f64>| m.len() == PAINT_PIXELS && m.iter().all(|v| (0.0..=1.0).contains(v)),
        "576 probabilities (runs written value*count)",
    );
    let brush = shared_number("brush", 1.0, 0.0, 1.0);
    let radius = shared("radius", 0usize, |r| *r <= 2, "0, 1 or 2");
    let pos_weight = shared_number("pos_weight", 1.0, 1.0, 40.0);
    let cursor = shared_cell("cursor", (12, 12), PAINT_SIZE, "grid");
    let metrics = Memo::new(move |_| {
        truth.with_value(|t| pred.with(|p| mask_metrics(t, p, pos_weight.get())))
    });
    report_task("all-background", move || is_all_background(&metrics.get()));
    report_task("find-object", move || object_found(&metrics.get()));
    report_task("dice-low", move || dice_below(&metrics.get(), 0.1));
    report_task("balance", move || {
        truth.with_value(|t| is_balanced(pos_weight.get(), t))
    });
    let on_paint = Callback::new(move |(r, c, erase): (usize, usize, bool)| {
        let b = Brush {
            value: if erase { 0.0 } else { brush.get_untracked() },
            radius: radius.get_untracked(),
        };
        pred.maybe_update(|p| paint_mask(p, PAINT_SIZE, r, c, b));
    });
    let m = move |f: fn(&MaskMetrics) -> f64| Signal::derive(move || metrics.with(f));
    let programs =
        Signal::derive(move || pred.with(|p| panels::paint_programs(p, pos_weight.get())));
    let size_choice = move |id: &'static str, r: usize, text: &'static str| {
        value_chip("brush-size", id, radius, r, text)
    };
    view! {
        <p>
            "The ground truth on the left marks a small object: "
            <Readout name="object-pixels" value=m(|x| x.object as f64) />
            " of the 576 pixels, about 4 %. On the right, a model's first guess: for every "
            "pixel, its probability p of being object. Paint over it: drag with the mouse or a "
            "finger (right button erases), or click the grid and use the keyboard: arrows move "
            "the cursor, Space paints, Delete erases, Shift + arrow paints as it moves."
        </p>
        <div class="controls">
            <fieldset class="seg-range">
                <legend>"Brush value p"</legend>
                <input type="range" min="0" max="1" step="0.05" data-testid="brush-value" aria-label="Brush value"
                    prop:value=move || brush.get().to_string()
                    on:input=snapped_input(brush, 100.0, 0.0, 1.0) />
                " " <Readout name="brush-value" value=brush />
            </fieldset>
            <fieldset>
                <legend>"Brush size"</legend>
                {size_choice("brush-1", 0, "1 pixel")}
                {size_choice("brush-3", 1, "3 × 3")}
                {size_choice("brush-5", 2, "5 × 5")}
            </fieldset>
            <fieldset>
                <legend>"Whole mask"</legend>
                <button type="button" data-testid="fill-all"
                    on:click=move |_| {
                        let v = brush.get_untracked();
                        pred.set(vec![v; PAINT_SIZE * PAINT_SIZE]);
                    }>
                    {move || format!("Fill with p = {}", format4(brush.get()))}
                </button>
                <button type="button" data-testid="reset-paint" on:click=move |_| pred.set(initial_prediction())>
                    "Back to the model's guess"
                </button>
            </fieldset>
        </div>
        <div class="paint-layout">
            <figure>
                <figcaption>"Orange: the true object (outlined on your prediction). Blue: your p. A dot: p > 0.5, counted as object."</figcaption>
                <MaskPainter size=PAINT_SIZE threshold=THRESHOLD truth=truth_signal values=pred radius cursor on_paint height=360 />
            </figure>
            <div class="paint-metrics">
                <DataTable class="numbers" testid="mask-metrics" label="Scores of your mask" heads=&["measure", "value"] rows=vec![
                    row("pixel accuracy", [cell(view! { <Readout name="pixel-accuracy" value=m(|x| x.accuracy) /> })]),
                    row("binary cross-entropy", [cell(view! { <Readout name="bce" value=m(|x| x.bce) /> })]),
                    row("weighted BCE (pos_weight)", [cell(view! { <Readout name="weighted-bce" value=m(|x| x.weighted_bce) /> })]),
                    row("… share from object pixels", [cell(view! { <Readout name="object-share" value=m(|x| x.object_share) /> })]),
                    row("Dice loss", [cell(view! { <Readout name="dice-loss" value=m(|x| x.dice_loss) /> })]),
                    row("Dice coefficient", [cell(view! { <Readout name="dice" value=m(|x| x.dice) /> })]),
                    row("IoU (p > 0.5)", [cell(view! { <Readout name="iou" value=m(|x| x.iou) /> })]),
                    row("pixels predicted object", [
                        cell(view! { <Readout name="predicted-pixels" value=m(|x| x.predicted as f64) /> }),
                    ]),
                ] />
                <div class="range-field">
                    <label>
                        <span class="range-label">"pos_weight w = " <Readout name="pos-weight" value=pos_weight /></span>
                        <input type="range" min="1" max="40" step="0.5" data-testid="pos-weight"
                            prop:value=move || pos_weight.get().to_string()
                            on:input=snapped_input(pos_weight, 2.0, 1.0, 40.0) />
                    </label>
                    <p class="muted">"background ÷ object pixels = " <Readout name="balance-weight" value=constant(balance) /></p>
                </div>
            </div>
        </div>
        <p>
            <strong>"Pixel accuracy"</strong>" counts every pixel the same, and 96 % of them are "
            "background: a model that never finds the object still scores about 96 %. "
            <strong>"Binary cross-entropy"</strong>" is an average over pixels too, so the "
            "background dominates it in the same way; "<code>"pos_weight"</code>" multiplies the "
            "object pixels' term, and at w = background ÷ object both classes weigh the same:"
        </p>
        <Formula block=true latex=FORMULA_WEIGHTED_BCE />
        <p>
            <strong>"Dice"</strong>" and "<strong>"IoU"</strong>" ignore the correctly predicted "
            "background altogether: they compare only the object you predicted with the true one. "
            "Dice uses the probabilities themselves (a soft overlap, so it can be trained "
            "on); IoU thresholds them at 0.5 first (a metric, with no useful gradient)."
        </p>
        <Formula block=true latex=FORMULA_DICE_IOU />
        <p>
            "Training sees batches, and the object's share changes from image to image. One "
            "pos_weight fits the average; to balance each image, weight its pixels by its own "
            "background ÷ object ratio (a per-pixel weight map: "<code>"sample_weight"</code>
            " in Keras, "<code>"weight="</code>" in PyTorch's "
            <code>"binary_cross_entropy_with_logits"</code>"). Keras' "<code>"Dice()"</code>
            " pools every pixel of the batch into one overlap, so a large object in one image "
            "drowns a small one in another; "<code>"Dice(axis=(1, 2, 3))"</code>" scores each "
            "image alone and averages the scores."
        </p>
        <p>
            "Keras has no "<code>"pos_weight"</code>", so the Keras program writes the weighted "
            "BCE as a loss function of its own. Keras calls every loss as "
            <code>"loss(y_true, y_pred)"</code>", the truth first, by position: a loss written "
            "the other way round, as the thread's "<code>"(y_pred, y_true)"</code>", gets the "
            "two swapped without any error."
        </p>
        <CodePanels programs />
        <p class="note">
            "BCE here is Keras' binary cross-entropy on probabilities, which clips p to [1e-7, 1 − 1e-7]: a "
            "pixel painted 0 on the object costs −ln(1e-7) ≈ 16.1 rather than infinity. The table "
            "computes in float64; Keras computes in float32, where 1 − 1e-7 rounds to 0.99999988, so a "
            "background pixel painted 1 costs 15.94 there instead of 16.12. The nerve-"
            "segmentation code the thread links uses a “smooth” Dice, (2Σyp + 1) / (Σy + Σp + 1), "
            "which differs from Keras' "<code>"Dice"</code>" mainly on nearly empty masks."
        </p>
    }
    .into_any()
}
