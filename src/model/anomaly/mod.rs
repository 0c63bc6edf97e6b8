//! Anomaly detection on small grey images: a seeded synthetic inspection set, a tiny dense
//! autoencoder trained on normal images only (one-class), and a pixel classifier trained
//! on labelled anomalies of one kind (supervised), so the two can be compared honestly.
//!
//! # The images
//!
//! [`SIDE`]×[`SIDE`] grey images with values in [0, 1], like a camera looking at a brushed
//! metal surface. A **normal** part ([`Kind::Normal`]) is smooth: a base brightness, a
//! gentle shading gradient, faint brushing waves running roughly left to right, and a
//! little sensor noise. Three kinds of defect are painted onto normal parts:
//!
//! * [`Kind::Scratch`]: a thin bright line (a groove catching the light), 5–9 px long,
//!   near the middle and rising at 30–60°: the gripper that causes it slips the same way
//!   each time (which is what lets a per-pixel classifier learn it at all);
//! * [`Kind::Spot`]: a small dark pit, a soft blob about 2–3 px across, anywhere;
//! * [`Kind::MissingPiece`]: a corner broken off, showing the dark background.
//!
//! Defect strengths vary, so a few defects are faint enough to score like the most
//! unusual normal parts: no threshold separates the test set perfectly.
//!
//! Everything is generated from a fixed seed ([`Dataset::seeded`]), so every run, the
//! browser's and the tests', sees the same images.
//!
//! # The autoencoder
//!
//! [`Autoencoder`]: 144 → 16 (tanh) → 144 (sigmoid), trained to reproduce its input with
//! the mean squared error, by Adam on minibatches of 16 ([`AutoencoderTraining`], sliced
//! for the browser by [`Lab`]). In Keras 3:
//!
//! ```text
//! inputs = keras.Input(shape=(144,))
//! code = keras.layers.Dense(16, activation="tanh")(inputs)
//! outputs = keras.layers.Dense(144, activation="sigmoid")(code)
//! autoencoder = keras.Model(inputs, outputs)
//! autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005), loss="mse")
//! autoencoder.fit(x_normal, x_normal, epochs=60, batch_size=16, shuffle=True)
//! ```
//!
//! Trained on normal images only, it learns to rebuild smooth brushed surfaces; a defect
//! is something it never learned to draw, so its **reconstruction error** (the image's
//! mean squared error) is large. That error is the anomaly score. On the seeded set,
//! 60 epochs bring the training loss to 0.000302 (the sensor noise alone is 0.000225);
//! good test parts then score 0.000284 on average and defects 0.00306, and the errors
//! rank the 190 test images with a ROC AUC of 0.9993 (asserted by the tests below).
//!
//! Why no ML crate: the whole model is two small dense layers (4,768 numbers). Written out
//! here it costs a few hundred lines, adds nothing measurable to the WebAssembly bundle,
//! and gives full control over what the lesson needs and a framework would hide: training
//! in slices small enough for one animation frame, bit-for-bit determinism from a seed,
//! pure `f64`, and gradients we can check against finite differences. The pure-Rust
//! crates (burn, candle, dfdx, …) bring tensor machinery, generics and kernels sized for
//! real models: far more code in the bundle than this model has parameters.
//!
//! # The supervised classifier
//!
//! [`PixelClassifier`]: one weight per pixel and a bias, z = w·x + b (logistic regression
//! when the head is [`Head::SigmoidBce`]: ŷ = σ(z), binary cross-entropy from logits). The
//! thread suggested exactly this kind of model with a linear output and MSE
//! ([`Head::LinearMse`]); fitting 0/1 labels is classification, so sigmoid + BCE is the
//! right set-up. It learns from normal parts and *scratches only*: then it catches 26 of
//! the 30 test scratches and none of the 30 spots at p > 0.5 (its AUC on spots is 0.40,
//! worse than chance), where the autoencoder catches every defect at 5 % false alarms.
//! That is the typical outcome of training on one kind of defect, not a law.
//!
//! Nothing here panics: empty inputs give empty outputs, lengths are checked, and numbers
//! that cannot be computed come back as `None` or NaN-free fallbacks.

use super::regression::Head;
use crate::math;

/// Width and height of every image, in pixels.
pub const SIDE: usize = 12;
/// Pixels per image.
pub const PIXELS: usize = SIDE * SIDE;
/// Units in the autoencoder's bottleneck (its code).
pub const HIDDEN: usize = 16;

/// The seed of the whole data set.
pub const DATA_SEED: u64 = 0x5EED_0005;
/// The seed of the autoencoder's initial weights and of its minibatch shuffles.
pub const MODEL_SEED: u64 = 0xA0E0_0005;

/// Normal images the autoencoder trains on.
pub const TRAIN_NORMAL: usize = 240;
/// Scratched images the supervised classifier trains on (with the same normal images).
pub const TRAIN_SCRATCH: usize = 80;
/// Normal images in the test set.
pub const TEST_NORMAL: usize = 100;
/// Images of each defect kind in the test set.
pub const TEST_PER_DEFECT: usize = 30;

/// Minibatch size of the autoencoder.
pub const BATCH_SIZE: usize = 16;
/// Adam's learning rate for the autoencoder.
pub const LEARNING_RATE: f64 = 0.005;
/// Epochs of autoencoder training (passes over the normal training images).
pub const EPOCHS: usize = 60;

/// Epochs of classifier training (full-batch Adam steps).
pub const CLASSIFIER_EPOCHS: usize = 600;
/// Adam's learning rate for the classifier.
pub const CLASSIFIER_LEARNING_RATE: f64 = 0.1;

pub use super::rng::Rng;

/// What an image shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A good part: smooth brushed surface.
    Normal,
    /// A thin bright line.
    Scratch,
    /// A small dark pit.
    Spot,
    /// A broken-off corner.
    MissingPiece,
}

