//! Float32 emulation of careless and half-careful cross-entropy, for the stability lesson.
//!
//! These functions are *meant* to break: they show what a hand-written softmax does in
//! float32 (the default dtype of Keras and PyTorch), next to the stable forms in the rest
//! of [`crate::math`].
//!
//! Class indices out of range give NaN here (no error type: these are demonstrations,
//! and NaN is what a broken pipeline shows).

use super::activations::softmax;
use super::losses::sparse_categorical_crossentropy;

/// Naive float32 softmax: casts each logit to `f32` and returns e^(z_i) / Σ_j e^(z_j)
/// with **no max-shift**.
///
/// What a hand-written `tf.exp(z) / tf.reduce_sum(tf.exp(z))` or
/// `torch.exp(z) / torch.exp(z).sum()` computes in float32. Correct for moderate logits;
/// breaks once Σ e^(z_j) exceeds `f32::MAX` ≈ 3.4e38, i.e. once log Σ e^(z_j) > 88.72 —
/// which can happen with no single logit above 88.72: for [88.4, 88.4, 0] each e^88.4 is
/// finite but the sum overflows to +∞, and every probability becomes 0 (finite/∞). Once
/// one logit passes 88.72, e^z itself is +∞ and ∞/∞ gives NaN. The stable
/// [`softmax`](crate::math::softmax) and [`log_softmax`](crate::math::log_softmax) are
/// fine there.
///
/// Logits beyond the f32 range become ±∞ on the cast. Empty in → empty out.
///
/// ```
/// use logit_lab::math::naive_softmax_f32;
/// let p = naive_softmax_f32(&[88.4, 88.4, 0.0]);
/// assert_eq!(p, vec![0.0, 0.0, 0.0]); // sums to 0, not 1
/// assert!(naive_softmax_f32(&[89.0, 0.0])[0].is_nan());
/// ```
pub fn naive_softmax_f32(z: &[f64]) -> Vec<f32> {
    normalise_f32(z.iter().map(|&v| (v as f32).exp()).collect())
}

/// Each term divided by their float32 sum (the last step of every softmax here).
fn normalise_f32(e: Vec<f32>) -> Vec<f32> {
    let s: f32 = e.iter().sum();
    e.into_iter().map(|ei| ei / s).collect()
}

/// −ln p[class] in float32, NaN when `class` is out of range.
fn minus_ln_at(p: &[f32], class: usize) -> f32 {
    match p.get(class) {
        Some(&p) => -p.ln(),
        None => f32::NAN,
    }
}

/// Naive float32 cross-entropy: `−ln(naive_softmax_f32(z)[class])`.
///
/// The loss of a hand-written "softmax then log" in float32. Returns +∞ once the sum
/// overflows and the probability becomes 0 ([88.4, 88.4, 0] → +∞ although the true loss
/// is ln 2 ≈ 0.693), NaN once a logit passes 88.72, and also +∞ when the true class's
/// probability underflows (e.g. it trails by more than about 104).
///
/// Edges: `class` out of range (including empty z) → NaN.
///
/// ```
/// use logit_lab::math::naive_cross_entropy_f32;
/// assert!((naive_cross_entropy_f32(&[1.0, 0.0], 0) - 0.3132617).abs() < 1e-6);
/// assert_eq!(naive_cross_entropy_f32(&[88.4, 88.4, 0.0], 0), f32::INFINITY);
/// assert!(naive_cross_entropy_f32(&[1.0], 1).is_nan());
/// ```
pub fn naive_cross_entropy_f32(z: &[f64], class: usize) -> f32 {
    minus_ln_at(&naive_softmax_f32(z), class)
}

/// Max-shifted float32 softmax: e^(z_i − m) / Σ_j e^(z_j − m) with m = max z, in `f32`.
///
/// The stable softmax every framework uses (`keras.ops.softmax`, `torch.softmax`), in
/// float32: it never overflows, since the largest term is e^0 = 1. Its remaining
/// weakness is underflow: a class trailing the top logit by more than about 104 gets
/// probability exactly 0 (the smallest positive f32 is 1.4e-45 = e^(−103.3)).
///
/// Edges: empty → empty. Inputs that are ±∞ after the cast to f32 (|z| > 3.4e38) or NaN
/// make every entry NaN (∞ − ∞), as the same float32 code would.
///
/// ```
/// use logit_lab::math::shifted_softmax_f32;
/// assert_eq!(shifted_softmax_f32(&[1000.0, 1000.0]), vec![0.5, 0.5]);
/// assert_eq!(shifted_softmax_f32(&[105.0, 0.0])[1], 0.0);
/// ```
pub fn shifted_softmax_f32(z: &[f64]) -> Vec<f32> {
    let zf: Vec<f32> = z.iter().map(|&v| v as f32).collect();
    let m = zf.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    normalise_f32(zf.iter().map(|&v| (v - m).exp()).collect())
}

