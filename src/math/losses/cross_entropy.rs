//! Cross-entropy losses: binary, categorical and sparse (Keras 3), and PyTorch's `BCELoss`.

use super::{clipped_log_probs, clipped_logs_from_prob, mean_loss};
use crate::math::activations::{log_softmax, softplus, wmul};
use crate::math::error::{check_classes, check_pair, MathError};

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
    mean_loss(y_true, ("y_pred", y_pred), |y, v| {
        if from_logits {
            wmul(y, softplus(-v)) + wmul(1.0 - y, softplus(v))
        } else {
            let (lp, lq) = clipped_logs_from_prob(v);
            -(wmul(y, lp) + wmul(1.0 - y, lq))
        }
    })
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
    mean_loss(y_true, ("p", p), |y, q| {
        let lp = q.ln().max(-100.0);
        let lq = (-q).ln_1p().max(-100.0);
        -(wmul(y, lp) + wmul(1.0 - y, lq))
    })
}
