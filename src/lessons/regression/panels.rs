//! Lesson 4's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).

use crate::lessons::code::{py, snap, state_for, PanelSet, Printed, Program};
use crate::math;
use crate::model::regression::{
    pytorch_bce_probability_grad, Head, ImageRace, ImageStart, Optimizer, Race, RaceSettings,
    IMAGE_STEPS, LEARNING_RATE_MAX, LEARNING_RATE_MIN, RACE_STEPS,
};
use crate::model::rng::Rng;

use super::{IMAGE_LEARNING_RATE, ONE_PIXEL_START, RACE_START, SATURATION_START};

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "regression-output",
        step: "one-pixel",
        // A drag on the ±6 bar moves z by 0.001.
        make: |seed| {
            let (y, z) = target_and_z(seed, ONE_PIXEL_START, 6.0, 0.001);
            one_pixel_programs(y, z)
        },
    },
    PanelSet {
        page: "regression-output",
        step: "saturation",
        // A drag on the ±20 bar (or the curves' arrow keys) moves z by 0.01 or 0.1.
        make: |seed| {
            let (y, z) = target_and_z(seed, SATURATION_START, 20.0, 0.01);
            saturation_programs(y, z)
        },
    },
    PanelSet {
        page: "regression-output",
        step: "race",
        make: |seed| {
            let (settings, steps) = state_for(
                seed,
                || (RACE_START, RACE_STEPS),
                |r| (random_race_settings(r), r.below(RACE_STEPS + 1)),
            );
            // Odd seeds train with Adam, so both optimizers' programs are always run.
            let adam = seed.is_some_and(|s| s % 2 == 1);
            let optimizer = Optimizer::ALL[usize::from(adam)];
            race_programs(settings, optimizer, steps)
        },
    },
    PanelSet {
        page: "regression-output",
        step: "image",
        make: |seed| {
            let (start, lr, steps) = state_for(
                seed,
                || (ImageStart::Negative, IMAGE_LEARNING_RATE, IMAGE_STEPS),
                |r| {
                    let start = if r.below(2) == 0 {
                        ImageStart::Negative
                    } else {
                        ImageStart::MidGrey
                    };
                    (start, random_learning_rate(r), r.below(IMAGE_STEPS + 1))
                },
            );
            image_programs(start, lr, steps)
        },
    },
];

/// The (target, z) of a step with a target slider (steps of 0.01) and a z bar over
/// ±`range` dragged in steps of `step`: `start` without a seed, a random pair with one.
fn target_and_z(seed: Option<u64>, start: (f64, f64), range: f64, step: f64) -> (f64, f64) {
    state_for(
        seed,
        || start,
        |r| (snap(r.uniform(), 0.01), snap(r.range(-range, range), step)),
    )
}

fn random_learning_rate(r: &mut Rng) -> f64 {
    snap(r.range(LEARNING_RATE_MIN, LEARNING_RATE_MAX), 0.01)
}

/// Race settings a learner can set with the three sliders (steps of 0.01).
fn random_race_settings(r: &mut Rng) -> RaceSettings {
    RaceSettings {
        target: snap(r.uniform(), 0.01),
        start: snap(r.range(0.01, 0.99), 0.01),
        learning_rate: random_learning_rate(r),
    }
}

/// The three set-ups' names, as the programs label their lines.
const HEAD_LABELS: [&str; 3] = ["linear + MSE", "sigmoid + MSE", "sigmoid + BCE"];

