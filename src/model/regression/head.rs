//! The three output set-ups (activation + loss) of a regression onto [0, 1], and their gradients.

use crate::math;

/// One output set-up: the activation of the last layer and the loss it is trained with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Head {
    /// No activation (ŷ = z) and mean squared error.
    LinearMse,
    /// Sigmoid output (ŷ = σ(z)) and mean squared error.
    SigmoidMse,
    /// Sigmoid output and binary cross-entropy, computed from the logit
    /// (`from_logits=True`), with the soft target y.
    SigmoidBce,
}

impl Head {
    /// The three set-ups, in the order the lesson shows them.
    pub const ALL: [Head; 3] = [Head::LinearMse, Head::SigmoidMse, Head::SigmoidBce];

    /// Position in [`Head::ALL`] (also the chart colour index).
    pub fn index(self) -> usize {
        match self {
            Head::LinearMse => 0,
            Head::SigmoidMse => 1,
            Head::SigmoidBce => 2,
        }
    }

    /// The name shown to learners.
    pub fn name(self) -> &'static str {
        match self {
            Head::LinearMse => "linear + MSE",
            Head::SigmoidMse => "sigmoid + MSE",
            Head::SigmoidBce => "sigmoid + BCE",
        }
    }

    /// A short key for test ids and readout names.
    pub fn key(self) -> &'static str {
        match self {
            Head::LinearMse => "linear",
            Head::SigmoidMse => "sigmoid-mse",
            Head::SigmoidBce => "sigmoid-bce",
        }
    }

    /// The prediction ŷ for the raw output z: z itself, or σ(z).
    pub fn output(self, z: f64) -> f64 {
        match self {
            Head::LinearMse => z,
            Head::SigmoidMse | Head::SigmoidBce => math::sigmoid(z),
        }
    }

    /// The loss for target y at raw output z (see the module table).
    pub fn loss(self, y: f64, z: f64) -> f64 {
        match self {
            Head::LinearMse => (z - y) * (z - y),
            Head::SigmoidMse => {
                let d = math::sigmoid(z) - y;
                d * d
            }
            Head::SigmoidBce => math::binary_crossentropy(&[y], &[z], true).unwrap_or(f64::NAN),
        }
    }

    /// dL/dz, in closed form (what back-propagation hands the last layer).
    pub fn grad(self, y: f64, z: f64) -> f64 {
        match self {
            Head::LinearMse => 2.0 * (z - y),
            Head::SigmoidMse => math::mse_sigmoid_grad_logit(y, z),
            Head::SigmoidBce => math::binary_crossentropy_grad_logit(y, z),
        }
    }

    /// One step of gradient descent with learning rate `lr`: z − lr·dL/dz.
    pub fn step(self, y: f64, z: f64, lr: f64) -> f64 {
        z - lr * self.grad(y, z)
    }

    /// The raw output z that predicts `output`: the output itself for the linear head,
    /// logit(output) for the sigmoid heads (±∞ at 0 and 1, which a sigmoid never reaches).
    pub fn raw_for(self, output: f64) -> f64 {
        match self {
            Head::LinearMse => output,
            Head::SigmoidMse | Head::SigmoidBce => math::logit(output),
        }
    }

    /// The smallest loss this set-up can reach for target y: 0 for squared error, the
    /// binary entropy H(y) for cross-entropy with a soft target.
    pub fn min_loss(self, y: f64) -> f64 {
        match self {
            Head::LinearMse | Head::SigmoidMse => 0.0,
            Head::SigmoidBce => binary_entropy(y),
        }
    }
}

/// H(y) = −y ln y − (1 − y) ln(1 − y) in nats, with 0·ln 0 = 0 (so H(0) = H(1) = 0):
/// the floor of binary cross-entropy with soft target y. NaN outside [0, 1].
pub fn binary_entropy(y: f64) -> f64 {
    if !(0.0..=1.0).contains(&y) {
        return f64::NAN;
    }
    let term = |p: f64| if p > 0.0 { -p * p.ln() } else { 0.0 };
    term(y) + term(1.0 - y) + 0.0
}

/// What PyTorch's autograd returns for d/dz `F.binary_cross_entropy(torch.sigmoid(z), y)`
/// (`nn.BCELoss` on a sigmoid output, one element), in float64.
///
/// PyTorch does not clip the probability the way Keras does. Its forward pass clamps each
/// log at −100 (a ceiling of 100 instead of Keras' 16.118), and its backward pass is
/// (p − y) / max(p(1 − p), 1e-12) times the sigmoid's own derivative (1 − p)p. So the
/// gradient stays at σ(z) − y until p(1 − p) drops below 1e-12 (|z| ≳ 27.6), then fades
/// towards 0 — later than Keras' probability path, which is exactly 0 beyond
/// |z| ≈ 16.118 ([`math::clipped_binary_crossentropy_grad_logit`]).
pub fn pytorch_bce_probability_grad(y: f64, z: f64) -> f64 {
    // torch.sigmoid in float64: 1 / (1 + exp(−z)).
    let p = 1.0 / (1.0 + (-z).exp());
    // ATen's EPSILON is a float constant 1e-12 promoted to double.
    let eps = 1e-12_f32 as f64;
    let dl_dp = (p - y) / ((1.0 - p) * p).max(eps);
    dl_dp * (1.0 - p) * p + 0.0
}