impl Kind {
    /// Every kind, normal first.
    pub const ALL: [Kind; 4] = [Kind::Normal, Kind::Scratch, Kind::Spot, Kind::MissingPiece];
    /// The defect kinds.
    pub const DEFECTS: [Kind; 3] = [Kind::Scratch, Kind::Spot, Kind::MissingPiece];

    /// The name shown to learners.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Normal => "normal",
            Kind::Scratch => "scratch",
            Kind::Spot => "spot",
            Kind::MissingPiece => "missing piece",
        }
    }

    /// A short key for test ids.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Normal => "normal",
            Kind::Scratch => "scratch",
            Kind::Spot => "spot",
            Kind::MissingPiece => "missing",
        }
    }

    /// Whether this is a defect (label 1).
    pub fn is_anomaly(self) -> bool {
        self != Kind::Normal
    }

    /// The label: 1 for a defect, 0 for a normal part.
    pub fn label(self) -> f64 {
        if self.is_anomaly() {
            1.0
        } else {
            0.0
        }
    }

    /// Position in [`Kind::ALL`] (also a chart colour index).
    pub fn index(self) -> usize {
        match self {
            Kind::Normal => 0,
            Kind::Scratch => 1,
            Kind::Spot => 2,
            Kind::MissingPiece => 3,
        }
    }
}

/// One image with what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// What the image shows.
    pub kind: Kind,
    /// [`PIXELS`] values in [0, 1], row by row.
    pub pixels: Vec<f64>,
}

/// A normal brushed surface (before noise): base brightness, shading gradient and faint
/// waves running within ±20° of horizontal.
fn surface(rng: &mut Rng) -> Vec<f64> {
    let base = rng.range(0.40, 0.60);
    let gx = rng.range(-0.15, 0.15);
    let gy = rng.range(-0.15, 0.15);
    let amp = rng.range(0.03, 0.08);
    let angle = rng.range(-0.35, 0.35);
    let phase = rng.range(0.0, 2.0 * std::f64::consts::PI);
    let k = 2.0 * std::f64::consts::PI * 1.5; // 1.5 waves across the image
    let (s, c) = angle.sin_cos();
    let mut out = Vec::with_capacity(PIXELS);
    for row in 0..SIDE {
        for col in 0..SIDE {
            let u = (col as f64 + 0.5) / SIDE as f64 - 0.5;
            let v = (row as f64 + 0.5) / SIDE as f64 - 0.5;
            // Waves vary across the brushing direction (so the stripes run along it).
            let across = -u * s + v * c;
            out.push(base + gx * u + gy * v + amp * (k * across + phase).cos());
        }
    }
    out
}

/// Distance from point p to the segment a–b.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (qx * qx + qy * qy).sqrt()
}

fn paint_scratch(img: &mut [f64], rng: &mut Rng) {
    // The gripper slips along the same diagonal each time, give or take.
    let len = rng.range(5.0, 9.0);
    let angle =
        rng.range(0.55, 1.0) * std::f64::consts::FRAC_PI_2 + std::f64::consts::FRAC_PI_4 * 0.0;
    let (s, c) = (-angle).sin_cos();
    let cx = SIDE as f64 / 2.0 + rng.range(-1.5, 1.5);
    let cy = SIDE as f64 / 2.0 + rng.range(-1.5, 1.5);
    let a = (cx - c * len / 2.0, cy - s * len / 2.0);
    let b = (cx + c * len / 2.0, cy + s * len / 2.0);
    let depth = rng.range(0.12, 0.35);
    for (k, v) in img.iter_mut().enumerate() {
        let p = ((k % SIDE) as f64 + 0.5, (k / SIDE) as f64 + 0.5);
        let d = segment_distance(p, a, b);
        *v += depth * (1.0 - d / 0.9).max(0.0);
    }
}

fn paint_spot(img: &mut [f64], rng: &mut Rng) {
    let cx = rng.range(2.0, SIDE as f64 - 2.0);
    let cy = rng.range(2.0, SIDE as f64 - 2.0);
    let sigma = rng.range(0.7, 1.0);
    let depth = rng.range(0.15, 0.40);
    for (k, v) in img.iter_mut().enumerate() {
        let (dx, dy) = ((k % SIDE) as f64 + 0.5 - cx, (k / SIDE) as f64 + 0.5 - cy);
        *v -= depth * (-(dx * dx + dy * dy) / (2.0 * sigma * sigma)).exp();
    }
}

fn paint_missing_piece(img: &mut [f64], rng: &mut Rng) {
    let corner = rng.below(4);
    let size = rng.range(2.5, 4.5);
    let background = rng.range(0.02, 0.08);
    for (k, v) in img.iter_mut().enumerate() {
        let (col, row) = ((k % SIDE) as f64 + 0.5, (k / SIDE) as f64 + 0.5);
        let x = if corner.is_multiple_of(2) {
            col
        } else {
            SIDE as f64 - col
        };
        let y = if corner < 2 { row } else { SIDE as f64 - row };
        // Inside the broken-off triangle, with a soft one-pixel edge.
        let inside = (size - (x + y)) / 1.0 + 0.5;
        let t = inside.clamp(0.0, 1.0);
        *v = *v * (1.0 - t) + background * t;
    }
}

/// One image of `kind`, drawn from `rng`: a normal surface, the defect, then sensor noise
/// (σ = 0.015), clipped to [0, 1].
pub fn generate(kind: Kind, rng: &mut Rng) -> Sample {
    let mut pixels = surface(rng);
    match kind {
        Kind::Normal => {}
        Kind::Scratch => paint_scratch(&mut pixels, rng),
        Kind::Spot => paint_spot(&mut pixels, rng),
        Kind::MissingPiece => paint_missing_piece(&mut pixels, rng),
    }
    for v in pixels.iter_mut() {
        *v = (*v + 0.015 * rng.normal()).clamp(0.0, 1.0);
    }
    Sample { kind, pixels }
}

