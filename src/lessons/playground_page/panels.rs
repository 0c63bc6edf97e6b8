//! The Playground's code panel: complete Keras 3 and PyTorch programs that carry its whole
//! state and print its probabilities and every loss of its loss table (host-compiled, so the
//! test command runs them in the real frameworks, on every Keras backend).

use crate::lessons::code::{py, py_list, random_logits, state_for, PanelSet, Printed, Program};
use crate::model::rng::Rng;
use crate::playground::{
    temperature_from_slider, Head, Labels, PlaygroundState, DEFAULT_RANGE, MAX_CLASSES, MIN_CLASSES,
};

/// The Playground's one panel set, for the checker.
pub const PANELS: &[PanelSet] = &[PanelSet {
    page: "playground",
    step: "",
    make: |seed| playground_programs(&state_for(seed, PlaygroundState::default, random_state)),
}];

/// The logit axes the page offers, with the step a drag moves a logit by on each.
const RANGES: [(f64, f64); 4] = [
    (DEFAULT_RANGE, 0.01),
    (30.0, 0.01),
    (120.0, 0.1),
    (1000.0, 1.0),
];

/// A state a learner can reach with the Playground's widgets.
fn random_state(r: &mut Rng) -> PlaygroundState {
    let n = MIN_CLASSES + r.below(MAX_CLASSES - MIN_CLASSES + 1);
    let (range, step) = RANGES[r.below(RANGES.len())];
    let logits = random_logits(r, n, range, step);
    let class = r.below(n);
    let labels = match r.below(3) {
        0 => Labels::OneHot(class),
        1 => Labels::Sparse(class),
        _ => Labels::MultiHot((0..n).map(|_| r.below(2) == 1).collect()),
    };
    let temperature = temperature_from_slider(r.below(1001) as f64);
    let head = if r.below(2) == 0 {
        Head::Softmax
    } else {
        Head::Sigmoid
    };
    PlaygroundState {
        logits,
        labels,
        temperature,
        head,
        range,
        up_close: 0,
    }
}

/// The label lines of both programs: the target row, and the class index when there is one.
fn label_comment(labels: &Labels) -> &'static str {
    match labels {
        Labels::OneHot(_) => "the true label, one-hot",
        Labels::Sparse(_) => "the true class as a row (the categorical losses need it so)",
        Labels::MultiHot(_) => "the true labels, multi-hot (any subset of classes)",
    }
}

