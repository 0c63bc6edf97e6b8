//! The loss table: every Keras cross-entropy for the sample, from logits and from
//! probabilities, and the double-softmax mistake.

use crate::playground::{Losses, PlaygroundNumbers};
use crate::widgets::Readout;
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
        move || match numbers.with(|n| pick(&n.losses)) {
            Some(v) => view! { <Readout name=name value=Signal::derive(move || v) /> }.into_any(),
            None => view! { <span class="muted">"needs exactly one true class"</span> }.into_any(),
        }
    };

    view! {
        <h2>"Losses for this sample"</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Every loss and gradient (scrolls sideways on narrow screens)">
            <table class="numbers" data-testid="loss-table">
                <thead>
                    <tr>
                        <th scope="col">"Keras loss"</th>
                        <th scope="col"><code>"from_logits=True"</code>" (given z/T)"</th>
                        <th scope="col"><code>"from_logits=False"</code>" (given probabilities)"</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row"><code>"binary_crossentropy"</code>" (mean over classes)"</th>
                        <td><Readout name="binary-crossentropy" value=loss(|l| l.binary_from_logits) /></td>
                        <td><Readout name="binary-crossentropy-probs" value=loss(|l| l.binary_from_probs) /></td>
                    </tr>
                    <tr>
                        <th scope="row"><code>"categorical_crossentropy"</code></th>
                        <td><Readout name="categorical-crossentropy" value=loss(|l| l.categorical_from_logits) /></td>
                        <td><Readout name="categorical-crossentropy-probs" value=loss(|l| l.categorical_from_probs) /></td>
                    </tr>
                    <tr>
                        <th scope="row"><code>"sparse_categorical_crossentropy"</code></th>
                        <td>{sparse("sparse-categorical-crossentropy", |l| l.sparse_from_logits)}</td>
                        <td>{sparse("sparse-categorical-crossentropy-probs", |l| l.sparse_from_probs)}</td>
                    </tr>
                    <tr class="mistake">
                        <th scope="row">
                            "Mistake: softmax output passed with "<code>"from_logits=True"</code>
                        </th>
                        <td><Readout name="double-softmax" value=loss(|l| l.categorical_double_softmax) /></td>
                        <td class="muted">
                            "The probabilities get a second softmax, so the loss can never "
                            "approach 0: compare with the row above. (Keras on the "
                            "TensorFlow backend catches a softmax op's own output, warns and "
                            "uses its logits; on JAX, PyTorch or NumPy probabilities it does not.)"
                        </td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
