//! Step 3's programs: the painted mask scored by Keras and PyTorch, and seeded paintings.

use super::python_rows;
use crate::chart::mask_grid::line_cells;
use crate::lessons::code::{py, snap, Printed, Program};
use crate::model::rng::Rng;
use crate::model::segmentation::{
    initial_prediction, mask_metrics, object_mask, paint, Brush, PAINT_SIZE,
};
use std::fmt::Write;

/// A painting as a brush leaves it: the model's guess (or a whole-mask fill), then a few
/// strokes of a brush value on the slider's 0.05 grid (sometimes the eraser, 0), 1 × 1,
/// 3 × 3 or 5 × 5, mostly around the object; and a pos_weight on the slider's 0.5 grid.
pub(super) fn random_painting(r: &mut Rng) -> (Vec<f64>, f64) {
    let mut pred = initial_prediction();
    if r.below(4) == 0 {
        pred = vec![snap(r.uniform(), 0.05); PAINT_SIZE * PAINT_SIZE];
    }
    for _ in 0..1 + r.below(5) {
        let value = if r.below(4) == 0 {
            0.0
        } else {
            snap(r.uniform(), 0.05)
        };
        let brush = Brush {
            value,
            radius: r.below(3),
        };
        // Around the object (rows 7 to 10, columns 11 to 17) two times out of three.
        let start = if r.below(3) < 2 {
            (6 + r.below(6), 10 + r.below(9))
        } else {
            (r.below(PAINT_SIZE), r.below(PAINT_SIZE))
        };
        let end = (
            (start.0 + r.below(5)).saturating_sub(2).min(PAINT_SIZE - 1),
            (start.1 + r.below(9)).saturating_sub(4).min(PAINT_SIZE - 1),
        );
        for (row, col) in line_cells(start, end) {
            paint(&mut pred, PAINT_SIZE, row, col, brush);
        }
    }
    (pred, snap(r.range(1.0, 40.0), 0.5))
}

/// A painted mask as per-cent integers (`None` if a value is not a whole per cent, as a
/// link could carry).
fn as_percent(pred: &[f64]) -> Option<Vec<i64>> {
    pred.iter()
        .map(|p| {
            let k = (p * 100.0).round();
            (k / 100.0 == *p).then_some(k as i64)
        })
        .collect()
}

/// The painted probabilities as a 24 × 24 NumPy or PyTorch array named `p`.
fn painted_array(pred: &[f64], torch: bool) -> String {
    let rows = |v: &[f64]| v.chunks(PAINT_SIZE).map(|r| r.to_vec()).collect::<Vec<_>>();
    let (open, close) = if torch {
        ("torch.tensor([\n", "], dtype=torch.float64)")
    } else {
        ("np.array([\n", "], dtype=\"float32\")")
    };
    match as_percent(pred) {
        Some(k) => format!(
            "# Your painting: each pixel's p(object), in per cent.\np = {open}{}{close} / 100\n",
            python_rows(k.chunks(PAINT_SIZE).map(|r| r.to_vec()), |v| v.to_string())
        ),
        None => format!(
            "# Your painting: each pixel's p(object).\np = {open}{}{close}\n",
            python_rows(rows(pred).into_iter(), |v| py(*v))
        ),
    }
}

/// The true mask as `y[row, c0:c1] = 1` lines, one per run of object pixels.
fn truth_runs(truth: &[f64], size: usize) -> String {
    let mut out = String::new();
    for (row, cells) in truth.chunks(size).enumerate() {
        let mut c = 0;
        while c < size {
            if cells[c] == 1.0 {
                let start = c;
                while c < size && cells[c] == 1.0 {
                    c += 1;
                }
                let _ = writeln!(out, "y[{row}, {start}:{c}] = 1");
            } else {
                c += 1;
            }
        }
    }
    out
}

