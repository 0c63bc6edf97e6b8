//! Every number Keras would report for the pasted outputs and labels: the losses for the right
//! configuration and for the likely wrong ones, and the metrics, all from `crate::math`.

use super::diagnose::{Diagnosis, LabelsKind, OutputsKind, Severity, Task, Warning};
use super::labels::Labels;
use super::parse::Table;
use crate::format::format4;
use crate::math::{self, MathError};

/// How a loss line relates to these numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The loss to use for these outputs and labels.
    Recommended,
    /// Also right (the same number in another label format).
    Alternative,
    /// What a likely mistake reports.
    Mistake,
}

/// One Keras loss on the pasted numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct LossLine {
    /// Keras' name, e.g. `sparse_categorical_crossentropy`.
    pub name: &'static str,
    /// Test id suffix: `readout-check-<id>`.
    pub id: String,
    /// The `from_logits` it is called with.
    pub from_logits: bool,
    /// Its value (mean over samples), or why there is none.
    pub value: Result<f64, String>,
    /// Right, also right, or a mistake.
    pub role: Role,
    /// One line on what this configuration means.
    pub note: &'static str,
    /// Which cross-entropy it is (how its value is computed).
    pub kind: LossKind,
}

/// The three Keras cross-entropies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LossKind {
    /// `sparse_categorical_crossentropy`: class indices.
    Sparse,
    /// `categorical_crossentropy`: rows of targets.
    Categorical,
    /// `binary_crossentropy`: one yes/no per output, averaged.
    Binary,
}

/// One metric on the pasted numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricLine {
    /// Keras' name (`readout-check-<name>`).
    pub name: &'static str,
    /// Its value, or why there is none.
    pub value: Result<f64, String>,
    /// How it is computed here.
    pub note: &'static str,
}

/// The losses and metrics of a diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Losses, the recommended one first.
    pub losses: Vec<LossLine>,
    /// Metrics for the recommended configuration.
    pub metrics: Vec<MetricLine>,
    /// The probabilities the metrics and charts use (softmax or σ of logits), row by row.
    pub probabilities: Vec<f64>,
    /// The targets as rows (one-hot for class indices).
    pub targets: Vec<f64>,
    /// How many of its numbers are computed (see [`report_step`]).
    pub computed: usize,
    /// The exact ROC AUC while it is being sorted, slice by slice.
    pub sorting: Option<math::RocAucInSlices>,
    /// The number in progress, when it takes several slices: rows done and their sum.
    pub partial: Option<(usize, f64)>,
}

impl Report {
    /// The loss line with this id.
    pub fn loss(&self, id: &str) -> Option<&LossLine> {
        self.losses.iter().find(|l| l.id == id)
    }

    /// The recommended loss.
    pub fn recommended(&self) -> Option<&LossLine> {
        self.losses.iter().find(|l| l.role == Role::Recommended)
    }

    /// The warnings that need the loss values: probabilities taken as logits, and
    /// categorical cross-entropy on multi-hot labels.
    pub fn add_warnings(&self, out: OutputsKind, lab: LabelsKind, warnings: &mut Vec<Warning>) {
        let right = self.recommended();
        let value = |l: Option<&LossLine>| match l.map(|l| &l.value) {
            Some(Ok(v)) => format4(*v),
            _ => "no number".into(),
        };
        if !out.are_logits() {
            let mistake = self.losses.iter().find(|l| l.id.ends_with("-as-logits"));
            warnings.push(Warning {
                code: "probabilities-passed-as-logits",
                severity: Severity::Check,
                message: format!(
                    "These are probabilities. If your loss says from_logits=True, it applies \
                     softmax or sigmoid to them again: {} would report {} instead of {}, and \
                     it can never get near 0. Keep from_logits=False (the default), or better, \
                     drop the output activation and pass logits with from_logits=True.",
                    right.map_or("the loss", |l| l.name),
                    value(mistake),
                    value(right)
                ),
            });
        }
        if lab == LabelsKind::MultiHot {
            let cce = self.loss("categorical_crossentropy");
            warnings.push(Warning {
                code: "cce-on-multi-hot",
                severity: Severity::Check,
                message: format!(
                    "With multi-hot labels, categorical_crossentropy would report {} (it adds \
                     −ln p over every true class of a row, and categorical accuracy looks only \
                     at the first one). Use binary_crossentropy: {}.",
                    value(cce),
                    value(right)
                ),
            });
        }
    }
}

fn text(e: MathError) -> String {
    e.to_string()
}

const NOT_YET: &str = "not computed yet";

/// The mean over `rows` rows of a per-row value, `slice` rows at a time: `partial` keeps the
/// rows done and their sum between slices (summed in the same order as all at once, so the
/// mean is the same to the last bit). `None` until the last row is in.
fn mean_rows(
    partial: &mut Option<(usize, f64)>,
    rows: usize,
    slice: usize,
    row_value: impl Fn(usize) -> Result<f64, MathError>,
) -> Option<Result<f64, String>> {
    let (from, mut sum) = partial.take().unwrap_or((0, 0.0));
    let to = from.saturating_add(slice.max(1)).min(rows);
    for k in from..to {
        match row_value(k) {
            Ok(v) => sum += v,
            Err(e) => return Some(Err(text(e))),
        }
    }
    if to < rows {
        *partial = Some((to, sum));
        None
    } else {
        Some(Ok(sum / rows as f64))
    }
}

