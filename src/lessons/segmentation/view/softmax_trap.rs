//! Step 5 (softmax trap): one logit through three heads, and the three heads trained.

use super::snapped_input;
use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::segmentation::link::TRAP_LINK_STEPS;
use crate::lessons::segmentation::tasks::trained_long_enough;
use crate::lessons::segmentation::{panels, FORMULA_TRAP, FORMULA_TRAP_GRADIENT};
use crate::lessons::view::{
    cell, hold_link_while, link_value, report_task, row, share_derived, shared_number, DataTable,
    Formula, Predict, ReadoutLine,
};
use crate::math;
use crate::model::segmentation::{
    correct_heads_learned, object_mask, trap_features, TrapModel, TrapReport, TrapSetup,
    PAINT_SIZE, THRESHOLD, TRAP_LEARNING_RATE,
};
use crate::widgets::{now_ms, use_animation_frame, MaskMaps, Readout};
use leptos::prelude::*;

/// Steps the trap models have trained (they all train together).
fn steps_of(models: &[TrapModel]) -> usize {
    models.first().map(|m| m.steps).unwrap_or(0)
}

/// The step's view.
pub fn view() -> AnyView {
    let features = StoredValue::new(trap_features());
    let truth = StoredValue::new(object_mask());
    // A link carries the steps trained; training is deterministic, so it is replayed,
    // in frame-sized slices (a step of the three models costs about 0.13 ms: 5,000 steps
    // at once would freeze the page for 0.65 s).
    let target = link_value(
        "n",
        |n: &usize| *n <= TRAP_LINK_STEPS,
        "a number of steps up to 5,000",
    )
    .filter(|n| *n > 0);
    // The replay still to run: the link's step count, until the models reach it.
    let catch_up = RwSignal::new(target);
    let models = RwSignal::new(TrapSetup::ALL.map(TrapModel::new).to_vec());
    // While replaying, the link keeps its target.
    share_derived(
        "n",
        0usize,
        Signal::derive(move || {
            catch_up
                .get()
                .unwrap_or_else(|| models.with(|m| steps_of(m)))
        }),
    );
    let playing = RwSignal::new(target.is_some());
    hold_link_while(playing);
    // A button press ends a replay: from then on the link follows the models.
    let stop_replay = move || catch_up.maybe_update(|c| c.take().is_some());
    let reports = Memo::new(move |_| {
        features.with_value(|f| {
            truth.with_value(|t| {
                models.with(|ms| {
                    ms.iter()
                        .map(|m| m.report(f, t))
                        .collect::<Vec<TrapReport>>()
                })
            })
        })
    });
    report_task("train-100", move || models.with(|m| trained_long_enough(m)));
    report_task("both-learn", move || {
        reports.with(|r| match r.as_slice() {
            [a, b, c] => correct_heads_learned(&[a.clone(), b.clone(), c.clone()]),
            _ => false,
        })
    });
    let train = move |n: usize| {
        models.update(|ms| {
            features.with_value(|f| {
                truth.with_value(|t| {
                    for m in ms.iter_mut() {
                        m.train(f, t, TRAP_LEARNING_RATE, n);
                    }
                })
            })
        })
    };
    const PLAY_LIMIT: usize = 600;
    use_animation_frame(playing, move |_| {
        if let Some(target) = catch_up.get_untracked() {
            let start = now_ms();
            let mut steps = models.with_untracked(|m| steps_of(m));
            while steps < target && now_ms() - start < 6.0 {
                let n = (target - steps).min(8);
                train(n);
                steps += n;
            }
            if steps >= target {
                catch_up.set(None);
                playing.set(false);
            }
            return;
        }
        train(3);
        if models.with_untracked(|m| steps_of(m)) >= PLAY_LIMIT {
            playing.set(false);
        }
    });
    let steps = Signal::derive(move || models.with(|m| steps_of(m)) as f64);
    let field = move |i: usize, f: fn(&TrapReport) -> f64| {
        Signal::derive(move || reports.with(|r| r.get(i).map(f).unwrap_or(f64::NAN)))
    };
    let maps = Signal::derive(move || {
        reports.with(|r| r.iter().map(|r| r.object_prob.clone()).collect::<Vec<_>>())
    });
    let trap_cce = Signal::derive(move || {
        reports.with(|r| {
            r.first()
                .and_then(|r| r.categorical_loss)
                .unwrap_or(f64::NAN)
        })
    });
    let label = Signal::derive(move || {
        reports.with(|r| {
            let ious: Vec<String> = r.iter().map(|r| format4(r.iou)).collect();
            format!(
                "What each head predicts for the object mask after {} steps; IoU {}",
                steps.get(),
                ious.join(", ")
            )
        })
    });
    // One pixel, three heads.
    let z = shared_number("z", -2.0, -8.0, 8.0);
    let one_softmax = Signal::derive(move || math::softmax(&[z.get()])[0]);
    let one_sigmoid = Signal::derive(move || math::sigmoid(z.get()));
    let two_softmax = Signal::derive(move || math::softmax(&[0.0, z.get()])[1]);
    let programs = Signal::derive(move || panels::trap_programs(z.get()));
    let column = move |i: usize| {
        cell(view! {
            <Readout name=format!("trap-min-{i}") value=field(i, |r| r.output_range.0) />
            " … "
            <Readout name=format!("trap-max-{i}") value=field(i, |r| r.output_range.1) />
        })
    };
    let number = move |i: usize, name: &'static str, f: fn(&TrapReport) -> f64| {
        cell(view! { <Readout name=format!("{name}-{i}") value=field(i, f) /> })
    };
    let heads: Vec<_> = std::iter::once("")
        .chain(TrapSetup::ALL.iter().map(|s| s.name()))
        .collect();
    view! {
        <p>
            "The thread's snippet offers two switches for the binary case, one in each "
            "comment: 1 output channel, and a sigmoid instead of the softmax. Flip only the "
            "first and the model compiles, runs and trains without any error (recent Keras 3 "
            "versions print one warning, easily lost in a training log). Below, the same "
            "feature map feeds three heads, each a 1 × 1 convolution trained by gradient "
            "descent on the object mask from step 3."
        </p>
        <Predict>
            <div class="controls">
                <fieldset class="seg-range">
                    <legend>"One pixel's logit z"</legend>
                    <input type="range" min="-8" max="8" step="0.1" data-testid="trap-logit" aria-label="Logit z"
                        prop:value=move || z.get().to_string()
                        on:input=snapped_input(z, 10.0, -8.0, 8.0) />
                    " z = " <Readout name="trap-logit" value=z />
                </fieldset>
            </div>
            <ReadoutLine items=vec![("softmax over 1 channel: ", "trap-softmax-1", one_softmax), (" · sigmoid: ", "trap-sigmoid", one_sigmoid), (" · softmax over 2 channels (0, z), object: ", "trap-softmax-2", two_softmax)] />
            <div class="formula-pair">
                <Formula block=true latex=FORMULA_TRAP />
                <Formula block=true latex=FORMULA_TRAP_GRADIENT />
            </div>
            <div class="button-row training-controls" role="group" aria-label="Training controls">
                <button type="button" data-testid="trap-play" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| { stop_replay(); playing.update(|p| *p = !*p) }>
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button type="button" data-testid="trap-train-10" on:click=move |_| { stop_replay(); playing.set(false); train(10); }>"Train 10 steps"</button>
                <button type="button" data-testid="trap-train-100" on:click=move |_| { stop_replay(); playing.set(false); train(100); }>"Train 100 steps"</button>
                <button type="button" data-testid="trap-reset" on:click=move |_| { stop_replay(); playing.set(false); models.set(TrapSetup::ALL.map(TrapModel::new).to_vec()); }>"Reset"</button>
                <span>"steps: " <Readout name="trap-steps" value=steps /></span>
            </div>
            <MaskMaps size=PAINT_SIZE threshold=THRESHOLD titles=TrapSetup::ALL.iter().map(|s| s.name().to_string()).collect() maps truth=Signal::derive(move || truth.get_value()) label height=270 />
            <DataTable class="numbers" testid="trap-table" label="What each head has learnt" heads={heads.clone()} rows=vec![
                row("outputs (lowest … highest)", [column(0), column(1), column(2)]),
                row("training loss", (0..3).map(|i| number(i, "trap-loss", |r| r.loss))),
                row("gradient length", (0..3).map(|i| number(i, "trap-grad", |r| r.gradient_norm))),
                row("IoU (p > 0.5)", (0..3).map(|i| number(i, "trap-iou", |r| r.iou))),
            ] />
            <p>
                "The one-channel softmax says “object” for every pixel with probability "
                "exactly 1, before and after training. Its loss never moves: binary "
                "cross-entropy sits at the clipped ceiling on every background pixel, and "
                "the thread's categorical cross-entropy even reports "
                <Readout name="trap-cce" value=trap_cce />
                ", a near-perfect score for a model that has learnt nothing. The sigmoid and "
                "the two-channel softmax learn the same mask: softmax over (z₀, z₁) gives "
                "the object σ(z₁ − z₀), a sigmoid of the difference."
            </p>
            <CodePanels programs />
        </Predict>
    }
    .into_any()
}
