//! Chart label sizes from per-character advances measured once per font (see [`TextSizes`]).

/// Text sizes per font, from the advance width of each character measured once: a bar's
/// value label changes on every drag frame, but its characters (digits, sign, point) do not,
/// so after the first frames no label needs `measureText` (a call into the browser that cost
/// ~0.1 ms per label with the CPU slowed 4×). For chart labels (numbers, "true", "class 0",
/// "p = 0.245") the sum of the advances equals what `measureText` gives for the whole text, to
/// the hundredth of a pixel in Chromium; a kerned pair ("AV") comes out a little wider.
#[derive(Default)]
pub struct TextSizes {
    // Small lists, searched in order: a handful of fonts and of characters each (HashMaps
    // here cost 5.4–5.7 KB gzip per bundle, for nothing measurable).
    fonts: Vec<(String, FontSizes)>,
}

/// One font's line height and the advances of the characters measured so far.
#[derive(Default)]
struct FontSizes {
    height: Option<f64>,
    advances: Vec<(char, f64)>,
}

/// Bounds the cache (fonts differ by size only: zoom levels, presenter mode, exports).
const MAX_FONTS: usize = 32;

impl TextSizes {
    /// The (width, height) of `text` in `font`; `measure` asks the browser for the (width,
    /// line height) of one character, or says it cannot (NaN is returned for what is unknown).
    pub fn measure(
        &mut self,
        font: &str,
        text: &str,
        mut measure: impl FnMut(&str) -> Option<(f64, f64)>,
    ) -> (f64, f64) {
        let at = match self.fonts.iter().position(|(f, _)| f == font) {
            Some(at) => at,
            None => {
                if self.fonts.len() >= MAX_FONTS {
                    self.fonts.clear();
                }
                self.fonts.push((font.to_string(), FontSizes::default()));
                self.fonts.len() - 1
            }
        };
        let sizes = &mut self.fonts[at].1;
        let mut width = 0.0;
        let mut buf = [0u8; 4];
        for c in text.chars() {
            let known = sizes.advances.iter().find(|(k, _)| *k == c);
            let advance = match known {
                Some((_, a)) => *a,
                None => match measure(c.encode_utf8(&mut buf)) {
                    Some((w, h)) if w.is_finite() && h.is_finite() => {
                        sizes.height.get_or_insert(h);
                        sizes.advances.push((c, w));
                        w
                    }
                    _ => return (f64::NAN, sizes.height.unwrap_or(f64::NAN)),
                },
            };
            width += advance;
        }
        let height = match sizes.height {
            Some(h) => h,
            None => measure("0").map_or(f64::NAN, |(_, h)| h),
        };
        if height.is_finite() {
            sizes.height.get_or_insert(height);
        }
        (width, height)
    }
}

#[cfg(test)]
mod tests {
    use super::{TextSizes, MAX_FONTS};

    /// A pretend browser: each character is 7 px wide ("1" is 5), lines 15 px high.
    fn browser(calls: &mut Vec<String>) -> impl FnMut(&str) -> Option<(f64, f64)> + '_ {
        |t: &str| {
            calls.push(t.to_string());
            Some((if t == "1" { 5.0 } else { 7.0 }, 15.0))
        }
    }

    #[test]
    fn a_label_is_the_sum_of_its_characters_each_measured_once() {
        let mut sizes = TextSizes::default();
        let mut calls = Vec::new();
        assert_eq!(
            sizes.measure("12px a", "0.11", browser(&mut calls)),
            (24.0, 15.0)
        );
        assert_eq!(calls, ["0", ".", "1"]);
        calls.clear();
        assert_eq!(
            sizes.measure("12px a", "1.10", browser(&mut calls)),
            (24.0, 15.0)
        );
        assert!(
            calls.is_empty(),
            "known characters are not measured again: {calls:?}"
        );
        assert_eq!(
            sizes.measure("12px a", "", browser(&mut calls)),
            (0.0, 15.0)
        );
        // Another font starts afresh.
        assert_eq!(
            sizes.measure("24px a", "1", browser(&mut calls)),
            (5.0, 15.0)
        );
        assert_eq!(calls, ["1"]);
    }

    #[test]
    fn a_character_the_browser_cannot_measure_gives_an_unknown_width() {
        let mut sizes = TextSizes::default();
        let (w, h) = sizes.measure("12px a", "ab", |_| None);
        assert!(w.is_nan() && h.is_nan());
        let (w, h) = sizes.measure("12px a", "ab", |t| (t == "a").then_some((7.0, 15.0)));
        assert!(w.is_nan());
        assert_eq!(h, 15.0);
    }

    #[test]
    fn the_cache_holds_a_bounded_number_of_fonts() {
        let mut sizes = TextSizes::default();
        for px in 0..100 {
            sizes.measure(&format!("{px}px a"), "0", |_| Some((7.0, 15.0)));
            assert!(sizes.fonts.len() <= MAX_FONTS);
        }
    }
}
