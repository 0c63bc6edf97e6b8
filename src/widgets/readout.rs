//! A number shown to the learner, with its full precision kept for tests and hover.

use crate::format::{format4, format_full};
use leptos::prelude::*;

/// A number shown to the learner: four significant digits as text, the full-precision value
/// in `data-value` (and on hover), and `data-testid="readout-<name>"` for tests and scripts.
#[component]
pub fn Readout(
    /// The readout's name, e.g. `softmax-0` (becomes `data-testid="readout-softmax-0"`).
    #[prop(into)]
    name: String,
    /// The value shown.
    #[prop(into)]
    value: Signal<f64>,
) -> impl IntoView {
    view! {
        <span
            class="readout"
            data-testid=format!("readout-{name}")
            data-value=move || format_full(value.get())
            title=move || format_full(value.get())
        >
            {move || format4(value.get())}
        </span>
    }
}
