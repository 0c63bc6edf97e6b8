//! Lesson 3's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).

use super::{
    batch, keras_accuracy_kind, roc_points_strict, AccuracyKind, Batch, Spelling, TargetShape,
    BATCH_COLS, BATCH_ROWS, OBJECTS,
};
use crate::lessons::code::{
    py, py_ints, py_list, random_logits, snap, state_for, PanelSet, Printed, Program,
};
use crate::math;

/// The page's slug.
const PAGE: &str = "losses-and-metrics";

/// The threshold step's sample: its true labels.
pub const THRESHOLD_Y: [f64; 5] = [1.0, 0.0, 1.0, 0.0, 0.0];

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: PAGE,
        step: "labels-and-losses",
        make: |seed| {
            let (spelling, class, multi, ls, z) = state_for(
                seed,
                || {
                    (
                        Spelling::OneHot,
                        0,
                        vec![true, false, true, false],
                        0.0,
                        vec![1.0, 0.5, -0.5, -1.0],
                    )
                },
                |r| {
                    let spelling =
                        [Spelling::OneHot, Spelling::Sparse, Spelling::MultiHot][r.below(3)];
                    let class = r.below(4);
                    let multi = (0..4).map(|_| r.below(2) == 1).collect();
                    let ls = snap(r.below(31) as f64 * 0.01, 0.01);
                    (spelling, class, multi, ls, random_logits(r, 4, 12.0, 0.01))
                },
            );
            labels_programs(spelling, class, &multi, ls, &z)
        },
    },
    PanelSet {
        page: PAGE,
        step: "threshold",
        make: |seed| {
            let (z, raw, t) = state_for(
                seed,
                || (vec![2.0, -0.3, 0.3, -1.0, -2.0], false, 0.5),
                |r| {
                    let z = random_logits(r, 5, 6.0, 0.001);
                    let raw = r.below(2) == 1;
                    let t = if raw {
                        snap(-3.0 + 0.05 * r.below(121) as f64, 0.01)
                    } else {
                        snap(0.05 * r.below(21) as f64, 0.01)
                    };
                    (z, raw, t)
                },
            );
            threshold_programs(&z, raw, t)
        },
    },
    PanelSet {
        page: PAGE,
        step: "top-k",
        make: |seed| {
            let (z, class, k) = state_for(
                seed,
                || (vec![2.0, 0.5, 1.0, -0.5, -1.0], 1, 2),
                |r| (random_logits(r, 5, 6.0, 0.001), r.below(5), 1 + r.below(5)),
            );
            top_k_programs(&z, class, k)
        },
    },
    PanelSet {
        page: PAGE,
        step: "accuracy-trap",
        make: |seed| {
            let bias = state_for(seed, || 0.0, |r| -10.0 + 0.25 * r.below(57) as f64);
            trap_programs(&batch(), bias)
        },
    },
    PanelSet {
        page: PAGE,
        step: "roc",
        make: |seed| {
            let b = batch();
            let count = roc_points_strict(&b.y_true, &b.probabilities(0.0)).len();
            let index = state_for(seed, || 0, |r| r.below(count));
            roc_programs(&b, index)
        },
    },
    PanelSet {
        page: PAGE,
        step: "keras-accuracy",
        make: |seed| {
            let (target, single) = state_for(
                seed,
                || (TargetShape::Integer, false),
                |r| {
                    let shapes = [
                        TargetShape::Integer,
                        TargetShape::IntegerColumn,
                        TargetShape::OneHot,
                        TargetShape::MultiHot,
                    ];
                    (shapes[r.below(4)], r.below(2) == 1)
                },
            );
            keras_accuracy_programs(&batch(), target, single)
        },
    },
];

/// A matrix for Python code, one row per line.
fn py_matrix(rows: impl Iterator<Item = String>) -> String {
    format!(
        "[\n{}]",
        rows.map(|r| format!("    {r},\n")).collect::<String>()
    )
}

