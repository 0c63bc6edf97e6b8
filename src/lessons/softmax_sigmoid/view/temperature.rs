//! Step 3 (temperature): softmax(z / T), from one-hot to flat.

use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::softmax_sigmoid::panels;
use crate::lessons::softmax_sigmoid::tasks::{nearly_one_hot, nearly_uniform, tempered};
use crate::lessons::view::{
    class_labels, logits_state, report_task, shared_number, Formula, LogitsBeside, Predict,
    ReadoutLine,
};
use crate::math;
use crate::playground::{slider_from_temperature, temperature_from_slider};
use crate::widgets::{ProbabilityBars, Readout};
use leptos::prelude::*;

/// Temperature: the logarithmic slider, the tempered probabilities and their entropy.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
    let t = shared_number("t", 1.0, 0.05, 100.0);
    report_task("one-hot", move || nearly_one_hot(&z.get(), t.get()));
    report_task("uniform", move || nearly_uniform(&z.get(), t.get()));
    let p = Signal::derive(move || tempered(&z.get(), t.get()));
    let h = Signal::derive(move || math::entropy(&p.get()));
    let h_max = Signal::derive(move || (z.with(|z| z.len()) as f64).ln());
    let labels = Signal::derive(|| class_labels(3));
    let programs = Signal::derive(move || panels::temperature_programs(&z.get(), t.get()));
    view! {
        <p>
            "Dividing the logits by a "<strong>"temperature"</strong>" T before the softmax "
            "changes how sharp the distribution is, without changing which class is on top."
        </p>
        <Formula block=true latex=r"p_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}, \qquad H(p) = -\sum_i p_i \ln p_i \le \ln C" />
        <div class="controls">
            <fieldset>
                <legend>"Temperature T (logarithmic)"</legend>
                <input
                    type="range" min="0" max="1000" step="1"
                    data-testid="temperature"
                    aria-label="Temperature"
                    aria-valuetext=move || format!("T = {}", format4(t.get()))
                    prop:value=move || slider_from_temperature(t.get()).to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() { t.set(temperature_from_slider(v)); }
                    }
                />
                " T = " <Readout name="temperature" value=t />
                <button type="button" on:click=move |_| t.set(1.0)>"T = 1"</button>
            </fieldset>
        </div>
        <LogitsBeside caption="Logits z" values=z on_change=set labels>
            <figcaption>"softmax(z / T)"</figcaption>
            <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax(z/T)".to_string()) height=220 />
            <ReadoutLine items=vec![("entropy H = ", "entropy", h), (" nats, maximum ln 3 = ", "entropy-max", h_max)] />
        </LogitsBeside>
        <p>
            "Low T exaggerates the gaps: the distribution approaches one-hot (if two logits tie "
            "for the top, they split the probability equally). High T shrinks the gaps: the "
            "distribution flattens towards uniform, but only reaches it in the limit."
        </p>
        <Predict>
            <div class="button-row">
                <button type="button" data-testid="set-12-12-0" on:click=move |_| { z.set(vec![12.0, -12.0, 0.0]); t.set(10.0); }>
                    "Show z = [12, −12, 0] at T = 10"
                </button>
            </div>
            <p class="sums">
                "p = [" <Readout name="p-0" value=Signal::derive(move || p.get()[0]) /> ", "
                <Readout name="p-1" value=Signal::derive(move || p.get()[1]) /> ", "
                <Readout name="p-2" value=Signal::derive(move || p.get()[2]) /> "]"
            </p>
        </Predict>
        <CodePanels programs />
    }
    .into_any()
}
