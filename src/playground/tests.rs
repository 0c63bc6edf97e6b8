//! Tests of the Playground's state: the URL round trip, bad links, the numbers against
//! Keras, class bounds, the temperature slider and typed numbers.

use super::*;

#[test]
fn query_round_trips_exactly() {
    let state = PlaygroundState {
        logits: vec![0.1, -2.345_678_901_234_5, 11.999_999_999_9],
        labels: Labels::MultiHot(vec![true, false, true]),
        temperature: 0.37,
        head: Head::Sigmoid,
        range: 24.0,
        up_close: 2,
    };
    assert_eq!(PlaygroundState::from_query(&state.to_query()), Ok(state));
    let sparse = PlaygroundState {
        labels: Labels::Sparse(2),
        ..PlaygroundState::default()
    };
    assert_eq!(PlaygroundState::from_query(&sparse.to_query()), Ok(sparse));
    assert_eq!(
        PlaygroundState::from_query(""),
        Ok(PlaygroundState::default())
    );
    // The class up close must exist.
    assert!(PlaygroundState::from_query("z=1,2&k=2").is_err());
    assert_eq!(
        PlaygroundState::from_query("z=1,2&k=1").map(|s| s.up_close),
        Ok(1)
    );
}

#[test]
fn malformed_queries_explain_themselves() {
    for bad in [
        "z=1,abc",
        "z=1",
        "z=1,2,3,4,5,6,7,8,9,10,11",
        "z=1,NaN",
        "z=1,inf",
        "z=1,1e400",
        "z=13,0",
        "y=onehot:7",
        "y=multihot:12",
        "y=what",
        "t=0",
        "t=-1",
        "head=tanh",
        "range=0",
        "z=<script>alert(1)</script>,1",
    ] {
        let err = PlaygroundState::from_query(bad).expect_err(bad);
        assert!(!err.is_empty());
        assert!(!err.contains("<script>alert(1)</script>"), "{err}");
    }
}

#[test]
fn numbers_follow_keras() {
    let state = PlaygroundState::default();
    let n = state.numbers();
    assert!((n.softmax_sum - 1.0).abs() < 1e-12);
    assert_eq!(n.argmax, 0);
    // Softmax gradient of categorical CE is p − y.
    assert!((n.rows[0].grad - (n.rows[0].softmax - 1.0)).abs() < 1e-15);
    assert!((n.rows[1].grad - n.rows[1].softmax).abs() < 1e-15);
    // The double-softmax loss differs from the right one.
    assert!((n.losses.categorical_double_softmax - n.losses.categorical_from_logits).abs() > 0.1);
    assert_eq!(
        n.losses.sparse_from_logits,
        Some(n.losses.categorical_from_logits)
    );
    // logit(softmax(z)) is not z: [0.53, −1.20, −1.81] for z = [2, 1, 0.5].
    assert!((n.rows[0].logit_of_softmax - 0.53).abs() < 5e-3);
    assert!((n.rows[1].logit_of_softmax + 1.20).abs() < 5e-3);
    assert!((n.rows[2].logit_of_softmax + 1.81).abs() < 5e-3);
}

#[test]
fn class_count_stays_in_bounds() {
    let mut state = PlaygroundState {
        labels: Labels::OneHot(2),
        ..PlaygroundState::default()
    };
    state.remove_class();
    state.remove_class();
    assert_eq!(state.classes(), 2);
    assert_eq!(state.labels, Labels::OneHot(0));
    for _ in 0..20 {
        state.add_class();
    }
    assert_eq!(state.classes(), MAX_CLASSES);
}

#[test]
fn temperature_slider_is_logarithmic() {
    assert_eq!(temperature_from_slider(0.0), 0.05);
    assert_eq!(temperature_from_slider(1000.0), 100.0);
    assert!((temperature_from_slider(slider_from_temperature(1.0)) - 1.0).abs() < 0.01);
    assert!((temperature_from_slider(slider_from_temperature(10.0)) - 10.0).abs() < 0.1);
}

#[test]
fn typed_numbers_are_checked() {
    assert_eq!(parse_number(" −1.5 ", "x"), Ok(-1.5));
    assert!(parse_number("", "a logit").is_err());
    assert!(parse_number("1e999", "a logit").is_err());
    assert!(parse_number("two", "a logit").is_err());
    let mut state = PlaygroundState::default();
    assert!(state.set_logit(0, f64::NAN).is_err());
    assert!(state.set_logit(9, 1.0).is_err());
    state.set_logit(1, 500.0).unwrap();
    assert_eq!(state.logits[1], 12.0);
}

#[test]
fn the_marked_class_is_the_first_largest_logit() {
    let state = PlaygroundState::from_query("z=1,3,3,-2").unwrap();
    assert_eq!(state.numbers().argmax, 1);
    let state = PlaygroundState::from_query("z=-5,-4.5,-7").unwrap();
    assert_eq!(state.numbers().argmax, 1);
    // The only way a NaN could reach argmax is refused, so its NaN rule never matters here.
    assert!(PlaygroundState::from_query("z=NaN,1").is_err());
    assert!(PlaygroundState::default().set_logit(0, f64::NAN).is_err());
}
