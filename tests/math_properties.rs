//! Property tests of `logit_lab::math`: invariants of the stable formulas, and "no panic,
//! whatever the input" for every public function.
#![cfg(not(target_arch = "wasm32"))]

use logit_lab::math::{self, MathError};
use proptest::prelude::*;

// ---------------------------------------------------------------- strategies

/// Finite logits, moderate or huge.
fn logit_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -50.0..50.0f64,
        3 => -1e6..1e6f64,
        1 => -1e300..1e300f64,
        1 => prop::sample::select(vec![
            0.0, -0.0, 88.4, 88.73, 103.0, 104.5, 709.0, -709.0, 745.0, -745.0, 800.0,
            -800.0, 1e308, -1e308, f64::MAX, f64::MIN,
        ]),
    ]
}

fn logits(max_len: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(logit_value(), 1..=max_len)
}

/// A probability in [0, 1], with the edges and the clip bounds well represented.
fn prob() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..=1.0f64,
        1 => prop::sample::select(vec![
            0.0, 1.0, 1e-7, 1.0 - 1e-7, 1e-300, 5e-324, 0.5, 1.0 - 1e-16,
        ]),
    ]
}

/// A label: mostly 0 or 1, sometimes soft.
fn label() -> impl Strategy<Value = f64> {
    prop_oneof![3 => prop::sample::select(vec![0.0, 1.0]), 1 => 0.0..=1.0f64]
}

/// Any f64 at all, with the troublemakers over-represented.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => any::<f64>(),
        2 => -1e6..1e6f64,
        2 => prop::sample::select(vec![0.0, 1.0]),
        2 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, f64::MAX, f64::MIN,
            f64::MIN_POSITIVE, 5e-324, 1e-7, 1.0 - 1e-7, 0.5, -1.0, 2.0, 1e308, -1e308,
        ]),
    ]
}

fn wild_vec() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(wild(), 0..8)
}

fn wild_usize() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..12, 1 => any::<usize>(), 1 => Just(usize::MAX)]
}

/// Same-length (labels, probabilities), 1..=12 elements.
fn labels_and_probs() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=12).prop_flat_map(|n| {
        (
            prop::collection::vec(label(), n),
            prop::collection::vec(prob(), n),
        )
    })
}

/// Same-length (labels, logits), 1..=12 elements.
fn labels_and_logits() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=12).prop_flat_map(|n| {
        (
            prop::collection::vec(label(), n),
            prop::collection::vec(logit_value(), n),
        )
    })
}

/// A one-hot row with its logits, 1..=10 classes.
fn one_hot_and_logits() -> impl Strategy<Value = (usize, Vec<f64>)> {
    logits(10).prop_flat_map(|z| (0..z.len(), Just(z)))
}

/// Binary labels and finite scores, same length.
fn binary_and_scores() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (2usize..=30).prop_flat_map(|n| {
        (
            prop::collection::vec(prop::sample::select(vec![0.0, 1.0]), n),
            prop::collection::vec(
                prop_oneof![0.0..=1.0f64, prop::sample::select(vec![0.0, 0.5, 1.0])],
                n,
            ),
        )
    })
}

/// No regression files: this crate's tests directory is shared, and failures are
/// reported with their minimal input anyway.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// −ln(1e-7) plus a little rounding room: the most Keras' probability path can report.
const CEILING: f64 = 16.118_095_650_958_33;

fn one_hot(c: usize, n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n];
    y[c] = 1.0;
    y
}

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

// ---------------------------------------------------------------- no panics, ever

