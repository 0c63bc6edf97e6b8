//! The check page's pictures: how sure the model is (a histogram of the top-class
//! probability, right and wrong stacked), whether it is right as often as it is sure (the
//! reliability diagram with the ECE), the confusion matrix or the ROC curve, and a row opened
//! in the Playground.

use super::super::link::playground_query;
use crate::chart::anomaly::ScoreHistogram;
use crate::chart::reliability::{draw_reliability, Reliability};
use crate::check::calibration::{calibration, predictions, BINS};
use crate::check::{Outcome, Task};
use crate::math::{argmax, roc_curve, RocPoint};
use crate::widgets::{LayeredCanvas, Readout, RocPlot, ScoreHistogramView};
use leptos::prelude::*;

/// What the pictures need, derived once per outcome.
#[derive(Clone, Debug, PartialEq)]
struct Pictures {
    histogram: ScoreHistogram,
    reliability: Reliability,
    /// Multi-class: counts[true][predicted].
    confusion: Option<Vec<Vec<usize>>>,
    /// Yes/no outputs: the ROC curve of each output column, or why there is none.
    roc: Vec<Result<Vec<RocPoint>, String>>,
    /// The most confidently wrong row (0-based), else the first.
    worst_row: usize,
}

fn pictures(o: &Outcome) -> Option<Pictures> {
    let (t, d) = (o.outputs.as_ref()?, o.diagnosis.as_ref()?);
    let r = d.report.as_ref()?;
    let task = d.task.kind;
    let pairs = predictions(r, t.cols, task);
    let right: Vec<f64> = pairs.iter().filter(|p| p.1).map(|p| p.0).collect();
    let wrong: Vec<f64> = pairs.iter().filter(|p| !p.1).map(|p| p.0).collect();
    let floor = if task == Task::MultiClass && t.cols > 1 {
        1.0 / t.cols as f64
    } else {
        0.5
    };
    let histogram = ScoreHistogram {
        x_range: (0.0, 1.0),
        log_x: false,
        bins: BINS,
        x_label: "top-class probability (confidence)".into(),
        groups: vec![("right".into(), 2, right), ("wrong".into(), 5, wrong)],
        band: Some((floor, 1.0)),
    };
    let c = calibration(r, t.cols, task);
    let reliability = Reliability {
        bins: c
            .bins
            .iter()
            .map(|b| (b.count, b.confidence, b.accuracy))
            .collect(),
        ece: c.ece,
        floor,
    };
    let per_row = if task == Task::MultiClass { 1 } else { t.cols };
    let worst_row = pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.1)
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
        .map_or(0, |(i, _)| i / per_row);
    let (confusion, roc) = if task == Task::MultiClass && t.cols > 1 {
        let mut m = vec![vec![0usize; t.cols]; t.cols];
        for (p, y) in r.probabilities.chunks(t.cols).zip(r.targets.chunks(t.cols)) {
            m[argmax(y)][argmax(p)] += 1;
        }
        (Some(m), Vec::new())
    } else {
        let columns = (0..t.cols)
            .map(|j| {
                let y: Vec<f64> = r.targets.iter().skip(j).step_by(t.cols).copied().collect();
                let s: Vec<f64> = r
                    .probabilities
                    .iter()
                    .skip(j)
                    .step_by(t.cols)
                    .copied()
                    .collect();
                roc_curve(&y, &s).map_err(|e| e.to_string())
            })
            .collect();
        (None, columns)
    };
    Some(Pictures {
        histogram,
        reliability,
        confusion,
        roc,
        worst_row,
    })
}

/// The pictures, shown when there are labels to judge the outputs by.
#[component]
pub fn CheckCharts(
    /// What the page read and found.
    outcome: Memo<Outcome>,
) -> impl IntoView {
    let data = Memo::new(move |_| outcome.with(pictures));
    move || {
        data.get().map(|p| {
            let ece = p.reliability.ece;
            let hist = p.histogram.clone();
            let rel = p.reliability.clone();
            view! {
                <h2>"Pictures"</h2>
                <div class="two-charts">
                    <figure>
                        <figcaption>"How sure the model is: the top-class probability of each prediction, right and wrong stacked. The shaded band is where a top-class probability can lie."</figcaption>
                        <ScoreHistogramView histogram=Signal::derive(move || hist.clone()) threshold=Signal::derive(|| f64::NAN)
                            label=Signal::derive(|| "Histogram of the top-class probability, right and wrong predictions stacked".to_string())
                            testid="check-histogram" height=260 />
                    </figure>
                    <figure data-testid="check-reliability">
                        <figcaption>
                            "Is it right as often as it is sure? Accuracy per confidence bin against the diagonal of perfect calibration. Expected calibration error: "
                            <Readout name="check-ece" value=Signal::derive(move || ece) />
                        </figcaption>
                        <LayeredCanvas
                            background=move |area: &_, style: &_| draw_reliability(area, &rel, style)
                            foreground=|_: &_, _: &_| Ok(())
                            height=260 name="reliability"
                            label=Signal::derive(|| "Reliability diagram: accuracy per confidence bin against the diagonal".to_string()) />
                    </figure>
                </div>
                {p.confusion.clone().map(confusion_view)}
                {(!p.roc.is_empty()).then(|| roc_view(p.roc.clone()))}
                <PlaygroundRow outcome start=p.worst_row />
            }
        })
    }
}

