//! Classification metrics: thresholded counts, ranking curves, class-wise accuracies.
//!
//! Conventions:
//! * binary labels must be exactly 0 or 1 (anything else is an error that names the
//!   position), so a slider cannot silently turn a soft label into a class;
//! * a prediction is positive iff its score is **strictly greater** than the threshold,
//!   as in Keras (`BinaryAccuracy`, `Precision`, `Recall`, `F1Score`); on raw logits the
//!   matching threshold is 0;
//! * ratios whose denominator is 0 are reported as 0, like scikit-learn's
//!   `zero_division=0` (Keras' `divide_no_nan` gives the same).

use std::cmp::Ordering;

use super::error::{check_classes, check_pair, MathError};

/// Counts of a binary confusion matrix at one threshold.
///
/// `fn_` has a trailing underscore because `fn` is a Rust keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConfusionMatrix {
    /// True positives: label 1, predicted positive.
    pub tp: usize,
    /// False positives: label 0, predicted positive.
    pub fp: usize,
    /// True negatives: label 0, predicted negative.
    pub tn: usize,
    /// False negatives: label 1, predicted negative.
    pub fn_: usize,
}

/// One point of a ROC curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RocPoint {
    /// Scores ≥ `threshold` count as positive at this point (+∞ for the first point,
    /// where nothing is positive).
    pub threshold: f64,
    /// False-positive rate FP / (FP + TN).
    pub fpr: f64,
    /// True-positive rate (recall) TP / (TP + FN).
    pub tpr: f64,
}

fn binary_labels(y_true: &[f64]) -> Result<Vec<bool>, MathError> {
    y_true
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            if value == 1.0 {
                Ok(true)
            } else if value == 0.0 {
                Ok(false)
            } else {
                Err(MathError::NotBinaryLabel { index, value })
            }
        })
        .collect()
}

fn check_threshold(threshold: f64) -> Result<(), MathError> {
    if threshold.is_nan() {
        return Err(MathError::InvalidParameter {
            name: "threshold",
            value: threshold,
            rule: "be a number",
        });
    }
    Ok(())
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

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
    check_pair("y_true", y_true, "y_pred", y_pred)?;
    let labels = binary_labels(y_true)?;
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

/// Labels and scores checked for ranking metrics.
fn ranking_inputs(y_true: &[f64], scores: &[f64]) -> Result<Vec<bool>, MathError> {
    check_pair("y_true", y_true, "scores", scores)?;
    let labels = binary_labels(y_true)?;
    if let Some(index) = scores.iter().position(|s| s.is_nan()) {
        return Err(MathError::NanScore { index });
    }
    Ok(labels)
}

fn count_classes(labels: &[bool]) -> (usize, usize) {
    let pos = labels.iter().filter(|&&b| b).count();
    (pos, labels.len() - pos)
}

fn need_both(metric: &'static str, pos: usize, neg: usize) -> Result<(), MathError> {
    if pos == 0 || neg == 0 {
        return Err(MathError::SingleClass {
            metric,
            positives: pos,
            negatives: neg,
        });
    }
    Ok(())
}

/// Groups of equal scores in decreasing score order: (score, positives, negatives).
/// NaN must have been excluded; −0.0 and 0.0 are one group.
fn groups_desc(labels: &[bool], scores: &[f64]) -> Vec<(f64, usize, usize)> {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap_or(Ordering::Equal));
    let mut out: Vec<(f64, usize, usize)> = Vec::new();
    for i in idx {
        let s = scores[i];
        let (p, n) = if labels[i] { (1, 0) } else { (0, 1) };
        match out.last_mut() {
            Some(last) if last.0 == s => {
                last.1 += p;
                last.2 += n;
            }
            _ => out.push((s, p, n)),
        }
    }
    out
}

/// Exact ROC AUC from grouped scores: P(score of a positive > score of a negative), ties
/// counting one half. Needs pos > 0 and neg > 0.
fn auc_from_groups(groups: &[(f64, usize, usize)], pos: usize, neg: usize) -> f64 {
    // Twice the number of (positive, negative) pairs ranked correctly, ties counting 1.
    let mut twice: u128 = 0;
    let mut neg_below = neg as u128;
    for &(_, gp, gn) in groups {
        neg_below -= gn as u128;
        twice += gp as u128 * (2 * neg_below + gn as u128);
    }
    twice as f64 / (2.0 * pos as f64 * neg as f64)
}

