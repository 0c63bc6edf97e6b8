//! Step 2's view: the autoencoder trained live, its loss curves and reconstructions.

use super::runner::{
    ae_state, shared_progress, use_autoencoder_runner, AeState, RunStats, FRAME_BUDGET_MS,
};
use super::{with_lab, MaybeReadout};
use crate::chart::anomaly::LossAxes;
use crate::chart::ImagePanels;
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::tasks::{paused_early, trained_to_end};
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::PlayButton;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{report_task, shared, Formula};
use crate::model::anomaly::{Kind, EPOCHS, HIDDEN, PARAMETERS, PIXELS, SIDE};
use crate::widgets::{ImageStrip, LossCurvesView, Readout};
use leptos::prelude::*;

/// Play / pause, one more epoch, reset and the speed of the autoencoder run.
#[component]
fn TrainControls(
    /// Whether training runs.
    playing: RwSignal<bool>,
    /// Full speed (as much as each frame allows) rather than steady.
    full_speed: RwSignal<bool>,
    /// Whether every epoch has run.
    #[prop(into)]
    done: Signal<bool>,
    /// Back to the seeded start.
    on_reset: Callback<()>,
    /// Train one more epoch, then pause.
    on_epoch: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="button-row training-controls" role="group" aria-label="Training controls">
            <PlayButton testid="ae-play" playing done on_reset again="Train again" />
            <button type="button" data-testid="ae-epoch" disabled=move || done.get() on:click=move |_| on_epoch.run(())>
                "+1 epoch"
            </button>
            <button type="button" data-testid="ae-reset" on:click=move |_| on_reset.run(())>"Reset"</button>
            <label>
                "Speed "
                <select data-testid="ae-speed" on:change=move |ev| full_speed.set(event_target_value(&ev) == "full")>
                    <option value="steady" selected=move || !full_speed.get_untracked()>"steady (about 5 s)"</option>
                    <option value="full" selected=move || full_speed.get_untracked()>"full (as much as each frame allows)"</option>
                </select>
            </label>
        </div>
    }
}

