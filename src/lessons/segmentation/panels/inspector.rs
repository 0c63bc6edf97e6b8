//! Step 4's programs: the inspector's map, the selected pixel's softmax and loss, the map's loss.

use super::python_rows;
use crate::lessons::code::{py_list, snap, Printed, Program};
use crate::math;
use crate::model::rng::Rng;
use crate::model::segmentation::{
    inspector_logits, inspector_truth, mean_pixel_cross_entropy, INSPECT_CLASSES, INSPECT_SIZE,
};

/// A selected pixel, sometimes with its logits dragged (±6, the bars' 0.001 step).
pub(super) fn random_inspection(r: &mut Rng) -> (Vec<[f64; INSPECT_CLASSES]>, (usize, usize)) {
    let mut logits = inspector_logits();
    let pixel = (r.below(INSPECT_SIZE), r.below(INSPECT_SIZE));
    if r.below(2) == 0 {
        let k = r.below(INSPECT_CLASSES);
        logits[pixel.0 * INSPECT_SIZE + pixel.1][k] = snap(r.range(-6.0, 6.0), 0.001);
    }
    (logits, pixel)
}

/// Step 4: the whole map's logits and truth, the selected pixel's softmax and loss, and the
/// map's mean loss.
pub fn inspector_programs(
    logits: &[[f64; INSPECT_CLASSES]],
    pixel: (usize, usize),
) -> Vec<Program> {
    let n = INSPECT_SIZE;
    let truth = inspector_truth();
    let (r, c) = pixel;
    let i = r * n + c;
    let z = logits.get(i).copied().unwrap_or([0.0; INSPECT_CLASSES]);
    let t = truth.get(i).copied().unwrap_or(0);
    let p = math::softmax(&z);
    let pixel_loss = math::sparse_categorical_crossentropy(t, &z, true).unwrap_or(f64::NAN);
    let map_loss = mean_pixel_cross_entropy(&truth, logits);
    let map = python_rows(logits.chunks(n).map(|row| row.to_vec()), |z| py_list(z));
    let classes = python_rows(truth.chunks(n).map(|row| row.to_vec()), |k| k.to_string());
    let prints = vec![
        Printed::same("softmax", p),
        Printed::same("pixel loss", vec![pixel_loss]),
        Printed::same("map loss", vec![map_loss]),
    ];
    let keras = format!(
        "import numpy as np\nimport keras\n\n# The model's logits for the {n} × {n} map, channels last (background, disc, bar).\nz = np.array([\n{map}], dtype=\"float32\")[np.newaxis]  # (1, {n}, {n}, 3)\n# The true class of every pixel: 0 background, 1 disc, 2 bar.\ny = np.array([\n{classes}])[np.newaxis]  # (1, {n}, {n})\n\n# Pixel (row {r}, column {c}): its 3 logits are z[0, {r}, {c}], the last axis.\nprint(\"softmax:\", keras.ops.convert_to_numpy(keras.ops.softmax(z[0, {r}, {c}])))\nper_pixel = keras.losses.sparse_categorical_crossentropy(y, z, from_logits=True)  # (1, {n}, {n})\nprint(\"pixel loss:\", float(per_pixel[0, {r}, {c}]))\n# The loss of the whole map is the mean of the per-pixel losses.\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nprint(\"map loss:\", float(loss(y, z)))\n"
    );
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\n# The model's logits for the {n} × {n} map, written channels last (background, disc, bar).\nz = torch.tensor([\n{map}])\nlogits = z.permute(2, 0, 1).unsqueeze(0)  # (1, 3, {n}, {n}): PyTorch wants the classes on axis 1\n# The true class of every pixel: 0 background, 1 disc, 2 bar.\ny = torch.tensor([\n{classes}]).unsqueeze(0)  # (1, {n}, {n})\n\n# Pixel (row {r}, column {c}): its 3 logits are logits[0, :, {r}, {c}], along axis 1.\nprint(\"softmax:\", torch.softmax(logits[0, :, {r}, {c}], dim=0).tolist())\nper_pixel = F.cross_entropy(logits, y, reduction=\"none\")  # (1, {n}, {n})\nprint(\"pixel loss:\", per_pixel[0, {r}, {c}].item())\n# The loss of the whole map is the mean of the per-pixel losses.\nprint(\"map loss:\", F.cross_entropy(logits, y).item())\n"
    );
    vec![
        Program::keras(keras, prints.clone()),
        Program::pytorch(torch, prints).with_note(
            "Same numbers, other indexing: the class axis is 1 in PyTorch and last in Keras.",
        ),
    ]
}
