//! Step 1 (two-heads): the same logits through a sigmoid head and a softmax head.

use crate::lessons::code_view::CodePanels;
use crate::lessons::softmax_sigmoid::panels;
use crate::lessons::softmax_sigmoid::tasks::{
    all_sigmoids_above_half, sigmoid_sum_above_2, sigmoids, softmax_above_half,
};
use crate::lessons::view::{
    class_labels, link_value, logits_state, report_task, share_derived, Formula, Predict,
};
use crate::math;
use crate::widgets::{LogitBars, ProbabilityBars, Readout};
use leptos::prelude::*;

/// Same logits, two heads: sigmoid bars against softmax bars, and the most softmax outputs
/// above 0.5 seen at once.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[1.0, -0.5, -1.0]);
    report_task("all-sigmoids", move || all_sigmoids_above_half(&z.get()));
    report_task("sigmoid-sum", move || sigmoid_sum_above_2(&z.get()));
    let s = Signal::derive(move || sigmoids(&z.get()));
    let p = Signal::derive(move || math::softmax(&z.get()));
    // The most softmax outputs above 0.5 seen at once: a running maximum (the memo's previous
    // value), kept in the link so a shared view shows the same count.
    let start = link_value("most", |k: &usize| *k <= 3, "a count from 0 to 3").unwrap_or(0);
    let most = Memo::new(move |seen: Option<&usize>| {
        softmax_above_half(&z.get()).max(seen.copied().unwrap_or(start))
    });
    share_derived("most", 0usize, most.into());
    let labels = Signal::derive(|| class_labels(3));
    let programs = Signal::derive(move || panels::two_heads_programs(&z.get()));
    view! {
        <p>
            "The same three logits feed two different output heads. A "<strong>"sigmoid"</strong>
            " head squashes each logit on its own; a "<strong>"softmax"</strong>" head "
            "normalises them together."
        </p>
        <Formula block=true latex=r"\sigma(z_i) = \frac{1}{1 + e^{-z_i}} \qquad\qquad \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
        <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=240 />
        <div class="two-charts">
            <figure>
                <figcaption>"Sigmoid head: one yes/no per class (dashes at 0.5)"</figcaption>
                <ProbabilityBars values=s labels y_label=Signal::derive(|| "sigmoid".to_string()) threshold=Signal::derive(|| Some(0.5)) testid="sigmoid-bars" height=200 />
                <p class="sums">"Σ sigmoid = " <Readout name="sigmoid-sum" value=Signal::derive(move || s.get().iter().sum::<f64>()) /></p>
            </figure>
            <figure>
                <figcaption>"Softmax head: one distribution over the classes"</figcaption>
                <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax".to_string()) threshold=Signal::derive(|| Some(0.5)) testid="softmax-bars" height=200 />
                <p class="sums">"Σ softmax = " <Readout name="softmax-sum" value=Signal::derive(move || p.get().iter().sum::<f64>()) /></p>
            </figure>
        </div>
        <Predict>
            <p>
                "The most softmax outputs above 0.5 you have had at once: "
                <strong data-testid="softmax-most">{move || most.get()}</strong>
                ". Keep trying: it will not go past 1. A softmax can only say “this one”; "
                "sigmoids can say “this one, and this one too”."
            </p>
        </Predict>
        <CodePanels programs />
    }
    .into_any()
}
