//! The Playground's state and every number it shows, as plain data and plain methods
//! (no web dependencies), so the host tests check them and the URL can carry them.

use crate::format::format_full;
use crate::math;
use crate::routes::parse_query;

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

/// How the true label is written.
#[derive(Clone, Debug, PartialEq)]
pub enum Labels {
    /// Exactly one class, as a one-hot vector (`categorical_crossentropy`).
    OneHot(usize),
    /// Exactly one class, as an integer index (`sparse_categorical_crossentropy`).
    Sparse(usize),
    /// Any subset of classes (multi-label), one 0/1 per class (`binary_crossentropy`).
    MultiHot(Vec<bool>),
}

/// Which activation turns the logits into the probabilities drawn on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// Softmax over all classes: exclusive classes, probabilities sum to 1.
    Softmax,
    /// One sigmoid per class: independent yes/no per class.
    Sigmoid,
}

/// Everything the Playground shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaygroundState {
    /// The raw scores, one per class (2–10).
    pub logits: Vec<f64>,
    /// The true label(s).
    pub labels: Labels,
    /// Temperature T: the model's logits are divided by T before any activation or loss.
    pub temperature: f64,
    /// The activation drawn as probabilities and whose loss drives the gradient arrows.
    pub head: Head,
    /// Half-width of the logit axis.
    pub range: f64,
    /// The class shown in "One class up close".
    pub up_close: usize,
}

impl Default for PlaygroundState {
    fn default() -> Self {
        PlaygroundState {
            logits: vec![2.0, 1.0, 0.5],
            labels: Labels::OneHot(0),
            temperature: 1.0,
            head: Head::Softmax,
            range: DEFAULT_RANGE,
            up_close: 0,
        }
    }
}

/// One row of the Playground's table: every per-class number.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    /// The raw logit zᵢ.
    pub logit: f64,
    /// softmax(z/T)ᵢ.
    pub softmax: f64,
    /// σ(zᵢ/T).
    pub sigmoid: f64,
    /// logit(softmax(z/T)ᵢ): shows that the logit function does not undo a softmax.
    pub logit_of_softmax: f64,
    /// log_softmax(z/T)ᵢ.
    pub log_softmax: f64,
    /// ∂L/∂zᵢ for the current head's loss (categorical CE for softmax, mean BCE for sigmoid).
    pub grad: f64,
    /// The target yᵢ (0 or 1).
    pub target: f64,
}

/// Losses over the current sample, each as Keras computes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Losses {
    /// `binary_crossentropy(y, z/T, from_logits=True)`.
    pub binary_from_logits: f64,
    /// `binary_crossentropy(y, σ(z/T), from_logits=False)` (clipped probability path).
    pub binary_from_probs: f64,
    /// `categorical_crossentropy(y, z/T, from_logits=True)`.
    pub categorical_from_logits: f64,
    /// `categorical_crossentropy(y, softmax(z/T), from_logits=False)`.
    pub categorical_from_probs: f64,
    /// The double-softmax mistake: softmax output passed with `from_logits=True`.
    pub categorical_double_softmax: f64,
    /// `sparse_categorical_crossentropy(class, z/T, from_logits=True)`; `None` when the labels
    /// are multi-hot (a sparse label names exactly one class).
    pub sparse_from_logits: Option<f64>,
    /// The same on probabilities.
    pub sparse_from_probs: Option<f64>,
}

/// All derived numbers at once (computed once per change, shared by every readout).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaygroundNumbers {
    /// One row per class.
    pub rows: Vec<ClassRow>,
    /// Losses for the sample.
    pub losses: Losses,
    /// Σ softmax (1 up to rounding).
    pub softmax_sum: f64,
    /// Σ sigmoid (anything in (0, n)).
    pub sigmoid_sum: f64,
    /// The class with the highest logit (first one on ties), which is also softmax's argmax.
    pub argmax: usize,
    /// Entropy of softmax(z/T) in nats.
    pub entropy: f64,
}

