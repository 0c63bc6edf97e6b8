//! The check page's pictures: how sure the model is (a histogram of the top-class
//! probability, right and wrong stacked), whether it is right as often as it is sure (the
//! reliability diagram with the ECE), the confusion matrix or the ROC curve, and a row opened
//! in the Playground: picked in the confusion matrix or at a point of the ROC curve, or by
//! its number.

use super::super::link::playground_query;
use crate::chart::anomaly::ScoreHistogram;
use crate::chart::confusion::Confusion;
use crate::chart::reliability::{draw_reliability, Reliability};
use crate::chart::{draw_axes, draw_marks, PlotMapping};
use crate::check::calibration::{calibration, predictions, BINS};
use crate::check::{Outcome, Task};
use crate::math::{argmax, roc_curve, RocPoint};
use crate::widgets::{LayeredCanvas, Readout, RocPlot, ScoreHistogramView};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A confusion matrix, `counts[true][predicted]`, and per cell its most confident row.
#[derive(Clone, Debug, PartialEq)]
struct Cells {
    counts: Vec<Vec<usize>>,
    best: Vec<Vec<Option<usize>>>,
}

/// What the pictures need, derived once per outcome.
#[derive(Clone, Debug, PartialEq)]
struct Pictures {
    histogram: ScoreHistogram,
    reliability: Reliability,
    /// Multi-class: counts[true][predicted], and per cell its most confident row.
    confusion: Option<Cells>,
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
        y_label: "predictions",
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
        let c = t.cols;
        let mut m = vec![vec![0usize; c]; c];
        let mut best = vec![vec![None::<(usize, f64)>; c]; c];
        let rows = r.probabilities.chunks(c).zip(r.targets.chunks(c));
        for (k, (p, y)) in rows.enumerate() {
            let (i, j) = (argmax(y), argmax(p));
            m[i][j] += 1;
            if best[i][j].is_none_or(|(_, q)| p[j] > q) {
                best[i][j] = Some((k, p[j]));
            }
        }
        let best = best
            .into_iter()
            .map(|row| row.into_iter().map(|b| b.map(|b| b.0)).collect())
            .collect();
        (Some(Cells { counts: m, best }), Vec::new())
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
    outcome: Signal<Outcome>,
) -> impl IntoView {
    // The pictures are worked out in a task of their own after the results, then put on the
    // page one per task: with a million numbers, doing it all in the task that shows the
    // numbers made that one task long (measured: 27 ms to work them out, 54 ms to mount and
    // draw them, with the CPU slowed 2×).
    let data = RwSignal::new(None::<Pictures>);
    let shown = RwSignal::new(0usize);
    Effect::new(move |_| {
        outcome.track();
        set_timeout(
            move || {
                if let Some(p) = outcome.try_with_untracked(pictures) {
                    let _ = shown.try_set(0);
                    data.try_set(p);
                    reveal(shown);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let at = move |part: usize| move || shown.get() >= part;
    move || {
        data.get().map(|p| {
            let row = RwSignal::new(p.worst_row);
            let picked = RwSignal::new(None::<String>);
            let ece = p.reliability.ece;
            let hist = p.histogram.clone();
            let rel = p.reliability.clone();
            let (confusion, roc) = (p.confusion.clone(), p.roc.clone());
            view! {
                <h2>"Pictures"</h2>
                <div class="two-charts">
                    <figure>
                        <figcaption>"How sure the model is: the top-class probability of each prediction, right and wrong stacked. The shaded band is where a top-class probability can lie."</figcaption>
                        <Show when=at(1)>
                            <ScoreHistogramView histogram=Signal::derive({ let h = hist.clone(); move || h.clone() }) threshold=Signal::derive(|| f64::NAN)
                                label=Signal::derive(|| "Histogram of the top-class probability, right and wrong predictions stacked".to_string())
                                testid="check-histogram" height=260 />
                        </Show>
                    </figure>
                    <figure data-testid="check-reliability">
                        <figcaption>
                            "Is it right as often as it is sure? Accuracy per confidence bin against the diagonal of perfect calibration. Expected calibration error: "
                            <Readout name="check-ece" value=Signal::derive(move || ece) />
                        </figcaption>
                        <Show when=at(2)>
                            <LayeredCanvas
                                background={ let rel = rel.clone(); move |area: &_, style: &_| draw_reliability(area, &rel, style) }
                                foreground=|_: &_, _: &_| Ok(())
                                height=260 name="reliability"
                                label=Signal::derive(|| "Reliability diagram: accuracy per confidence bin against the diagonal".to_string()) />
                        </Show>
                    </figure>
                </div>
                <Show when=at(3)>
                    {confusion.clone().map(|cells| confusion_view(cells, row, picked))}
                    {(!roc.is_empty()).then(|| roc_view(roc.clone(), outcome, row, picked))}
                    <PlaygroundRow outcome row picked />
                </Show>
            }
        })
    }
}

/// How many parts of the pictures there are, mounted one per task by [`reveal`].
const PARTS: usize = 3;

/// Shows the next part of the pictures in a task of its own, and so on to the last.
fn reveal(shown: RwSignal<usize>) {
    set_timeout(
        move || {
            if let Some(n) = shown.try_get_untracked().filter(|&n| n < PARTS) {
                shown.set(n + 1);
                reveal(shown);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Picks row `k` for the Playground and says where it came from.
fn pick(row: RwSignal<usize>, picked: RwSignal<Option<String>>, k: usize, from: String) {
    row.set(k);
    picked.set(Some(format!("Row {} picked: {from}.", k + 1)));
}

fn confusion_view(
    Cells { counts: m, best }: Cells,
    row: RwSignal<usize>,
    picked: RwSignal<Option<String>>,
) -> impl IntoView {
    let c = m.len();
    if c > 20 {
        return view! { <p class="note">"The confusion matrix is shown for up to 20 classes; these rows have "{c}"."</p> }.into_any();
    }
    let best = StoredValue::new(best);
    let choose = move |i: usize, j: usize| {
        if let Some(k) = best.with_value(|b| b[i][j]) {
            let what = if i == j { "right" } else { "wrong" };
            let from =
                format!("the most confident {what} prediction of true class {i} as class {j}");
            pick(row, picked, k, from);
        }
    };
    let chart = Confusion::new(m.clone());
    let (back, front) = (chart.clone(), chart.clone());
    let cell = RwSignal::new(None::<(usize, usize)>);
    let mapping = RwSignal::new(None::<PlotMapping>);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Only clicks on the picture (not on its PNG and full-screen buttons).
        let on_canvas = ev
            .target()
            .is_some_and(|t| t.has_type::<web_sys::HtmlCanvasElement>());
        let Some(map) = mapping.get_untracked().filter(|_| on_canvas) else {
            return;
        };
        let (px, py) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let inside = (map.left..map.left + map.width).contains(&px)
            && (map.top..map.top + map.height).contains(&py);
        if let Some((i, j)) = inside
            .then(|| chart.cell_at(map.x_at(px), map.y_at(py)))
            .flatten()
        {
            cell.set(Some((i, j)));
            choose(i, j);
        }
    };
    view! {
        <h3>"Confusion matrix"</h3>
        <p class="note">"Rows: the true class; columns: the predicted class; shading: the share of the true class's rows. Click or tap a cell (or a count in the table) to pick its most confident row for the Playground below."</p>
        <div class="check-confusion-picture" data-testid="check-confusion-chart" on:click=on_click
            data-plot=move || mapping.get().map(|m| format!("{:.1},{:.1},{:.1},{:.1}", m.left, m.top, m.width, m.height))>
            <LayeredCanvas
                background=move |area: &_, style: &_| draw_axes(area, &back, style)
                foreground=move |area: &_, style: &_| draw_marks(area, &front, &cell.get(), style).map(|_| ())
                mapping height=320 name="confusion-matrix"
                label=Signal::derive(move || format!("Confusion matrix of {c} classes: true class down, predicted class across; the counts are in the table below")) />
        </div>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Confusion matrix (scrolls sideways on narrow screens)">
            <table class="numbers check-confusion" data-testid="check-confusion">
                <thead><tr>
                    <th scope="col">"true ↓ / predicted →"</th>
                    {(0..c).map(|j| view! { <th scope="col">{format!("class {j}")}</th> }).collect::<Vec<_>>()}
                </tr></thead>
                <tbody>
                    {m.into_iter().enumerate().map(|(i, counts)| view! {
                        <tr>
                            <th scope="row">{format!("class {i}")}</th>
                            {counts.into_iter().enumerate().map(|(j, n)| view! {
                                <td class=if i == j { "diagonal" } else { "" } data-testid=format!("confusion-{i}-{j}")>
                                    {if n == 0 {
                                        view! { <span>"0"</span> }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="cell-pick" data-testid=format!("confusion-pick-{i}-{j}")
                                                aria-label=format!("{n}: pick the most confident row of true class {i} predicted as {j}")
                                                on:click=move |_| { cell.set(Some((i, j))); choose(i, j); }>{n}</button>
                                        }.into_any()
                                    }}
                                </td>
                            }).collect::<Vec<_>>()}
                        </tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn roc_view(
    curves: Vec<Result<Vec<RocPoint>, String>>,
    outcome: Signal<Outcome>,
    row: RwSignal<usize>,
    picked: RwSignal<Option<String>>,
) -> impl IntoView {
    let n = curves.len();
    let chosen = RwSignal::new(0usize);
    let index = RwSignal::new(0usize);
    let curves = StoredValue::new(curves);
    // A point of the curve is a threshold: the row whose score for this label sits there.
    let on_point = Callback::new(move |i: usize| {
        index.set(i);
        let j = chosen.get_untracked().min(n - 1);
        let Some(s) = curves.with_value(|c| {
            c[j].as_ref()
                .ok()
                .and_then(|c| c.get(i))
                .map(|p| p.threshold)
        }) else {
            return;
        };
        let found = outcome.with_untracked(|o| {
            let r = o.diagnosis.as_ref()?.report.as_ref()?;
            (0..r.probabilities.len() / n).find(|&k| r.probabilities[k * n + j] == s)
        });
        if let Some(k) = found {
            let label = if n > 1 {
                format!(" for label {j}")
            } else {
                String::new()
            };
            pick(
                row,
                picked,
                k,
                format!(
                    "its score{label} is this point's threshold, {}",
                    crate::format::format4(s)
                ),
            );
        }
    });
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
        <p class="note">"Drag the point along the curve (or use the arrow keys): each point is a threshold, and the row whose score sits there is picked for the Playground below."</p>
        {picker}
        {move || match problem() {
            Some(e) => view! { <p class="note" data-testid="check-roc-none">"No ROC curve for this label: "{e}"."</p> }.into_any(),
            None => view! {
                <RocPlot points index on_change=on_point testid="check-roc" height=280 />
            }.into_any(),
        }}
    }
}

/// Opens a row in the Playground: the most confidently wrong one first, or one picked in a
/// chart or by its number.
#[component]
fn PlaygroundRow(
    /// What the page read.
    outcome: Signal<Outcome>,
    /// The row (0-based).
    row: RwSignal<usize>,
    /// Where the row was picked, if in a chart.
    picked: RwSignal<Option<String>>,
) -> impl IntoView {
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
                    on:input=move |ev| {
                        if let Ok(r) = event_target_value(&ev).trim().parse::<usize>() {
                            row.set(r.saturating_sub(1));
                            picked.set(None);
                        }
                    } />
            </label>
            {move || match picked.get() {
                Some(p) => view! { " " <span data-testid="check-picked">{p}</span> " " }.into_any(),
                None => view! { " (it starts at the most confidently wrong one) " }.into_any(),
            }}
            {move || match link() {
                Ok(q) => view! { <a data-testid="open-in-playground" href=format!("#/playground?{q}") target="_blank" rel="noopener">"Open it in the Playground"</a>" (in a new tab, so what you pasted stays here)" }.into_any(),
                Err(e) => view! { <span class="note" data-testid="open-in-playground-off">{e}</span> }.into_any(),
            }}
        </p>
    }
}
