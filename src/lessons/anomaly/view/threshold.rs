//! Step 3's view: the threshold on the reconstruction error, the confusion matrix, the ROC
//! curve and Keras' AUC.

use super::{shared_threshold, with_lab, MaybeReadout, NeedsAutoencoder, THRESHOLD};
use crate::chart::anomaly::ScoreHistogram;
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::roc::{roc_index_for_threshold, threshold_for_roc_index};
use crate::lessons::anomaly::tasks::{catches_all_with_fewest_alarms, no_alarms_most_caught};
use crate::lessons::anomaly::LOG_THRESHOLD_RANGE;
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{report_tasks_on, shared, Predict};
use crate::math;
use crate::model::anomaly::{kind_flagged, Kind, TEST_PER_DEFECT};
use crate::widgets::{NumberField, Readout, RocPlot, ScoreHistogramView};
use leptos::prelude::*;

pub fn view() -> AnyView {
    // The threshold a link carries (`None`: the one-class default). Registered before the
    // model is trained, so the address keeps `?t=` while the step waits for training.
    let chosen = shared(
        "t",
        None::<f64>,
        |t| t.is_none_or(|v| v > 0.0 && v <= 1.0),
        "a reconstruction error in (0, 1]",
    );
    view! {
        <p>
            "Every test picture now has a score, its reconstruction error. To raise an alarm "
            "you pick a "<strong>"threshold"</strong>": a picture is flagged when its error is "
            "above it. The histogram shows the scores by kind; move the threshold (the slider "
            "steps from one test score to the next; or type a value) and watch the confusion "
            "matrix, precision and recall, and the point on the ROC curve."
        </p>
        <NeedsAutoencoder>{move || content(chosen)}</NeedsAutoencoder>
    }
    .into_any()
}

