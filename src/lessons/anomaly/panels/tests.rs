//! Tests of lesson 5's panels: the helpers, every panel set's states, and the figures the
//! lesson states surviving the rounding to 4 digits.

use super::python::{layout, py_kinds, py_labels};
use super::*;
use crate::math;
use crate::model::anomaly::{kind_rates, Dataset, Kind, CLASSIFIER_EPOCHS};
use crate::model::regression::Head;

#[test]
fn rounding_and_layout_helpers() {
    assert_eq!(sig4(0.000284312), 0.0002843);
    assert_eq!(sig4(-0.61884), -0.6188);
    assert_eq!(sig4(0.0), 0.0);
    assert_eq!(py_labels(&[0.0, 0.0, 1.0]), "[0] * 2 + [1] * 1");
    assert_eq!(grey_levels(&[0.0, 1.0, 0.5]), vec![0, 255, 128]);
    assert_eq!(grey_stats(&[0, 255]), [1.0, 0.0, 0.5]);
    let data = Dataset::seeded();
    let kinds: Vec<Kind> = data.test.iter().map(|s| s.kind).collect();
    assert_eq!(
        layout(&kinds),
        "100 good parts, 30 scratches, 30 spots, 30 missing pieces"
    );
    assert_eq!(gallery(&data).len(), 4 * GALLERY_PER_KIND);
    assert_eq!(
        py_kinds(&kinds),
        "np.repeat([\"normal\", \"scratch\", \"spot\", \"missing piece\"], [100, 30, 30, 30])"
    );
}

#[test]
fn every_panel_set_builds_its_states() {
    for set in PANELS {
        for seed in [None, Some(1), Some(2), Some(3)] {
            let programs = (set.make)(seed);
            assert_eq!(programs.len(), 2, "{}", set.step);
            for p in programs {
                for line in &p.prints {
                    for (_, v) in &line.values {
                        assert!(v.iter().all(|x| x.is_finite()), "{} {:?}", set.step, line);
                    }
                }
            }
        }
    }
}

/// Rounding the scores to the 4 digits the page shows changes none of the figures the
/// lesson states.
#[test]
fn the_shown_scores_keep_the_lessons_figures() {
    let lab = trained_lab();
    let y = lab.data().test_labels();
    let exact = lab.test_errors();
    let errors = shown(exact);
    let a = math::roc_auc(&y, exact).unwrap();
    let b = math::roc_auc(&y, &errors).unwrap();
    assert!((a - b).abs() < 1e-4, "{a} {b}");
    let t = lab.suggested_threshold();
    assert_eq!(
        kind_rates(lab.data(), &errors, t).flagged,
        kind_rates(lab.data(), exact, t).flagged
    );
    let (top, used) = keras_buckets(&errors);
    assert!(top > 0.015 && used >= 3, "{top} {used}");
    // The classifier: 26 of 30 scratches at p > 0.5, no spot.
    let p = classifier_probabilities(lab.data(), CLASSIFIER_EPOCHS);
    let half = kind_rates(lab.data(), &p, 0.5);
    assert!((half.flagged[1] - 26.0 / 30.0).abs() < 1e-12);
    assert_eq!(half.flagged[2], 0.0);
    // The thread's regressor: 28 outputs outside [0, 1], R² about −0.0655.
    let linear = thread_scores(Head::LinearMse, &shown(&lab.pixel_raw(Head::LinearMse)), &y);
    let outside = linear
        .outputs
        .iter()
        .filter(|v| !(0.0..=1.0).contains(*v))
        .count();
    assert_eq!(outside, 28);
    assert!((linear.r2.unwrap() + 0.0655).abs() < 1e-3);
}