/// Step 1: the three losses at one pixel.
pub fn one_pixel_programs(y: f64, z: f64) -> Vec<Program> {
    let prints = {
        let mut lines = vec![Printed::same("sigmoid output", vec![math::sigmoid(z)])];
        lines.extend(
            Head::ALL
                .iter()
                .zip(HEAD_LABELS)
                .map(|(h, label)| Printed::same(label, vec![h.loss(y, z)])),
        );
        lines
    };
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\ny = np.array([{y}], dtype=\"float32\")  # the target grey level\nz = np.array([{z}], dtype=\"float32\")  # the output z (pre-activation) of the last layer\nprint(\"sigmoid output:\", float(keras.ops.sigmoid(z)[0]))\n\n# linear output: the prediction is z itself\nprint(\"linear + MSE:\", float(keras.losses.mean_squared_error(y, z)))\n# sigmoid output, squared error\nprint(\"sigmoid + MSE:\", float(keras.losses.mean_squared_error(y, keras.ops.sigmoid(z))))\n# sigmoid output, binary cross-entropy computed from z (a soft target such as 0.3 is fine)\nprint(\"sigmoid + BCE:\", float(keras.losses.binary_crossentropy(y, z, from_logits=True)))\n",
            y = py(y),
            z = py(z)
        ),
        format!(
            "import torch\nimport torch.nn.functional as F\n\ny = torch.tensor([{y}], dtype=torch.float64)  # the target grey level\nz = torch.tensor([{z}], dtype=torch.float64)  # the output z (pre-activation) of the last layer\nprint(\"sigmoid output:\", torch.sigmoid(z).item())\n\n# note the order: prediction first, then target\nprint(\"linear + MSE:\", F.mse_loss(z, y).item())\nprint(\"sigmoid + MSE:\", F.mse_loss(torch.sigmoid(z), y).item())\nprint(\"sigmoid + BCE:\", F.binary_cross_entropy_with_logits(z, y).item())  # soft targets are fine\n",
            y = py(y),
            z = py(z)
        ),
        prints,
    );
    vec![
        keras.with_note("In a model: Dense(1) with loss=\"mse\"; Dense(1, activation=\"sigmoid\") with loss=\"mse\"; or Dense(1) with BinaryCrossentropy(from_logits=True), applying keras.ops.sigmoid to the predictions."),
        pytorch.with_note("BCEWithLogitsLoss (binary_cross_entropy_with_logits) takes z and accepts soft targets in [0, 1]."),
    ]
}

/// A backend-neutral gradient for the Keras programs: Keras 3 has no `grad` of its own,
/// so the program asks whichever backend it runs on, in float64.
const KERAS_GRAD_HELPER: &str = "def grad(loss, z):\n    \"\"\"dloss/dz in float64, from whichever backend Keras runs on (Keras 3 has no grad of its own).\"\"\"\n    backend = keras.backend.backend()\n    if backend == \"jax\":\n        import jax\n        with jax.enable_x64(True):  # JAX computes in float32 unless told otherwise\n            return float(jax.grad(loss)(z)[0])\n    if backend == \"tensorflow\":\n        import tensorflow as tf\n        z = tf.Variable(z)\n        with tf.GradientTape() as tape:\n            value = loss(z)\n        return float(tape.gradient(value, z)[0])\n    import torch\n    z = torch.tensor(z, requires_grad=True)\n    loss(z).backward()\n    return z.grad[0].item()\n";

/// Step 2: the gradients dL/dz of sigmoid + MSE, sigmoid + BCE and the probability path.
pub fn saturation_programs(y: f64, z: f64) -> Vec<Program> {
    let g_mse = Head::SigmoidMse.grad(y, z);
    let g_bce = Head::SigmoidBce.grad(y, z);
    let g_clip = math::clipped_binary_crossentropy_grad_logit(y, z);
    let g_torch = pytorch_bce_probability_grad(y, z);
    // Both frameworks print the two logit-based gradients, then their own probability path.
    let prints = |third: Printed| {
        vec![
            Printed::same("sigmoid + MSE", vec![g_mse]),
            Printed::same("sigmoid + BCE", vec![g_bce]),
            third,
        ]
    };
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{KERAS_GRAD_HELPER}\ny = np.array([{y}])  # the target (float64)\nz = np.array([{z}])  # the output z (pre-activation)\n\nmse = lambda z: keras.losses.mean_squared_error(y, keras.ops.sigmoid(z))\nbce = lambda z: keras.losses.binary_crossentropy(y, z, from_logits=True)\nprobability_path = lambda z: keras.losses.binary_crossentropy(y, keras.ops.sigmoid(z))  # from_logits=False\nprint(\"sigmoid + MSE:\", grad(mse, z))\nprint(\"sigmoid + BCE:\", grad(bce, z))\nprint(\"probability path:\", grad(probability_path, z))\n",
                y = py(y),
                z = py(z)
            ),
            prints(Printed::by_backend(
                "probability path",
                vec![g_bce],
                vec![g_clip],
            )),
        )
        .with_note("The probability path (from_logits=False) clips σ to [1e−7, 1 − 1e−7] on the JAX and PyTorch backends, so beyond |z| ≈ 16.118 its gradient is exactly 0. On the TensorFlow backend a sigmoid made by Keras remembers its z and binary_crossentropy quietly uses it, so there the third number equals the second; the clip still bites when the probabilities arrive without that link (NumPy predictions, a custom op). Float64 throughout: in float32, σ rounds to 1 already near z ≈ 15.9."),
        Program::pytorch(
            format!(
                "import torch\nimport torch.nn.functional as F\n\ny = torch.tensor([{y}], dtype=torch.float64)  # the target\n\ndef grad(loss):\n    z = torch.tensor([{z}], dtype=torch.float64, requires_grad=True)  # the output z (pre-activation)\n    loss(z).backward()\n    return z.grad.item()\n\nprint(\"sigmoid + MSE:\", grad(lambda z: F.mse_loss(torch.sigmoid(z), y)))\nprint(\"sigmoid + BCE:\", grad(lambda z: F.binary_cross_entropy_with_logits(z, y)))\nprint(\"BCELoss on sigmoid:\", grad(lambda z: F.binary_cross_entropy(torch.sigmoid(z), y)))\n",
                y = py(y),
                z = py(z)
            ),
            prints(Printed::same("BCELoss on sigmoid", vec![g_torch])),
        )
        .with_note("The third is nn.BCELoss on σ(z), and here PyTorch differs from Keras: it does not clip probabilities but clamps each log at −100 (a loss ceiling of 100, not 16.118), and its backward pass divides by max(p(1 − p), 1e−12). So its gradient stays near σ − y down to |z| ≈ 27.6 and only then fades; it never goes exactly flat at 16.1."),
    ]
}

