//! Step "race": the three set-ups trained side by side on one output, with Adam's end points
//! for the same settings.

use super::{choice_chips, head_rows, use_training, RangeField, TrainingControls, TrainingRun};
use crate::chart::TrainingAxes;
use crate::lessons::code_view::CodePanels;
use crate::lessons::regression::charts::series_of;
use crate::lessons::regression::tasks::{
    adam_rescued_sigmoid_mse, left_unit_interval, run_finished,
};
use crate::lessons::regression::{panels, RACE_START};
use crate::lessons::view::{report_task, shared, DataTable, Predict, ReadoutLine};
use crate::model::regression::{
    race_output_range, Head, Optimizer, Race, RaceSettings, LEARNING_RATE_MAX, LEARNING_RATE_MIN,
    RACE_STEPS,
};
use crate::widgets::{use_settled, Readout, TrainingPlot};
use leptos::prelude::*;

impl TrainingRun for Race {
    fn take_steps(&mut self, n: usize) {
        self.advance(n);
    }
    fn steps_taken(&self) -> usize {
        self.step()
    }
    fn finished(&self) -> bool {
        self.is_done()
    }
}

fn output_axes_for(s: RaceSettings, optimizer: Optimizer) -> TrainingAxes {
    TrainingAxes {
        steps: RACE_STEPS,
        y_range: race_output_range(s, optimizer),
        log_y: false,
        y_label: "prediction ŷ".into(),
        series: vec![], // the key above the charts is the legend
        band: Some((0.0, 1.0)),
        reference: Some(s.target),
    }
}

fn error_axes_for() -> TrainingAxes {
    TrainingAxes {
        steps: RACE_STEPS,
        y_range: (-8.0, 0.3),
        log_y: true,
        y_label: "(ŷ − y)², log scale".into(),
        series: vec![],
        band: None,
        reference: None,
    }
}

