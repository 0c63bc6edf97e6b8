//! The loss table: every Keras cross-entropy for the sample, from logits and from
//! probabilities, and the double-softmax mistake.

use crate::lessons::view::{cell, row, DataTable};
use crate::playground::{Losses, PlaygroundNumbers};
use crate::widgets::{MaybeReadout, Readout};
use leptos::prelude::*;

/// Every Keras cross-entropy for the sample, as Keras computes it.
#[component]
pub fn LossTable(
    /// The Playground's derived numbers.
    numbers: Memo<PlaygroundNumbers>,
) -> impl IntoView {
    let loss =
        move |pick: fn(&Losses) -> f64| Signal::derive(move || numbers.with(|n| pick(&n.losses)));
    let sparse = move |name: &'static str, pick: fn(&Losses) -> Option<f64>| {
        let value = Signal::derive(move || numbers.with(|n| pick(&n.losses)));
        view! { <MaybeReadout name value missing="needs exactly one true class" /> }
    };

    view! {
        <h2>"Losses for this sample"</h2>
        <DataTable class="numbers" testid="loss-table" label="Every loss and gradient" heads=&["Keras loss", "`from_logits=True` (given z/T)", "`from_logits=False` (given probabilities)"] rows=vec![
            row(view! { <code>"binary_crossentropy"</code>" (mean over classes)" }, [
                cell(view! { <Readout name="binary-crossentropy" value=loss(|l| l.binary_from_logits) /> }),
                cell(view! { <Readout name="binary-crossentropy-probs" value=loss(|l| l.binary_from_probs) /> }),
            ]),
            row(view! { <code>"categorical_crossentropy"</code> }, [
                cell(view! { <Readout name="categorical-crossentropy" value=loss(|l| l.categorical_from_logits) /> }),
                cell(view! { <Readout name="categorical-crossentropy-probs" value=loss(|l| l.categorical_from_probs) /> }),
            ]),
            row(view! { <code>"sparse_categorical_crossentropy"</code> }, [
                cell(sparse("sparse-categorical-crossentropy", |l| l.sparse_from_logits)),
                cell(sparse("sparse-categorical-crossentropy-probs", |l| l.sparse_from_probs)),
            ]),
            row(view! { "Mistake: softmax output passed with "<code>"from_logits=True"</code> }, [
                cell(view! { <Readout name="double-softmax" value=loss(|l| l.categorical_double_softmax) /> }),
                cell(view! { "The probabilities get a second softmax, so the loss can never "
                            "approach 0: compare with the row above. (Keras on the "
                            "TensorFlow backend catches a softmax op's own output, warns and "
                            "uses its logits; on JAX, PyTorch or NumPy probabilities it does not.)" }).class("muted"),
            ]).class("mistake"),
        ] />
    }
}
