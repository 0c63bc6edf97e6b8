//! Metrics at one threshold: the confusion matrix, accuracy, precision, recall, F1 and IoU.

use super::{binary_labels, check_threshold, ratio, ConfusionMatrix};
use crate::math::error::MathError;

/// The confusion matrix at a threshold: a prediction is positive iff `y_pred > threshold`.
///
/// Keras 3: the variables of `keras.metrics.TruePositives(thresholds=t)`,
/// `FalsePositives`, `TrueNegatives`, `FalseNegatives`; scikit-learn:
/// `confusion_matrix(y, p > t)`. PyTorch itself has no metrics (torchmetrics has
/// `BinaryConfusionMatrix`).
///
/// A NaN score is never greater than the threshold, so it counts as a negative
/// prediction (as in Keras).
///
/// Errors: lengths differ; empty input; a label other than 0 or 1 (`labels must be 0 or
/// 1, but y_true[2] is 0.7`); a NaN threshold.
///
/// ```
/// use logit_lab::math::{confusion_matrix, ConfusionMatrix};
/// let cm = confusion_matrix(&[1.0, 0.0, 1.0, 0.0], &[0.9, 0.6, 0.5, 0.1], 0.5).unwrap();
/// assert_eq!(cm, ConfusionMatrix { tp: 1, fp: 1, tn: 1, fn_: 1 });
/// ```
pub fn confusion_matrix(
    y_true: &[f64],
    y_pred: &[f64],
    threshold: f64,
) -> Result<ConfusionMatrix, MathError> {
    let labels = binary_labels(y_true, ("y_pred", y_pred))?;
    check_threshold(threshold)?;
    let mut cm = ConfusionMatrix::default();
    for (&pos, &p) in labels.iter().zip(y_pred) {
        match (pos, p > threshold) {
            (true, true) => cm.tp += 1,
            (false, true) => cm.fp += 1,
            (false, false) => cm.tn += 1,
            (true, false) => cm.fn_ += 1,
        }
    }
    Ok(cm)
}

/// Binary accuracy: the fraction of elements where (y_pred > threshold) equals the label.
///
/// Keras 3: `keras.metrics.binary_accuracy(y_true, y_pred, threshold=t)` /
/// `keras.metrics.BinaryAccuracy(threshold=t)` (default 0.5; on logits use 0);
/// scikit-learn `accuracy_score(y, p > t)`. It is (TP + TN) / n, which is why an
/// "all negative" prediction scores high on sparse labels while recall is 0.
///
/// Errors: as [`confusion_matrix`].
///
/// ```
/// use logit_lab::math::binary_accuracy;
/// let a = binary_accuracy(&[0.0, 0.0, 0.0, 1.0], &[0.0; 4], 0.5).unwrap();
/// assert_eq!(a, 0.75);
/// ```
pub fn binary_accuracy(y_true: &[f64], y_pred: &[f64], threshold: f64) -> Result<f64, MathError> {
    let cm = confusion_matrix(y_true, y_pred, threshold)?;
    Ok(ratio(cm.tp + cm.tn, y_true.len()))
}

/// Precision TP / (TP + FP): of the predicted positives, the fraction that are positive.
///
/// Keras 3: `keras.metrics.Precision(thresholds=t)`; scikit-learn:
/// `precision_score(y, p > t, zero_division=0)`.
///
/// Edges: no predicted positives → 0 (Keras and scikit-learn with `zero_division=0`).
/// Errors: as [`confusion_matrix`].
///
/// ```
/// use logit_lab::math::precision;
/// assert_eq!(precision(&[1.0, 0.0], &[0.9, 0.8], 0.5).unwrap(), 0.5);
/// assert_eq!(precision(&[1.0, 0.0], &[0.1, 0.2], 0.5).unwrap(), 0.0);
/// ```
pub fn precision(y_true: &[f64], y_pred: &[f64], threshold: f64) -> Result<f64, MathError> {
    let cm = confusion_matrix(y_true, y_pred, threshold)?;
    Ok(ratio(cm.tp, cm.tp + cm.fp))
}

/// Recall TP / (TP + FN): of the actual positives, the fraction predicted positive.
///
/// Keras 3: `keras.metrics.Recall(thresholds=t)`; scikit-learn:
/// `recall_score(y, p > t, zero_division=0)`.
///
/// Edges: no positive labels → 0. Errors: as [`confusion_matrix`].
///
/// ```
/// use logit_lab::math::recall;
/// assert_eq!(recall(&[1.0, 1.0, 0.0], &[0.9, 0.2, 0.8], 0.5).unwrap(), 0.5);
/// ```
pub fn recall(y_true: &[f64], y_pred: &[f64], threshold: f64) -> Result<f64, MathError> {
    let cm = confusion_matrix(y_true, y_pred, threshold)?;
    Ok(ratio(cm.tp, cm.tp + cm.fn_))
}

/// F1 score, the harmonic mean of precision and recall: 2TP / (2TP + FP + FN).
///
/// Keras 3: `keras.metrics.F1Score(average=None, threshold=t)` for one label (with the
/// default `threshold=None` Keras takes the argmax instead, which is wrong for
/// multi-label outputs); scikit-learn: `f1_score(y, p > t, zero_division=0)`.
///
/// Edges: TP = FP = FN = 0 (no positives anywhere) → 0. Errors: as [`confusion_matrix`].
///
/// ```
/// use logit_lab::math::f1_score;
/// assert_eq!(f1_score(&[1.0, 1.0, 0.0], &[0.9, 0.2, 0.8], 0.5).unwrap(), 0.5);
/// ```
pub fn f1_score(y_true: &[f64], y_pred: &[f64], threshold: f64) -> Result<f64, MathError> {
    let cm = confusion_matrix(y_true, y_pred, threshold)?;
    Ok(ratio(2 * cm.tp, 2 * cm.tp + cm.fp + cm.fn_))
}

/// Binary IoU (Jaccard index) of the foreground class: |T ∩ P| / |T ∪ P|, where T is the
/// set of pixels labelled 1 and P the set with y_pred > threshold.
///
/// Keras 3: `keras.metrics.BinaryIoU(target_class_ids=[1], threshold=t)`. Differences,
/// all at edges: Keras' default `target_class_ids=[0, 1]` averages the background and
/// foreground IoU (ours is the foreground only); Keras predicts positive when
/// y_pred ≥ threshold (ours: > threshold, like the other metrics here, so the two differ
/// only for a score exactly equal to the threshold); Keras adds 1e-7 to the
/// denominator and reports 0 when both masks are empty. PyTorch has no built-in
/// (torchmetrics: `BinaryJaccardIndex`).
///
/// Edges: both masks empty (no label 1 and no predicted positive) → we return **1.0**:
/// nothing to find and nothing predicted is a perfect prediction (Keras reports 0.0).
/// Predicting all background on a non-empty mask → 0.
///
/// Errors: as [`confusion_matrix`].
///
/// ```
/// use logit_lab::math::iou;
/// assert_eq!(iou(&[1.0, 1.0, 0.0, 0.0], &[0.9, 0.1, 0.8, 0.0], 0.5).unwrap(), 1.0 / 3.0);
/// assert_eq!(iou(&[0.0, 0.0], &[0.1, 0.2], 0.5).unwrap(), 1.0);
/// ```
pub fn iou(y_true: &[f64], y_pred: &[f64], threshold: f64) -> Result<f64, MathError> {
    let cm = confusion_matrix(y_true, y_pred, threshold)?;
    let union = cm.tp + cm.fp + cm.fn_;
    if union == 0 {
        return Ok(1.0);
    }
    Ok(ratio(cm.tp, union))
}
