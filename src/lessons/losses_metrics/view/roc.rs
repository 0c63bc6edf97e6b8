//! Step 5 (roc): the batch's ROC curve, a draggable operating point and the AUC.

use crate::format::{format4, format_full};
use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::batch::batch;
use crate::lessons::losses_metrics::keras_rules::roc_points_strict;
use crate::lessons::losses_metrics::panels;
use crate::lessons::losses_metrics::tasks::is_best_recall_80;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{report_task, shared};
use crate::math;
use crate::widgets::{Readout, RocPlot};
use leptos::prelude::*;

/// ROC curve and AUC: the point on the curve and its confusion counts.
pub fn view() -> AnyView {
    let data = batch();
    let y = data.y_true.clone();
    let p = data.probabilities(0.0);
    let points = roc_points_strict(&y, &p);
    let exact = math::roc_auc(&y, &p).unwrap_or(f64::NAN);
    let keras_auc = math::keras_auc(&y, &p, 200).unwrap_or(f64::NAN);
    let (pos, neg) = (data.positives() as f64, (y.len() - data.positives()) as f64);
    let points = Signal::derive(move || points.clone());
    let count = points.with_untracked(|p| p.len());
    let index = shared("point", 0usize, move |i| *i < count, "a point of the curve");
    report_task("recall-80", move || {
        is_best_recall_80(&points.get(), index.get())
    });
    let point = Signal::derive(move || points.with(|p| p.get(index.get()).copied()));
    let field = move |f: fn(&math::RocPoint) -> f64| {
        Signal::derive(move || point.get().map(|p| f(&p)).unwrap_or(f64::NAN))
    };
    let tp = Signal::derive(move || point.get().map(|p| (p.tpr * pos).round()).unwrap_or(0.0));
    let fp = Signal::derive(move || point.get().map(|p| (p.fpr * neg).round()).unwrap_or(0.0));
    let stored = StoredValue::new(data);
    let programs =
        Signal::derive(move || stored.with_value(|b| panels::roc_programs(b, index.get())));
    view! {
        <p>
            "Every threshold gives one confusion matrix, and so one point: false positive rate "
            "across, recall up. Sweeping the threshold from high to low traces the "
            <strong>"ROC curve"</strong>". Its area (AUC) is the probability that a random true "
            "label scores higher than a random false one: 0.5 is guessing, 1 is perfect. Drag "
            "the point along the curve (or focus it and use the arrow keys). Any threshold "
            "between two neighbouring scores gives the same point; the table shows the one "
            "halfway between them."
        </p>
        <div class="two-charts">
            <figure>
                <figcaption>"ROC of the 50 label scores (σ of the logits); a label counts as predicted when its score is greater than the threshold (strictly, as in Keras and step 2)"</figcaption>
                <RocPlot points index=index on_change=Callback::new(move |i| index.set(i)) />
            </figure>
            <div>
                <DataTable class="numbers" testid="confusion" label="Counts at this threshold" rows=vec![
                    row("threshold", [cell(view! { <Readout name="roc-threshold" value=field(|p| p.threshold) /> })]),
                    row("recall (true positive rate)", [cell(view! { <Readout name="tpr" value=field(|p| p.tpr) /> })]),
                    row("false positive rate", [cell(view! { <Readout name="fpr" value=field(|p| p.fpr) /> })]),
                    row("true positives", [cell(view! { <Readout name="tp" value=tp /> })]),
                    row("false negatives", [cell(view! { <Readout name="fn" value=Signal::derive(move || pos - tp.get()) /> })]),
                    row("false positives", [cell(view! { <Readout name="fp" value=fp /> })]),
                    row("true negatives", [cell(view! { <Readout name="tn" value=Signal::derive(move || neg - fp.get()) /> })]),
                    row("exact ROC AUC", [cell(view! { <Readout name="auc-exact" value=Signal::derive(move || exact) /> })]),
                    row("Keras AUC() (200 thresholds)", [
                        cell(view! { <Readout name="auc-keras" value=Signal::derive(move || keras_auc) /> }),
                    ]),
                ] />
            </div>
        </div>
        <p>
            "AUC judges the ranking of the scores over all thresholds at once, which makes it a "
            "good per-label (or micro-averaged) summary for multi-label models. The exact AUC "
            "and Keras' default "<code>"AUC()"</code>" often agree and sometimes differ a little, "
            "as here ("{format4(exact)}" against "{format4(keras_auc)}"): Keras may differ because "
            "it rounds every score to one of 200 buckets first. Both pool the 50 scores of "
            "all labels into one curve."
        </p>
        <p class="note" hidden>{format_full(exact)}</p>
        <CodePanels programs />
    }
    .into_any()
}