/// The batch's 0/1 targets, one row per line.
fn y_rows(b: &Batch) -> String {
    py_matrix((0..BATCH_ROWS).map(|r| {
        let row: Vec<usize> = Batch::row(&b.y_true, r)
            .iter()
            .map(|y| *y as usize)
            .collect();
        py_ints(&row)
    }))
}

/// The batch's logits, one row per line.
fn logit_rows(b: &Batch) -> String {
    py_matrix((0..BATCH_ROWS).map(|r| py_list(&Batch::row(&b.logits, r))))
}

fn one_hot(class: usize, n: usize) -> Vec<f64> {
    (0..n).map(|i| if i == class { 1.0 } else { 0.0 }).collect()
}

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
    let prints = || {
        vec![
            Printed::same("per label", hits.clone()),
            Printed::same("binary accuracy", vec![acc]),
        ]
    };
    let (keras_pred, torch_pred) = if raw {
        ("y_pred = z  # raw logits", "y_pred = z  # raw logits")
    } else {
        (
            "y_pred = keras.ops.sigmoid(z)  # probabilities",
            "y_pred = torch.sigmoid(z)  # probabilities",
        )
    };
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\ny_true = np.array({}, dtype=\"float32\")  # this sample's labels\nz = np.array({}, dtype=\"float32\")  # the logits on screen\n{keras_pred}\n\n# The function: 1 where (y_pred > threshold) matches the label, 0 where not; no mean\nhits = keras.metrics.binary_accuracy(y_true, y_pred, threshold={})\nprint(\"per label:\", keras.ops.convert_to_numpy(hits))\n\n# The metric object averages them\nacc = keras.metrics.BinaryAccuracy(threshold={})\nacc.update_state(y_true, y_pred)\nprint(\"binary accuracy:\", float(acc.result()))\n",
                py_list(&y),
                py_list(z),
                py(t),
                py(t)
            ),
            prints(),
        )
        .with_note("A prediction counts as positive when it is strictly greater than the threshold."),
        Program::pytorch(
            format!(
                "import torch\n\ny_true = torch.tensor({})  # this sample's labels\nz = torch.tensor({})  # the logits on screen\n{torch_pred}\nhits = ((y_pred > {}).float() == y_true).float()\nprint(\"per label:\", hits.tolist())\nprint(\"binary accuracy:\", hits.mean().item())\n",
                py_list(&y),
                py_list(z),
                py(t)
            ),
            prints(),
        ),
    ]
}

/// Step 3: categorical and top-k accuracy of one sample.
pub fn top_k_programs(z: &[f64], class: usize, k: usize) -> Vec<Program> {
    let y = one_hot(class, z.len());
    let cat = math::categorical_accuracy(&y, z).unwrap_or(f64::NAN);
    let topk = math::top_k_categorical_accuracy(&y, z, k).unwrap_or(f64::NAN);
    let prints = || {
        vec![
            Printed::same("categorical accuracy", vec![cat]),
            Printed::same("top k accuracy", vec![topk]),
        ]
    };
    let animal = super::ANIMALS[class];
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\ny_true = np.array([{}], dtype=\"float32\")  # one-hot: a {animal}\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\n# Each returns one value per sample (here one sample)\ncat = keras.metrics.categorical_accuracy(y_true, z)\ntop = keras.metrics.top_k_categorical_accuracy(y_true, z, k={k})\nprint(\"categorical accuracy:\", keras.ops.convert_to_numpy(cat))\nprint(\"top k accuracy:\", keras.ops.convert_to_numpy(top))\n",
                py_list(&y),
                py_list(z)
            ),
            prints(),
        ),
        Program::pytorch(
            format!(
                "import torch\n\ntarget = torch.tensor([{class}])  # the class index: {animal}\nz = torch.tensor([{}])  # the logits on screen\nprint(\"categorical accuracy:\", (z.argmax(dim=-1) == target).float().tolist())\ntop = z.topk({k}, dim=-1).indices  # the {k} highest classes\nprint(\"top k accuracy:\", (top == target[:, None]).any(dim=-1).float().tolist())\n",
                py_list(z)
            ),
            prints(),
        ),
    ]
}

