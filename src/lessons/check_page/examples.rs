//! The page's five examples, printed as NumPy and PyTorch print them: a correct multi-class
//! model, a double softmax, probabilities meant for `from_logits=True`, a multi-label model
//! with a softmax head and a binary model with one sigmoid.

use crate::math::{sigmoid, softmax};

/// One example: the text for both textareas.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Test id suffix and key: `example-<id>`.
    pub id: &'static str,
    /// The button's text.
    pub label: &'static str,
    /// What the model printed.
    pub outputs: String,
    /// The labels.
    pub labels: String,
}

/// The logits behind the multi-class examples: six samples, three classes.
const LOGITS: [[f64; 3]; 6] = [
    [2.1, -0.3, 0.5],
    [-1.2, 0.4, 2.8],
    [0.3, 1.9, -0.7],
    [1.5, 0.2, -1.1],
    [-0.4, 2.6, 0.1],
    [0.2, -0.9, 1.7],
];
/// Their classes.
const CLASSES: [usize; 6] = [0, 2, 1, 0, 1, 2];

/// A number as NumPy prints a float32: the shortest digits that read back as the same
/// float32, and a trailing point for whole numbers (`1.`).
pub fn numpy_number(x: f64) -> String {
    let s = format!("{}", x as f32);
    if s.contains(['.', 'e', 'N', 'i']) {
        s
    } else {
        format!("{s}.")
    }
}

/// Rows printed as a framework does: each number by `number`, `[a, b]` rows joined by
/// `sep` (numbers joined by `between`).
fn rows_repr(
    rows: &[Vec<f64>],
    number: impl Fn(f64) -> String,
    between: &str,
    sep: &str,
) -> String {
    let row = |r: &Vec<f64>| {
        let cells: Vec<String> = r.iter().map(|&v| number(v)).collect();
        format!("[{}]", cells.join(between))
    };
    rows.iter().map(row).collect::<Vec<_>>().join(sep)
}

/// `array([[...], ...], dtype=float32)` as `model.predict` prints it.
pub fn numpy_repr(rows: &[Vec<f64>]) -> String {
    let body = rows_repr(
        rows,
        |v| format!("{:>10}", numpy_number(v)),
        ",",
        ",\n       ",
    );
    format!("array([{body}], dtype=float32)")
}

/// A PyTorch tensor with 4 decimals, as `print(logits)` shows it.
pub fn torch_repr(rows: &[Vec<f64>], grad_fn: &str) -> String {
    let body = rows_repr(rows, |v| format!("{v:>7.4}"), ", ", ",\n        ");
    format!("tensor([{body}], grad_fn=<{grad_fn}>)")
}

fn logits() -> Vec<Vec<f64>> {
    LOGITS.iter().map(|r| r.to_vec()).collect()
}

fn one_hot(classes: &[usize], c: usize) -> String {
    let rows: Vec<String> = classes
        .iter()
        .map(|&k| {
            let r: Vec<&str> = (0..c).map(|i| if i == k { "1" } else { "0" }).collect();
            format!("[{}]", r.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(",\n "))
}

fn indices(classes: &[usize]) -> String {
    classes
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every example, in the order of the buttons.
pub fn examples() -> Vec<Example> {
    let probs: Vec<Vec<f64>> = logits().iter().map(|r| softmax(r)).collect();
    let twice: Vec<Vec<f64>> = probs.iter().map(|r| softmax(r)).collect();
    // Multi-label: four tags, several true per sample, through a softmax head.
    let tag_logits: [[f64; 4]; 5] = [
        [2.0, 1.8, -1.0, -0.5],
        [-0.3, 2.2, 2.0, -1.5],
        [1.2, -0.8, -0.2, 1.9],
        [-1.0, -0.6, 2.4, 0.3],
        [1.6, 1.4, 1.1, -2.0],
    ];
    let tag_probs: Vec<Vec<f64>> = tag_logits.iter().map(|r| softmax(r)).collect();
    let binary_logits = [2.6, -2.4, 0.9, -0.6, 2.0, -2.0, 1.1, -0.3];
    let binary: Vec<Vec<f64>> = binary_logits.iter().map(|&z| vec![sigmoid(z)]).collect();
    vec![
        Example {
            id: "correct",
            label: "A correct multi-class model",
            outputs: torch_repr(&logits(), "AddmmBackward0"),
            labels: format!("tensor([{}])", indices(&CLASSES)),
        },
        Example {
            id: "double-softmax",
            label: "A double softmax",
            outputs: numpy_repr(&twice),
            labels: one_hot(&CLASSES, 3),
        },
        Example {
            id: "from-logits",
            label: "Probabilities passed with from_logits=True",
            outputs: numpy_repr(&probs),
            labels: format!("array([{}])", indices(&CLASSES)),
        },
        Example {
            id: "softmax-multi-label",
            label: "A multi-label model with a softmax head",
            outputs: numpy_repr(&tag_probs),
            labels: "1 1 0 0\n0 1 1 0\n1 0 0 1\n0 0 1 0\n1 1 1 0".into(),
        },
        Example {
            id: "binary-sigmoid",
            label: "A binary model with one sigmoid",
            outputs: numpy_repr(&binary),
            labels: "1, 0, 1, 1, 1, 0, 0, 0".into(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;

    #[test]
    fn every_example_gets_its_diagnosis() {
        let expect = [
            ("correct", "logits", "sparse", "multi-class", vec![]),
            (
                "double-softmax",
                "softmax-probabilities",
                "one-hot",
                "multi-class",
                vec!["double-softmax", "probabilities-passed-as-logits"],
            ),
            (
                "from-logits",
                "softmax-probabilities",
                "sparse",
                "multi-class",
                vec!["probabilities-passed-as-logits"],
            ),
            (
                "softmax-multi-label",
                "softmax-probabilities",
                "multi-hot",
                "multi-label",
                vec![
                    "softmax-on-multi-label",
                    "probabilities-passed-as-logits",
                    "cce-on-multi-hot",
                ],
            ),
            (
                "binary-sigmoid",
                "binary-probabilities",
                "binary",
                "binary",
                vec!["probabilities-passed-as-logits"],
            ),
        ];
        for (ex, (id, o, l, t, w)) in examples().iter().zip(expect) {
            assert_eq!(ex.id, id);
            let out = check(&ex.outputs, &ex.labels);
            let d = out
                .diagnosis
                .unwrap_or_else(|| panic!("{id}: {:?}", out.outputs_error));
            assert_eq!(out.labels_error, None, "{id}");
            assert_eq!(
                (d.outputs.kind.id(), d.labels.kind.id(), d.task.kind.id()),
                (o, l, t),
                "{id}"
            );
            let codes: Vec<&str> = d.warnings.iter().map(|w| w.code).collect();
            assert_eq!(codes, w, "{id}");
            assert!(d.report.is_some(), "{id}");
        }
    }

    #[test]
    fn printing_matches_the_frameworks() {
        assert_eq!(numpy_number(0.5), "0.5");
        assert_eq!(numpy_number(1.0), "1.");
        assert!(torch_repr(&[vec![2.1, -0.3]], "AddmmBackward0")
            .starts_with("tensor([[ 2.1000, -0.3000]]"));
    }
}
