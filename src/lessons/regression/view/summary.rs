//! Step "summary": which output and loss for which target.

use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    view! {
        <p>"For a target in [0, 1], such as a normalised pixel, all three set-ups are legitimate. Choose by what you can live with:"</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
            <table class="summary" data-testid="summary-table">
                <thead><tr><th scope="col">"your target"</th><th scope="col">"output layer"</th><th scope="col">"loss"</th><th scope="col">"what to watch"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"any real number (prices, temperatures, standardised values)"</th><td>"linear (no activation)"</td><td>"MSE (or MAE / Huber against outliers)"</td><td>"nothing bounds the output, which is the point"</td></tr>
                    <tr><th scope="row">"bounded in [0, 1] (pixels, proportions)"</th><td>"linear"</td><td>"MSE"</td><td>"can predict outside [0, 1] on new inputs: clip when predicting"</td></tr>
                    <tr><th scope="row">"bounded in [0, 1]"</th><td>"sigmoid"</td><td>"binary cross-entropy with the soft target, from the logit ("<code>"from_logits=True"</code>" / "<code>"BCEWithLogitsLoss"</code>")"</td><td>"never exactly 0 or 1; the loss floor is the entropy of y, not 0, so compare models by squared error"</td></tr>
                    <tr><th scope="row">"bounded in [0, 1]"</th><td>"sigmoid"</td><td>"MSE"</td><td>"saturates: a unit stuck on the wrong side gets gradient × σ(1 − σ), so plain gradient descent barely moves it (Adam rescales the step, but only per weight)"</td></tr>
                    <tr><th scope="row">"bounded in [a, b]"</th><td>"a + (b − a)·σ(z), or linear and clip"</td><td>"as above, after rescaling y to [0, 1]"</td><td>"the same trade-offs"</td></tr>
                    <tr><th scope="row">"a yes/no label"</th><td>"sigmoid"</td><td>"binary cross-entropy"</td><td>"only here does 0.5 become a decision threshold"</td></tr>
                </tbody>
            </table>
        </div>
        <p>
            "Rule of thumb: bounded targets may use a sigmoid, but train it on z with "
            "cross-entropy; a linear output with MSE is just as valid if you clip its "
            "predictions. Sigmoid + MSE is not forbidden: its trouble is the tiny gradient of "
            "a saturated unit, which stalls plain gradient descent; Adam's rescaled steps get "
            "a single free output out of it (the race's Adam numbers), but it rescales per "
            "weight, not per pixel, so a saturated pixel whose weights serve many others still "
            "gets little. What decides it is the shape of your target, never "
            "the word “probability”."
        </p>
    }
    .into_any()
}
