//! Step 2's programs: binary_accuracy per label, and BinaryAccuracy averaging it.

use super::THRESHOLD_Y;
use crate::lessons::code::{py, py_list, Printed, Program};
use crate::math;

/// Step 2: `binary_accuracy` per label, and `BinaryAccuracy` averaging it, at a threshold.
pub fn threshold_programs(z: &[f64], raw: bool, t: f64) -> Vec<Program> {
    let y = THRESHOLD_Y;
    let y_pred: Vec<f64> = if raw {
        z.to_vec()
    } else {
        z.iter().map(|v| math::sigmoid(*v)).collect()
    };
    let hits: Vec<f64> = y
        .iter()
        .zip(&y_pred)
        .map(|(y, p)| if (*p > t) == (*y == 1.0) { 1.0 } else { 0.0 })
        .collect();
    let acc = math::binary_accuracy(&y, &y_pred, t).unwrap_or(f64::NAN);
    let prints = vec![
        Printed::same("per label", hits),
        Printed::same("binary accuracy", vec![acc]),
    ];
    let (keras_pred, torch_pred) = if raw {
        ("y_pred = z  # raw logits", "y_pred = z  # raw logits")
    } else {
        (
            "y_pred = keras.ops.sigmoid(z)  # probabilities",
            "y_pred = torch.sigmoid(z)  # probabilities",
        )
    };
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\ny_true = np.array({}, dtype=\"float32\")  # this sample's labels\nz = np.array({}, dtype=\"float32\")  # the logits on screen\n{keras_pred}\n\n# The function: 1 where (y_pred > threshold) matches the label, 0 where not; no mean\nhits = keras.metrics.binary_accuracy(y_true, y_pred, threshold={})\nprint(\"per label:\", keras.ops.convert_to_numpy(hits))\n\n# The metric object averages them\nacc = keras.metrics.BinaryAccuracy(threshold={})\nacc.update_state(y_true, y_pred)\nprint(\"binary accuracy:\", float(acc.result()))\n",
            py_list(&y),
            py_list(z),
            py(t),
            py(t)
        ),
        format!(
            "import torch\n\ny_true = torch.tensor({})  # this sample's labels\nz = torch.tensor({})  # the logits on screen\n{torch_pred}\nhits = ((y_pred > {}).float() == y_true).float()\nprint(\"per label:\", hits.tolist())\nprint(\"binary accuracy:\", hits.mean().item())\n",
            py_list(&y),
            py_list(z),
            py(t)
        ),
        prints,
    );
    vec![
        keras.with_note(
            "A prediction counts as positive when it is strictly greater than the threshold.",
        ),
        pytorch,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn binary_accuracy_returns_one_value_per_label() {
        let ps = threshold_programs(&[2.0, -0.3, 0.3, -1.0, -2.0], true, 0.5);
        assert_eq!(
            ps[0].flat_on(Backends::JAX),
            vec![1.0, 1.0, 0.0, 1.0, 1.0, 0.8]
        );
    }
}
