//! Step 1's programs: the loss that fits the spelling of the labels, from logits.

use super::one_hot;
use crate::lessons::code::{py, py_list, Printed, Program};
use crate::lessons::losses_metrics::link::Spelling;
use crate::math;

/// Step 1: the loss that fits the spelling of the labels, from logits.
pub fn labels_programs(
    spelling: Spelling,
    class: usize,
    multi: &[bool],
    ls: f64,
    z: &[f64],
) -> Vec<Program> {
    let nan = f64::NAN;
    match spelling {
        Spelling::Sparse => {
            let value = math::sparse_categorical_crossentropy(class, z, true).unwrap_or(nan);
            vec![
                Program::keras(
                    format!(
                        "import numpy as np\nimport keras\n\ny_true = np.array([{class}])  # sparse: the class index\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nprint(\"loss:\", float(loss(y_true, z)))\n",
                        py_list(z)
                    ),
                    vec![Printed::same("loss", vec![value])],
                )
                .with_note("SparseCategoricalCrossentropy has no label_smoothing argument: the smoothing slider does not apply to it."),
                Program::pytorch(
                    format!(
                        "import torch\nimport torch.nn.functional as F\n\ny_true = torch.tensor([{class}])  # the class index\nz = torch.tensor([{}])  # the logits on screen\nprint(\"loss:\", F.cross_entropy(z, y_true).item())\n",
                        py_list(z)
                    ),
                    vec![Printed::same("loss", vec![value])],
                )
                .with_note("cross_entropy takes class indices, and also label_smoothing=… with them (Keras' sparse loss has none)."),
            ]
        }
        Spelling::OneHot => {
            let y = one_hot(class, z.len());
            let value = math::categorical_crossentropy(&y, z, true, ls).unwrap_or(nan);
            vec![
                Program::keras(
                    format!(
                        "import numpy as np\nimport keras\n\ny_true = np.array([{}], dtype=\"float32\")  # one-hot\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\nloss = keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing={})\nprint(\"loss:\", float(loss(y_true, z)))\n",
                        py_list(&y),
                        py_list(z),
                        py(ls)
                    ),
                    vec![Printed::same("loss", vec![value])],
                ),
                Program::pytorch(
                    format!(
                        "import torch\nimport torch.nn.functional as F\n\ny_true = torch.tensor([{class}])  # the class index (a one-hot row works too)\nz = torch.tensor([{}])  # the logits on screen\nprint(\"loss:\", F.cross_entropy(z, y_true, label_smoothing={}).item())\n",
                        py_list(z),
                        py(ls)
                    ),
                    vec![Printed::same("loss", vec![value])],
                )
                .with_note("cross_entropy smooths the same way as Keras: y(1 − ls) + ls/C."),
            ]
        }
        Spelling::MultiHot => {
            let y: Vec<f64> = multi.iter().map(|b| if *b { 1.0 } else { 0.0 }).collect();
            let smoothed: Vec<f64> = y.iter().map(|v| v * (1.0 - ls) + 0.5 * ls).collect();
            let value = math::binary_crossentropy(&smoothed, z, true).unwrap_or(nan);
            vec![
                Program::keras(
                    format!(
                        "import numpy as np\nimport keras\n\ny_true = np.array([{}], dtype=\"float32\")  # multi-hot: any subset\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\nloss = keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing={})\nprint(\"loss:\", float(loss(y_true, z)))  # mean over the 4 labels\n",
                        py_list(&y),
                        py_list(z),
                        py(ls)
                    ),
                    vec![Printed::same("loss", vec![value])],
                )
                .with_note("Binary label smoothing pulls every target towards 0.5: y(1 − ls) + ls/2."),
                Program::pytorch(
                    format!(
                        "import torch\nimport torch.nn.functional as F\n\ny_true = torch.tensor([{}])  # multi-hot: any subset\nz = torch.tensor([{}])  # the logits on screen\nls = {}\ny_smooth = y_true * (1 - ls) + 0.5 * ls  # no built-in smoothing for BCE\nprint(\"loss:\", F.binary_cross_entropy_with_logits(z, y_smooth).item())\n",
                        py_list(&y),
                        py_list(z),
                        py(ls)
                    ),
                    vec![Printed::same("loss", vec![value])],
                )
                .with_note("PyTorch's BCE losses have no label_smoothing: smooth the targets yourself."),
            ]
        }
    }
}
