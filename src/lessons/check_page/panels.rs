//! The recommended configuration as complete Keras 3 and PyTorch programs, filled with the
//! first rows the learner pasted, printing the loss and accuracy the page shows for them
//! (host-compiled, so the test command runs them in the real frameworks).

use super::examples::examples;
use crate::check::{check, diagnose, Diagnosis, Labels, LabelsKind, OutputsKind, Table, Task};
use crate::lessons::code::{py_rows, PanelSet, Printed, Program};
use crate::math;

/// How many rows the programs carry.
pub const FIRST_ROWS: usize = 8;

/// The page's panel set: the correct multi-class example by default; the seeds take the
/// double softmax, the multi-label model with a softmax head and the binary sigmoid model
/// (one per code path of the programs: logits, softmax and sigmoid probabilities, one output).
pub const PANELS: &[PanelSet] = &[PanelSet {
    page: "check",
    step: "",
    make: |seed| {
        let all = examples();
        let ex = &all[[0, 1, 3, 4][seed.map_or(0, |s| s as usize % 4)]];
        let o = check(&ex.outputs, &ex.labels);
        match (&o.outputs, &o.diagnosis) {
            (Some(t), Some(d)) => check_programs(t, o.labels.as_ref(), d),
            _ => Vec::new(),
        }
    },
}];

/// The first rows of a table.
fn head(t: &Table, n: usize) -> Table {
    let rows = t.rows.min(n);
    Table {
        rows,
        values: t.values[..rows * t.cols].to_vec(),
        ..t.clone()
    }
}

fn head_labels(l: &Labels, n: usize) -> Labels {
    match l {
        Labels::Indices(ix) => Labels::Indices(ix[..ix.len().min(n)].to_vec()),
        Labels::Rows { cols, values } => Labels::Rows {
            cols: *cols,
            values: values[..values.len().min(n * cols)].to_vec(),
        },
    }
}

fn rows_of(t: &Table) -> Vec<Vec<f64>> {
    t.row_iter().map(|r| r.to_vec()).collect()
}

/// The Keras layer and loss for a diagnosis, as code comments.
fn configuration(d: &Diagnosis, fl: bool) -> String {
    let c = d.classes;
    let (layer, loss) = match d.task.kind {
        Task::Binary => (
            "keras.layers.Dense(1)  # no activation: one logit per sample".to_string(),
            "keras.losses.BinaryCrossentropy(from_logits=True)",
        ),
        Task::MultiLabel => (
            format!("keras.layers.Dense({c})  # no activation: one logit per label"),
            "keras.losses.BinaryCrossentropy(from_logits=True)",
        ),
        Task::MultiClass => (
            format!("keras.layers.Dense({c})  # no activation: logits"),
            if d.labels.kind == LabelsKind::OneHot {
                "keras.losses.CategoricalCrossentropy(from_logits=True)"
            } else {
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
            },
        ),
    };
    let now = if fl {
        "# Your outputs are logits already: keep the last layer without an activation."
    } else {
        "# Your outputs are probabilities: the loss below uses them as they are\n# (from_logits=False). Safer still: drop the output activation and use"
    };
    format!(
        "{now}\n#   last layer: {layer}\n#   model.compile(loss={loss}, metrics=[\"accuracy\"])\n"
    )
}

