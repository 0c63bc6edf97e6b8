//! Step 3's threshold as the learner moves it: between a ROC point and the threshold that
//! selects it, and from the log₁₀ slider (host-compiled, tested below).

use super::LOG_THRESHOLD_RANGE;
use crate::math::RocPoint;

/// The ROC point whose positives are exactly the scores above `threshold` (the rule of
/// the confusion matrix, score > t): point k ≥ 1 counts the k highest distinct scores,
/// so it is the number of distinct scores above t. 0 when the curve is empty.
pub fn roc_index_for_threshold(points: &[RocPoint], threshold: f64) -> usize {
    if threshold.is_nan() {
        return 0;
    }
    points
        .iter()
        .skip(1)
        .filter(|p| p.threshold > threshold)
        .count()
}

/// A threshold that selects ROC point `index`: between that point's score and the next
/// lower one (their geometric mean when both are positive, so it sits in the middle on a
/// log axis); above the top score for point 0; below the lowest score for the last.
pub fn threshold_for_roc_index(points: &[RocPoint], index: usize) -> f64 {
    let scores: Vec<f64> = points.iter().skip(1).map(|p| p.threshold).collect();
    let Some(&top) = scores.first() else {
        return 0.0;
    };
    let between = |hi: f64, lo: f64| {
        if hi > 0.0 && lo > 0.0 {
            (hi * lo).sqrt()
        } else {
            (hi + lo) / 2.0
        }
    };
    match index {
        0 => {
            if top > 0.0 {
                top * 1.25
            } else {
                top + 1.0
            }
        }
        k if k >= scores.len() => {
            let last = scores[scores.len() - 1];
            if last > 0.0 {
                last * 0.8
            } else {
                last - 1.0
            }
        }
        k => between(scores[k - 1], scores[k]),
    }
}

/// The threshold for a position of the (log₁₀) threshold slider, clamped to its range.
pub fn threshold_from_slider(log10: f64) -> f64 {
    let (lo, hi) = LOG_THRESHOLD_RANGE;
    let v = if log10.is_finite() {
        log10.clamp(lo, hi)
    } else {
        lo
    };
    10f64.powf(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math;

    fn roc(labels: &[f64], scores: &[f64]) -> Vec<RocPoint> {
        math::roc_curve(labels, scores).unwrap()
    }

    #[test]
    fn roc_points_and_thresholds_agree_with_the_confusion_matrix() {
        let labels = [0.0, 0.0, 1.0, 1.0, 0.0, 1.0];
        let scores = [0.001, 0.002, 0.004, 0.004, 0.003, 0.01];
        let points = roc(&labels, &scores);
        for k in 0..points.len() {
            let t = threshold_for_roc_index(&points, k);
            assert_eq!(roc_index_for_threshold(&points, t), k, "point {k}, t = {t}");
            // The point's rates equal the confusion matrix's at t.
            let cm = math::confusion_matrix(&labels, &scores, t).unwrap();
            let p = points[k];
            assert!((p.tpr - cm.tp as f64 / 3.0).abs() < 1e-12);
            assert!((p.fpr - cm.fp as f64 / 3.0).abs() < 1e-12);
        }
        assert_eq!(roc_index_for_threshold(&points, 1.0), 0);
        assert_eq!(roc_index_for_threshold(&points, 0.0), points.len() - 1);
        assert_eq!(roc_index_for_threshold(&points, f64::NAN), 0);
        assert_eq!(roc_index_for_threshold(&[], 0.5), 0);
        assert_eq!(threshold_for_roc_index(&[], 3), 0.0);
        // Negative scores still give thresholds in the right gaps.
        let points = roc(&[0.0, 1.0], &[-1.0, 0.0]);
        for k in 0..points.len() {
            let t = threshold_for_roc_index(&points, k);
            assert_eq!(roc_index_for_threshold(&points, t), k);
        }
        assert_eq!(threshold_from_slider(-3.0), 1e-3);
        assert_eq!(
            threshold_from_slider(9.0),
            10f64.powf(LOG_THRESHOLD_RANGE.1)
        );
        assert_eq!(
            threshold_from_slider(f64::NAN),
            10f64.powf(LOG_THRESHOLD_RANGE.0)
        );
    }
}
