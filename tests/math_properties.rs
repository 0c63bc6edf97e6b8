//! Property tests of `logit_lab::math`: invariants of the stable formulas (softmax family,
//! sigmoid and logit, losses, gradients, metrics). "No panic, whatever the input" is in
//! `math_no_panic.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod strategies;

use logit_lab::math::{self, MathError};
use proptest::prelude::*;
use strategies::*;

// ---------------------------------------------------------------- softmax family

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn softmax_is_a_distribution(z in prop::collection::vec(-1e6..1e6f64, 1..=10)) {
        let p = math::softmax(&z);
        prop_assert_eq!(p.len(), z.len());
        prop_assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0 && *v <= 1.0), "{:?}", p);
        let s: f64 = p.iter().sum();
        prop_assert!((s - 1.0).abs() <= 1e-12, "sum {}", s);
    }

    #[test]
    fn softmax_is_a_distribution_for_any_finite_logits(z in logits(10)) {
        let p = math::softmax(&z);
        prop_assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0), "{:?}", p);
        let s: f64 = p.iter().sum();
        prop_assert!((s - 1.0).abs() <= 1e-12, "sum {}", s);
        prop_assert!(math::log_softmax(&z).iter().all(|v| !v.is_nan()));
        prop_assert!(math::log_sum_exp(&z).is_finite() || math::log_sum_exp(&z) == f64::INFINITY);
    }

    #[test]
    fn shifting_every_logit_changes_nothing(
        z in prop::collection::vec(-1e3..1e3f64, 1..=10),
        c in -1e3..1e3f64,
    ) {
        let shifted: Vec<f64> = z.iter().map(|v| v + c).collect();
        let (p, q) = (math::softmax(&z), math::softmax(&shifted));
        for (a, b) in p.iter().zip(&q) {
            prop_assert!((a - b).abs() <= 1e-9, "{:?} vs {:?}", p, q);
        }
        let (lp, lq) = (math::log_softmax(&z), math::log_softmax(&shifted));
        for (a, b) in lp.iter().zip(&lq) {
            prop_assert!((a - b).abs() <= 1e-9 * (1.0 + a.abs()), "{:?} vs {:?}", lp, lq);
        }
        let t = math::softmax_with_temperature(&shifted, 0.7).unwrap();
        let u = math::softmax_with_temperature(&z, 0.7).unwrap();
        for (a, b) in t.iter().zip(&u) {
            prop_assert!((a - b).abs() <= 1e-9);
        }
    }

    #[test]
    fn log_softmax_is_log_of_softmax(z in prop::collection::vec(-100.0..100.0f64, 1..=10)) {
        let p = math::softmax(&z);
        let l = math::log_softmax(&z);
        for (pi, li) in p.iter().zip(&l) {
            prop_assert!((pi.ln() - li).abs() <= 1e-12 * (1.0 + li.abs()));
        }
        let lse = math::log_sum_exp(&z);
        prop_assert!(lse >= z.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
    }

    #[test]
    fn temperature_gives_a_distribution(z in logits(10), t in prop_oneof![1e-3..1e3f64, Just(1e-300), Just(1e300)]) {
        let p = math::softmax_with_temperature(&z, t).unwrap();
        prop_assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0));
        let s: f64 = p.iter().sum();
        prop_assert!((s - 1.0).abs() <= 1e-12);
        let h = math::entropy(&p);
        prop_assert!(h >= 0.0 && h <= (z.len() as f64).ln() + 1e-12, "entropy {}", h);
    }
}

