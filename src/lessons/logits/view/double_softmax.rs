//! Step 5 (double-softmax): a softmax output given to a loss that expects logits.

use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::logits::panels;
use crate::lessons::logits::tasks::{correct_loss_is_low, double_softmax_floor};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{class_labels, logits_state, report_task};
use crate::math;
use crate::widgets::{LogitBars, Readout};
use leptos::prelude::*;

/// The double-softmax bug: the right loss against the buggy one and its floor.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
    report_task("low-loss", move || correct_loss_is_low(&z.get(), 0));
    let right = Signal::derive(move || {
        math::sparse_categorical_crossentropy(0, &z.get(), true).unwrap_or(f64::NAN)
    });
    let p = Signal::derive(move || math::softmax(&z.get()));
    let wrong = Signal::derive(move || {
        math::sparse_categorical_crossentropy(0, &p.get(), true).unwrap_or(f64::NAN)
    });
    let floor = double_softmax_floor(3);
    let labels = Signal::derive(|| class_labels(3));
    let programs = Signal::derive(move || panels::double_softmax_programs(&z.get()));
    view! {
        <p>
            "A common bug: the model already ends in a softmax, and the loss is told "
            <code>"from_logits=True"</code>" (or, in PyTorch, "<code>"CrossEntropyLoss"</code>
            " is used, which always expects logits). The loss then applies a "
            <em>"second"</em>" softmax to numbers that are already probabilities."
        </p>
        <p>"The true class is class 0. Make the model confident and compare the two losses."</p>
        <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=240 />
        <DataTable class="numbers" label="The loss with and without the double softmax" rows=vec![
            row(view! { "Correct: logits with "<code>"from_logits=True"</code> }, [
                cell(view! { <Readout name="loss-right" value=right /> }),
            ]),
            row(view! { "Bug: softmax output with "<code>"from_logits=True"</code> }, [
                cell(view! { <Readout name="loss-double-softmax" value=wrong /> }),
            ]).class("mistake"),
            row("Lowest the buggy loss can ever go with 3 classes", [
                cell(view! { <Readout name="double-softmax-floor" value=Signal::derive(move || floor) /> }),
            ]),
        ] />
        <p>
            "Probabilities live in [0, 1], so the second softmax sees logits that differ by at "
            "most 1. Even a perfect prediction [1, 0, 0] becomes [e, 1, 1] / (e + 2) = "
            "[0.58, 0.21, 0.21]: the loss cannot go below ln(1 + 2/e) ≈ "
            {format4(floor)}", its gradients are tiny, and training crawls. Nothing crashes, "
            "which is what makes the bug hard to spot."
        </p>
        <aside class="callout" data-testid="backend-note">
            <h3>"Does Keras catch it? It depends on the backend"</h3>
            <p>
                "Keras' default TensorFlow backend recognises a tensor that came straight out "
                "of a Keras softmax (a "<code>"Dense(3, activation=\"softmax\")"</code>
                " layer, or "<code>"keras.ops.softmax"</code>"), looks up the logits behind it, "
                "prints a warning and returns the right loss. On the JAX and PyTorch backends, "
                "for probabilities held in a NumPy array (whatever "<code>"model.predict"</code>
                " returns), and always in PyTorch, the second softmax happens silently and you "
                "get the buggy number. The Keras program below prints both cases."
            </p>
        </aside>
        <CodePanels programs />
    }
    .into_any()
}
