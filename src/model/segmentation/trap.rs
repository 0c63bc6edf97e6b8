//! The one-channel softmax trap: three output heads on one feature map, trained side by side.

use super::{neighbourhood, object_mask, PAINT_SIZE, THRESHOLD};
use crate::math;

/// The output head of a binary segmentation model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrapSetup {
    /// One channel with softmax: the thread's "1 for binary" with the softmax kept.
    OneChannelSoftmax,
    /// One channel with sigmoid: the right one-channel set-up.
    OneChannelSigmoid,
    /// Two channels (background, object) with softmax: the right softmax set-up.
    TwoChannelSoftmax,
}

impl TrapSetup {
    /// All three, in the order the lesson shows them.
    pub const ALL: [TrapSetup; 3] = [
        TrapSetup::OneChannelSoftmax,
        TrapSetup::OneChannelSigmoid,
        TrapSetup::TwoChannelSoftmax,
    ];

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            TrapSetup::OneChannelSoftmax => "1 channel + softmax",
            TrapSetup::OneChannelSigmoid => "1 channel + sigmoid",
            TrapSetup::TwoChannelSoftmax => "2 channels + softmax",
        }
    }

    /// Number of output channels.
    pub fn channels(self) -> usize {
        match self {
            TrapSetup::TwoChannelSoftmax => 2,
            _ => 1,
        }
    }
}

/// The feature the last layer sees at each pixel of the painting mask: the mean of the
/// truth over the pixel's 3 × 3 neighbourhood (1 deep inside the object, 0 far from it, in
/// between on its edge). A logit w·f + b thresholds it.
pub fn trap_features() -> Vec<f64> {
    let truth = object_mask();
    let n = PAINT_SIZE;
    let mut f = vec![0.0; truth.len()];
    for r in 0..n {
        for c in 0..n {
            let s: f64 = neighbourhood(r, c, n).map(|i| truth[i]).sum();
            f[r * n + c] = s / neighbourhood(r, c, n).count() as f64;
        }
    }
    f
}

/// Learning rate of the trap's gradient descent.
pub const TRAP_LEARNING_RATE: f64 = 4.0;

/// A last layer with one weight and one bias per channel (the 1 × 1 convolution
/// `Conv2D(channels, 1)` on a one-feature map), trained by plain gradient descent.
/// Parameters: `[w₀, b₀, w₁, b₁]` (channel 1 only for two channels).
#[derive(Clone, Debug, PartialEq)]
pub struct TrapModel {
    /// The head.
    pub setup: TrapSetup,
    /// `[w₀, b₀, w₁, b₁]`.
    pub params: [f64; 4],
    /// Gradient steps taken.
    pub steps: usize,
}

/// What a trap model reports after each step.
#[derive(Clone, Debug, PartialEq)]
pub struct TrapReport {
    /// Probability of "object" per pixel.
    pub object_prob: Vec<f64>,
    /// The training loss: binary cross-entropy for one channel (Keras, on probabilities),
    /// categorical cross-entropy from logits for two.
    pub loss: f64,
    /// With one channel + softmax, Keras' `categorical_crossentropy` (the thread's loss):
    /// ≈ 0 because every output is already 1. `None` for the other heads.
    pub categorical_loss: Option<f64>,
    /// Length of the gradient with respect to the parameters.
    pub gradient_norm: f64,
    /// Foreground IoU at 0.5.
    pub iou: f64,
    /// Smallest and largest output.
    pub output_range: (f64, f64),
}

impl TrapModel {
    /// Untrained: all parameters 0.
    pub fn new(setup: TrapSetup) -> TrapModel {
        TrapModel {
            setup,
            params: [0.0; 4],
            steps: 0,
        }
    }

    /// The channel outputs (after the head's activation) at one pixel with feature `f`.
    pub fn outputs(&self, f: f64) -> Vec<f64> {
        let [w0, b0, w1, b1] = self.params;
        match self.setup {
            TrapSetup::OneChannelSoftmax => math::softmax(&[w0 * f + b0]),
            TrapSetup::OneChannelSigmoid => vec![math::sigmoid(w0 * f + b0)],
            TrapSetup::TwoChannelSoftmax => math::softmax(&[w0 * f + b0, w1 * f + b1]),
        }
    }

    /// P(object) at every pixel.
    pub fn object_prob(&self, features: &[f64]) -> Vec<f64> {
        features
            .iter()
            .map(|f| {
                let out = self.outputs(*f);
                out.last().copied().unwrap_or(f64::NAN)
            })
            .collect()
    }

