//! "One class up close": one class's binary cross-entropy and its gradient against the
//! logit its sigmoid sees, with a point to drag along the loss.

use crate::chart::CurveKind;
use crate::format::format4;
use crate::playground::PlaygroundState;
use crate::widgets::{CurvePlot, Readout};
use leptos::prelude::*;

/// One class up close: its binary cross-entropy and the gradient against the logit the
/// activation sees (z/T), with a point the learner drags along the loss.
#[component]
pub fn UpClose(state: RwSignal<PlaygroundState>) -> impl IntoView {
    let count = Memo::new(move |_| state.with(|s| s.classes()));
    // In the state (and so in the link); kept valid when classes are removed.
    let k = Memo::new(move |_| state.with(|s| s.up_close.min(s.classes().saturating_sub(1))));
    let target =
        Memo::new(move |_| state.with(|s| s.target().get(k.get()).copied().unwrap_or(0.0)));
    let scaled = Signal::derive(move || {
        state.with(|s| s.logits.get(k.get()).copied().unwrap_or(0.0) / s.temperature)
    });
    let range = Memo::new(move |_| state.with(|s| s.range));
    let curves = Signal::derive(move || {
        let y = target.get();
        vec![
            CurveKind::BinaryCrossentropy { y },
            CurveKind::BinaryCrossentropyGrad { y },
        ]
    });
    let on_change = Callback::new(move |x: f64| {
        state.update(|s| {
            let i = k.get_untracked();
            let _ = s.set_logit(i, x * s.temperature);
        })
    });
    let loss = Signal::derive(move || {
        CurveKind::BinaryCrossentropy { y: target.get() }.eval(scaled.get())
    });
    let grad = Signal::derive(move || {
        CurveKind::BinaryCrossentropyGrad { y: target.get() }.eval(scaled.get())
    });
    view! {
        <section class="up-close" aria-labelledby="up-close-title">
            <h2 id="up-close-title">"One class up close"</h2>
            <p class="note">
                "The binary cross-entropy of one class against the logit its sigmoid sees, and "
                "its slope σ(z) − y. Drag the point along the curve: where the loss is flat the "
                "gradient is near 0; where it is steep the gradient is near ±1."
            </p>
            <label>
                "Class "
                <select
                    data-testid="up-close-class"
                    prop:value=move || k.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            state.update(|s| s.up_close = i.min(s.classes().saturating_sub(1)));
                        }
                    }
                >
                    {move || (0..count.get()).map(|i| view! { <option value=i.to_string()>{format!("class {i}")}</option> }).collect::<Vec<_>>()}
                </select>
            </label>
            " (target y = " {move || format4(target.get())} ") · BCE = "
            <Readout name="up-close-loss" value=loss />
            " · ∂BCE/∂(z/T) = "
            <Readout name="up-close-grad" value=grad />
            <CurvePlot
                curves
                x_range=Signal::derive(move || (-range.get(), range.get()))
                y_range=Signal::derive(|| (-1.2, 4.0))
                x_label="z / T"
                y_label="loss, gradient"
                point=scaled
                on_change
                testid="up-close-plot"
                value_name="Logit seen by the sigmoid"
                height=260
            />
        </section>
    }
}