/// The lesson's images.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Normal parts: what the autoencoder trains on.
    pub train_normal: Vec<Sample>,
    /// Scratched parts: the only defects the supervised classifier sees in training.
    pub train_scratch: Vec<Sample>,
    /// Held-out test images: normal parts, then each defect kind in [`Kind::DEFECTS`]
    /// order.
    pub test: Vec<Sample>,
}

impl Dataset {
    /// The seeded data set ([`DATA_SEED`]): [`TRAIN_NORMAL`] normal and [`TRAIN_SCRATCH`]
    /// scratched training images; [`TEST_NORMAL`] normal and [`TEST_PER_DEFECT`] of each
    /// defect kind for testing. Each group has its own stream, so changing one group's
    /// size leaves the others as they are.
    pub fn seeded() -> Dataset {
        let group = |stream: u64, kind: Kind, n: usize| {
            let mut rng = Rng::new(DATA_SEED ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            (0..n).map(|_| generate(kind, &mut rng)).collect::<Vec<_>>()
        };
        let mut test = group(3, Kind::Normal, TEST_NORMAL);
        for (i, kind) in Kind::DEFECTS.iter().enumerate() {
            test.extend(group(4 + i as u64, *kind, TEST_PER_DEFECT));
        }
        Dataset {
            train_normal: group(1, Kind::Normal, TRAIN_NORMAL),
            train_scratch: group(2, Kind::Scratch, TRAIN_SCRATCH),
            test,
        }
    }

    /// The test labels (1 = defect).
    pub fn test_labels(&self) -> Vec<f64> {
        self.test.iter().map(|s| s.kind.label()).collect()
    }

    /// Indices of the test images of one kind.
    pub fn test_indices(&self, kind: Kind) -> Vec<usize> {
        (0..self.test.len())
            .filter(|i| self.test[*i].kind == kind)
            .collect()
    }
}

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
const B1: usize = W1 + HIDDEN * PIXELS;
const W2: usize = B1 + HIDDEN;
const B2: usize = W2 + PIXELS * HIDDEN;
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

/// A linear model on the pixels, z = w·x + b, with an output set-up ([`Head`]):
/// [`Head::SigmoidBce`] is logistic regression (ŷ = σ(z), binary cross-entropy from
/// logits); [`Head::LinearMse`] is the thread's regressor (ŷ = z, mean squared error).
#[derive(Clone, Debug, PartialEq)]
pub struct PixelClassifier {
    /// The output set-up.
    pub head: Head,
    /// One weight per pixel, then the bias.
    params: Vec<f64>,
}

impl PixelClassifier {
    /// All-zero weights (the loss is convex, so no random start is needed).
    pub fn new(head: Head) -> PixelClassifier {
        PixelClassifier {
            head,
            params: vec![0.0; PIXELS + 1],
        }
    }

    /// The weights (one per pixel) and the bias, flat.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// The pixel weights.
    pub fn weights(&self) -> &[f64] {
        &self.params[..PIXELS]
    }

    /// The raw output z (the logit for the sigmoid head); 0 for an image of the wrong size.
    pub fn raw(&self, x: &[f64]) -> f64 {
        if x.len() != PIXELS {
            return 0.0;
        }
        self.params[..PIXELS]
            .iter()
            .zip(x)
            .map(|(w, v)| w * v)
            .sum::<f64>()
            + self.params[PIXELS]
    }

    /// The prediction ŷ: σ(z) for the sigmoid head, z itself for the linear one.
    pub fn predict(&self, x: &[f64]) -> f64 {
        self.head.output(self.raw(x))
    }

    /// The mean loss over labelled images and its gradient (weights, then bias).
    pub fn loss_and_gradient(&self, images: &[&[f64]], labels: &[f64]) -> (f64, Vec<f64>) {
        let mut grad = vec![0.0; PIXELS + 1];
        let n = images.len().min(labels.len());
        if n == 0 {
            return (0.0, grad);
        }
        let mut loss = 0.0;
        for (x, y) in images.iter().zip(labels) {
            let z = self.raw(x);
            loss += self.head.loss(*y, z);
            let d = self.head.grad(*y, z) / n as f64;
            if x.len() == PIXELS {
                for (g, v) in grad[..PIXELS].iter_mut().zip(x.iter()) {
                    *g += d * v;
                }
            }
            grad[PIXELS] += d;
        }
        (loss / n as f64, grad)
    }
}

/// Supervised training of a [`PixelClassifier`] on normal parts (label 0) and scratches
/// (label 1), full batch, one Adam step per [`ClassifierTraining::step`].
#[derive(Clone, Debug, PartialEq)]
pub struct ClassifierTraining {
    model: PixelClassifier,
    optimizer: Adam,
    history: Vec<f64>,
    epochs: usize,
}

impl ClassifierTraining {
    /// A fresh run of `epochs` full-batch steps.
    pub fn new(head: Head, epochs: usize) -> ClassifierTraining {
        ClassifierTraining {
            model: PixelClassifier::new(head),
            optimizer: Adam::new(PIXELS + 1, CLASSIFIER_LEARNING_RATE),
            history: Vec::with_capacity(epochs),
            epochs,
        }
    }

    /// The model as trained so far.
    pub fn model(&self) -> &PixelClassifier {
        &self.model
    }

    /// Epochs completed.
    pub fn epoch(&self) -> usize {
        self.history.len()
    }

    /// Whether every epoch has run.
    pub fn is_done(&self) -> bool {
        self.epoch() >= self.epochs
    }

    /// The training loss before each step.
    pub fn history(&self) -> &[f64] {
        &self.history
    }

    /// One full-batch step on the training images and labels.
    pub fn step(&mut self, images: &[&[f64]], labels: &[f64]) {
        if self.is_done() {
            return;
        }
        let (loss, grad) = self.model.loss_and_gradient(images, labels);
        self.optimizer.update(&mut self.model.params, &grad);
        self.history.push(loss);
    }