/// The programs for a diagnosis: its recommended loss and accuracy on the first rows.
pub fn check_programs(outputs: &Table, labels: Option<&Labels>, d: &Diagnosis) -> Vec<Program> {
    let t = head(outputs, FIRST_ROWS);
    let Some(l) = labels.map(|l| head_labels(l, FIRST_ROWS)) else {
        return probability_programs(&t, d);
    };
    let sub = diagnose(&t, Some(&l));
    let Some(report) = sub.report.as_ref().filter(|_| d.report.is_some()) else {
        return Vec::new();
    };
    let fl = d.outputs.kind.are_logits();
    let binary = d.task.kind != Task::MultiClass;
    let loss_line = report.recommended().cloned();
    let Some(Ok(loss)) = loss_line.as_ref().map(|l| l.value.clone()) else {
        return Vec::new();
    };
    let loss_name = loss_line.map_or("loss", |l| l.name);
    let accuracy = &report.metrics[0];
    let Ok(acc) = accuracy.value.clone() else {
        return Vec::new();
    };
    let n = t.rows;
    let y_dense = l.dense(t.cols);
    let y_rows: Vec<Vec<f64>> = y_dense.chunks(t.cols).map(|r| r.to_vec()).collect();
    let sparse = d.labels.kind == LabelsKind::Sparse;
    let (y_py, y_torch) = if sparse {
        let ix = l.indices();
        let list = ix
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        (
            format!("np.array([{list}])"),
            format!("torch.tensor([{list}])"),
        )
    } else {
        (
            format!("np.array({}, dtype=\"float64\")", py_rows(&y_rows)),
            format!("torch.tensor({}, dtype=torch.float64)", py_rows(&y_rows)),
        )
    };
    let z = py_rows(&rows_of(&t));
    let what = if fl { "logits" } else { "probabilities" };
    let keras_loss = format!(
        "keras.losses.{loss_name}(y_true, y_pred{})",
        if fl { ", from_logits=True" } else { "" }
    );
    let keras_acc = match accuracy.name {
        "binary_accuracy" if fl => {
            "keras.metrics.binary_accuracy(y_true, y_pred, threshold=0.0)".to_string()
        }
        name => format!("keras.metrics.{name}(y_true, y_pred)"),
    };
    let keras = format!(
        "import contextlib\nimport numpy as np\nimport keras\n\n\
         # The first {n} rows you pasted: {what}, and their labels.\n\
         y_pred = np.array({z}, dtype=\"float64\")\ny_true = {y_py}\n\n{config}\n\
         float64 = contextlib.nullcontext()\nif keras.backend.backend() == \"jax\":  # JAX computes in float32 unless told otherwise\n    import jax\n    float64 = jax.enable_x64(True)\n\
         with float64:\n    # Keras' loss and metric functions give one value per sample: the mean is what fit() reports.\n    \
         print(\"{loss_name}:\", float(np.mean(keras.ops.convert_to_numpy({keras_loss}))))\n    \
         print(\"{acc_name}:\", float(np.mean(keras.ops.convert_to_numpy({keras_acc}))))\n",
        config = configuration(d, fl),
        acc_name = accuracy.name,
    );
    // PyTorch: its own losses, and its numbers.
    let p_rows = rows_of(&t);
    let (torch_loss_code, torch_loss, torch_note) = match (binary, fl) {
        (true, true) => (
            "F.binary_cross_entropy_with_logits(z, y)".to_string(),
            loss,
            "nn.BCEWithLogitsLoss: the same number as Keras with from_logits=True.",
        ),
        (true, false) => (
            "F.binary_cross_entropy(z, y)".to_string(),
            mean_rows(&p_rows, &y_rows, math::pytorch_binary_cross_entropy),
            "nn.BCELoss on probabilities: it clamps each log at −100 where Keras clips p to [1e−7, 1 − 1e−7], so saturated outputs give a larger number than Keras.",
        ),
        (false, true) => (
            "F.cross_entropy(z, y)".to_string(),
            loss,
            "nn.CrossEntropyLoss takes logits (and class indices or one-hot rows): the same number as Keras.",
        ),
        (false, false) => (
            "-(y_rows * torch.log((z / z.sum(dim=1, keepdim=True)).clamp(1e-7, 1 - 1e-7))).sum(dim=1).mean()"
                .to_string(),
            loss,
            "nn.CrossEntropyLoss wants logits: on probabilities it would softmax them again. This line writes out Keras' probability path (rescale, clip to [1e−7, 1 − 1e−7], log); better, drop the softmax from the model and use F.cross_entropy on the logits.",
        ),
    };
    let torch_acc_code = match (binary, fl) {
        (true, true) => "((z > 0).double() == y).double().mean()",
        (true, false) => "((z > 0.5).double() == y).double().mean()",
        (false, _) => "(z.argmax(dim=1) == y_rows.argmax(dim=1)).double().mean()",
    };
    let y_rows_line = if !binary {
        format!(
            "y_rows = torch.tensor({}, dtype=torch.float64)  # the labels as rows\n",
            py_rows(&y_rows)
        )
    } else {
        String::new()
    };
    let torch_y = if binary {
        format!("torch.tensor({}, dtype=torch.float64)", py_rows(&y_rows))
    } else {
        y_torch
    };
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\n\
         # The first {n} rows you pasted: {what}, and their labels.\n\
         z = torch.tensor({z}, dtype=torch.float64)\ny = {torch_y}\n{y_rows_line}\n\
         print(\"loss:\", ({torch_loss_code}).item())\n\
         print(\"accuracy:\", ({torch_acc_code}).item())\n"
    );
    vec![
        Program::keras(
            keras,
            vec![
                Printed::same(loss_name, vec![loss]),
                Printed::same(accuracy.name, vec![acc]),
            ],
        )
        .with_note(
            "The loss and accuracy Keras reports for these rows, in float64 as the page computes.",
        ),
        Program::pytorch(
            torch,
            vec![
                Printed::same("loss", vec![torch_loss]),
                Printed::same("accuracy", vec![acc]),
            ],
        )
        .with_note(torch_note),
    ]
}

