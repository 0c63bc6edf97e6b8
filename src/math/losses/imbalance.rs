//! Losses for rare positives: Dice loss and coefficient, weighted and focal cross-entropy.

use super::{clipped_logs_from_logit, clipped_logs_from_prob, mean_loss, KERAS_EPSILON};
use crate::math::activations::{sigmoid, softplus, wmul};
use crate::math::error::{check_pair, MathError};

/// Keras' Dice loss: L = 1 − 2Σ(y·p) / (Σy + Σp + ε), ε = 1e-7.
///
/// Keras 3: `keras.losses.dice(y_true, y_pred)` (`keras.losses.Dice`), which sums over
/// the whole sample. PyTorch has no built-in Dice loss (segmentation libraries add one).
///
/// Computed as (Σ[y(1 − p) + p(1 − y)] + ε) / (Σy + Σp + ε), algebraically the same but
/// without the cancellation of 1 − (something close to 1): a near-perfect mask gives
/// 1.67e-8 to full precision instead of rounding noise.
///
/// Edges: both masks all zero → 1 (Keras' ε makes the fraction 0/ε); predicting all
/// background on a mask with an object → 1 (Dice coefficient 0).
///
/// Errors: lengths differ; empty input.
///
/// ```
/// use logit_lab::math::dice_loss;
/// assert_eq!(dice_loss(&[0.0, 0.0], &[0.0, 0.0]).unwrap(), 1.0);
/// assert!(dice_loss(&[1.0, 0.0], &[1.0, 0.0]).unwrap() < 1e-7);
/// ```
pub fn dice_loss(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let mut num = 0.0;
    let mut den = 0.0;
    for (&y, &p) in y_true.iter().zip(y_pred) {
        num += y * (1.0 - p) + p * (1.0 - y);
        den += y + p;
    }
    Ok((num + KERAS_EPSILON) / (den + KERAS_EPSILON) + 0.0)
}

/// The smoothed Dice coefficient: D = (2Σ(y·p) + s) / (Σy + Σp + s).
///
/// This is the hand-written `dice_coef` of the Kaggle nerve-segmentation code (s = 1),
/// used as a metric or as the loss −D or 1 − D. Neither Keras nor PyTorch ships it;
/// Keras' [`dice_loss`] is 1 − D with s = 0 in the numerator and ε = 1e-7 in the
/// denominator. In [0, 1] for y, p in [0, 1]; 1 is perfect overlap.
///
/// Errors: lengths differ; empty input; `smooth` negative, infinite or NaN.
///
/// Edges: with `smooth = 0` and both masks all zero the fraction is 0/0; we return 1.0
/// (nothing to find, nothing predicted: perfect agreement).
///
/// ```
/// use logit_lab::math::dice_coefficient;
/// assert_eq!(dice_coefficient(&[1.0], &[0.0], 1.0).unwrap(), 0.5);
/// assert_eq!(dice_coefficient(&[0.0], &[0.0], 0.0).unwrap(), 1.0);
/// ```
pub fn dice_coefficient(y_true: &[f64], y_pred: &[f64], smooth: f64) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    non_negative("smooth", smooth)?;
    let mut inter = 0.0;
    let mut den = 0.0;
    for (&y, &p) in y_true.iter().zip(y_pred) {
        inter += y * p;
        den += y + p;
    }
    let num = 2.0 * inter + smooth;
    let den = den + smooth;
    if den == 0.0 && num == 0.0 {
        return Ok(1.0);
    }
    Ok(num / den + 0.0)
}