/// Step 4: accuracy against precision, recall and F1 on the batch, with a bias.
pub fn trap_programs(b: &Batch, bias: f64) -> Vec<Program> {
    let m = b.metrics(bias);
    let per_label_f1: Vec<f64> = m.per_label.iter().map(|(_, _, f)| *f).collect();
    let prints = || {
        vec![
            Printed::same("binary accuracy", vec![m.accuracy]),
            Printed::same("precision", vec![m.precision]),
            Printed::same("recall", vec![m.recall]),
            Printed::same("F score", vec![m.f1]),
            Printed::same("F score per label", per_label_f1.clone()),
        ]
    };
    let data = format!(
        "# The lesson's batch: 10 images (rows) x 5 labels ({})\ny_true = np.array({}, dtype=\"float32\")\nlogits = np.array({}, dtype=\"float32\")\n",
        OBJECTS.join(", "),
        y_rows(b),
        logit_rows(b)
    );
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{data}bias = {}  # the slider: added to every logit\ny_prob = keras.ops.sigmoid(logits + bias)\n\n# Metric objects count over all 50 labels; a label is predicted when y_prob > 0.5\nprint(\"binary accuracy:\", float(keras.metrics.BinaryAccuracy()(y_true, y_prob)))\nprint(\"precision:\", float(keras.metrics.Precision()(y_true, y_prob)))\nprint(\"recall:\", float(keras.metrics.Recall()(y_true, y_prob)))\nf1 = keras.metrics.F1Score(average=\"micro\", threshold=0.5)\nprint(\"F score:\", float(f1(y_true, y_prob)))\nf1_per_label = keras.metrics.F1Score(average=None, threshold=0.5)\nprint(\"F score per label:\", keras.ops.convert_to_numpy(f1_per_label(y_true, y_prob)))\n",
                py(bias)
            ),
            prints(),
        )
        .with_note("The function keras.metrics.binary_accuracy(y_true, y_prob) would return one 0/1 per label, a (10, 5) array: the BinaryAccuracy object averages it. F1Score needs threshold=0.5 for multi-label outputs (its default takes each row's argmax)."),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\n\n{data}y_true, logits = torch.from_numpy(y_true), torch.from_numpy(logits)\nbias = {}  # the slider: added to every logit\npred = (torch.sigmoid(logits + bias) > 0.5).float()\ntp = (pred * y_true).sum(dim=0)  # per label\nfp = (pred * (1 - y_true)).sum(dim=0)\nfn = ((1 - pred) * y_true).sum(dim=0)\n\nprint(\"binary accuracy:\", (pred == y_true).float().mean().item())\n# clamp(min=1): 0 instead of 0/0 where nothing is predicted or nothing is true\nprint(\"precision:\", (tp.sum() / (tp.sum() + fp.sum()).clamp(min=1)).item())\nprint(\"recall:\", (tp.sum() / (tp.sum() + fn.sum()).clamp(min=1)).item())\nprint(\"F score:\", (2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()).clamp(min=1)).item())\nprint(\"F score per label:\", (2 * tp / (2 * tp + fp + fn).clamp(min=1)).tolist())\n",
                py(bias)
            ),
            prints(),
        ),
    ]
}

