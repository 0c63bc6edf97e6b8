//! The Playground's controls: class count, true labels, output, temperature and the logit
//! axis range (with a reset).

use crate::format::format4;
use crate::lessons::view::ClassChips;
use crate::playground::{
    slider_from_temperature, temperature_from_slider, Head, Labels, PlaygroundState, DEFAULT_RANGE,
    MAX_CLASSES, MIN_CLASSES,
};
use crate::widgets::Readout;
use leptos::prelude::*;

/// The outputs the learner can pick, with their names (the radio buttons' labels).
const OUTPUTS: [(Head, &str); 2] = [(Head::Softmax, "softmax"), (Head::Sigmoid, "sigmoid")];

/// Ranges the learner can pick for the logit axis.
const RANGES: [f64; 4] = [DEFAULT_RANGE, 30.0, 120.0, 1000.0];

/// Class count, labels, output, temperature and range.
#[component]
pub fn Controls(state: RwSignal<PlaygroundState>) -> impl IntoView {
    let count = Memo::new(move |_| state.with(|s| s.classes()));
    let mode = Memo::new(move |_| {
        state.with(|s| match s.labels {
            Labels::OneHot(_) => "onehot",
            Labels::Sparse(_) => "sparse",
            Labels::MultiHot(_) => "multihot",
        })
    });
    let set_mode = move |m: String| {
        state.update(|s| {
            let first = s.target().iter().position(|y| *y == 1.0).unwrap_or(0);
            let y = s.target();
            s.labels = match m.as_str() {
                "sparse" => Labels::Sparse(first),
                "multihot" => Labels::MultiHot(y.iter().map(|v| *v == 1.0).collect()),
                _ => Labels::OneHot(first),
            };
        })
    };
    let multi = Signal::derive(move || mode.get() == "multihot");
    let targets = Memo::new(move |_| state.with(|s| s.target()));
    let is_true = Callback::new(move |i: usize| targets.with(|t| t.get(i).copied() == Some(1.0)));
    let pick = Callback::new(move |i: usize| {
        state.update(|s| match &mut s.labels {
            Labels::OneHot(c) | Labels::Sparse(c) => *c = i,
            Labels::MultiHot(bits) => {
                if let Some(b) = bits.get_mut(i) {
                    *b = !*b;
                }
            }
        })
    });
    let temperature = Memo::new(move |_| state.with(|s| s.temperature));
    // Memos, so that a logit moving (most updates) rewrites none of these inputs' properties:
    // Leptos writes a property every time its closure runs, equal or not.
    let head_now = Memo::new(move |_| state.with(|s| s.head));
    let range_text = Memo::new(move |_| state.with(|s| s.range.to_string()));
    view! {
        <div class="controls" data-testid="controls">
            <fieldset>
                <legend>"Classes"</legend>
                <button
                    type="button"
                    data-testid="remove-class"
                    disabled=move || { count.get() <= MIN_CLASSES }
                    on:click=move |_| state.update(|s| s.remove_class())
                >
                    "− Remove"
                </button>
                <span class="count" aria-live="polite">{move || format!("{} classes", count.get())}</span>
                <button
                    type="button"
                    data-testid="add-class"
                    disabled=move || { count.get() >= MAX_CLASSES }
                    on:click=move |_| state.update(|s| s.add_class())
                >
                    "+ Add"
                </button>
            </fieldset>
            <fieldset>
                <legend>"True label"</legend>
                <label>
                    "Written as "
                    <select
                        data-testid="label-mode"
                        prop:value=move || mode.get()
                        on:change=move |ev| set_mode(event_target_value(&ev))
                    >
                        <option value="onehot">"one-hot (exactly one class)"</option>
                        <option value="sparse">"sparse index (exactly one class)"</option>
                        <option value="multihot">"multi-hot (any subset)"</option>
                    </select>
                </label>
                <div class="chips" role="group" aria-label="True classes"><ClassChips count multi name="true-class" testid="label-" checked=is_true on_pick=pick /></div>
            </fieldset>
            <fieldset>
                <legend>"Output"</legend>
                {OUTPUTS.map(|(head, name)| view! {
                    <label class="chip">
                        <input
                            type="radio"
                            name="head"
                            data-testid=format!("head-{name}")
                            prop:checked=move || head_now.get() == head
                            on:change=move |_| state.update(|s| s.head = head)
                        />
                        {name}
                    </label>
                })}
            </fieldset>
            <fieldset>
                <legend>"Temperature T"</legend>
                <label class="temperature">
                    <span class="visually-hidden">"Temperature"</span>
                    <input
                        type="range"
                        min="0"
                        max="1000"
                        step="1"
                        data-testid="temperature"
                        aria-valuetext=move || format!("T = {}", format4(temperature.get()))
                        prop:value=move || slider_from_temperature(temperature.get()).to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                state.update(|s| s.temperature = temperature_from_slider(v));
                            }
                        }
                    />
                </label>
                " T = " <Readout name="temperature" value=temperature />
                <button type="button" on:click=move |_| state.update(|s| s.temperature = 1.0)>"T = 1"</button>
            </fieldset>
            <fieldset>
                <legend>"Logit axis"</legend>
                <label>
                    "Range ± "
                    <select
                        data-testid="range"
                        prop:value=move || range_text.get()
                        on:change=move |ev| {
                            if let Ok(r) = event_target_value(&ev).parse::<f64>() {
                                state.update(|s| {
                                    s.range = r;
                                    for z in s.logits.iter_mut() {
                                        *z = z.clamp(-r, r);
                                    }
                                });
                            }
                        }
                    >
                        {RANGES.iter().map(|r| view! { <option value=r.to_string()>{r.to_string()}</option> }).collect::<Vec<_>>()}
                    </select>
                </label>
                <button type="button" data-testid="reset" on:click=move |_| state.set(PlaygroundState::default())>
                    "Reset everything"
                </button>
            </fieldset>
        </div>
    }
}
