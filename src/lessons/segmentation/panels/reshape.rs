//! Step 2's programs: the 2 × 2 × 3 example through the chosen layers, and the loss they give.

use crate::lessons::code::{py_list, Printed, Program};
use crate::model::segmentation::{flattened_loss, reshape_example, Flatten, RESHAPE_DIMS};

/// Step 2: the 2 × 2 × 3 example through the chosen layers, and the loss they lead to.
pub fn reshape_programs(mode: Flatten) -> Vec<Program> {
    let (h, w, c) = RESHAPE_DIMS;
    let hw = h * w;
    let (logits, labels) = reshape_example();
    let after = flattened_loss(mode);
    let per_pixel = flattened_loss(Flatten::NoReshape);
    let labels_py = format!(
        "[[{}]]",
        labels
            .chunks(w)
            .map(|r| format!(
                "[{}]",
                r.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let z = py_list(&logits);

    let mut k = format!(
        "import numpy as np\nimport keras\n\n# The output on screen, channels last: (batch, H, W, C) = (1, {h}, {w}, {c}).\nz = np.array({z}, dtype=\"float32\").reshape(1, {h}, {w}, {c})\nlabels = np.array({labels_py})  # each pixel's true class: (1, {h}, {w})\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n"
    );
    let mut t = format!(
        "import torch\nimport torch.nn.functional as F\n\n# The output on screen, channels last: (N, H, W, C) = (1, {h}, {w}, {c}).\nz = torch.tensor({z}).reshape(1, {h}, {w}, {c})\nlabels = torch.tensor({labels_py})  # each pixel's true class: (1, {h}, {w})\n\n"
    );
    let mut prints = vec![Printed::same("loss", vec![after])];
    let (keras_tail, torch_tail) = match mode {
        Flatten::ThreadReshapePermute => {
            prints.push(Printed::same("per-pixel loss", vec![per_pixel]));
            prints.push(Printed::same("channels first", vec![per_pixel]));
            (
                format!("# The thread's layers: ({c}, {hw}), then ({hw}, {c}): {hw} rows, but not one pixel each.\nx = keras.layers.Reshape(({c}, {hw}))(z)\nx = keras.layers.Permute((2, 1))(x)\nprint(\"loss:\", float(loss(labels.reshape(1, {hw}), x)))\n\n# The per-pixel loss: no layers at all, the loss works on the last axis.\nprint(\"per-pixel loss:\", float(loss(labels, z)))\n\n# The same two layers on a channels-first tensor (1, C, H, W), as Keras 1 had with\n# Theano's \"th\" ordering, do give one row per pixel.\nz_first = keras.layers.Permute((3, 1, 2))(z)  # a transpose: (1, {c}, {h}, {w})\nx = keras.layers.Permute((2, 1))(keras.layers.Reshape(({c}, {hw}))(z_first))\nprint(\"channels first:\", float(loss(labels.reshape(1, {hw}), x)))\n"),
                format!("# The thread's recipe on channels last: {hw} rows, but not one pixel each.\nrows = z.reshape(1, {c}, {hw}).permute(0, 2, 1)\nprint(\"loss:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n\n# The per-pixel loss: move the classes to axis 1 with permute (a transpose).\nprint(\"per-pixel loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n\n# The same recipe on a channels-first tensor (N, C, H, W), PyTorch's own layout, is right.\nz_first = z.permute(0, 3, 1, 2)\nrows = z_first.reshape(1, {c}, {hw}).permute(0, 2, 1)\nprint(\"channels first:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n"),
            )
        }
        Flatten::ReshapePixelsFirst => {
            prints.push(Printed::same("per-pixel loss", vec![per_pixel]));
            (
                format!("# Reshape to ({hw}, {c}): row i holds pixel i's {c} scores.\nx = keras.layers.Reshape(({hw}, {c}))(z)\nprint(\"loss:\", float(loss(labels.reshape(1, {hw}), x)))\n\n# The per-pixel loss: no layers at all, the loss works on the last axis.\nprint(\"per-pixel loss:\", float(loss(labels, z)))\n"),
                format!("# Reshape to ({hw}, {c}): row i holds pixel i's {c} scores.\nrows = z.reshape(1, {hw}, {c})\nprint(\"loss:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n\n# The per-pixel loss: move the classes to axis 1 with permute (a transpose).\nprint(\"per-pixel loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n"),
            )
        }
        Flatten::NoReshape => {
            (
                "# No layers: the loss works on the last axis of (1, H, W, C).\nprint(\"loss:\", float(loss(labels, z)))\n".to_string(),
                "# PyTorch wants the classes on axis 1: permute (a transpose) moves them there.\nprint(\"loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n".to_string(),
            )
        }
    };
    k.push_str(&keras_tail);
    t.push_str(&torch_tail);
    let keras_note = match mode {
        Flatten::ThreadReshapePermute => "Reshape((C, H·W)) + Permute((2, 1)) is right for a channels-first tensor (C, H, W), where each class's H·W scores lie together (Keras 1 with Theano's \"th\" ordering, where the recipe comes from). On a channels-last tensor (H, W, C), Keras 3's default, it scrambles pixels.",
        Flatten::ReshapePixelsFirst => "On a channels-last tensor a pixel's C scores lie together, so Reshape((H·W, C)) cuts one pixel per row.",
        Flatten::NoReshape => "Keras' softmax and cross-entropy losses act on the last axis of a tensor of any rank.",
    };
    vec![
        Program::keras(k, prints.clone()).with_note(keras_note),
        Program::pytorch(t, prints).with_note("permute is a transpose: it moves an axis. z.reshape(1, 3, 2, 2) would have the right shape and scramble the values exactly as the thread's Reshape does."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn reshape_prints_follow_the_mode() {
        let ps = reshape_programs(Flatten::ThreadReshapePermute);
        let v = ps[0].flat_on(Backends::ALL);
        assert_eq!(v.len(), 3);
        assert!((v[0] - v[1]).abs() > 0.5 && v[1] == v[2]);
        assert_eq!(ps[1].flat_on(Backends::ALL), v);
        assert_eq!(reshape_programs(Flatten::NoReshape)[0].prints.len(), 1);
    }
}
