//! Step 2 (two-classes): a two-class softmax is a sigmoid of the logits' difference.

use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::softmax_sigmoid::panels;
use crate::lessons::softmax_sigmoid::tasks::two_class_p_is_075;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{class_labels, logits_state, report_task, Formula};
use crate::math;
use crate::widgets::{LogitBars, NumberField, Readout};
use leptos::prelude::*;

/// With two classes: softmax([z₀, z₁])₀ against σ(z₀ − z₁).
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[1.0, 0.0]);
    report_task("p-075", move || two_class_p_is_075(&z.get()));
    let p0 = Signal::derive(move || math::softmax(&z.get())[0]);
    let diff = Signal::derive(move || z.with(|z| z[0] - z[1]));
    let s = Signal::derive(move || math::sigmoid(diff.get()));
    let gap = Signal::derive(move || (p0.get() - s.get()).abs());
    let labels = Signal::derive(|| class_labels(2));
    let programs = Signal::derive(move || panels::two_classes_programs(&z.get()));
    view! {
        <p>
            "With exactly two classes the choice stops mattering. Divide the top and bottom "
            "of softmax by "<Formula latex=r"e^{z_0}" />":"
        </p>
        <Formula block=true latex=r"\mathrm{softmax}(z_0, z_1)_0 = \frac{e^{z_0}}{e^{z_0} + e^{z_1}} = \frac{1}{1 + e^{-(z_0 - z_1)}} = \sigma(z_0 - z_1)" />
        <p>
            "So a two-class softmax is a sigmoid of the "<em>"difference"</em>" of the "
            "logits, and a single sigmoid output is a two-class softmax whose other logit is "
            "fixed at 0. Drag either bar (or type a logit): only the gap matters."
        </p>
        <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
        // One pixel of a bar is wider than the task's window: each logit can be typed too.
        <div class="button-row">
            <NumberField value=Signal::derive(move || z.with(|z| z[0])) on_commit=Callback::new(move |v| set.run((0, v))) min=-12.0 max=12.0 label="z₀ =" what="a logit" testid="z0-field" />
            <NumberField value=Signal::derive(move || z.with(|z| z[1])) on_commit=Callback::new(move |v| set.run((1, v))) min=-12.0 max=12.0 label="z₁ =" what="a logit" testid="z1-field" />
        </div>
        <DataTable class="numbers" label="Softmax of two logits and the sigmoid of their gap" rows=vec![
            row("softmax([z₀, z₁])₀", [cell(view! { <Readout name="softmax-p0" value=p0 /> })]),
            row("z₀ − z₁", [cell(view! { <Readout name="logit-gap" value=diff /> })]),
            row("σ(z₀ − z₁)", [cell(view! { <Readout name="sigmoid-gap" value=s /> })]),
            row("difference between the two", [cell(view! { <Readout name="difference" value=gap /> })]),
        ] />
        <p>
            "For p = 0.75 the odds are 3 to 1, so the gap must be ln 3 ≈ "{format4(3f64.ln())}
            ", wherever the two logits sit."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