/// Keras' binary cross-entropy on float32 probabilities, weighted by `pos_weight` on the
/// object pixels: p clipped to [1e-7, 1 − 1e-7] as float32 bounds (1 − 1e-7 rounds to
/// 0.99999988 there, so a background pixel painted 1 costs 15.94 instead of 16.12).
pub fn keras_float32_bce(truth: &[f64], pred: &[f64], pos_weight: f64) -> f64 {
    let lo = 1e-7f32 as f64;
    let hi = (1.0f64 - 1e-7) as f32 as f64;
    let n = truth.len().min(pred.len());
    if n == 0 {
        return f64::NAN;
    }
    let sum: f64 = truth
        .iter()
        .zip(pred)
        .map(|(y, p)| {
            let q = (*p as f32 as f64).clamp(lo, hi);
            -(pos_weight * y * q.ln() + (1.0 - y) * (1.0 - q).ln())
        })
        .sum();
    sum / n as f64
}

/// Step 3: the painted mask scored by Keras (accuracy, BCE, Dice, IoU, and the weighted BCE
/// written with keras.ops) and by PyTorch.
pub fn paint_programs(pred: &[f64], pos_weight: f64) -> Vec<Program> {
    let truth = object_mask();
    let m = mask_metrics(&truth, pred, pos_weight);
    let n = PAINT_SIZE;
    let truth_code = |alloc: String| {
        format!(
            "# The true mask ({n} × {n}): 1 on the object, 0 on the background.\ny = {alloc}\n{}",
            truth_runs(&truth, n)
        )
    };
    let w = py(pos_weight);
    let keras = format!(
        "import numpy as np\nimport keras\n\n{truth}{painted}y_true = y.reshape(1, {n}, {n}, 1)  # (batch, H, W, channels)\ny_pred = p.reshape(1, {n}, {n}, 1)\n\nacc = keras.ops.mean(keras.metrics.binary_accuracy(y_true, y_pred))  # p > 0.5 is object\nprint(\"accuracy:\", float(acc))\nprint(\"BCE:\", float(keras.losses.BinaryCrossentropy()(y_true, y_pred)))\n# Dice() pools every pixel of the batch; Dice(axis=(1, 2, 3)) scores each image alone.\nprint(\"Dice loss:\", float(keras.losses.Dice()(y_true, y_pred)))\niou = keras.metrics.BinaryIoU(target_class_ids=[1], threshold=0.5)  # p >= 0.5 is object\nprint(\"IoU:\", float(iou(y_true, y_pred)))\n\n# Keras has no pos_weight: write the weighted BCE with keras.ops. Keras calls every\n# loss as loss(y_true, y_pred), truth first (one written (y_pred, y_true) gets them\n# swapped, silently); model.compile(loss=weighted_bce) takes it as it is.\ndef weighted_bce(y_true, y_pred, pos_weight={w}):\n    y_true = keras.ops.convert_to_tensor(y_true)\n    q = keras.ops.clip(y_pred, 1e-7, 1 - 1e-7)  # Keras' own clip\n    return -keras.ops.mean(pos_weight * y_true * keras.ops.log(q) + (1 - y_true) * keras.ops.log(1 - q))\n\nprint(\"weighted BCE:\", float(weighted_bce(y_true, y_pred)))\n",
        truth = truth_code(format!("np.zeros(({n}, {n}), dtype=\"float32\")")),
        painted = painted_array(pred, false),
    );
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\n{truth}{painted}y = y.reshape(1, 1, {n}, {n})  # (N, channels, H, W), float64 like the page\np = p.reshape(1, 1, {n}, {n})\nz = torch.logit(p, eps=1e-7)  # clip like Keras, then take logits\n\nprint(\"accuracy:\", ((p > 0.5).double() == y).double().mean().item())\nprint(\"BCE:\", F.binary_cross_entropy_with_logits(z, y).item())\nw = torch.tensor({w}, dtype=torch.float64)  # pos_weight: multiplies the object pixels' term\nprint(\"weighted BCE:\", F.binary_cross_entropy_with_logits(z, y, pos_weight=w).item())\n# Dice by hand, pooled over the batch like Keras' Dice(); sum(dim=(1, 2, 3)) gives one per image\ndice = 1 - 2 * (y * p).sum() / (y.sum() + p.sum() + 1e-7)\nprint(\"Dice loss:\", dice.item())\nhit, true = p > 0.5, y > 0.5\nprint(\"IoU:\", ((hit & true).sum() / (hit | true).sum()).item())\n",
        truth = truth_code(format!("torch.zeros({n}, {n}, dtype=torch.float64)")),
        painted = painted_array(pred, true),
    );
    let keras_bce = keras_float32_bce(&truth, pred, 1.0);
    let keras_wbce = keras_float32_bce(&truth, pred, pos_weight);
    let float32_differs = (keras_bce - m.bce).abs() > 1e-9 * m.bce.abs().max(1.0);
    let mut keras_note = String::from("Keras has no pos_weight argument: the weighted BCE is written with keras.ops (a per-pixel sample_weight of 1 + (w − 1)·y on BinaryCrossentropy gives the same). BinaryIoU counts p ≥ 0.5 as object and adds 1e-7 to its denominators, so it can differ from the table's IoU for pixels painted exactly 0.5.");
    if float32_differs {
        keras_note.push_str(" Keras works in float32, where 1 − 1e-7 rounds to 0.99999988: each background pixel painted 1 costs 15.94 instead of the table's 16.12, so its BCE differs from the table's.");
    }
    vec![
        Program::keras(
            keras,
            vec![
                Printed::same("accuracy", vec![m.accuracy]),
                Printed::same("BCE", vec![keras_bce]),
                Printed::same("Dice loss", vec![m.dice_loss]),
                Printed::same("IoU", vec![m.keras_iou]),
                Printed::same("weighted BCE", vec![keras_wbce]),
            ],
        )
        .with_note(keras_note),
        Program::pytorch(
            torch,
            vec![
                Printed::same("accuracy", vec![m.accuracy]),
                Printed::same("BCE", vec![m.bce]),
                Printed::same("weighted BCE", vec![m.weighted_bce]),
                Printed::same("Dice loss", vec![m.dice_loss]),
                Printed::same("IoU", vec![m.iou]),
            ],
        )
        .with_note("PyTorch has no Dice loss or IoU built in (torchmetrics and segmentation libraries add them): here they are a line each. F.binary_cross_entropy (nn.BCELoss) on p itself would clamp each log at −100 instead of clipping p, so a painted 0 on the object would cost 100 rather than 16.1."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_truth_is_written_as_runs() {
        let truth = object_mask();
        let code = truth_runs(&truth, PAINT_SIZE);
        let mut rebuilt = vec![0.0; truth.len()];
        for line in code.lines() {
            let inner = &line[2..line.find(']').unwrap()];
            let (row, cols) = inner.split_once(", ").unwrap();
            let (c0, c1) = cols.split_once(':').unwrap();
            let row: usize = row.parse().unwrap();
            for c in c0.parse::<usize>().unwrap()..c1.parse().unwrap() {
                rebuilt[row * PAINT_SIZE + c] = 1.0;
            }
        }
        assert_eq!(rebuilt, truth);
    }

    #[test]
    fn paintings_are_whole_per_cents_or_written_in_full() {
        assert!(as_percent(&initial_prediction()).is_some());
        for seed in 0..20 {
            let (p, w) = random_painting(&mut Rng::new(seed));
            assert!(as_percent(&p).is_some(), "seed {seed}");
            assert!((1.0..=40.0).contains(&w) && (w * 2.0).fract() == 0.0);
            assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
        }
        assert!(as_percent(&[0.123]).is_none());
        assert!(painted_array(&[0.123; 576], true).contains("0.123"));
    }

    #[test]
    fn float32_keras_bce_differs_only_where_one_meets_background() {
        let truth = object_mask();
        let p = initial_prediction();
        let m = mask_metrics(&truth, &p, 1.0);
        assert!((keras_float32_bce(&truth, &p, 1.0) - m.bce).abs() < 1e-6 * m.bce);
        let ones = vec![1.0; 576];
        let m = mask_metrics(&truth, &ones, 1.0);
        let k = keras_float32_bce(&truth, &ones, 1.0);
        assert!((k - 552.0 / 576.0 * 15.942385).abs() < 1e-5, "{k}");
        assert!((k - m.bce).abs() > 0.1);
    }
}
