//! Adam, the optimiser the anomaly lesson's models train with (Keras 3's defaults).

/// Adam (Kingma & Ba) with Keras 3's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-7 (PyTorch's
/// default ε is 1e-8), over a flat parameter vector.
#[derive(Clone, Debug, PartialEq)]
pub struct Adam {
    /// Learning rate.
    pub learning_rate: f64,
    m: Vec<f64>,
    v: Vec<f64>,
    t: u32,
}

impl Adam {
    /// First moment decay.
    pub const BETA1: f64 = 0.9;
    /// Second moment decay.
    pub const BETA2: f64 = 0.999;
    /// Keras' ε.
    pub const EPSILON: f64 = 1e-7;

    /// An optimizer for `n` parameters.
    pub fn new(n: usize, learning_rate: f64) -> Adam {
        Adam {
            learning_rate,
            m: vec![0.0; n],
            v: vec![0.0; n],
            t: 0,
        }
    }

    /// Steps taken.
    pub fn steps(&self) -> u32 {
        self.t
    }

    /// One update: θ ← θ − η·m̂/(√v̂ + ε). Lengths that do not match are ignored beyond
    /// the shortest; non-finite gradients are skipped (treated as 0).
    pub fn update(&mut self, params: &mut [f64], grads: &[f64]) {
        self.t = self.t.saturating_add(1);
        let t = self.t as i32;
        let c1 = 1.0 - Self::BETA1.powi(t);
        let c2 = 1.0 - Self::BETA2.powi(t);
        let lr = self.learning_rate;
        for (((p, g), m), v) in params
            .iter_mut()
            .zip(grads)
            .zip(self.m.iter_mut())
            .zip(self.v.iter_mut())
        {
            let g = if g.is_finite() { *g } else { 0.0 };
            *m = Self::BETA1 * *m + (1.0 - Self::BETA1) * g;
            *v = Self::BETA2 * *v + (1.0 - Self::BETA2) * g * g;
            *p -= lr * (*m / c1) / ((*v / c2).sqrt() + Self::EPSILON);
        }
    }
}
