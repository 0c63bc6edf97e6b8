//! Property tests of `logit_lab::math`: no panic, whatever the input, for every public function.
#![cfg(not(target_arch = "wasm32"))]

mod strategies;

use logit_lab::math::{self, MathError};
use proptest::prelude::*;
use strategies::*;

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
