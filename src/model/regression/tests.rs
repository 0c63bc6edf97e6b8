//! Tests of the regression set-ups: gradients, saturation figures, the race and the image race.

use super::*;
use crate::math;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

/// A race's settings: target y, start ŷ₀ and learning rate η.
const fn race_settings(target: f64, start: f64, learning_rate: f64) -> RaceSettings {
    RaceSettings {
        target,
        start,
        learning_rate,
    }
}

/// A saturated start that traps sigmoid + MSE: from 0.05 towards 0.9 at η = 0.1.
const SATURATED_START: RaceSettings = race_settings(0.9, 0.05, 0.1);

#[test]
fn gradients_are_the_analytic_ones_and_match_finite_differences() {
    for y in [0.0, 0.1, 0.3, 0.5, 0.9, 1.0] {
        for z in [-8.0_f64, -3.0, -0.4, 0.0, 0.7, 2.5, 6.0] {
            let s = 1.0 / (1.0 + (-z).exp());
            let analytic = [2.0 * (z - y), 2.0 * (s - y) * s * (1.0 - s), s - y];
            for head in Head::ALL {
                let g = head.grad(y, z);
                assert!(
                    close(g, analytic[head.index()], 1e-12),
                    "{head:?} y={y} z={z}: {g} vs {}",
                    analytic[head.index()]
                );
                let h = 1e-5;
                let numeric = (head.loss(y, z + h) - head.loss(y, z - h)) / (2.0 * h);
                assert!(
                    close(g, numeric, 1e-6),
                    "{head:?} y={y} z={z}: {g} vs finite difference {numeric}"
                );
            }
        }
    }
}

#[test]
fn one_step_is_z_minus_lr_times_the_gradient() {
    let (y, z, lr) = (0.8, -1.5, 0.3);
    let s = 1.0 / (1.0 + 1.5f64.exp());
    assert_eq!(Head::LinearMse.step(y, z, lr), z - lr * 2.0 * (z - y));
    assert!(close(
        Head::SigmoidMse.step(y, z, lr),
        z - lr * 2.0 * (s - y) * s * (1.0 - s),
        1e-14
    ));
    assert!(close(
        Head::SigmoidBce.step(y, z, lr),
        z - lr * (s - y),
        1e-14
    ));
    // The race's first step is exactly that step for each set-up.
    let settings = race_settings(y, 0.2, lr);
    let mut race = Race::new(settings, 10);
    let before = race.raw();
    assert_eq!(race.advance(1), 1);
    for head in Head::ALL {
        let i = head.index();
        assert_eq!(race.raw()[i], head.step(y, before[i], lr));
        assert_eq!(race.outputs()[i], head.output(race.raw()[i]));
    }
}

#[test]
fn the_lesson_s_saturation_numbers() {
    let mse = Head::SigmoidMse.grad(1.0, -8.0);
    let bce = Head::SigmoidBce.grad(1.0, -8.0);
    assert!((mse + 6.7e-4).abs() < 0.05e-4, "{mse}");
    assert!((bce + 0.9997).abs() < 1e-4, "{bce}");
    // Keras' probability path is flat beyond |z| ≈ 16.118; PyTorch's BCELoss is not
    // yet, and fades only past |z| ≈ 27.6.
    assert_eq!(
        math::clipped_binary_crossentropy_grad_logit(1.0, -16.2),
        0.0
    );
    assert!(math::clipped_binary_crossentropy_grad_logit(1.0, -16.0) < -0.99);
    assert!(close(pytorch_bce_probability_grad(1.0, -8.0), bce, 1e-9));
    assert!(pytorch_bce_probability_grad(1.0, -20.0) < -0.99);
    let far = pytorch_bce_probability_grad(1.0, -35.0);
    assert!(far > -0.01 && far < 0.0, "{far}");
    for z in [-800.0, 800.0, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(pytorch_bce_probability_grad(0.3, z).is_finite(), "{z}");
    }
}

#[test]
fn bce_with_a_soft_target_bottoms_out_at_the_entropy() {
    for y in [0.1, 0.3, 0.5, 0.8] {
        let z = math::logit(y);
        let floor = Head::SigmoidBce.loss(y, z);
        assert!(close(floor, binary_entropy(y), 1e-12));
        assert!(close(floor, Head::SigmoidBce.min_loss(y), 1e-12));
        assert!(floor > 0.3);
        assert!(Head::SigmoidBce.grad(y, z).abs() < 1e-12);
        // The squared-error losses do reach 0 there.
        assert!(Head::SigmoidMse.loss(y, z) < 1e-30);
        assert_eq!(Head::LinearMse.loss(y, y), 0.0);
    }
    assert_eq!(binary_entropy(0.0), 0.0);
    assert_eq!(binary_entropy(1.0), 0.0);
    assert!(binary_entropy(1.5).is_nan());
}