    /// Runs to the end.
    pub fn finish(&mut self, images: &[&[f64]], labels: &[f64]) {
        while !self.is_done() {
            self.step(images, labels);
        }
    }
}

/// The supervised training set: normal training images (label 0) then scratches (1).
pub fn supervised_training_set(data: &Dataset) -> (Vec<&[f64]>, Vec<f64>) {
    let images: Vec<&[f64]> = data
        .train_normal
        .iter()
        .chain(&data.train_scratch)
        .map(|s| s.pixels.as_slice())
        .collect();
    let labels = data
        .train_normal
        .iter()
        .chain(&data.train_scratch)
        .map(|s| s.kind.label())
        .collect();
    (images, labels)
}

/// The fraction of `scores` strictly above `threshold` (0 for none).
pub fn fraction_above(scores: &[f64], threshold: f64) -> f64 {
    if scores.is_empty() {
        return 0.0;
    }
    scores.iter().filter(|s| **s > threshold).count() as f64 / scores.len() as f64
}

/// The `q`-quantile (0 ≤ q ≤ 1) of some values by linear interpolation between order
/// statistics (NumPy's default); NaNs are ignored; `None` when nothing is left.
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() || q.is_nan() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let pos = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    Some(v[lo] + (v[hi] - v[lo]) * (pos - lo as f64))
}

/// How a detector does on the test set at one threshold: the share of each kind flagged
/// (for normal parts that is the false-alarm rate; for defects, the recall of that kind).
#[derive(Clone, Debug, PartialEq)]
pub struct KindRates {
    /// Flagged share per kind, in [`Kind::ALL`] order.
    pub flagged: [f64; 4],
    /// ROC AUC of normal against each defect kind alone, in [`Kind::DEFECTS`] order.
    pub auc: [f64; 3],
}

/// Flagged rates and per-kind AUCs of `scores` (one per test image) at `threshold`.
pub fn kind_rates(data: &Dataset, scores: &[f64], threshold: f64) -> KindRates {
    let of = |kind: Kind| -> Vec<f64> {
        data.test_indices(kind)
            .into_iter()
            .filter_map(|i| scores.get(i).copied())
            .collect()
    };
    let normal = of(Kind::Normal);
    let flagged = Kind::ALL.map(|k| fraction_above(&of(k), threshold));
    let auc = Kind::DEFECTS.map(|k| {
        let defect = of(k);
        let y: Vec<f64> = normal
            .iter()
            .map(|_| 0.0)
            .chain(defect.iter().map(|_| 1.0))
            .collect();
        let s: Vec<f64> = normal.iter().chain(&defect).copied().collect();
        math::roc_auc(&y, &s).unwrap_or(0.5)
    });
    KindRates { flagged, auc }
}

/// The threshold a one-class detector can set without ever seeing a defect: the
/// `quantile` of the reconstruction errors on the normal *training* images (0.95 means
/// about 5 % of normal parts get flagged).
pub fn normal_quantile_threshold(model: &Autoencoder, train: &[Sample], q: f64) -> f64 {
    let errors: Vec<f64> = train.iter().map(|s| model.error(&s.pixels)).collect();
    quantile(&errors, q).unwrap_or(0.0)
}

/// Test images scored per unit of work while evaluating.
pub const EVAL_CHUNK: usize = 8;
/// Training images back-propagated per unit of work.
pub const TRAIN_CHUNK: usize = 4;

/// What one unit of [`Lab::work_autoencoder`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoencoderWork {
    /// A few images of a minibatch, before its update.
    Partial,
    /// Completed a minibatch step, inside an epoch.
    Step,
    /// The minibatch step that ended an epoch (its test evaluation comes next).
    EpochEnd,
    /// Scored a chunk of the test images with the model at the last epoch's end.
    Evaluated,
    /// Scored the last chunk: the epoch's test errors are complete.
    EvaluationEnd,
    /// Nothing left to do.
    Idle,
}

/// Everything the lesson trains, kept between its steps: the data, the autoencoder run
/// with its test evaluation after every epoch, and the two pixel models (the logistic
/// regression and the thread's linear regressor).
///
/// All work comes in small units ([`Lab::work_autoencoder`], [`Lab::work_pixel_model`]),
/// each a fraction of a millisecond in an optimised build, so the browser can run as many
/// as fit in one animation frame. The results never depend on the slicing.
#[derive(Clone, Debug, PartialEq)]
pub struct Lab {
    data: Dataset,
    training: AutoencoderTraining,
    pending: Option<usize>,
    buffer: Vec<f64>,
    test_errors: Vec<f64>,
    normal_curve: Vec<f64>,
    defect_curve: Vec<f64>,
    classifier: ClassifierTraining,
    regressor: ClassifierTraining,
    /// Units of autoencoder work done since the last reset (see [`Lab::autoencoder_units`]).
    units: usize,
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

impl Lab {
    /// The seeded data, an untrained autoencoder and untrained pixel models.
    pub fn new() -> Lab {
        Lab {
            data: Dataset::seeded(),
            training: AutoencoderTraining::new(EPOCHS),
            pending: None,
            buffer: Vec::new(),
            test_errors: Vec::new(),
            normal_curve: Vec::new(),
            defect_curve: Vec::new(),
            classifier: ClassifierTraining::new(Head::SigmoidBce, CLASSIFIER_EPOCHS),
            regressor: ClassifierTraining::new(Head::LinearMse, CLASSIFIER_EPOCHS),
            units: 0,
        }
    }

    /// How many units of [`Lab::work_autoencoder`] have been done since the autoencoder
    /// was last reset. Training is deterministic, so this count alone fixes the whole
    /// state of the run: a shared link carries it and the receiver replays to it.
    pub fn autoencoder_units(&self) -> usize {
        self.units
    }

    /// The images.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The autoencoder run.
    pub fn training(&self) -> &AutoencoderTraining {
        &self.training
    }

    /// Starts the autoencoder over from its seeded initial weights.
    pub fn reset_autoencoder(&mut self) {
        self.training = AutoencoderTraining::new(EPOCHS);
        self.units = 0;
        self.pending = None;
        self.buffer.clear();
        self.test_errors.clear();
        self.normal_curve.clear();
        self.defect_curve.clear();
    }

