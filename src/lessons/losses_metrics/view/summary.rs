//! Step 7 (summary): which loss and which metrics for each kind of problem, a verdict on
//! every choice in the asker's table.

use crate::lessons::losses_metrics::VERDICTS;
use leptos::prelude::*;

/// The summary table and the verdict table.
pub fn view() -> AnyView {
    let verdicts = VERDICTS
        .iter()
        .map(|v| {
            let word = v.verdict.word();
            view! {
                <tr>
                    <th scope="row">{v.combination}</th>
                    <td class=format!("verdict-word verdict-{word}") data-verdict=word>{word}</td>
                    <td>{v.reason}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <p>"The answer to the thread's question:"</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
            <table class="summary" data-testid="summary-table">
                <thead><tr><th scope="col">"task"</th><th scope="col">"output"</th><th scope="col">"loss"</th><th scope="col">"metrics"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"multi-class (exactly one)"</th><td>"softmax over C"</td><td>"categorical CE (one-hot) or sparse categorical CE (integer)"</td><td>"categorical / sparse categorical accuracy, top-k, per-class precision and recall"</td></tr>
                    <tr><th scope="row">"multi-label (any subset)"</th><td>"C sigmoids"</td><td>"binary CE (mean over labels)"</td><td>"per-label precision, recall, F1, AUC; binary_accuracy only with care"</td></tr>
                </tbody>
            </table>
        </div>
        <p>
            "Name metrics explicitly instead of writing \"accuracy\"; with raw-logit outputs, "
            "threshold at 0 (or pass probabilities); with sparse positives, trust recall, "
            "precision, F1 and AUC over accuracy."
        </p>
        <h3>"The asker's table, cell by cell"</h3>
        <p>"Each loss and metric the asker listed, on the kind of problem they listed it for (C is the number of classes or labels):"</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Verdicts (scrolls sideways on narrow screens)">
            <table class="summary verdicts" data-testid="verdict-table">
                <thead><tr><th scope="col">"combination"</th><th scope="col">"verdict"</th><th scope="col">"why"</th></tr></thead>
                <tbody>{verdicts}</tbody>
            </table>
        </div>
    }
    .into_any()
}
