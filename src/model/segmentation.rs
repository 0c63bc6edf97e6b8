//! Segmentation, one pixel at a time: the masks, painted predictions and tiny models of
//! Lesson 6. Pure `f64`, deterministic, no web dependencies; every metric on a painted mask
//! is the math core's (`crate::math`) applied to the flattened mask.
//!
//! * A binary ground-truth mask with a small object ([`object_mask`], 24 × 24, about 4 % of
//!   the pixels are object) and a brush that paints predicted probabilities on it
//!   ([`Brush`], [`brush_cells`], [`line_cells`]), scored by [`mask_metrics`].
//! * A 3-class mask with per-pixel logits for the pixel inspector ([`inspector_truth`],
//!   [`inspector_logits`]).
//! * The one-channel softmax trap: three output heads on the same feature map, trained by
//!   gradient descent ([`TrapModel`]).
//! * Tensor shapes in Keras (channels last) and PyTorch (channels first) for a set-up
//!   ([`ShapeSetup::report`]), what a convolution does to the image size
//!   ([`conv_output_size`]), and where each value lands when an (H, W, C) output is
//!   flattened with reshape or with a transpose ([`flatten_sources`]).

use crate::math;

// ---------------------------------------------------------------------------------------
// The painted binary mask
// ---------------------------------------------------------------------------------------

/// Width and height of the painting mask, in pixels.
pub const PAINT_SIZE: usize = 24;

/// Number of pixels of the painting mask.
pub const PAINT_PIXELS: usize = PAINT_SIZE * PAINT_SIZE;

/// The threshold above which a pixel counts as predicted object (Keras' `binary_accuracy`
/// uses "greater than").
pub const THRESHOLD: f64 = 0.5;

/// The ground truth: 1 for the object (an ellipse centred at column 14.5, row 9, 3.4 × 2.4
/// pixels in radius), 0 for background; row-major, `PAINT_SIZE`². 24 of the 576 pixels
/// (4.2 %) are object.
pub fn object_mask() -> Vec<f64> {
    let mut mask = vec![0.0; PAINT_PIXELS];
    for r in 0..PAINT_SIZE {
        for c in 0..PAINT_SIZE {
            let x = (c as f64 + 0.5 - 14.5) / 3.4;
            let y = (r as f64 + 0.5 - 9.0) / 2.4;
            if x * x + y * y <= 1.0 {
                mask[r * PAINT_SIZE + c] = 1.0;
            }
        }
    }
    mask
}

/// A model's first guess: a faint blob two pixels down and three to the left of the object
/// over a background of 0.05 (rounded to 2 decimals).
pub fn initial_prediction() -> Vec<f64> {
    let mut p = vec![0.0; PAINT_PIXELS];
    for r in 0..PAINT_SIZE {
        for c in 0..PAINT_SIZE {
            let dx = (c as f64 + 0.5 - 11.5) / 3.6;
            let dy = (r as f64 + 0.5 - 11.0) / 3.0;
            let v = 0.05 + 0.6 * (-(dx * dx + dy * dy)).exp();
            p[r * PAINT_SIZE + c] = (v * 100.0).round() / 100.0;
        }
    }
    p
}

/// What a brush stroke writes: a probability, over a disc of `radius` cells (0 = one cell,
/// 1 = 3 × 3, 2 = 5 × 5 without the corners).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Brush {
    /// The probability painted, in [0, 1].
    pub value: f64,
    /// Radius in cells, 0 to 3.
    pub radius: usize,
}

/// The cells a brush of `radius` covers around (`row`, `col`) on a `size` × `size` grid
/// (row-major indices; cells outside the grid are skipped, so nothing can go out of range,
/// and a centre outside the grid paints nothing).
pub fn brush_cells(size: usize, row: usize, col: usize, radius: usize) -> Vec<usize> {
    let r = radius.min(8) as i64;
    let mut cells = Vec::new();
    if row >= size || col >= size {
        return cells;
    }
    for dr in -r..=r {
        for dc in -r..=r {
            if dr * dr + dc * dc > r * r + r {
                continue;
            }
            let (y, x) = (row as i64 + dr, col as i64 + dc);
            if y >= 0 && x >= 0 && (y as usize) < size && (x as usize) < size {
                cells.push(y as usize * size + x as usize);
            }
        }
    }
    cells
}

/// Paints `brush` around (`row`, `col`); returns whether any value changed.
pub fn paint(pred: &mut [f64], size: usize, row: usize, col: usize, brush: Brush) -> bool {
    let value = if brush.value.is_finite() {
        brush.value.clamp(0.0, 1.0)
    } else {
        return false;
    };
    let mut changed = false;
    for i in brush_cells(size, row, col, brush.radius) {
        if let Some(slot) = pred.get_mut(i) {
            if *slot != value {
                *slot = value;
                changed = true;
            }
        }
    }
    changed
}

