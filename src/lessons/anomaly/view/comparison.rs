//! Step 5's comparison: the classifier against the autoencoder at the same false-alarm
//! budget, in a table and in words.

use super::{pct, with_lab, MaybeReadout};
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::view::{cell, row, DataTable, Predict};
use crate::model::anomaly::{kind_rates, threshold_for_false_alarms, Kind, TEST_PER_DEFECT};
use crate::model::regression::Head;
use crate::widgets::Readout;
use leptos::prelude::*;

/// What the comparison table shows, in words, for the budget on screen.
fn comparison_text(
    trained: bool,
    budget: f64,
    clf: &crate::model::anomaly::KindRates,
    ae: &crate::model::anomaly::KindRates,
) -> String {
    let ae_part = format!(
        "The autoencoder, shown no defect at all, flags {} of the good parts and catches {} of the scratches, {} of the spots and {} of the missing pieces. ",
        pct(ae.flagged[0]),
        pct(ae.flagged[1]),
        pct(ae.flagged[2]),
        pct(ae.flagged[3])
    );
    if !trained {
        return format!("With {} false alarms allowed: {ae_part}", pct(budget));
    }
    let ranking = if clf.auc[1] < 0.5 {
        "below 0.5: it ranks spots as less suspicious than good parts"
    } else {
        "at least 0.5"
    };
    format!(
        "With {} false alarms allowed, the classifier flags {} of the good parts and catches {} of the scratches and {} of the spots; its AUC on spots is {}, {ranking}. {ae_part}",
        pct(budget),
        pct(clf.flagged[0]),
        pct(clf.flagged[1]),
        pct(clf.flagged[2]),
        format4(clf.auc[1]),
    )
}

/// The supervised classifier against the autoencoder at the same false-alarm budget.
pub(super) fn comparison_view(
    lab_changed: Trigger,
    budget: RwSignal<f64>,
    at_half: Memo<[f64; 4]>,
    predictions: Memo<Vec<f64>>,
) -> AnyView {
    let (data, errors) = with_lab(|l| (l.data().clone(), panels::shown(l.test_errors())))
        .unwrap_or_else(|| (crate::model::anomaly::Dataset::seeded(), Vec::new()));
    let normal_errors: Vec<f64> = data
        .test_indices(Kind::Normal)
        .iter()
        .filter_map(|i| errors.get(*i).copied())
        .collect();
    let data = StoredValue::new(data);
    let errors = StoredValue::new(errors);
    let trained = Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| l.pixel_training(Head::SigmoidBce).is_done()).unwrap_or(false)
    });
    let ae = Memo::new(move |_| {
        let b = budget.get();
        let t = threshold_for_false_alarms(&normal_errors, b).unwrap_or(0.0);
        data.with_value(|d| errors.with_value(|e| kind_rates(d, e, t)))
    });
    let clf = Memo::new(move |_| {
        let b = budget.get();
        predictions.with(|p| {
            let normal: Vec<f64> = data.with_value(|d| {
                d.test_indices(Kind::Normal)
                    .iter()
                    .filter_map(|i| p.get(*i).copied())
                    .collect()
            });
            let t = threshold_for_false_alarms(&normal, b).unwrap_or(0.5);
            data.with_value(|d| kind_rates(d, p, t))
        })
    });
    let rates = move |label: &'static str,
                      key: &'static str,
                      pick: fn(&crate::model::anomaly::KindRates) -> f64| {
        row(
            label,
            [
                cell(
                    view! { <MaybeReadout name=format!("clf-{key}") value=Signal::derive(move || trained.get().then(|| pick(&clf.get()))) /> },
                ),
                cell(
                    view! { <Readout name=format!("ae-{key}") value=Signal::derive(move || pick(&ae.get())) /> },
                ),
            ],
        )
    };
    view! {
        <p>
            "To compare the two fairly, give them the same "<strong>"false-alarm budget"</strong>": "
            "each gets the threshold at which it flags that share of the good test parts."
        </p>
        <Predict>
            <p>
                "At p > 0.5 it catches "
                <MaybeReadout name="clf-half-spot" value=Signal::derive(move || trained.get().then(|| at_half.get()[2] * TEST_PER_DEFECT as f64)) />
                " of the 30 spots and "
                <MaybeReadout name="clf-half-missing" value=Signal::derive(move || trained.get().then(|| at_half.get()[3] * TEST_PER_DEFECT as f64)) />
                " of the 30 missing pieces. Now give both models the same budget:"
            </p>
            <div class="controls">
                <fieldset class="threshold-field">
                    <legend>"False alarms allowed on good parts"</legend>
                    <span class="range-box">
                        <input
                            type="range"
                            min="0"
                            max="0.25"
                            step="0.01"
                            data-testid="budget"
                            aria-label="False-alarm budget"
                            aria-valuetext=move || pct(budget.get())
                            prop:value=move || budget.get().to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    if v.is_finite() {
                                        budget.set((v * 100.0).round().clamp(0.0, 25.0) / 100.0);
                                    }
                                }
                            }
                        />
                    </span>
                    " " <Readout name="budget" value=budget />
                </fieldset>
            </div>
            <div class="anomaly-wrap">
                <DataTable class="numbers" testid="comparison" label="The two models at the same false-alarm budget" heads=&["share of test pictures flagged", "classifier (trained on scratches)", "autoencoder (good parts only)"] rows=vec![
                    rates("good parts (false alarms)", "flagged-normal", |r| r.flagged[0]),
                    rates("scratches", "flagged-scratch", |r| r.flagged[1]),
                    rates("spots", "flagged-spot", |r| r.flagged[2]),
                    rates("missing pieces", "flagged-missing", |r| r.flagged[3]),
                    rates("ROC AUC, good parts against scratches", "auc-scratch", |r| r.auc[0]),
                    rates("ROC AUC, good parts against spots", "auc-spot", |r| r.auc[1]),
                    rates("ROC AUC, good parts against missing pieces", "auc-missing", |r| r.auc[2]),
                ] />
            </div>
            {move || (!trained.get()).then(|| view! { <p class="muted">"Train the classifier above to fill in its column."</p> })}
            <p data-testid="comparison-text">
                {move || comparison_text(trained.get(), budget.get(), &clf.get(), &ae.get())}
                "It does catch missing pieces at low thresholds, but by luck: its weights are "
                "negative near the corners, so a dark corner happens to push p up. That is the "
                "typical outcome, not a law: a supervised model with the right kinds labelled is "
                "often sharper on those kinds, and an autoencoder can miss a defect that looks "
                "like normal variation."
            </p>
        </Predict>
    }
    .into_any()
}
