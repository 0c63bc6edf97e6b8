//! Step 7 (summary): which loss and which metrics for each kind of problem, a verdict on
//! every choice in the asker's table.

use crate::lessons::losses_metrics::VERDICTS;
use crate::lessons::view::{cell, row, DataTable, SummaryTable};
use leptos::prelude::*;

/// The summary table and the verdict table.
pub fn view() -> AnyView {
    let verdicts = VERDICTS
        .iter()
        .map(|v| {
            let word = v.verdict.word();
            row(
                v.combination,
                [
                    cell(view! { <span data-verdict=word>{word}</span> })
                        .class(format!("verdict-word verdict-{word}")),
                    cell(v.reason),
                ],
            )
        })
        .collect::<Vec<_>>();
    view! {
        <SummaryTable intro="The answer to the thread's question:" label="Which loss and metrics for which task" heads=&["task", "output", "loss", "metrics"] rows=vec![
            row("multi-class (exactly one)", [
                cell("softmax over C"),
                cell("categorical CE (one-hot) or sparse categorical CE (integer)"),
                cell("categorical / sparse categorical accuracy, top-k, per-class precision and recall"),
            ]),
            row("multi-label (any subset)", [
                cell("C sigmoids"),
                cell("binary CE (mean over labels)"),
                cell("per-label precision, recall, F1, AUC; binary_accuracy only with care"),
            ]),
        ] />
        <p>
            "Name metrics explicitly instead of writing \"accuracy\"; with raw-logit outputs, "
            "threshold at 0 (or pass probabilities); with sparse positives, trust recall, "
            "precision, F1 and AUC over accuracy."
        </p>
        <h3>"The asker's table, cell by cell"</h3>
        <p>"Each loss and metric the asker listed, on the kind of problem they listed it for (C is the number of classes or labels):"</p>
        <DataTable class="summary verdicts" testid="verdict-table" label="Verdicts" heads=&["combination", "verdict", "why"] rows=verdicts />
    }
    .into_any()
}
