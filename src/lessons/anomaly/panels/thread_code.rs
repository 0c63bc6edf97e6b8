//! Step 6's programs: the thread's regressor and the classification set-up, with their scores.

use super::python::{layout, py_block, py_labels, test_kinds};
use crate::lessons::code::{py, Printed, Program};
use crate::math;
use crate::model::anomaly::{
    r_squared, CLASSIFIER_EPOCHS, CLASSIFIER_LEARNING_RATE, PIXELS, TRAIN_NORMAL, TRAIN_SCRATCH,
};
use crate::model::regression::Head;

/// What step 6 shows for a set-up, from the raw outputs z on screen (4 significant
/// digits): the outputs ŷ (z itself, or σ(z)), MSE, R² and, for the sigmoid, the binary
/// cross-entropy from the logits.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadScores {
    /// The outputs ŷ on the test pictures.
    pub outputs: Vec<f64>,
    /// Mean squared error against the 0/1 labels.
    pub mse: Option<f64>,
    /// R² of the outputs.
    pub r2: Option<f64>,
    /// Binary cross-entropy from the logits (sigmoid set-up only).
    pub bce: Option<f64>,
}

/// The numbers step 6 shows for a set-up, from its raw outputs as the page shows them.
pub fn thread_scores(head: Head, raw: &[f64], labels: &[f64]) -> ThreadScores {
    let outputs: Vec<f64> = raw.iter().map(|z| head.output(*z)).collect();
    ThreadScores {
        mse: math::mean_squared_error(labels, &outputs).ok(),
        r2: r_squared(labels, &outputs),
        bce: (head == Head::SigmoidBce)
            .then(|| math::binary_crossentropy(labels, raw, true).ok())
            .flatten(),
        outputs,
    }
}

