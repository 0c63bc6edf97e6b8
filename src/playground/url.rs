//! The Playground's state as a URL query, written with full precision and read back with a
//! message for anything malformed.

use super::input::{parse_number, shorten};
use super::{
    Head, Labels, PlaygroundState, MAX_CLASSES, MAX_RANGE, MIN_CLASSES, TEMPERATURE_BOUNDS,
};
use crate::format::format_full;
use crate::routes::parse_query;

impl PlaygroundState {
    /// The state as a URL query (`z=2,1,0.5&y=onehot:0&t=1&head=softmax&range=12`), with full
    /// precision so a shared link restores exactly the same numbers.
    pub fn to_query(&self) -> String {
        let z: Vec<String> = self.logits.iter().map(|v| format_full(*v)).collect();
        let y = match &self.labels {
            Labels::OneHot(c) => format!("onehot:{c}"),
            Labels::Sparse(c) => format!("sparse:{c}"),
            Labels::MultiHot(bits) => {
                let b: String = bits.iter().map(|b| if *b { '1' } else { '0' }).collect();
                format!("multihot:{b}")
            }
        };
        let head = match self.head {
            Head::Softmax => "softmax",
            Head::Sigmoid => "sigmoid",
        };
        format!(
            "z={}&y={}&t={}&head={}&range={}&k={}",
            z.join(","),
            y,
            format_full(self.temperature),
            head,
            format_full(self.range),
            self.up_close
        )
    }

    /// Reads a state from a URL query. Missing keys keep their defaults; anything malformed
    /// makes the whole state fall back to the defaults, with a message saying what was wrong
    /// (a half-applied link would show numbers nobody shared).
    pub fn from_query(query: &str) -> Result<PlaygroundState, String> {
        let mut state = PlaygroundState::default();
        let pairs = parse_query(query);
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if let Some(range) = get("range") {
            let r = parse_number(range, "range")?;
            if !(1.0..=MAX_RANGE).contains(&r) {
                return Err(format!(
                    "range must be between 1 and {MAX_RANGE}, got {range}."
                ));
            }
            state.range = r;
        }
        if let Some(z) = get("z") {
            let values = z
                .split(',')
                .map(|v| parse_number(v, "a logit"))
                .collect::<Result<Vec<f64>, String>>()?;
            if !(MIN_CLASSES..=MAX_CLASSES).contains(&values.len()) {
                return Err(format!(
                    "The link has {} logits; the Playground takes {MIN_CLASSES} to {MAX_CLASSES}.",
                    values.len()
                ));
            }
            if let Some(v) = values.iter().find(|v| v.abs() > state.range) {
                return Err(format!(
                    "The logit {v} is outside the chart's range ±{}.",
                    state.range
                ));
            }
            state.logits = values;
        }
        let n = state.classes();
        if let Some(y) = get("y") {
            let (kind, value) = y
                .split_once(':')
                .ok_or_else(|| format!("The label '{}' is not understood.", shorten(y)))?;
            let class = |v: &str| -> Result<usize, String> {
                match v.parse::<usize>() {
                    Ok(c) if c < n => Ok(c),
                    _ => Err(format!(
                        "The class '{}' is not one of 0 to {}.",
                        shorten(v),
                        n - 1
                    )),
                }
            };
            state.labels = match kind {
                "onehot" => Labels::OneHot(class(value)?),
                "sparse" => Labels::Sparse(class(value)?),
                "multihot" => {
                    if value.len() != n || !value.chars().all(|c| c == '0' || c == '1') {
                        return Err(format!(
                            "A multi-hot label needs {n} digits 0 or 1, got '{}'.",
                            shorten(value)
                        ));
                    }
                    Labels::MultiHot(value.chars().map(|c| c == '1').collect())
                }
                _ => {
                    return Err(format!(
                        "The label kind '{}' is not understood.",
                        shorten(kind)
                    ))
                }
            };
        }
        if let Some(t) = get("t") {
            let t_value = parse_number(t, "the temperature")?;
            let (lo, hi) = TEMPERATURE_BOUNDS;
            if !(lo..=hi).contains(&t_value) {
                return Err(format!(
                    "The temperature must be between {lo} and {hi}, got {t}."
                ));
            }
            state.temperature = t_value;
        }
        if let Some(head) = get("head") {
            state.head = match head {
                "softmax" => Head::Softmax,
                "sigmoid" => Head::Sigmoid,
                _ => return Err(format!("The output '{}' is not understood.", shorten(head))),
            };
        }
        if let Some(k) = get("k") {
            state.up_close = match k.parse::<usize>() {
                Ok(c) if c < n => c,
                _ => {
                    return Err(format!(
                        "The class up close '{}' is not one of 0 to {}.",
                        shorten(k),
                        n - 1
                    ))
                }
            };
        }
        Ok(state)
    }
}
