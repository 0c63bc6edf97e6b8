//! A labelled field to type a value a chart or slider also sets (for targets a mouse cannot
//! hit): checked by the app's one parser, a bad entry explained beside it, the last good
//! value kept.

use super::gesture::Gesture;
use crate::format::{format_sig, parse_in_range};
use leptos::prelude::*;

/// A text field bound to `value`. A commit (Enter, leaving the field, or a change) that
/// parses and lies in `[min, max]` calls `on_commit` and counts as a settled gesture, so
/// tasks judge the typed value at once; anything else shows a message and changes nothing.
#[component]
pub fn NumberField(
    /// The current value (the field shows it whenever it changes).
    #[prop(into)]
    value: Signal<f64>,
    /// Called with a typed value that passed the checks.
    on_commit: Callback<f64>,
    /// Smallest value accepted (the widget's range).
    #[prop(into)]
    min: Signal<f64>,
    /// Largest value accepted.
    #[prop(into)]
    max: Signal<f64>,
    /// The visible label, before the field.
    #[prop(into)]
    label: String,
    /// What the value is, for messages ("a logit", "the threshold").
    what: &'static str,
    /// `data-testid` of the input; its message is `<testid>-error`.
    #[prop(into)]
    testid: String,
    /// Significant digits shown.
    #[prop(default = 6)]
    digits: usize,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let gesture = use_context::<Gesture>();
    let commit = move |text: String| {
        let (lo, hi) = (min.get_untracked(), max.get_untracked());
        match parse_in_range(&text, what, lo, hi) {
            Ok(v) => {
                error.set(None);
                // Typing is a finished gesture: whatever a pointer or key left behind, the
                // tasks judge this value now.
                if let Some(Gesture(busy)) = gesture {
                    busy.set(false);
                }
                on_commit.run(v);
            }
            Err(e) => error.set(Some(format!("{e} The last good value stays."))),
        }
    };
    let shown = use_field_text(value, digits);
    // A value set elsewhere (a drag, a key) replaces the text, so an old message goes too.
    Effect::new(move |prev: Option<f64>| {
        let v = value.get();
        if prev.is_some_and(|p| p != v) {
            error.set(None);
        }
        v
    });
    let error_id = format!("{testid}-error");
    let described = error_id.clone();
    view! {
        <span class="number-entry">
            <label>
                {label} " "
                <input
                    class="number-field"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    size="9"
                    data-testid=testid.clone()
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby=move || error.with(|e| e.as_ref().map(|_| described.clone()))
                    prop:value=move || shown.get()
                    on:change=move |ev| commit(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            commit(event_target_value(&ev));
                        }
                    }
                />
            </label>
            {move || error.get().map(|e| view! {
                <span class="field-error" id=error_id.clone() data-testid=error_id.clone() role="alert">{e}</span>
            })}
        </span>
    }
}

/// The text a number field shows for `value`: ASCII minus, so it can be edited and typed back
/// as it is. While a drag or a held key moves the value, the text stays and catches up when
/// the gesture ends: a readout beside the field follows live, and rewriting a text field
/// makes the browser lay out its editor again on every frame of the drag. A memo, so the
/// property (which Leptos writes on every run, equal or not) is written only when the text
/// changes.
pub fn use_field_text(value: Signal<f64>, digits: usize) -> Memo<String> {
    let busy = super::gesture_active();
    Memo::new(move |before: Option<&String>| match before {
        Some(text) if busy.get() => text.clone(),
        _ => format_sig(value.get(), digits).replace('−', "-"),
    })
}
