//! Lesson 4's views (browser only): `render()`, what the steps share (a labelled range, the
//! training controls, a table row per set-up, the animated training run behind the race and
//! the image race); each step's view is in its own file.

pub mod image;
pub mod one_pixel;
pub mod race;
pub mod saturation;
pub mod summary;

use super::{LESSON, MAX_STEPS_PER_FRAME, PAGE, SPEEDS};
use crate::format::format4;
use crate::lessons::runner::steps_due;
use crate::lessons::view::PlayButton;
use crate::lessons::view::{cell, row, Row};
use crate::lessons::view::{hold_link_while, link_value, render_lesson, share_derived, shared};
use crate::model::regression::Head;
use crate::widgets::{use_animation_frame, Readout};
use leptos::prelude::*;

/// The lesson's page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}

/// A labelled range input with its value as a readout. The wrapper carries the test id
/// (the input inside has the implicit role "slider").
#[component]
pub fn RangeField(
    /// The value shown.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with a new value.
    on_change: Callback<f64>,
    /// Smallest value.
    min: f64,
    /// Largest value.
    max: f64,
    /// Step of the arrows.
    step: f64,
    /// The label before the value.
    label: &'static str,
    /// `data-testid` of the wrapper; the readout is `readout-<testid>`.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="range-field" data-testid=testid>
            <label>
                <span class="range-label">{label} " " <Readout name=testid value /></span>
                <input
                    type="range"
                    min=min.to_string()
                    max=max.to_string()
                    step=step.to_string()
                    prop:value=move || value.get().to_string()
                    aria-valuetext=move || format!("{label} {}", format4(value.get()))
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            if v.is_finite() {
                                on_change.run(v.clamp(min, max));
                            }
                        }
                    }
                />
            </label>
        </div>
    }
}

/// Play / pause, one step, reset and speed for an animated training run.
#[component]
pub fn TrainingControls(
    /// The run's controls (from [`use_training`]).
    controls: RunControls,
    /// Prefix of the test ids (`<prefix>-play`, …).
    prefix: &'static str,
) -> impl IntoView {
    let RunControls {
        playing,
        speed,
        done,
        reset: on_reset,
        on_step,
        ..
    } = controls;
    view! {
        <div class="button-row training-controls" role="group" aria-label="Training controls">
            <PlayButton testid=format!("{prefix}-play") playing done on_reset again="Replay" />
            <button
                type="button"
                data-testid=format!("{prefix}-one-step")
                disabled=move || done.get()
                on:click=move |_| {
                    playing.set(false);
                    on_step.run(());
                }
            >
                "Step"
            </button>
            <button
                type="button"
                data-testid=format!("{prefix}-reset")
                on:click=move |_| on_reset.run(())
            >
                "Reset"
            </button>
            <label>
                "Speed "
                <select
                    data-testid=format!("{prefix}-speed")
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            if v.is_finite() && v > 0.0 {
                                speed.set(v);
                            }
                        }
                    }
                >
                    {SPEEDS
                        .iter()
                        .map(|(v, name)| view! {
                            <option value=v.to_string() selected=*v == speed.get_untracked()>
                                {format!("{name} ({v} steps/s)")}
                            </option>
                        })
                        .collect::<Vec<_>>()}
                </select>
            </label>
        </div>
    }
}

