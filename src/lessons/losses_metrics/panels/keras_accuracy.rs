//! Step 6's programs: what metrics=["accuracy"] becomes for the chosen shapes.

use super::{batch_data, one_hot};
use crate::lessons::code::{Printed, Program};
use crate::lessons::losses_metrics::batch::{Batch, BATCH_COLS, BATCH_ROWS};
use crate::lessons::losses_metrics::keras_rules::{keras_accuracy_kind, AccuracyKind};
use crate::lessons::losses_metrics::link::TargetShape;
use crate::math;

/// What Keras reports as "accuracy" for these shapes on the batch, and the accuracy the
/// labels call for (what the PyTorch program computes).
pub fn accuracies(b: &Batch, target: TargetShape, single: bool) -> (f64, f64) {
    let classes = b.first_positive();
    match keras_accuracy_kind(target, single, BATCH_COLS) {
        AccuracyKind::Binary => {
            // One output: the first label's logit; every target is compared with its yes/no.
            let hits: Vec<f64> = (0..BATCH_ROWS)
                .flat_map(|r| {
                    let pred = if math::sigmoid(b.logits[r * BATCH_COLS]) > 0.5 {
                        1.0
                    } else {
                        0.0
                    };
                    let row = match target {
                        TargetShape::MultiHot => Batch::row(&b.y_true, r),
                        TargetShape::OneHot => one_hot(classes[r], BATCH_COLS),
                        _ => vec![classes[r] as f64],
                    };
                    row.into_iter()
                        .map(move |y| if y == pred { 1.0 } else { 0.0 })
                })
                .collect();
            let acc = hits.iter().sum::<f64>() / hits.len() as f64;
            (acc, acc)
        }
        _ => {
            let reported = b.categorical_accuracy(0.0);
            if target == TargetShape::MultiHot {
                (reported, b.metrics(0.0).accuracy)
            } else {
                (reported, reported)
            }
        }
    }
}

