//! Step 6's view: the thread's regressor and the classifier, run, with their outputs and
//! scores.

use super::runner::use_pixel_runner;
use super::{kind_names, with_lab, MaybeReadout};
use crate::chart::anomaly::DotPlot;
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::tasks::is_furthest_outside;
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{report_task, shared, Predict};
use crate::math;
use crate::model::anomaly::{r_squared, CLASSIFIER_EPOCHS, TRAIN_NORMAL, TRAIN_SCRATCH};
use crate::model::regression::Head;
use crate::widgets::{ErrorDotPlot, Picking};
use leptos::prelude::*;

pub fn view() -> AnyView {
    let lab_changed = Trigger::new();
    let playing = RwSignal::new(true);
    use_pixel_runner(
        playing,
        &[Head::SigmoidBce, Head::LinearMse],
        None,
        StoredValue::new(None),
        lab_changed,
    );
    let ready = Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| {
            l.pixel_training(Head::SigmoidBce).is_done()
                && l.pixel_training(Head::LinearMse).is_done()
        })
        .unwrap_or(false)
    });
    let progress = Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| {
            (l.pixel_training(Head::SigmoidBce).epoch() + l.pixel_training(Head::LinearMse).epoch())
                as f64
                / (2 * CLASSIFIER_EPOCHS) as f64
        })
        .unwrap_or(0.0)
    });
    let mode = shared(
        "head",
        Head::LinearMse,
        |h| *h != Head::SigmoidMse,
        "linear or sigmoid-bce",
    );
    let selected = shared("pick", None::<usize>, |_| true, "a picture number");
    let outputs = Memo::new(move |_| {
        if !ready.get() {
            return Vec::new();
        }
        let h = mode.get();
        with_lab(|l| {
            panels::thread_scores(h, &panels::shown(&l.pixel_raw(h)), &l.data().test_labels())
                .outputs
        })
        .unwrap_or_default()
    });
    report_task("furthest-outside", move || {
        ready.get()
            && mode.get() == Head::LinearMse
            && outputs.with(|o| is_furthest_outside(o, selected.get()))
    });
    report_task("switch-to-bce", move || {
        ready.get() && mode.get() == Head::SigmoidBce
    });
    view! {
        <p>
            "The thread's code, run on these pictures: a network with a "<em>"linear"</em>" output "
            "trained with mean squared error on the labels 0 (good) and 1 (defect), wrapped in "
            "KerasRegressor and scored with its "<code>"score"</code>". Here it is the same pixel "
            "model as in step 5, on the same "{TRAIN_NORMAL}" good parts and "{TRAIN_SCRATCH}
            " scratches, once with the thread's set-up and once as a classifier."
        </p>
        {move || if ready.get() {
            content(mode, selected, outputs).into_any()
        } else {
            view! {
                <div class="train-gate" data-testid="pixel-training">
                    <p>"Training both set-ups (600 whole-batch steps each)…"</p>
                    <progress max="1" value=move || progress.get().to_string() aria-label="Training progress"></progress>
                </div>
            }.into_any()
        }}
    }
    .into_any()
}

