//! Step 4 (with-logits): four ways to compute −ln pᵧ, and where each breaks.

use crate::lessons::code_view::CodePanels;
use crate::lessons::logits::panels;
use crate::lessons::logits::tasks::{clip_is_lying, naive_is_broken};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{class_labels, logits_state, report_task, shared, Formula};
use crate::math;
use crate::widgets::{LogitBars, NumberField, Readout};
use leptos::prelude::*;

/// Why losses want logits: the four computations of −ln pᵧ side by side.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
    let class = shared("class", 0usize, |c| *c < 3, "a class from 0 to 2");
    report_task("break-naive", move || {
        naive_is_broken(&z.get(), class.get())
    });
    report_task("clip-lies", move || clip_is_lying(&z.get(), class.get()));
    let naive = Signal::derive(move || math::naive_cross_entropy_f32(&z.get(), class.get()) as f64);
    let shifted =
        Signal::derive(move || math::shifted_cross_entropy_f32(&z.get(), class.get()) as f64);
    let clipped =
        Signal::derive(move || math::keras_probability_path_cross_entropy(&z.get(), class.get()));
    let exact = Signal::derive(move || {
        math::sparse_categorical_crossentropy(class.get(), &z.get(), true).unwrap_or(f64::NAN)
    });
    let lse = Signal::derive(move || math::log_sum_exp(&z.get()));
    // Gradient of each path with respect to the true class's logit.
    let grad_exact = Signal::derive(move || math::softmax(&z.get())[class.get()] - 1.0);
    let grad_clipped = Signal::derive(move || {
        let p = math::softmax(&z.get())[class.get()];
        if p < math::KERAS_EPSILON {
            0.0
        } else {
            p - 1.0
        }
    });
    let labels = Signal::derive(|| class_labels(3));
    let programs = Signal::derive(move || panels::with_logits_programs(&z.get(), class.get()));
    view! {
        <p>
            "The loss for one example is −ln pᵧ, where y is the true class. There are four ways "
            "to compute it, and they disagree once logits get large. Drag the bars (the range is "
            "±120 here), or type a logit in its field, and watch the four rows."
        </p>
        <label>
            "True class y: "
            <select data-testid="true-class" on:change=move |ev| {
                if let Ok(c) = event_target_value(&ev).parse::<usize>() { class.set(c.min(2)); }
            }>
                // The option follows the state, so a shared link shows its class.
                {(0..3usize).map(|i| view! {
                    <option value=i.to_string() prop:selected=move || class.get() == i>{format!("class {i}")}</option>
                }).collect::<Vec<_>>()}
            </select>
        </label>
        <LogitBars values=z on_change=set range=Signal::derive(|| 120.0) labels height=260 />
        // Targets such as 88.4 are hundreds of key presses away on the bars: type them.
        <div class="number-fields" role="group" aria-label="Type the logits">
            {(0..3usize).map(|i| view! {
                <NumberField
                    value=Signal::derive(move || z.with(|v| v.get(i).copied().unwrap_or(0.0)))
                    on_commit=Callback::new(move |v: f64| set.run((i, v)))
                    min=-120.0
                    max=120.0
                    label=format!("z{} =", ["₀", "₁", "₂"][i])
                    what="a logit"
                    testid=format!("z-field-{i}")
                />
            }).collect::<Vec<_>>()}
        </div>
        <p class="sums">"ln Σ eᶻ = " <Readout name="log-sum-exp" value=lse /> " (float32 overflows once this passes 88.72)"</p>
        <DataTable class="numbers" testid="stability-table" label="Loss from logits and from probabilities" heads=&["How −ln pᵧ is computed", "loss", "what goes wrong"] rows=vec![
            row("(a) exp(z) / Σ exp(z), then log, in float32", [
                cell(view! { <Readout name="loss-naive-f32" value=naive /> }),
                cell("eᶻ overflows float32 past z ≈ 88.72: once the sum of exponentials passes that, it becomes ∞, so pᵧ = 0 and the loss ∞; if the true class's own exponential has overflowed too, pᵧ = ∞/∞ = NaN.").class("muted"),
            ]),
            row("(b) max-shifted softmax, then log, in float32", [
                cell(view! { <Readout name="loss-shifted-f32" value=shifted /> }),
                cell("Never overflows, but once y trails the top logit by more than about 104, e^(zᵧ − max) underflows to 0 and ln 0 = −∞.").class("muted"),
            ]),
            row(view! { "(c) Keras probability path ("<code>"from_logits=False"</code>")" }, [
                cell(view! { <Readout name="loss-clipped" value=clipped /> }),
                cell(view! { "Probabilities are clipped to [1e−7, 1 − 1e−7], so the loss can never exceed −ln 1e−7 = 16.12, however wrong the model is, and its gradient there is 0. That is what Keras does with NumPy probabilities (what "<code>"model.predict"</code>" returns) and on the JAX and PyTorch backends. On the TensorFlow backend, a Keras softmax's own output remembers its logits and the loss uses them, so there (c) is exact: see the Keras program below." }).class("muted"),
            ]),
            row(view! { "(d) fused log-softmax ("<code>"from_logits=True"</code>")" }, [
                cell(view! { <Readout name="loss-exact" value=exact /> }),
                cell("Exact for any logits: −zᵧ + ln Σ eᶻ, with the log-sum-exp computed after subtracting the max.").class("muted"),
            ]),
        ] />
        <p>
            "Gradient with respect to the true class's logit: exact "
            <Readout name="grad-exact" value=grad_exact />
            ", through the clipped path "
            <Readout name="grad-clipped" value=grad_clipped />
            ". When the clip is active the model gets no signal to fix its worst mistakes."
        </p>
        <Formula block=true latex=r"-\ln \mathrm{softmax}(z)_y = -z_y + \ln\sum_j e^{z_j} = -z_y + m + \ln\sum_j e^{z_j - m},\quad m = \max_j z_j" />
        <p>
            "That is why losses ask for logits: given the raw scores, they can use the exact "
            "formula (d). Given probabilities, the information lost in rounding pᵧ to 0 or 1 "
            "is gone for good. Try z = [88.4, 88.4, 0]: no single logit passes 88.72, yet (a) "
            "already overflows, because it is the "<em>"sum"</em>" of exponentials that "
            "breaks. Keras computes in float32 by default; the values here are float64 except "
            "rows (a) and (b). The programs below print each row as Keras and PyTorch compute "
            "it; copy one and run it."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
