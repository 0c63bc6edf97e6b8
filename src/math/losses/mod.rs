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

use super::activations::{log_softmax, sigmoid, softplus, wmul};
use super::error::{check_classes, check_pair, MathError};

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
                let others: f64 = p
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, v)| v)
                    .sum();
                let r = others / s; // = 1 − q without cancellation
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

/// Binary cross-entropy, mean over the elements of one sample:
/// L = mean_i −[y_i ln p_i + (1 − y_i) ln(1 − p_i)].
///
/// Keras 3: `keras.losses.binary_crossentropy(y_true, y_pred, from_logits=...)`
/// (`keras.losses.BinaryCrossentropy`). PyTorch: with logits
/// `F.binary_cross_entropy_with_logits(z, y)` (`nn.BCEWithLogitsLoss`) gives the same
/// number; on probabilities `nn.BCELoss` differs (it clamps ln at −100 instead of
/// clipping p, so its ceiling is 100: see [`pytorch_binary_cross_entropy`]).
///
/// * `from_logits = true`: p = σ(z) is never formed. Each element is
///   y·softplus(−z) + (1 − y)·softplus(z), the same as TensorFlow's
///   max(z, 0) − z·y + ln(1 + e^(−|z|)), exact for any logit: y = 1, z = −272.6 gives
///   272.6 (no ceiling).
/// * `from_logits = false` (Keras' probability path): p is clipped to [ε, 1 − ε] with
///   ε = 1e-7 first, so one element can never exceed −ln(1e-7) = 16.11809565095832:
///   the loss stops telling the truth for confident wrong predictions, and its gradient
///   is 0 there. Values outside [0, 1] are clipped the same way.
///
/// Labels may be soft (any y in [0, 1]).
///
/// Errors: lengths differ ("y_true has 3 values but y_pred has 4"); empty input.
///
/// Edges: ±∞ logits give the exact limits (0 or +∞, e.g. y = 1, z = −∞ → +∞); NaN in → NaN.
///
/// ```
/// use logit_lab::math::binary_crossentropy;
/// let ceiling = binary_crossentropy(&[1.0], &[0.0], false).unwrap();
/// assert!((ceiling - 16.11809565095832).abs() < 1e-12);
/// let exact = binary_crossentropy(&[1.0], &[-100.0], true).unwrap();
/// assert!((exact - 100.0).abs() < 1e-12);
/// ```
pub fn binary_crossentropy(
    y_true: &[f64],
    y_pred: &[f64],
    from_logits: bool,
) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(&y, &v)| {
            if from_logits {
                wmul(y, softplus(-v)) + wmul(1.0 - y, softplus(v))
            } else {
                let (lp, lq) = clipped_logs_from_prob(v);
                -(wmul(y, lp) + wmul(1.0 - y, lq))
            }
        })
        .sum();
    Ok(mean(sum, y_true.len()))
}

/// Categorical cross-entropy of one sample: L = −Σ_i y_i ln p_i.
///
/// Keras 3: `keras.losses.categorical_crossentropy(y_true, y_pred, from_logits=...,
/// label_smoothing=...)` (`keras.losses.CategoricalCrossentropy`). PyTorch:
/// `F.cross_entropy(z.unsqueeze(0), y.unsqueeze(0), label_smoothing=ls)`
/// (`nn.CrossEntropyLoss` with probability targets; it takes logits only, so it matches
/// `from_logits = true`).
///
/// * Label smoothing first replaces y by y(1 − ls) + ls/C for C classes (the same rule
///   in both frameworks).
/// * `from_logits = true`: ln p = [`log_softmax`](crate::math::log_softmax)(z), the fused
///   log-sum-exp form: exact for any logits (a true loss of 1949.8 is reported as such).
/// * `from_logits = false` (Keras' probability path): y_pred is first rescaled to sum 1,
///   then clipped to [ε, 1 − ε], so every ln p ≥ ln(1e-7) and a one-hot loss caps at
///   16.118; a perfect prediction costs −ln(1 − 1e-7) ≈ 1.0e-7, not 0.
///
/// Errors: lengths differ; no classes ("needs at least one class"); `label_smoothing`
/// not in [0, 1]; on the probability path, y_pred summing to 0, ±∞ or NaN (it cannot be
/// rescaled: raw scores need `from_logits = true`).
///
/// Edges: one class → 0 with logits (softmax of one logit is 1), 1.0e-7 on the
/// probability path; a −∞ logit on a class with zero weight contributes 0 (Keras would
/// give NaN); NaN logits → NaN.
///
/// ```
/// use logit_lab::math::categorical_crossentropy;
/// let y = [0.0, 1.0, 0.0];
/// let l = categorical_crossentropy(&y, &[2.0, 1.0, 0.1], true, 0.0).unwrap();
/// assert!((l - 1.4170300162778335).abs() < 1e-12);
/// assert!(categorical_crossentropy(&y, &[0.0; 3], false, 0.0).is_err());
/// ```
pub fn categorical_crossentropy(
    y_true: &[f64],
    y_pred: &[f64],
    from_logits: bool,
    label_smoothing: f64,
) -> Result<f64, MathError> {
    check_classes("y_true", y_true, "y_pred", y_pred)?;
    if !(0.0..=1.0).contains(&label_smoothing) {
        return Err(MathError::InvalidParameter {
            name: "label_smoothing",
            value: label_smoothing,
            rule: "be between 0 and 1",
        });
    }
    let c = y_true.len() as f64;
    let log_p = if from_logits {
        log_softmax(y_pred)
    } else {
        clipped_log_probs(y_pred)?
    };
    let sum: f64 = y_true
        .iter()
        .zip(&log_p)
        .map(|(&y, &lp)| {
            let y = if label_smoothing != 0.0 {
                y * (1.0 - label_smoothing) + label_smoothing / c
            } else {
                y
            };
            wmul(y, lp)
        })
        .sum();
    Ok(-sum + 0.0)
}

