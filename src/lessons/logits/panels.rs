//! Lesson 1's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).

use crate::lessons::code::{
    logits_for, py, py_list, random_logits, snap, state_for, PanelSet, Printed, Program,
};
use crate::math;
use crate::model::rng::Rng;

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "logits",
        step: "raw-scores",
        make: |seed| softmax_programs(&logits_for(seed, &[1.5, 0.5, -0.5, -1.0], 12.0, 0.01)),
    },
    PanelSet {
        page: "logits",
        step: "shift",
        make: |seed| {
            let (before, total) = state_for(
                seed,
                || (vec![2.0, 1.0, 0.5], 100.0),
                |r| {
                    // Button presses; the page refuses one that would push a logit past ±120.
                    let moves = [-10.0, -1.0, 1.0, 10.0, 100.0];
                    let before = random_logits(r, 3, 12.0, 0.1);
                    let mut total = 0.0;
                    for _ in 0..1 + r.below(3) {
                        let c = moves[r.below(5)];
                        if shift_fits(&shifted(&before, total), c) {
                            total += c;
                        }
                    }
                    (before, total)
                },
            );
            shift_programs(&before, &shifted(&before, total))
        },
    },
    PanelSet {
        page: "logits",
        step: "log-odds",
        make: |seed| {
            log_odds_programs(state_for(
                seed,
                || 0.5,
                |r| snap(r.range(0.001, 0.999), 0.001),
            ))
        },
    },
    PanelSet {
        page: "logits",
        step: "with-logits",
        make: |seed| {
            let (z, class) = state_for(
                seed,
                || (vec![2.0, 1.0, 0.5], 0),
                |r: &mut Rng| (random_logits(r, 3, 120.0, 0.1), r.below(3)),
            );
            with_logits_programs(&z, class)
        },
    },
    PanelSet {
        page: "logits",
        step: "double-softmax",
        make: |seed| double_softmax_programs(&logits_for(seed, &[2.0, 1.0, 0.5], 12.0, 0.01)),
    },
];

/// Whether adding `c` to every logit keeps them all on the chart (±120): the page refuses a
/// shift that would not, since a clamped logit would not move by the same amount.
pub fn shift_fits(z: &[f64], c: f64) -> bool {
    z.iter().all(|v| (v + c).abs() <= 120.0)
}

/// The logits after adding `total` to each (the chart stops at ±120).
pub fn shifted(before: &[f64], total: f64) -> Vec<f64> {
    before
        .iter()
        .map(|v| snap((v + total).clamp(-120.0, 120.0), 1e-9))
        .collect()
}

/// Step 1: softmax of the logits on screen.
pub fn softmax_programs(z: &[f64]) -> Vec<Program> {
    let p = math::softmax(z);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\nz = np.array({})  # the logits on screen\np = keras.ops.softmax(z)\nprint(\"softmax:\", keras.ops.convert_to_numpy(p))\n",
                py_list(z)
            ),
            vec![Printed::same("softmax", p.clone())],
        ),
        Program::pytorch(
            format!(
                "import torch\n\nz = torch.tensor({})  # the logits on screen\np = torch.softmax(z, dim=-1)\nprint(\"softmax:\", p.tolist())\n",
                py_list(z)
            ),
            vec![Printed::same("softmax", p)],
        ),
    ]
}

/// Step 2: softmax before and after adding the same number to every logit.
pub fn shift_programs(before: &[f64], after: &[f64]) -> Vec<Program> {
    let (p0, p1) = (math::softmax(before), math::softmax(after));
    let prints = vec![Printed::same("before", p0), Printed::same("after", p1)];
    Program::twins(
        format!(
            "import numpy as np\nimport keras\n\nbefore = np.array({})\nafter = np.array({})  # every logit moved by the same amount\nprint(\"before:\", keras.ops.convert_to_numpy(keras.ops.softmax(before)))\nprint(\"after:\", keras.ops.convert_to_numpy(keras.ops.softmax(after)))\n",
            py_list(before),
            py_list(after)
        ),
        format!(
            "import torch\n\nbefore = torch.tensor({}, dtype=torch.float64)\nafter = torch.tensor({}, dtype=torch.float64)  # every logit moved by the same amount\nprint(\"before:\", torch.softmax(before, dim=-1).tolist())\nprint(\"after:\", torch.softmax(after, dim=-1).tolist())\n",
            py_list(before),
            py_list(after)
        ),
        prints,
    )
    .into()
}

/// Step 3: the logit of a probability, and the sigmoid taking it back.
pub fn log_odds_programs(p: f64) -> Vec<Program> {
    let prints = vec![
        Printed::same("logit", vec![math::logit(p)]),
        Printed::same("sigmoid of it", vec![p]),
    ];
    let [keras, pytorch] = Program::twins(
        format!(
            "import keras\n\np = {}\nz = keras.ops.log(p) - keras.ops.log1p(-p)  # Keras 3 has no logit op\nprint(\"logit:\", float(z))\nprint(\"sigmoid of it:\", float(keras.ops.sigmoid(z)))\n",
            py(p)
        ),
        format!(
            "import torch\n\np = torch.tensor({}, dtype=torch.float64)\nz = torch.logit(p)\nprint(\"logit:\", z.item())\nprint(\"sigmoid of it:\", torch.sigmoid(z).item())\n",
            py(p)
        ),
        prints,
    );
    vec![
        keras.with_note("Keras has keras.ops.sigmoid but no logit: write it from log and log1p."),
        pytorch,
    ]
}

