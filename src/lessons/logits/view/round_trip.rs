//! Step 6 (round-trip): logit undoes sigmoid, not softmax.

use crate::lessons::logits::tasks::round_trip_works;
use crate::lessons::view::{
    cell, class_labels, logits_state, report_task, row, DataTable, Formula, Predict,
};
use crate::math;
use crate::widgets::{LogitBars, Readout};
use leptos::prelude::*;

/// logit(softmax(z)) per class, with the two-class set-up where it round-trips.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
    report_task("two-class", move || round_trip_works(&z.get()));
    let n = Memo::new(move |_| z.with(|z| z.len()));
    let labels = Signal::derive(move || class_labels(n.get()));
    let rows = move || {
        (0..n.get())
            .map(|i| {
                let zi = Signal::derive(move || z.with(|z| z.get(i).copied().unwrap_or(0.0)));
                let pi =
                    Signal::derive(move || math::softmax(&z.get()).get(i).copied().unwrap_or(0.0));
                let back = Signal::derive(move || math::logit(pi.get()));
                row(
                    format!("class {i}"),
                    [
                        cell(view! { <Readout name=format!("z-{i}") value=zi /> }),
                        cell(view! { <Readout name=format!("p-{i}") value=pi /> }),
                        cell(view! { <Readout name=format!("logit-p-{i}") value=back /> }),
                    ],
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <p>
            "If logit is the inverse of sigmoid, does it also undo softmax? Predict, then see "
            "the table."
        </p>
        <div class="button-row">
            <button type="button" data-testid="two-classes" on:click=move |_| z.set(vec![2.0, 0.0])>"Two classes: z = [2, 0]"</button>
            <button type="button" data-testid="three-classes" on:click=move |_| z.set(vec![2.0, 1.0, 0.5])>"Three classes: z = [2, 1, 0.5]"</button>
        </div>
        <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
        <Predict>
            // Rebuilt when the number of classes changes.
            {move || view! {
                <DataTable class="numbers" testid="round-trip-table" label="Softmax and back through the logit" heads=&["class", "z", "p = softmax(z)", "logit(p)"] rows=rows() />
            }}
            <Formula block=true latex=r"\mathrm{logit}(p_i) = \ln\frac{p_i}{1-p_i} = z_i - \ln\sum_{j \ne i} e^{z_j}" />
            <p>
                "With two classes and z₁ = 0 the sum is e⁰ = 1 and its log is 0, so logit(p₀) = z₀: "
                "softmax([z, 0]) is exactly σ(z). That is the one case where “logit” as "
                "inverse-sigmoid and “logit” as score-before-softmax coincide."
            </p>
        </Predict>
    }
    .into_any()
}
