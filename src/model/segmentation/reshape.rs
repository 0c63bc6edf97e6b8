//! Reshape against transpose: where each value lands when an (H, W, C) output is flattened.

use crate::math;

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