fn content(chosen: RwSignal<Option<f64>>) -> AnyView {
    let (labels, errors, suggested) = with_lab(|l| {
        (
            l.data().test_labels(),
            panels::shown(l.test_errors()),
            l.suggested_threshold(),
        )
    })
    .unwrap_or_default();
    let data =
        with_lab(|l| l.data().clone()).unwrap_or_else(crate::model::anomaly::Dataset::seeded);
    let labels_count = errors.len();
    let points = math::roc_curve(&labels, &errors).unwrap_or_default();
    let exact = math::roc_auc(&labels, &errors).ok();
    let keras_auc = math::keras_auc(&labels, &errors, 200).ok();
    let top = errors.iter().copied().fold(0.0, f64::max);
    // Divided in float32, as the code panel's NumPy array is.
    let rescaled: Vec<f64> = errors
        .iter()
        .map(|e| {
            if top > 0.0 {
                (*e as f32 / top as f32) as f64
            } else {
                0.0
            }
        })
        .collect();
    let keras_rescaled = math::keras_auc(&labels, &rescaled, 200).ok();
    let hist = ScoreHistogram {
        x_range: LOG_THRESHOLD_RANGE,
        log_x: true,
        bins: 40,
        x_label: "reconstruction error (log scale)".into(),
        y_label: "images",
        groups: Kind::ALL
            .iter()
            .map(|k| {
                let scores = data
                    .test_indices(*k)
                    .iter()
                    .filter_map(|i| errors.get(*i).copied())
                    .collect();
                (k.name().to_string(), k.index(), scores)
            })
            .collect(),
        band: None,
    };
    // Back on this step without a link's threshold: the one set here before.
    if chosen.get_untracked().is_none() {
        let before = shared_threshold();
        if before != suggested {
            chosen.set(Some(before));
        }
    }
    let t = Signal::derive(move || chosen.get().unwrap_or(suggested));
    let set_t = Callback::new(move |v: f64| chosen.set(Some(v)));
    Effect::new(move |_| {
        let v = t.get();
        THRESHOLD.with(|c| c.set(v));
    });
    let (positives, negatives) = (
        labels.iter().filter(|y| **y == 1.0).count() as f64,
        labels.iter().filter(|y| **y == 0.0).count() as f64,
    );
    let stored = StoredValue::new((labels, errors));
    let points_store = StoredValue::new(points.clone());
    let data = StoredValue::new(data);
    report_tasks_on(
        stored,
        move || t.get(),
        [
            ("catch-all", |(y, s), t| {
                catches_all_with_fewest_alarms(y, s, t)
            }),
            ("no-false-alarms", |(y, s), t| {
                no_alarms_most_caught(y, s, t)
            }),
        ],
    );
    let cm = Memo::new(move |_| {
        let t = t.get();
        stored
            .with_value(|(y, s)| math::confusion_matrix(y, s, t))
            .unwrap_or_default()
    });
    let count =
        move |f: fn(&math::ConfusionMatrix) -> usize| Signal::derive(move || f(&cm.get()) as f64);
    let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { 0.0 };
    let precision = Signal::derive(move || {
        let c = cm.get();
        ratio(c.tp as f64, (c.tp + c.fp) as f64)
    });
    let recall = Signal::derive(move || {
        let c = cm.get();
        ratio(c.tp as f64, (c.tp + c.fn_) as f64)
    });
    let false_alarm_rate = Signal::derive(move || ratio(cm.get().fp as f64, negatives));
    let per_kind = Memo::new(move |_| {
        let t = t.get();
        data.with_value(|d| stored.with_value(|(_, s)| kind_flagged(d, s, t)))
    });
    let caught =
        move |k: Kind| Signal::derive(move || per_kind.get()[k.index()] * TEST_PER_DEFECT as f64);
    let index = Signal::derive(move || {
        let t = t.get();
        points_store.with_value(|p| roc_index_for_threshold(p, t))
    });
    let on_roc = Callback::new(move |k: usize| {
        set_t.run(points_store.with_value(|p| threshold_for_roc_index(p, k)));
    });
    // The slider moves from one test score to the next (a ROC point each, read from the
    // right: higher thresholds flag fewer), so every distinct confusion matrix is one key
    // press or one slider position away, however close two scores are.
    let last = points.len().saturating_sub(1);
    let position = Signal::derive(move || last - index.get().min(last));
    let (lo, hi) = LOG_THRESHOLD_RANGE;
    let programs = Signal::derive(move || {
        let t = t.get();
        stored.with_value(|(y, s)| panels::threshold_programs(y, s, t))
    });
    let (largest, buckets) = stored.with_value(|(_, s)| panels::keras_buckets(s));
    view! {
        <ScoreHistogramView
            histogram=Signal::stored(hist)
            threshold=t
            label=Signal::derive(|| "Histogram of reconstruction errors by kind, with the threshold".to_string())
            testid="error-histogram"
            height=270
        />
        <div class="controls">
            <fieldset class="threshold-field">
                <legend>"Threshold on the reconstruction error"</legend>
                <span class="range-box">
                    <input
                        type="range"
                        data-testid="threshold"
                        aria-label="Threshold on the reconstruction error, one step per test score"
                        min="0"
                        max=last.to_string()
                        step="1"
                        prop:value=move || position.get().to_string()
                        aria-valuetext=move || format!("threshold {}", format4(t.get()))
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                on_roc.run(last - v.min(last));
                            }
                        }
                    />
                </span>
                " " <Readout name="threshold" value=t />
                <NumberField
                    value=t
                    on_commit=set_t
                    min=10f64.powf(lo)
                    max=10f64.powf(hi)
                    label="or type it:"
                    what="the threshold"
                    testid="threshold-field"
                />
                <button type="button" data-testid="one-class-threshold" on:click=move |_| chosen.set(None)>
                    "One-class choice: 95th percentile of the training errors"
                </button>
            </fieldset>
        </div>
        <div class="two-charts">
            <div class="anomaly-wrap">
                <DataTable class="numbers confusion" testid="confusion" label="Confusion matrix" heads=&["actual \\ verdict", "flagged", "passed"] rows=vec![
                    row(format!("defect ({positives})"), [
                        cell(view! { "caught "<Readout name="tp" value=count(|c| c.tp) /> }).class("hit"),
                        cell(view! { "missed "<Readout name="fn" value=count(|c| c.fn_) /> }).class("miss"),
                    ]),
                    row(format!("good part ({negatives})"), [
                        cell(view! { "false alarm "<Readout name="fp" value=count(|c| c.fp) /> }).class("miss"),
                        cell(view! { "passed "<Readout name="tn" value=count(|c| c.tn) /> }).class("hit"),
                    ]),
                ] />
                <DataTable class="numbers" testid="threshold-metrics" label="Scores at this threshold" rows=vec![
                    row("precision: flagged pictures that are defects", [
                        cell(view! { <Readout name="precision" value=precision /> }),
                    ]),
                    row("recall: defects flagged", [cell(view! { <Readout name="recall" value=recall /> })]),
                    row("false-alarm rate: good parts flagged", [
                        cell(view! { <Readout name="false-alarm-rate" value=false_alarm_rate /> }),
                    ]),
                    row("scratches caught (of 30)", [cell(view! { <Readout name="caught-scratch" value=caught(Kind::Scratch) /> })]),
                    row("spots caught (of 30)", [cell(view! { <Readout name="caught-spot" value=caught(Kind::Spot) /> })]),
                    row("missing pieces caught (of 30)", [
                        cell(view! { <Readout name="caught-missing" value=caught(Kind::MissingPiece) /> }),
                    ]),
                ] />
            </div>
            <figure>
                <figcaption>"ROC curve of the reconstruction error: drag the point, or focus it and use the arrow keys"</figcaption>
                <RocPlot points=Signal::stored(points) index on_change=on_roc testid="error-roc" height=300 />
            </figure>
        </div>
        <p>
            "The button sets the threshold the one-class way, without looking at a single defect: "
            "at the error that only 5 % of the good training parts exceed. On a real line that "
            "is all you can do before the first defects arrive; the labelled test defects only "
            "tell you afterwards how well it worked."
        </p>
        <Predict>
            <DataTable class="numbers" testid="auc-table" label="Three ways to compute the AUC" rows=vec![
                row("exact ROC AUC (scikit-learn roc_auc_score, torchmetrics)", [
                    cell(view! { <MaybeReadout name="auc-exact" value=Signal::derive(move || exact) /> }),
                ]),
                row("Keras AUC() on the raw errors", [
                    cell(view! { <MaybeReadout name="auc-keras" value=Signal::derive(move || keras_auc) /> }),
                ]),
                row("Keras AUC() on errors / errors.max()", [
                    cell(view! { <MaybeReadout name="auc-keras-rescaled" value=Signal::derive(move || keras_rescaled) /> }),
                ]),
            ] />
            <p>
                "AUC() spreads its 200 thresholds evenly over [0, 1], 1/199 apart. The largest "
                "error here is "{format4(largest)}", so all "{labels_count}" errors fall into "
                {buckets}" of its buckets, and errors in the same bucket count as ties. Divided "
                "by the largest error they keep their order and spread over [0, 1]; the exact "
                "AUC uses every score as its own threshold."
            </p>
            <p>"The code below computes the table's counts, precision and recall at the threshold you set, and the three AUCs."</p>
            <CodePanels programs />
        </Predict>
    }
    .into_any()
}