    /// Whether the next unit of autoencoder work starts a new minibatch (what a speed
    /// limit counts), rather than continuing one, evaluating, or nothing.
    pub fn next_starts_step(&self) -> bool {
        self.pending.is_none() && !self.training.is_done() && self.training.at_batch_start()
    }

    /// One unit of autoencoder work: [`TRAIN_CHUNK`] images of a minibatch (and its
    /// update once complete), or after an epoch has ended, the reconstruction errors of
    /// the next [`EVAL_CHUNK`] test images.
    pub fn work_autoencoder(&mut self) -> AutoencoderWork {
        let work = self.autoencoder_unit();
        if work != AutoencoderWork::Idle {
            self.units += 1;
        }
        work
    }

    fn autoencoder_unit(&mut self) -> AutoencoderWork {
        if let Some(start) = self.pending {
            let test = &self.data.test;
            let end = (start + EVAL_CHUNK).min(test.len());
            let model = self.training.model();
            self.buffer
                .extend(test[start..end].iter().map(|s| model.error(&s.pixels)));
            if end < test.len() {
                self.pending = Some(end);
                return AutoencoderWork::Evaluated;
            }
            self.pending = None;
            self.test_errors = std::mem::take(&mut self.buffer);
            let mean_of = |anomaly: bool| {
                let v: Vec<f64> = self
                    .test_errors
                    .iter()
                    .zip(test)
                    .filter(|(_, s)| s.kind.is_anomaly() == anomaly)
                    .map(|(e, _)| *e)
                    .collect();
                v.iter().sum::<f64>() / v.len().max(1) as f64
            };
            let (normal, defect) = (mean_of(false), mean_of(true));
            self.normal_curve.push(normal);
            self.defect_curve.push(defect);
            return AutoencoderWork::EvaluationEnd;
        }
        if self.training.is_done() {
            return AutoencoderWork::Idle;
        }
        match self.training.work(&self.data.train_normal, TRAIN_CHUNK) {
            TrainWork::EpochEnd => {
                self.pending = Some(0);
                self.buffer.clear();
                AutoencoderWork::EpochEnd
            }
            TrainWork::Step => AutoencoderWork::Step,
            TrainWork::Partial => AutoencoderWork::Partial,
            TrainWork::Idle => AutoencoderWork::Idle,
        }
    }

    /// Runs the autoencoder (and its evaluations) to the end.
    pub fn finish_autoencoder(&mut self) {
        while self.work_autoencoder() != AutoencoderWork::Idle {}
    }

    /// Whether every epoch has run and the final test errors are in.
    pub fn is_trained(&self) -> bool {
        self.training.is_done() && self.pending.is_none() && !self.test_errors.is_empty()
    }

    /// The test images' reconstruction errors after the last evaluated epoch (empty
    /// before the first epoch ends), in [`Dataset::test`] order.
    pub fn test_errors(&self) -> &[f64] {
        &self.test_errors
    }

    /// Per evaluated epoch: the mean reconstruction error of the normal test images.
    pub fn normal_curve(&self) -> &[f64] {
        &self.normal_curve
    }

    /// Per evaluated epoch: the mean reconstruction error of the defective test images.
    pub fn defect_curve(&self) -> &[f64] {
        &self.defect_curve
    }

    /// The one-class threshold: the 95th percentile of the reconstruction errors of the
    /// normal training images (no defect needed to set it).
    pub fn suggested_threshold(&self) -> f64 {
        normal_quantile_threshold(self.training.model(), &self.data.train_normal, 0.95)
    }

    /// The pixel model with this head ([`Head::SigmoidBce`] → logistic regression, any
    /// other → the thread's linear regressor).
    pub fn pixel_training(&self, head: Head) -> &ClassifierTraining {
        if head == Head::SigmoidBce {
            &self.classifier
        } else {
            &self.regressor
        }
    }

    /// One full-batch step of the pixel model with this head; false when it is done.
    pub fn work_pixel_model(&mut self, head: Head) -> bool {
        let (images, labels) = supervised_training_set(&self.data);
        let run = if head == Head::SigmoidBce {
            &mut self.classifier
        } else {
            &mut self.regressor
        };
        if run.is_done() {
            return false;
        }
        run.step(&images, &labels);
        true
    }

    /// Starts the pixel model with this head over.
    pub fn reset_pixel_model(&mut self, head: Head) {
        if head == Head::SigmoidBce {
            self.classifier = ClassifierTraining::new(Head::SigmoidBce, CLASSIFIER_EPOCHS);
        } else {
            self.regressor = ClassifierTraining::new(Head::LinearMse, CLASSIFIER_EPOCHS);
        }
    }

    /// The pixel model's raw outputs z on the test images (logits for the sigmoid head).
    pub fn pixel_raw(&self, head: Head) -> Vec<f64> {
        let model = self.pixel_training(head).model();
        self.data
            .test
            .iter()
            .map(|s| model.raw(&s.pixels))
            .collect()
    }

    /// The pixel model's predictions ŷ on the test images.
    pub fn pixel_predictions(&self, head: Head) -> Vec<f64> {
        let model = self.pixel_training(head).model();
        self.data
            .test
            .iter()
            .map(|s| model.predict(&s.pixels))
            .collect()
    }
}

/// R², the coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: scikit-learn's
/// `r2_score` and what `RegressorMixin.score` returns. 1 is perfect, 0 is as good as
/// always predicting the mean, and it has no lower bound. `None` when the lengths differ,
/// the input is empty or every y is the same (scikit-learn then returns 0 or 1 by
/// convention; this lesson never needs that case).
pub fn r_squared(y_true: &[f64], y_pred: &[f64]) -> Option<f64> {
    if y_true.len() != y_pred.len() || y_true.is_empty() {
        return None;
    }
    let mean = y_true.iter().sum::<f64>() / y_true.len() as f64;
    let total: f64 = y_true.iter().map(|y| (y - mean) * (y - mean)).sum();
    let residual: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(y, p)| (y - p) * (y - p))
        .sum();
    (total > 0.0 && residual.is_finite()).then(|| 1.0 - residual / total)
}