/// Step 5: the confusion counts at the point's threshold, and the AUC.
pub fn roc_programs(b: &Batch, index: usize) -> Vec<Program> {
    let p = b.probabilities(0.0);
    let points = roc_points_strict(&b.y_true, &p);
    let point = points[index.min(points.len() - 1)];
    let tp = (point.tpr * b.positives() as f64).round();
    let fp = (point.fpr * (b.y_true.len() - b.positives()) as f64).round();
    let keras_auc = math::keras_auc(&b.y_true, &p, 200).unwrap_or(f64::NAN);
    let exact = math::roc_auc(&b.y_true, &p).unwrap_or(f64::NAN);
    let data = format!(
        "# The lesson's batch: 10 images (rows) x 5 labels ({})\ny_true = np.array({}, dtype=\"float32\")\nlogits = np.array({}, dtype=\"float32\")\n",
        OBJECTS.join(", "),
        y_rows(b),
        logit_rows(b)
    );
    let t = py(point.threshold);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{data}y_prob = keras.ops.sigmoid(logits)\nt = {t}  # the point's threshold: predicted when y_prob > t\n\nprint(\"true positives:\", float(keras.metrics.TruePositives(thresholds=t)(y_true, y_prob)))\nprint(\"false positives:\", float(keras.metrics.FalsePositives(thresholds=t)(y_true, y_prob)))\n# All 50 scores pooled, bucketed into 200 thresholds\nprint(\"AUC:\", float(keras.metrics.AUC()(y_true, y_prob)))\n"
            ),
            vec![
                Printed::same("true positives", vec![tp]),
                Printed::same("false positives", vec![fp]),
                Printed::same("AUC", vec![keras_auc]),
            ],
        )
        .with_note("Keras buckets the scores into 200 thresholds and interpolates, so its AUC may differ from the exact one in the second or third decimal."),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\nfrom torchmetrics.functional.classification import binary_auroc  # pip install torchmetrics\n\n{data}y_true, logits = torch.from_numpy(y_true), torch.from_numpy(logits)\ny_prob = torch.sigmoid(logits)\nt = {t}  # the point's threshold: predicted when y_prob > t\npred = y_prob > t\n\nprint(\"true positives:\", (pred & (y_true == 1)).sum().item())\nprint(\"false positives:\", (pred & (y_true == 0)).sum().item())\n# Exact, all 50 scores pooled\nprint(\"AUC:\", binary_auroc(y_prob.flatten(), y_true.flatten().long()).item())\n"
            ),
            vec![
                Printed::same("true positives", vec![tp]),
                Printed::same("false positives", vec![fp]),
                Printed::same("AUC", vec![exact]),
            ],
        )
        .with_note("PyTorch itself has no AUC; torchmetrics computes it exactly by default, like scikit-learn's roc_auc_score."),
    ]
}

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
    let data = format!(
        "# The lesson's batch: 10 samples (rows) x 5 labels ({})\ny_multi = np.array({}, dtype=\"float32\")\nlogits = np.array({}, dtype=\"float32\")\n",
        OBJECTS.join(", "),
        y_rows(b),
        logit_rows(b)
    );
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

    #[test]
    fn binary_accuracy_returns_one_value_per_label() {
        let ps = threshold_programs(&[2.0, -0.3, 0.3, -1.0, -2.0], true, 0.5);
        assert_eq!(
            ps[0].flat_on(Backends::JAX),
            vec![1.0, 1.0, 0.0, 1.0, 1.0, 0.8]
        );
    }

    #[test]
    fn strict_thresholds_give_the_same_points() {
        let b = batch();
        let p = b.probabilities(0.0);
        let points = roc_points_strict(&b.y_true, &p);
        let (pos, neg) = (b.positives(), b.y_true.len() - b.positives());
        for point in &points {
            let above: Vec<f64> = p
                .iter()
                .map(|s| if *s > point.threshold { 1.0 } else { 0.0 })
                .collect();
            let tp = above
                .iter()
                .zip(&b.y_true)
                .filter(|(a, y)| **a == 1.0 && **y == 1.0)
                .count();
            let fp = above
                .iter()
                .zip(&b.y_true)
                .filter(|(a, y)| **a == 1.0 && **y == 0.0)
                .count();
            assert_eq!(tp as f64 / pos as f64, point.tpr);
            assert_eq!(fp as f64 / neg as f64, point.fpr);
        }
        assert_eq!(points[0].threshold, 1.0);
        assert_eq!(points[points.len() - 1].threshold, 0.0);
    }

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