/// Sparse categorical cross-entropy of one sample: L = −ln p_class.
///
/// Keras 3: `keras.losses.sparse_categorical_crossentropy(class, y_pred,
/// from_logits=...)`; PyTorch: `F.cross_entropy(z.unsqueeze(0), torch.tensor([class]))`
/// (`nn.CrossEntropyLoss` with a class index, logits only).
///
/// The same number as [`categorical_crossentropy`] with a one-hot row and no label
/// smoothing (Keras' sparse loss has no label smoothing): exact log-softmax when
/// `from_logits = true`; rescale to sum 1 and clip to [1e-7, 1 − 1e-7] otherwise, so the
/// probability path caps at 16.118.
///
/// Errors: no classes; `class` ≥ number of classes ("class 5 does not exist: there are 3
/// classes (numbered 0 to 2)"); on the probability path, y_pred that cannot be rescaled.
///
/// ```
/// use logit_lab::math::sparse_categorical_crossentropy;
/// let l = sparse_categorical_crossentropy(1, &[2.0, 1.0, 0.1], true).unwrap();
/// assert!((l - 1.4170300162778335).abs() < 1e-12);
/// assert!(sparse_categorical_crossentropy(3, &[2.0, 1.0, 0.1], true).is_err());
/// ```
pub fn sparse_categorical_crossentropy(
    class: usize,
    y_pred: &[f64],
    from_logits: bool,
) -> Result<f64, MathError> {
    if y_pred.is_empty() {
        return Err(MathError::NoClasses);
    }
    if class >= y_pred.len() {
        return Err(MathError::ClassOutOfRange {
            class,
            num_classes: y_pred.len(),
        });
    }
    let log_p = if from_logits {
        log_softmax(y_pred)
    } else {
        clipped_log_probs(y_pred)?
    };
    Ok(-log_p[class] + 0.0)
}

/// Mean squared error of one sample: mean_i (y_i − p_i)².
///
/// Keras 3: `keras.losses.mean_squared_error` (`keras.losses.MeanSquaredError`); PyTorch:
/// `F.mse_loss(p, y)` (`nn.MSELoss`).
///
/// Errors: lengths differ; empty input. Edges: overflows to +∞ only when the true value
/// exceeds `f64::MAX`; NaN in → NaN.
///
/// ```
/// use logit_lab::math::mean_squared_error;
/// assert_eq!(mean_squared_error(&[1.0, 0.0], &[0.5, 0.5]).unwrap(), 0.25);
/// ```
pub fn mean_squared_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(&y, &p)| (y - p) * (y - p))
        .sum();
    Ok(mean(sum, y_true.len()))
}