/// Step 4: the four ways to compute −ln pᵧ, as each framework offers them.
pub fn with_logits_programs(z: &[f64], class: usize) -> Vec<Program> {
    let exact = math::sparse_categorical_crossentropy(class, z, true).unwrap_or(f64::NAN);
    let clipped = math::keras_probability_path_cross_entropy(z, class);
    let naive = math::naive_cross_entropy_f32(z, class) as f64;
    let shifted = math::shifted_cross_entropy_f32(z, class) as f64;
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\nz = np.array([{}], dtype=\"float32\")  # one example's logits\ny = np.array([{class}])  # its true class\n\n# (d) from_logits=True: a fused log-softmax, exact for any logits\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nprint(\"d:\", float(loss(y, z)))\n\n# (c) from_logits=False on probabilities, as model.predict returns them\nprobs = keras.ops.convert_to_numpy(keras.ops.softmax(z))\nloss = keras.losses.SparseCategoricalCrossentropy()\nprint(\"c:\", float(loss(y, probs)))\n\n# (c) again, on a softmax's own output (what a model ending in softmax gives the loss in fit)\nprint(\"c on a softmax output:\", float(loss(y, keras.ops.softmax(z))))\n",
                py_list(z)
            ),
            vec![
                Printed::same("d", vec![exact]),
                Printed::same("c", vec![clipped]),
                Printed::by_backend("c on a softmax output", vec![exact], vec![clipped]),
            ],
        )
        .with_note("On Keras' TensorFlow backend a softmax's output remembers its logits, and the loss quietly uses them: path (c) becomes exact. NumPy probabilities, and the JAX and PyTorch backends, are clipped."),
        Program::pytorch(
            format!(
                "import torch\nimport torch.nn.functional as F\n\nz = torch.tensor([{}])  # float32, like Keras\ny = torch.tensor([{class}])\n\n# (a) exp, divide, log: overflows\nnaive = torch.exp(z) / torch.exp(z).sum()\nprint(\"a:\", F.nll_loss(torch.log(naive), y).item())\n# (b) max-shifted softmax, then log: underflows\nprint(\"b:\", F.nll_loss(torch.log(torch.softmax(z, dim=-1)), y).item())\n# (d) cross_entropy always takes logits: fused log-softmax\nprint(\"d:\", F.cross_entropy(z, y).item())\n",
                py_list(z)
            ),
            vec![
                Printed::same("a", vec![naive]),
                Printed::same("b", vec![shifted]),
                Printed::same("d", vec![exact]),
            ],
        )
        .with_note("PyTorch has no clipped probability path (c): its cross_entropy only takes logits."),
    ]
}

/// Step 5: the right loss, and the double-softmax bug on each kind of input.
pub fn double_softmax_programs(z: &[f64]) -> Vec<Program> {
    let right = math::sparse_categorical_crossentropy(0, z, true).unwrap_or(f64::NAN);
    let wrong =
        math::sparse_categorical_crossentropy(0, &math::softmax(z), true).unwrap_or(f64::NAN);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\ny = np.array([[1.0, 0.0, 0.0]])  # the true class is class 0\nloss = keras.losses.CategoricalCrossentropy(from_logits=True)\n\nprint(\"logits:\", float(loss(y, z)))  # right\n\n# The bug: the model already ends in a softmax.\nprobs = keras.ops.softmax(z)  # what such a model hands the loss inside fit()\nprint(\"softmax output:\", float(loss(y, probs)))\nprobs = keras.ops.convert_to_numpy(probs)  # what model.predict returns\nprint(\"predicted probabilities:\", float(loss(y, probs)))\n",
                py_list(z)
            ),
            vec![
                Printed::same("logits", vec![right]),
                Printed::by_backend("softmax output", vec![right], vec![wrong]),
                Printed::same("predicted probabilities", vec![wrong]),
            ],
        )
        .with_note("On the TensorFlow backend, Keras finds the logits behind a softmax output, warns (“received from_logits=True, but the output argument was produced by a Softmax activation”) and returns the right loss. On JAX and PyTorch, and on any NumPy probabilities, the second softmax happens silently."),
        Program::pytorch(
            format!(
                "import torch\nimport torch.nn.functional as F\n\nz = torch.tensor([{}])  # the logits on screen\ny = torch.tensor([0])  # the true class\n\nprint(\"logits:\", F.cross_entropy(z, y).item())  # right\nprobs = torch.softmax(z, dim=-1)  # a model that ends in softmax\nprint(\"softmax output:\", F.cross_entropy(probs, y).item())  # the bug\n",
                py_list(z)
            ),
            vec![
                Printed::same("logits", vec![right]),
                Printed::same("softmax output", vec![wrong]),
            ],
        )
        .with_note("cross_entropy (and CrossEntropyLoss) always applies log-softmax itself: a model ending in softmax feeds it probabilities as if they were logits, with no warning."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn the_double_softmax_story_depends_on_the_backend() {
        let ps = double_softmax_programs(&[2.0, 1.0, 0.5]);
        let tf = ps[0].flat_on(Backends::TENSORFLOW);
        let jax = ps[0].flat_on(Backends::JAX);
        assert!((tf[1] - 0.4644).abs() < 1e-4, "{tf:?}");
        assert!((jax[1] - 0.8267).abs() < 1e-4, "{jax:?}");
        assert!(
            (tf[2] - 0.8267).abs() < 1e-4,
            "NumPy probabilities: the bug everywhere"
        );
    }

    #[test]
    fn shifting_stops_at_the_edge() {
        assert_eq!(shifted(&[2.0, 1.0, 0.5], 100.0), vec![102.0, 101.0, 100.5]);
        assert!(shift_fits(&[2.0, 1.0, 0.5], 100.0));
        assert!(
            !shift_fits(&[102.0, 101.0, 100.5], 100.0),
            "+100 twice leaves the chart"
        );
        assert!(shift_fits(&[102.0, 101.0, 100.5], -10.0));
    }
}