/// The race after `steps` steps of plain gradient descent: each set-up's prediction.
pub fn race_predictions(settings: RaceSettings, optimizer: Optimizer, steps: usize) -> [f64; 3] {
    let mut race = Race::with(settings, optimizer, RACE_STEPS.max(steps));
    race.advance(steps);
    race.outputs()
}

/// Step 3: the race as a runnable training loop (Keras: `fit` on one weight per set-up;
/// PyTorch: a loop on one free output per set-up), with plain gradient descent or Adam.
pub fn race_programs(settings: RaceSettings, optimizer: Optimizer, steps: usize) -> Vec<Program> {
    let s = settings.sanitised();
    let out = race_predictions(s, optimizer, steps);
    let errors: Vec<f64> = out
        .iter()
        .map(|o| (o - s.target) * (o - s.target))
        .collect();
    let prints = vec![
        Printed::same("predictions", out.to_vec()),
        Printed::same("squared errors", errors),
    ];
    let settings_line = format!(
        "target, start, lr, steps = {}, {}, {}, {steps}  # the race's settings and the steps taken",
        py(s.target),
        py(s.start),
        py(s.learning_rate)
    );
    let (keras_optimizer, torch_optimizer, how) = match optimizer {
        Optimizer::Sgd => (
            "keras.optimizers.SGD(learning_rate=lr),  # plain gradient descent; try keras.optimizers.Adam(learning_rate=lr)",
            "torch.optim.SGD([z], lr=lr)  # z <- z - lr * dL/dz; try torch.optim.Adam([z], lr=lr, eps=1e-7)",
            "trained by plain gradient descent",
        ),
        Optimizer::Adam => (
            "keras.optimizers.Adam(learning_rate=lr),  # Keras' defaults: beta_1=0.9, beta_2=0.999, epsilon=1e-7",
            "torch.optim.Adam([z], lr=lr, eps=1e-7)  # Keras' epsilon (PyTorch's default is 1e-8)",
            "trained with Adam",
        ),
    };
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\n{settings_line}\nlogit0 = np.log(start / (1 - start))  # the z at which a sigmoid outputs `start`\n\n# Each set-up is one weight on the constant input 1, so its output z before any activation\n# is that weight: one free output, {how}.\nx = keras.Input((1,))\ndef free_output(z0, activation=None):\n    start_at = keras.initializers.Constant(z0)\n    return keras.layers.Dense(1, use_bias=False, activation=activation, kernel_initializer=start_at)(x)\nmodel = keras.Model(x, [\n    free_output(start),  # linear + MSE\n    free_output(logit0, \"sigmoid\"),  # sigmoid + MSE\n    free_output(logit0),  # sigmoid + BCE: the layer outputs z, the loss applies the sigmoid\n])\nmodel.compile(\n    optimizer={keras_optimizer}\n    loss=[\"mse\", \"mse\", keras.losses.BinaryCrossentropy(from_logits=True)],\n)\n\none, y = np.ones((1, 1), dtype=\"float32\"), np.full((1, 1), target, dtype=\"float32\")\ndef the_same_example():\n    while True:\n        yield one, (y, y, y)\nif steps:\n    model.fit(the_same_example(), steps_per_epoch=steps, verbose=0)  # one update per step\n\nlinear, sigmoid_mse, z = (keras.ops.convert_to_numpy(out)[0, 0] for out in model(one))\npredictions = np.array([linear, sigmoid_mse, 1 / (1 + np.exp(-z))])\nprint(\"predictions:\", predictions.tolist())  # linear + MSE, sigmoid + MSE, sigmoid + BCE\nprint(\"squared errors:\", ((predictions - target) ** 2).tolist())\n"
        ),
        format!(
            "import math\nimport torch\nimport torch.nn.functional as F\n\n{settings_line}\ny = torch.tensor(target, dtype=torch.float64)\nlogit0 = math.log(start / (1 - start))  # the z at which a sigmoid outputs `start`\n\ndef train(z0, loss):\n    z = torch.tensor(z0, dtype=torch.float64, requires_grad=True)  # one free output\n    optimizer = {torch_optimizer}\n    for _ in range(steps):\n        optimizer.zero_grad()\n        loss(z).backward()\n        optimizer.step()\n    return z.detach()\n\nlinear = train(start, lambda z: F.mse_loss(z, y))\nsigmoid_mse = torch.sigmoid(train(logit0, lambda z: F.mse_loss(torch.sigmoid(z), y)))\nsigmoid_bce = torch.sigmoid(train(logit0, lambda z: F.binary_cross_entropy_with_logits(z, y)))\npredictions = torch.stack([linear, sigmoid_mse, sigmoid_bce])\nprint(\"predictions:\", predictions.tolist())  # linear + MSE, sigmoid + MSE, sigmoid + BCE\nprint(\"squared errors:\", ((predictions - y) ** 2).tolist())\n"
        ),
        prints,
    );
    let torch_note = match optimizer {
        Optimizer::Sgd => "torch.optim.SGD makes the same update z ← z − lr·dL/dz.",
        Optimizer::Adam => "PyTorch's Adam adds ε to √v̂ where Keras adds it to √v; with these gradient sizes that changes nothing in the digits shown.",
    };
    vec![
        keras.with_note("The three losses add up to one training loss, but each weight only feeds its own output, so each set-up gets exactly its own gradient. Keras trains in float32, so the last digits can differ."),
        pytorch.with_note(torch_note),
    ]
}

