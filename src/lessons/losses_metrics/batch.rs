//! Lesson 3's batch: ten samples of five labels, the logits a model gave them, and every
//! metric the lesson reads off it.

use crate::math;
use crate::model::rng::Rng;

/// Samples in the batch.
pub const BATCH_ROWS: usize = 10;
/// Labels per sample.
pub const BATCH_COLS: usize = 5;
/// The seed of the batch: chosen so that positives are sparse (6 of 50) and Keras' default
/// `AUC()` differs visibly from the exact ROC AUC (0.9091 against 0.9034).
pub const BATCH_SEED: u64 = 1231;

/// A batch of multi-label targets and the logits a model gave them (row-major).
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// 0/1 targets, `BATCH_ROWS × BATCH_COLS`.
    pub y_true: Vec<f64>,
    /// Logits, same layout.
    pub logits: Vec<f64>,
}

/// The lesson's batch: about 14 % positives; a positive's logit ~ N(1.2, 1.3²), a
/// negative's ~ N(−2, 1.3²), rounded to 2 decimals. Deterministic.
pub fn batch() -> Batch {
    let mut rng = Rng::new(BATCH_SEED);
    let mut y_true = Vec::with_capacity(BATCH_ROWS * BATCH_COLS);
    let mut logits = Vec::with_capacity(BATCH_ROWS * BATCH_COLS);
    for _ in 0..BATCH_ROWS * BATCH_COLS {
        let positive = rng.uniform() < 0.14;
        y_true.push(if positive { 1.0 } else { 0.0 });
        let mean = if positive { 1.2 } else { -2.0 };
        logits.push(((mean + 1.3 * rng.normal()) * 100.0).round() / 100.0);
    }
    Batch { y_true, logits }
}

/// A binary metric of the math core: (y_true, y_pred, threshold) → value.
type BinaryMetric = fn(&[f64], &[f64], f64) -> Result<f64, math::MathError>;

/// Metrics of the batch with `bias` added to every logit, at threshold 0.5 on σ.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchMetrics {
    /// Keras `BinaryAccuracy()`: the mean over all labels of all samples.
    pub accuracy: f64,
    /// Precision over all labels (micro).
    pub precision: f64,
    /// Recall over all labels (micro).
    pub recall: f64,
    /// F1 over all labels (micro).
    pub f1: f64,
    /// Per label: (precision, recall, F1).
    pub per_label: Vec<(f64, f64, f64)>,
}

impl Batch {
    /// σ(z + bias) for every cell.
    pub fn probabilities(&self, bias: f64) -> Vec<f64> {
        self.logits
            .iter()
            .map(|z| math::sigmoid(z + bias))
            .collect()
    }

    /// Number of positive labels.
    pub fn positives(&self) -> usize {
        self.y_true.iter().filter(|y| **y == 1.0).count()
    }

    /// Column `c` of a row-major vector.
    pub fn column(values: &[f64], c: usize) -> Vec<f64> {
        values.iter().skip(c).step_by(BATCH_COLS).copied().collect()
    }

    /// Every metric at threshold 0.5 with `bias` added to the logits.
    pub fn metrics(&self, bias: f64) -> BatchMetrics {
        let p = self.probabilities(bias);
        let y = &self.y_true;
        let m = |f: BinaryMetric, y: &[f64], p: &[f64]| f(y, p, 0.5).unwrap_or(0.0);
        let per_label = (0..BATCH_COLS)
            .map(|c| {
                let (yc, pc) = (Self::column(y, c), Self::column(&p, c));
                (
                    m(math::precision, &yc, &pc),
                    m(math::recall, &yc, &pc),
                    m(math::f1_score, &yc, &pc),
                )
            })
            .collect();
        BatchMetrics {
            accuracy: m(math::binary_accuracy, y, &p),
            precision: m(math::precision, y, &p),
            recall: m(math::recall, y, &p),
            f1: m(math::f1_score, y, &p),
            per_label,
        }
    }

