//! A step's live state: its tasks checked as the widgets change, and every piece of widget
//! state kept in the step's URL so a shared link restores it.

use super::super::lesson::task_key;
use super::super::{Lesson, Step};
use super::progress::use_progress;
use crate::format::format_full;
use crate::link::LinkValue;
use crate::routes::step_href;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A piece of a step's widget state that lives in the URL (so a shared link restores it):
/// its text for the link, or `None` while it has its starting value (links stay short).
/// Reading it tracks the signals it encodes.
pub(super) type SharedValue = std::sync::Arc<dyn Fn() -> Option<String> + Send + Sync>;

/// The step on screen, which of its tasks hold right now, and its shareable state.
#[derive(Clone, Copy)]
pub(super) struct StepContext {
    pub(super) lesson: &'static Lesson,
    pub(super) step: &'static Step,
    pub(super) live: RwSignal<BTreeMap<&'static str, bool>>,
    pub(super) shared: StoredValue<Vec<(String, SharedValue)>>,
    /// Parts of the link that could not be used (shown as a notice).
    pub(super) bad_link: RwSignal<Vec<String>>,
    /// The step was opened from a link that carries widget state (a shared view).
    pub(super) from_link: bool,
    /// The step's prediction is answered (now or on an earlier visit), or the step has none,
    /// or it was opened from a shared link (whose state is never hidden): what would answer
    /// the question may show.
    pub(super) revealed: RwSignal<bool>,
    /// Runs that are playing (see [`hold_link_while`]): the address bar waits for them.
    pub(super) holds: StoredValue<Vec<Signal<bool>>>,
}

impl StepContext {
    pub(super) fn query(&self) -> String {
        self.shared.with_value(|items| {
            items
                .iter()
                .filter_map(|(key, value)| value().map(|v| format!("{key}={v}")))
                .collect::<Vec<_>>()
                .join("&")
        })
    }

    /// Whether a run is playing, so the address bar should wait (tracks the runs' flags).
    pub(super) fn held(&self) -> bool {
        self.holds.with_value(|h| h.iter().any(|p| p.get()))
    }

    pub(super) fn path(&self) -> String {
        step_href(self.lesson.slug, self.step.id)[1..].to_string()
    }

    pub(super) fn next_key(&self, base: &str) -> String {
        let n = self
            .shared
            .with_value(|items| items.iter().filter(|(k, _)| k.starts_with(base)).count());
        if n == 0 {
            base.to_string()
        } else {
            format!("{base}{}", n + 1)
        }
    }
}

/// Keeps the address bar as it is while `playing`: an animated run changes its step count
/// on every frame, and rewriting the address (`history.replaceState`, 1 to 5 ms in
/// Chromium) in the middle of a run's frames costs more than the frame itself. The address
/// catches up when the run pauses or ends; "Share" always gives the state of the moment.
pub fn hold_link_while(playing: impl Into<Signal<bool>>) {
    if let Some(c) = use_context::<StepContext>() {
        let playing = playing.into();
        c.holds.update_value(|h| h.push(playing));
    }
}

/// Whether what answers the step's prediction may show yet (always, outside a lesson step).
/// Controls and code panels that would give the answer away wait for it.
pub fn use_revealed() -> Signal<bool> {
    match use_context::<StepContext>() {
        Some(ctx) => ctx.revealed.into(),
        None => Signal::derive(|| true),
    }
}

/// Logits a link may carry: same count as the step starts with, finite, within ±1000.
fn logits_from_link(text: &str, len: usize) -> Option<Vec<f64>> {
    let values: Vec<f64> = text
        .split(',')
        .map(|v| {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= 1000.0)
        })
        .collect::<Option<Vec<f64>>>()?;
    (values.len() == len).then_some(values)
}

/// Called by a step's view: task `id` is done once `condition` holds (checked live, after
/// every change of the signals it reads). Tasks stay done once achieved.
pub fn report_task(id: &'static str, condition: impl Fn() -> bool + 'static) {
    let Some(ctx) = use_context::<StepContext>() else {
        return;
    };
    if !ctx.step.tasks.iter().any(|t| t.id == id) {
        leptos::logging::error!("step {} has no task {id}", ctx.step.id);
        return;
    }
    let progress = use_progress();
    // A shared link must not hand out ticks: a task that already holds in the state a link
    // opens with is credited only after it has stopped holding and holds again.
    let armed = StoredValue::new(!ctx.from_link);
    // Judged on the state the learner settles on: a drag that merely passes the target does
    // not count; the check runs again when the pointer or key is released.
    let busy = crate::widgets::gesture_active();
    Effect::new(move |_| {
        let now = condition();
        let settled = !busy.get();
        ctx.live.update(|m| {
            m.insert(id, now);
        });
        if !now {
            armed.set_value(true);
        } else if settled && armed.get_value() {
            progress.mark(task_key(ctx.lesson.slug, ctx.step.id, id));
        }
    });
}

/// A task's condition on a step's fixed data and the learner's current input.
pub type Condition<D, T> = fn(&D, T) -> bool;

