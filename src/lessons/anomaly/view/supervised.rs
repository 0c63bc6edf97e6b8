//! Step 5's view: a classifier trained live on good parts and scratches, its weights, and
//! the comparison with the autoencoder.

use super::comparison::comparison_view;
use super::runner::{shared_progress, use_pixel_runner, CLASSIFIER_STEPS_PER_SECOND};
use super::{with_lab, MaybeReadout, NeedsAutoencoder};
use crate::chart::anomaly::{HeatPanels, LossAxes, PanelScale};
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::tasks::generous_budget_checked;
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{report_task, shared_number, Formula};
use crate::model::anomaly::{
    kind_flagged, CLASSIFIER_EPOCHS, PIXELS, SIDE, TEST_NORMAL, TEST_PER_DEFECT, TRAIN_NORMAL,
    TRAIN_SCRATCH,
};
use crate::model::regression::Head;
use crate::widgets::{HeatPanelsView, LossCurvesView};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct ClassifierState {
    steps: usize,
    done: bool,
    loss: Option<f64>,
}

fn classifier_state(lab_changed: Trigger, head: Head) -> Memo<ClassifierState> {
    Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| {
            let run = l.pixel_training(head);
            ClassifierState {
                steps: run.epoch(),
                done: run.is_done(),
                loss: run.history().last().copied(),
            }
        })
        .unwrap_or_default()
    })
}