    /// Keras `categorical_accuracy` over the batch, which is what `metrics=["accuracy"]`
    /// computes for multi-hot (B, C) targets against (B, C) outputs: per row, argmax of
    /// the targets (the first positive; 0 for an all-zero row) against argmax of the outputs.
    pub fn categorical_accuracy(&self, bias: f64) -> f64 {
        let p = self.probabilities(bias);
        let hits: f64 = (0..BATCH_ROWS)
            .map(|r| {
                let row = r * BATCH_COLS..(r + 1) * BATCH_COLS;
                math::categorical_accuracy(&self.y_true[row.clone()], &p[row]).unwrap_or(0.0)
            })
            .sum();
        hits / BATCH_ROWS as f64
    }

    /// Row `r` of a row-major vector.
    pub fn row(values: &[f64], r: usize) -> Vec<f64> {
        values[r * BATCH_COLS..(r + 1) * BATCH_COLS].to_vec()
    }

    /// Each sample's single class when a multi-hot row is read as one class: its first
    /// positive label, 0 for a row with none (what `argmax` of the row gives).
    pub fn first_positive(&self) -> Vec<usize> {
        (0..BATCH_ROWS)
            .map(|r| {
                Self::row(&self.y_true, r)
                    .iter()
                    .position(|y| *y == 1.0)
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Keras' `AUC(multi_label=True)` (200 thresholds): one AUC per label, then their plain
    /// mean. A label with no positive (or no negative) in the batch counts as 0.
    pub fn keras_multi_label_auc(&self, bias: f64) -> (f64, Vec<f64>) {
        let p = self.probabilities(bias);
        let per_label: Vec<f64> = (0..BATCH_COLS)
            .map(|c| {
                math::keras_auc(&Self::column(&self.y_true, c), &Self::column(&p, c), 200)
                    .unwrap_or(0.0)
            })
            .collect();
        (per_label.iter().sum::<f64>() / BATCH_COLS as f64, per_label)
    }

    /// Positives per label.
    pub fn positives_per_label(&self) -> Vec<usize> {
        (0..BATCH_COLS)
            .map(|c| {
                Self::column(&self.y_true, c)
                    .iter()
                    .filter(|y| **y == 1.0)
                    .count()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::losses_metrics::tasks::{best_f1, is_all_negative};

    #[test]
    fn the_batch_has_the_promised_properties() {
        let b = batch();
        assert_eq!(b, batch(), "deterministic");
        assert_eq!(b.y_true.len(), BATCH_ROWS * BATCH_COLS);
        assert_eq!(b.positives(), 6);
        let p = b.probabilities(0.0);
        let exact = math::roc_auc(&b.y_true, &p).unwrap();
        let keras = math::keras_auc(&b.y_true, &p, 200).unwrap();
        assert!((exact - 0.9034).abs() < 5e-4, "{exact}");
        assert!((keras - 0.9091).abs() < 5e-4, "{keras}");
        // The trap: saying no everywhere scores 88 % with recall 0.
        let none = b.metrics(-10.0);
        assert!(is_all_negative(&none));
        assert!((none.accuracy - 0.88).abs() < 1e-12);
        assert!(!is_all_negative(&b.metrics(0.0)));
        assert!(best_f1(&b) > b.metrics(-10.0).f1);
        assert!(b.metrics(0.0).f1 < best_f1(&b) + 1e-12);
    }

    #[test]
    fn metrics_over_the_batch_equal_the_math_core() {
        let b = batch();
        let p = b.probabilities(0.5);
        let m = b.metrics(0.5);
        assert_eq!(
            m.accuracy,
            math::binary_accuracy(&b.y_true, &p, 0.5).unwrap()
        );
        assert_eq!(m.recall, math::recall(&b.y_true, &p, 0.5).unwrap());
        assert_eq!(m.precision, math::precision(&b.y_true, &p, 0.5).unwrap());
    }
}
