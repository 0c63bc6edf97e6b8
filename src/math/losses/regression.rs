//! Regression losses: mean squared and mean absolute error of one sample.

use super::mean_loss;
use crate::math::error::MathError;

/// Mean squared error of one sample: mean_i (y_i − p_i)².
///
/// Keras 3: `keras.losses.mean_squared_error` (`keras.losses.MeanSquaredError`); PyTorch:
/// `F.mse_loss(p, y)` (`nn.MSELoss`).
///
/// Errors: lengths differ; empty input. Edges: overflows to +∞ only when the true value
/// exceeds `f64::MAX`; NaN in → NaN.
///
/// ```
/// use logit_lab::math::mean_squared_error;
/// assert_eq!(mean_squared_error(&[1.0, 0.0], &[0.5, 0.5]).unwrap(), 0.25);
/// ```
pub fn mean_squared_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    mean_loss(y_true, ("y_pred", y_pred), |y, p| (y - p) * (y - p))
}

/// Mean absolute error of one sample: mean_i |y_i − p_i|.
///
/// Keras 3: `keras.losses.mean_absolute_error` (`keras.losses.MeanAbsoluteError`);
/// PyTorch: `F.l1_loss(p, y)` (`nn.L1Loss`).
///
/// Errors: lengths differ; empty input. Edges: NaN in → NaN.
///
/// ```
/// use logit_lab::math::mean_absolute_error;
/// assert_eq!(mean_absolute_error(&[1.0, 0.0], &[0.5, 0.25]).unwrap(), 0.375);
/// ```
pub fn mean_absolute_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, MathError> {
    mean_loss(y_true, ("y_pred", y_pred), |y, p| (y - p).abs())
}
