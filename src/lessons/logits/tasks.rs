//! Lesson 1's task conditions: plain functions of what the step shows, tested on the host.

use crate::math;
use crate::playground::argmax;

/// Task: class 3 has the largest probability (strictly: a tie is not a win).
pub fn class_3_is_top(z: &[f64]) -> bool {
    z.len() > 3 && argmax(z) == 3 && z.iter().enumerate().all(|(i, v)| i == 3 || *v < z[3])
}

/// Task: softmax gives class 3 more than 0.9.
pub fn class_3_is_sure(z: &[f64]) -> bool {
    math::softmax(z).get(3).is_some_and(|p| *p > 0.9)
}

/// Task: the logits were shifted by at least +100 in total since the last drag.
pub fn shifted_enough(total_shift: f64) -> bool {
    total_shift >= 100.0 - 1e-9
}

/// Task: the point sits at p = 0.9 (to the slider's resolution).
pub fn found_p_09(p: f64) -> bool {
    (p - 0.9).abs() < 0.005 + 1e-12
}

/// Task: the naive float32 cross-entropy is no longer finite.
pub fn naive_is_broken(z: &[f64], class: usize) -> bool {
    !math::naive_cross_entropy_f32(z, class).is_finite()
}

/// Task: the true loss is clearly above the clipped path's ceiling (−ln 1e-7 ≈ 16.118).
pub fn clip_is_lying(z: &[f64], class: usize) -> bool {
    let exact = math::sparse_categorical_crossentropy(class, z, true).unwrap_or(0.0);
    let clipped = math::keras_probability_path_cross_entropy(z, class);
    exact - clipped > 0.5
}

/// Task: the correct categorical cross-entropy (from logits) is below 0.01.
pub fn correct_loss_is_low(z: &[f64], class: usize) -> bool {
    math::sparse_categorical_crossentropy(class, z, true).is_ok_and(|l| l < 0.01)
}

/// The smallest loss the double-softmax bug can ever report with C classes: the
/// probabilities fed as logits are at best [1, 0, …, 0], whose softmax gives the true class
/// e / (e + C − 1).
pub fn double_softmax_floor(classes: usize) -> f64 {
    (1.0 + (classes as f64 - 1.0) / std::f64::consts::E).ln()
}

/// Task: two classes, the second logit at 0 and the first away from 0, so logit(p₀) = z₀
/// is a real round trip.
pub fn round_trip_works(z: &[f64]) -> bool {
    z.len() == 2 && z[1] == 0.0 && z[0].abs() >= 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_3_tasks() {
        assert!(!class_3_is_top(&[1.5, 0.5, -0.5, -1.0]));
        assert!(class_3_is_top(&[1.5, 0.5, -0.5, 1.6]));
        assert!(
            !class_3_is_top(&[1.5, 0.5, -0.5, 1.5]),
            "a tie is not a win"
        );
        assert!(!class_3_is_top(&[1.0, 2.0]));
        assert!(!class_3_is_sure(&[1.5, 0.5, -0.5, 1.6]));
        assert!(class_3_is_sure(&[1.5, 0.5, -0.5, 4.5]));
    }

    #[test]
    fn shift_and_log_odds_tasks() {
        assert!(!shifted_enough(99.0));
        assert!(shifted_enough(100.0));
        assert!(shifted_enough(110.0));
        assert!(found_p_09(0.9));
        assert!(found_p_09(0.904));
        assert!(!found_p_09(0.91));
        assert!((math::logit(0.9) - 9f64.ln()).abs() < 1e-15);
    }

    #[test]
    fn stability_tasks() {
        assert!(!naive_is_broken(&[2.0, 1.0, 0.5], 0));
        assert!(
            naive_is_broken(&[88.4, 88.4, 0.0], 0),
            "the sum overflows first"
        );
        assert!(naive_is_broken(&[90.0, 0.0, 0.0], 1));
        assert!(!clip_is_lying(&[2.0, 1.0, 0.5], 0));
        assert!(
            !clip_is_lying(&[0.0, 16.0, 0.0], 0),
            "below the ceiling the two agree"
        );
        assert!(clip_is_lying(&[0.0, 30.0, 0.0], 0));
        assert!(
            (math::keras_probability_path_cross_entropy(&[0.0, 30.0, 0.0], 0)
                - 16.118_095_650_958_32)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn double_softmax_and_round_trip_tasks() {
        assert!(!correct_loss_is_low(&[2.0, 1.0, 0.5], 0));
        assert!(correct_loss_is_low(&[8.0, 1.0, 0.5], 0));
        assert!((double_softmax_floor(3) - (1.0 + 2.0 / std::f64::consts::E).ln()).abs() < 1e-15);
        // The bug's loss really cannot go below the floor.
        let p = math::softmax(&[50.0, -50.0, -50.0]);
        let bug = math::sparse_categorical_crossentropy(0, &p, true).unwrap();
        assert!(bug >= double_softmax_floor(3) - 1e-12 && bug < double_softmax_floor(3) + 1e-9);
        assert!(round_trip_works(&[2.0, 0.0]));
        assert!(!round_trip_works(&[2.0, 1.0, 0.5]));
        assert!(!round_trip_works(&[2.0, 0.3]));
        assert!(!round_trip_works(&[0.0, 0.0]));
        let p = math::softmax(&[2.0, 0.0]);
        assert!((math::logit(p[0]) - 2.0).abs() < 1e-12);
    }
}