/// Weighted binary cross-entropy on logits, mean over elements:
/// L = mean_i [w·y_i·softplus(−z_i) + (1 − y_i)·softplus(z_i)], w = `pos_weight`.
///
/// TensorFlow: `tf.nn.weighted_cross_entropy_with_logits(labels, logits, pos_weight)`
/// followed by a mean; PyTorch: `F.binary_cross_entropy_with_logits(z, y,
/// pos_weight=torch.tensor(w))` (`nn.BCEWithLogitsLoss(pos_weight=...)`). Keras 3 has no
/// `pos_weight` (the nearest is per-sample `sample_weight` or `class_weight` in `fit`).
///
/// A weight w > 1 makes a missed positive cost w times more: the usual fix for rare
/// foreground pixels. w = 1 is [`binary_crossentropy`] with `from_logits = true`.
/// Stable for any logit (softplus never overflows).
///
/// Errors: lengths differ; empty input; `pos_weight` negative, infinite or NaN.
///
/// ```
/// use logit_lab::math::{binary_crossentropy, weighted_binary_crossentropy_with_logits};
/// let (y, z) = ([1.0, 0.0, 1.0], [0.3, -2.0, 4.0]);
/// let w1 = weighted_binary_crossentropy_with_logits(&y, &z, 1.0).unwrap();
/// assert!((w1 - binary_crossentropy(&y, &z, true).unwrap()).abs() < 1e-15);
/// ```
///
/// [`binary_crossentropy`]: super::binary_crossentropy
pub fn weighted_binary_crossentropy_with_logits(
    y_true: &[f64],
    logits: &[f64],
    pos_weight: f64,
) -> Result<f64, MathError> {
    non_negative("pos_weight", pos_weight)?;
    mean_loss(y_true, ("logits", logits), |y, z| {
        wmul(pos_weight * y, softplus(-z)) + wmul(1.0 - y, softplus(z))
    })
}

/// Binary focal cross-entropy with Keras 3 defaults (γ = 2, no class balancing), mean
/// over elements: L = mean_i (1 − p_t)^2 · BCE_i, with p_t = y·p + (1 − y)(1 − p).
///
/// Keras 3: `keras.losses.binary_focal_crossentropy(y_true, y_pred, from_logits=...)`
/// (`keras.losses.BinaryFocalCrossentropy()`: `apply_class_balancing=False`, so
/// `alpha=0.25` is unused, `gamma=2.0`). PyTorch: torchvision's
/// `sigmoid_focal_loss(z, y, alpha=-1, gamma=2, reduction="mean")` is the same formula on
/// logits but without Keras' clipping, so it differs once |z| > 16.1.
///
/// Keras semantics, followed exactly:
/// * with `from_logits = true`, Keras applies the sigmoid and then uses the **clipped
///   probability path**: BCE_i is the clipped binary cross-entropy of σ(z) (capped at
///   16.118), unlike [`binary_crossentropy`] with logits;
/// * the focal factor (1 − p_t)^γ uses the unclipped p (σ(z) with logits);
/// * BCE_i is Keras' per-element binary cross-entropy, clipped to [1e-7, 1 − 1e-7].
///
/// Confident correct predictions are down-weighted (p_t = 0.9 → factor 0.01); confident
/// wrong ones keep almost their whole BCE.
///
/// Errors: lengths differ; empty input. Edges: NaN in → NaN.
///
/// ```
/// use logit_lab::math::binary_focal_crossentropy;
/// let l = binary_focal_crossentropy(&[1.0], &[0.9], false).unwrap();
/// assert!((l - 0.01 * -(0.9f64.ln())).abs() < 1e-15);
/// ```
///
/// [`binary_crossentropy`]: super::binary_crossentropy
pub fn binary_focal_crossentropy(
    y_true: &[f64],
    y_pred: &[f64],
    from_logits: bool,
) -> Result<f64, MathError> {
    // (1 − p_t)² · BCE of one element, from its label y and its prediction v.
    let focal = |y: f64, v: f64| {
        let ((lp, lq), one_minus_pt) = if from_logits {
            (
                clipped_logs_from_logit(v),
                y * sigmoid(-v) + (1.0 - y) * sigmoid(v),
            )
        } else {
            (clipped_logs_from_prob(v), y * (1.0 - v) + v * (1.0 - y))
        };
        let bce = -(wmul(y, lp) + wmul(1.0 - y, lq));
        wmul(one_minus_pt * one_minus_pt, bce)
    };
    mean_loss(y_true, ("y_pred", y_pred), focal)
}

/// `Err(InvalidParameter)` unless `value` is a finite number ≥ 0.
fn non_negative(name: &'static str, value: f64) -> Result<(), MathError> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(MathError::InvalidParameter {
            name,
            value,
            rule: "be a non-negative number",
        })
    }
}
