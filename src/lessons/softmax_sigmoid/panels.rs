//! Lesson 2's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).

use super::tasks::{sigmoids, tempered};
use super::{ANIMALS, MOVIE_TARGET};
use crate::lessons::code::{
    logits_for, py, py_list, random_logits, snap, state_for, PanelSet, Printed, Program,
};
use crate::math;
use crate::playground::temperature_from_slider;

/// The logit charts of this lesson reach ±12 (drags snap to 0.01).
const RANGE: f64 = 12.0;
/// The drag step at that range.
const STEP: f64 = 0.01;

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "softmax-or-sigmoid",
        step: "two-heads",
        make: |seed| two_heads_programs(&logits_for(seed, &[1.0, -0.5, -1.0], RANGE, STEP)),
    },
    PanelSet {
        page: "softmax-or-sigmoid",
        step: "two-classes",
        make: |seed| two_classes_programs(&logits_for(seed, &[1.0, 0.0], RANGE, STEP)),
    },
    PanelSet {
        page: "softmax-or-sigmoid",
        step: "temperature",
        make: |seed| {
            let (z, t) = state_for(
                seed,
                || (vec![2.0, 1.0, 0.5], 1.0),
                |r| {
                    let z = random_logits(r, 3, RANGE, STEP);
                    (z, temperature_from_slider(r.below(1001) as f64))
                },
            );
            temperature_programs(&z, t)
        },
    },
    PanelSet {
        page: "softmax-or-sigmoid",
        step: "exclusive-or-not",
        make: |seed| {
            let (z, multi_label) = state_for(
                seed,
                || (vec![1.0, -0.5, 0.5], false),
                |r| {
                    let multi = r.below(2) == 1;
                    let mut z = random_logits(r, 3, RANGE, STEP);
                    if r.below(2) == 0 {
                        // Dragged to the edges: a confident wrong answer (the true class, or
                        // the action label, near −12; another class near +12).
                        z[if multi { 0 } else { 2 }] = snap(r.range(-RANGE, -10.0), STEP);
                        z[if multi { 2 } else { 0 }] = snap(r.range(10.0, RANGE), STEP);
                    }
                    (z, multi)
                },
            );
            exclusive_programs(&z, multi_label, 2)
        },
    },
    PanelSet {
        page: "softmax-or-sigmoid",
        step: "detection",
        make: |seed| detection_programs(&logits_for(seed, &[1.0, -1.0, -2.0], RANGE, STEP)),
    },
];

/// Step 1: the same logits through per-class sigmoids and through one softmax.
pub fn two_heads_programs(z: &[f64]) -> Vec<Program> {
    let (s, p) = (sigmoids(z), math::softmax(z));
    let prints = vec![
        Printed::same("sigmoid", s.clone()),
        Printed::same("softmax", p.clone()),
        Printed::same("sum of sigmoids", vec![s.iter().sum()]),
        Printed::same("sum of softmax", vec![p.iter().sum()]),
    ];
    Program::twins(
        format!(
            "import numpy as np\nimport keras\n\nz = np.array({}, dtype=\"float32\")  # the logits on screen\ns = keras.ops.sigmoid(z)  # one yes/no per class, each on its own\np = keras.ops.softmax(z)  # one distribution over the classes\nprint(\"sigmoid:\", keras.ops.convert_to_numpy(s))\nprint(\"softmax:\", keras.ops.convert_to_numpy(p))\nprint(\"sum of sigmoids:\", float(keras.ops.sum(s)))  # anywhere in (0, 3)\nprint(\"sum of softmax:\", float(keras.ops.sum(p)))  # always 1\n",
            py_list(z)
        ),
        format!(
            "import torch\n\nz = torch.tensor({})  # the logits on screen\ns = torch.sigmoid(z)  # one yes/no per class, each on its own\np = torch.softmax(z, dim=-1)  # one distribution over the classes\nprint(\"sigmoid:\", s.tolist())\nprint(\"softmax:\", p.tolist())\nprint(\"sum of sigmoids:\", s.sum().item())  # anywhere in (0, 3)\nprint(\"sum of softmax:\", p.sum().item())  # always 1\n",
            py_list(z)
        ),
        prints,
    )
    .into()
}

