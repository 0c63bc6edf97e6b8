//! Step 3 (top-k): categorical and top-k accuracy of one sample.

use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::tasks::rank_of;
use crate::lessons::losses_metrics::view::names;
use crate::lessons::losses_metrics::{panels, ANIMALS};
use crate::lessons::view::{logits_state, report_task, shared, ReadoutLine};
use crate::math;
use crate::widgets::LogitBars;
use leptos::prelude::*;

/// Categorical and top-k accuracy: the true class, k, and the rank of the true class.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, 0.5, 1.0, -0.5, -1.0]);
    let class = shared("class", 1usize, |c| *c < 5, "a class from 0 to 4");
    let k = shared("k", 2usize, |k| (1..=5).contains(k), "k from 1 to 5");
    report_task("second-place", move || rank_of(&z.get(), class.get()) == 2);
    let y = Signal::derive(move || {
        (0..5)
            .map(|i| if i == class.get() { 1.0 } else { 0.0 })
            .collect::<Vec<f64>>()
    });
    let cat =
        Signal::derive(move || math::categorical_accuracy(&y.get(), &z.get()).unwrap_or(f64::NAN));
    let topk = Signal::derive(move || {
        math::top_k_categorical_accuracy(&y.get(), &z.get(), k.get()).unwrap_or(f64::NAN)
    });
    let rank = Signal::derive(move || rank_of(&z.get(), class.get()) as f64);
    let programs = Signal::derive(move || panels::top_k_programs(&z.get(), class.get(), k.get()));
    view! {
        <p>
            "For multi-class problems, "<code>"categorical_accuracy"</code>" asks one question: "
            "is the highest score the true class? "<code>"top_k_categorical_accuracy"</code>
            " is more forgiving: is the true class among the k highest? (Keras compares "
            "raw scores, so logits and probabilities give the same answer.)"
        </p>
        <div class="controls">
            <fieldset>
                <legend>"True class"</legend>
                <select data-testid="true-class" aria-label="True class" on:change=move |ev| { if let Ok(c) = event_target_value(&ev).parse::<usize>() { class.set(c.min(4)) } }>
                    {ANIMALS.iter().enumerate().map(|(i, a)| view! { <option value=i.to_string() prop:selected=move || class.get() == i>{*a}</option> }).collect::<Vec<_>>()}
                </select>
            </fieldset>
            <fieldset>
                <legend>"k"</legend>
                <input type="range" min="1" max="5" step="1" data-testid="top-k" aria-label="k"
                    prop:value=move || k.get().to_string()
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<usize>() { k.set(v.clamp(1, 5)) } } />
                " k = " {move || k.get()}
            </fieldset>
        </div>
        <LogitBars values=z on_change=set range=Signal::derive(|| 6.0) labels=names(&ANIMALS) height=220 />
        <ReadoutLine items=vec![("rank of the true class = ", "rank", rank), (" · categorical_accuracy = ", "categorical-accuracy", cat), (" · top-k accuracy = ", "top-k-accuracy", topk)] />
        <CodePanels programs />
    }
    .into_any()
}