impl PlaygroundState {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.logits.len()
    }

    /// The target vector y (one-hot or multi-hot) as 0/1 per class.
    pub fn target(&self) -> Vec<f64> {
        let n = self.classes();
        match &self.labels {
            Labels::OneHot(c) | Labels::Sparse(c) => {
                (0..n).map(|i| if i == *c { 1.0 } else { 0.0 }).collect()
            }
            Labels::MultiHot(bits) => (0..n)
                .map(|i| {
                    if bits.get(i).copied().unwrap_or(false) {
                        1.0
                    } else {
                        0.0
                    }
                })
                .collect(),
        }
    }

    /// The single true class, if the labels name exactly one.
    pub fn single_class(&self) -> Option<usize> {
        match &self.labels {
            Labels::OneHot(c) | Labels::Sparse(c) => Some(*c),
            Labels::MultiHot(_) => None,
        }
    }

    /// Adds a class with logit 0 (up to 10).
    pub fn add_class(&mut self) {
        if self.classes() < MAX_CLASSES {
            self.logits.push(0.0);
            if let Labels::MultiHot(bits) = &mut self.labels {
                bits.push(false);
            }
        }
    }

    /// Removes the last class (down to 2), moving a single label that pointed at it to class 0.
    pub fn remove_class(&mut self) {
        if self.classes() > MIN_CLASSES {
            self.logits.pop();
            let n = self.classes();
            match &mut self.labels {
                Labels::OneHot(c) | Labels::Sparse(c) => {
                    if *c >= n {
                        *c = 0;
                    }
                }
                Labels::MultiHot(bits) => bits.truncate(n),
            }
            if self.up_close >= n {
                self.up_close = 0;
            }
        }
    }

    /// Sets logit `i`, clamped to the visible range; non-finite values are refused.
    pub fn set_logit(&mut self, i: usize, value: f64) -> Result<(), String> {
        if !value.is_finite() {
            return Err("A logit must be a finite number.".to_string());
        }
        match self.logits.get_mut(i) {
            Some(z) => {
                *z = value.clamp(-self.range, self.range);
                Ok(())
            }
            None => Err(format!("There is no class {i}.")),
        }
    }

    /// Every derived number, computed once.
    pub fn numbers(&self) -> PlaygroundNumbers {
        let t = self.temperature;
        let scaled: Vec<f64> = self.logits.iter().map(|z| z / t).collect();
        let y = self.target();
        let n = scaled.len();
        let p = math::softmax(&scaled);
        let log_p = math::log_softmax(&scaled);
        let s: Vec<f64> = scaled.iter().map(|&z| math::sigmoid(z)).collect();
        let y_sum: f64 = y.iter().sum();
        // ∂L/∂zᵢ, with the 1/T of the chain rule because the bars are the unscaled logits.
        let grads: Vec<f64> = match self.head {
            // Categorical CE: L = −Σ yⱼ log pⱼ, so ∂L/∂(z/T)ᵢ = pᵢ·Σy − yᵢ.
            Head::Softmax => (0..n).map(|i| (p[i] * y_sum - y[i]) / t).collect(),
            // Mean binary CE over n labels: ∂L/∂(z/T)ᵢ = (σᵢ − yᵢ)/n.
            Head::Sigmoid => (0..n)
                .map(|i| math::binary_crossentropy_grad_logit(y[i], scaled[i]) / n as f64 / t)
                .collect(),
        };
        let rows = (0..n)
            .map(|i| ClassRow {
                logit: self.logits[i],
                softmax: p[i],
                sigmoid: s[i],
                logit_of_softmax: math::logit(p[i]),
                log_softmax: log_p[i],
                grad: grads[i],
                target: y[i],
            })
            .collect();
        let nan = f64::NAN;
        let single = self.single_class();
        let losses = Losses {
            binary_from_logits: math::binary_crossentropy(&y, &scaled, true).unwrap_or(nan),
            binary_from_probs: math::binary_crossentropy(&y, &s, false).unwrap_or(nan),
            categorical_from_logits: math::categorical_crossentropy(&y, &scaled, true, 0.0)
                .unwrap_or(nan),
            categorical_from_probs: math::categorical_crossentropy(&y, &p, false, 0.0)
                .unwrap_or(nan),
            categorical_double_softmax: math::categorical_crossentropy(&y, &p, true, 0.0)
                .unwrap_or(nan),
            sparse_from_logits: single
                .map(|c| math::sparse_categorical_crossentropy(c, &scaled, true).unwrap_or(nan)),
            sparse_from_probs: single
                .map(|c| math::sparse_categorical_crossentropy(c, &p, false).unwrap_or(nan)),
        };
        let argmax = argmax(&self.logits);
        PlaygroundNumbers {
            softmax_sum: p.iter().sum(),
            sigmoid_sum: s.iter().sum(),
            entropy: math::entropy(&p),
            rows,
            losses,
            argmax,
        }
    }

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