/// Step 2: a two-class softmax is the sigmoid of the logits' difference.
pub fn two_classes_programs(z: &[f64]) -> Vec<Program> {
    let p0 = math::softmax(z)[0];
    let s = math::sigmoid(z[0] - z[1]);
    let prints = vec![
        Printed::same("softmax, first class", vec![p0]),
        Printed::same("sigmoid of the gap", vec![s]),
    ];
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\nz = np.array({}, dtype=\"float32\")  # the two logits on screen\np = keras.ops.softmax(z)\nprint(\"softmax, first class:\", float(p[0]))\nprint(\"sigmoid of the gap:\", float(keras.ops.sigmoid(z[0] - z[1])))\n",
            py_list(z)
        ),
        format!(
            "import torch\n\nz = torch.tensor({})  # the two logits on screen\np = torch.softmax(z, dim=-1)\nprint(\"softmax, first class:\", p[0].item())\nprint(\"sigmoid of the gap:\", torch.sigmoid(z[0] - z[1]).item())\n",
            py_list(z)
        ),
        prints,
    );
    vec![
        keras.with_note("Keras' own documentation of sigmoid says the same: it equals a two-element softmax whose second element is 0."),
        pytorch,
    ]
}

/// Step 3: softmax of the logits divided by the temperature.
pub fn temperature_programs(z: &[f64], t: f64) -> Vec<Program> {
    let p = tempered(z, t);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\nz = np.array({}, dtype=\"float32\")  # the logits on screen\nT = {}  # the temperature\nprint(\"softmax of z / T:\", keras.ops.convert_to_numpy(keras.ops.softmax(z / T)))\n",
                py_list(z),
                py(t)
            ),
            vec![Printed::same("softmax of z / T", p.clone())],
        ),
        Program::pytorch(
            format!(
                "import torch\n\nz = torch.tensor({})  # the logits on screen\nT = {}  # the temperature\nprint(\"softmax of z / T:\", torch.softmax(z / T, dim=-1).tolist())\n",
                py_list(z),
                py(t)
            ),
            vec![Printed::same("softmax of z / T", p)],
        ),
    ]
}

/// σ(z) as float32 code computes it: 1 / (1 + e^(−z)), each step rounded to float32 (what
/// Keras' JAX and PyTorch backends and PyTorch give, to within the checker's tolerance).
fn sigmoid_f32(z: f64) -> f32 {
    let e = (-(z as f32) as f64).exp() as f32;
    1.0 / (1.0 + e)
}

/// Keras' binary cross-entropy on float32 probabilities: clip to [1e-7, 1 − 1e-7] (in
/// float32), then the mean of −[y ln p + (1 − y) ln(1 − p)]. Near p = 1, 1 − p keeps only
/// a few float32 digits: the "less stable" part.
pub fn bce_on_f32_probabilities(y: &[f64], p: &[f32]) -> f64 {
    let eps = 1e-7f32;
    let sum: f64 = y
        .iter()
        .zip(p)
        .map(|(&y, &p)| {
            let p = p.clamp(eps, 1.0 - eps);
            let q = 1.0 - p;
            -(y * (p as f64).ln() + (1.0 - y) * (q as f64).ln())
        })
        .sum();
    sum / y.len().max(1) as f64
}

/// PyTorch's `nn.BCELoss` on float32 probabilities: no clipping, each log floored at −100.
fn torch_bce_on_f32_probabilities(y: &[f64], p: &[f32]) -> f64 {
    let sum: f64 = y
        .iter()
        .zip(p)
        .map(|(&y, &p)| {
            let lp = (p as f64).ln().max(-100.0);
            let lq = ((1.0 - p) as f64).ln().max(-100.0);
            -(y * lp + (1.0 - y) * lq)
        })
        .sum();
    sum / y.len().max(1) as f64
}