/// Step 6: what `metrics=["accuracy"]` becomes for the chosen shapes, run through a model.
pub fn keras_accuracy_programs(b: &Batch, target: TargetShape, single: bool) -> Vec<Program> {
    let kind = keras_accuracy_kind(target, single, BATCH_COLS);
    let (reported, wanted) = accuracies(b, target, single);
    let multi_label = target == TargetShape::MultiHot && !single;
    let keras_y = match target {
        TargetShape::MultiHot => "y = y_multi  # targets (10, 5): multi-hot",
        TargetShape::OneHot => "y = np.eye(5, dtype=\"float32\")[np.argmax(y_multi, axis=-1)]  # targets (10, 5): one-hot, each sample's first label",
        TargetShape::Integer => "y = np.argmax(y_multi, axis=-1)  # targets (10,): each sample's first label, as an integer",
        TargetShape::IntegerColumn => "y = np.argmax(y_multi, axis=-1)[:, None]  # targets (10, 1): the same integers, as a column",
    };
    let torch_y = match (single, target) {
        (_, TargetShape::MultiHot) => "y = y_multi  # multi-hot",
        (false, _) => "y = y_multi.argmax(dim=-1)  # each sample's first label, as a class index",
        (true, TargetShape::OneHot) => {
            "y = torch.nn.functional.one_hot(y_multi.argmax(dim=-1), 5).float()  # one-hot"
        }
        (true, _) => "y = y_multi.argmax(dim=-1).float()[:, None]  # class indices, as a column",
    };
    let (x, units, activation) = if single {
        (
            "x = logits[:, :1]  # 1 output unit: the first label's logit",
            1,
            "sigmoid",
        )
    } else if target == TargetShape::MultiHot {
        ("x = logits  # 5 output units", 5, "sigmoid")
    } else {
        ("x = logits  # 5 output units", 5, "softmax")
    };
    let loss = match (single, target) {
        (false, TargetShape::MultiHot) => "\"binary_crossentropy\",",
        (false, TargetShape::OneHot) => "\"categorical_crossentropy\",",
        (false, _) => "\"sparse_categorical_crossentropy\",",
        (true, _) => "\"mse\",  # one output cannot fit 5 classes: MSE just lets the model run",
    };
    let metrics = if multi_label {
        "[\n        \"accuracy\",\n        keras.metrics.BinaryAccuracy(name=\"binary_accuracy\"),\n        keras.metrics.AUC(multi_label=True, name=\"auc\"),\n    ]"
    } else {
        "[\"accuracy\"]"
    };
    let data = batch_data(b, "samples", "y_multi");
    let mut keras_code = format!(
        "import numpy as np\nimport keras\n\n{data}\n{keras_y}\n{x}\n\n# A \"model\" that only applies the output activation, so its outputs are the batch's\nmodel = keras.Sequential([keras.Input(shape=({units},)), keras.layers.Activation(\"{activation}\")])\nmodel.compile(\n    loss={loss}\n    metrics={metrics},\n)\nlogs = model.evaluate(x, y, verbose=0, return_dict=True)\nprint(\"accuracy:\", logs[\"accuracy\"])  # Keras chose {}\n",
        kind.name()
    );
    let mut keras_prints = vec![Printed::same("accuracy", vec![reported])];
    if multi_label {
        let (auc, _) = b.keras_multi_label_auc(0.0);
        keras_code.push_str("print(\"binary accuracy:\", logs[\"binary_accuracy\"])  # what you meant\nprint(\"multi-label AUC:\", logs[\"auc\"])  # mean of 5 per-label AUCs\n");
        keras_prints.push(Printed::same("binary accuracy", vec![wanted]));
        keras_prints.push(Printed::same("multi-label AUC", vec![auc]));
    }
    let torch_metric = match (single, target) {
        (true, _) => "pred = (torch.sigmoid(logits[:, :1]) > 0.5).float()  # (10, 1): one yes/no per sample\nprint(\"accuracy:\", (pred == y).float().mean().item())  # each target against that yes/no\n",
        (false, TargetShape::MultiHot) => "pred = (torch.sigmoid(logits) > 0.5).float()  # one yes/no per label\nprint(\"accuracy:\", (pred == y).float().mean().item())  # per-label binary accuracy\n",
        (false, _) => "pred = logits.argmax(dim=-1)  # one class per sample\nprint(\"accuracy:\", (pred == y).float().mean().item())\n",
    };
    let torch_code = format!(
        "import numpy as np\nimport torch\n\n{data}y_multi, logits = torch.from_numpy(y_multi), torch.from_numpy(logits)\n{torch_y}\n\n# No compile step: you write the accuracy yourself, so nothing is guessed\n{torch_metric}"
    );
    let keras = Program::keras(keras_code, keras_prints);
    let keras = if multi_label {
        keras.with_note("\"accuracy\" became categorical accuracy: each row's argmax against its first true label. BinaryAccuracy is the per-label accuracy you meant. AUC(multi_label=True) averages one AUC per label, and a label with no positive in the batch (person, dog) counts as 0.")
    } else if single {
        keras.with_note(
            "With one output unit Keras always picks binary accuracy, whatever the targets hold.",
        )
    } else {
        keras.with_note(
            "With class targets and 5 outputs, the argmax accuracy Keras picks is the right one.",
        )
    };
    vec![
        keras,
        Program::pytorch(torch_code, vec![Printed::same("accuracy", vec![wanted])]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;
    use crate::lessons::losses_metrics::batch::batch;

    #[test]
    fn multi_label_auc_is_not_the_pooled_auc() {
        let b = batch();
        let (auc, per_label) = b.keras_multi_label_auc(0.0);
        assert_eq!(b.positives_per_label(), vec![0, 4, 1, 0, 1]);
        assert_eq!(per_label[0], 0.0);
        assert!((auc - 0.5833).abs() < 1e-4, "{auc}");
        let ps = keras_accuracy_programs(&b, TargetShape::MultiHot, false);
        assert_eq!(ps[0].flat_on(Backends::JAX), vec![0.4, 0.92, auc]);
        assert_eq!(ps[1].flat_on(Backends::ALL), vec![0.92]);
    }
}
