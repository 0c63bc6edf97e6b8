//! Step "summary": which output and loss for which target.

use crate::lessons::view::{cell, row, SummaryTable};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    view! {
        <SummaryTable intro="For a target in [0, 1], such as a normalised pixel, all three set-ups are legitimate. Choose by what you can live with:" heads=&["your target", "output layer", "loss", "what to watch"] rows=vec![
            row("any real number (prices, temperatures, standardised values)", [
                cell("linear (no activation)"),
                cell("MSE (or MAE / Huber against outliers)"),
                cell("nothing bounds the output, which is the point"),
            ]),
            row("bounded in [0, 1] (pixels, proportions)", [
                cell("linear"),
                cell("MSE"),
                cell("can predict outside [0, 1] on new inputs: clip when predicting"),
            ]),
            row("bounded in [0, 1]", [
                cell("sigmoid"),
                cell(view! { "binary cross-entropy with the soft target, from the logit ("<code>"from_logits=True"</code>" / "<code>"BCEWithLogitsLoss"</code>")" }),
                cell("never exactly 0 or 1; the loss floor is the entropy of y, not 0, so compare models by squared error"),
            ]),
            row("bounded in [0, 1]", [
                cell("sigmoid"),
                cell("MSE"),
                cell("saturates: a unit stuck on the wrong side gets gradient × σ(1 − σ), so plain gradient descent barely moves it (Adam rescales the step, but only per weight)"),
            ]),
            row("bounded in [a, b]", [
                cell("a + (b − a)·σ(z), or linear and clip"),
                cell("as above, after rescaling y to [0, 1]"),
                cell("the same trade-offs"),
            ]),
            row("a yes/no label", [
                cell("sigmoid"),
                cell("binary cross-entropy"),
                cell("only here does 0.5 become a decision threshold"),
            ]),
        ] />
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