// ---------------------------------------------------------------- sigmoid and logit

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn sigmoid_is_symmetric(x in prop_oneof![-1e3..1e3f64, any::<f64>().prop_filter("finite", |v| v.is_finite())]) {
        let (a, b) = (math::sigmoid(-x), 1.0 - math::sigmoid(x));
        prop_assert!((a - b).abs() <= 1e-15, "x = {}: {} vs {}", x, a, b);
        let s = math::sigmoid(x);
        prop_assert!((0.0..=1.0).contains(&s));
        let g = math::sigmoid_grad(x);
        prop_assert!((0.0..=0.25).contains(&g));
    }

    #[test]
    fn logit_undoes_sigmoid(x in -30.0..30.0f64) {
        let back = math::logit(math::sigmoid(x));
        // σ(x) for large positive x keeps only ~1e-16·e^x of absolute precision in 1 − σ.
        let tol = 1e-13 * (1.0 + x.abs()) + 4e-16 * x.abs().exp();
        prop_assert!((back - x).abs() <= tol, "x = {}, back = {}", x, back);
    }

    #[test]
    fn two_class_softmax_is_sigmoid(z in prop_oneof![logit_value(), Just(f64::INFINITY), Just(f64::NEG_INFINITY)]) {
        prop_assert_eq!(math::softmax(&[z, 0.0])[0], math::sigmoid(z));
    }

    #[test]
    fn two_class_softmax_is_sigmoid_of_difference(a in -300.0..300.0f64, b in -300.0..300.0f64) {
        let p = math::softmax(&[a, b])[0];
        let s = math::sigmoid(a - b);
        prop_assert!((p - s).abs() <= 1e-12 * s.max(1e-300), "{} vs {}", p, s);
    }
}

// ---------------------------------------------------------------- losses

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn probability_losses_are_non_negative_and_finite((y, p) in labels_and_probs()) {
        let checks = [
            ("bce", math::binary_crossentropy(&y, &p, false)),
            ("mse", math::mean_squared_error(&y, &p)),
            ("mae", math::mean_absolute_error(&y, &p)),
            ("dice", math::dice_loss(&y, &p)),
            ("focal", math::binary_focal_crossentropy(&y, &p, false)),
            ("torch bce", math::pytorch_binary_cross_entropy(&y, &p)),
            ("1 - dice coef", math::dice_coefficient(&y, &p, 1.0).map(|d| 1.0 - d)),
        ];
        for (name, r) in checks {
            let v = r.unwrap();
            prop_assert!(v.is_finite() && v >= 0.0, "{} = {} for {:?} {:?}", name, v, y, p);
        }
        let bce = math::binary_crossentropy(&y, &p, false).unwrap();
        prop_assert!(bce <= CEILING, "above the ceiling: {}", bce);
        prop_assert!(math::pytorch_binary_cross_entropy(&y, &p).unwrap() <= 100.0);
        for ls in [0.0, 0.1, 1.0] {
            match math::categorical_crossentropy(&y, &p, false, ls) {
                Ok(v) => prop_assert!(v.is_finite() && v >= 0.0, "cce {}", v),
                Err(MathError::NotNormalisable { sum }) => prop_assert_eq!(sum, 0.0),
                Err(e) => prop_assert!(false, "unexpected error {}", e),
            }
        }
    }

    #[test]
    fn logit_losses_are_non_negative_and_never_nan(
        (y, z) in labels_and_logits(),
        ls in 0.0..=1.0f64,
        w in 0.0..100.0f64,
    ) {
        let checks = [
            ("bce", math::binary_crossentropy(&y, &z, true)),
            ("weighted bce", math::weighted_binary_crossentropy_with_logits(&y, &z, w)),
            ("focal", math::binary_focal_crossentropy(&y, &z, true)),
            ("cce", math::categorical_crossentropy(&y, &z, true, ls)),
        ];
        for (name, r) in checks {
            let v = r.unwrap();
            prop_assert!(!v.is_nan() && v >= 0.0, "{} = {} for {:?} {:?}", name, v, y, z);
        }
        // With moderate logits every loss is finite.
        if z.iter().all(|v| v.abs() <= 1e6) {
            prop_assert!(math::binary_crossentropy(&y, &z, true).unwrap().is_finite());
            prop_assert!(math::categorical_crossentropy(&y, &z, true, ls).unwrap().is_finite());
        }
        let focal = math::binary_focal_crossentropy(&y, &z, true).unwrap();
        prop_assert!(focal <= CEILING);
    }

    #[test]
    fn sparse_equals_one_hot_categorical((c, z) in one_hot_and_logits()) {
        let y = one_hot(c, z.len());
        let a = math::sparse_categorical_crossentropy(c, &z, true).unwrap();
        let b = math::categorical_crossentropy(&y, &z, true, 0.0).unwrap();
        prop_assert!(!a.is_nan() && a >= 0.0);
        prop_assert!((a - b).abs() <= 1e-12 * (1.0 + a.abs()) || a == b);
        let k = math::keras_probability_path_cross_entropy(&z, c);
        prop_assert!((0.0..=CEILING).contains(&k), "{}", k);
        // The probability path never reports more than the exact loss (up to rounding),
        // except that a perfect prediction costs −ln(1 − 1e-7) instead of 0.
        prop_assert!(k <= a.max(1.00000005e-7) + 1e-9 * (1.0 + a), "{} vs {}", k, a);
    }
}