pub fn view() -> AnyView {
    let lab_changed = Trigger::new();
    let state = ae_state(lab_changed);
    let playing = RwSignal::new(false);
    let full_speed = shared("full", false, |_| true, "0 or 1");
    let stop_at = StoredValue::new(None::<usize>);
    let stats = RunStats::new();
    let catch_up = StoredValue::new(None::<usize>);
    use_autoencoder_runner(
        playing,
        full_speed.into(),
        stop_at,
        catch_up,
        lab_changed,
        stats,
    );
    // How far training got, in units of work (see `Lab::autoencoder_units`).
    shared_progress(
        "units",
        10_000_000,
        "a count of training work",
        Memo::new(move |_| {
            lab_changed.track();
            with_lab(|l| l.autoencoder_units()).unwrap_or(0)
        })
        .into(),
        || {
            with_lab(|l| l.reset_autoencoder());
        },
        catch_up,
        playing,
    );
    report_task("pause-early", move || {
        paused_early(playing.get(), state.get().epoch)
    });
    report_task("train-to-end", move || trained_to_end(state.get().epoch));
    let on_reset = Callback::new(move |_: ()| {
        playing.set(false);
        stop_at.set_value(None);
        with_lab(|l| l.reset_autoencoder());
        stats.reset();
        lab_changed.notify();
    });
    let on_epoch = Callback::new(move |_: ()| {
        let epoch = state.get_untracked().epoch;
        stop_at.set_value(Some(epoch + 1));
        playing.set(true);
    });
    let done = Signal::derive(move || state.get().epoch >= EPOCHS);
    let curves = Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| {
            vec![
                l.training().history().to_vec(),
                l.normal_curve().to_vec(),
                l.defect_curve().to_vec(),
            ]
        })
        .unwrap_or_default()
    });
    let axes = Signal::stored(LossAxes {
        epochs: EPOCHS,
        x_label: "epoch".into(),
        y_range: (-3.8, -1.8),
        y_label: "mean squared error (log scale)".into(),
        series: vec![
            ("training loss (good parts)".into(), 0),
            ("test: good parts".into(), 2),
            ("test: defects".into(), 5),
        ],
    });
    let preview: Vec<usize> = with_lab(|l| {
        Kind::ALL
            .iter()
            .filter_map(|k| l.data().test_indices(*k).first().copied())
            .collect()
    })
    .unwrap_or_default();
    let inputs = with_lab(|l| {
        preview
            .iter()
            .filter_map(|i| l.data().test.get(*i).map(|s| s.pixels.clone()))
            .collect::<Vec<_>>()
    })
    .unwrap_or_default();
    let preview = StoredValue::new(preview);
    let input_panels = Signal::stored(ImagePanels {
        side: SIDE,
        titles: Kind::ALL
            .iter()
            .map(|k| format!("input: {}", k.name()))
            .collect(),
    });
    let epoch = Memo::new(move |_| state.get().epoch);
    // Reconstructions and their errors, redrawn once per epoch (not every frame).
    let rebuilt = Memo::new(move |_| {
        let _ = epoch.get();
        with_lab(|l| {
            preview.with_value(|p| {
                p.iter()
                    .filter_map(|i| l.data().test.get(*i))
                    .map(|s| {
                        let m = l.training().model();
                        (m.reconstruct(&s.pixels), m.error(&s.pixels))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_default()
    });
    let rebuilt_panels = Signal::derive(move || ImagePanels {
        side: SIDE,
        titles: rebuilt.with(|r| {
            r.iter()
                .map(|(_, e)| format!("rebuilt: error {}", format4(*e)))
                .collect()
        }),
    });
    let rebuilt_images = Signal::derive(move || {
        rebuilt.with(|r| r.iter().map(|(x, _)| x.clone()).collect::<Vec<_>>())
    });
    let opt = |f: fn(&AeState) -> Option<f64>| Signal::derive(move || f(&state.get()));
    let ratio = Signal::derive(move || {
        let s = state.get();
        match (s.defect, s.normal) {
            (Some(d), Some(n)) if n > 0.0 => Some(d / n),
            _ => None,
        }
    });
    let loss_now = opt(|s| s.loss);
    let programs = Signal::derive(move || {
        let s = state.get();
        panels::train_programs(s.epoch, s.loss)
    });
    view! {
        <p>
            "An "<strong>"autoencoder"</strong>" rebuilds each picture through a narrow middle ("
            {PIXELS}" pixels → "{HIDDEN}" numbers → "{PIXELS}" pixels), trained on good parts only. "
            "Press Play and watch its training loss, its error on good parts it never saw, and on defects."
        </p>
        <TrainControls playing full_speed done on_reset on_epoch />
        <div class="train-status" data-testid="train-status" data-epoch=move || state.get().epoch.to_string() data-trained=move || state.get().trained.to_string()>
            <progress max="1" value=move || state.get().progress.to_string() aria-label="Training progress"></progress>
            <span>"epoch " <Readout name="epoch" value=Signal::derive(move || state.get().epoch as f64) /> " of " {EPOCHS}</span>
        </div>
        <div class="two-charts">
            <figure>
                <figcaption>"Reconstruction error per epoch (log scale)"</figcaption>
                <LossCurvesView axes series=curves label=Signal::derive(|| "Training loss and test errors per epoch".to_string()) testid="ae-loss" height=280 />
            </figure>
            <div class="anomaly-wrap">
                <DataTable class="numbers" testid="ae-numbers" label="The autoencoder in numbers" rows=vec![
                    row("training loss (last epoch)", [cell(view! { <MaybeReadout name="train-loss" value=loss_now /> })]),
                    row("test: good parts, mean error", [cell(view! { <MaybeReadout name="test-normal" value=opt(|s| s.normal) /> })]),
                    row("test: defects, mean error", [cell(view! { <MaybeReadout name="test-defect" value=opt(|s| s.defect) /> })]),
                    row("defects ÷ good parts", [cell(view! { <MaybeReadout name="error-ratio" value=ratio /> })]),
                ] />
                <p class="note">
                    "The good parts' error falls to the sensor noise (σ = 0.015, so about 0.0002) "
                    "and stays level with the training loss: the model generalises to good parts it "
                    "never saw. The defects' error stays about ten times higher."
                </p>
                <p class="note perf" data-testid="train-perf">
                    "Trained in slices of at most about "{FRAME_BUDGET_MS}" ms per animation frame: "
                    <Readout name="slice-frames" value=Signal::derive(move || stats.frames.get() as f64) />" frames, longest slice "
                    <Readout name="slice-max-ms" value=stats.longest_ms />" ms, "
                    <Readout name="train-seconds" value=Signal::derive(move || stats.wall_ms.get() / 1000.0) />" s of training."
                </p>
            </div>
        </div>
        <ImageStrip panels=input_panels images=Signal::stored(inputs) label=Signal::derive(|| "Four test pictures: a good part, a scratch, a spot and a missing piece".to_string()) testid="ae-inputs" height=150 />
        <ImageStrip panels=rebuilt_panels images=rebuilt_images label=Signal::derive(|| "The autoencoder's reconstructions of the four test pictures".to_string()) testid="ae-rebuilt" height=150 />
        <p>"The network, and the loss it is trained on:"</p>
        <div class="formula-scroll"><Formula block=true latex=r"\hat{x} = \sigma\left(W_2 \tanh(W_1 x + b_1) + b_2\right), \qquad L = \frac{1}{144}\sum_{i=1}^{144} (\hat{x}_i - x_i)^2" /></div>
        <p>
            "Sixteen numbers are enough to describe shading and brushing, but not a scratch that "
            "could be anywhere. So once trained, the autoencoder rebuilds good parts well and "
            "defects badly: its "<strong>"reconstruction error"</strong>" L is the anomaly score."
        </p>
        <p data-testid="conv-variant">
            "For real photos, a "<strong>"convolutional"</strong>" autoencoder is the usual upgrade: "
            "it keeps the picture's 2-D shape, so a spot is the same pattern wherever it lies. The "
            "programs below also build one for these "{SIDE}"×"{SIDE}" pictures (two stride-2 "
            "convolutions down, two transposed convolutions back up): a code of "
            {panels::CONV_CODE}" numbers and "{panels::CONV_PARAMETERS}" weights, against "
            {HIDDEN}" numbers and "{PARAMETERS}" weights for the dense one trained here."
        </p>
        <p>
            "Early on every reconstruction is a grey blur. Within a few epochs the shading appears, "
            "then the brushing. The defects never do: the scratch, the spot and the broken corner "
            "are repainted as good surface, which is exactly why their error stays high."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
