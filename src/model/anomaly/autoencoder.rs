//! The dense autoencoder 144 → 16 → 144 and its minibatch training, sliced for animation frames.

use super::{
    Adam, Rng, Sample, BATCH_SIZE, HIDDEN, LEARNING_RATE, MODEL_SEED, PIXELS, TRAIN_NORMAL,
};
use crate::math;

/// The dense autoencoder 144 → 16 (tanh) → 144 (sigmoid).
///
/// Parameters live in one flat vector (what the optimizer updates), laid out as
/// `[W1 (16×144, row-major) | b1 (16) | W2 (144×16, row-major) | b2 (144)]`:
/// code h = tanh(W1·x + b1), reconstruction x̂ = σ(W2·h + b2).
#[derive(Clone, Debug, PartialEq)]
pub struct Autoencoder {
    params: Vec<f64>,
}

const W1: usize = 0;
pub(super) const B1: usize = W1 + HIDDEN * PIXELS;
pub(super) const W2: usize = B1 + HIDDEN;
pub(super) const B2: usize = W2 + PIXELS * HIDDEN;
/// Number of parameters of the autoencoder (4,768).
pub const PARAMETERS: usize = B2 + PIXELS;

/// The intermediate values of one forward pass.
struct Forward {
    hidden: [f64; HIDDEN],
    output: [f64; PIXELS],
}

impl Autoencoder {
    /// Glorot-uniform weights (Keras' default initialiser: U(±√(6/(fan_in + fan_out))))
    /// drawn from `seed`, zero biases.
    pub fn new(seed: u64) -> Autoencoder {
        let mut rng = Rng::new(seed);
        let limit = (6.0 / (PIXELS + HIDDEN) as f64).sqrt();
        let mut params = vec![0.0; PARAMETERS];
        for k in (W1..B1).chain(W2..B2) {
            params[k] = rng.range(-limit, limit);
        }
        Autoencoder { params }
    }

    /// All parameters, flat (layout in the type's documentation).
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// All parameters, flat and writable.
    pub fn params_mut(&mut self) -> &mut [f64] {
        &mut self.params
    }

    fn forward(&self, x: &[f64]) -> Forward {
        let mut hidden = [0.0; HIDDEN];
        let w1 = &self.params[W1..B1];
        let b1 = &self.params[B1..W2];
        for (j, h) in hidden.iter_mut().enumerate() {
            let row = &w1[j * PIXELS..(j + 1) * PIXELS];
            let a: f64 = row.iter().zip(x).map(|(w, v)| w * v).sum();
            *h = (a + b1[j]).tanh();
        }
        let mut output = [0.0; PIXELS];
        let w2 = &self.params[W2..B2];
        let b2 = &self.params[B2..];
        for (i, o) in output.iter_mut().enumerate() {
            let row = &w2[i * HIDDEN..(i + 1) * HIDDEN];
            let a: f64 = row.iter().zip(&hidden).map(|(w, h)| w * h).sum();
            *o = math::sigmoid(a + b2[i]);
        }
        Forward { hidden, output }
    }

    /// The code (bottleneck activations) of an image.
    pub fn encode(&self, x: &[f64]) -> Vec<f64> {
        if x.len() != PIXELS {
            return vec![0.0; HIDDEN];
        }
        self.forward(x).hidden.to_vec()
    }

    /// The reconstruction x̂ of an image (all 0.5 for an image of the wrong size).
    pub fn reconstruct(&self, x: &[f64]) -> Vec<f64> {
        if x.len() != PIXELS {
            return vec![0.5; PIXELS];
        }
        self.forward(x).output.to_vec()
    }

    /// The anomaly score: the reconstruction error, the mean over pixels of (x̂ − x)²
    /// (Keras `mean_squared_error(x, autoencoder(x))` for one image). `f64::INFINITY` for
    /// an image of the wrong size (it cannot be normal).
    pub fn error(&self, x: &[f64]) -> f64 {
        if x.len() != PIXELS {
            return f64::INFINITY;
        }
        let f = self.forward(x);
        f.output
            .iter()
            .zip(x)
            .map(|(o, v)| (o - v) * (o - v))
            .sum::<f64>()
            / PIXELS as f64
    }

    /// Per-pixel squared errors (x̂ − x)², the error map.
    pub fn error_map(&self, x: &[f64]) -> Vec<f64> {
        self.reconstruct(x)
            .iter()
            .zip(x.iter().chain(std::iter::repeat(&0.0)))
            .map(|(o, v)| (o - v) * (o - v))
            .collect()
    }

