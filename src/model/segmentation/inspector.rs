//! The 3-class pixel inspector: a truth mask, seeded per-pixel logits, and what they get wrong.

use super::neighbourhood;
use crate::math;
use crate::model::rng::Rng;

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

/// The seed of the inspector's logits, chosen so that a few boundary pixels are
/// misclassified and several are unsure.
pub const INSPECT_SEED: u64 = 6;

/// A model's logits for every pixel of the inspector (`INSPECT_CLASSES` per pixel,
/// row-major pixels): for class k, 4·s_k − 2 plus noise in [−1.2, 1.2], where s_k is the
/// fraction of the pixel's 3 × 3 neighbourhood labelled k; rounded to 2 decimals.
/// Confident inside the shapes, unsure and sometimes wrong on their edges. Deterministic.
pub fn inspector_logits() -> Vec<[f64; INSPECT_CLASSES]> {
    let n = INSPECT_SIZE;
    let truth = inspector_truth();
    let mut rng = Rng::new(INSPECT_SEED);
    let mut out = Vec::with_capacity(truth.len());
    for r in 0..n {
        for c in 0..n {
            let mut z = [0.0; INSPECT_CLASSES];
            for (k, zk) in z.iter_mut().enumerate() {
                let hits = neighbourhood(r, c, n).filter(|&i| truth[i] == k).count();
                let s = hits as f64 / neighbourhood(r, c, n).count() as f64;
                let noise = (rng.uniform() * 2.0 - 1.0) * 1.2;
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