/// Exact area under the ROC curve: the probability that a random positive scores higher
/// than a random negative, ties counting one half (the Mann–Whitney U statistic / (P·N)).
///
/// scikit-learn: `roc_auc_score(y_true, scores)`; Keras 3's `keras.metrics.AUC()`
/// approximates it on a grid of thresholds (see [`keras_auc`]: often identical, sometimes
/// different by up to ~0.01 on small batches). PyTorch has no built-in (torchmetrics:
/// `BinaryAUROC`).
///
/// Only the order of the scores matters: probabilities or logits give the same AUC, and
/// ±∞ scores are allowed. 0.5 is chance level, 1 perfect ranking, 0 perfectly reversed.
///
/// Errors: lengths differ; empty input; a label other than 0 or 1; a NaN score; only one
/// class present ("ROC AUC needs both positive and negative labels, but y_true has 5
/// positive and 0 negative").
///
/// ```
/// use logit_lab::math::roc_auc;
/// assert_eq!(roc_auc(&[0.0, 0.0, 1.0, 1.0], &[0.1, 0.4, 0.35, 0.8]).unwrap(), 0.75);
/// assert_eq!(roc_auc(&[0.0, 1.0], &[0.5, 0.5]).unwrap(), 0.5);
/// assert!(roc_auc(&[1.0, 1.0], &[0.5, 0.7]).is_err());
/// ```
pub fn roc_auc(y_true: &[f64], scores: &[f64]) -> Result<f64, MathError> {
    let labels = ranking_inputs(y_true, scores)?;
    let (pos, neg) = count_classes(&labels);
    need_both("ROC AUC", pos, neg)?;
    Ok(auc_from_groups(&groups_desc(&labels, scores), pos, neg))
}

/// Average precision, scikit-learn's definition: AP = Σ_n (R_n − R_{n−1})·P_n, with
/// (R_n, P_n) the recall and precision when every score ≥ the n-th distinct score (in
/// decreasing order) counts as positive, and R_0 = 0.
///
/// scikit-learn: `average_precision_score(y_true, scores)` (a step-wise sum, not the
/// trapezoidal area). Keras' `AUC(curve="PR")` interpolates differently and gives
/// another number; PyTorch has no built-in (torchmetrics: `BinaryAveragePrecision`).
///
/// Equals the fraction of positives when all scores tie, 1 for a perfect ranking. Only
/// the order of the scores matters.
///
/// Errors: lengths differ; empty input; a label other than 0 or 1; a NaN score; no
/// positive label (recall is undefined). All-positive labels are fine (AP = 1).
///
/// ```
/// use logit_lab::math::average_precision;
/// let ap = average_precision(&[0.0, 0.0, 1.0, 1.0], &[0.1, 0.4, 0.35, 0.8]).unwrap();
/// assert!((ap - 0.8333333333333333).abs() < 1e-15);
/// ```
pub fn average_precision(y_true: &[f64], scores: &[f64]) -> Result<f64, MathError> {
    let labels = ranking_inputs(y_true, scores)?;
    let (pos, _) = count_classes(&labels);
    if pos == 0 {
        return Err(MathError::NoPositives);
    }
    let mut tp = 0usize;
    let mut fp = 0usize;
    let mut ap = 0.0;
    for (_, gp, gn) in groups_desc(&labels, scores) {
        tp += gp;
        fp += gn;
        if gp > 0 {
            ap += (gp as f64 / pos as f64) * (tp as f64 / (tp + fp) as f64);
        }
    }
    Ok(ap)
}

/// The ROC curve: one point per distinct score, in decreasing score order, after a first
/// point (FPR 0, TPR 0) at threshold +∞.
///
/// scikit-learn: `roc_curve(y_true, scores, drop_intermediate=False)`, whose thresholds
/// also start at +∞ (scikit-learn ≥ 1.3). As in scikit-learn, the point at threshold t
/// counts scores **≥ t** as positive, so each point includes the samples scoring exactly
/// t. (The thresholded metrics in this module use > t, like Keras; at a threshold
/// between two distinct scores the two rules agree.) Keras has no ROC-curve function.
///
/// The last point is always (1, 1). The trapezoidal area under these points equals
/// [`roc_auc`].
///
/// Errors: as [`roc_auc`] (both classes are needed for both rates to exist).
///
/// ```
/// use logit_lab::math::roc_curve;
/// let c = roc_curve(&[0.0, 1.0, 1.0], &[0.2, 0.9, 0.2]).unwrap();
/// assert_eq!(c.len(), 3);
/// assert_eq!((c[1].threshold, c[1].fpr, c[1].tpr), (0.9, 0.0, 0.5));
/// assert_eq!((c[2].fpr, c[2].tpr), (1.0, 1.0));
/// ```
pub fn roc_curve(y_true: &[f64], scores: &[f64]) -> Result<Vec<RocPoint>, MathError> {
    let labels = ranking_inputs(y_true, scores)?;
    let (pos, neg) = count_classes(&labels);
    need_both("a ROC curve", pos, neg)?;
    let groups = groups_desc(&labels, scores);
    let mut out = Vec::with_capacity(groups.len() + 1);
    out.push(RocPoint {
        threshold: f64::INFINITY,
        fpr: 0.0,
        tpr: 0.0,
    });
    let (mut tp, mut fp) = (0usize, 0usize);
    for (s, gp, gn) in groups {
        tp += gp;
        fp += gn;
        out.push(RocPoint {
            threshold: s,
            fpr: fp as f64 / neg as f64,
            tpr: tp as f64 / pos as f64,
        });
    }
    Ok(out)
}