#[test]
fn the_linear_output_overshoots_only_when_the_learning_rate_is_large() {
    for lr in [0.01, 0.1, 0.25, 0.4, 0.5] {
        for target in [0.0, 0.2, 0.5, 0.9, 1.0] {
            for start in [0.01, 0.05, 0.5, 0.95, 0.99] {
                let settings = race_settings(target, start, lr);
                let mut race = Race::new(settings, RACE_STEPS);
                race.advance(RACE_STEPS);
                let (lo, hi) = race.linear_extremes();
                assert!(lo >= 0.0 && hi <= 1.0, "{settings:?}: [{lo}, {hi}]");
                assert_eq!(race.linear_steps_outside(), 0);
            }
        }
    }
    // Above 0.5 the error changes sign each step: from 0.05 towards 0.9 at η = 0.8 the
    // first step lands at 0.9 + 0.85·0.6 = 1.41.
    let settings = race_settings(0.9, 0.05, 0.8);
    let mut race = Race::new(settings, RACE_STEPS);
    race.advance(1);
    assert!(close(race.outputs()[0], 1.41, 1e-12));
    race.advance(RACE_STEPS);
    assert!(race.linear_steps_outside() >= 1);
    let (_, hi) = race.linear_extremes();
    assert!(close(hi, 1.41, 1e-12));
    assert!((race.outputs()[0] - 0.9).abs() < 1e-12, "it still settles");
    // The chart's range holds the whole path.
    let (lo, top) = race_output_range(settings, Optimizer::Sgd);
    assert!(lo < 0.0 && top > 1.41);
}

#[test]
fn the_linear_path_follows_its_closed_form() {
    let settings = race_settings(0.7, 0.1, 0.2);
    let mut race = Race::new(settings, 40);
    race.advance(40);
    for (k, o) in race.history().iter().enumerate() {
        let expected = 0.7 + (0.1 - 0.7) * (1.0 - 0.4f64).powi(k as i32);
        assert!(close(o[0], expected, 1e-12), "step {k}");
    }
}

#[test]
fn sigmoid_outputs_never_reach_zero_or_one() {
    for target in [0.0, 1.0] {
        let settings = race_settings(target, 0.5, LEARNING_RATE_MAX);
        let mut race = Race::new(settings, RACE_STEPS);
        race.advance(RACE_STEPS);
        for o in race.history() {
            for head in [Head::SigmoidMse, Head::SigmoidBce] {
                let v = o[head.index()];
                assert!(v > 0.0 && v < 1.0, "{head:?} reached {v}");
            }
        }
        assert!(race.squared_error(Head::SigmoidBce) > 0.0);
    }
}

#[test]
fn bce_escapes_a_bad_start_that_traps_sigmoid_mse() {
    let settings = SATURATED_START;
    let mut race = Race::new(settings, RACE_STEPS);
    race.advance(RACE_STEPS);
    assert!(race.is_done());
    assert_eq!(race.advance(5), 0, "nothing past the end");
    assert_eq!(race.step(), RACE_STEPS);
    let bce = race.squared_error(Head::SigmoidBce);
    let mse = race.squared_error(Head::SigmoidMse);
    // From a saturated start, sigmoid + MSE is still far off when sigmoid + BCE is
    // close (the linear head, a plain quadratic, is exact long before either).
    assert!(bce < 0.005 && mse > 50.0 * bce, "bce {bce}, mse {mse}");
    assert!(race.squared_error(Head::LinearMse) < 1e-20);
    // Deterministic: the same settings give bit-identical histories.
    let mut again = Race::new(settings, RACE_STEPS);
    again.advance(60);
    again.advance(90);
    assert_eq!(again, race);
}

#[test]
fn bad_settings_are_made_sane() {
    let race = Race::new(race_settings(f64::NAN, 0.0, f64::INFINITY), 5);
    let s = race.settings();
    assert_eq!(s.target, 0.9);
    assert!(s.start > 0.0 && s.start < 1e-5);
    assert_eq!(s.learning_rate, 0.1);
    assert!(race.outputs().iter().all(|v| v.is_finite()));
    let mut empty = Race::new(s, 0);
    assert!(empty.is_done());
    assert_eq!(empty.advance(3), 0);
    let image = ImageRace::new(ImageStart::Negative, f64::NAN, 3);
    assert_eq!(image.learning_rate(), 0.2);
    for optimizer in Optimizer::ALL {
        let nan = race_settings(f64::NAN, f64::NAN, f64::NAN);
        let (lo, hi) = race_output_range(nan, optimizer);
        assert!(lo.is_finite() && hi.is_finite() && hi > lo);
    }
}

#[test]
fn the_target_image() {
    let t = target_image();
    assert_eq!(t.len(), IMAGE_SIDE * IMAGE_SIDE);
    assert!(t.iter().all(|v| (0.0..=1.0).contains(v)));
    assert_eq!(t.iter().filter(|v| **v == 1.0).count(), 37, "white disc");
    assert_eq!(
        t.iter().filter(|v| **v == 0.0).count(),
        20,
        "black rectangle"
    );
    assert_eq!(t[0], 0.25);
    assert_eq!(t[15 * IMAGE_SIDE], 0.75);
    assert_eq!(t[5 * IMAGE_SIDE + 5], 1.0);
    assert_eq!(t[10 * IMAGE_SIDE + 9], 0.0);
    assert_eq!(ImageStart::Negative.output(1.0), 0.02);
    assert_eq!(ImageStart::Negative.output(0.0), 0.98);
}

