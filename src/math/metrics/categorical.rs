//! Class-wise accuracies of one sample: categorical and top-k categorical accuracy.

use crate::math::activations::argmax;
use crate::math::error::{check_classes, MathError};

/// Categorical accuracy of one sample: 1.0 if argmax(y_pred) = argmax(y_true), else 0.0.
///
/// Keras 3: `keras.metrics.categorical_accuracy(y_true, y_pred)` (what
/// `metrics=["accuracy"]` becomes for one-hot labels with several outputs); PyTorch:
/// `(z.argmax(-1) == y.argmax(-1)).float()`. Works on logits or probabilities alike.
///
/// argmax takes the **first** maximum, as Keras (NumPy) does. Consequences worth
/// showing: on a multi-hot row only the first positive label counts ([0, 1, 1] with
/// prediction argmax 2 scores 0), and an all-zero label row has argmax 0. A NaN counts
/// as the maximum (NumPy's rule).
///
/// Errors: lengths differ; no classes.
///
/// ```
/// use logit_lab::math::categorical_accuracy;
/// assert_eq!(categorical_accuracy(&[0.0, 1.0, 1.0], &[0.1, 0.2, 0.7]).unwrap(), 0.0);
/// assert_eq!(categorical_accuracy(&[0.0, 1.0, 0.0], &[0.1, 2.0, 0.7]).unwrap(), 1.0);
/// ```
pub fn categorical_accuracy(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    check_classes("y_true", y_true, "y_pred", y_pred)?;
    Ok(if argmax(y_true) == argmax(y_pred) {
        1.0
    } else {
        0.0
    })
}

/// Top-k categorical accuracy of one sample: 1.0 if the true class (argmax of y_true) is
/// among the k highest scores of y_pred.
///
/// Keras 3: `keras.metrics.top_k_categorical_accuracy(y_true, y_pred, k=5)`, which uses
/// `in_top_k`: the true class's rank is 1 + the number of scores **strictly greater**
/// than its own, and it is a hit iff rank ≤ k. So ties at the k-th score favour the true
/// class: with scores [0.5, 0.5, 0.1] and k = 1, both tied classes are "in the top 1".
/// PyTorch's `torch.topk` keeps exactly k indices and breaks ties arbitrarily, so it may
/// disagree at ties (torchmetrics: `MulticlassAccuracy(top_k=k)`).
///
/// Edges: k = 0 → 0; k ≥ number of classes → 1; a NaN score at the true class ranks as
/// −∞ (Keras' rule), NaN scores elsewhere never outrank it.
///
/// Errors: lengths differ; no classes.
///
/// ```
/// use logit_lab::math::top_k_categorical_accuracy;
/// let y = [0.0, 1.0, 0.0];
/// assert_eq!(top_k_categorical_accuracy(&y, &[0.5, 0.5, 0.1], 1).unwrap(), 1.0);
/// assert_eq!(top_k_categorical_accuracy(&y, &[0.6, 0.3, 0.1], 1).unwrap(), 0.0);
/// ```
pub fn top_k_categorical_accuracy(
    y_true: &[f64],
    y_pred: &[f64],
    k: usize,
) -> Result<f64, MathError> {
    check_classes("y_true", y_true, "y_pred", y_pred)?;
    let target = argmax(y_true);
    let mut v = y_pred[target];
    if v.is_nan() {
        v = f64::NEG_INFINITY;
    }
    let rank = 1 + y_pred.iter().filter(|&&p| p > v).count();
    Ok(if rank <= k { 1.0 } else { 0.0 })
}