/// Keras' default `keras.metrics.AUC()`: ROC curve, `summation_method="interpolation"`,
/// evaluated on `num_thresholds` fixed thresholds (Keras' default is 200).
///
/// The thresholds are −1e-7, i/(n − 1) for i = 1 … n − 2, and 1 + 1e-7. At each one a
/// score counts as positive iff score > threshold; TPR and FPR are computed there (0 when
/// a denominator is 0, Keras' `divide_no_nan`), and the area is the trapezoidal sum
/// Σ_i (FPR_i − FPR_{i+1})·(TPR_i + TPR_{i+1})/2. As in Keras (its
/// `_update_confusion_matrix_variables_optimized` path), scores are first clipped to
/// [0, 1].
///
/// Equivalently it is the exact ROC AUC ([`roc_auc`]) of the scores rounded up to the
/// threshold grid: scores that fall between the same two thresholds become ties and
/// count one half. So it matches [`roc_auc`] when no two scores of different classes
/// share a grid cell, and may differ (by up to ~0.01 on small batches) otherwise. Raw
/// logits must go through a sigmoid first (or `AUC(from_logits=True)` in Keras).
///
/// Keras accumulates in float32; this function uses f64, so it agrees with Keras to about
/// 1e-6.
///
/// Edges: when y_true holds only one class Keras returns **0.0** (one rate is 0/0 → 0
/// everywhere); we return the same so the framework panel shows Keras' number, while
/// [`roc_auc`] reports an error.
///
/// Errors: lengths differ; empty input; a label other than 0 or 1; a NaN score;
/// `num_thresholds` < 2 (Keras: "must be an integer > 1").
///
/// ```
/// use logit_lab::math::{keras_auc, roc_auc};
/// let y = [0.0, 1.0, 0.0, 1.0];
/// let s = [0.101, 0.102, 0.6, 0.9];
/// assert_eq!(roc_auc(&y, &s).unwrap(), 0.75);
/// // 0.101 and 0.102 share a cell of the 200-threshold grid: a tie.
/// assert_eq!(keras_auc(&y, &s, 200).unwrap(), 0.625);
/// ```
pub fn keras_auc(y_true: &[f64], scores: &[f64], num_thresholds: usize) -> Result<f64, MathError> {
    let labels = ranking_inputs(y_true, scores)?;
    if num_thresholds < 2 {
        return Err(MathError::InvalidParameter {
            name: "num_thresholds",
            value: num_thresholds as f64,
            rule: "be at least 2",
        });
    }
    let (pos, neg) = count_classes(&labels);
    if pos == 0 || neg == 0 {
        return Ok(0.0);
    }
    // Keras: bucket = max(ceil(clip(s, 0, 1) * (n - 1)) - 1, 0); a score in bucket b is
    // above thresholds 0..=b and not above b + 1.
    let cells = (num_thresholds - 1) as f64;
    let buckets: Vec<f64> = scores
        .iter()
        .map(|&s| ((s.clamp(0.0, 1.0) * cells).ceil() - 1.0).max(0.0))
        .collect();
    Ok(auc_from_groups(&groups_desc(&labels, &buckets), pos, neg))
}

