//! Every number Keras would report for the pasted outputs and labels: the losses for the right
//! configuration and for the likely wrong ones, and the metrics, all from `crate::math`.

use super::diagnose::{LabelsKind, OutputsKind, Severity, Task, Warning};
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

/// The mean over rows of a per-row value.
fn mean_rows(
    pred: &[f64],
    target: &[f64],
    c: usize,
    f: impl Fn(&[f64], &[f64]) -> Result<f64, MathError>,
) -> Result<f64, String> {
    let n = pred.len() / c;
    let mut sum = 0.0;
    for (p, y) in pred.chunks(c).zip(target.chunks(c)) {
        sum += f(y, p).map_err(text)?;
    }
    Ok(sum / n as f64)
}

/// The losses and metrics for outputs and labels that fit each other.
pub fn report(
    outputs: &Table,
    labels: &Labels,
    out: OutputsKind,
    lab: LabelsKind,
    task: Task,
) -> Report {
    let c = outputs.cols;
    let z = &outputs.values;
    let y = labels.dense(c);
    let fl = out.are_logits();
    let probabilities: Vec<f64> = match (fl, task) {
        (false, _) => z.clone(),
        (true, Task::MultiClass) => z.chunks(c).flat_map(math::softmax).collect(),
        (true, _) => z.iter().map(|&v| math::sigmoid(v)).collect(),
    };
    let line = |name, id: &str, from_logits, value, role, note| LossLine {
        name,
        id: id.to_string(),
        from_logits,
        value,
        role,
        note,
    };
    let bce = |from_logits| {
        mean_rows(z, &y, c, |t, p| {
            math::binary_crossentropy(t, p, from_logits)
        })
    };
    let cce = |from_logits| {
        mean_rows(z, &y, c, |t, p| {
            math::categorical_crossentropy(t, p, from_logits, 0.0)
        })
    };
    let indices = labels.indices();
    let scce = |from_logits| -> Result<f64, String> {
        let mut sum = 0.0;
        for (p, &i) in z.chunks(c).zip(&indices) {
            sum += math::sparse_categorical_crossentropy(i, p, from_logits).map_err(text)?;
        }
        Ok(sum / indices.len() as f64)
    };
    let mut losses = Vec::new();
    let as_logits = "what from_logits=True does to probabilities: softmax or sigmoid a second time";
    match task {
        Task::MultiClass => {
            let sparse_role = if lab == LabelsKind::Sparse {
                Role::Recommended
            } else {
                Role::Alternative
            };
            let dense_role = if lab == LabelsKind::OneHot {
                Role::Recommended
            } else {
                Role::Alternative
            };
            let mut pair = vec![
                line(
                    "sparse_categorical_crossentropy",
                    "sparse_categorical_crossentropy",
                    fl,
                    scce(fl),
                    sparse_role,
                    "for class indices",
                ),
                line(
                    "categorical_crossentropy",
                    "categorical_crossentropy",
                    fl,
                    cce(fl),
                    dense_role,
                    "for one-hot rows: the same number",
                ),
            ];
            if sparse_role != Role::Recommended {
                pair.reverse();
            }
            losses.extend(pair);
            losses.push(line(
                "binary_crossentropy",
                "binary_crossentropy",
                fl,
                bce(fl),
                Role::Mistake,
                "scores each class as its own yes/no: not the loss for exclusive classes",
            ));
            if !fl {
                let (name, value) = if lab == LabelsKind::Sparse {
                    ("sparse_categorical_crossentropy", scce(true))
                } else {
                    ("categorical_crossentropy", cce(true))
                };
                losses.push(line(
                    name,
                    &format!("{name}-as-logits"),
                    true,
                    value,
                    Role::Mistake,
                    as_logits,
                ));
            }
        }
        Task::MultiLabel | Task::Binary => {
            losses.push(line(
                "binary_crossentropy",
                "binary_crossentropy",
                fl,
                bce(fl),
                Role::Recommended,
                "one yes/no per output, averaged",
            ));
            if task == Task::MultiLabel {
                losses.push(line(
                    "categorical_crossentropy",
                    "categorical_crossentropy",
                    fl,
                    cce(fl),
                    Role::Mistake,
                    "treats the classes as exclusive: wrong for multi-hot labels",
                ));
            }
            if !fl {
                losses.push(line(
                    "binary_crossentropy",
                    "binary_crossentropy-as-logits",
                    true,
                    bce(true),
                    Role::Mistake,
                    as_logits,
                ));
            }
        }
    }

    let p = &probabilities;
    let metric = |name, value: Result<f64, MathError>, note| MetricLine {
        name,
        value: value.map_err(text),
        note,
    };
    let mut metrics = Vec::new();
    if task == Task::MultiClass {
        let name = if lab == LabelsKind::Sparse {
            "sparse_categorical_accuracy"
        } else {
            "categorical_accuracy"
        };
        metrics.push(MetricLine {
            name,
            value: mean_rows(p, &y, c, math::categorical_accuracy),
            note: "what metrics=[\"accuracy\"] reports: the top class is the true one",
        });
        if c > 5 {
            metrics.push(MetricLine {
                name: "top_k_categorical_accuracy",
                value: mean_rows(p, &y, c, |t, q| math::top_k_categorical_accuracy(t, q, 5)),
                note: "k = 5: the true class is among the five highest",
            });
        }
    } else {
        metrics.push(metric(
            "binary_accuracy",
            math::binary_accuracy(&y, p, 0.5),
            "what metrics=[\"accuracy\"] reports: each output vs the label at threshold 0.5",
        ));
    }
    let flat = "over every output and label, at threshold 0.5 (Keras flattens them)";
    metrics.push(metric("precision", math::precision(&y, p, 0.5), flat));
    metrics.push(metric("recall", math::recall(&y, p, 0.5), flat));
    metrics.push(metric(
        "f1_score",
        math::f1_score(&y, p, 0.5),
        "2PR/(P + R) of the two above (micro average)",
    ));
    metrics.push(metric(
        "auc",
        math::keras_auc(&y, p, 200),
        "Keras AUC(): 200 thresholds, over every output",
    ));
    metrics.push(metric(
        "roc_auc",
        math::roc_auc(&y, p),
        "the exact ROC AUC (scikit-learn's roc_auc_score on the flattened outputs)",
    ));
    Report {
        losses,
        metrics,
        probabilities,
        targets: y,
    }
}