/// Mean absolute error of one sample: mean_i |y_i − p_i|.
///
/// Keras 3: `keras.losses.mean_absolute_error` (`keras.losses.MeanAbsoluteError`);
/// PyTorch: `F.l1_loss(p, y)` (`nn.L1Loss`).
///
/// Errors: lengths differ; empty input. Edges: NaN in → NaN.
///
/// ```
/// use logit_lab::math::mean_absolute_error;
/// assert_eq!(mean_absolute_error(&[1.0, 0.0], &[0.5, 0.25]).unwrap(), 0.375);
/// ```
pub fn mean_absolute_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(&y, &p)| (y - p).abs())
        .sum();
    Ok(mean(sum, y_true.len()))
}

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
    if !(smooth.is_finite() && smooth >= 0.0) {
        return Err(MathError::InvalidParameter {
            name: "smooth",
            value: smooth,
            rule: "be a non-negative number",
        });
    }
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
pub fn weighted_binary_crossentropy_with_logits(
    y_true: &[f64],
    logits: &[f64],
    pos_weight: f64,
) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "logits", logits)?;
    if !(pos_weight.is_finite() && pos_weight >= 0.0) {
        return Err(MathError::InvalidParameter {
            name: "pos_weight",
            value: pos_weight,
            rule: "be a non-negative number",
        });
    }
    let sum: f64 = y_true
        .iter()
        .zip(logits)
        .map(|(&y, &z)| wmul(pos_weight * y, softplus(-z)) + wmul(1.0 - y, softplus(z)))
        .sum();
    Ok(mean(sum, y_true.len()))
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
pub fn binary_focal_crossentropy(
    y_true: &[f64],
    y_pred: &[f64],
    from_logits: bool,
) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(&y, &v)| {
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
        })
        .sum();
    Ok(mean(sum, y_true.len()))
}