#[test]
fn the_image_race() {
    let mut race = ImageRace::new(ImageStart::Negative, 0.2, IMAGE_STEPS);
    let before = race.outputs(Head::LinearMse).to_vec();
    assert!(close(before[5 * IMAGE_SIDE + 5], 0.02, 1e-12));
    // One step for every pixel is that pixel's gradient step.
    let raw0 = race.raw.clone();
    race.advance(1);
    for head in Head::ALL {
        for (k, y) in race.target().iter().enumerate() {
            assert_eq!(
                race.raw[head.index()][k],
                head.step(*y, raw0[head.index()][k], 0.2)
            );
            assert_eq!(
                race.outputs(head)[k],
                head.output(race.raw[head.index()][k])
            );
        }
    }
    race.advance(IMAGE_STEPS);
    assert!(race.is_done());
    assert_eq!(race.step(), IMAGE_STEPS);
    let (lin, mse, bce) = (
        race.mse(Head::LinearMse),
        race.mse(Head::SigmoidMse),
        race.mse(Head::SigmoidBce),
    );
    assert!(lin < 1e-12, "{lin}");
    assert!(mse > 0.01, "sigmoid + MSE leaves saturated pixels: {mse}");
    assert!(bce < mse / 10.0, "{bce} vs {mse}");
    // Pure white stays short of 1 for the sigmoid heads.
    for head in [Head::SigmoidMse, Head::SigmoidBce] {
        let white = race.mean_where_target(head, 1.0);
        assert!(white < 1.0 && white > 0.0, "{head:?}: {white}");
    }
    assert!(race.mean_where_target(Head::LinearMse, 0.123).is_nan());
    // At η ≤ 0.5 no linear pixel leaves [0, 1]; above, some do.
    assert_eq!(race.linear_outside_most(), 0);
    let mut fast = ImageRace::new(ImageStart::Negative, 0.6, IMAGE_STEPS);
    fast.advance(1);
    assert!(fast.outside(Head::LinearMse) > 0);
    fast.advance(IMAGE_STEPS);
    assert!(fast.linear_outside_most() > 0);
    assert_eq!(fast.outside(Head::SigmoidBce), 0);
    assert_eq!(fast.outside(Head::SigmoidMse), 0);
}

/// Keras 3's Adam written out step by step, independently of `Race` (the formulas of
/// `keras/src/optimizers/adam.py`): what an Adam race must end at.
fn keras_adam(settings: RaceSettings, steps: usize) -> [f64; 3] {
    let s = settings.sanitised();
    Head::ALL.map(|head| {
        let (mut z, mut m, mut v) = (head.raw_for(s.start), 0.0, 0.0);
        for t in 1..=steps as i32 {
            let g = head.grad(s.target, z);
            let alpha = s.learning_rate * (1.0 - 0.999f64.powi(t)).sqrt() / (1.0 - 0.9f64.powi(t));
            m += (g - m) * (1.0 - 0.9);
            v += (g * g - v) * (1.0 - 0.999);
            z -= alpha * m / (v.sqrt() + 1e-7);
        }
        head.output(z)
    })
}

#[test]
fn an_adam_race_is_keras_adam_and_its_chart_holds_the_path() {
    for (target, start, learning_rate) in [(0.9, 0.05, 0.1), (0.0, 0.6, 0.8), (1.0, 0.5, 0.01)] {
        let settings = race_settings(target, start, learning_rate);
        let mut race = Race::with(settings, Optimizer::Adam, RACE_STEPS);
        assert_eq!(race.optimizer(), Optimizer::Adam);
        // In uneven slices, as animation frames take them.
        for n in [1, 7, 30, 200] {
            race.advance(n);
        }
        assert!(race.is_done());
        let want = keras_adam(settings, RACE_STEPS);
        for (got, want) in race.outputs().iter().zip(want) {
            assert!(close(*got, want, 1e-12), "{got} vs {want}");
        }
        let (lo, hi) = race.linear_extremes();
        let (bottom, top) = race_output_range(settings, Optimizer::Adam);
        assert!(bottom < lo && top > hi);
    }
    // What the lesson claims: after 150 steps plain gradient descent leaves sigmoid + MSE
    // far from 0.9, Adam brings it there.
    let s = SATURATED_START;
    let mut sgd = Race::new(s, RACE_STEPS);
    sgd.advance(RACE_STEPS);
    let mut adam = Race::with(s, Optimizer::Adam, RACE_STEPS);
    adam.advance(RACE_STEPS);
    assert!(sgd.squared_error(Head::SigmoidMse) > 0.16);
    assert!(adam.squared_error(Head::SigmoidMse) < 0.0025);
}
