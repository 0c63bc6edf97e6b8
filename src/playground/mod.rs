//! The Playground's state and every number it shows, as plain data and plain methods
//! (no web dependencies), so the host tests check them and the URL can carry them: the state
//! in `state.rs`, the derived numbers in `derived.rs`, the URL query in `url.rs`, typed
//! numbers and the temperature slider in `input.rs`.

mod derived;
mod input;
mod state;
#[cfg(test)]
mod tests;
mod url;

pub use derived::{ClassRow, Losses, PlaygroundNumbers};
pub use input::{parse_number, slider_from_temperature, temperature_from_slider};
pub use state::{Head, Labels, PlaygroundState};

/// Index of the largest value, the first on ties (0 for an empty slice), as Keras' argmax.
///
/// The Playground had its own copy, which let a NaN win only at index 0; `math::argmax`
/// picks the first NaN anywhere (NumPy's rule). Both give the same index for every slice
/// without NaN, and the Playground's logits are always finite (`set_logit` and
/// `from_query` refuse anything else), so its numbers use `math::argmax`. Re-exported
/// here for the lessons and widgets that import it from the Playground.
pub use crate::math::argmax;

/// Fewest classes the Playground allows.
pub const MIN_CLASSES: usize = 2;
/// Most classes the Playground allows.
pub const MAX_CLASSES: usize = 10;
/// Default half-width of the logit axis (the chart shows `[-range, range]`).
pub const DEFAULT_RANGE: f64 = 12.0;
/// Widest logit axis offered (the stability lesson needs logits past 88.7).
pub const MAX_RANGE: f64 = 1000.0;
/// Smallest and largest temperature the slider offers.
pub const TEMPERATURE_BOUNDS: (f64, f64) = (0.05, 100.0);
