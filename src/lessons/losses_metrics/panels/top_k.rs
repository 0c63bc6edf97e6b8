//! Step 3's programs: categorical and top-k accuracy of one sample.

use super::one_hot;
use crate::lessons::code::{py_list, Printed, Program};
use crate::lessons::losses_metrics::ANIMALS;
use crate::math;

/// Step 3: categorical and top-k accuracy of one sample.
pub fn top_k_programs(z: &[f64], class: usize, k: usize) -> Vec<Program> {
    let y = one_hot(class, z.len());
    let cat = math::categorical_accuracy(&y, z).unwrap_or(f64::NAN);
    let topk = math::top_k_categorical_accuracy(&y, z, k).unwrap_or(f64::NAN);
    let prints = vec![
        Printed::same("categorical accuracy", vec![cat]),
        Printed::same("top k accuracy", vec![topk]),
    ];
    let animal = ANIMALS[class];
    Program::twins(
        format!(
            "import numpy as np\nimport keras\n\ny_true = np.array([{}], dtype=\"float32\")  # one-hot: a {animal}\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\n# Each returns one value per sample (here one sample)\ncat = keras.metrics.categorical_accuracy(y_true, z)\ntop = keras.metrics.top_k_categorical_accuracy(y_true, z, k={k})\nprint(\"categorical accuracy:\", keras.ops.convert_to_numpy(cat))\nprint(\"top k accuracy:\", keras.ops.convert_to_numpy(top))\n",
            py_list(&y),
            py_list(z)
        ),
        format!(
            "import torch\n\ntarget = torch.tensor([{class}])  # the class index: {animal}\nz = torch.tensor([{}])  # the logits on screen\nprint(\"categorical accuracy:\", (z.argmax(dim=-1) == target).float().tolist())\ntop = z.topk({k}, dim=-1).indices  # the {k} highest classes\nprint(\"top k accuracy:\", (top == target[:, None]).any(dim=-1).float().tolist())\n",
            py_list(z)
        ),
        prints,
    )
    .into()
}
