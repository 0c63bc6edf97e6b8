//! Step 6 (keras-accuracy): which accuracy Keras 3 picks for metrics=["accuracy"].

use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::batch::{batch, BATCH_COLS};
use crate::lessons::losses_metrics::keras_rules::{keras_accuracy_kind, AccuracyKind};
use crate::lessons::losses_metrics::link::TargetShape;
use crate::lessons::losses_metrics::panels;
use crate::lessons::view::{report_task, shared};
use crate::math;
use crate::widgets::Readout;
use leptos::prelude::*;

/// What metrics=["accuracy"] means: target and output shapes, and the accuracy Keras picks.
pub fn view() -> AnyView {
    let data = StoredValue::new(batch());
    let target = shared(
        "target",
        TargetShape::Integer,
        |_| true,
        "onehot, multihot, integer or column",
    );
    let single = shared("single", false, |_| true, "0 or 1");
    let kind = Memo::new(move |_| keras_accuracy_kind(target.get(), single.get(), BATCH_COLS));
    report_task("silent-categorical", move || {
        target.get() == TargetShape::MultiHot
            && !single.get()
            && kind.get() == AccuracyKind::Categorical
    });
    let shapes = move || {
        let t = match target.get() {
            TargetShape::OneHot => "(batch, 5) one-hot",
            TargetShape::MultiHot => "(batch, 5) multi-hot",
            TargetShape::Integer => "(batch,) integers",
            TargetShape::IntegerColumn => "(batch, 1) integers",
        };
        let p = if single.get() {
            "(batch, 1)"
        } else {
            "(batch, 5)"
        };
        format!("y_true {t}  ·  y_pred {p}")
    };
    let reported = Signal::derive(move || data.with_value(|d| d.categorical_accuracy(0.0)));
    let (pooled_auc, label_auc, no_positive) = data.with_value(|d| {
        let p = d.probabilities(0.0);
        (
            math::keras_auc(&d.y_true, &p, 200).unwrap_or(f64::NAN),
            d.keras_multi_label_auc(0.0).0,
            d.positives_per_label().iter().filter(|n| **n == 0).count(),
        )
    });
    let wanted = Signal::derive(move || data.with_value(|d| d.metrics(0.0).accuracy));
    let option = move |value: TargetShape, label: &'static str, id: &'static str| {
        view! {
            <label class="chip"><input type="radio" name="target-shape" data-testid=id prop:checked=move || target.get() == value on:change=move |_| target.set(value) />{label}</label>
        }
    };
    let programs = Signal::derive(move || {
        data.with_value(|d| panels::keras_accuracy_programs(d, target.get(), single.get()))
    });
    view! {
        <p>
            "Writing "<code>"metrics=[\"accuracy\"]"</code>" leaves Keras 3 to guess which "
            "accuracy you mean, from the shapes alone: "<strong>"binary"</strong>" when the "
            "output's last dimension is 1; "<strong>"sparse categorical"</strong>" when the "
            "target has fewer dimensions than the output, or a last dimension of 1 against more "
            "than 1; "<strong>"categorical"</strong>" otherwise. The loss plays no part. (The "
            "old TensorFlow 1 training loop looked at the loss and chose binary accuracy for "
            "binary cross-entropy, which is where much older advice comes from.)"
        </p>
        <div class="controls">
            <fieldset>
                <legend>"Targets"</legend>
                {option(TargetShape::Integer, "integer class", "shape-integer")}
                {option(TargetShape::IntegerColumn, "integer column", "shape-integer-column")}
                {option(TargetShape::OneHot, "one-hot", "shape-onehot")}
                {option(TargetShape::MultiHot, "multi-hot (multi-label)", "shape-multihot")}
            </fieldset>
            <fieldset>
                <legend>"Outputs"</legend>
                <label class="chip"><input type="radio" name="out-shape" data-testid="out-5" prop:checked=move || !single.get() on:change=move |_| single.set(false) />"5 units"</label>
                <label class="chip"><input type="radio" name="out-shape" data-testid="out-1" prop:checked=move || single.get() on:change=move |_| single.set(true) />"1 unit"</label>
            </fieldset>
        </div>
        <p class="sums" data-testid="shapes">{shapes}</p>
        <p class="verdict">"Keras 3 uses: " <strong data-testid="accuracy-kind">{move || kind.get().name()}</strong></p>
        {move || (target.get() == TargetShape::MultiHot && !single.get()).then(|| view! {
            <div class="callout" data-testid="silent-categorical">
                <p>
                    "A multi-label model with 5 sigmoid outputs gets "<strong>"categorical"</strong>
                    " accuracy, silently. On the lesson's batch it reports "
                    <Readout name="reported-accuracy" value=reported />
                    " while the per-label binary accuracy is "
                    <Readout name="wanted-accuracy" value=wanted />
                    ". Categorical accuracy compares the argmax of the output with the argmax of "
                    "the target, which for a multi-hot row is its "<em>"first"</em>" positive "
                    "label: a row [0, 1, 1] whose output peaks at label 2 scores 0, and an all-zero "
                    "row counts as label 0."
                </p>
                <p>
                    "Ask for "<code>"keras.metrics.BinaryAccuracy()"</code>" instead. If you also "
                    "add "<code>"keras.metrics.AUC(multi_label=True)"</code>", know what it "
                    "computes: one AUC per label, then their plain mean, not the pooled AUC of the "
                    "ROC step ("{format4(pooled_auc)}"). A label with no positive in the batch "
                    "scores 0 and drags the mean down: here "{no_positive}" of the 5 labels have "
                    "none, so it reports "{format4(label_auc)}". Judge it on batches (or a "
                    "validation set) where every label occurs."
                </p>
            </div>
        })}
        <CodePanels programs />
    }
    .into_any()
}