/// The Playground: probabilities and every loss of the loss table for the current state.
pub fn playground_programs(state: &PlaygroundState) -> Vec<Program> {
    let n = state.numbers();
    let l = &n.losses;
    let single = state.single_class();
    let head_name = match state.head {
        Head::Softmax => "softmax",
        Head::Sigmoid => "sigmoid",
    };
    let output: Vec<f64> = n
        .rows
        .iter()
        .map(|r| match state.head {
            Head::Softmax => r.softmax,
            Head::Sigmoid => r.sigmoid,
        })
        .collect();
    let softmax: Vec<f64> = n.rows.iter().map(|r| r.softmax).collect();
    let sigmoid: Vec<f64> = n.rows.iter().map(|r| r.sigmoid).collect();

    // Keras: on the TensorFlow backend a loss that gets a softmax or sigmoid op's own output
    // uses the logits behind it (exact, and with from_logits=True it warns and does the same).
    let mut keras_prints = vec![
        Printed::same("output", output.clone()),
        Printed::same("softmax", softmax.clone()),
        Printed::same("sigmoid", sigmoid.clone()),
        Printed::same("binary from logits", vec![l.binary_from_logits]),
        Printed::by_backend(
            "binary from probabilities",
            vec![l.binary_from_logits],
            vec![l.binary_from_probs],
        ),
        Printed::same("categorical from logits", vec![l.categorical_from_logits]),
        Printed::by_backend(
            "categorical from probabilities",
            vec![l.categorical_from_logits],
            vec![l.categorical_from_probs],
        ),
    ];
    let mut torch_prints = vec![
        Printed::same("output", output),
        Printed::same("softmax", softmax),
        Printed::same("sigmoid", sigmoid),
        Printed::same("binary from logits", vec![l.binary_from_logits]),
        Printed::same("binary from probabilities", vec![l.binary_from_probs]),
        Printed::same("categorical from logits", vec![l.categorical_from_logits]),
        Printed::same(
            "categorical from probabilities",
            vec![l.categorical_from_probs],
        ),
    ];
    if let (Some(from_logits), Some(from_probs)) = (l.sparse_from_logits, l.sparse_from_probs) {
        keras_prints.push(Printed::same("sparse from logits", vec![from_logits]));
        keras_prints.push(Printed::by_backend(
            "sparse from probabilities",
            vec![from_logits],
            vec![from_probs],
        ));
        torch_prints.push(Printed::same("sparse from logits", vec![from_logits]));
        torch_prints.push(Printed::same("sparse from probabilities", vec![from_probs]));
    }
    keras_prints.push(Printed::by_backend(
        "double softmax",
        vec![l.categorical_from_logits],
        vec![l.categorical_double_softmax],
    ));
    torch_prints.push(Printed::same(
        "double softmax",
        vec![l.categorical_double_softmax],
    ));

    let target = state.target();
    let y_line = format!(
        "y = np.array([{}])  # {}",
        py_list(&target),
        label_comment(&state.labels)
    );
    let (keras_sparse, torch_sparse, torch_label) = match single {
        Some(c) => (
            format!("    label = np.array([{c}])  # the true class as an index\n    print(\"sparse from logits:\", float(keras.losses.sparse_categorical_crossentropy(label, scaled, from_logits=True)[0]))\n    print(\"sparse from probabilities:\", float(keras.losses.sparse_categorical_crossentropy(label, softmax)[0]))\n"),
            format!("label = torch.tensor([{c}])  # the true class as an index\nprint(\"sparse from logits:\", F.cross_entropy(scaled, label).item())\nprint(\"sparse from probabilities:\", -torch.log(q[0, {c}]).item())\n"),
            "",
        ),
        None => (
            "    # sparse_categorical_crossentropy needs exactly one true class: none here\n".to_string(),
            "# a sparse label (a class index) needs exactly one true class: none here\n".to_string(),
            "",
        ),
    };
    let keras = format!(
        "import contextlib\nimport numpy as np\nimport keras\n\nz = np.array([{z}])  # the logits on screen: one sample (float64)\nT = {t}  # the temperature\n{y_line}\nhead = \"{head_name}\"  # the output drawn on the chart\n\nfloat64 = contextlib.nullcontext()\nif keras.backend.backend() == \"jax\":  # JAX computes in float32 unless told otherwise\n    import jax\n    float64 = jax.enable_x64(True)\nwith float64:\n    scaled = z / T\n    softmax = keras.ops.softmax(scaled)\n    sigmoid = keras.ops.sigmoid(scaled)\n    output = softmax if head == \"softmax\" else sigmoid\n    print(\"output:\", keras.ops.convert_to_numpy(output)[0].tolist())\n    print(\"softmax:\", keras.ops.convert_to_numpy(softmax)[0].tolist())\n    print(\"sigmoid:\", keras.ops.convert_to_numpy(sigmoid)[0].tolist())\n\n    # Each loss returns one value per sample: [0] takes our one sample.\n    print(\"binary from logits:\", float(keras.losses.binary_crossentropy(y, scaled, from_logits=True)[0]))\n    print(\"binary from probabilities:\", float(keras.losses.binary_crossentropy(y, sigmoid)[0]))\n    print(\"categorical from logits:\", float(keras.losses.categorical_crossentropy(y, scaled, from_logits=True)[0]))\n    print(\"categorical from probabilities:\", float(keras.losses.categorical_crossentropy(y, softmax)[0]))\n{keras_sparse}    # The mistake: a softmax output passed as if it were logits.\n    print(\"double softmax:\", float(keras.losses.categorical_crossentropy(y, softmax, from_logits=True)[0]))\n",
        z = py_list(&state.logits),
        t = py(state.temperature),
    );
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\nz = torch.tensor([{z}], dtype=torch.float64)  # the logits on screen: one sample\nT = {t}  # the temperature\ny = torch.tensor([{y}], dtype=torch.float64)  # {label_comment}\nhead = \"{head_name}\"  # the output drawn on the chart\n{torch_label}\nscaled = z / T\nsoftmax = torch.softmax(scaled, dim=-1)\nsigmoid = torch.sigmoid(scaled)\noutput = softmax if head == \"softmax\" else sigmoid\nprint(\"output:\", output[0].tolist())\nprint(\"softmax:\", softmax[0].tolist())\nprint(\"sigmoid:\", sigmoid[0].tolist())\n\n# PyTorch's losses take logits; Keras' probability path (clip to [1e-7, 1 - 1e-7]) written out:\neps = 1e-7\np = sigmoid.clamp(eps, 1 - eps)\nq = (softmax / softmax.sum(dim=-1, keepdim=True)).clamp(eps, 1 - eps)\nprint(\"binary from logits:\", F.binary_cross_entropy_with_logits(scaled, y).item())\nprint(\"binary from probabilities:\", (-(y * torch.log(p) + (1 - y) * torch.log(1 - p))).mean().item())\nprint(\"categorical from logits:\", F.cross_entropy(scaled, y).item())  # y as class probabilities\nprint(\"categorical from probabilities:\", -(y * torch.log(q)).sum().item())\n{torch_sparse}# The mistake: a softmax output passed as if it were logits.\nprint(\"double softmax:\", F.cross_entropy(softmax, y).item())\n",
        z = py_list(&state.logits),
        t = py(state.temperature),
        y = py_list(&target),
        label_comment = label_comment(&state.labels),
    );
    vec![
        Program::keras(keras, keras_prints).with_note(
            "Float64, as the page computes. The probability losses get Keras' own softmax and sigmoid outputs: on the TensorFlow backend Keras finds the logits behind them and computes the exact loss (and for the double softmax it warns and does the same). On the JAX and PyTorch backends, and for NumPy probabilities, it clips them to [1e−7, 1 − 1e−7] and applies the second softmax silently, as the table shows.",
        ),
        Program::pytorch(torch, torch_prints).with_note(
            "PyTorch has no probability path like Keras' from_logits=False: its cross_entropy always takes logits, and nn.BCELoss clamps each log at −100 instead of clipping p. So the program writes Keras' clipped path in plain torch ops (clamp, log, mean or sum). cross_entropy with a float y treats it as class probabilities, which is Keras' categorical loss.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn the_default_state_prints_the_loss_table() {
        let ps = playground_programs(&PlaygroundState::default());
        let n = PlaygroundState::default().numbers();
        let jax = ps[0].flat_on(Backends::JAX);
        // output (3) + softmax (3) + sigmoid (3), then the losses.
        assert_eq!(jax.len(), 9 + 7);
        assert_eq!(jax[9], n.losses.binary_from_logits);
        assert_eq!(*jax.last().unwrap(), n.losses.categorical_double_softmax);
        let tf = ps[0].flat_on(Backends::TENSORFLOW);
        assert_eq!(*tf.last().unwrap(), n.losses.categorical_from_logits);
    }

    #[test]
    fn multi_hot_labels_have_no_sparse_loss() {
        let state = PlaygroundState {
            labels: Labels::MultiHot(vec![true, false, true]),
            head: Head::Sigmoid,
            ..PlaygroundState::default()
        };
        let ps = playground_programs(&state);
        assert!(ps
            .iter()
            .all(|p| p.prints.iter().all(|l| !l.label.starts_with("sparse"))));
        assert!(ps[1].code.contains("head = \"sigmoid\""));
    }
}
