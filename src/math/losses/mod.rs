//! Losses with Keras 3 semantics (plus PyTorch's `BCELoss` for comparison).
//!
//! Conventions shared by every function here:
//! * the loss of one sample is returned; where Keras averages over the last axis
//!   (binary cross-entropy, MSE, MAE, focal) we take the mean over the given elements;
//! * Keras' fuzz factor is [`KERAS_EPSILON`] = 1e-7: on the probability path
//!   (`from_logits = false`) probabilities are clipped to [ε, 1 − ε], in exact arithmetic
//!   (so the ceiling of one element of binary cross-entropy is −ln(1e-7) ≈ 16.118);
//! * a zero weight times an infinite log counts as 0 (the 0 · ln 0 = 0 convention), where
//!   a framework might print NaN;
//! * the result is never −0.0.
//!
//! The losses live in `cross_entropy.rs`, `imbalance.rs` (Dice, weighted, focal) and
//! `regression.rs` (MSE, MAE), re-exported here; this file holds the clipping they share.

mod cross_entropy;
mod imbalance;
mod regression;
#[cfg(test)]
mod tests;

pub use cross_entropy::{
    binary_crossentropy, categorical_crossentropy, pytorch_binary_cross_entropy,
    sparse_categorical_crossentropy,
};
pub use imbalance::{
    binary_focal_crossentropy, dice_coefficient, dice_loss,
    weighted_binary_crossentropy_with_logits,
};
pub use regression::{mean_absolute_error, mean_squared_error};

use super::activations::{sigmoid, softplus, sum_except};
use super::error::{check_pair, MathError};

/// Keras' fuzz factor `keras.config.epsilon()` = 1e-7, used for probability clipping and
/// in the Dice denominator.
pub const KERAS_EPSILON: f64 = 1e-7;

/// ln(ε) and ln(1 − ε), the two clipped log-probabilities.
fn ln_eps() -> f64 {
    KERAS_EPSILON.ln()
}
fn ln_one_minus_eps() -> f64 {
    (-KERAS_EPSILON).ln_1p()
}

/// (ln p̂, ln(1 − p̂)) for p̂ = clip(p, ε, 1 − ε), each accurate to full precision.
fn clipped_logs_from_prob(p: f64) -> (f64, f64) {
    if p.is_nan() {
        (f64::NAN, f64::NAN)
    } else if p <= KERAS_EPSILON {
        (ln_eps(), ln_one_minus_eps())
    } else if p >= 0.5 && 1.0 - p <= KERAS_EPSILON {
        // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the test is exact too.
        (ln_one_minus_eps(), ln_eps())
    } else {
        (p.ln(), (-p).ln_1p())
    }
}

/// The same for p = σ(z), using σ(−z) for 1 − p so nothing cancels.
fn clipped_logs_from_logit(z: f64) -> (f64, f64) {
    if z.is_nan() {
        (f64::NAN, f64::NAN)
    } else if sigmoid(z) <= KERAS_EPSILON {
        (ln_eps(), ln_one_minus_eps())
    } else if sigmoid(-z) <= KERAS_EPSILON {
        (ln_one_minus_eps(), ln_eps())
    } else {
        (-softplus(-z), -softplus(z))
    }
}

/// Keras' probability path for categorical cross-entropy: log of
/// clip(p / Σp, ε, 1 − ε) for every class. Entries above one half are computed from the
/// sum of the others, so ln(p̂) near 0 keeps full relative precision.
fn clipped_log_probs(p: &[f64]) -> Result<Vec<f64>, MathError> {
    let s: f64 = p.iter().sum();
    if !s.is_finite() || s == 0.0 {
        return Err(MathError::NotNormalisable { sum: s });
    }
    Ok(p.iter()
        .enumerate()
        .map(|(i, &pi)| {
            let q = pi / s;
            if q.is_nan() {
                f64::NAN
            } else if q <= KERAS_EPSILON {
                ln_eps()
            } else if q > 0.5 {
                let r = sum_except(p, i) / s; // = 1 − q without cancellation
                if r <= KERAS_EPSILON {
                    ln_one_minus_eps()
                } else {
                    (-r).ln_1p()
                }
            } else {
                q.ln()
            }
        })
        .collect())
}

fn mean(sum: f64, n: usize) -> f64 {
    sum / n as f64 + 0.0
}

/// The mean of `loss(y, v)` over one sample's labels and the values predicted for them, summed
/// in order: what every element-wise loss here reduces. Errors when the two are empty or of
/// different lengths (`values` is called `name` in the message).
fn mean_loss(
    y_true: &[f64],
    (name, values): (&'static str, &[f64]),
    loss: impl Fn(f64, f64) -> f64,
) -> Result<f64, MathError> {
    check_pair("y_true", y_true, name, values)?;
    let sum: f64 = y_true.iter().zip(values).map(|(&y, &v)| loss(y, v)).sum();
    Ok(mean(sum, y_true.len()))
}
