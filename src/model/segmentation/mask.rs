//! The painted binary mask: the object, the brush, and every metric of a painted prediction.

use crate::math;

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
    paint_grid(|x, y| {
        let (dx, dy) = ((x - 14.5) / 3.4, (y - 9.0) / 2.4);
        if dx * dx + dy * dy <= 1.0 {
            1.0
        } else {
            0.0
        }
    })
}

/// The painting mask with every pixel set to `value(x, y)` of its centre (column + 0.5,
/// row + 0.5); row-major.
fn paint_grid(value: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    (0..PAINT_PIXELS)
        .map(|i| value((i % PAINT_SIZE) as f64 + 0.5, (i / PAINT_SIZE) as f64 + 0.5))
        .collect()
}

/// A model's first guess: a faint blob two pixels down and three to the left of the object
/// over a background of 0.05 (rounded to 2 decimals).
pub fn initial_prediction() -> Vec<f64> {
    paint_grid(|x, y| {
        let (dx, dy) = ((x - 11.5) / 3.6, (y - 11.0) / 3.0);
        let v = 0.05 + 0.6 * (-(dx * dx + dy * dy)).exp();
        (v * 100.0).round() / 100.0
    })
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

/// Share of the weighted BCE sum contributed by the object pixels (0 when the loss is 0).
fn object_share(truth: &[f64], logits: &[f64], pos_weight: f64) -> f64 {
    let w = if pos_weight.is_finite() {
        pos_weight.max(0.0)
    } else {
        1.0
    };
    let (mut obj, mut all) = (0.0, 0.0);
    for (y, z) in truth.iter().zip(logits) {
        let pos = w * y * math::softplus(-z);
        let neg = (1.0 - y) * math::softplus(*z);
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
