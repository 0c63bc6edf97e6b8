//! Tests of the metrics: the inflated-accuracy trap, strict thresholds, ranking and AUC edges.

use super::*;

#[test]
fn inflated_accuracy_trap() {
    // 8 samples x 5 labels, sparse positives, predict all negative.
    let mut y = vec![0.0; 40];
    for i in [3, 11, 17, 30] {
        y[i] = 1.0;
    }
    let p = vec![0.05; 40];
    assert_eq!(binary_accuracy(&y, &p, 0.5).unwrap(), 0.9);
    assert_eq!(recall(&y, &p, 0.5).unwrap(), 0.0);
    assert_eq!(precision(&y, &p, 0.5).unwrap(), 0.0);
    assert_eq!(f1_score(&y, &p, 0.5).unwrap(), 0.0);
}

#[test]
fn strict_threshold() {
    let cm = confusion_matrix(&[1.0, 0.0], &[0.5, 0.5], 0.5).unwrap();
    assert_eq!(
        cm,
        ConfusionMatrix {
            tp: 0,
            fp: 0,
            tn: 1,
            fn_: 1
        }
    );
    assert!(confusion_matrix(&[1.0], &[0.5], f64::NAN).is_err());
    let e = binary_accuracy(&[0.7], &[0.5], 0.5).unwrap_err();
    assert_eq!(e.to_string(), "labels must be 0 or 1, but y_true[0] is 0.7");
}

#[test]
fn ranking_errors() {
    let e = roc_auc(&[1.0, 1.0], &[0.1, 0.2]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ROC AUC needs both positive and negative labels, but y_true has 2 positive and 0 negative"
    );
    assert!(roc_auc(&[1.0, 0.0], &[f64::NAN, 0.2]).is_err());
    assert_eq!(
        average_precision(&[0.0, 0.0], &[0.1, 0.2]),
        Err(MathError::NoPositives)
    );
    assert_eq!(average_precision(&[1.0, 1.0], &[0.1, 0.2]).unwrap(), 1.0);
    assert_eq!(keras_auc(&[1.0, 1.0], &[0.1, 0.2], 200).unwrap(), 0.0);
    assert!(keras_auc(&[1.0, 0.0], &[0.1, 0.2], 1).is_err());
    // −0.0 and 0.0 tie.
    assert_eq!(roc_auc(&[1.0, 0.0], &[-0.0, 0.0]).unwrap(), 0.5);
    // Infinite scores are ranked fine.
    assert_eq!(
        roc_auc(&[1.0, 0.0], &[f64::INFINITY, f64::NEG_INFINITY]).unwrap(),
        1.0
    );
}

#[test]
fn roc_curve_area_is_roc_auc() {
    let y = [0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0];
    let s = [0.1, 0.4, 0.4, 0.4, 0.9, 0.2, 0.75, 0.3];
    let c = roc_curve(&y, &s).unwrap();
    let area: f64 = c
        .windows(2)
        .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
        .sum();
    assert!((area - roc_auc(&y, &s).unwrap()).abs() < 1e-15);
    assert_eq!(c.len(), 7);
    assert!(c.windows(2).all(|w| w[0].threshold > w[1].threshold));
}

#[test]
fn keras_auc_grid_and_clipping() {
    // Scores outside [0, 1] are clipped like Keras: -3 and 0 tie, 2 and 1 tie.
    let y = [0.0, 1.0, 0.0, 1.0];
    let s = [-3.0, 0.0, 1.0, 2.0];
    assert_eq!(keras_auc(&y, &s, 200).unwrap(), 0.5);
    // With 2 thresholds everything in [0, 1] is one cell: AUC 0.5.
    assert_eq!(keras_auc(&[0.0, 1.0], &[0.1, 0.9], 2).unwrap(), 0.5);
    assert_eq!(keras_auc(&[0.0, 1.0], &[0.1, 0.9], 200).unwrap(), 1.0);
    // Huge num_thresholds must not allocate anything.
    assert_eq!(
        keras_auc(&[0.0, 1.0], &[0.1, 0.9], usize::MAX).unwrap(),
        1.0
    );
}

#[test]
fn iou_and_accuracies() {
    assert_eq!(iou(&[0.0, 0.0], &[0.0, 0.0], 0.5).unwrap(), 1.0);
    assert_eq!(iou(&[1.0, 0.0], &[0.0, 0.0], 0.5).unwrap(), 0.0);
    assert_eq!(
        categorical_accuracy(&[0.0, 0.0, 0.0], &[0.1, 0.2, 0.3]).unwrap(),
        0.0
    );
    assert_eq!(
        categorical_accuracy(&[0.0, 0.0, 0.0], &[0.4, 0.2, 0.3]).unwrap(),
        1.0
    );
    assert_eq!(
        top_k_categorical_accuracy(&[1.0, 0.0], &[0.1, 0.9], 0).unwrap(),
        0.0
    );
    assert_eq!(
        top_k_categorical_accuracy(&[1.0, 0.0], &[0.1, 0.9], 9).unwrap(),
        1.0
    );
    assert_eq!(
        top_k_categorical_accuracy(&[1.0, 0.0], &[f64::NAN, 0.9], 1).unwrap(),
        0.0
    );
}

// Host only: proptest is a host dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod slices {
    use super::*;
    /// Scores with many ties and both signs of zero, labels of both classes.
    fn ranking_case() -> impl proptest::strategy::Strategy<Value = (Vec<f64>, Vec<f64>)> {
        use proptest::prelude::*;
        proptest::collection::vec(
            (
                prop_oneof![
                    (-40i32..40).prop_map(|k| k as f64 / 16.0),
                    Just(-0.0),
                    -3.0..3.0f64
                ],
                any::<bool>(),
            ),
            2..12_000,
        )
        .prop_map(|v| {
            let scores = v.iter().map(|p| p.0).collect();
            let mut y: Vec<f64> = v.iter().map(|p| p.1 as u8 as f64).collect();
            (y[0], y[1]) = (0.0, 1.0);
            (y, scores)
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        #[test]
        fn roc_auc_in_slices_is_roc_auc((y, s) in ranking_case(), budget in 1usize..20_000) {
            let mut sliced = RocAucInSlices::new(&y, &s).unwrap();
            let mut steps = 0;
            let value = loop {
                steps += 1;
                proptest::prop_assert!(sliced.fraction() <= 1.0);
                if let Some(v) = sliced.step(budget) {
                    break v;
                }
            };
            proptest::prop_assert_eq!(value, roc_auc(&y, &s).unwrap());
            // A step stops once its budget is spent (sorting goes by runs of 4096).
            proptest::prop_assert!(steps > 1 || y.len() <= budget + 4096);
        }

        #[test]
        fn keras_auc_is_roc_auc_on_the_threshold_grid((y, s) in ranking_case(), n in 2usize..300) {
            // Keras' bucket of each score, as documented: ties within a grid cell.
            let cells = (n - 1) as f64;
            let buckets: Vec<f64> =
                s.iter().map(|&v| ((v.clamp(0.0, 1.0) * cells).ceil() - 1.0).max(0.0)).collect();
            proptest::prop_assert_eq!(keras_auc(&y, &s, n).unwrap(), roc_auc(&y, &buckets).unwrap());
        }
    }
}