/// One table row per set-up: its name, then a readout per column, each named
/// `<column>-<set-up key>` (e.g. `race-out-linear`).
pub fn head_rows<const N: usize>(
    cells: impl Fn(Head) -> [(&'static str, Signal<f64>); N],
) -> Vec<Row> {
    Head::ALL
        .iter()
        .map(|&head| {
            let key = head.key();
            let readouts = cells(head).map(|(column, value)| {
                cell(view! { <Readout name=format!("{column}-{key}") value /> })
            });
            row(head.name(), readouts)
        })
        .collect()
}

/// The playback speed, kept in the link like the rest of a run's state.
fn shared_speed() -> RwSignal<f64> {
    shared(
        "speed",
        SPEEDS[1].0,
        |v| SPEEDS.iter().any(|(s, _)| s == v),
        "5, 20 or 60 steps per second",
    )
}

/// A deterministic training run a step animates (the race, the image race).
pub trait TrainingRun: Send + Sync + 'static {
    /// Takes up to `n` steps (fewer at the end).
    fn take_steps(&mut self, n: usize);
    /// Takes the `n` steps an animation frame owes; a costly run may stop early to keep the
    /// frame short.
    fn take_frame_steps(&mut self, n: usize) {
        self.take_steps(n);
    }
    /// Steps taken so far.
    fn steps_taken(&self) -> usize;
    /// Whether every step has been taken.
    fn finished(&self) -> bool;
}

/// The state of an animated training run's controls.
#[derive(Clone, Copy)]
pub struct RunControls {
    /// Whether the run is playing.
    pub playing: RwSignal<bool>,
    /// Steps per second (in the link).
    pub speed: RwSignal<f64>,
    /// Steps taken (in the link as `n`).
    pub step: Memo<usize>,
    /// Whether every step has been taken.
    pub done: Memo<bool>,
    /// Back to step 0, with the run rebuilt from the current settings.
    pub reset: Callback<()>,
    /// Takes one step.
    pub on_step: Callback<()>,
}

/// A run of `total` steps built by `make` (from the settings as they are when it is called):
/// a link's step count `n` is replayed at once (the runs are deterministic, so the numbers are
/// the sender's), the steps taken and the speed stay in the link, and while playing each
/// animation frame takes the steps due at the chosen speed.
pub fn use_training<R: TrainingRun>(
    total: usize,
    make: impl Fn() -> R + Send + Sync + 'static,
) -> (RwSignal<R>, RunControls) {
    let taken = link_value(
        "n",
        |n: &usize| *n <= total,
        &format!("a step from 0 to {total}"),
    );
    let run = RwSignal::new({
        let mut r = make();
        r.take_steps(taken.unwrap_or(0));
        r
    });
    let step = Memo::new(move |_| run.with(|r| r.steps_taken()));
    share_derived("n", 0usize, step.into());
    let speed = shared_speed();
    let playing = RwSignal::new(false);
    hold_link_while(playing);
    let carry = StoredValue::new(0.0);
    let done = Memo::new(move |_| run.with(|r| r.finished()));
    let reset = Callback::new(move |_: ()| {
        playing.set(false);
        carry.set_value(0.0);
        run.set(make());
    });
    let on_step = Callback::new(move |_: ()| run.update(|r| r.take_steps(1)));
    use_animation_frame(playing, move |elapsed| {
        let mut n = 0;
        carry.update_value(|c| {
            n = steps_due(c, speed.get_untracked(), elapsed, MAX_STEPS_PER_FRAME);
        });
        if n > 0 {
            run.update(|r| r.take_frame_steps(n));
        }
        if run.with_untracked(|r| r.finished()) {
            playing.set(false);
        }
    });
    let controls = RunControls {
        playing,
        speed,
        step,
        done,
        reset,
        on_step,
    };
    (run, controls)
}

/// A fieldset of radio chips choosing one of `options` (value, `data-testid`, label): checked
/// while `current` holds the value, `on_pick` called with the one picked.
pub fn choice_chips<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    name: &'static str,
    options: &[(T, &'static str, &'static str)],
    current: RwSignal<T>,
    on_pick: impl Fn(T) + Copy + 'static,
) -> impl IntoView {
    let chips = options
        .iter()
        .map(|&(value, testid, label)| {
            view! {
                <label class="chip">
                    <input type="radio" name=name data-testid=testid
                        prop:checked=move || current.get() == value
                        on:change=move |_| on_pick(value) />
                    {label}
                </label>
            }
        })
        .collect::<Vec<_>>();
    view! { <fieldset><legend>{legend}</legend>{chips}</fieldset> }
}
