//! What the pasted numbers are (logits or probabilities, which labels, which task), each
//! with a one-line reason, and the mistakes the numbers themselves show.

use super::labels::Labels;
use super::parse::Table;
use super::report::{diagnose_finish, report_step, start_report, Report};
use crate::format::format4;

/// What the model's outputs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputsKind {
    /// Raw scores, several per sample.
    Logits,
    /// Rows of probabilities that sum to 1.
    SoftmaxProbabilities,
    /// Probabilities in [0, 1] whose rows do not sum to 1.
    SigmoidProbabilities,
    /// One raw score per sample.
    BinaryLogits,
    /// One probability per sample.
    BinaryProbabilities,
}

impl OutputsKind {
    /// The page's name for it (`data-outputs`).
    pub fn id(self) -> &'static str {
        match self {
            OutputsKind::Logits => "logits",
            OutputsKind::SoftmaxProbabilities => "softmax-probabilities",
            OutputsKind::SigmoidProbabilities => "sigmoid-probabilities",
            OutputsKind::BinaryLogits => "binary-logits",
            OutputsKind::BinaryProbabilities => "binary-probabilities",
        }
    }

    /// Whether these are logits (a loss needs `from_logits=True`).
    pub fn are_logits(self) -> bool {
        matches!(self, OutputsKind::Logits | OutputsKind::BinaryLogits)
    }
}

/// What the labels are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelsKind {
    /// One class index per sample.
    Sparse,
    /// One row per sample with a single 1.
    OneHot,
    /// One row per sample with any number of 1s.
    MultiHot,
    /// 0 or 1 per sample.
    Binary,
    /// No labels pasted.
    None,
}

impl LabelsKind {
    /// The page's name for it (`data-labels`).
    pub fn id(self) -> &'static str {
        match self {
            LabelsKind::Sparse => "sparse",
            LabelsKind::OneHot => "one-hot",
            LabelsKind::MultiHot => "multi-hot",
            LabelsKind::Binary => "binary",
            LabelsKind::None => "none",
        }
    }
}

/// The task the numbers belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Exactly one class per sample.
    MultiClass,
    /// Any subset of classes per sample.
    MultiLabel,
    /// Yes or no per sample.
    Binary,
}

impl Task {
    /// The page's name for it (`data-task`).
    pub fn id(self) -> &'static str {
        match self {
            Task::MultiClass => "multi-class",
            Task::MultiLabel => "multi-label",
            Task::Binary => "binary",
        }
    }
}

/// How sure a warning is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The numbers themselves show the mistake.
    Mistake,
    /// A mistake these numbers invite: check your code for it.
    Check,
}

/// One mistake the page can see, with its code (`data-code`) and the learner's message.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// `double-softmax`, `non-finite`, ...
    pub code: &'static str,
    /// Seen in the numbers, or to check in the code.
    pub severity: Severity,
    /// What it is and what to do.
    pub message: String,
}

/// A finding and the one-line reason for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading<T> {
    /// What was found.
    pub kind: T,
    /// Why, in one line.
    pub reason: String,
}

/// Everything the page says about a pair of pastes.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    /// Samples (rows of the outputs).
    pub samples: usize,
    /// Classes (columns of the outputs; 1 for a binary output).
    pub classes: usize,
    /// What the outputs are.
    pub outputs: Reading<OutputsKind>,
    /// What the labels are.
    pub labels: Reading<LabelsKind>,
    /// The task.
    pub task: Reading<Task>,
    /// Mistakes seen or invited.
    pub warnings: Vec<Warning>,
    /// Every number Keras would report, when labels fit the outputs and all are finite.
    pub report: Option<Report>,
}

/// The most a softmax of probabilities can put on one of `c` classes: e/(e + c − 1).
pub fn double_softmax_ceiling(c: usize) -> f64 {
    let e = std::f64::consts::E;
    e / (e + c as f64 - 1.0)
}

