//! The check page's results: errors, the diagnosis with its reasons, the warnings, and every
//! loss and metric Keras would report, each a readout at full precision.

use crate::check::{Diagnosis, LossLine, MetricLine, Outcome, Role, Severity};
use crate::widgets::Readout;
use leptos::prelude::*;

/// A readout of a value that does not change (the block re-renders with the outcome).
fn fixed(name: String, x: f64) -> impl IntoView {
    view! { <Readout name=name value=Signal::derive(move || x) /> }
}

/// The title of a warning code.
fn title(code: &str) -> &'static str {
    match code {
        "double-softmax" => "Softmax applied twice",
        "probabilities-passed-as-logits" => "Probabilities are not logits",
        "softmax-on-multi-label" => "Softmax on a multi-label task",
        "cce-on-multi-hot" => "Categorical cross-entropy on multi-hot labels",
        "label-out-of-range" => "Labels out of range",
        "shape-mismatch" => "Labels do not match the outputs",
        "non-finite" => "NaN or infinite values",
        "saturated" => "Probabilities at exactly 0 or 1",
        _ => "Check this",
    }
}

/// Everything below the textareas.
#[component]
pub fn Results(
    /// What the page read and found.
    outcome: Signal<Outcome>,
) -> impl IntoView {
    move || {
        outcome.with(|o| {
            let errors: Vec<String> = o
                .outputs_error
                .iter()
                .chain(o.labels_error.iter())
                .cloned()
                .collect();
            let errors = errors
                .into_iter()
                .map(|e| view! { <p class="check-error" role="alert" data-testid="check-error">{e}</p> })
                .collect::<Vec<_>>();
            let body = o.diagnosis.as_ref().map(diagnosis_view);
            let empty = o.empty.then(|| view! {
                <p class="note" data-testid="check-empty">
                    "Paste your model's outputs above (labels are optional), or try an example."
                </p>
            });
            view! { <div class="check-results">{empty}{errors}{body}</div> }
        })
    }
}

/// A titled table of numbers (`heads` are its `<th>` cells) in a region that scrolls
/// sideways on narrow screens.
fn numbers_table(
    title: &'static str,
    testid: &'static str,
    heads: impl IntoView + 'static,
    rows: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <h3>{title}</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{title} (scrolls sideways on narrow screens)")>
            <table class="numbers" data-testid=testid>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The diagnosis, its warnings and the report's lines (borrowed: the report also holds every
/// probability, which the view does not need).
fn diagnosis_view(d: &Diagnosis) -> impl IntoView {
    let warnings = if d.warnings.is_empty() {
        view! { <p class="check-ok" data-testid="check-no-warnings">"No mistakes seen in these numbers."</p> }.into_any()
    } else {
        view! {
            <ul class="check-warnings">
                {d.warnings.iter().map(|w| {
                    let class = match w.severity {
                        Severity::Mistake => "check-warning mistake",
                        Severity::Check => "check-warning caution",
                    };
                    let kind = match w.severity {
                        Severity::Mistake => "Seen in the numbers: ",
                        Severity::Check => "Check your code: ",
                    };
                    view! {
                        <li class=class data-testid="check-warning" data-code=w.code
                            data-severity=match w.severity { Severity::Mistake => "mistake", Severity::Check => "check" }>
                            <strong>{kind}{title(w.code)}". "</strong>{w.message.clone()}
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
        }.into_any()
    };
    let report = d.report.as_ref().map(|r| {
        view! {
            <h2>"What Keras would report"</h2>
            <p class="note">"Means over every sample you pasted, computed as Keras 3 computes them; hover a number for all its digits."</p>
            {numbers_table("Losses", "check-losses", view! {
                <th scope="col">"Keras loss"</th>
                <th scope="col"><code>"from_logits"</code></th>
                <th scope="col">"Mean over samples"</th>
                <th scope="col">"What it is"</th>
            }, r.losses.iter().cloned().map(loss_row).collect::<Vec<_>>())}
            {numbers_table("Metrics", "check-metrics", view! {
                <th scope="col">"Keras metric"</th>
                <th scope="col">"Value"</th>
                <th scope="col">"How"</th>
            }, r.metrics.iter().cloned().map(metric_row).collect::<Vec<_>>())}
        }
    });
    view! {
        <h2>"What the numbers are"</h2>
        <dl class="check-diagnosis" data-testid="diagnosis"
            data-outputs=d.outputs.kind.id() data-labels=d.labels.kind.id() data-task=d.task.kind.id()>
            <dt>"Outputs"</dt>
            <dd><strong data-testid="diagnosis-outputs">{d.outputs.kind.id()}</strong>": "{d.outputs.reason.clone()}</dd>
            <dt>"Labels"</dt>
            <dd><strong data-testid="diagnosis-labels">{d.labels.kind.id()}</strong>": "{d.labels.reason.clone()}</dd>
            <dt>"Task"</dt>
            <dd><strong data-testid="diagnosis-task">{d.task.kind.id()}</strong>": "{d.task.reason.clone()}</dd>
        </dl>
        <h2>"Mistakes it can see"</h2>
        {warnings}
        {report}
    }
}

fn value_cell(id: String, value: Result<f64, String>) -> AnyView {
    match value {
        Ok(v) => fixed(format!("check-{id}"), v).into_any(),
        Err(e) => view! { <span class="muted">{e}</span> }.into_any(),
    }
}

fn loss_row(l: LossLine) -> impl IntoView {
    let (class, role) = match l.role {
        Role::Recommended => ("recommended", "Use this"),
        Role::Alternative => ("", "Also right"),
        Role::Mistake => ("mistake", "Mistake"),
    };
    view! {
        <tr class=class data-role=match l.role { Role::Recommended => "recommended", Role::Alternative => "alternative", Role::Mistake => "mistake" }>
            <th scope="row"><code>{l.name}</code></th>
            <td><code>{if l.from_logits { "True" } else { "False" }}</code></td>
            <td>{value_cell(l.id.clone(), l.value)}</td>
            <td class="check-note"><strong>{role}</strong>": "{l.note}</td>
        </tr>
    }
}

fn metric_row(m: MetricLine) -> impl IntoView {
    view! {
        <tr>
            <th scope="row"><code>{m.name}</code></th>
            <td>{value_cell(m.name.to_string(), m.value)}</td>
            <td class="check-note">{m.note}</td>
        </tr>
    }
}
