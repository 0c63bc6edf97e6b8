//! Step 6 (summary): which head and which loss for which labels.

use leptos::prelude::*;

/// The summary table.
pub fn view() -> AnyView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
            <table class="summary" data-testid="summary-table">
                <thead><tr><th scope="col">"your labels"</th><th scope="col">"output head"</th><th scope="col">"loss"</th><th scope="col">"outputs"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"exactly one class per example (multi-class)"</th><td>"softmax over C"</td><td>"categorical (one-hot) or sparse categorical (integer) cross-entropy"</td><td>"sum to 1; at most one above 0.5"</td></tr>
                    <tr><th scope="row">"any subset of classes (multi-label)"</th><td>"C independent sigmoids"</td><td>"binary cross-entropy, mean over labels"</td><td>"each in (0, 1); sum anywhere in (0, C)"</td></tr>
                    <tr><th scope="row">"two classes"</th><td>"one sigmoid, or softmax over 2"</td><td>"binary, or categorical cross-entropy"</td><td>"identical: softmax(z₀, z₁)₀ = σ(z₀ − z₁)"</td></tr>
                    <tr><th scope="row">"boxes in detection"</th><td>"softmax over C + 1 (with background) per region in two-stage detectors (Faster R-CNN); often per-class sigmoids in one-stage ones (YOLOv3 and later)"</td><td>"categorical cross-entropy, or binary cross-entropy per class"</td><td>"sigmoids allow overlapping labels"</td></tr>
                    <tr><th scope="row">"pixels in segmentation"</th><td>"the same choice per pixel ("<a href="#/segmentation">"lesson 6"</a>")"</td><td>"the same losses, averaged over pixels"</td><td>"one map of C scores per image"</td></tr>
                </tbody>
            </table>
        </div>
        <p>"Temperature T rescales logits before softmax: T < 1 sharpens, T > 1 flattens, the order of classes never changes."</p>
    }
    .into_any()
}