/// Step 4: the loss that goes with each head, from logits and from probabilities.
pub fn exclusive_programs(z: &[f64], multi_label: bool, animal: usize) -> Vec<Program> {
    if multi_label {
        let y: Vec<f64> = MOVIE_TARGET
            .iter()
            .map(|b| if *b { 1.0 } else { 0.0 })
            .collect();
        let exact = math::binary_crossentropy(&y, z, true).unwrap_or(f64::NAN);
        let p32: Vec<f32> = z.iter().map(|v| sigmoid_f32(*v)).collect();
        let clipped = bce_on_f32_probabilities(&y, &p32);
        let torch_probs = torch_bce_on_f32_probabilities(&y, &p32);
        vec![
            keras_head_program(
                &y,
                "action, comedy, not romance",
                z,
                "BinaryCrossentropy",
                "sigmoid",
                [exact, clipped],
            )
            .with_note("On Keras' TensorFlow backend a sigmoid's output remembers its logits, and the loss uses them: from_logits=False is then exact. Plain probabilities, and the JAX and PyTorch backends, go through float32 probabilities clipped to [1e-7, 1 − 1e-7]: for a confident wrong label, 1 − σ(z) keeps only a few digits, and beyond |z| ≈ 16 the clip caps the loss."),
            Program::pytorch(
                format!(
                    "import torch\n\ny = torch.tensor([{}])  # action, comedy, not romance\nz = torch.tensor([{}])  # the logits on screen\n\nloss = torch.nn.BCEWithLogitsLoss()  # takes logits (input first, then target)\nprint(\"from logits:\", loss(z, y).item())\n\n# A model ending in sigmoid needs BCELoss, on float32 probabilities\nloss = torch.nn.BCELoss()\nprint(\"sigmoid output:\", loss(torch.sigmoid(z), y).item())\n",
                    py_list(&y),
                    py_list(z)
                ),
                vec![
                    Printed::same("from logits", vec![exact]),
                    Printed::same("sigmoid output", vec![torch_probs]),
                ],
            )
            .with_note("Both take the mean over the labels, like Keras. BCELoss does not clip: it floors each log at −100, so a label scored beyond |z| ≈ 17 (where σ rounds to 0 or 1 in float32) costs 100."),
        ]
    } else {
        let y: Vec<f64> = (0..ANIMALS.len())
            .map(|i| if i == animal { 1.0 } else { 0.0 })
            .collect();
        let exact = math::categorical_crossentropy(&y, z, true, 0.0).unwrap_or(f64::NAN);
        let clipped = math::keras_probability_path_cross_entropy(z, animal);
        vec![
            keras_head_program(
                &y,
                &format!("one-hot: the image shows a {}", ANIMALS[animal]),
                z,
                "CategoricalCrossentropy",
                "softmax",
                [exact, clipped],
            )
            .with_note("On Keras' TensorFlow backend a softmax's output remembers its logits, and the loss uses them: from_logits=False is then exact. Plain probabilities, and the JAX and PyTorch backends, are clipped to [1e-7, 1 − 1e-7]: the loss stops at −ln(1e-7) ≈ 16.12 however wrong the model is (push the true class's logit far below the others to see it)."),
            Program::pytorch(
                format!(
                    "import torch\n\nz = torch.tensor([{}])  # the logits on screen\ny = torch.tensor([{animal}])  # the class index: {}\n\nloss = torch.nn.CrossEntropyLoss()  # takes logits and the class index\nprint(\"from logits:\", loss(z, y).item())\n",
                    py_list(z),
                    ANIMALS[animal]
                ),
                vec![Printed::same("from logits", vec![exact])],
            )
            .with_note("CrossEntropyLoss only takes logits: a model for it ends in Dense/Linear with no softmax."),
        ]
    }
}