    /// Back-propagates one image: adds the gradient of (scale / 2)·Σᵢ(x̂ᵢ − xᵢ)² with
    /// respect to every parameter to `grad`, and returns Σᵢ(x̂ᵢ − xᵢ)². With scale
    /// 2 / (144·B) and B images added in turn, `grad` becomes the gradient of the batch's
    /// mean squared error. Images of the wrong size add nothing.
    fn accumulate(&self, x: &[f64], scale: f64, grad: &mut [f64]) -> f64 {
        if x.len() != PIXELS || grad.len() != PARAMETERS {
            return 0.0;
        }
        let (gw1, rest) = grad.split_at_mut(B1);
        let (gb1, rest) = rest.split_at_mut(HIDDEN);
        let (gw2, gb2) = rest.split_at_mut(PIXELS * HIDDEN);
        let w2 = &self.params[W2..B2];
        let f = self.forward(x);
        let mut squared = 0.0;
        let mut dh = [0.0; HIDDEN];
        for i in 0..PIXELS {
            let o = f.output[i];
            let e = o - x[i];
            squared += e * e;
            // d(loss)/d(pre-activation) through the sigmoid: 2e/(n·B) · o(1 − o).
            let da = scale * e * o * (1.0 - o);
            gb2[i] += da;
            let row = i * HIDDEN;
            for ((g, h), (w, d)) in gw2[row..row + HIDDEN]
                .iter_mut()
                .zip(&f.hidden)
                .zip(w2[row..row + HIDDEN].iter().zip(dh.iter_mut()))
            {
                *g += da * h;
                *d += da * w;
            }
        }
        for j in 0..HIDDEN {
            let h = f.hidden[j];
            let da = dh[j] * (1.0 - h * h);
            gb1[j] += da;
            for (g, v) in gw1[j * PIXELS..(j + 1) * PIXELS].iter_mut().zip(x) {
                *g += da * v;
            }
        }
        squared
    }

    /// The loss over a batch (mean of the images' errors, Keras' `loss="mse"`) and its
    /// gradient with respect to every parameter, by back-propagation. Images of the wrong
    /// size are skipped; an empty batch has loss 0 and gradient 0.
    pub fn loss_and_gradient(&self, images: &[&[f64]]) -> (f64, Vec<f64>) {
        let mut grad = vec![0.0; PARAMETERS];
        let count = images.iter().filter(|x| x.len() == PIXELS).count();
        if count == 0 {
            return (0.0, grad);
        }
        let scale = 2.0 / (PIXELS * count) as f64;
        let squared: f64 = images
            .iter()
            .map(|x| self.accumulate(x, scale, &mut grad))
            .sum();
        (squared / (PIXELS * count) as f64, grad)
    }

    /// The mean reconstruction error over some images (0 for none).
    pub fn mean_error(&self, images: &[Sample]) -> f64 {
        if images.is_empty() {
            return 0.0;
        }
        images.iter().map(|s| self.error(&s.pixels)).sum::<f64>() / images.len() as f64
    }
}

/// What one call of [`AutoencoderTraining::work`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainWork {
    /// Added some images to the current minibatch's gradient; no update yet.
    Partial,
    /// Completed a minibatch and took its Adam step.
    Step,
    /// Completed the last minibatch of an epoch.
    EpochEnd,
    /// Nothing to do (the run is over, or there is nothing to train on).
    Idle,
}

/// Autoencoder training in small pieces: a minibatch is worked through a few images at a
/// time ([`AutoencoderTraining::work`]), so a browser can do as much as fits in an
/// animation frame, even in an unoptimised build. The images are added to the gradient in
/// the same order however the work is sliced, so the result is bit-for-bit the same.
#[derive(Clone, Debug, PartialEq)]
pub struct AutoencoderTraining {
    model: Autoencoder,
    optimizer: Adam,
    rng: Rng,
    order: Vec<usize>,
    position: usize,
    grad: Vec<f64>,
    batch_squared: f64,
    batch_done: usize,
    epoch_loss: f64,
    epoch_images: usize,
    history: Vec<f64>,
    epochs: usize,
}

impl AutoencoderTraining {
    /// A fresh run of `epochs` epochs from the seeded initial weights ([`MODEL_SEED`]).
    pub fn new(epochs: usize) -> AutoencoderTraining {
        let mut rng = Rng::new(MODEL_SEED ^ 0xD1CE);
        let mut order: Vec<usize> = (0..TRAIN_NORMAL).collect();
        rng.shuffle(&mut order);
        AutoencoderTraining {
            model: Autoencoder::new(MODEL_SEED),
            optimizer: Adam::new(PARAMETERS, LEARNING_RATE),
            rng,
            order,
            position: 0,
            grad: vec![0.0; PARAMETERS],
            batch_squared: 0.0,
            batch_done: 0,
            epoch_loss: 0.0,
            epoch_images: 0,
            history: Vec::with_capacity(epochs),
            epochs,
        }
    }

