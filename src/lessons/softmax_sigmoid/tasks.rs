//! Lesson 2's task conditions: plain functions of what the step shows, tested on the host.

use crate::math;

/// Task: every sigmoid output is above 0.5.
pub fn all_sigmoids_above_half(z: &[f64]) -> bool {
    !z.is_empty() && z.iter().all(|v| math::sigmoid(*v) > 0.5)
}

/// Task: the sigmoid outputs add up to more than 2.
pub fn sigmoid_sum_above_2(z: &[f64]) -> bool {
    z.iter().map(|v| math::sigmoid(*v)).sum::<f64>() > 2.0
}

/// How many softmax outputs exceed 0.5 (never more than one).
pub fn softmax_above_half(z: &[f64]) -> usize {
    math::softmax(z).iter().filter(|p| **p > 0.5).count()
}

/// Task: two-class softmax gives class 0 a probability of 0.75 ± 0.005.
pub fn two_class_p_is_075(z: &[f64]) -> bool {
    z.len() == 2 && (math::softmax(z)[0] - 0.75).abs() <= 0.005
}

/// σ of every logit: what a sigmoid head outputs.
pub fn sigmoids(z: &[f64]) -> Vec<f64> {
    z.iter().map(|v| math::sigmoid(*v)).collect()
}

/// softmax(z / T), or the logits' softmax if T is not usable.
pub fn tempered(z: &[f64], t: f64) -> Vec<f64> {
    math::softmax_with_temperature(z, t).unwrap_or_else(|_| math::softmax(z))
}

/// Task: the largest probability of softmax(z / T) exceeds 0.99.
pub fn nearly_one_hot(z: &[f64], t: f64) -> bool {
    tempered(z, t).iter().any(|p| *p > 0.99)
}

/// Task: the entropy of softmax(z / T) exceeds 99 % of its maximum ln C.
pub fn nearly_uniform(z: &[f64], t: f64) -> bool {
    z.len() > 1 && math::entropy(&tempered(z, t)) > 0.99 * (z.len() as f64).ln()
}

/// Task: the multi-class model says "bird" (class 2) with probability above 0.5.
pub fn says_bird(z: &[f64]) -> bool {
    math::softmax(z).get(2).is_some_and(|p| *p > 0.5)
}

/// Task: every sigmoid is on the right side of 0.5 for `target`.
pub fn labels_match(z: &[f64], target: &[bool]) -> bool {
    z.len() == target.len()
        && z.iter()
            .zip(target)
            .all(|(v, t)| (math::sigmoid(*v) > 0.5) == *t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::softmax_sigmoid::MOVIE_TARGET;

    #[test]
    fn two_heads_tasks() {
        assert!(!all_sigmoids_above_half(&[1.0, -0.5, -1.0]));
        assert!(all_sigmoids_above_half(&[0.1, 0.2, 0.3]));
        assert!(
            !all_sigmoids_above_half(&[0.1, 0.0, 0.3]),
            "σ(0) = 0.5 is not above"
        );
        assert!(!sigmoid_sum_above_2(&[0.5, 0.5, 0.5]), "3 × 0.62 = 1.87");
        assert!(sigmoid_sum_above_2(&[2.0, 2.0, 2.0]));
        // However large the logits, at most one softmax output exceeds 0.5.
        for z in [
            [12.0, 12.0, 12.0],
            [12.0, 11.9, -12.0],
            [0.0, 0.0, 0.0],
            [9.0, -9.0, 0.0],
        ] {
            assert!(softmax_above_half(&z) <= 1);
        }
    }

    #[test]
    fn two_class_and_temperature_tasks() {
        assert!(two_class_p_is_075(&[3f64.ln(), 0.0]));
        assert!(two_class_p_is_075(&[5.0 + 3f64.ln(), 5.0]));
        assert!(!two_class_p_is_075(&[1.0, 0.0]));
        let z = [2.0, 1.0, 0.5];
        assert!(!nearly_one_hot(&z, 1.0));
        assert!(nearly_one_hot(&z, 0.1));
        assert!(!nearly_uniform(&z, 1.0));
        assert!(nearly_uniform(&z, 20.0));
        // The lesson's numbers: z = [12, −12, 0] at T = 10.
        let p = tempered(&[12.0, -12.0, 0.0], 10.0);
        assert!(
            (p[0] - 0.72).abs() < 0.005
                && (p[1] - 0.07).abs() < 0.005
                && (p[2] - 0.22).abs() < 0.005
        );
        // A tie at the top splits equally at low temperature.
        let p = tempered(&[3.0, 3.0, 0.0], 0.05);
        assert!((p[0] - 0.5).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn labelling_tasks() {
        // The step's starting logits satisfy neither task.
        assert!(!says_bird(&[1.0, -0.5, 0.5]));
        assert!(!labels_match(&[1.0, -0.5, 0.5], &MOVIE_TARGET));
        assert!(says_bird(&[1.0, 0.5, 3.0]));
        assert!(labels_match(&[1.0, 0.5, -0.5], &MOVIE_TARGET));
        assert!(!labels_match(&[1.0, -0.5, -0.5], &MOVIE_TARGET));
        assert!(!labels_match(&[1.0, 0.5], &MOVIE_TARGET));
    }
}
