//! Step 6 (summary): the set-ups' layers, shapes, labels and losses, and rules of thumb.

use crate::lessons::view::{cell, row, SummaryTable};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    view! {
        <SummaryTable intro="The thread's question, answered for Keras 3 and PyTorch:" label="Rules of thumb" heads=&["set-up", "last layer", "output (Keras · PyTorch)", "labels", "loss"] rows=vec![
            row("binary, one channel", [
                cell(view! { <code>"Conv2D(1, 1, activation=\"sigmoid\")"</code>" · "<code>"nn.Conv2d(k, 1, 1)"</code> }),
                cell("(B, H, W, 1) · (N, 1, H, W)"),
                cell("the 0/1 mask, same shape, float"),
                cell(view! { <code>"BinaryCrossentropy"</code>" · "<code>"BCEWithLogitsLoss(pos_weight=…)"</code>", often plus Dice" }),
            ]),
            row("binary, two channels", [
                cell(view! { <code>"Conv2D(2, 1, activation=\"softmax\")"</code>" · "<code>"nn.Conv2d(k, 2, 1)"</code> }),
                cell("(B, H, W, 2) · (N, 2, H, W)"),
                cell("(B, H, W) integers, or one-hot"),
                cell(view! { <code>"SparseCategoricalCrossentropy"</code>" (integers) or "<code>"CategoricalCrossentropy"</code>" (one-hot) · "<code>"CrossEntropyLoss(weight=…)"</code> }),
            ]),
            row("C classes", [
                cell(view! { <code>"Conv2D(C, 1, activation=\"softmax\")"</code>" · "<code>"nn.Conv2d(k, C, 1)"</code> }),
                cell("(B, H, W, C) · (N, C, H, W)"),
                cell("(B, H, W) integers, or one-hot (channels first in PyTorch)"),
                cell(view! { "(sparse) categorical cross-entropy · "<code>"CrossEntropyLoss"</code> }),
            ]),
            row("never", [cell("1 channel + softmax"), cell("1.0 everywhere"), cell("—"), cell("zero gradient: nothing learns")]).class("mistake"),
        ] />
        <ul class="rules">
            <li>"Keep one output per input pixel: stride 1 and "<code>"padding=\"same\""</code>" (or 1 × 1 kernels) in the last layer; no global pooling, no Dense over the flattened map."</li>
            <li>"Keras 3 needs no Reshape or Permute: softmax and the losses act on the last axis. The thread's Reshape((C, H·W)) + Permute((2, 1)) is right only on channels-first output (Keras 1 on Theano) and scrambles pixels on channels-last output. To move an axis, transpose (Permute, permute); never reshape."</li>
            <li>"With a small object, pixel accuracy says little (all background scores ≈ 96 % here). Report IoU or Dice of the object class; train with Dice, or BCE with pos_weight ≈ background ÷ object, or both."</li>
            <li><code>"nn.CrossEntropyLoss"</code>" and "<code>"nn.BCEWithLogitsLoss"</code>" take logits: no activation at the end of a PyTorch model ("<code>"nn.BCELoss"</code>" takes probabilities, "<code>"nn.NLLLoss"</code>" log-probabilities). In Keras, either an activation plus the default loss, or no activation and "<code>"from_logits=True"</code>"."</li>
            <li>"A loss of your own is called as "<code>"loss(y_true, y_pred)"</code>" in Keras, the truth first. When the object's share varies from image to image, weight each image by its own ratio, and score Dice per image ("<code>"Dice(axis=(1, 2, 3))"</code>"): Keras' "<code>"Dice()"</code>" pools the whole batch."</li>
        </ul>
    }
    .into_any()
}
