//! Step 4's programs: accuracy against precision, recall and F1 on the batch, with a bias.

use super::batch_data;
use crate::lessons::code::{py, Printed, Program};
use crate::lessons::losses_metrics::batch::Batch;

/// Step 4: accuracy against precision, recall and F1 on the batch, with a bias.
pub fn trap_programs(b: &Batch, bias: f64) -> Vec<Program> {
    let m = b.metrics(bias);
    let per_label_f1: Vec<f64> = m.per_label.iter().map(|(_, _, f)| *f).collect();
    let prints = vec![
        Printed::same("binary accuracy", vec![m.accuracy]),
        Printed::same("precision", vec![m.precision]),
        Printed::same("recall", vec![m.recall]),
        Printed::same("F score", vec![m.f1]),
        Printed::same("F score per label", per_label_f1),
    ];
    let data = batch_data(b, "images", "y_true");
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\n{data}bias = {}  # the slider: added to every logit\ny_prob = keras.ops.sigmoid(logits + bias)\n\n# Metric objects count over all 50 labels; a label is predicted when y_prob > 0.5\nprint(\"binary accuracy:\", float(keras.metrics.BinaryAccuracy()(y_true, y_prob)))\nprint(\"precision:\", float(keras.metrics.Precision()(y_true, y_prob)))\nprint(\"recall:\", float(keras.metrics.Recall()(y_true, y_prob)))\nf1 = keras.metrics.F1Score(average=\"micro\", threshold=0.5)\nprint(\"F score:\", float(f1(y_true, y_prob)))\nf1_per_label = keras.metrics.F1Score(average=None, threshold=0.5)\nprint(\"F score per label:\", keras.ops.convert_to_numpy(f1_per_label(y_true, y_prob)))\n",
            py(bias)
        ),
        format!(
            "import numpy as np\nimport torch\n\n{data}y_true, logits = torch.from_numpy(y_true), torch.from_numpy(logits)\nbias = {}  # the slider: added to every logit\npred = (torch.sigmoid(logits + bias) > 0.5).float()\ntp = (pred * y_true).sum(dim=0)  # per label\nfp = (pred * (1 - y_true)).sum(dim=0)\nfn = ((1 - pred) * y_true).sum(dim=0)\n\nprint(\"binary accuracy:\", (pred == y_true).float().mean().item())\n# clamp(min=1): 0 instead of 0/0 where nothing is predicted or nothing is true\nprint(\"precision:\", (tp.sum() / (tp.sum() + fp.sum()).clamp(min=1)).item())\nprint(\"recall:\", (tp.sum() / (tp.sum() + fn.sum()).clamp(min=1)).item())\nprint(\"F score:\", (2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()).clamp(min=1)).item())\nprint(\"F score per label:\", (2 * tp / (2 * tp + fp + fn).clamp(min=1)).tolist())\n",
            py(bias)
        ),
        prints,
    );
    vec![
        keras.with_note("The function keras.metrics.binary_accuracy(y_true, y_prob) would return one 0/1 per label, a (10, 5) array: the BinaryAccuracy object averages it. F1Score needs threshold=0.5 for multi-label outputs (its default takes each row's argmax)."),
        pytorch,
    ]
}