/// Cross-entropy from the max-shifted float32 softmax:
/// `−ln(shifted_softmax_f32(z)[class])`.
///
/// Never overflows and never gives NaN for finite f32 logits, but returns +∞ once the
/// true class trails the top logit by more than about 104 (its probability underflows
/// to 0 before the log is taken). The fused log-softmax (`from_logits=True`,
/// [`sparse_categorical_crossentropy`]) stays exact there.
///
/// Edges: `class` out of range (including empty z) → NaN.
///
/// ```
/// use logit_lab::math::shifted_cross_entropy_f32;
/// assert!((shifted_cross_entropy_f32(&[88.4, 88.4, 0.0], 0) - 2f32.ln()).abs() < 1e-6);
/// assert_eq!(shifted_cross_entropy_f32(&[105.0, 0.0], 1), f32::INFINITY);
/// ```
pub fn shifted_cross_entropy_f32(z: &[f64], class: usize) -> f32 {
    minus_ln_at(&shifted_softmax_f32(z), class)
}

/// Cross-entropy through Keras' probability path: softmax in f64, then
/// `keras.losses.sparse_categorical_crossentropy(class, p, from_logits=False)`, which
/// rescales p to sum 1 and clips it to [1e-7, 1 − 1e-7] before the log.
///
/// Equal to [`sparse_categorical_crossentropy`]`(class, &softmax(z), false)`. The clip
/// caps the loss at −ln(1e-7) ≈ 16.118 where the true value (from the fused log-softmax)
/// may be 89 or 1000, and makes its gradient 0 there: the learner sees a plateau. A
/// correct confident prediction costs −ln(1 − 1e-7) ≈ 1e-7 instead of ≈ 0.
///
/// Edges: `class` out of range (including empty z) → NaN; NaN logits → NaN.
///
/// ```
/// use logit_lab::math::keras_probability_path_cross_entropy;
/// let l = keras_probability_path_cross_entropy(&[0.0, 200.0], 0);
/// assert!((l - 16.11809565095832).abs() < 1e-12);
/// ```
pub fn keras_probability_path_cross_entropy(z: &[f64], class: usize) -> f64 {
    sparse_categorical_crossentropy(class, &softmax(z), false).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::{log_softmax, sparse_categorical_crossentropy};

    #[test]
    fn naive_breaks_where_stable_does_not() {
        let z = [88.4, 88.4, 0.0];
        let p = naive_softmax_f32(&z);
        assert!(p.iter().sum::<f32>() == 0.0, "{p:?}");
        assert!(!naive_cross_entropy_f32(&z, 0).is_finite());
        assert!(log_softmax(&z).iter().all(|v| v.is_finite()));
        let exact = sparse_categorical_crossentropy(0, &z, true).unwrap();
        assert!((exact - 2f64.ln()).abs() < 1e-15);
        // Shifted f32 is fine here.
        assert!((shifted_cross_entropy_f32(&z, 0) - 2f32.ln()).abs() < 1e-6);
        // Just below the limit the naive one still works.
        assert!(naive_cross_entropy_f32(&[88.0, 0.0], 0).is_finite());
        assert!(naive_cross_entropy_f32(&[89.0, 0.0], 0).is_nan());
    }

    #[test]
    fn shifted_underflows_past_about_104() {
        assert!(shifted_cross_entropy_f32(&[103.0, 0.0], 1).is_finite());
        assert_eq!(shifted_cross_entropy_f32(&[105.0, 0.0], 1), f32::INFINITY);
        let exact = sparse_categorical_crossentropy(1, &[105.0, 0.0], true).unwrap();
        assert!((exact - 105.0).abs() < 1e-12);
    }

    #[test]
    fn probability_path_caps() {
        let l = keras_probability_path_cross_entropy(&[89.0, 0.0], 1);
        assert!((l - 16.118095650958317).abs() < 1e-12);
        assert!(keras_probability_path_cross_entropy(&[1.0], 3).is_nan());
        assert!(keras_probability_path_cross_entropy(&[], 0).is_nan());
        assert!(naive_cross_entropy_f32(&[], 0).is_nan());
        assert!(shifted_cross_entropy_f32(&[1.0], 1).is_nan());
        let good = keras_probability_path_cross_entropy(&[30.0, 0.0], 0);
        assert!((good - 1.00000005e-7).abs() < 1e-20);
    }
}
