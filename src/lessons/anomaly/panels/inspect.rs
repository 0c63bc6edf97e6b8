//! Step 4's programs: one picture's error map, its mean and its largest pixel.

use super::python::{a_kind, py_picture};
use crate::lessons::code::{Printed, Program};
use crate::model::anomaly::{Kind, PIXELS};

/// Decimals of the pictures in step 4's programs.
const INSPECT_DECIMALS: usize = 5;

fn rounded(values: &[f64], decimals: usize) -> Vec<f64> {
    values
        .iter()
        .map(|v| format!("{v:.decimals$}").parse().unwrap_or(*v))
        .collect()
}

/// Step 4: the error map of one picture and its reconstruction, its mean (the anomaly
/// score) and its largest pixel.
pub fn inspect_programs(index: usize, kind: Kind, x: &[f64], x_hat: &[f64]) -> Vec<Program> {
    let (xr, hr) = (
        rounded(x, INSPECT_DECIMALS),
        rounded(x_hat, INSPECT_DECIMALS),
    );
    let map: Vec<f64> = xr.iter().zip(&hr).map(|(a, b)| (b - a) * (b - a)).collect();
    let mean = map.iter().sum::<f64>() / map.len().max(1) as f64;
    let peak = map.iter().copied().fold(0.0, f64::max);
    let (px, ph) = (
        py_picture(&xr, INSPECT_DECIMALS),
        py_picture(&hr, INSPECT_DECIMALS),
    );
    let name = a_kind(kind);
    let mut keras_prints = vec![
        Printed::same("reconstruction error", vec![mean]),
        Printed::same("largest pixel error", vec![peak]),
    ];
    let torch_prints = keras_prints.clone();
    keras_prints.push(Printed::same("Keras MSE", vec![mean]));
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n# Test picture {index} ({name}) and the autoencoder's reconstruction of it, as on screen\nx = np.array({px}, dtype=\"float32\")\nx_hat = np.array({ph}, dtype=\"float32\")  # autoencoder.predict(x.reshape(1, {PIXELS})), reshaped\n\nerror_map = keras.ops.square(x_hat - x)  # the third panel: (x̂ − x)² per pixel\nprint(\"reconstruction error:\", float(keras.ops.mean(error_map)))  # the anomaly score\nprint(\"largest pixel error:\", float(keras.ops.max(error_map)))\n# The same score is the training loss of this one picture\nprint(\"Keras MSE:\", float(keras.losses.MeanSquaredError()(x.reshape(1, -1), x_hat.reshape(1, -1))))\n"
            ),
            keras_prints,
        )
        .with_note(format!("The pictures are rounded to {INSPECT_DECIMALS} decimals, so the error can differ from the page's in the fourth digit. The anomaly score is the mean of the error map: one number per picture, comparable across pictures.")),
        Program::pytorch(
            format!(
                "import torch\n\n# Test picture {index} ({name}) and the autoencoder's reconstruction of it, as on screen\nx = torch.tensor({px})\nx_hat = torch.tensor({ph})  # autoencoder(x.reshape(1, {PIXELS})), reshaped\n\nerror_map = (x_hat - x) ** 2  # the third panel: (x̂ − x)² per pixel\nprint(\"reconstruction error:\", error_map.mean().item())  # the anomaly score\nprint(\"largest pixel error:\", error_map.max().item())\n"
            ),
            torch_prints,
        ),
    ]
}
