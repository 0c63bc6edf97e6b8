//! What Keras does that lesson 3 shows: label smoothing, the strict threshold of its ROC
//! points, and the accuracy it picks for metrics=["accuracy"].

use super::link::TargetShape;
use crate::math;

/// Keras' label smoothing for categorical targets: y(1 − ls) + ls/C.
pub fn smooth(y: &[f64], ls: f64) -> Vec<f64> {
    let c = y.len().max(1) as f64;
    y.iter().map(|v| v * (1.0 - ls) + ls / c).collect()
}

/// The ROC curve of the scores with each point's threshold for Keras' rule "predicted when
/// score > threshold": halfway between the lowest score the point counts and the next lower
/// score (any threshold in between gives the same point); 1 for the first point (nothing
/// scores above 1) and 0 for the last (every score is above 0).
pub fn roc_points_strict(y: &[f64], scores: &[f64]) -> Vec<math::RocPoint> {
    let mut points = math::roc_curve(y, scores).unwrap_or_default();
    let cuts: Vec<f64> = points.iter().map(|p| p.threshold).collect();
    let n = points.len();
    for (i, point) in points.iter_mut().enumerate() {
        point.threshold = if i == 0 {
            1.0
        } else if i + 1 == n {
            0.0
        } else {
            (cuts[i] + cuts[i + 1]) / 2.0
        };
    }
    points
}

/// Which accuracy Keras 3 substitutes for the string "accuracy".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccuracyKind {
    /// `binary_accuracy`.
    Binary,
    /// `sparse_categorical_accuracy`.
    SparseCategorical,
    /// `categorical_accuracy`.
    Categorical,
}

impl AccuracyKind {
    /// The Keras function name.
    pub fn name(self) -> &'static str {
        match self {
            AccuracyKind::Binary => "binary_accuracy",
            AccuracyKind::SparseCategorical => "sparse_categorical_accuracy",
            AccuracyKind::Categorical => "categorical_accuracy",
        }
    }
}

/// Keras 3's rule (`is_binary_or_sparse_categorical` in `trainers/compile_utils.py`): binary
/// when the output's last dimension is 1; sparse categorical when the target has lower rank
/// than the output, or a last dimension of 1 against more than 1; otherwise categorical.
/// `classes` is C, the output width when `single_output` is false.
pub fn keras_accuracy_kind(
    target: TargetShape,
    single_output: bool,
    classes: usize,
) -> AccuracyKind {
    let (t_rank, t_last) = match target {
        TargetShape::OneHot | TargetShape::MultiHot => (2, classes),
        TargetShape::Integer => (1, 1),
        TargetShape::IntegerColumn => (2, 1),
    };
    let (p_rank, p_last) = (2, if single_output { 1 } else { classes });
    let is_binary = p_last == 1;
    let is_sparse = t_rank < p_rank || (t_last == 1 && p_last > 1);
    if is_binary {
        AccuracyKind::Binary
    } else if is_sparse {
        AccuracyKind::SparseCategorical
    } else {
        AccuracyKind::Categorical
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::losses_metrics::batch::batch;

    #[test]
    fn keras_picks_accuracy_from_shapes() {
        use AccuracyKind::*;
        use TargetShape::*;
        assert_eq!(keras_accuracy_kind(Integer, false, 5), SparseCategorical);
        assert_eq!(
            keras_accuracy_kind(IntegerColumn, false, 5),
            SparseCategorical
        );
        assert_eq!(keras_accuracy_kind(OneHot, false, 5), Categorical);
        assert_eq!(keras_accuracy_kind(MultiHot, false, 5), Categorical);
        assert_eq!(keras_accuracy_kind(IntegerColumn, true, 5), Binary);
        // A multi-hot row [0, 1, 1] whose output peaks at label 2 scores 0.
        assert_eq!(
            math::categorical_accuracy(&[0.0, 1.0, 1.0], &[0.1, 0.5, 0.9]).unwrap(),
            0.0
        );
        assert_eq!(
            math::categorical_accuracy(&[0.0, 0.0, 0.0], &[0.9, 0.5, 0.1]).unwrap(),
            1.0
        );
    }

    #[test]
    fn strict_thresholds_give_the_same_points() {
        let b = batch();
        let p = b.probabilities(0.0);
        let points = roc_points_strict(&b.y_true, &p);
        let (pos, neg) = (b.positives(), b.y_true.len() - b.positives());
        for point in &points {
            let above: Vec<f64> = p
                .iter()
                .map(|s| if *s > point.threshold { 1.0 } else { 0.0 })
                .collect();
            let tp = above
                .iter()
                .zip(&b.y_true)
                .filter(|(a, y)| **a == 1.0 && **y == 1.0)
                .count();
            let fp = above
                .iter()
                .zip(&b.y_true)
                .filter(|(a, y)| **a == 1.0 && **y == 0.0)
                .count();
            assert_eq!(tp as f64 / pos as f64, point.tpr);
            assert_eq!(fp as f64 / neg as f64, point.fpr);
        }
        assert_eq!(points[0].threshold, 1.0);
        assert_eq!(points[points.len() - 1].threshold, 0.0);
    }
}