/// How many steps [`report_step`] takes for a report.
pub fn report_steps(r: &Report) -> usize {
    1 + r.losses.len() + r.metrics.len()
}

/// A loss line not computed yet: its Keras name, its id (`-as-logits` for probabilities
/// taken as logits) and what it means for this task.
fn loss_line(kind: LossKind, from_logits: bool, role: Role, task: Task) -> LossLine {
    let name = match kind {
        LossKind::Sparse => "sparse_categorical_crossentropy",
        LossKind::Categorical => "categorical_crossentropy",
        LossKind::Binary => "binary_crossentropy",
    };
    let note = match (kind, task) {
        (LossKind::Sparse, _) => "for class indices",
        (LossKind::Categorical, Task::MultiClass) => "for one-hot rows: the same number",
        (LossKind::Categorical, _) => "treats the classes as exclusive: wrong for multi-hot labels",
        (LossKind::Binary, Task::MultiClass) => {
            "scores each class as its own yes/no: not the loss for exclusive classes"
        }
        (LossKind::Binary, _) => "one yes/no per output, averaged",
    };
    LossLine {
        name,
        id: name.to_string(),
        from_logits,
        value: Err(NOT_YET.into()),
        role,
        note,
        kind,
    }
}

/// A report with its lines laid out and no number computed yet: the targets are set, each
/// [`report_step`] computes one more number (the probabilities first).
pub fn start_report(
    outputs: &Table,
    labels: &Labels,
    out: OutputsKind,
    lab: LabelsKind,
    task: Task,
) -> Report {
    let c = outputs.cols;
    let fl = out.are_logits();
    // (loss, role) in the order shown; each is called with the outputs' own from_logits.
    let right_for = |kind: LabelsKind| {
        if lab == kind {
            Role::Recommended
        } else {
            Role::Alternative
        }
    };
    let (sparse, dense, binary) = (LossKind::Sparse, LossKind::Categorical, LossKind::Binary);
    let lines: Vec<(LossKind, Role)> = match task {
        Task::MultiClass => {
            let indices = (sparse, right_for(LabelsKind::Sparse));
            let rows = (dense, right_for(LabelsKind::OneHot));
            let first_two = if lab == LabelsKind::Sparse {
                [indices, rows]
            } else {
                [rows, indices]
            };
            [&first_two[..], &[(binary, Role::Mistake)]].concat()
        }
        Task::MultiLabel => vec![(binary, Role::Recommended), (dense, Role::Mistake)],
        Task::Binary => vec![(binary, Role::Recommended)],
    };
    let mut losses: Vec<LossLine> = lines
        .into_iter()
        .map(|(kind, role)| loss_line(kind, fl, role, task))
        .collect();
    if !fl {
        // What from_logits=True would do to these probabilities: the recommended loss again.
        let kind = losses.first().map_or(binary, |l| l.kind);
        let mut retry = loss_line(kind, true, Role::Mistake, task);
        retry.id = format!("{}-as-logits", retry.name);
        retry.note =
            "what from_logits=True does to probabilities: softmax or sigmoid a second time";
        losses.push(retry);
    }
    let metric = |name, note| MetricLine {
        name,
        value: Err(NOT_YET.into()),
        note,
    };
    let mut metrics = Vec::new();
    if task == Task::MultiClass {
        let name = if lab == LabelsKind::Sparse {
            "sparse_categorical_accuracy"
        } else {
            "categorical_accuracy"
        };
        metrics.push(metric(
            name,
            "what metrics=[\"accuracy\"] reports: the top class is the true one",
        ));
        if c > 5 {
            metrics.push(metric(
                "top_k_categorical_accuracy",
                "k = 5: the true class is among the five highest",
            ));
        }
    } else {
        metrics.push(metric(
            "binary_accuracy",
            "what metrics=[\"accuracy\"] reports: each output vs the label at threshold 0.5",
        ));
    }
    let flat = "over every output and label, at threshold 0.5 (Keras flattens them)";
    metrics.push(metric("precision", flat));
    metrics.push(metric("recall", flat));
    metrics.push(metric(
        "f1_score",
        "2PR/(P + R) of the two above (micro average)",
    ));
    metrics.push(metric(
        "auc",
        "Keras AUC(): 200 thresholds, over every output",
    ));
    metrics.push(metric(
        "roc_auc",
        "the exact ROC AUC (scikit-learn's roc_auc_score on the flattened outputs)",
    ));
    Report {
        losses,
        metrics,
        probabilities: Vec::new(),
        targets: labels.dense(c),
        computed: 0,
        sorting: None,
        partial: None,
    }
}

