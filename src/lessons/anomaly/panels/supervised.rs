//! Step 5's programs: the classifier trained on scratches and its comparison at a false-alarm budget.

use super::python::{py_block, py_kinds};
use crate::lessons::code::{py, Printed, Program};
use crate::model::anomaly::{
    kind_rates, threshold_for_false_alarms, Dataset, Kind, CLASSIFIER_LEARNING_RATE, PIXELS,
    TRAIN_NORMAL, TRAIN_SCRATCH,
};

/// Step 5: the classifier as the page builds it (its parameter count is all that does not
/// depend on the training data), then the comparison from its probabilities on screen:
/// the share of each kind flagged at p > 0.5 and at the false-alarm budget, and the exact
/// AUC against good parts for each defect kind.
pub fn supervised_programs(
    steps: usize,
    budget: f64,
    probabilities: &[f64],
    data: &Dataset,
) -> Vec<Program> {
    let kinds: Vec<Kind> = data.test.iter().map(|s| s.kind).collect();
    let normal: Vec<f64> = data
        .test_indices(Kind::Normal)
        .iter()
        .filter_map(|i| probabilities.get(*i).copied())
        .collect();
    let t = threshold_for_false_alarms(&normal, budget).unwrap_or(0.5);
    let half = kind_rates(data, probabilities, 0.5);
    let at_budget = kind_rates(data, probabilities, t);
    let prints = vec![
        Printed::same("parameters", vec![(PIXELS + 1) as f64]),
        Printed::same("flagged at one half", half.flagged.to_vec()),
        Printed::same("threshold", vec![t]),
        Printed::same("flagged at the budget", at_budget.flagged.to_vec()),
        Printed::same("AUC against good parts", at_budget.auc.to_vec()),
    ];
    let p = py_block(probabilities);
    let kind_expr = py_kinds(&kinds);
    let lr = py(CLASSIFIER_LEARNING_RATE);
    let b = py(budget);
    let batch = TRAIN_NORMAL + TRAIN_SCRATCH;
    let defects = Kind::DEFECTS
        .iter()
        .map(|k| format!("\"{}\"", k.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let all = Kind::ALL
        .iter()
        .map(|k| format!("\"{}\"", k.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let n = probabilities.len();
    let common = format!("kind = {kind_expr}\nkinds = [{all}]\n\nprint(\"flagged at one half:\", [float(np.mean(p[kind == k] > 0.5)) for k in kinds])\n\n# The same false-alarm budget for every detector: flag that share of the good parts\nbudget = {b}\ngood = np.sort(p[kind == \"normal\"])[::-1]  # highest first\nt = good[int(budget * len(good) + 1e-9)]  # flagged when p > t\nprint(\"threshold:\", float(t))\nprint(\"flagged at the budget:\", [float(np.mean(p[kind == k] > t)) for k in kinds])\n");
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\nfrom sklearn.metrics import roc_auc_score  # scikit-learn, for the exact ROC AUC\n\n# The classifier of this step: one weight per pixel and a bias, one logit out\nclf = keras.Sequential([keras.Input(shape=({PIXELS},)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\nclf.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=keras.losses.BinaryCrossentropy(from_logits=True))\nprint(\"parameters:\", clf.count_params())\n# The page trained it from zero weights with whole-batch steps on {TRAIN_NORMAL} good parts (0) and {TRAIN_SCRATCH} scratches (1):\n# clf.fit(x_train, y_train, epochs={steps}, batch_size={batch}, verbose=0)\n# p = keras.ops.convert_to_numpy(keras.ops.sigmoid(clf.predict(x_test)[:, 0]))\n\n# Its probabilities on the {n} test pictures after {steps} steps, as the page shows them\np = np.array({p})\n{common}print(\"AUC against good parts:\", [roc_auc_score(kind[(kind == \"normal\") | (kind == k)] == k, p[(kind == \"normal\") | (kind == k)]) for k in [{defects}]])\n"
        ),
        format!(
            "import numpy as np\nimport torch\nfrom torch import nn\nfrom torchmetrics.functional.classification import binary_auroc  # torchmetrics\n\n# The classifier of this step: one weight per pixel and a bias, one logit out\nclf = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(clf.weight)\nnn.init.zeros_(clf.bias)\nprint(\"parameters:\", sum(q.numel() for q in clf.parameters()))\nopt = torch.optim.Adam(clf.parameters(), lr={lr}, eps=1e-7)\n# The page trained it with {steps} whole-batch steps on {TRAIN_NORMAL} good parts (0) and {TRAIN_SCRATCH} scratches (1):\n# for step in range({steps}):\n#     loss = nn.functional.binary_cross_entropy_with_logits(clf(x_train)[:, 0], y_train)\n#     opt.zero_grad(); loss.backward(); opt.step()\n\n# Its probabilities on the {n} test pictures after {steps} steps, as the page shows them\np = np.array({p})\n{common}auc = []\nfor k in [{defects}]:\n    keep = torch.from_numpy((kind == \"normal\") | (kind == k))\n    auc.append(binary_auroc(torch.from_numpy(p)[keep], torch.from_numpy(kind == k)[keep].long()).item())\nprint(\"AUC against good parts:\", auc)\n"
        ),
        prints,
    );
    vec![
        keras.with_note("Whole-batch steps from zero weights have nothing random in them, so Keras and PyTorch trained on the page's pictures reach these probabilities too, up to float32 rounding. The autoencoder's column is the same computation on step 3's reconstruction errors."),
        pytorch,
    ]
}
