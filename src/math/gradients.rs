//! Gradients of losses with respect to the logits, written out in closed form.
//!
//! They are what back-propagation feeds the last layer.

use super::activations::{sigmoid, softmax, sum_except};
use super::error::{check_classes, MathError};
use super::losses::KERAS_EPSILON;

/// σ(z) − y, computed as (1 − y) − σ(−z) when z ≥ 0 so that y = 1 with a large logit
/// keeps full relative precision (−σ(−z) instead of 1 − 1).
fn sigmoid_minus(y: f64, z: f64) -> f64 {
    if z >= 0.0 {
        (1.0 - y) - sigmoid(-z)
    } else {
        sigmoid(z) - y
    }
}

/// Gradient of binary cross-entropy on logits w.r.t. the logit: dL/dz = σ(z) − y.
///
/// The derivative of `keras.losses.binary_crossentropy(y, z, from_logits=True)` and of
/// PyTorch `F.binary_cross_entropy_with_logits(z, y)` for one element (what
/// `tf.GradientTape` or `torch.autograd` return). The error signal is linear in the
/// mistake and never vanishes while the prediction is wrong: at z = −8, y = 1 it is
/// −0.99966 (compare [`mse_sigmoid_grad_logit`], −6.7e-4).
///
/// Edges: in (−1, 1) for y in [0, 1]; z = ±∞ gives 1 − y or −y exactly; NaN in → NaN.
///
/// ```
/// use logit_lab::math::binary_crossentropy_grad_logit;
/// assert!((binary_crossentropy_grad_logit(1.0, -8.0) + 0.9996646498695336).abs() < 1e-15);
/// ```
pub fn binary_crossentropy_grad_logit(y: f64, z: f64) -> f64 {
    sigmoid_minus(y, z) + 0.0
}

/// Gradient of the squared error of a sigmoid output w.r.t. the logit:
/// d/dz (σ(z) − y)² = 2(σ(z) − y)·σ(z)(1 − σ(z)).
///
/// What autograd returns for `keras.losses.mean_squared_error(y, keras.ops.sigmoid(z))`
/// or PyTorch `F.mse_loss(torch.sigmoid(z), y)` with one element. The factor σ(1 − σ)
/// makes it vanish when the unit saturates, even on the wrong side: at z = −8, y = 1 it
/// is only −6.7e-4, which is why sigmoid + MSE learns slowly from bad starts.
///
/// σ(1 − σ) is computed as σ(z)σ(−z) so it stays accurate for large |z|.
///
/// Edges: 0 at z = ±∞; NaN in → NaN.
///
/// ```
/// use logit_lab::math::mse_sigmoid_grad_logit;
/// let g = mse_sigmoid_grad_logit(1.0, -8.0);
/// assert!((g + 6.7e-4).abs() < 0.05e-4);
/// ```
pub fn mse_sigmoid_grad_logit(y: f64, z: f64) -> f64 {
    2.0 * sigmoid_minus(y, z) * (sigmoid(z) * sigmoid(-z)) + 0.0
}

/// Gradient w.r.t. the logit of Keras' probability-path binary cross-entropy
/// BCE(y, clip(σ(z), ε, 1 − ε)), ε = 1e-7.
///
/// This is what autograd returns for `keras.losses.binary_crossentropy(y,
/// keras.ops.sigmoid(z))` (`from_logits=False`, JAX/NumPy/PyTorch backends): σ(z) − y
/// while 1e-7 < σ(z) < 1 − 1e-7, and exactly **0** wherever the clip is active, i.e.
/// |z| ≥ ln((1 − ε)/ε) ≈ 16.118. There the loss is flat (stuck at its ceiling for a wrong
/// prediction) and learning stops: the reason to prefer `from_logits=True`, whose
/// gradient is [`binary_crossentropy_grad_logit`].
///
/// Edges: at the clip boundary itself we return 0; z = ±∞ → 0; NaN in → NaN.
///
/// ```
/// use logit_lab::math::clipped_binary_crossentropy_grad_logit;
/// assert_eq!(clipped_binary_crossentropy_grad_logit(1.0, -17.0), 0.0);
/// assert!(clipped_binary_crossentropy_grad_logit(1.0, -16.0) < -0.99);
/// ```
pub fn clipped_binary_crossentropy_grad_logit(y: f64, z: f64) -> f64 {
    if sigmoid(-z.abs()) <= KERAS_EPSILON {
        return 0.0;
    }
    sigmoid_minus(y, z) + 0.0
}

