//! Step 6 (summary): which head and which loss for which labels.

use crate::lessons::view::{cell, row, SummaryTable};
use leptos::prelude::*;

/// The summary table.
pub fn view() -> AnyView {
    view! {
        <SummaryTable heads=&["your labels", "output head", "loss", "outputs"] rows=vec![
            row("exactly one class per example (multi-class)", [
                cell("softmax over C"),
                cell("categorical (one-hot) or sparse categorical (integer) cross-entropy"),
                cell("sum to 1; at most one above 0.5"),
            ]),
            row("any subset of classes (multi-label)", [
                cell("C independent sigmoids"),
                cell("binary cross-entropy, mean over labels"),
                cell("each in (0, 1); sum anywhere in (0, C)"),
            ]),
            row("two classes", [
                cell("one sigmoid, or softmax over 2"),
                cell("binary, or categorical cross-entropy"),
                cell("identical: softmax(z₀, z₁)₀ = σ(z₀ − z₁)"),
            ]),
            row("boxes in detection", [
                cell("softmax over C + 1 (with background) per region in two-stage detectors (Faster R-CNN); often per-class sigmoids in one-stage ones (YOLOv3 and later)"),
                cell("categorical cross-entropy, or binary cross-entropy per class"),
                cell("sigmoids allow overlapping labels"),
            ]),
            row("pixels in segmentation", [
                cell(view! { "the same choice per pixel ("<a href="#/segmentation">"lesson 6"</a>")" }),
                cell("the same losses, averaged over pixels"),
                cell("one map of C scores per image"),
            ]),
        ] />
        <p>"Temperature T rescales logits before softmax: T < 1 sharpens, T > 1 flattens, the order of classes never changes."</p>
    }
    .into_any()
}
