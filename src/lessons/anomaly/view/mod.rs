//! Lesson 5's views (WebAssembly only): the lab the steps share, the widgets several steps
//! use, and one file per step.

mod comparison;
pub mod inspect;
pub mod parts;
mod runner;
pub mod summary;
pub mod supervised;
pub mod thread_code;
pub mod threshold;
pub mod train;

use super::{LESSON, PAGE};
use crate::format::{format4, format_full};
use crate::lessons::view::{link_value, render_lesson, report_task, share_derived, shared};
use crate::model::anomaly::{Kind, Lab, EPOCHS};
use crate::widgets::ReadoutSpan;
use leptos::prelude::*;
use runner::{ae_state, use_autoencoder_runner, RunStats};
use std::cell::{Cell, RefCell};

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}

thread_local! {
    /// Everything trained so far: it survives moving between steps (not a reload).
    static LAB: RefCell<Option<Lab>> = const { RefCell::new(None) };
    /// The threshold last set in the threshold step (NaN: not set yet).
    static THRESHOLD: Cell<f64> = const { Cell::new(f64::NAN) };
}

/// Runs `f` on the shared lab (made on first use). `None` only if the lab is already
/// borrowed, which the single-threaded, non-reentrant callers never do.
fn with_lab<R>(f: impl FnOnce(&mut Lab) -> R) -> Option<R> {
    LAB.with(|cell| {
        let mut guard = cell.try_borrow_mut().ok()?;
        Some(f(guard.get_or_insert_with(Lab::new)))
    })
}

/// The threshold set in the threshold step, or the one-class default.
fn shared_threshold() -> f64 {
    let t = THRESHOLD.with(|c| c.get());
    if t.is_finite() && t > 0.0 {
        t
    } else {
        with_lab(|l| l.suggested_threshold()).unwrap_or(1e-3)
    }
}

/// A number that may not exist yet: "—" until it does (never NaN).
#[component]
fn MaybeReadout(
    /// Test id suffix: `readout-<name>`.
    #[prop(into)]
    name: String,
    /// The value, if there is one.
    #[prop(into)]
    value: Signal<Option<f64>>,
) -> impl IntoView {
    let text = Memo::new(move |_| value.get().map(format4).unwrap_or_else(|| "—".to_string()));
    let full = Signal::derive(move || value.get().map(format_full).unwrap_or_default());
    view! { <ReadoutSpan name text full /> }
}

/// A share as a percentage with up to four significant digits.
fn pct(x: f64) -> String {
    format!("{} %", format4(x * 100.0))
}

/// Shows `children` once the autoencoder is trained; until then, a button that
/// trains it here at full speed (in frame-sized slices) with its progress.
#[component]
fn NeedsAutoencoder(
    /// What needs the trained model.
    children: ChildrenFn,
) -> impl IntoView {
    let lab_changed = Trigger::new();
    let state = ae_state(lab_changed);
    let playing = RwSignal::new(false);
    use_autoencoder_runner(
        playing,
        Signal::derive(|| true),
        StoredValue::new(None),
        StoredValue::new(None),
        lab_changed,
        RunStats::new(),
    );
    let trained = Memo::new(move |_| state.get().trained);
    // A link from a page whose autoencoder was trained says so (`trained=1`), and opening it
    // trains this page's model at once: training is deterministic, so it is the sender's.
    share_derived("trained", false, trained.into());
    let from_trained = link_value("trained", |_: &bool| true, "0 or 1") == Some(true);
    if from_trained && !trained.get_untracked() {
        playing.set(true);
    }
    move || {
        if trained.get() {
            // Built inside this closure, not by the framework: untracked, so that no signal
            // the children read while setting up re-runs it and rebuilds them.
            untrack(|| children()).into_any()
        } else {
            view! {
                <div class="train-gate" data-testid="train-gate">
                    <p>
                        "This part uses the autoencoder from step 2, “Train an autoencoder on "
                        "good parts only”. Train it there to watch it learn, or here at full speed:"
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="primary-action"
                            data-testid="gate-train"
                            disabled=move || playing.get()
                            on:click=move |_| playing.set(true)
                        >
                            {move || if playing.get() { "Training…" } else if state.get().epoch > 0 { "Finish training" } else { "Train it now" }}
                        </button>
                        <progress max="1" value=move || state.get().progress.to_string() aria-label="Training progress"></progress>
                        <span class="muted" data-testid="gate-epoch">{move || format!("epoch {} of {}", state.get().epoch, EPOCHS)}</span>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

/// The picture picked in a gallery or dot plot, kept in the step's link under `pick` (one
/// of `count`), and the callback that picks one. Each pick notes the picture's kind
/// (`kind_of`); the task `task` holds once `done` holds for the kinds noted so far.
fn use_pick(
    count: usize,
    task: &'static str,
    done: fn(&[Kind]) -> bool,
    kind_of: impl Fn(usize) -> Option<Kind> + Send + Sync + 'static,
) -> (RwSignal<Option<usize>>, Callback<usize>) {
    let selected = shared(
        "pick",
        None::<usize>,
        move |p| p.is_none_or(|i| i < count),
        "a picture number",
    );
    let seen = RwSignal::new(Vec::<Kind>::new());
    report_task(task, move || seen.with(|s| done(s)));
    let on_select = Callback::new(move |i: usize| {
        selected.set(Some(i));
        if let Some(k) = kind_of(i) {
            if !seen.with_untracked(|s| s.contains(&k)) {
                seen.update(|s| s.push(k));
            }
        }
    });
    (selected, on_select)
}

fn kind_names() -> Vec<(String, usize)> {
    Kind::ALL
        .iter()
        .map(|k| (k.name().to_string(), k.index()))
        .collect()
}
