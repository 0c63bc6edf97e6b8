//! Regression onto a target in [0, 1] with three output set-ups, trained by gradient descent.
//!
//! The target is a normalised grey pixel and the trained thing is one free output. The
//! set-ups are in `head.rs`, the race in `race.rs`, the image race in `image.rs`; all are
//! re-exported here.
//!
//! | set-up | output ŷ | loss L(y, z) | dL/dz |
//! |---|---|---|---|
//! | [`Head::LinearMse`] | z | (z − y)² | 2(z − y) |
//! | [`Head::SigmoidMse`] | σ(z) | (σ(z) − y)² | 2(σ − y)·σ(1 − σ) |
//! | [`Head::SigmoidBce`] | σ(z) | −y ln σ(z) − (1 − y) ln(1 − σ(z)) | σ(z) − y |
//!
//! z is the raw output of the last layer (a logit for the sigmoid heads). The losses and
//! gradients are those of Keras 3 `keras.losses.mean_squared_error(y, z)`,
//! `mean_squared_error(y, keras.ops.sigmoid(z))` and
//! `binary_crossentropy(y, z, from_logits=True)` for one element, and of PyTorch
//! `F.mse_loss(z, y)`, `F.mse_loss(torch.sigmoid(z), y)` and
//! `F.binary_cross_entropy_with_logits(z, y)` (what autograd returns for the gradients).
//! Soft targets (any y in [0, 1]) are fine for binary cross-entropy: its minimum over z is
//! then at σ(z) = y, where it equals the binary entropy of y, not 0.
//!
//! One gradient-descent step is z ← z − η·dL/dz ([`Head::step`]). [`Race`] runs the three
//! set-ups side by side from the same starting output; [`ImageRace`] does the same for
//! every pixel of a small grey image. Everything is deterministic (there is no randomness),
//! and nothing here panics: settings that are NaN or out of range are replaced by sane ones.

mod head;
mod image;
mod race;
#[cfg(test)]
mod tests;

pub use head::{binary_entropy, pytorch_bce_probability_grad, Head};
pub use image::{target_image, ImageRace, ImageStart, IMAGE_SIDE, IMAGE_STEPS};
pub use race::{
    race_output_range, Optimizer, Race, RaceSettings, LEARNING_RATE_MAX, LEARNING_RATE_MIN,
    RACE_STEPS,
};