/// The step's view.
pub fn view() -> AnyView {
    // A link carries the settings, the steps taken and the speed: the race is replayed
    // to the same step (it is deterministic), so the numbers are the sender's.
    let settings = shared(
        "race",
        RACE_START,
        |_| true,
        "target_start_rate, each usable",
    );
    // Plain gradient descent, or Adam: the claim about Adam is run, not only stated.
    let optimizer = shared("opt", Optimizer::Sgd, |_| true, "sgd or adam");
    let (race, controls) = use_training(RACE_STEPS, move || {
        Race::with(
            settings.get_untracked(),
            optimizer.get_untracked(),
            RACE_STEPS,
        )
    });
    let extremes = Memo::new(move |_| race.with(|r| r.linear_extremes()));
    let (lowest, highest) = (
        Signal::derive(move || extremes.get().0),
        Signal::derive(move || extremes.get().1),
    );
    let outside = Signal::derive(move || race.with(|r| r.linear_steps_outside()) as f64);
    report_task("race-finish", move || {
        run_finished(controls.step.get(), RACE_STEPS)
    });
    report_task("race-overshoot", move || {
        let (lo, hi) = extremes.get();
        left_unit_interval(lo, hi)
    });
    report_task("race-adam", move || race.with(adam_rescued_sigmoid_mse));
    let change = move |f: fn(&mut RaceSettings, f64)| {
        Callback::new(move |v: f64| {
            settings.update(|s| f(s, v));
            controls.reset.run(());
        })
    };
    let on_target = change(|s, v| s.target = v);
    let on_start = change(|s, v| s.start = v);
    let on_lr = change(|s, v| s.learning_rate = v);
    let set_optimizer = move |o: Optimizer| {
        optimizer.set(o);
        controls.reset.run(());
    };

    let target = Signal::derive(move || settings.with(|s| s.target));
    let output_axes = Signal::derive(move || output_axes_for(settings.get(), optimizer.get()));
    let error_axes = Signal::derive(error_axes_for);
    let outputs = Signal::derive(move || race.with(|r| series_of(r.history(), |v| v)));
    let errors = Signal::derive(move || {
        race.with(|r| {
            let t = r.settings().target;
            series_of(r.history(), |v| (v - t) * (v - t))
        })
    });
    let current =
        move |head: Head| Signal::derive(move || race.with(|r| r.outputs()[head.index()]));
    let error = move |head: Head| Signal::derive(move || race.with(|r| r.squared_error(head)));
    // Inside `Predict`, whose children are built again when they are revealed.
    let rows =
        move || head_rows(move |head| [("race-out", current(head)), ("race-err", error(head))]);
    // The panels follow the run whenever it is paused; while it plays they keep the
    // last paused state (rewriting the code on every frame would only cost time). The
    // refresh runs in its own task, so the frame that ends a run stays short.
    let settled = use_settled(controls.playing, move || race.with(|r| r.step()));
    let programs =
        Memo::new(move |_| panels::race_programs(settings.get(), optimizer.get(), settled.get()));
    let adam = Memo::new(move |_| panels::adam_race(settings.get(), RACE_STEPS));
    // The charts' text alternatives follow the paused state: rewriting two attributes on
    // every frame of a run would only cost time, and no one hears them mid-run.
    let out_label = Signal::derive(move || {
        format!(
            "Predictions of the three set-ups against the step, {} of {} steps",
            settled.get(),
            RACE_STEPS
        )
    });
    let err_label = Signal::derive(move || {
        format!(
            "Squared error of each prediction against the step, log scale, {} steps",
            settled.get()
        )
    });
    view! {
        <p>
            "Now train. Each set-up starts from the same prediction ŷ₀ and takes steps "
            "z ← z − η·dL/dz on its own loss. For a fair comparison the right-hand chart shows "
            "the squared error of the "<em>"prediction"</em>", (ŷ − y)², whatever the loss."
        </p>
        <p class="series-key" aria-hidden="true">
            <span><span class="swatch swatch-0">"●"</span>" linear + MSE"</span>
            <span><span class="swatch swatch-1">"▲"</span>" sigmoid + MSE"</span>
            <span><span class="swatch swatch-2">"■"</span>" sigmoid + BCE"</span>
        </p>
        <div class="two-charts">
            <figure>
                <figcaption>"Prediction ŷ (shaded: the pixel range [0, 1]; dashed: the target)"</figcaption>
                <TrainingPlot axes=output_axes series=outputs label=out_label testid="race-outputs" />
            </figure>
            <figure>
                <figcaption>"Squared error of the prediction, (ŷ − y)²"</figcaption>
                <TrainingPlot axes=error_axes series=errors label=err_label testid="race-errors" />
            </figure>
        </div>
        <Predict>
            <DataTable class="numbers" testid="race-table" label="The three set-ups now" heads=&["set-up", "prediction ŷ", "(ŷ − y)²"] rows=rows() />
        </Predict>
        <div class="controls">
            <RangeField value=target on_change=on_target min=0.0 max=1.0 step=0.01 label="Target y =" testid="race-target" />
            <RangeField value=Signal::derive(move || settings.with(|s| s.start)) on_change=on_start min=0.01 max=0.99 step=0.01 label="Start ŷ₀ =" testid="race-start" />
            <RangeField value=Signal::derive(move || settings.with(|s| s.learning_rate)) on_change=on_lr min=LEARNING_RATE_MIN max=LEARNING_RATE_MAX step=0.01 label="Learning rate η =" testid="race-lr" />
        </div>
        <div class="controls">
            {choice_chips("Optimizer", "race-optimizer", &[
                (Optimizer::Sgd, "race-optimizer-sgd", "plain gradient descent (SGD)"),
                (Optimizer::Adam, "race-optimizer-adam", "Adam"),
            ], optimizer, set_optimizer)}
        </div>
        <TrainingControls controls prefix="race" />
        // The counter changes on every frame of a run: screen readers hear the settled step.
        <p class="sums">
            "Step " <Readout name="race-step" value=Signal::derive(move || controls.step.get() as f64) />
            " of " {RACE_STEPS}
            <span class="visually-hidden" role="status">{move || format!("{} of {RACE_STEPS} steps taken", settled.get())}</span>
        </p>
        <ReadoutLine items=vec![("Linear head so far: lowest ", "race-linear-min", lowest), (", highest ", "race-linear-max", highest), (", predictions outside [0, 1]: ", "race-linear-outside", outside)] />
        <p>
            "Raise the learning rate above 0.5. The linear head's error is multiplied by "
            "1 − 2η each step; past 0.5 that factor is negative, so the prediction jumps over "
            "the target and back, and if the jump is large it lands outside [0, 1] (from 0.05 "
            "towards 0.9 at η = 0.8, the first step lands at 1.41). At η = 1 it bounces for "
            "ever; above 1 it would diverge. The sigmoid heads can never leave (0, 1). Set the "
            "target to 1 or 0 and watch them approach it without ever arriving: σ(z) reaches "
            "exactly 0 or 1 only as z runs to ∓∞."
        </p>
        <p>
            "So far this is plain gradient descent, as in "<code>"SGD"</code>". Most networks "
            "are trained with Adam, which divides each step by a running estimate of the "
            "gradient's size, so a tiny but steady gradient still moves z by about η per step. "
            "Switch the optimizer to Adam and run the race again: the flat stretch that traps "
            "sigmoid + MSE barely slows it down, and the linear head now steps by about η, "
            "whatever its error. For these settings (Keras' defaults, the same start, η and "
            {RACE_STEPS} " steps), Adam's predictions end at "
            <Readout name="race-adam-linear" value=Signal::derive(move || adam.get()[0]) />
            " (linear + MSE), "
            <Readout name="race-adam-sigmoid-mse" value=Signal::derive(move || adam.get()[1]) />
            " (sigmoid + MSE) and "
            <Readout name="race-adam-sigmoid-bce" value=Signal::derive(move || adam.get()[2]) />
            " (sigmoid + BCE), for the target " <Readout name="race-adam-target" value=target />
            ". Adam rescales per weight, though, not per output: in a real network a weight "
            "serves many pixels at once, and a saturated pixel's small gradient is still "
            "outweighed by the others'. Cross-entropy on z keeps every pixel's own gradient "
            "large, whatever the optimizer."
        </p>
        <p>
            "A single free output overshoots only through a too-large step. In a real network, "
            "outputs outside [0, 1] come from somewhere else: the weights are shared across "
            "pixels and images, so an input unlike the training images can produce 1.2 or −0.1. "
            "With a linear head, clip the prediction when you use it ("<code>"np.clip(pred, 0, 1)"</code>
            "); a sigmoid head does that by construction."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