// ---------------------------------------------------------------- gradients

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn gradients_are_finite_and_bounded(y in label(), z in logit_value()) {
        let g = math::binary_crossentropy_grad_logit(y, z);
        prop_assert!(g.is_finite() && (-1.0..=1.0).contains(&g));
        let m = math::mse_sigmoid_grad_logit(y, z);
        prop_assert!(m.is_finite() && m.abs() <= 0.5);
        let c = math::clipped_binary_crossentropy_grad_logit(y, z);
        prop_assert!(c == 0.0 || c == g);
        if z.abs() >= 16.2 {
            prop_assert_eq!(c, 0.0);
        }
    }

    #[test]
    fn categorical_gradient_sums_to_zero((c, z) in one_hot_and_logits()) {
        let y = one_hot(c, z.len());
        let g = math::categorical_crossentropy_grad_logits(&y, &z).unwrap();
        prop_assert!(g.iter().all(|v| v.is_finite()));
        let s: f64 = g.iter().sum();
        prop_assert!(s.abs() <= 1e-12, "sum {}", s);
        prop_assert!(g[c] <= 0.0);
    }
}

// ---------------------------------------------------------------- metrics

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn thresholded_metrics_are_consistent((y, p) in binary_and_scores(), t in 0.0..1.0f64) {
        let cm = math::confusion_matrix(&y, &p, t).unwrap();
        prop_assert_eq!(cm.tp + cm.fp + cm.tn + cm.fn_, y.len());
        for v in [
            math::binary_accuracy(&y, &p, t).unwrap(),
            math::precision(&y, &p, t).unwrap(),
            math::recall(&y, &p, t).unwrap(),
            math::f1_score(&y, &p, t).unwrap(),
            math::iou(&y, &p, t).unwrap(),
        ] {
            prop_assert!((0.0..=1.0).contains(&v));
        }
    }

    #[test]
    fn ranking_metrics_are_consistent((y, s) in binary_and_scores()) {
        let pos = y.iter().filter(|v| **v == 1.0).count();
        let both = pos > 0 && pos < y.len();
        match math::roc_auc(&y, &s) {
            Ok(auc) => {
                prop_assert!(both);
                prop_assert!((0.0..=1.0).contains(&auc));
                let neg: Vec<f64> = s.iter().map(|v| -v).collect();
                let flipped = math::roc_auc(&y, &neg).unwrap();
                prop_assert!((auc + flipped - 1.0).abs() <= 1e-12);
                let curve = math::roc_curve(&y, &s).unwrap();
                let area: f64 = curve
                    .windows(2)
                    .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
                    .sum();
                prop_assert!((area - auc).abs() <= 1e-12);
                let k = math::keras_auc(&y, &s, 200).unwrap();
                prop_assert!((0.0..=1.0).contains(&k));
                prop_assert!((k - auc).abs() <= 0.5, "keras {} vs exact {}", k, auc);
            }
            Err(MathError::SingleClass { .. }) => prop_assert!(!both),
            Err(e) => prop_assert!(false, "unexpected error {}", e),
        }
        if pos > 0 {
            let ap = math::average_precision(&y, &s).unwrap();
            prop_assert!(ap > 0.0 && ap <= 1.0 + 1e-12, "ap {}", ap);
        }
    }

    #[test]
    fn accuracies_are_zero_or_one((c, z) in one_hot_and_logits(), k in 0usize..12) {
        let y = one_hot(c, z.len());
        let a = math::categorical_accuracy(&y, &z).unwrap();
        let t = math::top_k_categorical_accuracy(&y, &z, k).unwrap();
        prop_assert!(a == 0.0 || a == 1.0);
        prop_assert!(t == 0.0 || t == 1.0);
        if a == 1.0 && k >= 1 {
            prop_assert_eq!(t, 1.0);
        }
        if k >= z.len() {
            prop_assert_eq!(t, 1.0);
        }
    }
}
