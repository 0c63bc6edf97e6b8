//! Lesson 4's task conditions as plain functions of the widgets' values (host-tested).

use crate::math;
use crate::model::regression::{Head, Optimizer, Race};

/// Task: with a target of at least 0.8, the sigmoid output is within 0.01 of it.
pub fn sigmoid_hits_high_target(y: f64, z: f64) -> bool {
    y >= 0.8 - 1e-9 && (math::sigmoid(z) - y).abs() <= 0.01 + 1e-12
}

/// Task: with a target of at least 0.8, the linear output z is within 0.01 of it.
pub fn linear_hits_high_target(y: f64, z: f64) -> bool {
    y >= 0.8 - 1e-9 && (z - y).abs() <= 0.01 + 1e-12
}

/// Task: target 1 and z at −8 (to the bar's resolution).
pub fn saturated_at_minus_8(y: f64, z: f64) -> bool {
    y >= 1.0 - 1e-9 && (z + 8.0).abs() <= 0.05
}

/// Task: target 1, z negative and Keras' clipped probability path has gradient exactly 0.
pub fn keras_path_is_flat(y: f64, z: f64) -> bool {
    y >= 1.0 - 1e-9 && z < 0.0 && math::clipped_binary_crossentropy_grad_logit(y, z) == 0.0
}

/// Tasks: a run with `total` steps has taken all of them.
pub fn run_finished(step: usize, total: usize) -> bool {
    total > 0 && step >= total
}

/// Task: the linear head's predictions so far ranged over `[lowest, highest]`, and that
/// reaches outside [0, 1].
pub fn left_unit_interval(lowest: f64, highest: f64) -> bool {
    lowest < 0.0 || highest > 1.0
}

/// Task: a finished Adam race in which sigmoid + MSE ended within 0.05 of the target.
pub fn adam_rescued_sigmoid_mse(race: &Race) -> bool {
    race.optimizer() == Optimizer::Adam
        && race.is_done()
        && (race.outputs()[Head::SigmoidMse.index()] - race.settings().target).abs() <= 0.05
}

#[cfg(test)]
mod tests {
    use super::super::{IMAGE_LEARNING_RATE, ONE_PIXEL_START, RACE_START, SATURATION_START};
    use super::*;
    use crate::model::regression::{ImageRace, ImageStart, IMAGE_STEPS, RACE_STEPS};

    #[test]
    fn adam_task_needs_adam_a_finished_run_and_a_close_output() {
        let finished = |optimizer| {
            let mut race = Race::with(RACE_START, optimizer, RACE_STEPS);
            race.advance(RACE_STEPS);
            race
        };
        assert!(adam_rescued_sigmoid_mse(&finished(Optimizer::Adam)));
        assert!(!adam_rescued_sigmoid_mse(&finished(Optimizer::Sgd)));
        let mut halfway = Race::with(RACE_START, Optimizer::Adam, RACE_STEPS);
        halfway.advance(20);
        assert!(!adam_rescued_sigmoid_mse(&halfway));
    }

    #[test]
    fn one_pixel_tasks() {
        let (y, z) = ONE_PIXEL_START;
        assert!(!sigmoid_hits_high_target(y, z));
        assert!(!linear_hits_high_target(y, z));
        // y = 0.8: σ(1.4) = 0.802, z = 0.8 for the linear head.
        assert!(sigmoid_hits_high_target(0.8, 1.4));
        assert!(!sigmoid_hits_high_target(0.8, 0.8));
        assert!(linear_hits_high_target(0.8, 0.8));
        assert!(!linear_hits_high_target(0.8, 1.4));
        // A low target does not count, even when matched.
        assert!(!sigmoid_hits_high_target(0.5, 0.0));
        assert!(!linear_hits_high_target(0.5, 0.5));
        assert!(!sigmoid_hits_high_target(f64::NAN, 0.0));
    }

    #[test]
    fn saturation_tasks() {
        let (y, z) = SATURATION_START;
        assert!(!saturated_at_minus_8(y, z));
        assert!(!keras_path_is_flat(y, z));
        assert!(saturated_at_minus_8(1.0, -8.0));
        assert!(saturated_at_minus_8(1.0, -7.96));
        assert!(!saturated_at_minus_8(0.99, -8.0));
        assert!(!keras_path_is_flat(1.0, -8.0));
        assert!(!keras_path_is_flat(1.0, -16.0));
        assert!(keras_path_is_flat(1.0, -16.2));
        assert!(
            !keras_path_is_flat(1.0, 17.0),
            "flat on the right side is no mistake"
        );
        assert!(!keras_path_is_flat(f64::NAN, -17.0));
    }

    #[test]
    fn race_tasks_do_not_hold_at_the_start() {
        let race = Race::new(RACE_START, RACE_STEPS);
        assert!(!run_finished(race.step(), RACE_STEPS));
        let (lo, hi) = race.linear_extremes();
        assert!(!left_unit_interval(lo, hi));
        assert!(run_finished(150, 150));
        assert!(!run_finished(0, 0));
        assert!(left_unit_interval(-0.1, 0.5) && left_unit_interval(0.2, 1.41));
        let image = ImageRace::new(ImageStart::Negative, IMAGE_LEARNING_RATE, IMAGE_STEPS);
        assert!(!run_finished(image.step(), IMAGE_STEPS));
        assert_eq!(image.linear_outside_most(), 0);
    }

    #[test]
    fn the_race_predict_answer_is_right() {
        // The predict question's claim: with the starting settings, sigmoid + MSE is the
        // one still clearly off target after 150 steps.
        let mut race = Race::new(RACE_START, RACE_STEPS);
        race.advance(RACE_STEPS);
        let errs = Head::ALL.map(|h| race.squared_error(h));
        assert!(errs[1] > 0.2, "{errs:?}");
        assert!(errs[0] < 1e-20 && errs[2] < 0.005, "{errs:?}");
        let out = race.outputs();
        assert!((out[1] - 0.37).abs() < 0.01 && (out[2] - 0.84).abs() < 0.01);
    }
}