/// The cells on the straight line from `a` to `b` (Bresenham), both ends included: a fast
/// pointer drag reports far-apart positions, and painting along the line leaves no gaps.
pub fn line_cells(a: (usize, usize), b: (usize, usize)) -> Vec<(usize, usize)> {
    const FAR: usize = 1 << 16;
    if a.0 > FAR || a.1 > FAR || b.0 > FAR || b.1 > FAR {
        return vec![b];
    }
    let (mut r0, mut c0) = (a.0 as i64, a.1 as i64);
    let (r1, c1) = (b.0 as i64, b.1 as i64);
    let dr = (r1 - r0).abs();
    let dc = -(c1 - c0).abs();
    let sr = if r0 < r1 { 1 } else { -1 };
    let sc = if c0 < c1 { 1 } else { -1 };
    let mut err = dr + dc;
    let mut out = Vec::new();
    // At most |dr| + |dc| + 1 cells: the bound keeps the loop finite whatever happens.
    for _ in 0..=(dr - dc) {
        out.push((r0 as usize, c0 as usize));
        if r0 == r1 && c0 == c1 {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dc {
            err += dc;
            r0 += sr;
        }
        if e2 <= dr {
            err += dr;
            c0 += sc;
        }
    }
    out
}

/// The logit of a painted probability, after clipping it to [ε, 1 − ε] with Keras'
/// ε = 1e-7 (as `torch.logit(p, eps=1e-7)` does): the loss on these logits equals Keras'
/// binary cross-entropy on the probabilities, and a painted 0 or 1 stays finite.
pub fn clipped_logit(p: f64) -> f64 {
    let eps = math::KERAS_EPSILON;
    if p.is_nan() {
        return 0.0;
    }
    math::logit(p.clamp(eps, 1.0 - eps))
}

/// Everything the paint step shows about a painted prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct MaskMetrics {
    /// Pixel accuracy: [`math::binary_accuracy`] at 0.5 (p > 0.5 counts as object).
    pub accuracy: f64,
    /// Keras `binary_crossentropy` on the probabilities (clipped to [1e-7, 1 − 1e-7]).
    pub bce: f64,
    /// [`math::weighted_binary_crossentropy_with_logits`] on the clipped logits with
    /// `pos_weight`.
    pub weighted_bce: f64,
    /// The part of the weighted BCE that comes from object pixels, in [0, 1].
    pub object_share: f64,
    /// Keras' Dice loss [`math::dice_loss`] (soft: uses the probabilities themselves).
    pub dice_loss: f64,
    /// Keras' Dice coefficient, 1 − Dice loss.
    pub dice: f64,
    /// Foreground IoU [`math::iou`] at 0.5 (p > 0.5).
    pub iou: f64,
    /// Keras 3 `BinaryIoU(target_class_ids=[1], threshold=0.5)`: p ≥ 0.5 counts, and the
    /// ratio carries Keras' 1e-7 in both denominators.
    pub keras_iou: f64,
    /// Pixels predicted object (p > 0.5).
    pub predicted: usize,
    /// Object pixels in the truth.
    pub object: usize,
}

/// Scores a painted prediction against the truth (both row-major, same length). Never
/// panics: mismatched or empty input gives NaN values, which the lesson never produces.
pub fn mask_metrics(truth: &[f64], pred: &[f64], pos_weight: f64) -> MaskMetrics {
    let nan = f64::NAN;
    let logits: Vec<f64> = pred.iter().map(|p| clipped_logit(*p)).collect();
    let weighted =
        math::weighted_binary_crossentropy_with_logits(truth, &logits, pos_weight).unwrap_or(nan);
    let dice_loss = math::dice_loss(truth, pred).unwrap_or(nan);
    MaskMetrics {
        accuracy: math::binary_accuracy(truth, pred, THRESHOLD).unwrap_or(nan),
        bce: math::binary_crossentropy(truth, pred, false).unwrap_or(nan),
        weighted_bce: weighted,
        object_share: object_share(truth, &logits, pos_weight),
        dice_loss,
        dice: 1.0 - dice_loss,
        iou: math::iou(truth, pred, THRESHOLD).unwrap_or(nan),
        keras_iou: keras_binary_iou(truth, pred, THRESHOLD),
        predicted: pred.iter().filter(|p| **p > THRESHOLD).count(),
        object: truth.iter().filter(|y| **y == 1.0).count(),
    }
}

fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + (-x).exp().ln_1p()
    } else {
        x.exp().ln_1p()
    }
}

/// Share of the weighted BCE sum contributed by the object pixels (0 when the loss is 0).
fn object_share(truth: &[f64], logits: &[f64], pos_weight: f64) -> f64 {
    let w = if pos_weight.is_finite() {
        pos_weight.max(0.0)
    } else {
        1.0
    };
    let (mut obj, mut all) = (0.0, 0.0);
    for (y, z) in truth.iter().zip(logits) {
        let pos = w * y * softplus(-z);
        let neg = (1.0 - y) * softplus(*z);
        obj += pos;
        all += pos + neg;
    }
    if all > 0.0 {
        obj / all
    } else {
        0.0
    }
}

/// Keras 3 `BinaryIoU(target_class_ids=[1], threshold=t)`: a pixel is predicted object
/// when p ≥ t; IoU = TP / (TP + FP + FN + 1e-7), then divided by (1 + 1e-7) (the number of
/// valid classes plus Keras' ε); 0 when the union is empty.
pub fn keras_binary_iou(truth: &[f64], pred: &[f64], threshold: f64) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (y, p) in truth.iter().zip(pred) {
        let t = *y >= 0.5;
        let q = *p >= threshold;
        match (t, q) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            _ => {}
        }
    }
    let union = (tp + fp + fn_) as f64;
    let valid = if union > 1e-9 { 1.0 } else { 0.0 };
    let iou = tp as f64 / (union + math::KERAS_EPSILON);
    iou * valid / (valid + math::KERAS_EPSILON)
}

/// The pos_weight that makes object and background weigh the same in total: background
/// pixels ÷ object pixels (PyTorch's documented rule for `BCEWithLogitsLoss(pos_weight)`).
pub fn balancing_pos_weight(truth: &[f64]) -> f64 {
    let object = truth.iter().filter(|y| **y == 1.0).count();
    if object == 0 {
        return 1.0;
    }
    (truth.len() - object) as f64 / object as f64
}

/// Task: every pixel predicted background (none above 0.5) and the Dice coefficient
/// (practically) 0: high accuracy, nothing found.
pub fn is_all_background(m: &MaskMetrics) -> bool {
    m.predicted == 0 && m.dice < 0.01
}

/// Task: the painted object overlaps the truth with IoU ≥ 0.8.
pub fn object_found(m: &MaskMetrics) -> bool {
    m.iou >= 0.8
}

/// Task: the soft Dice loss below 0.1 (confident inside, empty outside).
pub fn dice_below(m: &MaskMetrics, limit: f64) -> bool {
    m.dice_loss < limit
}

/// Task: pos_weight within 0.5 of the balancing weight.
pub fn is_balanced(pos_weight: f64, truth: &[f64]) -> bool {
    (pos_weight - balancing_pos_weight(truth)).abs() <= 0.5
}

// ---------------------------------------------------------------------------------------
// The 3-class pixel inspector
// ---------------------------------------------------------------------------------------

/// Width and height of the inspector's mask.
pub const INSPECT_SIZE: usize = 12;

/// Number of classes in the inspector (0 background, 1 disc, 2 bar).
pub const INSPECT_CLASSES: usize = 3;

/// Names of the inspector's classes.
pub const INSPECT_CLASS_NAMES: [&str; INSPECT_CLASSES] = ["background", "disc", "bar"];

