//! Step 1 (raw-scores): logits dragged through softmax into probabilities.

use crate::lessons::code_view::CodePanels;
use crate::lessons::logits::panels;
use crate::lessons::logits::tasks::{class_3_is_sure, class_3_is_top};
use crate::lessons::view::{class_labels, logits_state, report_task, Formula};
use crate::math;
use crate::widgets::{LogitBars, ProbabilityBars, Readout};
use leptos::prelude::*;

/// Logits are raw scores: bars through softmax, and the task of making class 3 sure.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[1.5, 0.5, -0.5, -1.0]);
    let p = Signal::derive(move || math::softmax(&z.get()));
    report_task("class-3-top", move || class_3_is_top(&z.get()));
    report_task("class-3-sure", move || class_3_is_sure(&z.get()));
    let programs = Signal::derive(move || panels::softmax_programs(&z.get()));
    let labels = Signal::derive(|| class_labels(4));
    view! {
        <p>
            "Each bar on the left is one class's raw score, its "<strong>"logit"</strong>
            ". Drag the bars (or focus one and use the arrow keys) and watch softmax turn them "
            "into the probabilities on the right."
        </p>
        <div class="two-charts">
            <figure>
                <figcaption>"Logits z (drag them)"</figcaption>
                <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels />
            </figure>
            <figure>
                <figcaption>"softmax(z): probabilities that sum to 1"</figcaption>
                <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax p".to_string()) />
                <p class="sums">
                    "p₃ = " <Readout name="p-3" value=Signal::derive(move || p.get()[3]) />
                    " · Σ p = " <Readout name="p-sum" value=Signal::derive(move || p.get().iter().sum::<f64>()) />
                </p>
            </figure>
        </div>
        <p>
            "A classifier's last layer produces one number per class. For a dense head that is "
            <Formula latex=r"z = Wx + b" />
            ": a weighted sum plus a bias, so any real number, positive or negative, with no "
            "upper limit. These raw scores are the "<strong>"logits"</strong>". They are not "
            "probabilities. Softmax turns them into probabilities:"
        </p>
        <Formula block=true latex=r"p_i = \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
        <p>
            "Because "<Formula latex=r"e^{z}" />" grows with z, the largest logit always gets "
            "the largest probability: the ▲ under the labels stays on the same class in both "
            "charts."
        </p>
        <p>
            "Notice what it takes to make class 3 more than 90 % likely: not a large logit, "
            "but a large "<em>"gap"</em>" to the others. Only differences between logits matter, "
            "which the next step shows directly."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