fn mean_rows(
    p: &[Vec<f64>],
    y: &[Vec<f64>],
    f: fn(&[f64], &[f64]) -> Result<f64, math::MathError>,
) -> f64 {
    let n = p.len().max(1) as f64;
    p.iter()
        .zip(y)
        .map(|(p, y)| f(y, p).unwrap_or(f64::NAN))
        .sum::<f64>()
        / n
}

/// Without labels: the probabilities of the first rows (the output activation applied to
/// logits, or the probabilities as they are).
fn probability_programs(t: &Table, d: &Diagnosis) -> Vec<Program> {
    let rows = rows_of(t);
    let multi = d.task.kind == Task::MultiClass && t.cols > 1;
    let probs: Vec<f64> = match d.outputs.kind {
        OutputsKind::Logits if multi => rows.iter().flat_map(|r| math::softmax(r)).collect(),
        k if k.are_logits() => t.values.iter().map(|&v| math::sigmoid(v)).collect(),
        _ => t.values.clone(),
    };
    let (k_op, t_op) = match (d.outputs.kind.are_logits(), multi) {
        (false, _) => ("y_pred", "z"),
        (true, true) => (
            "keras.ops.softmax(y_pred, axis=-1)",
            "torch.softmax(z, dim=-1)",
        ),
        (true, false) => ("keras.ops.sigmoid(y_pred)", "torch.sigmoid(z)"),
    };
    let z = py_rows(&rows);
    let keras = format!(
        "import numpy as np\nimport keras\n\n# The first {n} rows you pasted (no labels yet).\n\
         y_pred = np.array({z}, dtype=\"float64\")\n\
         print(\"probabilities:\", keras.ops.convert_to_numpy({k_op}).ravel().tolist())\n",
        n = t.rows
    );
    let torch = format!(
        "import torch\n\n# The first {n} rows you pasted (no labels yet).\n\
         z = torch.tensor({z}, dtype=torch.float64)\n\
         print(\"probabilities:\", {t_op}.ravel().tolist())\n",
        n = t.rows
    );
    vec![
        Program::keras(keras, vec![Printed::same("probabilities", probs.clone())]),
        Program::pytorch(torch, vec![Printed::same("probabilities", probs)]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn every_example_has_two_programs_printing_the_page_numbers() {
        for (seed, example) in [(None, 0), (Some(1), 1), (Some(2), 3), (Some(3), 4)] {
            let ps = (PANELS[0].make)(seed);
            assert_eq!(ps.len(), 2, "{seed:?}");
            let all = examples();
            let ex = &all[example];
            let d = check(&ex.outputs, &ex.labels).diagnosis.unwrap();
            let r = d.report.unwrap();
            let loss = *r.recommended().unwrap().value.as_ref().unwrap();
            assert_eq!(ps[0].flat_on(Backends::JAX)[0], loss, "{seed:?}");
        }
    }

    #[test]
    fn without_labels_the_programs_print_probabilities() {
        let o = check("[[2.0, 0.0], [0.0, 1.0]]", "");
        let ps = check_programs(
            o.outputs.as_ref().unwrap(),
            None,
            o.diagnosis.as_ref().unwrap(),
        );
        let p = ps[0].flat_on(Backends::ALL);
        assert_eq!(p.len(), 4);
        assert!((p[0] - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-12);
    }
}