/// The 3-class truth: a disc (class 1) at the top left, a bar (class 2) at the bottom
/// right, background (0) elsewhere; row-major, `INSPECT_SIZE`².
pub fn inspector_truth() -> Vec<usize> {
    let n = INSPECT_SIZE;
    let mut t = vec![0; n * n];
    for r in 0..n {
        for c in 0..n {
            let (x, y) = (c as f64 + 0.5 - 4.0, r as f64 + 0.5 - 4.0);
            if x * x + y * y <= 2.7 * 2.7 {
                t[r * n + c] = 1;
            } else if (7..10).contains(&r) && (4..11).contains(&c) {
                t[r * n + c] = 2;
            }
        }
    }
    t
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn uniform(state: &mut u64) -> f64 {
    (splitmix(state) >> 11) as f64 / (1u64 << 53) as f64
}

/// The seed of the inspector's logits, chosen so that a few boundary pixels are
/// misclassified and several are unsure.
pub const INSPECT_SEED: u64 = 6;

/// A model's logits for every pixel of the inspector (`INSPECT_CLASSES` per pixel,
/// row-major pixels): for class k, 4·s_k − 2 plus noise in [−1.2, 1.2], where s_k is the
/// fraction of the pixel's 3 × 3 neighbourhood labelled k; rounded to 2 decimals.
/// Confident inside the shapes, unsure and sometimes wrong on their edges. Deterministic.
pub fn inspector_logits() -> Vec<[f64; INSPECT_CLASSES]> {
    let n = INSPECT_SIZE as i64;
    let truth = inspector_truth();
    let mut state = INSPECT_SEED;
    let mut out = Vec::with_capacity(truth.len());
    for r in 0..n {
        for c in 0..n {
            let mut z = [0.0; INSPECT_CLASSES];
            for (k, zk) in z.iter_mut().enumerate() {
                let (mut hits, mut cells) = (0.0, 0.0);
                for dr in -1..=1 {
                    for dc in -1..=1 {
                        let (y, x) = (r + dr, c + dc);
                        if y < 0 || x < 0 || y >= n || x >= n {
                            continue;
                        }
                        cells += 1.0;
                        if truth[(y * n + x) as usize] == k {
                            hits += 1.0;
                        }
                    }
                }
                let s = hits / cells;
                let noise = (uniform(&mut state) * 2.0 - 1.0) * 1.2;
                *zk = ((4.0 * s - 2.0 + noise) * 100.0).round() / 100.0;
            }
            out.push(z);
        }
    }
    out
}

/// The predicted class of a pixel: the argmax of its logits (the first maximum).
pub fn predicted_class(z: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in z.iter().enumerate() {
        if *v > z[best] {
            best = i;
        }
    }
    best
}

/// Task: a pixel whose top softmax probability is below 0.6.
pub fn is_unsure(z: &[f64]) -> bool {
    math::softmax(z).iter().cloned().fold(0.0, f64::max) < 0.6
}

/// Pixels the model gets wrong (argmax ≠ truth), as row-major indices.
pub fn wrong_pixels(truth: &[usize], logits: &[[f64; INSPECT_CLASSES]]) -> Vec<usize> {
    truth
        .iter()
        .zip(logits)
        .enumerate()
        .filter(|(_, (t, z))| predicted_class(&z[..]) != **t)
        .map(|(i, _)| i)
        .collect()
}

/// Mean over the pixels of the per-pixel sparse categorical cross-entropy (from logits):
/// what `keras.losses.SparseCategoricalCrossentropy(from_logits=True)` returns for the
/// (1, H, W, C) map, and `nn.CrossEntropyLoss()` for the (1, C, H, W) one.
pub fn mean_pixel_cross_entropy(truth: &[usize], logits: &[[f64; INSPECT_CLASSES]]) -> f64 {
    if truth.is_empty() || truth.len() != logits.len() {
        return f64::NAN;
    }
    let sum: f64 = truth
        .iter()
        .zip(logits)
        .map(|(t, z)| math::sparse_categorical_crossentropy(*t, &z[..], true).unwrap_or(f64::NAN))
        .sum();
    sum / truth.len() as f64
}

// ---------------------------------------------------------------------------------------
// The one-channel softmax trap
// ---------------------------------------------------------------------------------------

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
    let n = PAINT_SIZE as i64;
    let mut f = vec![0.0; truth.len()];
    for r in 0..n {
        for c in 0..n {
            let (mut s, mut k) = (0.0, 0.0);
            for dr in -1..=1 {
                for dc in -1..=1 {
                    let (y, x) = (r + dr, c + dc);
                    if y < 0 || x < 0 || y >= n || x >= n {
                        continue;
                    }
                    s += truth[(y * n + x) as usize];
                    k += 1.0;
                }
            }
            f[(r * n + c) as usize] = s / k;
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

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

/// Which framework's conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// Keras 3: channels last, (B, H, W, C).
    Keras,
    /// PyTorch: channels first, (N, C, H, W).
    PyTorch,
}

/// The model's output head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// C channels, softmax over the class axis.
    Softmax,
    /// One channel with a sigmoid (binary only).
    Sigmoid,
}

/// How the labels are written (for a softmax head).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelFormat {
    /// One-hot: a class axis of C zeros and ones.
    OneHot,
    /// Sparse: one integer class per pixel, no class axis.
    Sparse,
}

/// How the last layer is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastLayer {
    /// The thread's Keras 1 call `Convolution2D(C, 3, 3)`, read by Keras 3 as kernel 3,
    /// stride 3, padding "valid".
    ThreadCall,
    /// `Conv2D(C, 3)`: kernel 3, stride 1, padding "valid".
    Valid3,
    /// `Conv2D(C, 3, padding="same")`.
    Same3,
    /// `Conv2D(C, 1)`: a 1 × 1 convolution.
    OneByOne,
}

impl LastLayer {
    /// (kernel, stride, same padding).
    pub fn geometry(self) -> (usize, usize, bool) {
        match self {
            LastLayer::ThreadCall => (3, 3, false),
            LastLayer::Valid3 => (3, 1, false),
            LastLayer::Same3 => (3, 1, true),
            LastLayer::OneByOne => (1, 1, false),
        }
    }
}

/// Output length of a convolution along one axis: ⌈n / stride⌉ with padding "same",
/// ⌊(n − kernel) / stride⌋ + 1 with "valid" (0 when the kernel does not fit).
pub fn conv_output_size(n: usize, kernel: usize, stride: usize, same: bool) -> usize {
    let stride = stride.max(1);
    if same {
        n.div_ceil(stride)
    } else if n < kernel.max(1) {
        0
    } else {
        (n - kernel.max(1)) / stride + 1
    }
}