/// [`report_task`] for tasks judged on a step's fixed `data` and the learner's current
/// `input` (a picked image, a threshold): each `(id, condition)` holds when
/// `condition(&data, input())` does.
pub fn report_tasks_on<D: Send + Sync + 'static, T: 'static, const N: usize>(
    data: StoredValue<D>,
    input: impl Fn() -> T + Copy + 'static,
    tasks: [(&'static str, Condition<D, T>); N],
) {
    for (id, condition) in tasks {
        report_task(id, move || {
            let now = input();
            data.with_value(|d| condition(d, now))
        });
    }
}

/// Logits held by a step, and the callback a `LogitBars` reports drags with. They live in the
/// step's URL (`?z=…`): a shared link restores them; a malformed one is ignored.
pub fn logits_state(initial: &[f64]) -> (RwSignal<Vec<f64>>, Callback<(usize, f64)>) {
    let ctx = use_context::<StepContext>();
    let key = ctx.map(|c| c.next_key("z"));
    let from_link = key
        .as_deref()
        .and_then(crate::url_sync::current_query_value);
    let parsed = from_link
        .as_deref()
        .and_then(|text| logits_from_link(text, initial.len()));
    if let (Some(c), Some(k), Some(_), None) = (ctx, key.as_deref(), &from_link, &parsed) {
        c.bad_link.update(|b| {
            b.push(format!(
                "{k}: expected {} finite numbers within ±1000",
                initial.len()
            ))
        });
    }
    let start = parsed.unwrap_or_else(|| initial.to_vec());
    let z = RwSignal::new(start);
    if let (Some(c), Some(k)) = (ctx, key) {
        // Logits are always in the link: it shows what the learner is looking at.
        let encode: SharedValue = std::sync::Arc::new(move || {
            Some(z.with(|z| {
                z.iter()
                    .map(|v| format_full(*v))
                    .collect::<Vec<_>>()
                    .join(",")
            }))
        });
        c.shared.update_value(|items| items.push((k, encode)));
    }
    let set = Callback::new(move |(i, v): (usize, f64)| {
        z.update(|z| {
            if let Some(slot) = z.get_mut(i) {
                *slot = v;
            }
        })
    });
    (z, set)
}

/// A number held by a step (a temperature, a threshold…) that lives in the step's URL under
/// `key`; a link's value is used only if it is finite and within `[min, max]`.
pub fn shared_number(key: &str, initial: f64, min: f64, max: f64) -> RwSignal<f64> {
    shared(
        key,
        initial,
        move |v| (min..=max).contains(v),
        &format!("a number from {min} to {max}"),
    )
}

/// Any widget state held by a step that lives in the step's URL under `key` (see
/// [`LinkValue`]): a link's value is used if it decodes and `accept` takes it; otherwise
/// the step starts from `initial` and the notice names `key` and what was `expected`.
/// While the value equals `initial` it stays out of the link.
pub fn shared<T>(key: &str, initial: T, accept: impl Fn(&T) -> bool, expected: &str) -> RwSignal<T>
where
    T: LinkValue + Clone + PartialEq + Send + Sync + 'static,
{
    shared_codec(
        key,
        initial,
        |v: &T| v.to_link(),
        move |text: &str| T::from_link(text).filter(|v| accept(v)),
        expected,
    )
}

/// Like [`shared`], with the value's link text made by `encode` and read back by `decode`
/// (for state whose natural form is too long for a link, e.g. a few edited pixels of a
/// map written as the edits alone).
pub fn shared_codec<T>(
    key: &str,
    initial: T,
    encode: impl Fn(&T) -> String + Send + Sync + 'static,
    decode: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> RwSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let ctx = use_context::<StepContext>();
    let from_link = crate::url_sync::current_query_value(key);
    let parsed = from_link.as_deref().and_then(decode);
    if let (Some(c), Some(_), None) = (ctx, &from_link, &parsed) {
        c.bad_link
            .update(|b| b.push(format!("{key}: expected {expected}")));
    }
    let x = RwSignal::new(parsed.unwrap_or_else(|| initial.clone()));
    if let Some(c) = ctx {
        let encode: SharedValue =
            std::sync::Arc::new(move || x.with(|v| (*v != initial).then(|| encode(v))));
        c.shared
            .update_value(|items| items.push((key.to_string(), encode)));
    }
    x
}

/// "class 0", "class 1", … for `n` classes.
pub fn class_labels(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("class {i}")).collect()
}

/// The value a step's link carries under `key`, if it carries a usable one (an unusable one
/// is named in the step's notice). For state the step derives and replays (a run's step
/// count): read the target here, build the state, then keep it in the link with
/// [`share_derived`].
pub fn link_value<T: LinkValue>(
    key: &str,
    accept: impl Fn(&T) -> bool,
    expected: &str,
) -> Option<T> {
    let text = crate::url_sync::current_query_value(key)?;
    let parsed = T::from_link(&text).filter(|v| accept(v));
    if parsed.is_none() {
        if let Some(c) = use_context::<StepContext>() {
            c.bad_link
                .update(|b| b.push(format!("{key}: expected {expected}")));
        }
    }
    parsed
}

/// Keeps a value the step derives (read-only: no effect copies it anywhere) in the step's
/// link under `key`; it stays out of the link while it equals `initial`.
pub fn share_derived<T>(key: &str, initial: T, current: Signal<T>)
where
    T: LinkValue + Clone + PartialEq + Send + Sync + 'static,
{
    if let Some(c) = use_context::<StepContext>() {
        let encode: SharedValue =
            std::sync::Arc::new(move || current.with(|v| (*v != initial).then(|| v.to_link())));
        c.shared
            .update_value(|items| items.push((key.to_string(), encode)));
    }
}