/// Index of the largest value (the first on ties; 0 for an empty slice), like Keras' argmax.
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Keeps messages short when a link carries something very long.
fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        text.chars().take(MAX).collect::<String>() + "…"
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_exactly() {
        let state = PlaygroundState {
            logits: vec![0.1, -2.345_678_901_234_5, 11.999_999_999_9],
            labels: Labels::MultiHot(vec![true, false, true]),
            temperature: 0.37,
            head: Head::Sigmoid,
            range: 24.0,
            up_close: 2,
        };
        assert_eq!(PlaygroundState::from_query(&state.to_query()), Ok(state));
        let sparse = PlaygroundState {
            labels: Labels::Sparse(2),
            ..PlaygroundState::default()
        };
        assert_eq!(PlaygroundState::from_query(&sparse.to_query()), Ok(sparse));
        assert_eq!(
            PlaygroundState::from_query(""),
            Ok(PlaygroundState::default())
        );
        // The class up close must exist.
        assert!(PlaygroundState::from_query("z=1,2&k=2").is_err());
        assert_eq!(
            PlaygroundState::from_query("z=1,2&k=1").map(|s| s.up_close),
            Ok(1)
        );
    }

    #[test]
    fn malformed_queries_explain_themselves() {
        for bad in [
            "z=1,abc",
            "z=1",
            "z=1,2,3,4,5,6,7,8,9,10,11",
            "z=1,NaN",
            "z=1,inf",
            "z=1,1e400",
            "z=13,0",
            "y=onehot:7",
            "y=multihot:12",
            "y=what",
            "t=0",
            "t=-1",
            "head=tanh",
            "range=0",
            "z=<script>alert(1)</script>,1",
        ] {
            let err = PlaygroundState::from_query(bad).expect_err(bad);
            assert!(!err.is_empty());
            assert!(!err.contains("<script>alert(1)</script>"), "{err}");
        }
    }

    #[test]
    fn numbers_follow_keras() {
        let state = PlaygroundState::default();
        let n = state.numbers();
        assert!((n.softmax_sum - 1.0).abs() < 1e-12);
        assert_eq!(n.argmax, 0);
        // Softmax gradient of categorical CE is p − y.
        assert!((n.rows[0].grad - (n.rows[0].softmax - 1.0)).abs() < 1e-15);
        assert!((n.rows[1].grad - n.rows[1].softmax).abs() < 1e-15);
        // The double-softmax loss differs from the right one.
        assert!(
            (n.losses.categorical_double_softmax - n.losses.categorical_from_logits).abs() > 0.1
        );
        assert_eq!(
            n.losses.sparse_from_logits,
            Some(n.losses.categorical_from_logits)
        );
        // logit(softmax(z)) is not z: [0.53, −1.20, −1.81] for z = [2, 1, 0.5].
        assert!((n.rows[0].logit_of_softmax - 0.53).abs() < 5e-3);
        assert!((n.rows[1].logit_of_softmax + 1.20).abs() < 5e-3);
        assert!((n.rows[2].logit_of_softmax + 1.81).abs() < 5e-3);
    }

    #[test]
    fn class_count_stays_in_bounds() {
        let mut state = PlaygroundState {
            labels: Labels::OneHot(2),
            ..PlaygroundState::default()
        };
        state.remove_class();
        state.remove_class();
        assert_eq!(state.classes(), 2);
        assert_eq!(state.labels, Labels::OneHot(0));
        for _ in 0..20 {
            state.add_class();
        }
        assert_eq!(state.classes(), MAX_CLASSES);
    }

    #[test]
    fn temperature_slider_is_logarithmic() {
        assert_eq!(temperature_from_slider(0.0), 0.05);
        assert_eq!(temperature_from_slider(1000.0), 100.0);
        assert!((temperature_from_slider(slider_from_temperature(1.0)) - 1.0).abs() < 0.01);
        assert!((temperature_from_slider(slider_from_temperature(10.0)) - 10.0).abs() < 0.1);
    }

    #[test]
    fn typed_numbers_are_checked() {
        assert_eq!(parse_number(" −1.5 ", "x"), Ok(-1.5));
        assert!(parse_number("", "a logit").is_err());
        assert!(parse_number("1e999", "a logit").is_err());
        assert!(parse_number("two", "a logit").is_err());
        let mut state = PlaygroundState::default();
        assert!(state.set_logit(0, f64::NAN).is_err());
        assert!(state.set_logit(9, 1.0).is_err());
        state.set_logit(1, 500.0).unwrap();
        assert_eq!(state.logits[1], 12.0);
    }
}