/// A segmentation set-up to describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeSetup {
    /// Keras or PyTorch.
    pub framework: Framework,
    /// Softmax over C or one sigmoid channel.
    pub head: Head,
    /// One-hot or sparse labels.
    pub labels: LabelFormat,
    /// Number of classes C, background included (2 for binary).
    pub classes: usize,
    /// The last layer.
    pub last_layer: LastLayer,
    /// Batch size.
    pub batch: usize,
    /// Image height.
    pub height: usize,
    /// Image width.
    pub width: usize,
}

crate::link_enum!(Framework { Framework::Keras => "keras", Framework::PyTorch => "pytorch" });
crate::link_enum!(Head { Head::Softmax => "softmax", Head::Sigmoid => "sigmoid" });
crate::link_enum!(LabelFormat { LabelFormat::OneHot => "onehot", LabelFormat::Sparse => "sparse" });
crate::link_enum!(LastLayer {
    LastLayer::ThreadCall => "thread",
    LastLayer::Valid3 => "valid3",
    LastLayer::Same3 => "same3",
    LastLayer::OneByOne => "1x1",
});
crate::link_enum!(Flatten {
    Flatten::ThreadReshapePermute => "thread",
    Flatten::ReshapePixelsFirst => "pixels-first",
    Flatten::NoReshape => "none",
});

/// In a link: `framework_head_labels_classes_layer_batch_height_width`, e.g.
/// `keras_softmax_onehot_3_thread_8_128_128`; sizes must be 1 to 100,000 (classes 1 to 8).
impl crate::link::LinkValue for ShapeSetup {
    fn to_link(&self) -> String {
        [
            self.framework.to_link(),
            self.head.to_link(),
            self.labels.to_link(),
            self.classes.to_string(),
            self.last_layer.to_link(),
            self.batch.to_string(),
            self.height.to_string(),
            self.width.to_string(),
        ]
        .join("_")
    }
    fn from_link(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split('_').collect();
        let [framework, head, labels, classes, layer, batch, height, width] = p.as_slice() else {
            return None;
        };
        let size = |t: &str| usize::from_link(t).filter(|n| (1..=100_000).contains(n));
        Some(ShapeSetup {
            framework: Framework::from_link(framework)?,
            head: Head::from_link(head)?,
            labels: LabelFormat::from_link(labels)?,
            classes: usize::from_link(classes).filter(|c| (1..=8).contains(c))?,
            last_layer: LastLayer::from_link(layer)?,
            batch: size(batch)?,
            height: size(height)?,
            width: size(width)?,
        })
    }
}

/// The tensors of a set-up and the loss that fits them.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeReport {
    /// The input batch.
    pub input: Vec<usize>,
    /// The model's output.
    pub output: Vec<usize>,
    /// The labels the loss needs.
    pub target: Vec<usize>,
    /// The labels' element type.
    pub target_dtype: &'static str,
    /// The axis the softmax (or sigmoid) acts on, counted from 0.
    pub class_axis: usize,
    /// The last layer, written for this framework.
    pub layer_code: String,
    /// The loss, written for this framework.
    pub loss_code: String,
    /// Problems with this set-up, in the learner's words (empty when it trains).
    pub problems: Vec<String>,
    /// Remarks that are not problems.
    pub notes: Vec<String>,
}

/// A shape as Python writes it: `(8, 128, 128, 3)`, `(8,)`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

impl ShapeSetup {
    /// The lesson's starting point: Keras, softmax over 3 classes, one-hot labels, the
    /// thread's last layer, a batch of 8 RGB images of 128 × 128.
    pub fn start() -> ShapeSetup {
        ShapeSetup {
            framework: Framework::Keras,
            head: Head::Softmax,
            labels: LabelFormat::OneHot,
            classes: 3,
            last_layer: LastLayer::ThreadCall,
            batch: 8,
            height: 128,
            width: 128,
        }
    }

    /// Channels of the output.
    pub fn channels(&self) -> usize {
        match self.head {
            Head::Softmax => self.classes.max(1),
            Head::Sigmoid => 1,
        }
    }

    /// Output height and width after the last layer.
    pub fn output_size(&self) -> (usize, usize) {
        let (k, s, same) = self.last_layer.geometry();
        (
            conv_output_size(self.height, k, s, same),
            conv_output_size(self.width, k, s, same),
        )
    }

