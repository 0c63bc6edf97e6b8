//! Numbers as learners type them (or links carry them; parsed by [`crate::format`]), and
//! the temperature slider's logarithmic scale.

use super::TEMPERATURE_BOUNDS;

/// The app's one parser for typed numbers (in [`crate::format`]), kept under its old path.
pub use crate::format::parse_number;
pub(super) use crate::format::shorten;

/// Temperature for a slider position in 0–1000, on a log scale over
/// [`TEMPERATURE_BOUNDS`], snapped to 3 significant digits (so URLs stay readable).
pub fn temperature_from_slider(position: f64) -> f64 {
    let (lo, hi) = TEMPERATURE_BOUNDS;
    let t = lo * (hi / lo).powf(position.clamp(0.0, 1000.0) / 1000.0);
    let mag = 10f64.powf(t.log10().floor() - 2.0);
    ((t / mag).round() * mag).clamp(lo, hi)
}

/// The slider position (0–1000) of a temperature.
pub fn slider_from_temperature(t: f64) -> f64 {
    let (lo, hi) = TEMPERATURE_BOUNDS;
    ((t / lo).ln() / (hi / lo).ln() * 1000.0).clamp(0.0, 1000.0)
}
