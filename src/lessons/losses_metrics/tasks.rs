//! Lesson 3's task conditions: plain functions of what the step shows, tested on the host.

use super::batch::{Batch, BatchMetrics};
use super::keras_rules::smooth;
use crate::math;

/// Task: with smoothing ≥ 0.1, the categorical loss is within 0.005 of its minimum, the
/// entropy of the smoothed target (loss − entropy is the KL divergence).
pub fn at_smoothed_optimum(y: &[f64], z: &[f64], ls: f64) -> bool {
    if ls < 0.1 - 1e-9 {
        return false;
    }
    let target = smooth(y, ls);
    let floor = math::entropy(&target);
    math::categorical_crossentropy(y, z, true, ls).is_ok_and(|l| l - floor < 0.005)
}

/// The 1-based rank of class `c` among the scores (1 = highest; ties rank higher).
pub fn rank_of(z: &[f64], c: usize) -> usize {
    let Some(v) = z.get(c) else { return 0 };
    1 + z.iter().filter(|x| **x > *v).count()
}

/// Task: the threshold on raw logits that matches probabilities at 0.5 is 0.
pub fn logit_threshold_matches(raw_logits: bool, threshold: f64) -> bool {
    raw_logits && threshold.abs() < 1e-9
}

/// Task: all-negative model: recall 0 and accuracy ≥ 0.85.
pub fn is_all_negative(m: &BatchMetrics) -> bool {
    m.recall == 0.0 && m.accuracy >= 0.85
}

/// The best F1 over the bias slider's positions (−10 to 4 in steps of 0.25).
pub fn best_f1(batch: &Batch) -> f64 {
    bias_positions()
        .map(|b| batch.metrics(b).f1)
        .fold(0.0, f64::max)
}

/// The bias slider's positions.
pub fn bias_positions() -> impl Iterator<Item = f64> {
    (0..=56).map(|k| -10.0 + 0.25 * k as f64)
}

/// Task: the operating point has recall ≥ 0.8 at the lowest false positive rate possible.
pub fn is_best_recall_80(points: &[math::RocPoint], index: usize) -> bool {
    let best = points
        .iter()
        .filter(|p| p.tpr >= 0.8)
        .map(|p| p.fpr)
        .fold(f64::INFINITY, f64::min);
    points
        .get(index)
        .is_some_and(|p| p.tpr >= 0.8 && p.fpr <= best + 1e-12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::losses_metrics::batch::batch;

    #[test]
    fn task_conditions() {
        let y = [0.0, 1.0, 0.0, 0.0];
        assert!(!at_smoothed_optimum(&y, &[0.0, 0.0, 0.0, 0.0], 0.1));
        // The optimum: p = smoothed target, i.e. logits = ln(target) (up to a shift).
        let target = smooth(&y, 0.1);
        let z: Vec<f64> = target.iter().map(|t| t.ln()).collect();
        assert!(at_smoothed_optimum(&y, &z, 0.1));
        assert!(
            !at_smoothed_optimum(&y, &z, 0.05),
            "needs smoothing of at least 0.1"
        );
        assert!((target[1] - 0.925).abs() < 1e-15);
        assert_eq!(rank_of(&[2.0, 0.5, 1.0, -0.5, -1.0], 1), 3);
        assert_eq!(rank_of(&[2.0, 1.5, 1.0, -0.5, -1.0], 1), 2);
        assert!(logit_threshold_matches(true, 0.0));
        assert!(!logit_threshold_matches(true, 0.5));
        assert!(!logit_threshold_matches(false, 0.0));
        let b = batch();
        let points = math::roc_curve(&b.y_true, &b.probabilities(0.0)).unwrap();
        assert!(!is_best_recall_80(&points, 0));
        let i = (0..points.len())
            .find(|i| is_best_recall_80(&points, *i))
            .unwrap();
        assert!(points[i].tpr >= 0.8);
    }
}