    /// The shapes, the calls and what is wrong, for this set-up.
    pub fn report(&self) -> ShapeReport {
        let (b, h, w, c) = (self.batch, self.height, self.width, self.channels());
        let (oh, ow) = self.output_size();
        let keras = self.framework == Framework::Keras;
        let input = if keras {
            vec![b, h, w, 3]
        } else {
            vec![b, 3, h, w]
        };
        let output = if keras {
            vec![b, oh, ow, c]
        } else {
            vec![b, c, oh, ow]
        };
        let class_axis = if keras { 3 } else { 1 };
        let (target, target_dtype) = match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, true) => (vec![b, h, w, 1], "float32 (0 or 1)"),
            (Head::Sigmoid, _, false) => (vec![b, 1, h, w], "float32 (0 or 1)"),
            (Head::Softmax, LabelFormat::Sparse, true) => (vec![b, h, w], "int32 (0 … C−1)"),
            (Head::Softmax, LabelFormat::Sparse, false) => (vec![b, h, w], "int64 (0 … C−1)"),
            (Head::Softmax, LabelFormat::OneHot, true) => (vec![b, h, w, c], "float32 (one-hot)"),
            (Head::Softmax, LabelFormat::OneHot, false) => (vec![b, c, h, w], "float32 (one-hot)"),
        };
        let act = match self.head {
            Head::Softmax => "softmax",
            Head::Sigmoid => "sigmoid",
        };
        let layer_code = if keras {
            match self.last_layer {
                LastLayer::ThreadCall => {
                    format!("keras.layers.Convolution2D({c}, 3, 3, activation=\"{act}\")")
                }
                LastLayer::Valid3 => format!("keras.layers.Conv2D({c}, 3, activation=\"{act}\")"),
                LastLayer::Same3 => {
                    format!("keras.layers.Conv2D({c}, 3, padding=\"same\", activation=\"{act}\")")
                }
                LastLayer::OneByOne => {
                    format!("keras.layers.Conv2D({c}, 1, activation=\"{act}\")")
                }
            }
        } else {
            match self.last_layer {
                LastLayer::ThreadCall => format!("nn.Conv2d(64, {c}, 3, 3)"),
                LastLayer::Valid3 => format!("nn.Conv2d(64, {c}, 3)"),
                LastLayer::Same3 => format!("nn.Conv2d(64, {c}, 3, padding=\"same\")"),
                LastLayer::OneByOne => format!("nn.Conv2d(64, {c}, 1)"),
            }
        };
        let loss_code = match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, true) => "keras.losses.BinaryCrossentropy()".to_string(),
            (Head::Sigmoid, _, false) => "nn.BCEWithLogitsLoss()".to_string(),
            (Head::Softmax, LabelFormat::Sparse, true) => {
                "keras.losses.SparseCategoricalCrossentropy()".to_string()
            }
            (Head::Softmax, LabelFormat::OneHot, true) => {
                "keras.losses.CategoricalCrossentropy()".to_string()
            }
            (Head::Softmax, _, false) => "nn.CrossEntropyLoss()".to_string(),
        };
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        if (oh, ow) != (h, w) {
            let out = shape_text(&output);
            let tgt = shape_text(&target);
            problems.push(if oh == 0 || ow == 0 {
                format!("The last layer leaves no pixels at all ({out}).")
            } else {
                format!(
                    "The last layer shrinks the image from {h} × {w} to {oh} × {ow}: the output {out} no longer matches the labels {tgt}, so the loss fails with a shape error."
                )
            });
        }
        if self.head == Head::Sigmoid && self.classes > 2 {
            problems.push(format!(
                "One sigmoid channel answers one yes/no question per pixel, so it can only separate 2 classes, not {c}. For {c} classes that exclude each other, use a softmax over {c} channels (or, if a pixel may belong to several classes at once, {c} sigmoid channels).",
                c = self.classes
            ));
        }
        if self.head == Head::Sigmoid && self.classes == 1 {
            notes.push(
                "C counts the classes with the background: one sigmoid channel tells object from background, which is C = 2. The shapes are the same as with C = 2, and this set-up trains."
                    .to_string(),
            );
        }
        if self.head == Head::Softmax && self.classes < 2 {
            problems.push(
                "A softmax over 1 channel outputs 1.0 for every pixel: it cannot learn (step 5). For object against background, use one sigmoid channel, or a softmax over 2 channels (C = 2)."
                    .to_string(),
            );
        }
        match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, _) => notes.push(
                "With one sigmoid channel the label is the 0/1 object mask itself, with a channel axis of size 1.".to_string(),
            ),
            (Head::Softmax, LabelFormat::OneHot, false) => notes.push(
                "F.one_hot(y, C) returns (N, H, W, C), channels last: move the axis with .permute(0, 3, 1, 2) before the loss. A reshape would scramble it (step 2).".to_string(),
            ),
            (Head::Softmax, LabelFormat::Sparse, true) => notes.push(
                "Keras also accepts sparse labels of shape (B, H, W, 1).".to_string(),
            ),
            _ => {}
        }
        if !keras {
            notes.push(
                "nn.CrossEntropyLoss and nn.BCEWithLogitsLoss take the logits: no softmax or sigmoid layer at the end of the model (nn.BCELoss would want probabilities, nn.NLLLoss log-probabilities)."
                    .to_string(),
            );
        }
        ShapeReport {
            input,
            output,
            target,
            target_dtype,
            class_axis,
            layer_code,
            loss_code,
            problems,
            notes,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reshape against transpose
// ---------------------------------------------------------------------------------------

/// How a (H, W, C) output is turned into rows for a per-row softmax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flatten {
    /// The thread's `Reshape((C, H*W))` then `Permute((2, 1))`.
    ThreadReshapePermute,
    /// `Reshape((H*W, C))`: each row is one pixel's C scores.
    ReshapePixelsFirst,
    /// No reshape (Keras 3): softmax over the last axis of (H, W, C) directly.
    NoReshape,
}

/// Where the value at each position of the final (H·W, C) matrix came from, as
/// `(pixel, class)` of the (H, W, C) output (pixel = row · W + column), row-major.
pub fn flatten_sources(mode: Flatten, h: usize, w: usize, c: usize) -> Vec<(usize, usize)> {
    let n = h * w * c;
    match mode {
        Flatten::ReshapePixelsFirst | Flatten::NoReshape => {
            (0..n).map(|i| (i / c.max(1), i % c.max(1))).collect()
        }
        Flatten::ThreadReshapePermute => {
            // Reshape((C, HW)): element [i][j] is flat[i·HW + j]. Permute((2, 1)): the
            // result's [j][i] is the reshaped [i][j].
            let hw = h * w;
            let mut out = Vec::with_capacity(n);
            for j in 0..hw {
                for i in 0..c {
                    let flat = i * hw + j;
                    out.push((flat / c.max(1), flat % c.max(1)));
                }
            }
            out
        }
    }
}

/// Where each value of the thread's intermediate (C, H·W) matrix came from (row-major),
/// as `(pixel, class)`.
pub fn reshape_sources(h: usize, w: usize, c: usize) -> Vec<(usize, usize)> {
    (0..h * w * c)
        .map(|flat| (flat / c.max(1), flat % c.max(1)))
        .collect()
}

/// Height, width and classes of the reshape demonstration: H·W = 4 is not a multiple of
/// C = 3, so the thread's reshape mixes classes as well as pixels.
pub const RESHAPE_DIMS: (usize, usize, usize) = (2, 2, 3);

/// Logits of the reshape demonstration's (H, W, C) output, flat in memory order, and the
/// true class of each pixel. Each pixel's true class has the highest logit.
pub fn reshape_example() -> (Vec<f64>, Vec<usize>) {
    let (h, w, c) = RESHAPE_DIMS;
    let labels: Vec<usize> = (0..h * w).map(|p| (p * 2 + p / 3) % c).collect();
    let mut logits = Vec::with_capacity(h * w * c);
    for (p, label) in labels.iter().enumerate() {
        for k in 0..c {
            let base = if k == *label { 2.0 } else { -0.5 };
            logits.push(base + 0.25 * ((p + 2 * k) % 3) as f64);
        }
    }
    (logits, labels)
}

