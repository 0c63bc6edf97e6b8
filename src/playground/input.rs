//! Numbers as learners type them (or links carry them), and the temperature slider's
//! logarithmic scale.

use super::TEMPERATURE_BOUNDS;

/// Parses a number a learner typed or a link carried: finite decimals only, with a message
/// that says which value was wrong. Accepts the typographic minus `−` too.
pub fn parse_number(text: &str, what: &str) -> Result<f64, String> {
    let cleaned = text.trim().replace('−', "-");
    if cleaned.is_empty() {
        return Err(format!("Please type a number for {what}."));
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(format!("{} must be a finite number.", capitalise(what))),
        Err(_) => Err(format!("'{}' is not a number ({what}).", shorten(text))),
    }
}

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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Keeps messages short when a link carries something very long.
pub(super) fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        text.chars().take(MAX).collect::<String>() + "…"
    } else {
        text.to_string()
    }
}