/// "row 3, column 2" (1-based), or "sample 3" for one number per sample.
pub fn place(t: &Table, index: usize) -> String {
    if t.cols == 1 {
        format!("sample {}", index + 1)
    } else {
        format!("row {}, column {}", index / t.cols + 1, index % t.cols + 1)
    }
}

/// Places as a short list: the first five and how many more.
fn places(t: &Table, found: &[usize]) -> String {
    let shown: Vec<String> = found.iter().take(5).map(|&i| place(t, i)).collect();
    let more = found.len().saturating_sub(5);
    if more > 0 {
        format!("{} and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

/// What the outputs are, and why.
fn read_outputs(t: &Table) -> Reading<OutputsKind> {
    let finite = || t.values.iter().filter(|v| v.is_finite());
    let in_unit = finite().all(|v| (0.0..=1.0).contains(v));
    let (lo, hi) = finite().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
        (lo.min(v), hi.max(v))
    });
    let range = format!("values run from {} to {}", format4(lo), format4(hi));
    if t.cols == 1 {
        return if in_unit {
            Reading {
                kind: OutputsKind::BinaryProbabilities,
                reason: format!(
                    "one number per sample, all in [0, 1] ({range}): a sigmoid's output"
                ),
            }
        } else {
            Reading {
                kind: OutputsKind::BinaryLogits,
                reason: format!("one number per sample, some outside [0, 1] ({range}): raw scores"),
            }
        };
    }
    if !in_unit {
        return Reading {
            kind: OutputsKind::Logits,
            reason: format!(
                "{range}, outside [0, 1]: no probability does that, so these are logits"
            ),
        };
    }
    let tol = sum_tolerance(t);
    let worst = t
        .row_iter()
        .enumerate()
        .filter(|(_, r)| r.iter().all(|v| v.is_finite()))
        .map(|(i, r)| (i, r.iter().sum::<f64>()))
        .max_by(|a, b| (a.1 - 1.0).abs().total_cmp(&(b.1 - 1.0).abs()));
    match worst {
        Some((i, s)) if (s - 1.0).abs() > tol => Reading {
            kind: OutputsKind::SigmoidProbabilities,
            reason: format!(
                "all values lie in [0, 1] but rows do not sum to 1 (row {} sums to {}): \
                 independent sigmoid probabilities",
                i + 1,
                format4(s)
            ),
        },
        _ => Reading {
            kind: OutputsKind::SoftmaxProbabilities,
            reason: format!(
                "every row sums to 1 within {} and all values lie in [0, 1]: a softmax's output",
                crate::format::format_sig(tol, 2).replace('−', "-")
            ),
        },
    }
}

/// How far from 1 a printed softmax row may sum: 1e-6, or the rounding of its printed digits.
pub fn sum_tolerance(t: &Table) -> f64 {
    // Four or more decimals look like a framework's fixed-precision print (PyTorch prints 4):
    // each of C numbers may be off by half a unit. Fewer digits were typed: take them as exact.
    if t.half_ulp <= 5e-5 * 1.000_001 {
        (t.cols as f64 * t.half_ulp * 1.01).max(1e-6)
    } else {
        1e-6
    }
}

/// What the labels are, and why (before checking that they fit the outputs).
fn read_labels(outputs: &Table, labels: Option<&Labels>) -> Reading<LabelsKind> {
    match labels {
        None => Reading {
            kind: LabelsKind::None,
            reason: "no labels pasted: paste them to see losses and metrics".into(),
        },
        Some(Labels::Indices(ix)) if outputs.cols == 1 => Reading {
            kind: LabelsKind::Binary,
            reason: format!(
                "{} numbers, one per sample, for one output each: 0 or 1",
                ix.len()
            ),
        },
        Some(Labels::Indices(ix)) => Reading {
            kind: LabelsKind::Sparse,
            reason: format!("{} whole numbers, one per sample: class indices", ix.len()),
        },
        Some(Labels::Rows { cols, values }) => {
            let rows = values.chunks(*cols);
            let multi = rows.clone().position(|r| r.iter().sum::<f64>() != 1.0);
            match multi {
                None => Reading {
                    kind: LabelsKind::OneHot,
                    reason: format!("rows of 0 and 1 with exactly one 1 each ({cols} columns)"),
                },
                Some(i) => Reading {
                    kind: LabelsKind::MultiHot,
                    reason: format!(
                        "rows of 0 and 1, and row {} has {} ones: any number of true labels per sample",
                        i + 1,
                        values[i * cols..(i + 1) * cols].iter().sum::<f64>()
                    ),
                },
            }
        }
    }
}

fn read_task(outputs: &Reading<OutputsKind>, labels: &Reading<LabelsKind>) -> Reading<Task> {
    let (kind, reason) = match (outputs.kind, labels.kind) {
        (OutputsKind::BinaryLogits | OutputsKind::BinaryProbabilities, _) => {
            (Task::Binary, "one output per sample: a yes-or-no question")
        }
        (_, LabelsKind::MultiHot) => (
            Task::MultiLabel,
            "the labels give some samples several true classes",
        ),
        (_, LabelsKind::Sparse | LabelsKind::OneHot | LabelsKind::Binary) => (
            Task::MultiClass,
            "the labels give every sample exactly one class",
        ),
        (OutputsKind::SigmoidProbabilities, LabelsKind::None) => (
            Task::MultiLabel,
            "independent probabilities per class, and no labels to say otherwise",
        ),
        (OutputsKind::SoftmaxProbabilities, LabelsKind::None) => (
            Task::MultiClass,
            "one distribution over the classes per sample, and no labels to say otherwise",
        ),
        (OutputsKind::Logits, LabelsKind::None) => (
            Task::MultiClass,
            "logits alone cannot tell: assuming one class per sample (paste labels to be sure)",
        ),
    };
    Reading {
        kind,
        reason: reason.into(),
    }
}

/// Reads the outputs (and labels, if any) and says what they are and what is wrong.
pub fn diagnose(outputs: &Table, labels: Option<&Labels>) -> Diagnosis {
    let mut d = diagnose_start(outputs, labels);
    let task = d.task.kind;
    if let (Some(r), Some(l)) = (d.report.as_mut(), labels) {
        while !report_step(r, outputs, l, task, usize::MAX) {}
    }
    diagnose_finish(&mut d);
    d
}

/// The diagnosis without its numbers: the kinds, the warnings the numbers show, and the
/// report laid out but not computed (run [`report_step`] on it, then [`diagnose_finish`]).
pub fn diagnose_start(outputs: &Table, labels: Option<&Labels>) -> Diagnosis {
    let out = read_outputs(outputs);
    let lab = read_labels(outputs, labels);
    let task = read_task(&out, &lab);
    let mut warnings = Vec::new();
    let c = outputs.cols;

    let bad: Vec<usize> = (0..outputs.values.len())
        .filter(|&i| !outputs.values[i].is_finite())
        .collect();
    if !bad.is_empty() {
        warnings.push(Warning {
            code: "non-finite",
            severity: Severity::Mistake,
            message: format!(
                "{} value(s) are NaN or infinite ({}): the model or its input diverged. Losses \
                 and metrics are not computed. Look for a too-high learning rate, a log or \
                 division by 0 before the output, or unscaled inputs.",
                bad.len(),
                places(outputs, &bad)
            ),
        });
    }

    if out.kind == OutputsKind::SoftmaxProbabilities && c >= 2 {
        let ceiling = double_softmax_ceiling(c);
        let top = outputs
            .row_iter()
            .map(|r| r.iter().copied().fold(f64::NEG_INFINITY, f64::max))
            .fold(f64::NEG_INFINITY, f64::max);
        if top <= ceiling + sum_tolerance(outputs) {
            warnings.push(Warning {
                code: "double-softmax",
                severity: Severity::Mistake,
                message: format!(
                    "No row's largest probability exceeds e/(e + C − 1) = {} for C = {c}: that \
                     is the most a softmax can give when its inputs are probabilities (the largest \
                     here is {}). Softmax is applied twice: the model ends in a softmax and \
                     something applies another (a second activation, or a loss with \
                     from_logits=True). Keep one: output logits and use from_logits=True.",
                    format4(ceiling),
                    format4(top)
                ),
            });
        }
    }

    if !out.kind.are_logits() {
        let saturated: Vec<usize> = (0..outputs.values.len())
            .filter(|&i| {
                let v = outputs.values[i] as f32;
                v == 0.0 || v == 1.0
            })
            .collect();
        if !saturated.is_empty() {
            warnings.push(Warning {
                code: "saturated",
                severity: Severity::Mistake,
                message: format!(
                    "{} probabilities are exactly 0 or 1 in float32 ({}). Keras clips them to \
                     [1e-7, 1 − 1e-7], so a confident wrong answer costs at most −ln(1e-7) = \
                     16.12 and its gradient is 0: the model stops learning from it. Output \
                     logits (no activation on the last layer) and use from_logits=True.",
                    saturated.len(),
                    places(outputs, &saturated)
                ),
            });
        }
    }

    let fit = labels.and_then(|l| check_fit(outputs, l, &lab, &mut warnings));

    if lab.kind == LabelsKind::MultiHot && out.kind == OutputsKind::SoftmaxProbabilities {
        warnings.push(Warning {
            code: "softmax-on-multi-label",
            severity: Severity::Mistake,
            message: "The labels are multi-hot, but every output row sums to 1: a softmax \
                      makes the classes compete, so two true classes can never both get a high \
                      probability. Use a sigmoid per class (Dense(C, activation=\"sigmoid\"), or \
                      logits with binary_crossentropy(from_logits=True))."
                .into(),
        });
    }

    let rep = if bad.is_empty() && fit.is_some() {
        labels.map(|l| start_report(outputs, l, out.kind, lab.kind, task.kind))
    } else {
        None
    };
    Diagnosis {
        samples: outputs.rows,
        classes: c,
        outputs: out,
        labels: lab,
        task,
        warnings,
        report: rep,
    }
}

/// Whether the labels fit the outputs (count, width, range); adds the warnings if not.
fn check_fit(
    outputs: &Table,
    labels: &Labels,
    lab: &Reading<LabelsKind>,
    warnings: &mut Vec<Warning>,
) -> Option<()> {
    let c = outputs.cols;
    let n = labels.samples();
    if n != outputs.rows {
        warnings.push(Warning {
            code: "shape-mismatch",
            severity: Severity::Mistake,
            message: format!(
                "There are {} output rows but {n} labels: each sample needs one label (or one \
                 label row). Paste the labels of the same samples, in the same order.",
                outputs.rows
            ),
        });
        return None;
    }
    match labels {
        Labels::Rows { cols, .. } if *cols != c => {
            let hint = if c == 1 {
                "a single output per sample takes one 0/1 label per sample".to_string()
            } else {
                format!("the model has {c} outputs per sample")
            };
            warnings.push(Warning {
                code: "shape-mismatch",
                severity: Severity::Mistake,
                message: format!("The label rows have {cols} columns but {hint}."),
            });
            None
        }
        Labels::Indices(ix) => {
            let limit = if lab.kind == LabelsKind::Binary { 2 } else { c };
            let out: Vec<usize> = (0..ix.len())
                .filter(|&i| ix[i] < 0 || ix[i] >= limit as i64)
                .collect();
            if out.is_empty() {
                return Some(());
            }
            let first = ix[out[0]];
            let rule = if lab.kind == LabelsKind::Binary {
                "binary labels must be 0 or 1".to_string()
            } else {
                format!("with {c} classes, indices run from 0 to {}", c - 1)
            };
            warnings.push(Warning {
                code: "label-out-of-range",
                severity: Severity::Mistake,
                message: format!(
                    "{} label(s) out of range (sample {}: {first}): {rule}. Keras raises an \
                     error or, on some backends, silently gives a wrong loss; check that the \
                     output layer has one unit per class.",
                    out.len(),
                    out[0] + 1
                ),
            });
            None
        }
        _ => Some(()),
    }
}
