//! Step 4 (accuracy-trap): accuracy against precision, recall and F1 when positives are few.

use crate::chart::BatchGrid;
use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::batch::{batch, BatchMetrics, BATCH_COLS, BATCH_ROWS};
use crate::lessons::losses_metrics::tasks::{best_f1, is_all_negative};
use crate::lessons::losses_metrics::{panels, OBJECTS};
use crate::lessons::view::{
    cell, report_task, row, shared_number, DataTable, Predict, ReadoutLine,
};
use crate::widgets::{BatchGridView, Readout};
use leptos::prelude::*;

/// The inflated-accuracy trap: the batch grid, the bias slider under it, and every metric.
pub fn view() -> AnyView {
    let data = batch();
    let positives = data.positives();
    let total = BATCH_ROWS * BATCH_COLS;
    let best = best_f1(&data);
    let data = StoredValue::new(data);
    let bias = shared_number("bias", 0.0, -10.0, 4.0);
    let metrics = Memo::new(move |_| data.with_value(|d| d.metrics(bias.get())));
    report_task("all-negative", move || is_all_negative(&metrics.get()));
    report_task("best-f1", move || metrics.get().f1 >= best - 1e-12);
    let grid = Signal::derive(move || BatchGrid {
        rows: BATCH_ROWS,
        cols: BATCH_COLS,
        probs: data.with_value(|d| d.probabilities(bias.get())),
        targets: data.with_value(|d| d.y_true.clone()),
        threshold: 0.5,
        col_labels: OBJECTS.iter().map(|s| s.to_string()).collect(),
    });
    let m = move |f: fn(&BatchMetrics) -> f64| Signal::derive(move || f(&metrics.get()));
    let per_label = move || {
        (0..BATCH_COLS)
            .map(|c| {
                let pl = move |k: usize| {
                    Signal::derive(move || {
                        let (p, r, f) = metrics.get().per_label[c];
                        [p, r, f][k]
                    })
                };
                row(
                    OBJECTS[c],
                    [
                        cell(view! { <Readout name=format!("precision-{c}") value=pl(0) /> }),
                        cell(view! { <Readout name=format!("recall-{c}") value=pl(1) /> }),
                        cell(view! { <Readout name=format!("f1-{c}") value=pl(2) /> }),
                    ],
                )
            })
            .collect::<Vec<_>>()
    };
    let programs =
        Signal::derive(move || data.with_value(|d| panels::trap_programs(d, bias.get())));
    view! {
        <p>
            "A batch of 10 images with 5 possible labels each; only "{positives}" of the "{total}
            " labels are true (thick outlines). The shade of a cell is the model's probability; "
            "a dot means “predicted yes” (above 0.5). The bias slider under the grid adds the same "
            "number to every logit, making the model more or less willing to say yes."
        </p>
        <BatchGridView grid height=330 />
        <div class="controls">
            <fieldset>
                <legend>"Bias added to every logit"</legend>
                <input type="range" min="-10" max="4" step="0.25" data-testid="bias" aria-label="Bias"
                    prop:value=move || bias.get().to_string()
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { bias.set(v.clamp(-10.0, 4.0)) } } />
                " " <Readout name="bias" value=bias />
            </fieldset>
        </div>
        <Predict>
            <p>"Drag the bias all the way down and watch accuracy against recall."</p>
            <ReadoutLine items=vec![("binary accuracy = ", "accuracy", m(|x| x.accuracy)), (" · precision = ", "precision", m(|x| x.precision)), (" · recall = ", "recall", m(|x| x.recall)), (" · F1 = ", "f1", m(|x| x.f1))]>
                " · “always no” would score " {pct(1.0 - positives as f64 / total as f64)}
            </ReadoutLine>
            <DataTable class="numbers" testid="per-label-table" label="Precision, recall and F1 per label" heads=&["label", "precision", "recall", "F1"] rows=per_label() />
        </Predict>
        <p class="note">"Precision, recall and F1 are 0 where undefined (no predicted or no true positives), as scikit-learn's zero_division=0."</p>
        <CodePanels programs />
    }
    .into_any()
}

/// A share as a percentage with 4 significant digits.
fn pct(x: f64) -> String {
    format!("{} %", format4(x * 100.0))
}
