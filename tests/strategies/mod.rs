//! Proptest strategies shared by the math property tests (`math_properties.rs`,
//! `math_no_panic.rs`): logits, probabilities, labels, and wild floats.
// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use proptest::prelude::*;

/// Finite logits, moderate or huge.
pub fn logit_value() -> impl Strategy<Value = f64> {
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

pub fn logits(max_len: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(logit_value(), 1..=max_len)
}

/// A probability in [0, 1], with the edges and the clip bounds well represented.
pub fn prob() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..=1.0f64,
        1 => prop::sample::select(vec![
            0.0, 1.0, 1e-7, 1.0 - 1e-7, 1e-300, 5e-324, 0.5, 1.0 - 1e-16,
        ]),
    ]
}

/// A label: mostly 0 or 1, sometimes soft.
pub fn label() -> impl Strategy<Value = f64> {
    prop_oneof![3 => prop::sample::select(vec![0.0, 1.0]), 1 => 0.0..=1.0f64]
}

/// Any f64 at all, with the troublemakers over-represented.
pub fn wild() -> impl Strategy<Value = f64> {
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

pub fn wild_vec() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(wild(), 0..8)
}

pub fn wild_usize() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..12, 1 => any::<usize>(), 1 => Just(usize::MAX)]
}

/// Same-length (labels, probabilities), 1..=12 elements.
pub fn labels_and_probs() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=12).prop_flat_map(|n| {
        (
            prop::collection::vec(label(), n),
            prop::collection::vec(prob(), n),
        )
    })
}

/// Same-length (labels, logits), 1..=12 elements.
pub fn labels_and_logits() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=12).prop_flat_map(|n| {
        (
            prop::collection::vec(label(), n),
            prop::collection::vec(logit_value(), n),
        )
    })
}

/// A one-hot row with its logits, 1..=10 classes.
pub fn one_hot_and_logits() -> impl Strategy<Value = (usize, Vec<f64>)> {
    logits(10).prop_flat_map(|z| (0..z.len(), Just(z)))
}

/// Binary labels and finite scores, same length.
pub fn binary_and_scores() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
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
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// −ln(1e-7) plus a little rounding room: the most Keras' probability path can report.
pub const CEILING: f64 = 16.118_095_650_958_33;

pub fn one_hot(c: usize, n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n];
    y[c] = 1.0;
    y
}
