//! How numbers are shown to learners: four significant digits by default, a real minus sign,
//! and words instead of `NaN`/`inf` so a value that is genuinely not finite reads as such.

/// Formats `x` with `sig` significant digits (at least 1) for display.
///
/// * plain decimals for magnitudes in `[1e-3, 1e5)`, trailing zeros trimmed (`0.5`, `2.197`);
/// * scientific notation outside it (`6.692e−4`, `1.000e6`);
/// * `−` (U+2212) for negatives, `∞`/`−∞` for infinities and `NaN` for NaN
///   (the stability lesson shows NaN on purpose; finite values never print as NaN).
pub fn format_sig(x: f64, sig: usize) -> String {
    let sig = sig.max(1);
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "∞".to_string()
        } else {
            "−∞".to_string()
        };
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let negative = x < 0.0;
    let a = x.abs();
    let body = if (1e-3..1e5).contains(&a) {
        // Round to `sig` significant digits first, then decide how many decimals remain.
        let exponent = a.log10().floor() as i32;
        let decimals = (sig as i32 - 1 - exponent).max(0) as usize;
        let text = format!("{a:.decimals$}");
        // Rounding can carry into a new digit (9.9996 → 10.000): re-trim either way.
        trim_zeros(&text)
    } else {
        let text = format!("{a:.prec$e}", prec = sig - 1);
        // Rust prints `1.234e-5`; show the mantissa trimmed and a real minus in the exponent.
        let (mantissa, exp) = text.split_once('e').unwrap_or((text.as_str(), "0"));
        let exp = exp.replace('-', "−");
        format!("{}e{}", trim_zeros(mantissa), exp)
    };
    if negative && body != "0" {
        format!("−{body}")
    } else {
        body
    }
}

/// Four significant digits, the app's default.
pub fn format4(x: f64) -> String {
    format_sig(x, 4)
}

/// A value for `data-value` attributes and `aria-valuenow`: full precision, round-trippable,
/// plain ASCII (`-`, `inf`, `-inf`, `NaN`), so tests and scripts can parse it.
pub fn format_full(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{x:?}")
    }
}

fn trim_zeros(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_significant_digits() {
        assert_eq!(format4(2.197_224_577), "2.197");
        assert_eq!(format4(0.5), "0.5");
        assert_eq!(format4(-0.3), "−0.3");
        assert_eq!(format4(16.118_095_65), "16.12");
        assert_eq!(format4(123.456), "123.5");
        assert_eq!(format4(9.99996), "10");
        assert_eq!(format4(0.000_669_2), "6.692e−4");
        assert_eq!(format4(-6.692e-4), "−6.692e−4");
        assert_eq!(format4(1e6), "1e6");
        assert_eq!(format4(0.0), "0");
        assert_eq!(format4(-0.0), "0");
    }

    #[test]
    fn non_finite_values_are_words() {
        assert_eq!(format4(f64::INFINITY), "∞");
        assert_eq!(format4(f64::NEG_INFINITY), "−∞");
        assert_eq!(format4(f64::NAN), "NaN");
    }

    #[test]
    fn full_precision_round_trips() {
        for x in [0.1, -2.5e-300, 1.0 / 3.0, 88.72, -1e10] {
            assert_eq!(format_full(x).parse::<f64>().unwrap(), x);
        }
        assert_eq!(format_full(f64::NEG_INFINITY), "-inf");
    }
}
