//! Calibration of the pasted outputs: how sure the model is (the top-class probability) and
//! whether it is right as often as it is sure (reliability bins and the expected calibration
//! error), and a row's logits for the Playground.

use super::diagnose::Task;
use super::report::Report;

/// How many equal-width bins of confidence the pictures use.
pub const BINS: usize = 10;

/// One confidence bin of the reliability diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    /// Predictions whose confidence falls in the bin.
    pub count: usize,
    /// Their mean confidence.
    pub confidence: f64,
    /// The fraction of them that is right.
    pub accuracy: f64,
}

/// The top-label calibration of a report: the histogram of confidences, the reliability bins
/// and the expected calibration error.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// Predictions per confidence bin ([0, 0.1), [0.1, 0.2), …, [0.9, 1]).
    pub histogram: Vec<usize>,
    /// The reliability bins (empty bins have count 0).
    pub bins: Vec<Bin>,
    /// ECE = Σ_b (n_b / N)·|accuracy_b − confidence_b|.
    pub ece: f64,
    /// How many predictions were binned.
    pub predictions: usize,
}

/// The bin of a confidence in [0, 1].
fn bin_of(p: f64) -> usize {
    ((p * BINS as f64).floor() as usize).min(BINS - 1)
}

/// Every prediction's confidence and whether it is right (top-label): for a multi-class
/// task one per row (confidence = the largest probability, right when its class is the
/// label's); otherwise one per output (confidence = max(p, 1 − p), right when p > 0.5
/// matches the 0/1 label).
pub fn predictions(report: &Report, cols: usize, task: Task) -> Vec<(f64, bool)> {
    let p = &report.probabilities;
    let y = &report.targets;
    if task == Task::MultiClass && cols > 1 {
        p.chunks(cols)
            .zip(y.chunks(cols))
            .map(|(row, lab)| {
                let k = crate::math::argmax(row);
                (row[k], lab[k] == 1.0)
            })
            .collect()
    } else {
        p.iter()
            .zip(y)
            .map(|(&q, &t)| (q.max(1.0 - q), (q > 0.5) == (t == 1.0)))
            .collect()
    }
}

/// Top-label calibration of [`predictions`]: histogram, reliability bins and ECE.
pub fn calibration(report: &Report, cols: usize, task: Task) -> Calibration {
    let pairs = predictions(report, cols, task);
    let mut histogram = vec![0; BINS];
    let mut sums = vec![(0.0, 0.0); BINS];
    for &(conf, right) in &pairs {
        if !conf.is_finite() {
            continue;
        }
        let b = bin_of(conf.clamp(0.0, 1.0));
        histogram[b] += 1;
        sums[b].0 += conf;
        sums[b].1 += if right { 1.0 } else { 0.0 };
    }
    let n: usize = histogram.iter().sum();
    let bins: Vec<Bin> = histogram
        .iter()
        .zip(&sums)
        .map(|(&count, &(c, a))| Bin {
            count,
            confidence: if count > 0 { c / count as f64 } else { 0.0 },
            accuracy: if count > 0 { a / count as f64 } else { 0.0 },
        })
        .collect();
    let ece = if n == 0 {
        0.0
    } else {
        bins.iter()
            .map(|b| b.count as f64 / n as f64 * (b.accuracy - b.confidence).abs())
            .sum()
    };
    Calibration {
        histogram,
        bins,
        ece,
        predictions: n,
    }
}

/// Logits for a row, for the Playground: the row itself if it holds logits, ln p for softmax
/// probabilities (softmax(ln p) = p), logit(p) for sigmoid ones; clamped to the Playground's
/// ±120 so a probability of exactly 0 still opens.
pub fn row_logits(row: &[f64], logits: bool, softmax: bool) -> Vec<f64> {
    let z: Vec<f64> = if logits {
        row.to_vec()
    } else if softmax {
        let lp: Vec<f64> = row.iter().map(|p| p.max(1e-300).ln()).collect();
        let top = lp.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        lp.iter().map(|v| v - top).collect()
    } else {
        row.iter().map(|&p| crate::math::logit(p)).collect()
    };
    z.iter()
        .map(|v| {
            if v.is_nan() {
                0.0
            } else {
                (v * 1e4).round() / 1e4
            }
        })
        .map(|v| v.clamp(-120.0, 120.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;

    #[test]
    fn a_sure_and_right_model_is_calibrated_and_a_hedging_one_is_not() {
        let o = check("[[0.95, 0.05], [0.05, 0.95]]", "[0, 1]");
        let d = o.diagnosis.unwrap();
        let c = calibration(d.report.as_ref().unwrap(), 2, d.task.kind);
        assert_eq!(c.histogram[9], 2);
        assert!((c.ece - 0.05).abs() < 1e-12, "{}", c.ece);
        // Right only half the time at 0.95: ECE = |0.5 − 0.95|.
        let o = check("[[0.95, 0.05], [0.95, 0.05]]", "[0, 1]");
        let d = o.diagnosis.unwrap();
        let c = calibration(d.report.as_ref().unwrap(), 2, d.task.kind);
        assert!((c.ece - 0.45).abs() < 1e-12, "{}", c.ece);
        assert_eq!(c.bins[9].count, 2);
        assert_eq!(c.bins[9].accuracy, 0.5);
    }

    #[test]
    fn binary_outputs_are_binned_per_output() {
        let o = check("[0.9, 0.2, 0.6, 0.45]", "[1, 0, 0, 0]");
        let d = o.diagnosis.unwrap();
        let c = calibration(d.report.as_ref().unwrap(), 1, d.task.kind);
        assert_eq!(c.predictions, 4);
        // Confidences 0.9, 0.8, 0.6, 0.55: the 0.6 one is wrong.
        assert_eq!(
            c.histogram[9] + c.histogram[8] + c.histogram[6] + c.histogram[5],
            4
        );
        assert_eq!(c.bins[6].accuracy, 0.0);
    }

    #[test]
    fn rows_become_playground_logits() {
        let z = row_logits(&[0.5, 0.25, 0.25], false, true);
        assert_eq!(z[0], 0.0);
        assert_eq!((z[1] * 1e4).round(), -6931.0);
        assert_eq!(row_logits(&[1.0, 0.0], false, true), vec![0.0, -120.0]);
        assert_eq!(row_logits(&[0.5], false, false), vec![0.0]);
        assert_eq!(row_logits(&[2.5, -300.0], true, true), vec![2.5, -120.0]);
    }
}