/// Gradient of categorical cross-entropy on logits w.r.t. the logits:
/// dL/dz_i = softmax(z)_i − y_i.
///
/// The derivative of `keras.losses.categorical_crossentropy(y, z, from_logits=True)` and
/// of PyTorch `F.cross_entropy(z, y)` for one sample. Exact when y sums to 1 (one-hot or
/// label-smoothed); for other y the true gradient is softmax(z)·Σy − y.
///
/// The entry of the most likely class is computed as (1 − y_k) − Σ_{j≠k} softmax(z)_j,
/// so a confident correct prediction keeps full relative precision instead of 1 − 1 = 0.
/// The entries sum to 1 − Σy (0 for a distribution).
///
/// Errors: lengths differ; no classes. Edges: infinities in z as in
/// [`softmax`](crate::math::softmax) (+∞ logits share the mass); NaN in z → NaN entries.
///
/// ```
/// use logit_lab::math::categorical_crossentropy_grad_logits;
/// let g = categorical_crossentropy_grad_logits(&[0.0, 1.0], &[0.0, 0.0]).unwrap();
/// assert_eq!(g, vec![0.5, -0.5]);
/// ```
pub fn categorical_crossentropy_grad_logits(
    y_true: &[f64],
    z: &[f64],
) -> Result<Vec<f64>, MathError> {
    check_classes("y_true", y_true, "z", z)?;
    let all_finite = z.iter().all(|v| v.is_finite());
    if !all_finite {
        return Ok(softmax(z)
            .iter()
            .zip(y_true)
            .map(|(p, y)| p - y + 0.0)
            .collect());
    }
    let mut k = 0;
    for (i, &v) in z.iter().enumerate() {
        if v > z[k] {
            k = i;
        }
    }
    let m = z[k];
    let e: Vec<f64> = z.iter().map(|&v| (v - m).exp()).collect();
    let rest = sum_except(&e, k);
    let s = 1.0 + rest;
    Ok(e.iter()
        .zip(y_true)
        .enumerate()
        .map(|(i, (&ei, &y))| {
            if i == k {
                (1.0 - y) - rest / s + 0.0
            } else {
                ei / s - y + 0.0
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saturation_lesson_values() {
        let mse = mse_sigmoid_grad_logit(1.0, -8.0);
        assert!((mse - (-6.7e-4)).abs() < 0.01e-4, "{mse}");
        let bce = binary_crossentropy_grad_logit(1.0, -8.0);
        assert!((bce - (-0.9997)).abs() < 0.00005, "{bce}");
        // Keras' clipped path goes flat below z ≈ −16.1.
        assert_eq!(clipped_binary_crossentropy_grad_logit(1.0, -16.2), 0.0);
        assert_eq!(clipped_binary_crossentropy_grad_logit(0.0, 16.2), 0.0);
        let inside = clipped_binary_crossentropy_grad_logit(1.0, -16.0);
        assert_eq!(inside, binary_crossentropy_grad_logit(1.0, -16.0));
        assert!(clipped_binary_crossentropy_grad_logit(1.0, f64::NAN).is_nan());
    }

    #[test]
    fn precise_when_confident() {
        // σ(40) − 1 = −σ(−40) ≈ −4.25e-18, not 0.
        let g = binary_crossentropy_grad_logit(1.0, 40.0);
        assert!((g + 4.248354255291589e-18).abs() < 1e-30);
        let g = categorical_crossentropy_grad_logits(&[0.0, 1.0], &[-40.0, 0.0]).unwrap();
        assert!((g[1] + 4.248354255291589e-18).abs() < 1e-30);
        assert!((g[0] - 4.248354255291589e-18).abs() < 1e-30);
    }

    #[test]
    fn categorical_grad_edges() {
        assert_eq!(
            categorical_crossentropy_grad_logits(&[], &[]),
            Err(MathError::NoClasses)
        );
        assert!(categorical_crossentropy_grad_logits(&[1.0], &[1.0, 2.0]).is_err());
        let g = categorical_crossentropy_grad_logits(&[1.0, 0.0], &[f64::INFINITY, 0.0]);
        assert_eq!(g.unwrap(), vec![0.0, 0.0]);
    }
}
