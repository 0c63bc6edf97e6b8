//! Step 7 (summary): the lesson in one table.

use crate::lessons::view::{cell, row, SummaryTable};
use leptos::prelude::*;

/// The summary table.
pub fn view() -> AnyView {
    view! {
        <SummaryTable intro="What to remember, in one table." heads=&["term", "what it is", "in practice"] rows=vec![
            row("logits (deep learning)", [
                cell("the raw scores of the last layer, one per class, any real number"),
                cell("what Dense(C) with no activation outputs"),
            ]),
            row("logit (statistics)", [
                cell("the function ln(p / (1 − p)), the log-odds"),
                cell("the inverse of sigmoid, not of softmax"),
            ]),
            row("softmax", [
                cell("turns logits into probabilities that sum to 1; adding a constant to every logit changes nothing"),
                cell("keras.ops.softmax, torch.softmax"),
            ]),
            row(view! { <code>"from_logits=True"</code> }, [
                cell("the loss computes a fused log-softmax: exact for any logits"),
                cell("give it raw scores; PyTorch's CrossEntropyLoss always works this way"),
            ]),
            row(view! { <code>"from_logits=False"</code> }, [
                cell("the loss receives probabilities and clips them to [1e−7, 1 − 1e−7]"),
                cell("caps at 16.12 with zero gradient (JAX and PyTorch backends, NumPy inputs); the TensorFlow backend uses a Keras softmax's logits instead"),
            ]),
            row("softmax output + from_logits=True", [
                cell("a second softmax: the loss can never approach 0"),
                cell("silent in PyTorch, on Keras' JAX and PyTorch backends and for NumPy probabilities; Keras on TensorFlow warns and uses the logits. Pick one of the two."),
            ]).class("mistake"),
        ] />
    }
    .into_any()
}
