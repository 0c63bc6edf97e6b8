//! Every number the Playground shows, derived from its state at once: one row per class
//! and every Keras loss for the sample.

use super::{Head, PlaygroundState};
use crate::math;

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
        // The logits are always finite here, where math::argmax and the Playground's old
        // argmax agree (see `crate::playground::argmax`).
        let argmax = math::argmax(&self.logits);
        PlaygroundNumbers {
            softmax_sum: p.iter().sum(),
            sigmoid_sum: s.iter().sum(),
            entropy: math::entropy(&p),
            rows,
            losses,
            argmax,
        }
    }
}
