//! Widget state as text in a link (`#/<lesson>/<step>?key=value&…`), so a shared link
//! restores exactly the numbers the sender saw. Host-testable: the browser side
//! (`lessons::view::shared`) only reads and writes these strings.
//!
//! Every encoding is lossless for the values the app can produce (numbers are written with
//! full `f64` precision) and every decoder rejects what it cannot use (`None`), so a
//! hand-edited or truncated link is reported and ignored, never half-applied.

use crate::format::format_full;

/// A value that can live in a link.
pub trait LinkValue: Sized {
    /// The value as URL-safe text (digits, letters, `-`, `.`, `,`, `*`, `_`).
    fn to_link(&self) -> String;
    /// The value back from a link, or `None` if the text is not one.
    fn from_link(text: &str) -> Option<Self>;
}

impl LinkValue for f64 {
    fn to_link(&self) -> String {
        format_full(*self)
    }
    fn from_link(text: &str) -> Option<Self> {
        text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
    }
}

impl LinkValue for bool {
    fn to_link(&self) -> String {
        if *self { "1" } else { "0" }.into()
    }
    fn from_link(text: &str) -> Option<Self> {
        match text.trim() {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }
}

impl LinkValue for usize {
    fn to_link(&self) -> String {
        self.to_string()
    }
    fn from_link(text: &str) -> Option<Self> {
        let t = text.trim();
        // Digits only (no sign, no "+"), and not absurdly long.
        (!t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    }
}

/// A pair, written `a_b` (a grid cell: row_column).
impl<A: LinkValue, B: LinkValue> LinkValue for (A, B) {
    fn to_link(&self) -> String {
        format!("{}_{}", self.0.to_link(), self.1.to_link())
    }
    fn from_link(text: &str) -> Option<Self> {
        let (a, b) = text.split_once('_')?;
        Some((A::from_link(a)?, B::from_link(b)?))
    }
}

/// Something or nothing (a picture that may not be picked yet): `none`, or the value.
impl<T: LinkValue> LinkValue for Option<T> {
    fn to_link(&self) -> String {
        match self {
            None => "none".into(),
            Some(v) => v.to_link(),
        }
    }
    fn from_link(text: &str) -> Option<Self> {
        if text.trim() == "none" {
            Some(None)
        } else {
            T::from_link(text).map(Some)
        }
    }
}

/// Numbers, comma-separated, with runs of one value written once as `value*count`
/// (a painted mask of 576 pixels that are mostly 0 stays a few dozen characters).
impl LinkValue for Vec<f64> {
    fn to_link(&self) -> String {
        let mut parts = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let v = self[i];
            let mut n = 1;
            while i + n < self.len() && self[i + n].to_bits() == v.to_bits() {
                n += 1;
            }
            parts.push(if n >= 3 {
                format!("{}*{n}", format_full(v))
            } else {
                vec![format_full(v); n].join(",")
            });
            i += n;
        }
        parts.join(",")
    }
    fn from_link(text: &str) -> Option<Self> {
        let mut out = Vec::new();
        if text.trim().is_empty() {
            return Some(out);
        }
        for part in text.split(',') {
            let (value, count) = match part.split_once('*') {
                Some((v, n)) => (v, usize::from_link(n)?),
                None => (part, 1),
            };
            let v = f64::from_link(value)?;
            // A link cannot make the app allocate without bound.
            if out.len() + count > MAX_LIST {
                return None;
            }
            out.extend(std::iter::repeat_n(v, count));
        }
        Some(out)
    }
}

/// Yes/no flags as a string of `1` and `0`.
impl LinkValue for Vec<bool> {
    fn to_link(&self) -> String {
        self.iter().map(|b| if *b { '1' } else { '0' }).collect()
    }
    fn from_link(text: &str) -> Option<Self> {
        let t = text.trim();
        if t.len() > MAX_LIST {
            return None;
        }
        t.chars()
            .map(|c| match c {
                '1' => Some(true),
                '0' => Some(false),
                _ => None,
            })
            .collect()
    }
}

/// The longest list a link may carry.
pub const MAX_LIST: usize = 10_000;

/// Implements [`LinkValue`] for a fieldless enum by naming each variant.
#[macro_export]
macro_rules! link_enum {
    ($ty:ty { $($variant:path => $name:literal),+ $(,)? }) => {
        impl $crate::link::LinkValue for $ty {
            fn to_link(&self) -> String {
                match self {
                    $($variant => $name,)+
                }
                .to_string()
            }
            fn from_link(text: &str) -> Option<Self> {
                match text.trim() {
                    $($name => Some($variant),)+
                    _ => None,
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: LinkValue + PartialEq + std::fmt::Debug>(v: T) {
        let text = v.to_link();
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.,*_".contains(&b)),
            "{text}"
        );
        assert_eq!(T::from_link(&text), Some(v), "{text}");
    }

    #[test]
    fn values_survive_a_link() {
        round_trip(0.1f64 + 0.2);
        round_trip(-1e-300f64);
        round_trip(true);
        round_trip(false);
        round_trip(42usize);
        round_trip((3usize, 17usize));
        round_trip(vec![0.0, 0.0, 0.0, 1.0, 0.5, 0.5, -2.25]);
        round_trip(Vec::<f64>::new());
        round_trip(vec![true, false, true, true]);
        round_trip(Some(7usize));
        round_trip(None::<usize>);
    }

    #[test]
    fn masks_stay_short() {
        let mut mask = vec![0.0; 576];
        for v in &mut mask[100..130] {
            *v = 1.0;
        }
        let text = mask.to_link();
        assert_eq!(text, "0.0*100,1.0*30,0.0*446");
        assert_eq!(Vec::<f64>::from_link(&text), Some(mask));
    }

    #[test]
    fn bad_text_is_refused() {
        for bad in ["", "nan", "inf", "1e999", "abc", "1,2"] {
            assert_eq!(f64::from_link(bad), None, "{bad}");
        }
        for bad in ["", "-1", "+3", "1.5", "9999999999"] {
            assert_eq!(usize::from_link(bad), None, "{bad}");
        }
        assert_eq!(bool::from_link("true"), None);
        assert_eq!(<(usize, usize)>::from_link("3,4"), None);
        assert_eq!(Vec::<f64>::from_link("1,,2"), None);
        assert_eq!(Vec::<f64>::from_link("1,NaN"), None);
        assert_eq!(Vec::<f64>::from_link("0*99999999"), None);
        assert_eq!(Vec::<f64>::from_link("0*-1"), None);
        assert_eq!(Vec::<bool>::from_link("10x1"), None);
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Shape {
        Round,
        Square,
    }
    link_enum!(Shape { Shape::Round => "round", Shape::Square => "square" });

    #[test]
    fn enums_are_named() {
        round_trip(Shape::Round);
        round_trip(Shape::Square);
        assert_eq!(Shape::Square.to_link(), "square");
        assert_eq!(Shape::from_link("triangle"), None);
    }
}
