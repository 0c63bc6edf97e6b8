//! Tests of the losses: Keras' and PyTorch's ceilings, categorical edges, Dice, focal, weighted.

use super::*;

const CEILING: f64 = 16.118095650958317;

#[test]
fn bce_probability_path_ceiling() {
    let l = binary_crossentropy(&[1.0], &[0.0], false).unwrap();
    assert!((l - CEILING).abs() < 1e-12);
    // y = 0, p = 1 hits the other clip bound and gives the same ceiling in f64.
    let l = binary_crossentropy(&[0.0], &[1.0], false).unwrap();
    assert!((l - CEILING).abs() < 1e-12);
    // The true value behind the ceiling can be far larger.
    let exact = binary_crossentropy(&[1.0], &[-89.0], true).unwrap();
    assert!((exact - 89.0).abs() < 1e-12);
    // Perfect predictions cost ln(1 − 1e-7) on the probability path.
    let l = binary_crossentropy(&[1.0, 0.0], &[1.0, 0.0], false).unwrap();
    assert!((l - 1.00000005e-7).abs() < 1e-20);
}

#[test]
fn pytorch_bce_ceiling_is_100() {
    assert_eq!(pytorch_binary_cross_entropy(&[1.0], &[0.0]).unwrap(), 100.0);
    assert_eq!(pytorch_binary_cross_entropy(&[0.0], &[1.0]).unwrap(), 100.0);
    assert!(pytorch_binary_cross_entropy(&[1.0], &[1.5]).is_err());
    assert!(pytorch_binary_cross_entropy(&[1.0], &[f64::NAN]).is_err());
    let mid = pytorch_binary_cross_entropy(&[1.0, 0.0], &[0.3, 0.2]).unwrap();
    let keras = binary_crossentropy(&[1.0, 0.0], &[0.3, 0.2], false).unwrap();
    assert!((mid - keras).abs() < 1e-15);
}

#[test]
fn categorical_edges() {
    assert_eq!(
        categorical_crossentropy(&[], &[], true, 0.0),
        Err(MathError::NoClasses)
    );
    assert!(categorical_crossentropy(&[1.0], &[1.0], true, 1.5).is_err());
    assert_eq!(
        categorical_crossentropy(&[1.0], &[7.0], true, 0.0).unwrap(),
        0.0
    );
    // −∞ logit on a zero-weight class contributes 0, not NaN.
    let l = categorical_crossentropy(&[1.0, 0.0], &[0.0, f64::NEG_INFINITY], true, 0.0);
    assert_eq!(l.unwrap(), 0.0);
    let l = categorical_crossentropy(&[0.0, 1.0], &[1.0, 0.0], false, 0.0).unwrap();
    assert!((l - CEILING).abs() < 1e-12);
    let e = categorical_crossentropy(&[0.0, 1.0], &[0.0, 0.0], false, 0.0).unwrap_err();
    assert!(e.to_string().contains("from_logits"));
}

#[test]
fn sparse_matches_categorical() {
    let z = [1.5, -0.3, 2.2, 0.0];
    for c in 0..4 {
        let mut y = [0.0; 4];
        y[c] = 1.0;
        for fl in [true, false] {
            let p: Vec<f64> = if fl {
                z.to_vec()
            } else {
                crate::math::softmax(&z)
            };
            let a = sparse_categorical_crossentropy(c, &p, fl).unwrap();
            let b = categorical_crossentropy(&y, &p, fl, 0.0).unwrap();
            assert!((a - b).abs() < 1e-15);
        }
    }
    assert_eq!(
        sparse_categorical_crossentropy(4, &z, true),
        Err(MathError::ClassOutOfRange {
            class: 4,
            num_classes: 4
        })
    );
}

#[test]
fn dice_and_focal() {
    assert_eq!(dice_loss(&[0.0; 3], &[0.0; 3]).unwrap(), 1.0);
    assert!(dice_coefficient(&[1.0], &[1.0], -1.0).is_err());
    // Predicting all background on a small object: Dice 0, loss ~1.
    let mut y = vec![0.0; 100];
    y[3] = 1.0;
    y[4] = 1.0;
    let p = vec![0.0; 100];
    assert!((dice_loss(&y, &p).unwrap() - 1.0).abs() < 1e-7);
    assert_eq!(dice_coefficient(&y, &p, 0.0).unwrap(), 0.0);
    // Focal on logits uses the clipped probability path: caps at 16.118.
    let f = binary_focal_crossentropy(&[1.0], &[-1000.0], true).unwrap();
    assert!((f - CEILING).abs() < 1e-12);
    let f2 = binary_focal_crossentropy(&[1.0], &[0.0], false).unwrap();
    assert!((f2 - CEILING).abs() < 1e-12);
    // Logits and probabilities agree inside the clip range.
    let a = binary_focal_crossentropy(&[1.0, 0.0, 0.3], &[0.4, -1.2, 2.0], true).unwrap();
    let p: Vec<f64> = [0.4, -1.2, 2.0].iter().map(|&z| sigmoid(z)).collect();
    let b = binary_focal_crossentropy(&[1.0, 0.0, 0.3], &p, false).unwrap();
    assert!((a - b).abs() < 1e-14);
}

#[test]
fn weighted_bce() {
    let l = weighted_binary_crossentropy_with_logits(&[1.0], &[-1000.0], 3.0).unwrap();
    assert!((l - 3000.0).abs() < 1e-9);
    let l = weighted_binary_crossentropy_with_logits(&[0.0], &[1000.0], 3.0).unwrap();
    assert!((l - 1000.0).abs() < 1e-9);
    assert!(weighted_binary_crossentropy_with_logits(&[1.0], &[0.0], -1.0).is_err());
    assert!(weighted_binary_crossentropy_with_logits(&[1.0], &[0.0], f64::NAN).is_err());
}