/// Calls every public function; returns a count so nothing is optimised away.
#[allow(clippy::too_many_arguments)]
fn call_everything(
    a: &[f64],
    b: &[f64],
    x: f64,
    y: f64,
    class: usize,
    k: usize,
    flag: bool,
) -> usize {
    let mut n = 0usize;
    let mut touch_f = |v: f64| n += v.is_nan() as usize;
    touch_f(math::sigmoid(x));
    touch_f(math::sigmoid_grad(x));
    touch_f(math::logit(x));
    touch_f(math::log_sum_exp(a));
    touch_f(math::entropy(a));
    touch_f(math::binary_crossentropy_grad_logit(x, y));
    touch_f(math::mse_sigmoid_grad_logit(x, y));
    touch_f(math::clipped_binary_crossentropy_grad_logit(x, y));
    touch_f(math::keras_probability_path_cross_entropy(a, class));
    touch_f(math::naive_cross_entropy_f32(a, class) as f64);
    touch_f(math::shifted_cross_entropy_f32(a, class) as f64);
    let mut count = n;
    count += math::softmax(a).len();
    count += math::log_softmax(a).len();
    count += math::naive_softmax_f32(a).len();
    count += math::shifted_softmax_f32(a).len();

    fn msg<T>(r: Result<T, MathError>) -> usize {
        match r {
            Ok(_) => 1,
            Err(e) => {
                let text = e.to_string();
                assert!(!text.is_empty());
                text.len()
            }
        }
    }
    count += msg(math::softmax_with_temperature(a, x));
    count += msg(math::binary_crossentropy(a, b, flag));
    count += msg(math::categorical_crossentropy(a, b, flag, x));
    count += msg(math::sparse_categorical_crossentropy(class, b, flag));
    count += msg(math::mean_squared_error(a, b));
    count += msg(math::mean_absolute_error(a, b));
    count += msg(math::dice_loss(a, b));
    count += msg(math::dice_coefficient(a, b, x));
    count += msg(math::weighted_binary_crossentropy_with_logits(a, b, x));
    count += msg(math::binary_focal_crossentropy(a, b, flag));
    count += msg(math::iou(a, b, x));
    count += msg(math::pytorch_binary_cross_entropy(a, b));
    count += msg(math::categorical_crossentropy_grad_logits(a, b));
    count += msg(math::binary_accuracy(a, b, x));
    count += msg(math::precision(a, b, x));
    count += msg(math::recall(a, b, x));
    count += msg(math::f1_score(a, b, x));
    count += msg(math::confusion_matrix(a, b, x));
    count += msg(math::roc_auc(a, b));
    count += msg(math::average_precision(a, b));
    count += msg(math::roc_curve(a, b));
    count += msg(math::keras_auc(a, b, k));
    count += msg(math::categorical_accuracy(a, b));
    count += msg(math::top_k_categorical_accuracy(a, b, k));
    count
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn nothing_panics_on_any_input(
        a in wild_vec(),
        b in wild_vec(),
        x in wild(),
        y in wild(),
        class in wild_usize(),
        k in wild_usize(),
        flag in any::<bool>(),
    ) {
        call_everything(&a, &b, x, y, class, k, flag);
        // Same-length pairs reach deeper than the length check.
        let n = a.len().min(b.len());
        call_everything(&a[..n], &b[..n], x, y, class, k, flag);
        call_everything(&a, &a, y, x, class, k, !flag);
    }

    #[test]
    fn nothing_is_nan_for_valid_finite_input((y, p) in labels_and_probs(), z in logits(12), t in 0.01..100.0f64) {
        let n = y.len();
        let z: Vec<f64> = z.into_iter().cycle().take(n).collect();
        let scalars = [
            math::binary_crossentropy(&y, &p, false),
            math::binary_crossentropy(&y, &z, true),
            math::categorical_crossentropy(&y, &z, true, 0.1),
            math::mean_squared_error(&y, &p),
            math::mean_absolute_error(&y, &p),
            math::dice_loss(&y, &p),
            math::dice_coefficient(&y, &p, 0.0),
            math::weighted_binary_crossentropy_with_logits(&y, &z, 2.0),
            math::binary_focal_crossentropy(&y, &p, false),
            math::binary_focal_crossentropy(&y, &z, true),
            math::pytorch_binary_cross_entropy(&y, &p),
            math::categorical_accuracy(&y, &z),
            math::top_k_categorical_accuracy(&y, &z, 2),
        ];
        for (i, r) in scalars.into_iter().enumerate() {
            let v = r.unwrap();
            prop_assert!(!v.is_nan(), "#{} is NaN for {:?} {:?} {:?}", i, y, p, z);
        }
        prop_assert!(math::softmax_with_temperature(&z, t).unwrap().iter().all(|v| v.is_finite()));
        prop_assert!(math::categorical_crossentropy_grad_logits(&y, &z).unwrap().iter().all(|v| v.is_finite()));
        prop_assert!(math::log_softmax(&z).iter().all(|v| !v.is_nan()));
        prop_assert!(!math::log_sum_exp(&z).is_nan());
        prop_assert!(!math::keras_probability_path_cross_entropy(&z, 0).is_nan());
        for &v in &z {
            prop_assert!(!math::sigmoid(v).is_nan());
            prop_assert!(!math::sigmoid_grad(v).is_nan());
        }
        for &q in &p {
            prop_assert!(!math::logit(q).is_nan());
        }
    }
}