/// Step 4's Keras program for one head: the loss from logits, from the activation's output
/// and from plain probabilities. `losses` = [exact, clipped]: from logits the loss is exact;
/// on TensorFlow the activation's output still carries its logits (exact too), elsewhere it
/// and plain probabilities are clipped.
fn keras_head_program(
    y: &[f64],
    about_y: &str,
    z: &[f64],
    loss: &str,
    activation: &str,
    [exact, clipped]: [f64; 2],
) -> Program {
    Program::keras(
        format!(
            "import numpy as np\nimport keras\n\ny = np.array([{}], dtype=\"float32\")  # {about_y}\nz = np.array([{}], dtype=\"float32\")  # the logits on screen\n\n# Head Dense(3), no activation: the loss takes the logits\nloss = keras.losses.{loss}(from_logits=True)\nprint(\"from logits:\", float(loss(y, z)))\n\n# Head Dense(3, activation=\"{activation}\"): the loss gets probabilities\nloss = keras.losses.{loss}()  # from_logits=False\nprint(\"{activation} output:\", float(loss(y, keras.ops.{activation}(z))))\nprobs = keras.ops.convert_to_numpy(keras.ops.{activation}(z))  # plain numbers, as model.predict returns\nprint(\"plain probabilities:\", float(loss(y, probs)))\n",
            py_list(y),
            py_list(z)
        ),
        vec![
            Printed::same("from logits", vec![exact]),
            Printed::by_backend(format!("{activation} output"), vec![exact], vec![clipped]),
            Printed::same("plain probabilities", vec![clipped]),
        ],
    )
}

/// Step 5: one box's class scores through sigmoids and through a softmax.
pub fn detection_programs(z: &[f64]) -> Vec<Program> {
    let (s, p) = (sigmoids(z), math::softmax(z));
    let prints = vec![Printed::same("sigmoids", s), Printed::same("softmax", p)];
    Program::twins(
        format!(
            "import numpy as np\nimport keras\n\nz = np.array({}, dtype=\"float32\")  # one box: person, woman, car\nprint(\"sigmoids:\", keras.ops.convert_to_numpy(keras.ops.sigmoid(z)))  # labels may overlap\nprint(\"softmax:\", keras.ops.convert_to_numpy(keras.ops.softmax(z)))  # labels compete\n",
            py_list(z)
        ),
        format!(
            "import torch\n\nz = torch.tensor({})  # one box: person, woman, car\nprint(\"sigmoids:\", torch.sigmoid(z).tolist())  # labels may overlap\nprint(\"softmax:\", torch.softmax(z, dim=-1).tolist())  # labels compete\n",
            py_list(z)
        ),
        prints,
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn the_probability_path_depends_on_the_backend() {
        // Bird far below the others: TensorFlow recovers the logits, the rest clip at 16.12.
        let ps = exclusive_programs(&[12.0, 0.0, -12.0], false, 2);
        let tf = ps[0].flat_on(Backends::TENSORFLOW);
        let jax = ps[0].flat_on(Backends::JAX);
        assert!((tf[1] - tf[0]).abs() < 1e-12 && tf[0] > 24.0, "{tf:?}");
        assert!((jax[1] - 16.118).abs() < 1e-3, "{jax:?}");
        assert!(
            (tf[2] - 16.118).abs() < 1e-3,
            "plain probabilities clip everywhere"
        );
    }

    #[test]
    fn float32_probabilities_lose_digits_near_one() {
        // Romance (y = 0) scored 12: exactly 12.000006 from logits, about 11.99 in float32.
        let y = [0.0];
        let exact = math::binary_crossentropy(&y, &[12.0], true).unwrap();
        let f32_path = bce_on_f32_probabilities(&y, &[sigmoid_f32(12.0)]);
        assert!((exact - 12.000006).abs() < 1e-5);
        assert!((exact - f32_path).abs() > 1e-3, "{f32_path}");
        // z = −20, y = 1: 20 from logits, −ln(1e-7) ≈ 16.12 from clipped probabilities.
        let clipped = bce_on_f32_probabilities(&[1.0], &[sigmoid_f32(-20.0)]);
        assert!((clipped - 16.118).abs() < 1e-3, "{clipped}");
    }

    #[test]
    fn every_state_prints_finite_numbers() {
        for set in PANELS {
            for seed in [None, Some(1), Some(2), Some(3)] {
                for p in (set.make)(seed) {
                    for backend in [Backends::TENSORFLOW, Backends::JAX] {
                        assert!(p.flat_on(backend).iter().all(|v| v.is_finite()));
                    }
                }
            }
        }
    }
}
