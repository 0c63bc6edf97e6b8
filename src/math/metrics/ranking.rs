//! Ranking metrics over every threshold: ROC AUC, the ROC curve, average precision, Keras' AUC.

use std::cmp::Ordering;

use super::{binary_labels, RocPoint};
use crate::math::error::MathError;

/// Labels and scores checked for ranking metrics.
fn ranking_inputs(y_true: &[f64], scores: &[f64]) -> Result<Vec<bool>, MathError> {
    let labels = binary_labels(y_true, ("scores", scores))?;
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
    // above thresholds 0..=b and not above b + 1. Counting per bucket is the grouping
    // `groups_desc` would do, without sorting: linear in the number of scores.
    let cells = (num_thresholds - 1) as f64;
    let bucket = |s: f64| ((s.clamp(0.0, 1.0) * cells).ceil() - 1.0).max(0.0);
    if num_thresholds > scores.len().max(1 << 16) {
        // More cells than scores: sorting the few scores beats a mostly empty table.
        let buckets: Vec<f64> = scores.iter().map(|&s| bucket(s)).collect();
        return Ok(auc_from_groups(&groups_desc(&labels, &buckets), pos, neg));
    }
    let mut counts = vec![(0usize, 0usize); num_thresholds - 1];
    for (&s, &positive) in scores.iter().zip(&labels) {
        let c = &mut counts[(bucket(s) as usize).min(num_thresholds - 2)];
        if positive {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let groups: Vec<(f64, usize, usize)> = counts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, &(p, n))| p + n > 0)
        .map(|(b, &(p, n))| (b as f64, p, n))
        .collect();
    Ok(auc_from_groups(&groups, pos, neg))
}

/// [`roc_auc`] computed in slices, for a page that must not hold the main thread: a
/// bottom-up merge sort whose [`RocAucInSlices::step`] does about `budget` elements' work.
/// The result is exactly [`roc_auc`]'s (the same groups, the same integer sum).
#[derive(Clone, Debug, PartialEq)]
pub struct RocAucInSlices {
    /// (score, is positive), sorted in runs of `width` (decreasing score).
    keys: Vec<(f64, bool)>,
    spare: Vec<(f64, bool)>,
    /// Sorted run length so far (0: the first runs are not sorted yet).
    width: usize,
    /// Where the current pass has got to.
    at: usize,
    pos: usize,
    neg: usize,
}

/// Length of the runs the first pass sorts in one go.
const FIRST_RUN: usize = 4096;

fn desc(a: &(f64, bool), b: &(f64, bool)) -> Ordering {
    b.0.partial_cmp(&a.0).unwrap_or(Ordering::Equal)
}

impl RocAucInSlices {
    /// Checks the inputs as [`roc_auc`] does; the sorting is left to [`Self::step`].
    pub fn new(y_true: &[f64], scores: &[f64]) -> Result<RocAucInSlices, MathError> {
        let labels = ranking_inputs(y_true, scores)?;
        let (pos, neg) = count_classes(&labels);
        need_both("ROC AUC", pos, neg)?;
        let keys: Vec<(f64, bool)> = scores.iter().copied().zip(labels).collect();
        Ok(RocAucInSlices {
            spare: Vec::with_capacity(keys.len()),
            keys,
            width: 0,
            at: 0,
            pos,
            neg,
        })
    }

    /// Does at least one unit and about `budget` elements' work; the AUC once done.
    pub fn step(&mut self, budget: usize) -> Option<f64> {
        let n = self.keys.len();
        let mut spent = 0;
        while spent < budget.max(1) {
            if self.width >= n {
                return Some(self.finish());
            }
            if self.width == 0 {
                let end = (self.at + FIRST_RUN).min(n);
                self.keys[self.at..end].sort_unstable_by(desc);
                spent += end - self.at;
                self.at = end;
                if end == n {
                    self.width = FIRST_RUN;
                    self.at = 0;
                }
                continue;
            }
            // Merges the pair of runs starting at `at` into `spare`.
            let (w, a) = (self.width, self.at);
            let (mid, end) = ((a + w).min(n), (a + 2 * w).min(n));
            let (mut i, mut j) = (a, mid);
            while i < mid && j < end {
                if desc(&self.keys[j], &self.keys[i]) == Ordering::Less {
                    self.spare.push(self.keys[j]);
                    j += 1;
                } else {
                    self.spare.push(self.keys[i]);
                    i += 1;
                }
            }
            self.spare.extend_from_slice(&self.keys[i..mid]);
            self.spare.extend_from_slice(&self.keys[j..end]);
            spent += end - a;
            self.at = end;
            if end == n {
                std::mem::swap(&mut self.keys, &mut self.spare);
                self.spare.clear();
                self.width = w.saturating_mul(2);
                self.at = 0;
            }
        }
        (self.width >= n).then(|| self.finish())
    }

    /// Fraction of the work done, for a progress line.
    pub fn fraction(&self) -> f64 {
        let n = self.keys.len().max(2) as f64;
        let passes = (n / FIRST_RUN as f64).log2().ceil().max(0.0) + 1.0;
        let done = if self.width == 0 {
            0.0
        } else {
            (self.width as f64 / FIRST_RUN as f64).log2() + 1.0
        };
        ((done + self.at as f64 / n) / passes).min(1.0)
    }

    fn finish(&self) -> f64 {
        let mut groups: Vec<(f64, usize, usize)> = Vec::new();
        for &(s, positive) in &self.keys {
            let (p, q) = if positive { (1, 0) } else { (0, 1) };
            match groups.last_mut() {
                Some(last) if last.0 == s => {
                    last.1 += p;
                    last.2 += q;
                }
                _ => groups.push((s, p, q)),
            }
        }
        auc_from_groups(&groups, self.pos, self.neg)
    }
}