/// The threshold at which a detector flags `rate` of the `normal` scores (a false-alarm
/// budget): the smallest score among the normal ones such that at most ⌊rate·n⌋ lie
/// strictly above it. With `rate` 0 it is the highest normal score (nothing flagged).
/// `None` for no scores.
pub fn threshold_for_false_alarms(normal: &[f64], rate: f64) -> Option<f64> {
    let mut v: Vec<f64> = normal.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| b.total_cmp(a));
    let allowed = if rate.is_nan() {
        0
    } else {
        ((rate.clamp(0.0, 1.0) * v.len() as f64) + 1e-9).floor() as usize
    };
    // Flag the `allowed` highest: the threshold is the next score down (ties stay unflagged).
    Some(v[allowed.min(v.len() - 1)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_work_units_fixes_the_run() {
        // What a shared link relies on: two labs that did the same number of units are in
        // the same state, whatever frames the units were spread over.
        let mut a = Lab::new();
        let mut b = Lab::new();
        for _ in 0..400 {
            a.work_autoencoder();
        }
        assert_eq!(a.autoencoder_units(), 400);
        while b.autoencoder_units() < 400 {
            b.work_autoencoder();
        }
        assert_eq!(a.training().epoch(), b.training().epoch());
        assert!(
            a.training().epoch() >= 1,
            "400 units cover at least one epoch"
        );
        assert_eq!(a.test_errors(), b.test_errors());
        assert_eq!(a.normal_curve(), b.normal_curve());
        assert_eq!(a.training().last_loss(), b.training().last_loss());
        a.reset_autoencoder();
        assert_eq!(a.autoencoder_units(), 0);
    }
    use std::sync::OnceLock;

    /// The lab trained to the end once, shared by the tests that only read it.
    fn trained() -> &'static Lab {
        static LAB: OnceLock<Lab> = OnceLock::new();
        LAB.get_or_init(|| {
            let mut lab = Lab::new();
            lab.finish_autoencoder();
            while lab.work_pixel_model(Head::SigmoidBce) {}
            while lab.work_pixel_model(Head::LinearMse) {}
            lab
        })
    }

    fn of_kind(lab: &Lab, scores: &[f64], kind: Kind) -> Vec<f64> {
        lab.data()
            .test_indices(kind)
            .iter()
            .map(|i| scores[*i])
            .collect()
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn the_data_set_is_seeded_sized_and_in_range() {
        let a = Dataset::seeded();
        assert_eq!(a, Dataset::seeded(), "same seed, same images");
        assert_eq!(a.train_normal.len(), TRAIN_NORMAL);
        assert_eq!(a.train_scratch.len(), TRAIN_SCRATCH);
        assert_eq!(a.test.len(), TEST_NORMAL + 3 * TEST_PER_DEFECT);
        for s in a.train_normal.iter().chain(&a.train_scratch).chain(&a.test) {
            assert_eq!(s.pixels.len(), PIXELS);
            assert!(s.pixels.iter().all(|v| (0.0..=1.0).contains(v)));
        }
        assert!(a.train_normal.iter().all(|s| s.kind == Kind::Normal));
        assert!(a.train_scratch.iter().all(|s| s.kind == Kind::Scratch));
        for kind in Kind::DEFECTS {
            assert_eq!(a.test_indices(kind).len(), TEST_PER_DEFECT);
        }
        assert_eq!(a.test_labels().iter().sum::<f64>(), 90.0);
        // Each kind has its signature: scratches add bright pixels, spots and missing
        // pieces dark ones (means over the test images of the kind).
        let mean = |kind: Kind, f: fn(&[f64]) -> f64| {
            let idx = a.test_indices(kind);
            idx.iter().map(|i| f(&a.test[*i].pixels)).sum::<f64>() / idx.len() as f64
        };
        let max = |p: &[f64]| p.iter().copied().fold(0.0, f64::max);
        let min = |p: &[f64]| p.iter().copied().fold(1.0, f64::min);
        assert!(mean(Kind::Scratch, max) > mean(Kind::Normal, max) + 0.1);
        assert!(mean(Kind::Spot, min) < mean(Kind::Normal, min) - 0.1);
        assert!(mean(Kind::MissingPiece, min) < 0.15);
    }

    #[test]
    fn autoencoder_gradients_match_finite_differences() {
        let data = Dataset::seeded();
        let mut model = Autoencoder::new(7);
        // Non-zero biases, so their gradients are tested away from the symmetric start.
        let mut rng = Rng::new(9);
        for k in (B1..W2).chain(B2..PARAMETERS) {
            model.params_mut()[k] = rng.range(-0.3, 0.3);
        }
        let batch: Vec<&[f64]> = vec![
            &data.test[0].pixels,
            &data.test[TEST_NORMAL].pixels,
            &data.test[TEST_NORMAL + 2 * TEST_PER_DEFECT].pixels,
        ];
        let (loss, grad) = model.loss_and_gradient(&batch);
        assert!(loss > 0.0 && loss.is_finite());
        // Every bias and every 7th weight of both layers: 160 + ~660 parameters.
        let checked: Vec<usize> = (0..PARAMETERS)
            .filter(|k| (B1..W2).contains(k) || *k >= B2 || k % 7 == 0)
            .collect();
        let h = 1e-6;
        let mut worst = 0.0f64;
        for k in checked {
            let mut plus = model.clone();
            plus.params_mut()[k] += h;
            let mut minus = model.clone();
            minus.params_mut()[k] -= h;
            let numeric =
                (plus.loss_and_gradient(&batch).0 - minus.loss_and_gradient(&batch).0) / (2.0 * h);
            let err = (numeric - grad[k]).abs() / (1e-7 + numeric.abs().max(grad[k].abs()));
            worst = worst.max(err.min((numeric - grad[k]).abs() * 1e6));
            assert!(
                (numeric - grad[k]).abs() < 1e-9 || err < 1e-5,
                "parameter {k}: analytic {} numeric {numeric}",
                grad[k]
            );
        }
        assert!(worst < 1e-3);
        // The loss is the mean of the images' errors.
        let mean = batch.iter().map(|x| model.error(x)).sum::<f64>() / 3.0;
        assert!(close(loss, mean, 1e-14));
    }

    #[test]
    fn pixel_model_gradients_match_finite_differences() {
        let data = Dataset::seeded();
        let (images, labels) = supervised_training_set(&data);
        let (images, labels) = (&images[230..250], &labels[230..250]);
        for head in [Head::SigmoidBce, Head::LinearMse] {
            let mut model = PixelClassifier::new(head);
            let mut rng = Rng::new(3);
            for p in model.params.iter_mut() {
                *p = rng.range(-0.05, 0.05);
            }
            let (_, grad) = model.loss_and_gradient(images, labels);
            for k in (0..=PIXELS).step_by(5).chain([PIXELS]) {
                let h = 1e-6;
                let mut plus = model.clone();
                plus.params[k] += h;
                let mut minus = model.clone();
                minus.params[k] -= h;
                let numeric = (plus.loss_and_gradient(images, labels).0
                    - minus.loss_and_gradient(images, labels).0)
                    / (2.0 * h);
                assert!(
                    close(numeric, grad[k], 1e-6),
                    "{head:?} parameter {k}: {} against {numeric}",
                    grad[k]
                );
            }
        }
    }

    #[test]
    fn adam_takes_the_textbook_step() {
        let mut adam = Adam::new(2, 0.1);
        let mut p = [1.0, -2.0];
        adam.update(&mut p, &[0.5, f64::NAN]);
        // After one step m̂ = g and v̂ = g², so the step is η·g/(|g| + ε).
        assert!(close(p[0], 1.0 - 0.1 * 0.5 / (0.5 + Adam::EPSILON), 1e-15));
        assert_eq!(p[1], -2.0, "a NaN gradient is skipped");
        assert_eq!(adam.steps(), 1);
    }

    #[test]
    fn training_is_deterministic_and_independent_of_the_evaluations() {
        let data = Dataset::seeded();
        let mut a = AutoencoderTraining::new(3);
        a.finish(&data.train_normal);
        let mut b = AutoencoderTraining::new(3);
        b.finish(&data.train_normal);
        assert_eq!(a, b);
        assert_eq!(a.history().len(), 3);
        assert_eq!(a.steps() as usize, 3 * a.steps_per_epoch(TRAIN_NORMAL));
        // Worked through one image at a time, the run is bit-for-bit the same.
        let mut c = AutoencoderTraining::new(3);
        while c.work(&data.train_normal, 1) != TrainWork::Idle {}
        assert_eq!(c.model(), a.model());
        assert_eq!(c.history(), a.history());
        // The lab interleaves evaluations with the steps; the weights are the same.
        let mut lab = Lab::new();
        lab.training = AutoencoderTraining::new(3);
        lab.finish_autoencoder();
        assert_eq!(lab.training().model(), a.model());
        assert_eq!(lab.normal_curve().len(), 3);
        assert_eq!(lab.defect_curve().len(), 3);
        assert!(lab.is_trained());
        // Reset starts over.
        lab.reset_autoencoder();
        assert_eq!(lab.training().epoch(), 0);
        assert!(!lab.is_trained() && lab.test_errors().is_empty());
    }

    /// The figures the lesson states: 60 epochs of Adam (η = 0.005, batches of 16) on the
    /// 240 normal images bring the training loss (mean squared reconstruction error) from
    /// 0.0066 in the first epoch to 0.000302 in the last; the normal test images then
    /// average 0.000284 and the defective ones 0.00306, ten times more. Ranking the 190
    /// test images by error gives a ROC AUC of 0.9993. The one-class threshold (95th
    /// percentile of the training errors, 0.000355) flags 7 of 100 normal test parts and
    /// every defect.
    #[test]
    fn the_autoencoder_converges_to_the_stated_figures() {
        let lab = trained();
        assert!(lab.is_trained());
        let history = lab.training().history();
        assert_eq!(history.len(), EPOCHS);
        assert!(history[0] > 0.005, "first epoch {}", history[0]);
        let last = history[EPOCHS - 1];
        assert!((last - 0.000302).abs() < 2e-6, "final loss {last}");
        assert!(last > 0.015 * 0.015 * 0.9, "cannot beat the sensor noise");
        let normal = *lab.normal_curve().last().unwrap();
        let defect = *lab.defect_curve().last().unwrap();
        assert!((normal - 0.000284).abs() < 2e-6, "{normal}");
        assert!((defect - 0.00306).abs() < 2e-5, "{defect}");
        assert!(defect > 10.0 * normal);
        let y = lab.data().test_labels();
        let auc = math::roc_auc(&y, lab.test_errors()).unwrap();
        assert!(auc > 0.95, "the brief's bar");
        assert!((auc - 0.99933).abs() < 5e-5, "AUC {auc}");
        let t = lab.suggested_threshold();
        assert!((t - 0.000355).abs() < 2e-6, "{t}");
        let rates = kind_rates(lab.data(), lab.test_errors(), t);
        assert_eq!(rates.flagged, [0.07, 1.0, 1.0, 1.0]);
        assert!(rates.auc.iter().all(|a| *a > 0.99), "{rates:?}");
        // Keras' default AUC() buckets scores on a [0, 1] grid of 200 thresholds: every
        // error here is below 0.013, so almost all fall in its first three buckets.
        let keras = math::keras_auc(&y, lab.test_errors(), 200).unwrap();
        assert!(keras < 0.65, "{keras}");
    }

    /// The comparison the lesson shows. The logistic regression trained on normal parts
    /// and scratches catches 26 of 30 unseen test scratches at p > 0.5 and no spot at all;
    /// its ranking of spots is worse than chance (AUC 0.40): it learned "a bright diagonal
    /// line", and a dark pit is the opposite. Even allowed 20 % false alarms it finds 30 %
    /// of the spots, where the autoencoder at 5 % false alarms finds every defect. It does
    /// catch missing pieces at lower thresholds: its weights are negative near the
    /// corners, so a dark corner looks "scratch-like" to it, by luck, not by design.
    #[test]
    fn supervised_misses_spots_that_the_autoencoder_catches() {
        let lab = trained();
        let data = lab.data();
        let p = lab.pixel_predictions(Head::SigmoidBce);
        assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
        let at_half = kind_rates(data, &p, 0.5);
        assert_eq!(at_half.flagged[0], 0.0, "no false alarm");
        assert!(
            (at_half.flagged[1] - 26.0 / 30.0).abs() < 1e-12,
            "{at_half:?}"
        );
        assert_eq!(at_half.flagged[2], 0.0, "no spot");
        assert!(at_half.auc[1] < 0.45, "worse than chance on spots");
        assert!(at_half.auc[0] > 0.99);
        let normal_p = of_kind(lab, &p, Kind::Normal);
        let normal_e = of_kind(lab, lab.test_errors(), Kind::Normal);
        let generous = threshold_for_false_alarms(&normal_p, 0.2).unwrap();
        let supervised = kind_rates(data, &p, generous);
        assert!((supervised.flagged[0] - 0.2).abs() < 1e-12);
        assert!(supervised.flagged[2] <= 0.3 + 1e-12, "{supervised:?}");
        let strict = threshold_for_false_alarms(&normal_e, 0.05).unwrap();
        let one_class = kind_rates(data, lab.test_errors(), strict);
        assert_eq!(one_class.flagged, [0.05, 1.0, 1.0, 1.0]);
        assert!(one_class.flagged[2] > supervised.flagged[2] + 0.6);
    }

    /// The thread's set-up: a linear output trained with MSE on the 0/1 labels. Its
    /// outputs leave [0, 1] (from −0.62 to 1.19 on the test set); the old
    /// `KerasRegressor.score` would report −MSE = −0.266, and R² on the test set is
    /// −0.065, worse than always answering the mean.
    #[test]
    fn the_threads_regressor_is_not_a_probability() {
        let lab = trained();
        let y = lab.data().test_labels();
        let r = lab.pixel_predictions(Head::LinearMse);
        let lo = r.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = r.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!(
            (lo + 0.619).abs() < 1e-3 && (hi - 1.189).abs() < 1e-3,
            "{lo} {hi}"
        );
        let mse = math::mean_squared_error(&y, &r).unwrap();
        assert!((mse - 0.2656).abs() < 1e-3, "{mse}");
        let r2 = r_squared(&y, &r).unwrap();
        assert!((r2 + 0.0655).abs() < 1e-3, "{r2}");
        // R² = 1 − MSE / Var(y): a function of the MSE on a fixed test set.
        let mean = y.iter().sum::<f64>() / y.len() as f64;
        let var = y.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / y.len() as f64;
        assert!(close(r2, 1.0 - mse / var, 1e-12));
    }

    #[test]
    fn helpers_survive_edge_cases() {
        let m = Autoencoder::new(1);
        assert_eq!(m.error(&[0.5; 3]), f64::INFINITY);
        assert_eq!(m.reconstruct(&[]), vec![0.5; PIXELS]);
        assert_eq!(m.encode(&[1.0]), vec![0.0; HIDDEN]);
        assert_eq!(m.error_map(&[0.2; 5]).len(), PIXELS);
        assert_eq!(m.loss_and_gradient(&[]).0, 0.0);
        assert_eq!(m.loss_and_gradient(&[&[1.0, 2.0]]).0, 0.0);
        assert_eq!(m.mean_error(&[]), 0.0);
        let c = PixelClassifier::new(Head::SigmoidBce);
        assert_eq!(c.predict(&[1.0]), 0.5);
        assert_eq!(c.loss_and_gradient(&[], &[]).0, 0.0);
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[f64::NAN], 0.5), None);
        assert_eq!(quantile(&[3.0, 1.0, 2.0], 0.5), Some(2.0));
        assert_eq!(quantile(&[1.0, 2.0], f64::NAN), None);
        assert_eq!(quantile(&[1.0, 2.0], 7.0), Some(2.0));
        assert_eq!(fraction_above(&[], 0.0), 0.0);
        assert_eq!(r_squared(&[], &[]), None);
        assert_eq!(r_squared(&[1.0, 1.0], &[0.0, 1.0]), None);
        assert_eq!(r_squared(&[0.0, 1.0], &[0.0]), None);
        assert_eq!(r_squared(&[0.0, 1.0], &[0.0, 1.0]), Some(1.0));
        assert_eq!(threshold_for_false_alarms(&[], 0.1), None);
        let normal = [0.1, 0.4, 0.3, 0.2];
        assert_eq!(threshold_for_false_alarms(&normal, 0.0), Some(0.4));
        assert_eq!(threshold_for_false_alarms(&normal, 0.25), Some(0.3));
        assert_eq!(threshold_for_false_alarms(&normal, 1.0), Some(0.1));
        assert_eq!(threshold_for_false_alarms(&normal, f64::NAN), Some(0.4));
        let mut rng = Rng::new(0);
        assert_eq!(rng.below(0), 0);
        let mut v: Vec<usize> = (0..10).collect();
        rng.shuffle(&mut v);
        v.sort();
        assert_eq!(v, (0..10).collect::<Vec<_>>());
        let data = Dataset::seeded();
        let r = kind_rates(&data, &[], 0.0);
        assert_eq!(r.flagged, [0.0; 4]);
        assert_eq!(r.auc, [0.5; 3]);
        // An empty training set does nothing, forever.
        let mut t = AutoencoderTraining::new(2);
        assert!(!t.step(&[]));
        t.finish(&[]);
        assert_eq!(t.epoch(), 0);
        assert_eq!(t.progress(0), 0.0);
    }
}
