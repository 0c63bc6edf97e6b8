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
//!
//! The metrics live in `threshold.rs`, `ranking.rs` and `categorical.rs`, re-exported here;
//! this file holds the result types and the label checks they share.

mod categorical;
mod ranking;
#[cfg(test)]
mod tests;
mod threshold;

pub use categorical::{categorical_accuracy, top_k_categorical_accuracy};
pub use ranking::{average_precision, keras_auc, roc_auc, roc_curve, RocAucInSlices};
pub use threshold::{binary_accuracy, confusion_matrix, f1_score, iou, precision, recall};

use super::error::{check_pair, MathError};

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

/// The labels of a binary metric as booleans, once `y_true` and the `scores` (called
/// `name` in the error) are checked: non-empty, of one length, every label 0 or 1.
fn binary_labels(
    y_true: &[f64],
    (name, scores): (&'static str, &[f64]),
) -> Result<Vec<bool>, MathError> {
    check_pair("y_true", y_true, name, scores)?;
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