fn confusion_view(m: Vec<Vec<usize>>) -> impl IntoView {
    let c = m.len();
    if c > 20 {
        return view! { <p class="note">"The confusion matrix is shown for up to 20 classes; these rows have "{c}"."</p> }.into_any();
    }
    view! {
        <h3>"Confusion matrix"</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Confusion matrix (scrolls sideways on narrow screens)">
            <table class="numbers check-confusion" data-testid="check-confusion">
                <thead><tr>
                    <th scope="col">"true ↓ / predicted →"</th>
                    {(0..c).map(|j| view! { <th scope="col">{format!("class {j}")}</th> }).collect::<Vec<_>>()}
                </tr></thead>
                <tbody>
                    {m.into_iter().enumerate().map(|(i, row)| view! {
                        <tr>
                            <th scope="row">{format!("class {i}")}</th>
                            {row.into_iter().enumerate().map(|(j, n)| view! {
                                <td class=if i == j { "diagonal" } else { "" } data-testid=format!("confusion-{i}-{j}")>{n}</td>
                            }).collect::<Vec<_>>()}
                        </tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn roc_view(curves: Vec<Result<Vec<RocPoint>, String>>) -> impl IntoView {
    let n = curves.len();
    let chosen = RwSignal::new(0usize);
    let index = RwSignal::new(0usize);
    let curves = StoredValue::new(curves);
    let points = Signal::derive(move || {
        curves.with_value(|c| c[chosen.get().min(n - 1)].clone().unwrap_or_default())
    });
    let problem = move || curves.with_value(|c| c[chosen.get().min(n - 1)].clone().err());
    let picker = (n > 1).then(|| view! {
        <label>"Label: "
            <select data-testid="check-roc-label" on:change=move |ev| {
                if let Ok(j) = event_target_value(&ev).parse::<usize>() { chosen.set(j); index.set(0); }
            }>
                {(0..n).map(|j| view! { <option value=j.to_string()>{format!("label {j}")}</option> }).collect::<Vec<_>>()}
            </select>
        </label>
    });
    view! {
        <h3>{if n > 1 { "ROC curve per label" } else { "ROC curve" }}</h3>
        {picker}
        {move || match problem() {
            Some(e) => view! { <p class="note" data-testid="check-roc-none">"No ROC curve for this label: "{e}"."</p> }.into_any(),
            None => view! {
                <RocPlot points index on_change=Callback::new(move |i| index.set(i)) testid="check-roc" height=280 />
            }.into_any(),
        }}
    }
}

/// Opens a row in the Playground, starting from the most confidently wrong one.
#[component]
fn PlaygroundRow(
    /// What the page read.
    outcome: Memo<Outcome>,
    /// The row to start from (0-based).
    start: usize,
) -> impl IntoView {
    let row = RwSignal::new(start);
    let link = move || {
        outcome.with(|o| match (&o.outputs, &o.diagnosis) {
            (Some(t), Some(d)) => playground_query(t, o.labels.as_ref(), d, row.get()),
            _ => Err("Nothing to open.".into()),
        })
    };
    view! {
        <h3>"One row up close"</h3>
        <p class="check-row">
            <label>"Row "
                <input type="number" min="1" data-testid="check-row" prop:value=move || (row.get() + 1).to_string()
                    on:input=move |ev| { if let Ok(r) = event_target_value(&ev).trim().parse::<usize>() { row.set(r.saturating_sub(1)); } } />
            </label>
            " (it starts at the most confidently wrong one) "
            {move || match link() {
                Ok(q) => view! { <a data-testid="open-in-playground" href=format!("#/playground?{q}")>"Open it in the Playground"</a> }.into_any(),
                Err(e) => view! { <span class="note" data-testid="open-in-playground-off">{e}</span> }.into_any(),
            }}
        </p>
    }
}
