//! Formulas: LaTeX turned into MathML, which browsers render natively (no JavaScript maths
//! library). Lesson formulas are fixed strings; a native test renders every one of them.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{push_mathml, Parser, RenderConfig, Storage};

/// Renders `latex` to a `<math>` element; `block` centres it on its own line.
/// Returns the parser's message for malformed input (never panics).
pub fn to_mathml(latex: &str, block: bool) -> Result<String, String> {
    let storage = Storage::new();
    let parser = Parser::new(latex, &storage);
    let config = RenderConfig {
        display_mode: if block {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..Default::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, parser, config).map_err(|e| e.to_string())?;
    // Parse errors are rendered inline as <merror>: treat them as errors here, so a typo in
    // a lesson formula fails the native test instead of reaching a learner.
    if out.contains("<merror") {
        return Err(format!("could not render the formula {latex:?}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_softmax() {
        let m = to_mathml(
            r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}",
            true,
        )
        .unwrap();
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<mfrac"), "{m}");
    }

    #[test]
    fn reports_errors() {
        assert!(to_mathml(r"\frac{1}{", false).is_err());
    }
}