/// Works on the report's next number for about `budget` numbers' work (a slice of rows, or
/// of the exact ROC AUC's sort); `true` once all are computed.
pub fn report_step(
    r: &mut Report,
    outputs: &Table,
    labels: &Labels,
    task: Task,
    budget: usize,
) -> bool {
    let c = outputs.cols.max(1);
    let z = &outputs.values;
    let rows = z.len() / c;
    let slice = (budget / c).max(1);
    let i = r.computed;
    let (nl, nm) = (r.losses.len(), r.metrics.len());
    if i == 0 {
        let fl = r
            .losses
            .first()
            .is_some_and(|l| l.from_logits && !l.id.ends_with("-as-logits"));
        let (from, _) = r.partial.take().unwrap_or((0, 0.0));
        if from == 0 {
            r.probabilities.clear();
        }
        let to = from.saturating_add(slice).min(rows);
        let part = &z[from * c..to * c];
        match (fl, task) {
            (false, _) => r.probabilities.extend_from_slice(part),
            (true, Task::MultiClass) => r
                .probabilities
                .extend(part.chunks(c).flat_map(math::softmax)),
            (true, _) => r
                .probabilities
                .extend(part.iter().map(|&v| math::sigmoid(v))),
        }
        if to < rows {
            r.partial = Some((to, 0.0));
            return false;
        }
    } else if i <= nl {
        let (kind, fl) = (r.losses[i - 1].kind, r.losses[i - 1].from_logits);
        let y = &r.targets;
        let value = match kind {
            LossKind::Binary => mean_rows(&mut r.partial, rows, slice, |k| {
                math::binary_crossentropy(&y[k * c..(k + 1) * c], &z[k * c..(k + 1) * c], fl)
            }),
            LossKind::Categorical => mean_rows(&mut r.partial, rows, slice, |k| {
                let (t, p) = (&y[k * c..(k + 1) * c], &z[k * c..(k + 1) * c]);
                math::categorical_crossentropy(t, p, fl, 0.0)
            }),
            LossKind::Sparse => {
                let indices = labels.indices();
                mean_rows(&mut r.partial, rows.min(indices.len()), slice, |k| {
                    math::sparse_categorical_crossentropy(indices[k], &z[k * c..(k + 1) * c], fl)
                })
            }
        };
        let Some(value) = value else {
            return false;
        };
        r.losses[i - 1].value = value;
    } else if i <= nl + nm {
        let (p, y) = (&r.probabilities, &r.targets);
        let name = r.metrics[i - 1 - nl].name;
        let (t_row, p_row) = (
            |k: usize| &y[k * c..(k + 1) * c],
            |k: usize| &p[k * c..(k + 1) * c],
        );
        let sliced = |partial: &mut Option<(usize, f64)>,
                      f: fn(&[f64], &[f64]) -> Result<f64, MathError>| {
            mean_rows(partial, rows, slice, |k| f(t_row(k), p_row(k)))
        };
        let value = match name {
            "sparse_categorical_accuracy" | "categorical_accuracy" => {
                sliced(&mut r.partial, math::categorical_accuracy)
            }
            "top_k_categorical_accuracy" => sliced(&mut r.partial, |t, q| {
                math::top_k_categorical_accuracy(t, q, 5)
            }),
            "binary_accuracy" => Some(math::binary_accuracy(y, p, 0.5).map_err(text)),
            "precision" => Some(math::precision(y, p, 0.5).map_err(text)),
            "recall" => Some(math::recall(y, p, 0.5).map_err(text)),
            "f1_score" => Some(math::f1_score(y, p, 0.5).map_err(text)),
            "auc" => Some(math::keras_auc(y, p, 200).map_err(text)),
            _ => {
                let sorting = match r.sorting.take() {
                    Some(s) => Ok(s),
                    None => math::RocAucInSlices::new(y, p),
                };
                match sorting {
                    Err(e) => Some(Err(text(e))),
                    Ok(mut s) => {
                        let v = s.step(budget);
                        if v.is_none() {
                            r.sorting = Some(s);
                        }
                        v.map(Ok)
                    }
                }
            }
        };
        let Some(value) = value else {
            return false;
        };
        r.metrics[i - 1 - nl].value = value;
    }
    r.computed = (i + 1).min(1 + nl + nm);
    r.computed == 1 + nl + nm
}

/// Adds the warnings that need the report's numbers (or say there are none).
pub fn diagnose_finish(d: &mut Diagnosis) {
    let (out, lab) = (d.outputs.kind, d.labels.kind);
    let non_finite = d.warnings.iter().any(|w| w.code == "non-finite");
    match &d.report {
        Some(r) => r.add_warnings(out, lab, &mut d.warnings),
        None if !out.are_logits() && !non_finite => d.warnings.push(Warning {
            code: "probabilities-passed-as-logits",
            severity: Severity::Check,
            message: "These are probabilities. If your loss says from_logits=True, it applies \
                      softmax or sigmoid to them again, and the loss can never get near 0 (paste \
                      the labels to see by how much). Keep from_logits=False (the default), or \
                      drop the output activation and pass logits with from_logits=True."
                .into(),
        }),
        None => {}
    }
}
