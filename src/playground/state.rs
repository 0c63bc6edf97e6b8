//! The Playground's state: the logits, the true label(s), temperature, output, axis range
//! and the class up close, and the edits the page makes to them.

use super::{DEFAULT_RANGE, MAX_CLASSES, MIN_CLASSES};

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
}
