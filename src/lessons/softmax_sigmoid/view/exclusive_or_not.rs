//! Step 4 (exclusive-or-not): multi-class (softmax) against multi-label (sigmoids).

use crate::lessons::code_view::CodePanels;
use crate::lessons::softmax_sigmoid::tasks::{labels_match, says_bird, sigmoids};
use crate::lessons::softmax_sigmoid::{panels, ANIMALS, GENRES, MOVIE_TARGET};
use crate::lessons::view::{logits_state, report_task, shared, LogitsBeside};
use crate::math;
use crate::widgets::{ProbabilityBars, Readout};
use leptos::prelude::*;

/// Multi-class or multi-label: one set of logits read as animals or as movie genres.
pub fn view() -> AnyView {
    let multi_label = shared("multi", false, |_| true, "0 or 1");
    // Neither task holds at the start, in either mode.
    let (z, set) = logits_state(&[1.0, -0.5, 0.5]);
    let animal = RwSignal::new(2usize);
    report_task("animal", move || !multi_label.get() && says_bird(&z.get()));
    report_task("movie", move || {
        multi_label.get() && labels_match(&z.get(), &MOVIE_TARGET)
    });
    let target = Signal::derive(move || {
        if multi_label.get() {
            MOVIE_TARGET
                .iter()
                .map(|b| if *b { 1.0 } else { 0.0 })
                .collect::<Vec<f64>>()
        } else {
            (0..3)
                .map(|i| if i == animal.get() { 1.0 } else { 0.0 })
                .collect()
        }
    });
    let probs = Signal::derive(move || {
        let v = z.get();
        if multi_label.get() {
            sigmoids(&v)
        } else {
            math::softmax(&v)
        }
    });
    let loss = Signal::derive(move || {
        let (y, v) = (target.get(), z.get());
        if multi_label.get() {
            math::binary_crossentropy(&y, &v, true).unwrap_or(f64::NAN)
        } else {
            math::categorical_crossentropy(&y, &v, true, 0.0).unwrap_or(f64::NAN)
        }
    });
    let labels = Signal::derive(move || {
        let list: &[&str] = if multi_label.get() { &GENRES } else { &ANIMALS };
        list.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    });
    let programs = Signal::derive(move || {
        panels::exclusive_programs(&z.get(), multi_label.get(), animal.get())
    });
    view! {
        <p>
            "The head follows from one question about your labels: "<strong>"can an example "
            "belong to more than one class?"</strong>" Switch between the two kinds and drag the logits."
        </p>
        <div class="button-row" role="radiogroup" aria-label="Kind of problem">
            <label class="chip"><input type="radio" name="kind" data-testid="mode-multi-class" prop:checked=move || !multi_label.get() on:change=move |_| multi_label.set(false) />"Multi-class (animals)"</label>
            <label class="chip"><input type="radio" name="kind" data-testid="mode-multi-label" prop:checked=move || multi_label.get() on:change=move |_| multi_label.set(true) />"Multi-label (movie genres)"</label>
        </div>
        <p data-testid="target-description">
            {move || if multi_label.get() {
                "Target: this movie is an action comedy, y = [1, 1, 0] (action, comedy, not romance).".to_string()
            } else {
                format!("Target: the image shows a {}, y is one-hot.", ANIMALS[animal.get()])
            }}
        </p>
        <LogitsBeside caption="Logits" values=z on_change=set labels>
            <figcaption>{move || if multi_label.get() { "Sigmoid per genre (dashes at 0.5)" } else { "Softmax over the animals" }}</figcaption>
            <ProbabilityBars values=probs labels y_label=Signal::derive(move || if multi_label.get() { "sigmoid".to_string() } else { "softmax".to_string() }) threshold=Signal::derive(move || multi_label.get().then_some(0.5)) height=220 />
            <p class="sums">
                {move || if multi_label.get() { "binary cross-entropy (mean over 3 labels) = " } else { "categorical cross-entropy = " }}
                <Readout name="loss" value=loss />
            </p>
        </LogitsBeside>
        <ul>
            <li><strong>"Multi-class"</strong>": each image shows exactly one animal: cat "<em>"or"</em>" dog "<em>"or"</em>" bird. The classes exclude each other: softmax + categorical cross-entropy."</li>
            <li><strong>"Multi-label"</strong>": a movie can be action "<em>"and"</em>" comedy; a chest X-ray can show several findings at once; any subset is possible. Each label is its own yes/no question: one sigmoid per label + binary cross-entropy."</li>
        </ul>
        <p>
            "Should the loss get logits or probabilities? Logits: a head with no activation and "
            <code>"from_logits=True"</code>" let the loss compute the log of σ(z) or of "
            "softmax(z) in one step that is exact for any logit. With a sigmoid or softmax at "
            "the end and "<code>"from_logits=False"</code>", the answer depends on where the "
            "probabilities come from. On Keras' TensorFlow backend the output of a Keras "
            "sigmoid or softmax remembers the logits it came from, and the loss quietly uses "
            "them: the result is exact there. On the JAX and PyTorch backends, and for plain "
            "probabilities such as "<code>"model.predict"</code>" returns, the loss works from "
            "float32 probabilities clipped to [10⁻⁷, 1 − 10⁻⁷]. A genre the movie has (y = 1) "
            "scored z = −20 then costs at most −ln 10⁻⁷ ≈ 16.12 instead of the true 20.00, "
            "and the clipped loss gives no gradient to fix it. The programs below print all "
            "three ways for the logits on screen."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