/// Mean categorical cross-entropy over the rows of the final (H·W, C) matrix against the
/// pixels' one-hot labels written one row per pixel: what the loss computes after the
/// layers of `mode`. Equal to the per-pixel loss only when each row is one pixel.
pub fn flattened_loss(mode: Flatten) -> f64 {
    let (h, w, c) = RESHAPE_DIMS;
    let (logits, labels) = reshape_example();
    let sources = flatten_sources(mode, h, w, c);
    let mut sum = 0.0;
    for (row, label) in labels.iter().enumerate() {
        let z: Vec<f64> = (0..c)
            .map(|k| {
                let (p, class) = sources[row * c + k];
                logits[p * c + class]
            })
            .collect();
        let y: Vec<f64> = (0..c)
            .map(|k| if k == *label { 1.0 } else { 0.0 })
            .collect();
        sum += math::categorical_crossentropy(&y, &z, true, 0.0).unwrap_or(f64::NAN);
    }
    sum / labels.len() as f64
}

/// Rows of the final matrix that hold values of more than one pixel.
pub fn mixed_rows(mode: Flatten) -> usize {
    let (h, w, c) = RESHAPE_DIMS;
    let sources = flatten_sources(mode, h, w, c);
    sources
        .chunks(c)
        .filter(|row| row.iter().any(|(p, _)| *p != row[0].0))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    #[test]
    fn the_object_is_small_and_deterministic() {
        let m = object_mask();
        assert_eq!(m, object_mask());
        let object = m.iter().filter(|v| **v == 1.0).count();
        assert_eq!(object, 24);
        let share = object as f64 / PAINT_PIXELS as f64;
        assert!((0.03..=0.05).contains(&share), "{share}");
        assert!(m.iter().all(|v| *v == 0.0 || *v == 1.0));
        let p = initial_prediction();
        assert_eq!(p.len(), PAINT_PIXELS);
        assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
    }

    /// Metrics computed here by hand, independently of the math core.
    fn by_hand(y: &[f64], p: &[f64], w: f64) -> (f64, f64, f64, f64, f64) {
        let n = y.len() as f64;
        let eps = 1e-7;
        let mut right = 0.0;
        let (mut bce, mut wbce, mut inter, mut sy, mut sp) = (0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut tp, mut un) = (0.0, 0.0);
        for (&y, &p) in y.iter().zip(p) {
            let q = p.clamp(eps, 1.0 - eps);
            let pred = if p > 0.5 { 1.0 } else { 0.0 };
            if pred == y {
                right += 1.0;
            }
            bce += -(y * q.ln() + (1.0 - y) * (1.0 - q).ln());
            wbce += -(w * y * q.ln() + (1.0 - y) * (1.0 - q).ln());
            inter += y * p;
            sy += y;
            sp += p;
            if pred == 1.0 && y == 1.0 {
                tp += 1.0;
            }
            if pred == 1.0 || y == 1.0 {
                un += 1.0;
            }
        }
        (
            right / n,
            bce / n,
            wbce / n,
            1.0 - 2.0 * inter / (sy + sp + eps),
            tp / un,
        )
    }

    #[test]
    fn painted_metrics_equal_the_math_core_and_a_hand_computation() {
        let y = object_mask();
        let mut cases = vec![initial_prediction(), vec![0.0; PAINT_PIXELS], y.clone()];
        let mut p = vec![0.0; PAINT_PIXELS];
        paint(
            &mut p,
            PAINT_SIZE,
            9,
            14,
            Brush {
                value: 0.9,
                radius: 2,
            },
        );
        paint(
            &mut p,
            PAINT_SIZE,
            3,
            3,
            Brush {
                value: 0.3,
                radius: 1,
            },
        );
        cases.push(p);
        cases.push(vec![0.5; PAINT_PIXELS]);
        for p in &cases {
            for w in [1.0, 5.0, 23.0] {
                let m = mask_metrics(&y, p, w);
                assert_eq!(m.accuracy, math::binary_accuracy(&y, p, 0.5).unwrap());
                assert_eq!(m.bce, math::binary_crossentropy(&y, p, false).unwrap());
                assert_eq!(m.dice_loss, math::dice_loss(&y, p).unwrap());
                assert_eq!(m.iou, math::iou(&y, p, 0.5).unwrap());
                let logits: Vec<f64> = p.iter().map(|v| clipped_logit(*v)).collect();
                assert_eq!(
                    m.weighted_bce,
                    math::weighted_binary_crossentropy_with_logits(&y, &logits, w).unwrap()
                );
                let (acc, bce, wbce, dice, iou) = by_hand(&y, p, w);
                assert!(close(m.accuracy, acc, 1e-15));
                assert!(close(m.bce, bce, 1e-12), "{} {}", m.bce, bce);
                assert!(close(m.weighted_bce, wbce, 1e-12));
                assert!(close(m.dice_loss, dice, 1e-12));
                assert!(close(m.iou, iou, 1e-15));
                // BCE with logits of the clipped probabilities is Keras' probability BCE.
                let with_logits = math::binary_crossentropy(&y, &logits, true).unwrap();
                assert!(close(with_logits, m.bce, 1e-12));
                assert!(m.object_share >= 0.0 && m.object_share <= 1.0);
                assert!((m.keras_iou - m.iou).abs() < 1e-6 || p.contains(&0.5));
            }
        }
    }

    #[test]
    fn predicting_all_background_is_96_percent_accurate_and_finds_nothing() {
        let y = object_mask();
        let m = mask_metrics(&y, &vec![0.0; PAINT_PIXELS], 1.0);
        assert!((m.accuracy - 552.0 / 576.0).abs() < 1e-15);
        assert!(m.accuracy > 0.95);
        assert_eq!(m.dice, 0.0);
        assert_eq!(m.dice_loss, 1.0);
        assert_eq!(m.iou, 0.0);
        assert!(is_all_background(&m));
        // The clipped BCE: 24 object pixels at −ln(1e-7) each, background at −ln(1 − 1e-7).
        let expect = (24.0 * -(1e-7f64).ln() + 552.0 * -(1.0 - 1e-7f64).ln()) / 576.0;
        assert!(close(m.bce, expect, 1e-12));
        assert!(!object_found(&m) && !dice_below(&m, 0.1));
        // The perfect mask.
        let perfect = mask_metrics(&y, &y, 1.0);
        assert_eq!(perfect.accuracy, 1.0);
        assert_eq!(perfect.iou, 1.0);
        assert!(perfect.dice_loss < 1e-8);
        assert!(object_found(&perfect) && dice_below(&perfect, 0.1));
        assert!(!is_all_background(&perfect));
        // The starting guess does none of the tasks.
        let start = mask_metrics(&y, &initial_prediction(), 1.0);
        assert!(!is_all_background(&start) && !object_found(&start));
        assert!(!dice_below(&start, 0.1));
    }

    #[test]
    fn pos_weight_balances_the_classes() {
        let y = object_mask();
        let w = balancing_pos_weight(&y);
        assert!((w - 23.0).abs() < 1e-12);
        assert!(is_balanced(23.0, &y) && is_balanced(22.5, &y));
        assert!(!is_balanced(1.0, &y) && !is_balanced(24.0, &y));
        // At the balancing weight, a uniform 0.5 gives object and background equal shares.
        let m = mask_metrics(&y, &vec![0.5; PAINT_PIXELS], w);
        assert!((m.object_share - 0.5).abs() < 1e-12);
        let m1 = mask_metrics(&y, &vec![0.5; PAINT_PIXELS], 1.0);
        assert!((m1.object_share - 24.0 / 576.0).abs() < 1e-12);
        assert!(!mask_metrics(&y, &y, f64::NAN).weighted_bce.is_finite());
    }

    #[test]
    fn keras_iou_counts_the_threshold_itself() {
        let y = [1.0, 1.0, 0.0, 0.0];
        let p = [0.5, 0.9, 0.1, 0.0];
        // Ours: 0.5 is not above 0.5 → IoU 1/2; Keras: 0.5 ≥ 0.5 → 2/2 (less ε).
        assert_eq!(math::iou(&y, &p, 0.5).unwrap(), 0.5);
        assert!((keras_binary_iou(&y, &p, 0.5) - 1.0).abs() < 1e-6);
        assert_eq!(keras_binary_iou(&[0.0], &[0.0], 0.5), 0.0);
    }

    #[test]
    fn brushes_and_lines_stay_inside_the_grid() {
        assert_eq!(brush_cells(24, 5, 5, 0), vec![5 * 24 + 5]);
        assert_eq!(brush_cells(24, 5, 5, 1).len(), 9);
        assert_eq!(brush_cells(24, 5, 5, 2).len(), 21);
        assert_eq!(brush_cells(24, 0, 0, 1).len(), 4);
        assert_eq!(brush_cells(24, 23, 23, 2).len(), 8);
        assert!(brush_cells(24, 100, 100, 3).is_empty());
        assert!(brush_cells(24, usize::MAX, 0, 3).is_empty());
        let mut p = vec![0.0; 16];
        assert!(paint(
            &mut p,
            4,
            1,
            1,
            Brush {
                value: 2.0,
                radius: 0
            }
        ));
        assert_eq!(p[5], 1.0);
        assert!(!paint(
            &mut p,
            4,
            1,
            1,
            Brush {
                value: f64::NAN,
                radius: 3
            }
        ));
        assert!(!paint(
            &mut p,
            4,
            1,
            1,
            Brush {
                value: 1.0,
                radius: 0
            }
        ));
        let line = line_cells((0, 0), (3, 7));
        assert_eq!(line.first(), Some(&(0, 0)));
        assert_eq!(line.last(), Some(&(3, 7)));
        assert_eq!(line.len(), 8);
        for pair in line.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1);
        }
        assert_eq!(line_cells((4, 4), (4, 4)), vec![(4, 4)]);
        assert_eq!(line_cells((5, 2), (1, 2)).len(), 5);
        assert_eq!(line_cells((usize::MAX, 0), (1, 2)), vec![(1, 2)]);
        assert_eq!(clipped_logit(f64::NAN), 0.0);
        assert!(clipped_logit(0.0).is_finite() && clipped_logit(1.0).is_finite());
    }

    #[test]
    fn the_inspector_has_wrong_and_unsure_pixels() {
        let t = inspector_truth();
        let z = inspector_logits();
        assert_eq!(z, inspector_logits());
        assert_eq!(t.len(), INSPECT_SIZE * INSPECT_SIZE);
        for k in 0..INSPECT_CLASSES {
            assert!(t.iter().filter(|c| **c == k).count() >= 15, "class {k}");
        }
        let wrong = wrong_pixels(&t, &z);
        assert!((2..=12).contains(&wrong.len()), "{} wrong", wrong.len());
        let unsure = z.iter().filter(|v| is_unsure(&v[..])).count();
        assert!(unsure >= 3, "{unsure} unsure");
        let ce = mean_pixel_cross_entropy(&t, &z);
        assert!(ce > 0.1 && ce < 1.0, "{ce}");
        assert!(mean_pixel_cross_entropy(&[], &[]).is_nan());
        // The starting pixel (row 4, column 4) is the disc's centre: confident and right.
        let start = 4 * INSPECT_SIZE + 4;
        assert_eq!(t[start], 1);
        assert_eq!(predicted_class(&z[start]), 1);
        assert!(!is_unsure(&z[start]));
        assert_eq!(predicted_class(&[1.0, 1.0, 0.0]), 0);
        assert_eq!(predicted_class(&[]), 0);
    }

    #[test]
    fn softmax_over_one_channel_cannot_learn() {
        let f = trap_features();
        let y = object_mask();
        let mut trap = TrapModel::new(TrapSetup::OneChannelSoftmax);
        assert_eq!(trap.gradient(&f, &y), [0.0; 4]);
        trap.params = [3.0, -2.0, 0.0, 0.0];
        assert_eq!(trap.gradient(&f, &y), [0.0; 4]);
        let before = trap.params;
        trap.train(&f, &y, TRAP_LEARNING_RATE, 200);
        assert_eq!(trap.params, before, "the parameters never move");
        let r = trap.report(&f, &y);
        assert_eq!(r.output_range, (1.0, 1.0));
        assert!(r.object_prob.iter().all(|p| *p == 1.0));
        assert_eq!(r.gradient_norm, 0.0);
        // Keras BCE: the background pixels at the ceiling −ln(1e-7); the thread's
        // categorical cross-entropy says ≈ 0.
        let expect = 552.0 / 576.0 * -(1e-7f64).ln() + 24.0 / 576.0 * -(1.0 - 1e-7f64).ln();
        assert!(close(r.loss, expect, 1e-9), "{}", r.loss);
        let cce = r.categorical_loss.unwrap();
        assert!(cce > 0.0 && cce < 1e-8, "{cce}");
        assert!((r.iou - 24.0 / 576.0).abs() < 1e-12);
    }

    #[test]
    fn the_correct_heads_learn_and_agree_with_finite_differences() {
        let f = trap_features();
        let y = object_mask();
        for setup in [TrapSetup::OneChannelSigmoid, TrapSetup::TwoChannelSoftmax] {
            let mut m = TrapModel::new(setup);
            m.params = [0.7, -0.4, -0.3, 0.2];
            let g = m.gradient(&f, &y);
            for (k, gk) in g.iter().enumerate() {
                if setup == TrapSetup::OneChannelSigmoid && k >= 2 {
                    assert_eq!(*gk, 0.0);
                    continue;
                }
                let h = 1e-6;
                let (mut a, mut b) = (m.clone(), m.clone());
                a.params[k] += h;
                b.params[k] -= h;
                let fd = (a.report(&f, &y).loss - b.report(&f, &y).loss) / (2.0 * h);
                assert!((fd - gk).abs() < 1e-6, "{setup:?} param {k}: {fd} vs {gk}");
            }
        }
        let mut models = TrapSetup::ALL.map(TrapModel::new);
        let start = models.clone().map(|m| m.report(&f, &y));
        assert!(!correct_heads_learned(&start));
        for m in models.iter_mut() {
            m.train(&f, &y, TRAP_LEARNING_RATE, 100);
        }
        let after: [TrapReport; 3] = models.clone().map(|m| m.report(&f, &y));
        assert!(after[1].loss < start[1].loss / 2.0, "{}", after[1].loss);
        assert!(after[2].loss < start[2].loss / 2.0);
        for m in models.iter_mut() {
            m.train(&f, &y, TRAP_LEARNING_RATE, 200);
        }
        let after: [TrapReport; 3] = models.map(|m| m.report(&f, &y));
        assert!(
            correct_heads_learned(&after),
            "IoU {} and {}",
            after[1].iou,
            after[2].iou
        );
    }

    #[test]
    fn shapes_follow_the_framework() {
        let mut s = ShapeSetup::start();
        let r = s.report();
        assert_eq!(s.output_size(), (42, 42));
        assert_eq!(r.output, vec![8, 42, 42, 3]);
        assert_eq!(r.problems.len(), 1);
        s.last_layer = LastLayer::Same3;
        let r = s.report();
        assert!(r.problems.is_empty());
        assert_eq!(r.input, vec![8, 128, 128, 3]);
        assert_eq!(r.output, vec![8, 128, 128, 3]);
        assert_eq!(r.target, vec![8, 128, 128, 3]);
        assert_eq!(r.class_axis, 3);
        s.framework = Framework::PyTorch;
        s.labels = LabelFormat::Sparse;
        s.classes = 5;
        let r = s.report();
        assert_eq!(r.input, vec![8, 3, 128, 128]);
        assert_eq!(r.output, vec![8, 5, 128, 128]);
        assert_eq!(r.target, vec![8, 128, 128]);
        assert_eq!(r.class_axis, 1);
        assert_eq!(r.loss_code, "nn.CrossEntropyLoss()");
        s.head = Head::Sigmoid;
        assert_eq!(s.report().problems.len(), 1, "sigmoid with 5 classes");
        s.classes = 2;
        let r = s.report();
        assert!(r.problems.is_empty());
        assert_eq!(r.output, vec![8, 1, 128, 128]);
        assert_eq!(r.target, vec![8, 1, 128, 128]);
        s.framework = Framework::Keras;
        assert_eq!(s.report().loss_code, "keras.losses.BinaryCrossentropy()");
        assert_eq!(shape_text(&[8]), "(8,)");
        assert_eq!(shape_text(&[8, 128, 128]), "(8, 128, 128)");
        s.head = Head::Softmax;
        s.classes = 1;
        assert!(!s.report().problems.is_empty());
    }

    #[test]
    fn convolution_sizes() {
        assert_eq!(conv_output_size(128, 3, 3, false), 42);
        assert_eq!(conv_output_size(128, 3, 1, false), 126);
        assert_eq!(conv_output_size(128, 3, 1, true), 128);
        assert_eq!(conv_output_size(128, 1, 1, false), 128);
        assert_eq!(conv_output_size(2, 3, 1, false), 0);
        assert_eq!(conv_output_size(5, 3, 0, true), 5);
        assert_eq!(conv_output_size(7, 3, 2, true), 4);
    }

    #[test]
    fn reshape_is_not_transpose() {
        let (h, w, c) = RESHAPE_DIMS;
        let thread = flatten_sources(Flatten::ThreadReshapePermute, h, w, c);
        let right = flatten_sources(Flatten::ReshapePixelsFirst, h, w, c);
        assert_eq!(thread.len(), h * w * c);
        // Every value is used exactly once either way.
        let mut sorted = thread.clone();
        sorted.sort();
        let mut all = right.clone();
        all.sort();
        assert_eq!(sorted, all);
        // Row 0 of the right matrix: pixel 0's three classes.
        assert_eq!(&right[..3], &[(0, 0), (0, 1), (0, 2)]);
        // Row 0 of the thread's: flat 0, 4, 8: pixel 0 class 0, pixel 1 class 1, pixel 2
        // class 2.
        assert_eq!(&thread[..3], &[(0, 0), (1, 1), (2, 2)]);
        assert_eq!(mixed_rows(Flatten::ReshapePixelsFirst), 0);
        assert_eq!(mixed_rows(Flatten::NoReshape), 0);
        assert_eq!(mixed_rows(Flatten::ThreadReshapePermute), h * w);
        let per_pixel = flattened_loss(Flatten::NoReshape);
        assert_eq!(flattened_loss(Flatten::ReshapePixelsFirst), per_pixel);
        assert!((flattened_loss(Flatten::ThreadReshapePermute) - per_pixel).abs() > 0.5);
        let (logits, labels) = reshape_example();
        for (p, l) in labels.iter().enumerate() {
            assert_eq!(predicted_class(&logits[p * c..(p + 1) * c]), *l);
        }
        let inter = reshape_sources(h, w, c);
        assert_eq!(&inter[..3], &[(0, 0), (0, 1), (0, 2)]);
    }
}
