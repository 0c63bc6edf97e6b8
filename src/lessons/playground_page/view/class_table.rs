//! The per-class table: each class's logit (typed in a checked field), target and every
//! per-class number, one row per class.

use crate::format::format4;
use crate::lessons::view::{cell, row, DataTable};
use crate::playground::{parse_number, ClassRow, PlaygroundNumbers, PlaygroundState};
use crate::widgets::{use_field_text, Readout};
use leptos::prelude::*;

/// Every per-class number, one row per class, with a field to type each logit.
#[component]
pub fn ClassTable(
    /// The Playground's state (the logit fields write to it).
    state: RwSignal<PlaygroundState>,
    /// The numbers derived from it.
    numbers: Memo<PlaygroundNumbers>,
) -> impl IntoView {
    let count = Memo::new(move |_| state.with(|s| s.classes()));
    let row_value = move |i: usize, pick: fn(&ClassRow) -> f64| {
        Signal::derive(move || numbers.with(|n| n.rows.get(i).map(pick).unwrap_or(f64::NAN)))
    };

    let table_rows = move || {
        (0..count.get())
            .map(|i| {
                row(format!("class {i}"), [
                    cell(view! { <LogitField state index=i /> }),
                    cell(move || format4(numbers.with(|n| n.rows.get(i).map(|r| r.target).unwrap_or(0.0)))),
                    cell(view! { <Readout name=format!("softmax-{i}") value=row_value(i, |r| r.softmax) /> }),
                    cell(view! { <Readout name=format!("sigmoid-{i}") value=row_value(i, |r| r.sigmoid) /> }),
                    cell(view! { <Readout name=format!("logit-of-softmax-{i}") value=row_value(i, |r| r.logit_of_softmax) /> }),
                    cell(view! { <Readout name=format!("log-softmax-{i}") value=row_value(i, |r| r.log_softmax) /> }),
                    cell(view! { <Readout name=format!("grad-{i}") value=row_value(i, |r| r.grad) /> }),
                ])
            })
            .collect::<Vec<_>>()
    };

    view! {
        <h2>"Per class"</h2>
        // Rebuilt when the number of classes changes.
        {move || view! {
            <DataTable class="numbers" testid="class-table" label="Classes: logits and probabilities" heads=&["class", "logit z (type)", "target y", "softmax(z/T)", "σ(z/T)", "logit(softmax)", "log_softmax", "∂L/∂z"] rows=table_rows() />
        }}
        <p class="note">
            "logit(softmax) is not z: the logit function undoes a sigmoid, not a softmax. "
            "∂L/∂z is for categorical cross-entropy with the softmax output (pᵢ − yᵢ for a "
            "one-hot label) and for the mean binary cross-entropy with the sigmoid output "
            "((σᵢ − yᵢ)/C, because Keras averages over the C labels), divided by T."
        </p>
    }
}

/// A number field for one logit: typed text is checked, a bad value gets a message and the
/// last good value stays in the state.
#[component]
fn LogitField(state: RwSignal<PlaygroundState>, index: usize) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| state.with(|s| s.logits.get(index).copied().unwrap_or(0.0)));
    let shown = use_field_text(current.into(), 6);
    let id = format!("logit-input-{index}");
    let error_id = format!("logit-error-{index}");
    let commit = move |text: String| {
        let r = state.with_untracked(|s| s.range);
        match parse_number(&text, "a logit") {
            Ok(v) if v.abs() <= r => {
                error.set(None);
                state.update(|s| {
                    let _ = s.set_logit(index, v);
                });
            }
            Ok(_) => error.set(Some(format!(
                "Keep logits within ±{r} (or widen the range below). The last good value stays."
            ))),
            Err(e) => error.set(Some(format!("{e} The last good value stays."))),
        }
    };
    let error_id_attr = error_id.clone();
    view! {
        <label class="visually-hidden" for=id.clone()>{format!("Logit of class {index}")}</label>
        <input
            id=id
            class="number-field"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            size="7"
            data-testid=format!("logit-input-{index}")
            aria-invalid=move || error.with(|e| e.is_some()).to_string()
            aria-describedby=move || error.with(|e| e.as_ref().map(|_| error_id_attr.clone()))
            prop:value=move || shown.get()
            on:change=move |ev| commit(event_target_value(&ev))
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" {
                    commit(event_target_value(&ev));
                }
            }
        />
        {move || error.get().map(|e| view! {
            <span class="field-error" id=error_id.clone() role="alert">{e}</span>
        })}
    }
}