/// Step 6: the thread's regressor (or the classifier) as a complete definition, then its
/// scores from the outputs on screen.
pub fn thread_programs(head: Head, raw: &[f64], labels: &[f64]) -> Vec<Program> {
    let s = thread_scores(head, raw, labels);
    let outside = s
        .outputs
        .iter()
        .filter(|v| !(0.0..=1.0).contains(*v))
        .count() as f64;
    let mse = s.mse.unwrap_or(f64::NAN);
    let r2 = s.r2.unwrap_or(f64::NAN);
    let data = py_block(raw);
    let y = py_labels(labels);
    let n = raw.len();
    let lr = py(CLASSIFIER_LEARNING_RATE);
    let batch = TRAIN_NORMAL + TRAIN_SCRATCH;
    let kinds = test_kinds(labels);
    let where_ = layout(&kinds);
    if head == Head::SigmoidBce {
        let bce = s.bce.unwrap_or(f64::NAN);
        let prints = || {
            vec![
                Printed::same("test binary cross-entropy", vec![bce]),
                Printed::same("test MSE", vec![mse]),
                Printed::same("R squared", vec![r2]),
                Printed::same("outputs outside the unit interval", vec![outside]),
            ]
        };
        return vec![
            Program::keras(
                format!(
                    "import numpy as np\nimport keras\nfrom sklearn.metrics import r2_score  # scikit-learn\n\n# The classification set-up: one logit, a sigmoid for the probability, binary cross-entropy\nclf = keras.Sequential([keras.Input(shape=({PIXELS},)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\nclf.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=keras.losses.BinaryCrossentropy(from_logits=True))\n# The page trained it like this on its pictures; clf.evaluate(x_test, y_test) then returns the test loss:\n# clf.fit(x_train, y_train, epochs={CLASSIFIER_EPOCHS}, batch_size={batch}, verbose=0)\n\n# Its logits z on the {n} test pictures, as the page shows them ({where_})\nz = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")\np = keras.ops.convert_to_numpy(keras.ops.sigmoid(z))  # probabilities, all inside (0, 1)\nprint(\"test binary cross-entropy:\", float(keras.losses.BinaryCrossentropy(from_logits=True)(y_test, z)))\nprint(\"test MSE:\", float(keras.losses.MeanSquaredError()(y_test, p)))\nprint(\"R squared:\", r2_score(y_test, p))\nprint(\"outputs outside the unit interval:\", int(np.sum((p < 0) | (p > 1))))\n"
                ),
                prints(),
            )
            .with_note("keras.wrappers.SKLearnClassifier one-hot encodes the targets, so it would need a two-unit softmax output; a plain fit is simpler for one sigmoid."),
            Program::pytorch(
                format!(
                    "import torch\nfrom torch import nn\nfrom torchmetrics.functional import r2_score  # torchmetrics\n\n# The classification set-up: one logit, trained with binary_cross_entropy_with_logits\nclf = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(clf.weight)\nnn.init.zeros_(clf.bias)\n\n# Its logits z on the {n} test pictures, as the page shows them ({where_})\nz = torch.tensor({data})\ny_test = torch.tensor({y}, dtype=torch.float32)\np = torch.sigmoid(z)\nprint(\"test binary cross-entropy:\", nn.functional.binary_cross_entropy_with_logits(z, y_test).item())\nprint(\"test MSE:\", nn.functional.mse_loss(p, y_test).item())\nprint(\"R squared:\", r2_score(p, y_test).item())\nprint(\"outputs outside the unit interval:\", int(((p < 0) | (p > 1)).sum()))\n"
                ),
                prints(),
            ),
        ];
    }
    let prints = vec![
        Printed::same("test MSE", vec![mse]),
        Printed::same("old KerasRegressor score", vec![-mse]),
        Printed::same("R squared", vec![r2]),
        Printed::same("outputs outside the unit interval", vec![outside]),
    ];
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\nfrom sklearn.metrics import r2_score  # scikit-learn (SKLearnRegressor needs it too)\n\n# The thread's set-up: a linear output trained with MSE on the labels 0 and 1\ndef build_model(X, y):\n    model = keras.Sequential([keras.Input(shape=(X.shape[1],)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=\"mean_squared_error\")\n    return model\n\nreg = keras.wrappers.SKLearnRegressor(model=build_model, fit_kwargs={{\"epochs\": {CLASSIFIER_EPOCHS}, \"batch_size\": {batch}, \"verbose\": 0}})\n# The page trained it like this on its pictures: reg.fit(x_train, y_train).\n# reg.score(x_test, y_test) is then r2_score(y_test, reg.predict(x_test)).\n\n# Its outputs on the {n} test pictures, as the page shows them ({where_})\ny_pred = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")\nmse = float(keras.losses.MeanSquaredError()(y_test, y_pred))\nprint(\"test MSE:\", mse)\nprint(\"old KerasRegressor score:\", -mse)  # what the removed Keras 2 wrapper's score returned\nprint(\"R squared:\", r2_score(y_test, y_pred))  # what SciKeras and SKLearnRegressor's score return\nprint(\"outputs outside the unit interval:\", int(np.sum((y_pred < 0) | (y_pred > 1))))\n"
        ),
        format!(
            "import torch\nfrom torch import nn\nfrom torchmetrics.functional import r2_score  # torchmetrics\n\n# The thread's set-up: a linear output trained with mse_loss on the labels 0 and 1\nreg = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(reg.weight)\nnn.init.zeros_(reg.bias)\n\n# Its outputs on the {n} test pictures, as the page shows them ({where_})\ny_pred = torch.tensor({data})\ny_test = torch.tensor({y}, dtype=torch.float32)\nmse = nn.functional.mse_loss(y_pred, y_test).item()\nprint(\"test MSE:\", mse)\nprint(\"old KerasRegressor score:\", -mse)\nprint(\"R squared:\", r2_score(y_pred, y_test).item())\nprint(\"outputs outside the unit interval:\", int(((y_pred < 0) | (y_pred > 1)).sum()))\n"
        ),
        prints,
    );
    vec![
        keras.with_note("The thread's keras.wrappers.scikit_learn.KerasRegressor(build_fn=…, nb_epoch=…) no longer exists; its score returned −MSE."),
        pytorch.with_note("PyTorch has no scikit-learn wrapper of its own; the third-party skorch's NeuralNetRegressor scores with R² too."),
    ]
}