pub fn view() -> AnyView {
    let lab_changed = Trigger::new();
    let state = classifier_state(lab_changed, Head::SigmoidBce);
    let playing = RwSignal::new(false);
    let catch_up = StoredValue::new(None::<usize>);
    use_pixel_runner(
        playing,
        &[Head::SigmoidBce],
        Some(CLASSIFIER_STEPS_PER_SECOND),
        catch_up,
        lab_changed,
    );
    shared_progress(
        "n",
        100_000,
        "a number of steps",
        Memo::new(move |_| state.get().steps).into(),
        || {
            with_lab(|l| l.reset_pixel_model(Head::SigmoidBce));
        },
        catch_up,
        playing,
    );
    let budget = shared_number("budget", 0.05, 0.0, 0.25);
    report_task("train-classifier", move || state.get().done);
    report_task("generous-budget", move || {
        generous_budget_checked(budget.get(), state.get().done)
    });
    let history = Memo::new(move |_| {
        lab_changed.track();
        vec![
            with_lab(|l| l.pixel_training(Head::SigmoidBce).history().to_vec()).unwrap_or_default(),
        ]
    });
    let axes = Signal::stored(LossAxes {
        epochs: CLASSIFIER_EPOCHS,
        x_label: "full-batch step".into(),
        y_range: (-1.4, 0.1),
        y_label: "binary cross-entropy (log scale)".into(),
        series: vec![("training loss".into(), 1)],
    });
    let template = with_lab(|l| {
        let mean = |set: &[crate::model::anomaly::Sample]| {
            let mut m = vec![0.0; PIXELS];
            for s in set {
                for (a, v) in m.iter_mut().zip(&s.pixels) {
                    *a += v / set.len().max(1) as f64;
                }
            }
            m
        };
        let (s, n) = (mean(&l.data().train_scratch), mean(&l.data().train_normal));
        s.iter().zip(&n).map(|(a, b)| a - b).collect::<Vec<_>>()
    })
    .unwrap_or_default();
    let template_max = template
        .iter()
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(1e-6);
    let weight_images = Signal::derive(move || {
        lab_changed.track();
        let w = with_lab(|l| {
            l.pixel_training(Head::SigmoidBce)
                .model()
                .weights()
                .to_vec()
        })
        .unwrap_or_default();
        vec![w, template.clone()]
    });
    let weight_panels = Signal::stored(HeatPanels {
        side: SIDE,
        panels: vec![
            (
                "learned weight per pixel".into(),
                PanelScale::Diverging { max: 4.0 },
            ),
            (
                "mean scratch − mean good part".into(),
                PanelScale::Diverging { max: template_max },
            ),
        ],
    });
    // The classifier's probabilities as the page shows them (4 significant digits):
    // every number of this step is computed from them, as in the code panel.
    let probabilities = Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| panels::shown(&l.pixel_predictions(Head::SigmoidBce))).unwrap_or_default()
    });
    let at_half = Memo::new(move |_| {
        probabilities
            .with(|p| with_lab(|l| kind_flagged(l.data(), p, 0.5)))
            .unwrap_or_default()
    });
    let programs = Signal::derive(move || {
        let steps = state.get().steps;
        let b = budget.get();
        probabilities.with(|p| {
            with_lab(|l| panels::supervised_programs(steps, b, p, l.data())).unwrap_or_default()
        })
    });
    view! {
        <p>
            "The thread's other suggestion: label defective pictures 1 and good ones 0 and train "
            "a "<strong>"binary classifier"</strong>": one output z per picture, a sigmoid and "
            "binary cross-entropy. Here it is the simplest one, a weight per pixel (logistic "
            "regression), trained on the "{TRAIN_NORMAL}" good parts and the only defects "
            "labelled so far: "{TRAIN_SCRATCH}" scratches."
        </p>
        <div class="button-row training-controls" role="group" aria-label="Classifier training">
            <button
                type="button"
                class="primary-action"
                data-testid="clf-train"
                disabled=move || { playing.get() || state.get().done }
                on:click=move |_| playing.set(true)
            >
                {move || if state.get().done { "Trained" } else if playing.get() { "Training…" } else { "Train the classifier" }}
            </button>
            <button
                type="button"
                data-testid="clf-reset"
                on:click=move |_| {
                    playing.set(false);
                    with_lab(|l| l.reset_pixel_model(Head::SigmoidBce));
                    lab_changed.notify();
                }
            >
                "Reset"
            </button>
            <span data-testid="clf-status" data-steps=move || state.get().steps.to_string() data-done=move || state.get().done.to_string()>
                "step " {move || state.get().steps} " of " {CLASSIFIER_EPOCHS} " · loss "
                <MaybeReadout name="clf-loss" value=Signal::derive(move || state.get().loss) />
            </span>
        </div>
        <div class="two-charts">
            <figure>
                <figcaption>"Training loss of the classifier"</figcaption>
                <LossCurvesView axes series=history label=Signal::derive(|| "Training loss of the classifier".to_string()) testid="clf-loss-curve" height=240 />
            </figure>
            <figure>
                <figcaption>"What it looks for: its weights (blue negative, orange positive), next to what scratches add to a picture"</figcaption>
                <HeatPanelsView panels=weight_panels images=weight_images label=Signal::derive(|| "The classifier's weight per pixel and the average scratch".to_string()) testid="clf-weights" height=240 />
            </figure>
        </div>
        <div class="formula-scroll"><Formula block=true latex=r"p = \sigma(w \cdot x + b), \qquad L = -\left[y \ln p + (1 - y)\ln(1 - p)\right]" /></div>
        <p>
            "The weights turn into a bright diagonal stripe: the classifier has learned what a "
            "scratch looks like. On its own threshold (p > 0.5) it catches "
            <MaybeReadout name="clf-half-scratch" value=Signal::derive(move || (state.get().steps > 0).then(|| at_half.get()[1] * TEST_PER_DEFECT as f64)) />
            " of the 30 test scratches, with "
            <MaybeReadout name="clf-half-normal" value=Signal::derive(move || (state.get().steps > 0).then(|| at_half.get()[0] * TEST_NORMAL as f64)) />
            " false alarms on the 100 good test parts."
        </p>
        <NeedsAutoencoder>
            {move || comparison_view(lab_changed, budget, at_half, probabilities)}
        </NeedsAutoencoder>
        <p>"The code below builds the classifier and computes its column of the table from its probabilities on the test pictures."</p>
        <CodePanels programs />
    }
    .into_any()
}
