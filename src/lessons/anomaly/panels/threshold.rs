//! Step 3's programs: confusion counts, precision and recall at the threshold, and the AUC three ways.

use super::python::{layout, py_block, py_labels, test_kinds};
use crate::format::format4;
use crate::lessons::code::{py, Printed, Program};
use crate::math;

/// How Keras' default `AUC()` sees these scores: the largest, and how many of its 200
/// buckets (thresholds 1/199 apart) they occupy.
pub fn keras_buckets(scores: &[f64]) -> (f64, usize) {
    let top = scores.iter().copied().fold(0.0, f64::max);
    let mut buckets: Vec<i64> = scores
        .iter()
        .map(|s| ((s.clamp(0.0, 1.0) * 199.0).ceil() - 1.0).max(0.0) as i64)
        .collect();
    buckets.sort_unstable();
    buckets.dedup();
    (top, buckets.len())
}

/// Step 3: the confusion counts, precision and recall at the threshold on screen, and the
/// ROC AUC three ways, from the 190 reconstruction errors as the page shows them.
pub fn threshold_programs(labels: &[f64], errors: &[f64], t: f64) -> Vec<Program> {
    let cm = math::confusion_matrix(labels, errors, t).unwrap_or_default();
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let precision = ratio(cm.tp, cm.tp + cm.fp);
    let recall = ratio(cm.tp, cm.tp + cm.fn_);
    let exact = math::roc_auc(labels, errors).unwrap_or(f64::NAN);
    let keras_raw = math::keras_auc(labels, errors, 200).unwrap_or(f64::NAN);
    let top = errors.iter().copied().fold(0.0, f64::max);
    // What the program computes in float32: each error divided by the largest.
    let rescaled: Vec<f64> = errors
        .iter()
        .map(|e| (*e as f32 / top as f32) as f64)
        .collect();
    let keras_rescaled = math::keras_auc(labels, &rescaled, 200).unwrap_or(f64::NAN);
    let (_, used) = keras_buckets(errors);
    let kinds = test_kinds(labels);
    let data = py_block(errors);
    let y = py_labels(labels);
    let where_ = layout(&kinds);
    let n = errors.len();
    let tt = py(t);
    let counts = || {
        vec![
            Printed::same("caught", vec![cm.tp as f64]),
            Printed::same("false alarms", vec![cm.fp as f64]),
            Printed::same("precision", vec![precision]),
            Printed::same("recall", vec![recall]),
        ]
    };
    let mut keras_prints = counts();
    keras_prints.extend([
        Printed::same("Keras AUC on the errors", vec![keras_raw]),
        Printed::same(
            "Keras AUC on errors over their maximum",
            vec![keras_rescaled],
        ),
        Printed::same("exact AUC", vec![exact]),
    ]);
    let mut torch_prints = counts();
    torch_prints.push(Printed::same("exact AUC", vec![exact]));
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\nfrom sklearn.metrics import roc_auc_score  # scikit-learn, for the exact ROC AUC\n\n# The {n} test pictures' reconstruction errors, as the page shows them (4 significant digits):\n# {where_}\nerrors = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")  # 1 = defect\n\nt = {tt}  # the threshold on screen: a picture is flagged when its error is above t\nflagged = errors > t\nprint(\"caught:\", int(np.sum(flagged & (y_test == 1))))\nprint(\"false alarms:\", int(np.sum(flagged & (y_test == 0))))\nprecision = keras.metrics.Precision(thresholds=t)\nprecision.update_state(y_test, errors)\nprint(\"precision:\", float(precision.result()))\nrecall = keras.metrics.Recall(thresholds=t)\nrecall.update_state(y_test, errors)\nprint(\"recall:\", float(recall.result()))\n\n# ROC AUC. Keras' default AUC() puts 200 thresholds evenly over [0, 1], made for probabilities\nauc = keras.metrics.AUC()\nauc.update_state(y_test, errors)\nprint(\"Keras AUC on the errors:\", float(auc.result()))\nauc = keras.metrics.AUC()\nauc.update_state(y_test, errors / errors.max())  # the same order, spread over [0, 1]\nprint(\"Keras AUC on errors over their maximum:\", float(auc.result()))\nprint(\"exact AUC:\", roc_auc_score(y_test, errors))  # every score is its own threshold\n"
            ),
            keras_prints,
        )
        .with_note(format!("Precision and recall count an error strictly above t as flagged, like the table. The largest error is {}, so all {n} errors fall in {used} of AUC()'s 200 buckets (thresholds 1/199 apart), and errors sharing a bucket count as ties.", format4(top))),
        Program::pytorch(
            format!(
                "import torch\nfrom torchmetrics.functional.classification import binary_auroc, binary_precision, binary_recall  # torchmetrics\n\n# The {n} test pictures' reconstruction errors, as the page shows them (4 significant digits):\n# {where_}\nerrors = torch.tensor({data})\ny_test = torch.tensor({y})  # 1 = defect\n\nt = {tt}  # the threshold on screen: a picture is flagged when its error is above t\nflagged = errors > t\nprint(\"caught:\", int((flagged & (y_test == 1)).sum()))\nprint(\"false alarms:\", int((flagged & (y_test == 0)).sum()))\nprint(\"precision:\", binary_precision(errors, y_test, threshold=t).item())\nprint(\"recall:\", binary_recall(errors, y_test, threshold=t).item())\nprint(\"exact AUC:\", binary_auroc(errors, y_test).item())  # thresholds=None: exact, like roc_auc_score\n"
            ),
            torch_prints,
        )
        .with_note("torchmetrics flags scores above t too. (It would first apply a sigmoid to scores outside [0, 1]; reconstruction errors never are.)"),
    ]
}
