//! How numbers are shown to learners (four significant digits by default, a real minus sign,
//! words instead of `NaN`/`inf`), and how the numbers they type are read back and checked.

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

/// Parses a number a learner typed or a link carried: finite decimals only, with a message
/// that says which value was wrong. Accepts the typographic minus `−` (which
/// [`format_sig`] writes), so a shown value can be typed back.
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

/// [`parse_number`], then checked against `[min, max]` (the range of the widget the value
/// belongs to), with a message that gives the range.
pub fn parse_in_range(text: &str, what: &str, min: f64, max: f64) -> Result<f64, String> {
    let v = parse_number(text, what)?;
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "{} must be between {} and {}.",
            capitalise(what),
            format_sig(min, 6),
            format_sig(max, 6)
        ))
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Keeps messages short when a learner types, or a link carries, something very long.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        text.chars().take(MAX).collect::<String>() + "…"
    } else {
        text.to_string()
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

    #[test]
    fn typed_numbers_are_checked() {
        assert_eq!(parse_number(" −1.5 ", "x"), Ok(-1.5));
        assert_eq!(parse_number("7.126e−4", "x"), Ok(7.126e-4));
        assert!(parse_number("", "a logit").is_err());
        assert!(parse_number("1e999", "a logit").is_err());
        assert!(parse_number("NaN", "a logit").is_err());
        assert_eq!(
            parse_number("two", "a logit"),
            Err("'two' is not a number (a logit).".to_string())
        );
        assert_eq!(parse_in_range("88.4", "z", -120.0, 120.0), Ok(88.4));
        assert_eq!(parse_in_range("120", "z", -120.0, 120.0), Ok(120.0));
        assert_eq!(
            parse_in_range("121", "a logit", -120.0, 120.0),
            Err("A logit must be between −120 and 120.".to_string())
        );
        // Every shown value types back to itself (to the digits shown).
        for x in [88.4, -2.5, 7.126e-4, 1e6, 0.0] {
            assert_eq!(parse_number(&format_sig(x, 6), "x"), Ok(x));
        }
    }
}