    /// The gradient of the training loss with respect to `[w₀, b₀, w₁, b₁]`, by the chain
    /// rule through the head: dL/dz = Jacobian of the activation × dL/dp. For a softmax
    /// over one channel the Jacobian is p(1 − p) = 1 · 0 = 0, so the gradient is exactly 0.
    pub fn gradient(&self, features: &[f64], truth: &[f64]) -> [f64; 4] {
        let n = features.len().min(truth.len()).max(1) as f64;
        let [w0, b0, _, _] = self.params;
        let mut g = [0.0; 4];
        for (f, y) in features.iter().zip(truth) {
            match self.setup {
                TrapSetup::OneChannelSoftmax => {
                    let p = math::softmax(&[w0 * f + b0])[0];
                    // dL/dp of Keras' clipped BCE (0 where the clip is active) times the
                    // softmax Jacobian p(1 − p), which is 0 for a single channel.
                    let eps = math::KERAS_EPSILON;
                    let pc = p.clamp(eps, 1.0 - eps);
                    let dl_dp = if p > eps && p < 1.0 - eps {
                        -(y / pc) + (1.0 - y) / (1.0 - pc)
                    } else {
                        0.0
                    };
                    let dz = dl_dp * p * (1.0 - p);
                    g[0] += dz * f;
                    g[1] += dz;
                }
                TrapSetup::OneChannelSigmoid => {
                    let dz = math::binary_crossentropy_grad_logit(*y, w0 * f + b0);
                    g[0] += dz * f;
                    g[1] += dz;
                }
                TrapSetup::TwoChannelSoftmax => {
                    let out = self.outputs(*f);
                    let d0 = out[0] - (1.0 - y);
                    let d1 = out[1] - y;
                    g[0] += d0 * f;
                    g[1] += d0;
                    g[2] += d1 * f;
                    g[3] += d1;
                }
            }
        }
        g.map(|v| v / n + 0.0)
    }

    /// One step of gradient descent with the learning rate `lr`.
    pub fn step(&mut self, features: &[f64], truth: &[f64], lr: f64) {
        let g = self.gradient(features, truth);
        for (p, d) in self.params.iter_mut().zip(g) {
            let next = *p - lr * d;
            if next.is_finite() {
                *p = next;
            }
        }
        self.steps += 1;
    }

    /// `n` steps.
    pub fn train(&mut self, features: &[f64], truth: &[f64], lr: f64, n: usize) {
        for _ in 0..n {
            self.step(features, truth, lr);
        }
    }

    /// Loss, gradient, outputs and IoU now.
    pub fn report(&self, features: &[f64], truth: &[f64]) -> TrapReport {
        let p = self.object_prob(features);
        let nan = f64::NAN;
        let [w0, b0, w1, b1] = self.params;
        let loss = match self.setup {
            TrapSetup::OneChannelSoftmax | TrapSetup::OneChannelSigmoid => {
                math::binary_crossentropy(truth, &p, false).unwrap_or(nan)
            }
            TrapSetup::TwoChannelSoftmax => {
                let sum: f64 = features
                    .iter()
                    .zip(truth)
                    .map(|(f, y)| {
                        let z = [w0 * f + b0, w1 * f + b1];
                        math::categorical_crossentropy(&[1.0 - y, *y], &z, true, 0.0).unwrap_or(nan)
                    })
                    .sum();
                sum / features.len().max(1) as f64
            }
        };
        let categorical_loss = (self.setup == TrapSetup::OneChannelSoftmax).then(|| {
            let sum: f64 = truth
                .iter()
                .zip(&p)
                .map(|(y, q)| {
                    math::categorical_crossentropy(&[*y], &[*q], false, 0.0).unwrap_or(nan)
                })
                .sum();
            sum / truth.len().max(1) as f64
        });
        let g = self.gradient(features, truth);
        let lo = p.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = p.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        TrapReport {
            loss,
            categorical_loss,
            gradient_norm: g.iter().map(|v| v * v).sum::<f64>().sqrt(),
            iou: math::iou(truth, &p, THRESHOLD).unwrap_or(nan),
            output_range: (lo, hi),
            object_prob: p,
        }
    }
}

/// Task: both correct heads reach IoU ≥ 0.8 while the trap is still stuck at 1.0.
pub fn correct_heads_learned(reports: &[TrapReport; 3]) -> bool {
    reports[0].output_range == (1.0, 1.0) && reports[1].iou >= 0.8 && reports[2].iou >= 0.8
}
