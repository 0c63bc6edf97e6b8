//! Step 1's programs: one picture as the camera saves it, and the shapes models take.

use super::python::{a_kind, py_grid};
use super::{grey_levels, grey_stats};
use crate::lessons::code::{Printed, Program};
use crate::model::anomaly::{Kind, PIXELS, SIDE, TRAIN_NORMAL};

/// Step 1: one picture as the camera saves it, its brightest, darkest and mean pixel, and
/// the shapes a dense and a convolutional model take.
pub fn parts_programs(index: usize, kind: Kind, pixels: &[f64]) -> Vec<Program> {
    let grey = grey_levels(pixels);
    let [hi, lo, mean] = grey_stats(&grey);
    let grid = py_grid(&grey, |g| format!("{g:3}"));
    let stats = || {
        vec![
            Printed::same("brightest", vec![hi]),
            Printed::same("darkest", vec![lo]),
            Printed::same("mean", vec![mean]),
        ]
    };
    let with_shapes = |dense: Vec<f64>, conv: Vec<f64>| {
        let mut p = stats();
        p.push(Printed::same("dense input shape", dense));
        p.push(Printed::same("conv input shape", conv));
        p
    };
    let s = SIDE as f64;
    let name = a_kind(kind);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n# Test picture {index} ({name}) as the camera saves it: {SIDE}×{SIDE} grey levels, 0 = black, 255 = white\ngrey = np.array({grid}, dtype=\"uint8\")\nx = grey.astype(\"float32\") / 255.0  # grey levels in [0, 1], what the model reads\nprint(\"brightest:\", float(x.max()))\nprint(\"darkest:\", float(x.min()))\nprint(\"mean:\", float(x.mean()))\n\nbatch = x[np.newaxis, :, :, np.newaxis]  # a batch of one picture with one channel (channels last)\n# A Dense autoencoder reads flat vectors; a Conv2D model keeps the picture as it is\nprint(\"dense input shape:\", tuple(keras.layers.Flatten()(batch).shape))\nprint(\"conv input shape:\", batch.shape)\n"
            ),
            with_shapes(vec![1.0, PIXELS as f64], vec![1.0, s, s, 1.0]),
        )
        .with_note(format!("For the whole training set the shapes are ({TRAIN_NORMAL}, {PIXELS}) and ({TRAIN_NORMAL}, {SIDE}, {SIDE}, 1).")),
        Program::pytorch(
            format!(
                "import torch\n\n# Test picture {index} ({name}) as the camera saves it: {SIDE}×{SIDE} grey levels, 0 = black, 255 = white\ngrey = torch.tensor({grid}, dtype=torch.uint8)\nx = grey.float() / 255  # grey levels in [0, 1], what the model reads\nprint(\"brightest:\", x.max().item())\nprint(\"darkest:\", x.min().item())\nprint(\"mean:\", x.mean().item())\n\nbatch = x[None]  # a batch of one picture\nprint(\"dense input shape:\", tuple(batch.flatten(1).shape))  # for nn.Linear\nprint(\"conv input shape:\", tuple(batch[:, None].shape))  # for nn.Conv2d: channels first\n"
            ),
            with_shapes(vec![1.0, PIXELS as f64], vec![1.0, 1.0, s, s]),
        )
        .with_note("PyTorch puts the channel before height and width; Keras puts it last."),
    ]
}