    /// The model as trained so far.
    pub fn model(&self) -> &Autoencoder {
        &self.model
    }

    /// Epochs completed.
    pub fn epoch(&self) -> usize {
        self.history.len()
    }

    /// Epochs the run lasts.
    pub fn epochs(&self) -> usize {
        self.epochs
    }

    /// Minibatch steps per epoch.
    pub fn steps_per_epoch(&self, train_size: usize) -> usize {
        train_size.div_ceil(BATCH_SIZE).max(1)
    }

    /// Minibatch steps taken so far.
    pub fn steps(&self) -> u32 {
        self.optimizer.steps()
    }

    /// Whether every epoch has run.
    pub fn is_done(&self) -> bool {
        self.epoch() >= self.epochs
    }

    /// Fraction of the run done, in [0, 1].
    pub fn progress(&self, train_size: usize) -> f64 {
        if self.epochs == 0 {
            return 1.0;
        }
        let within = self.position as f64 / train_size.max(1) as f64;
        ((self.epoch() as f64 + within) / self.epochs as f64).clamp(0.0, 1.0)
    }

    /// The training loss of each completed epoch: the mean of its minibatch losses
    /// weighted by batch size, which is what Keras' `fit` prints as `loss`.
    pub fn history(&self) -> &[f64] {
        &self.history
    }

    /// The last epoch's loss (`None` before the first epoch ends).
    pub fn last_loss(&self) -> Option<f64> {
        self.history.last().copied()
    }

    /// Whether the next [`AutoencoderTraining::work`] starts a new minibatch.
    pub fn at_batch_start(&self) -> bool {
        self.batch_done == 0
    }

    /// Adds up to `max_images` more images of the current minibatch to its gradient (at
    /// least one); when the minibatch is complete, takes the Adam step.
    pub fn work(&mut self, train: &[Sample], max_images: usize) -> TrainWork {
        if self.is_done() || train.is_empty() {
            return TrainWork::Idle;
        }
        if self.order.len() != train.len() {
            self.order = (0..train.len()).collect();
            self.rng.shuffle(&mut self.order);
            self.position = 0;
            self.batch_done = 0;
            self.batch_squared = 0.0;
            self.grad.iter_mut().for_each(|g| *g = 0.0);
        }
        let end = (self.position + BATCH_SIZE).min(train.len());
        let batch_len = end - self.position;
        let scale = 2.0 / (PIXELS * batch_len) as f64;
        let from = self.position + self.batch_done;
        let to = from.saturating_add(max_images.max(1)).min(end);
        for k in from..to {
            let x = &train[self.order[k]].pixels;
            self.batch_squared += self.model.accumulate(x, scale, &mut self.grad);
        }
        self.batch_done = to - self.position;
        if to < end {
            return TrainWork::Partial;
        }
        let loss = self.batch_squared / (PIXELS * batch_len) as f64;
        self.optimizer.update(&mut self.model.params, &self.grad);
        self.grad.iter_mut().for_each(|g| *g = 0.0);
        self.batch_squared = 0.0;
        self.batch_done = 0;
        self.epoch_loss += loss * batch_len as f64;
        self.epoch_images += batch_len;
        self.position = end;
        if self.position >= train.len() {
            self.history
                .push(self.epoch_loss / self.epoch_images.max(1) as f64);
            self.epoch_loss = 0.0;
            self.epoch_images = 0;
            self.position = 0;
            self.rng.shuffle(&mut self.order);
            return TrainWork::EpochEnd;
        }
        TrainWork::Step
    }

    /// Finishes the current minibatch (one whole step). Returns whether an epoch ended
    /// with it. Does nothing once done or when there is nothing to train on.
    pub fn step(&mut self, train: &[Sample]) -> bool {
        loop {
            match self.work(train, usize::MAX) {
                TrainWork::Partial => continue,
                TrainWork::EpochEnd => return true,
                TrainWork::Step | TrainWork::Idle => return false,
            }
        }
    }

    /// Runs to the end (for tests and for precomputing).
    pub fn finish(&mut self, train: &[Sample]) {
        if train.is_empty() {
            return;
        }
        while !self.is_done() {
            self.step(train);
        }
    }
}
