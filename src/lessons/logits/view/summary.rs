//! Step 7 (summary): the lesson in one table.

use leptos::prelude::*;

/// The summary table.
pub fn view() -> AnyView {
    view! {
        <p>"What to remember, in one table."</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
            <table class="summary" data-testid="summary-table">
                <thead><tr><th scope="col">"term"</th><th scope="col">"what it is"</th><th scope="col">"in practice"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"logits (deep learning)"</th><td>"the raw scores of the last layer, one per class, any real number"</td><td>"what Dense(C) with no activation outputs"</td></tr>
                    <tr><th scope="row">"logit (statistics)"</th><td>"the function ln(p / (1 − p)), the log-odds"</td><td>"the inverse of sigmoid, not of softmax"</td></tr>
                    <tr><th scope="row">"softmax"</th><td>"turns logits into probabilities that sum to 1; adding a constant to every logit changes nothing"</td><td>"keras.ops.softmax, torch.softmax"</td></tr>
                    <tr><th scope="row"><code>"from_logits=True"</code></th><td>"the loss computes a fused log-softmax: exact for any logits"</td><td>"give it raw scores; PyTorch's CrossEntropyLoss always works this way"</td></tr>
                    <tr><th scope="row"><code>"from_logits=False"</code></th><td>"the loss receives probabilities and clips them to [1e−7, 1 − 1e−7]"</td><td>"caps at 16.12 with zero gradient (JAX and PyTorch backends, NumPy inputs); the TensorFlow backend uses a Keras softmax's logits instead"</td></tr>
                    <tr class="mistake"><th scope="row">"softmax output + from_logits=True"</th><td>"a second softmax: the loss can never approach 0"</td><td>"silent in PyTorch, on Keras' JAX and PyTorch backends and for NumPy probabilities; Keras on TensorFlow warns and uses the logits. Pick one of the two."</td></tr>
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