fn content(
    mode: RwSignal<Head>,
    selected: RwSignal<Option<usize>>,
    outputs: Memo<Vec<f64>>,
) -> AnyView {
    // Built inside the view's `ready` closure, not by the framework: untracked, so that no
    // signal read while setting up re-runs that closure and rebuilds the content.
    untrack(move || {
        // The raw outputs as the page shows them (4 significant digits), per set-up.
        let (labels, kinds, raw_sigmoid, raw_linear) = with_lab(|l| {
            (
                l.data().test_labels(),
                l.data().test.iter().map(|s| s.kind).collect::<Vec<_>>(),
                panels::shown(&l.pixel_raw(Head::SigmoidBce)),
                panels::shown(&l.pixel_raw(Head::LinearMse)),
            )
        })
        .unwrap_or_default();
        let names_kinds = kinds.clone();
        let labels = StoredValue::new(labels);
        let kinds = StoredValue::new(kinds);
        let plot = Signal::derive(move || DotPlot {
            x_range: (-0.8, 1.4),
            log_x: false,
            x_label: "output ŷ on the test pictures".into(),
            rows: kind_names(),
            dots: kinds.with_value(|k| {
                outputs.with(|o| k.iter().zip(o).map(|(k, v)| (k.index(), *v)).collect())
            }),
            band: Some((0.0, 1.0)),
        });
        let names = Signal::derive(move || {
            outputs.with(|o| {
                names_kinds
                    .iter()
                    .zip(o)
                    .enumerate()
                    .map(|(i, (k, v))| {
                        format!("{}, test picture {i}: output {}", k.name(), format4(*v))
                    })
                    .collect::<Vec<_>>()
            })
        });
        let stat = move |f: fn(&[f64], &[f64]) -> Option<f64>| {
            Signal::derive(move || outputs.with(|o| labels.with_value(|y| f(y, o))))
        };
        let lowest = stat(|_, o| o.iter().copied().reduce(f64::min));
        let highest = stat(|_, o| o.iter().copied().reduce(f64::max));
        let outside =
            stat(|_, o| Some(o.iter().filter(|v| !(0.0..=1.0).contains(*v)).count() as f64));
        let mse = stat(|y, o| math::mean_squared_error(y, o).ok());
        let old_score = Signal::derive(move || mse.get().map(|m| -m));
        let r2 = stat(r_squared);
        let raw_sigmoid = StoredValue::new(raw_sigmoid);
        let bce = Signal::derive(move || {
            (mode.get() == Head::SigmoidBce)
                .then(|| {
                    labels.with_value(|y| {
                        raw_sigmoid.with_value(|z| math::binary_crossentropy(y, z, true).ok())
                    })
                })
                .flatten()
        });
        let picked = Signal::derive(move || {
            let i = selected.get()?;
            outputs.with(|o| o.get(i).copied())
        });
        let picked_kind = move || {
            selected
                .get()
                .and_then(|i| kinds.with_value(|k| k.get(i).copied()))
                .map(|k| k.name())
                .unwrap_or("pick a dot")
        };
        let raw_linear = StoredValue::new(raw_linear);
        let programs = Signal::derive(move || {
            let h = mode.get();
            let raw = if h == Head::SigmoidBce {
                raw_sigmoid
            } else {
                raw_linear
            };
            raw.with_value(|z| labels.with_value(|y| panels::thread_programs(h, z, y)))
        });
        // What the score table says, for the set-up on screen.
        let verdict = move || {
            let Some(r) = r2.get() else {
                return String::new();
            };
            let share = labels.with_value(|y| y.iter().sum::<f64>() / y.len().max(1) as f64);
            let sign = if r < 0.0 {
                format!("below 0: its squared error is larger than that of always answering the share of defects, {}", format4(share))
            } else {
                "above 0, but far from 1".to_string()
            };
            match mode.get() {
                Head::SigmoidBce => format!(
                    "With the classification set-up, the R² of the probabilities is {}: {sign}. The test loss to report here is the binary cross-entropy, {}.",
                    format4(r),
                    bce.get().map(format4).unwrap_or_default()
                ),
                _ => format!(
                    "With the thread's set-up, R² is {}: {sign}. The old KerasRegressor.score would have reported {} (−MSE) instead.",
                    format4(r),
                    old_score.get().map(format4).unwrap_or_default()
                ),
            }
        };
        view! {
            <div class="controls">
                <fieldset class="setup-field">
                    <legend>"Set-up"</legend>
                    <label class="chip"><input type="radio" name="l5-setup" data-testid="setup-linear" prop:checked=move || mode.get() == Head::LinearMse on:change=move |_| mode.set(Head::LinearMse) />"the thread's: linear output + MSE"</label>
                    <label class="chip"><input type="radio" name="l5-setup" data-testid="setup-sigmoid" prop:checked=move || mode.get() == Head::SigmoidBce on:change=move |_| mode.set(Head::SigmoidBce) />"classification: sigmoid + binary cross-entropy"</label>
                </fieldset>
            </div>
            <ErrorDotPlot
                plot
                threshold=Signal::derive(|| Some(0.5))
                picking=Picking { selected: selected.into(), on_select: Callback::new(move |i| selected.set(Some(i))), names }
                label=Signal::derive(|| "The model's output for every test picture, by kind; the shaded band is [0, 1]".to_string())
                testid="output-dots"
                height=240
            />
            <div class="anomaly-wrap narrow-table">
                    <DataTable class="numbers" testid="output-numbers" label="What the model outputs" rows=vec![
                        row("lowest output", [cell(view! { <MaybeReadout name="out-min" value=lowest /> })]),
                        row("highest output", [cell(view! { <MaybeReadout name="out-max" value=highest /> })]),
                        row("outputs outside [0, 1] (of 190)", [cell(view! { <MaybeReadout name="out-outside" value=outside /> })]),
                        row(view! { "selected: " <span data-testid="out-kind">{picked_kind}</span> }, [
                            cell(view! { <MaybeReadout name="out-picked" value=picked /> }),
                        ]),
                    ] />
                    <p class="note">
                        "With a linear output, pictures that look unlike any scratch get outputs "
                        "below 0 and bright scratches above 1: they are not probabilities, and 0.5 "
                        "is not a natural cut. The sigmoid set-up keeps every output in (0, 1)."
                    </p>
            </div>
            <Predict>
                        <DataTable class="numbers" testid="score-table" label="Scores on the test set" rows=vec![
                            row("test MSE", [cell(view! { <MaybeReadout name="test-mse" value=mse /> })]),
                            row("old KerasRegressor.score: −MSE", [cell(view! { <MaybeReadout name="old-score" value=old_score /> })]),
                            row("R² (SciKeras, Keras 3 SKLearnRegressor, scikit-learn)", [
                                cell(view! { <MaybeReadout name="r2" value=r2 /> }),
                            ]),
                            row("test binary cross-entropy (sigmoid set-up)", [
                                cell(view! { <MaybeReadout name="test-bce" value=bce /> }),
                            ]),
                        ] />
                        <p data-testid="score-verdict">{verdict}</p>
                        <p>
                            "Both numbers are about the set of outputs, never about one picture, "
                            "and neither says how many defects are caught. For the classification "
                            "set-up the loss to report is the binary cross-entropy; to judge it, "
                            "precision, recall and AUC, as in steps 3 and 5."
                        </p>
                        <p>"The code below defines the set-up shown and computes the table from its outputs on the test pictures."</p>
                        <CodePanels programs />
            </Predict>
        }
        .into_any()
    })
}
