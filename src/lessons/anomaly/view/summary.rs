//! Step 7's view: the rule of thumb, with the autoencoder's AUC once it is trained.

use super::with_lab;
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::view::{cell, row, SummaryTable};
use crate::math;
use leptos::prelude::*;

pub fn view() -> AnyView {
    let trained = with_lab(|l| l.is_trained()).unwrap_or(false);
    let auc = with_lab(|l| {
        l.is_trained()
            .then(|| math::roc_auc(&l.data().test_labels(), &panels::shown(l.test_errors())).ok())
            .flatten()
    })
    .flatten();
    view! {
        <SummaryTable intro="The answer to the thread's question, as a rule of thumb:" heads=&["you have", "approach", "output and loss", "judge it by"] rows=vec![
            row("good examples, few or unknown defects", [
                cell("one-class: an autoencoder trained on good examples only; the anomaly score is its reconstruction error"),
                cell("sigmoid output for pixels in [0, 1], MSE on the pixels"),
                cell("a threshold set from the good examples' errors; precision, recall and the exact ROC AUC on a labelled test set"),
            ]),
            row("labelled examples of every defect you care about", [
                cell("supervised binary classifier"),
                cell("one sigmoid output with binary cross-entropy (or a raw output with from_logits=True)"),
                cell("precision, recall and ROC AUC, per defect kind"),
            ]),
            row("targets that are real numbers", [
                cell("regression"),
                cell("linear output, MSE or MAE"),
                cell("R² or MAE as metrics: R² is maximised and is never the loss"),
            ]),
            row("exactly one of several classes", [
                cell("multi-class classification"),
                cell("softmax over the classes, categorical cross-entropy"),
                cell("accuracy, per-class precision and recall"),
            ]),
        ] />
        <p>
            {if trained {
                format!("On this lesson's parts the autoencoder ranks defects above good parts with an exact ROC AUC of {}, without ever seeing a defect. ", auc.map(format4).unwrap_or_default())
            } else {
                String::new()
            }}
            "Check AUC on your own scale of scores (Keras' default AUC() assumes [0, 1] "
            "probabilities), set the threshold from good parts, and keep labelled defects for "
            "testing. If you can label every kind of defect, a supervised classifier is worth "
            "trying too, but test it on kinds it was not trained on before trusting it with them."
        </p>
        <p data-testid="pretrained-features">
            "The easiest upgrade for the thread's asker, who already uses scikit-learn's "
            <code>"OneClassSVM"</code>", keeps it and changes only what it looks at: not raw "
            "pixels but features from a CNN pretrained on ImageNet, such as "
            <code>"keras.applications.ResNet50(include_top=False, pooling=\"avg\")"</code>
            " or torchvision's ResNet-18 with its last layer removed. Run the good parts "
            "through it once (with the network's own preprocessing), standardise the feature "
            "vectors, fit the OneClassSVM on them, and score new parts with its "
            <code>"decision_function"</code>" (or "<code>"score_samples"</code>"). No network "
            "is trained, and the features already describe edges, textures and blobs: what "
            "scratches and spots change. Set its threshold from good parts and judge it on "
            "labelled defects, exactly as in steps 3 and 5."
        </p>
    }
    .into_any()
}
