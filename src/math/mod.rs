//! The math core of Logit Lab: pure `f64` functions with Keras 3 semantics.
//!
//! Everything is re-exported here, so callers write `logit_lab::math::softmax`.
//!
//! * Activations: [`sigmoid`], [`sigmoid_grad`], [`logit`], [`softmax`], [`log_softmax`],
//!   [`log_sum_exp`], [`softmax_with_temperature`], [`entropy`], and [`argmax`] (first
//!   maximum, NaN wins, as NumPy).
//! * Losses (Keras semantics, ε = [`KERAS_EPSILON`]): [`binary_crossentropy`],
//!   [`categorical_crossentropy`], [`sparse_categorical_crossentropy`],
//!   [`mean_squared_error`], [`mean_absolute_error`], [`dice_loss`],
//!   [`dice_coefficient`], [`weighted_binary_crossentropy_with_logits`],
//!   [`binary_focal_crossentropy`], and PyTorch's [`pytorch_binary_cross_entropy`].
//! * Gradients w.r.t. logits: [`binary_crossentropy_grad_logit`],
//!   [`mse_sigmoid_grad_logit`], [`clipped_binary_crossentropy_grad_logit`],
//!   [`categorical_crossentropy_grad_logits`].
//! * Metrics: [`binary_accuracy`], [`precision`], [`recall`], [`f1_score`],
//!   [`confusion_matrix`], [`iou`], [`roc_auc`], [`average_precision`], [`roc_curve`],
//!   [`keras_auc`], [`categorical_accuracy`], [`top_k_categorical_accuracy`].
//! * Float32 demonstrations of what breaks: [`naive_softmax_f32`],
//!   [`naive_cross_entropy_f32`], [`shifted_softmax_f32`], [`shifted_cross_entropy_f32`],
//!   [`keras_probability_path_cross_entropy`].
//!
//! Ground rules:
//! * no function panics, whatever the input (NaN, ±∞, empty, mismatched lengths, huge
//!   values, out-of-range classes);
//! * functions that can be handed mismatched, empty or invalid inputs return
//!   `Result<_, `[`MathError`]`>`, whose message is written for a learner;
//! * stable formulations everywhere (max-shifted softmax, log-sum-exp, softplus-based
//!   cross-entropy with logits, overflow-free sigmoid, an accurate logit), so a value
//!   that is finite in exact arithmetic is never shown as NaN or ∞ — except in the
//!   float32 demonstrations, whose purpose is to show exactly that.
//!
//! Every value is checked against `tests/data/keras_reference.json` (exact values of
//! Keras 3 formulas, cross-checked with Keras and scikit-learn) to a relative error of
//! 1e-9.

#![warn(missing_docs)]

mod activations;
mod error;
mod float32;
mod gradients;
mod losses;
mod metrics;

pub(crate) use activations::softplus;
pub use activations::{
    argmax, entropy, log_softmax, log_sum_exp, logit, sigmoid, sigmoid_grad, softmax,
    softmax_with_temperature,
};
pub use error::MathError;
pub use float32::{
    keras_probability_path_cross_entropy, naive_cross_entropy_f32, naive_softmax_f32,
    shifted_cross_entropy_f32, shifted_softmax_f32,
};
pub use gradients::{
    binary_crossentropy_grad_logit, categorical_crossentropy_grad_logits,
    clipped_binary_crossentropy_grad_logit, mse_sigmoid_grad_logit,
};
pub use losses::{
    binary_crossentropy, binary_focal_crossentropy, categorical_crossentropy, dice_coefficient,
    dice_loss, mean_absolute_error, mean_squared_error, pytorch_binary_cross_entropy,
    sparse_categorical_crossentropy, weighted_binary_crossentropy_with_logits, KERAS_EPSILON,
};
pub use metrics::{
    average_precision, binary_accuracy, categorical_accuracy, confusion_matrix, f1_score, iou,
    keras_auc, precision, recall, roc_auc, roc_curve, top_k_categorical_accuracy, ConfusionMatrix,
    RocAucInSlices, RocPoint,
};