/// The predictions after `steps` steps of Adam (Keras 3's), from the race's start: what the
/// lesson quotes next to the plain gradient-descent run.
pub fn adam_race(settings: RaceSettings, steps: usize) -> [f64; 3] {
    race_predictions(settings, Optimizer::Adam, steps)
}

fn image_start_line(start: ImageStart) -> &'static str {
    match start {
        ImageStart::Negative => {
            "start = 0.02 + 0.96 * (1 - target)  # every pixel starts at its negative"
        }
        ImageStart::MidGrey => "start = np.full((16, 16), 0.5)  # mid-grey everywhere",
    }
}

/// The lesson's 16 × 16 target image, built by the program itself.
const IMAGE_TARGET_CODE: &str = "yy, xx = np.mgrid[0:16, 0:16]\ntarget = 0.25 + 0.5 * yy / 15  # a ramp of greys\ntarget[(xx - 5) ** 2 + (yy - 5) ** 2 <= 10] = 1.0  # a white disc\ntarget[10:14, 9:14] = 0.0  # a black rectangle\n";

/// Step 4: every pixel's free output trained with each set-up; the table's numbers.
pub fn image_programs(start: ImageStart, lr: f64, steps: usize) -> Vec<Program> {
    let mut race = ImageRace::new(start, lr, IMAGE_STEPS.max(steps));
    race.advance(steps);
    let lr = race.learning_rate();
    let per_head = |f: &dyn Fn(Head) -> f64| Head::ALL.iter().map(|h| f(*h)).collect::<Vec<_>>();
    let prints = vec![
        Printed::same("mean squared errors", per_head(&|h| race.mse(h))),
        Printed::same(
            "mean on white pixels",
            per_head(&|h| race.mean_where_target(h, 1.0)),
        ),
        Printed::same(
            "mean on black pixels",
            per_head(&|h| race.mean_where_target(h, 0.0)),
        ),
    ];
    let head = format!(
        "{IMAGE_TARGET_CODE}{}\nlr, steps = {}, {steps}\nlogit0 = np.log(start / (1 - start))  # the z at which a sigmoid outputs `start`\n",
        image_start_line(start),
        py(lr)
    );
    let report = "white, black = target == 1.0, target == 0.0\nprint(\"mean squared errors:\", [float(np.mean((p - target) ** 2)) for p in predictions])  # linear + MSE, sigmoid + MSE, sigmoid + BCE\nprint(\"mean on white pixels:\", [float(p[white].mean()) for p in predictions])\nprint(\"mean on black pixels:\", [float(p[black].mean()) for p in predictions])\n";
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{head}\n# One weight per pixel: the input is a one-hot row per pixel, so each output z is its own weight.\npixels = np.eye(256, dtype=\"float32\")\ny = target.reshape(256, 1).astype(\"float32\")\nx = keras.Input((256,))\ndef free_outputs(z0, activation=None):\n    layer = keras.layers.Dense(1, use_bias=False, activation=activation)\n    out = layer(x)\n    layer.set_weights([z0.reshape(256, 1).astype(\"float32\")])\n    return out\nmodel = keras.Model(x, [free_outputs(start), free_outputs(logit0, \"sigmoid\"), free_outputs(logit0)])\n# reduction=\"sum\": each pixel gets its own gradient (a mean would divide it by 256)\nmodel.compile(\n    optimizer=keras.optimizers.SGD(learning_rate=lr),\n    loss=[\n        keras.losses.MeanSquaredError(reduction=\"sum\"),\n        keras.losses.MeanSquaredError(reduction=\"sum\"),\n        keras.losses.BinaryCrossentropy(from_logits=True, reduction=\"sum\"),\n    ],\n)\ndef the_whole_image():\n    while True:\n        yield pixels, (y, y, y)\nif steps:\n    model.fit(the_whole_image(), steps_per_epoch=steps, verbose=0)  # one update per step\n\nlinear, sigmoid_mse, z = (keras.ops.convert_to_numpy(out).reshape(16, 16) for out in model(pixels))\npredictions = [linear, sigmoid_mse, 1 / (1 + np.exp(-z))]\n{report}"
            ),
            prints.clone(),
        )
        .with_note("In the asker's model the last layer would be e.g. Conv2D(1, 3, padding=\"same\") (linear), the same with activation=\"sigmoid\", or linear with BinaryCrossentropy(from_logits=True) and a sigmoid applied to the predictions. Keras trains in float32, so the last digits can differ."),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\nimport torch.nn.functional as F\n\n{head}t = torch.tensor(target)\n\ndef train(z0, loss):\n    z = torch.tensor(z0, requires_grad=True)  # one free output per pixel (float64)\n    optimizer = torch.optim.SGD([z], lr=lr)\n    for _ in range(steps):\n        optimizer.zero_grad()\n        loss(z).sum().backward()  # a sum: each pixel gets its own gradient\n        optimizer.step()\n    return z.detach()\n\nlinear = train(start, lambda z: (z - t) ** 2)\nsigmoid_mse = torch.sigmoid(train(logit0, lambda z: (torch.sigmoid(z) - t) ** 2))\nsigmoid_bce = torch.sigmoid(train(logit0, lambda z: F.binary_cross_entropy_with_logits(z, t, reduction=\"none\")))\npredictions = [p.numpy(force=True) for p in (linear, sigmoid_mse, sigmoid_bce)]\n{report}"
            ),
            prints,
        )
        .with_note("reduction=\"none\" keeps one loss per pixel, so the sum gives each pixel its own gradient."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adam_escapes_where_plain_gradient_descent_crawls() {
        let sgd = race_predictions(RACE_START, Optimizer::Sgd, RACE_STEPS);
        let adam = adam_race(RACE_START, RACE_STEPS);
        // Plain gradient descent: sigmoid + MSE is still far off after 150 steps.
        assert!((sgd[1] - RACE_START.target).abs() > 0.4, "{sgd:?}");
        // Adam rescales each step to about the learning rate: it gets there too.
        assert!((adam[1] - RACE_START.target).abs() < 0.05, "{adam:?}");
        assert!((adam[2] - RACE_START.target).abs() < 0.05, "{adam:?}");
    }

    #[test]
    fn panels_carry_the_state() {
        let p = race_programs(RACE_START, Optimizer::Sgd, 37);
        assert!(p[0]
            .code
            .contains("target, start, lr, steps = 0.9, 0.05, 0.1, 37"));
        assert!(!p[0].code.contains(".numpy()"));
        let i = image_programs(ImageStart::MidGrey, 0.6, 3);
        assert!(i[1].code.contains("np.full((16, 16), 0.5)"));
        assert!(i[0].code.contains("lr, steps = 0.6, 3"));
    }
}
