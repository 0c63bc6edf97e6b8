//! Step 5's programs: the confusion counts at the point's threshold, and the AUC.

use super::batch_data;
use crate::lessons::code::{py, Printed, Program};
use crate::lessons::losses_metrics::batch::Batch;
use crate::lessons::losses_metrics::keras_rules::roc_points_strict;
use crate::math;

/// Step 5: the confusion counts at the point's threshold, and the AUC.
pub fn roc_programs(b: &Batch, index: usize) -> Vec<Program> {
    let p = b.probabilities(0.0);
    let points = roc_points_strict(&b.y_true, &p);
    let point = points[index.min(points.len() - 1)];
    let tp = (point.tpr * b.positives() as f64).round();
    let fp = (point.fpr * (b.y_true.len() - b.positives()) as f64).round();
    let keras_auc = math::keras_auc(&b.y_true, &p, 200).unwrap_or(f64::NAN);
    let exact = math::roc_auc(&b.y_true, &p).unwrap_or(f64::NAN);
    let data = batch_data(b, "images", "y_true");
    let t = py(point.threshold);
    let prints = |auc: f64| {
        vec![
            Printed::same("true positives", vec![tp]),
            Printed::same("false positives", vec![fp]),
            Printed::same("AUC", vec![auc]),
        ]
    };
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{data}y_prob = keras.ops.sigmoid(logits)\nt = {t}  # the point's threshold: predicted when y_prob > t\n\nprint(\"true positives:\", float(keras.metrics.TruePositives(thresholds=t)(y_true, y_prob)))\nprint(\"false positives:\", float(keras.metrics.FalsePositives(thresholds=t)(y_true, y_prob)))\n# All 50 scores pooled, bucketed into 200 thresholds\nprint(\"AUC:\", float(keras.metrics.AUC()(y_true, y_prob)))\n"
            ),
            prints(keras_auc),
        )
        .with_note("Keras buckets the scores into 200 thresholds and interpolates, so its AUC may differ from the exact one in the second or third decimal."),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\nfrom torchmetrics.functional.classification import binary_auroc  # pip install torchmetrics\n\n{data}y_true, logits = torch.from_numpy(y_true), torch.from_numpy(logits)\ny_prob = torch.sigmoid(logits)\nt = {t}  # the point's threshold: predicted when y_prob > t\npred = y_prob > t\n\nprint(\"true positives:\", (pred & (y_true == 1)).sum().item())\nprint(\"false positives:\", (pred & (y_true == 0)).sum().item())\n# Exact, all 50 scores pooled\nprint(\"AUC:\", binary_auroc(y_prob.flatten(), y_true.flatten().long()).item())\n"
            ),
            prints(exact),
        )
        .with_note("PyTorch itself has no AUC; torchmetrics computes it exactly by default, like scikit-learn's roc_auc_score."),
    ]
}
