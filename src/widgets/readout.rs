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
    // One evaluation of `value` per change (it is often a derived signal), none while a drag
    // is under way and the readout is off the screen (a table further down the page).
    let span = NodeRef::<leptos::html::Span>::new();
    let shown = crate::widgets::use_live_while_seen(span, move || value.get());
    let full = Memo::new(move |_| format_full(shown.get()));
    let text = Memo::new(move |_| format4(shown.get()));
    view! { <ReadoutSpan name text full=full node_ref=span /> }
}

/// The span every readout is: `text` shown, `full` in `data-value` and (once the pointer
/// comes) in `title`, `data-testid="readout-<name>"`, and a width that makes it a relayout
/// boundary (see [`width_for`]). Lesson 5's readouts that may not exist yet use it too.
#[component]
pub fn ReadoutSpan(
    /// The readout's name (see [`Readout`]).
    #[prop(into)]
    name: String,
    /// What is shown.
    text: Memo<String>,
    /// The value with every digit.
    #[prop(into)]
    full: Signal<String>,
    /// The span, for a caller that watches it (e.g. whether it is on the screen).
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Span>,
) -> impl IntoView {
    view! {
        <span
            node_ref=node_ref
            class="readout"
            data-testid=format!("readout-{name}")
            data-value=full
            on:pointerenter=title_on_hover(move || full.get_untracked())
            style=width_for(text)
        >
            {text}
        </span>
    }
}

/// Writes `full` into the element's `title` as the pointer arrives: a tooltip with every digit,
/// without rewriting an attribute on each new value (a `title` change restyles the element).
fn title_on_hover(
    full: impl Fn() -> String + 'static,
) -> impl FnMut(leptos::ev::PointerEvent) + 'static {
    move |ev| {
        use wasm_bindgen::JsCast;
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_attribute("title", &full());
        }
    }
}

/// A readout's `style`: its width in characters (`--chars`, see `span.readout` in main.css).
/// With a fixed width a readout is a relayout boundary: a new number lays out the readout alone,
/// not its paragraph and the page. While a drag or a held key is under way the width only grows
/// (4.84 → 4.6 → 4.41 keeps its room), so it is rewritten, and the page laid out, only when a
/// longer number comes; when the gesture ends it fits the number again.
fn width_for(text: Memo<String>) -> impl Fn() -> String + Copy {
    let busy = crate::widgets::gesture_active();
    let chars = Memo::new(move |before: Option<&usize>| {
        let n = text.with(|t| t.chars().count());
        match before {
            Some(&b) if busy.get() => b.max(n),
            _ => n,
        }
    });
    move || format!("--chars: {}", chars.get())
}

/// A [`Readout`] for a value that may not exist (a sparse loss needs exactly one true class),
/// with `missing` said in its place. The readout is built once and updated in place; only a
/// change between "there" and "missing" rebuilds it.
#[component]
pub fn MaybeReadout(
    /// The readout's name (see [`Readout`]).
    name: &'static str,
    /// The value, or `None` where it does not exist.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// What is shown instead of a missing value.
    missing: &'static str,
) -> impl IntoView {
    let present = Memo::new(move |_| value.with(Option::is_some));
    // The last value that existed: never a NaN on the way out.
    let shown =
        Memo::new(move |before: Option<&f64>| value.get().or(before.copied()).unwrap_or_default());
    move || {
        if present.get() {
            view! { <Readout name=name value=shown /> }.into_any()
        } else {
            view! { <span class="muted">{missing}</span> }.into_any()
        }
    }
}