/// Index of the first maximum; a NaN counts as the maximum (NumPy / JAX `argmax`).
fn argmax(v: &[f64]) -> usize {
    if let Some(i) = v.iter().position(|x| x.is_nan()) {
        return i;
    }
    let mut k = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[k] {
            k = i;
        }
    }
    k
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflated_accuracy_trap() {
        // 8 samples x 5 labels, sparse positives, predict all negative.
        let mut y = vec![0.0; 40];
        for i in [3, 11, 17, 30] {
            y[i] = 1.0;
        }
        let p = vec![0.05; 40];
        assert_eq!(binary_accuracy(&y, &p, 0.5).unwrap(), 0.9);
        assert_eq!(recall(&y, &p, 0.5).unwrap(), 0.0);
        assert_eq!(precision(&y, &p, 0.5).unwrap(), 0.0);
        assert_eq!(f1_score(&y, &p, 0.5).unwrap(), 0.0);
    }

    #[test]
    fn strict_threshold() {
        let cm = confusion_matrix(&[1.0, 0.0], &[0.5, 0.5], 0.5).unwrap();
        assert_eq!(
            cm,
            ConfusionMatrix {
                tp: 0,
                fp: 0,
                tn: 1,
                fn_: 1
            }
        );
        assert!(confusion_matrix(&[1.0], &[0.5], f64::NAN).is_err());
        let e = binary_accuracy(&[0.7], &[0.5], 0.5).unwrap_err();
        assert_eq!(e.to_string(), "labels must be 0 or 1, but y_true[0] is 0.7");
    }

    #[test]
    fn ranking_errors() {
        let e = roc_auc(&[1.0, 1.0], &[0.1, 0.2]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ROC AUC needs both positive and negative labels, but y_true has 2 positive and 0 negative"
        );
        assert!(roc_auc(&[1.0, 0.0], &[f64::NAN, 0.2]).is_err());
        assert_eq!(
            average_precision(&[0.0, 0.0], &[0.1, 0.2]),
            Err(MathError::NoPositives)
        );
        assert_eq!(average_precision(&[1.0, 1.0], &[0.1, 0.2]).unwrap(), 1.0);
        assert_eq!(keras_auc(&[1.0, 1.0], &[0.1, 0.2], 200).unwrap(), 0.0);
        assert!(keras_auc(&[1.0, 0.0], &[0.1, 0.2], 1).is_err());
        // −0.0 and 0.0 tie.
        assert_eq!(roc_auc(&[1.0, 0.0], &[-0.0, 0.0]).unwrap(), 0.5);
        // Infinite scores are ranked fine.
        assert_eq!(
            roc_auc(&[1.0, 0.0], &[f64::INFINITY, f64::NEG_INFINITY]).unwrap(),
            1.0
        );
    }

    #[test]
    fn roc_curve_area_is_roc_auc() {
        let y = [0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0];
        let s = [0.1, 0.4, 0.4, 0.4, 0.9, 0.2, 0.75, 0.3];
        let c = roc_curve(&y, &s).unwrap();
        let area: f64 = c
            .windows(2)
            .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
            .sum();
        assert!((area - roc_auc(&y, &s).unwrap()).abs() < 1e-15);
        assert_eq!(c.len(), 7);
        assert!(c.windows(2).all(|w| w[0].threshold > w[1].threshold));
    }

    #[test]
    fn keras_auc_grid_and_clipping() {
        // Scores outside [0, 1] are clipped like Keras: -3 and 0 tie, 2 and 1 tie.
        let y = [0.0, 1.0, 0.0, 1.0];
        let s = [-3.0, 0.0, 1.0, 2.0];
        assert_eq!(keras_auc(&y, &s, 200).unwrap(), 0.5);
        // With 2 thresholds everything in [0, 1] is one cell: AUC 0.5.
        assert_eq!(keras_auc(&[0.0, 1.0], &[0.1, 0.9], 2).unwrap(), 0.5);
        assert_eq!(keras_auc(&[0.0, 1.0], &[0.1, 0.9], 200).unwrap(), 1.0);
        // Huge num_thresholds must not allocate anything.
        assert_eq!(
            keras_auc(&[0.0, 1.0], &[0.1, 0.9], usize::MAX).unwrap(),
            1.0
        );
    }

    #[test]
    fn iou_and_accuracies() {
        assert_eq!(iou(&[0.0, 0.0], &[0.0, 0.0], 0.5).unwrap(), 1.0);
        assert_eq!(iou(&[1.0, 0.0], &[0.0, 0.0], 0.5).unwrap(), 0.0);
        assert_eq!(
            categorical_accuracy(&[0.0, 0.0, 0.0], &[0.1, 0.2, 0.3]).unwrap(),
            0.0
        );
        assert_eq!(
            categorical_accuracy(&[0.0, 0.0, 0.0], &[0.4, 0.2, 0.3]).unwrap(),
            1.0
        );
        assert_eq!(
            top_k_categorical_accuracy(&[1.0, 0.0], &[0.1, 0.9], 0).unwrap(),
            0.0
        );
        assert_eq!(
            top_k_categorical_accuracy(&[1.0, 0.0], &[0.1, 0.9], 9).unwrap(),
            1.0
        );
        assert_eq!(
            top_k_categorical_accuracy(&[1.0, 0.0], &[f64::NAN, 0.9], 1).unwrap(),
            0.0
        );
    }
}
