//! Lesson 6's step views (WebAssembly only): one file per step, and what they share here.

pub mod inspector;
pub mod paint;
pub mod reshape;
pub mod shapes;
pub mod softmax_trap;
pub mod summary;

use super::{LESSON, PAGE};
use crate::lessons::view::{render_lesson, shared};
use leptos::prelude::*;

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}

/// A readout's value that never changes.
fn constant(x: f64) -> Signal<f64> {
    Signal::derive(move || x)
}

/// A grid cell (row, column) held by a step in its link under `key`; a link's cell is used
/// only if it lies inside the `size` × `size` grid (`grid` names it in the notice).
fn shared_cell(
    key: &str,
    start: (usize, usize),
    size: usize,
    grid: &str,
) -> RwSignal<(usize, usize)> {
    shared(
        key,
        start,
        move |(r, c)| *r < size && *c < size,
        &format!("row_column inside the {grid}"),
    )
}

/// A radio button shown as a chip in group `name`: checked while `checked()` holds, and
/// choosing it runs `choose()`.
fn chip(
    name: &'static str,
    id: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    choose: impl Fn() + 'static,
    label: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <label class="chip">
            <input type="radio" name=name data-testid=id
                prop:checked=checked
                on:change=move |_| choose() />
            {label}
        </label>
    }
}

/// A chip that sets `signal` to `value`, checked while the signal holds it.
fn value_chip<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    id: &'static str,
    signal: RwSignal<T>,
    value: T,
    label: impl IntoView + 'static,
) -> impl IntoView {
    chip(
        name,
        id,
        move || signal.get() == value,
        move || signal.set(value),
        label,
    )
}

/// An `on:input` handler for a range slider that sets `value` to the slider's value rounded
/// to 1 / `per_unit` and kept within [`min`, `max`] (a value that is not a finite number is
/// ignored).
fn snapped_input(
    value: RwSignal<f64>,
    per_unit: f64,
    min: f64,
    max: f64,
) -> impl Fn(web_sys::Event) + 'static {
    move |ev| {
        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
            if v.is_finite() {
                value.set(((v * per_unit).round() / per_unit).clamp(min, max));
            }
        }
    }
}