/// PyTorch's binary cross-entropy on probabilities, mean over elements:
/// L = mean_i −[y_i·max(ln p_i, −100) + (1 − y_i)·max(ln(1 − p_i), −100)].
///
/// PyTorch: `torch.nn.BCELoss()` / `F.binary_cross_entropy(p, y)`. It clamps each log at
/// −100 instead of clipping p, so its ceiling is 100 per element where Keras'
/// [`binary_crossentropy`] (probability path) stops at 16.118. Inside
/// [1e-7, 1 − 1e-7] the two agree.
///
/// Errors: lengths differ; empty input; any p outside [0, 1] or NaN (PyTorch raises
/// "all elements of input should be between 0 and 1").
///
/// ```
/// use logit_lab::math::pytorch_binary_cross_entropy;
/// assert_eq!(pytorch_binary_cross_entropy(&[1.0], &[0.0]).unwrap(), 100.0);
/// ```
pub fn pytorch_binary_cross_entropy(y_true: &[f64], p: &[f64]) -> Result<f64, MathError> {
    check_pair("y_true", y_true, "p", p)?;
    if let Some((index, &value)) = p
        .iter()
        .enumerate()
        .find(|(_, v)| !(0.0..=1.0).contains(*v))
    {
        return Err(MathError::ProbabilityOutOfRange { index, value });
    }
    let sum: f64 = y_true
        .iter()
        .zip(p)
        .map(|(&y, &q)| {
            let lp = q.ln().max(-100.0);
            let lq = (-q).ln_1p().max(-100.0);
            -(wmul(y, lp) + wmul(1.0 - y, lq))
        })
        .sum();
    Ok(mean(sum, y_true.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CEILING: f64 = 16.118095650958317;

    #[test]
    fn bce_probability_path_ceiling() {
        let l = binary_crossentropy(&[1.0], &[0.0], false).unwrap();
        assert!((l - CEILING).abs() < 1e-12);
        // y = 0, p = 1 hits the other clip bound and gives the same ceiling in f64.
        let l = binary_crossentropy(&[0.0], &[1.0], false).unwrap();
        assert!((l - CEILING).abs() < 1e-12);
        // The true value behind the ceiling can be far larger.
        let exact = binary_crossentropy(&[1.0], &[-89.0], true).unwrap();
        assert!((exact - 89.0).abs() < 1e-12);
        // Perfect predictions cost ln(1 − 1e-7) on the probability path.
        let l = binary_crossentropy(&[1.0, 0.0], &[1.0, 0.0], false).unwrap();
        assert!((l - 1.00000005e-7).abs() < 1e-20);
    }

    #[test]
    fn pytorch_bce_ceiling_is_100() {
        assert_eq!(pytorch_binary_cross_entropy(&[1.0], &[0.0]).unwrap(), 100.0);
        assert_eq!(pytorch_binary_cross_entropy(&[0.0], &[1.0]).unwrap(), 100.0);
        assert!(pytorch_binary_cross_entropy(&[1.0], &[1.5]).is_err());
        assert!(pytorch_binary_cross_entropy(&[1.0], &[f64::NAN]).is_err());
        let mid = pytorch_binary_cross_entropy(&[1.0, 0.0], &[0.3, 0.2]).unwrap();
        let keras = binary_crossentropy(&[1.0, 0.0], &[0.3, 0.2], false).unwrap();
        assert!((mid - keras).abs() < 1e-15);
    }

    #[test]
    fn categorical_edges() {
        assert_eq!(
            categorical_crossentropy(&[], &[], true, 0.0),
            Err(MathError::NoClasses)
        );
        assert!(categorical_crossentropy(&[1.0], &[1.0], true, 1.5).is_err());
        assert_eq!(
            categorical_crossentropy(&[1.0], &[7.0], true, 0.0).unwrap(),
            0.0
        );
        // −∞ logit on a zero-weight class contributes 0, not NaN.
        let l = categorical_crossentropy(&[1.0, 0.0], &[0.0, f64::NEG_INFINITY], true, 0.0);
        assert_eq!(l.unwrap(), 0.0);
        let l = categorical_crossentropy(&[0.0, 1.0], &[1.0, 0.0], false, 0.0).unwrap();
        assert!((l - CEILING).abs() < 1e-12);
        let e = categorical_crossentropy(&[0.0, 1.0], &[0.0, 0.0], false, 0.0).unwrap_err();
        assert!(e.to_string().contains("from_logits"));
    }

    #[test]
    fn sparse_matches_categorical() {
        let z = [1.5, -0.3, 2.2, 0.0];
        for c in 0..4 {
            let mut y = [0.0; 4];
            y[c] = 1.0;
            for fl in [true, false] {
                let p: Vec<f64> = if fl {
                    z.to_vec()
                } else {
                    crate::math::softmax(&z)
                };
                let a = sparse_categorical_crossentropy(c, &p, fl).unwrap();
                let b = categorical_crossentropy(&y, &p, fl, 0.0).unwrap();
                assert!((a - b).abs() < 1e-15);
            }
        }
        assert_eq!(
            sparse_categorical_crossentropy(4, &z, true),
            Err(MathError::ClassOutOfRange {
                class: 4,
                num_classes: 4
            })
        );
    }

    #[test]
    fn dice_and_focal() {
        assert_eq!(dice_loss(&[0.0; 3], &[0.0; 3]).unwrap(), 1.0);
        assert!(dice_coefficient(&[1.0], &[1.0], -1.0).is_err());
        // Predicting all background on a small object: Dice 0, loss ~1.
        let mut y = vec![0.0; 100];
        y[3] = 1.0;
        y[4] = 1.0;
        let p = vec![0.0; 100];
        assert!((dice_loss(&y, &p).unwrap() - 1.0).abs() < 1e-7);
        assert_eq!(dice_coefficient(&y, &p, 0.0).unwrap(), 0.0);
        // Focal on logits uses the clipped probability path: caps at 16.118.
        let f = binary_focal_crossentropy(&[1.0], &[-1000.0], true).unwrap();
        assert!((f - CEILING).abs() < 1e-12);
        let f2 = binary_focal_crossentropy(&[1.0], &[0.0], false).unwrap();
        assert!((f2 - CEILING).abs() < 1e-12);
        // Logits and probabilities agree inside the clip range.
        let a = binary_focal_crossentropy(&[1.0, 0.0, 0.3], &[0.4, -1.2, 2.0], true).unwrap();
        let p: Vec<f64> = [0.4, -1.2, 2.0].iter().map(|&z| sigmoid(z)).collect();
        let b = binary_focal_crossentropy(&[1.0, 0.0, 0.3], &p, false).unwrap();
        assert!((a - b).abs() < 1e-14);
    }

    #[test]
    fn weighted_bce() {
        let l = weighted_binary_crossentropy_with_logits(&[1.0], &[-1000.0], 3.0).unwrap();
        assert!((l - 3000.0).abs() < 1e-9);
        let l = weighted_binary_crossentropy_with_logits(&[0.0], &[1000.0], 3.0).unwrap();
        assert!((l - 1000.0).abs() < 1e-9);
        assert!(weighted_binary_crossentropy_with_logits(&[1.0], &[0.0], -1.0).is_err());
        assert!(weighted_binary_crossentropy_with_logits(&[1.0], &[0.0], f64::NAN).is_err());
    }
}
