//! The whole check in slices: read the outputs, read the labels, diagnose, then compute each
//! loss and metric, each [`Job::step`] doing about a budget of numbers' work, so the page can
//! check a million numbers without a long task, and say how far it is.

use super::diagnose::diagnose_start;
use super::parse::Parser;
use super::report::{diagnose_finish, report_step, report_steps};
use super::{check_labels, Diagnosis, Labels, Outcome, Table};

enum Stage {
    Outputs(Parser),
    Labels(Table, Parser),
    Diagnose(Table, Option<Labels>, Option<String>),
    Report(Table, Option<Labels>, Option<String>, Box<Diagnosis>),
    /// Every number computed: the outcome is handed over in a step of its own when the last
    /// number took a slice's work, since showing a large outcome is work too.
    Finish(Table, Option<Labels>, Option<String>, Box<Diagnosis>),
}

/// A check in progress.
pub struct Job {
    stage: Option<Stage>,
    labels_text: String,
}

/// Where a job stands after a step.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Still working: what it is doing, for the progress line.
    Working(String),
    /// The outcome.
    Done(Box<Outcome>),
}

impl Job {
    /// A check of both pastes, not started.
    pub fn new(outputs: String, labels: String) -> Job {
        Job {
            stage: Some(Stage::Outputs(Parser::new(outputs))),
            labels_text: labels,
        }
    }

    /// Does about `budget` numbers' work.
    pub fn step(&mut self, budget: usize) -> Step {
        let mut spent = 0usize;
        loop {
            let Some(stage) = self.stage.take() else {
                return Step::Working("done".into());
            };
            let next = match stage {
                Stage::Outputs(mut p) => {
                    if p.is_blank() {
                        return Step::Done(Box::new(super::check("", "")));
                    }
                    match p.step(budget.saturating_sub(spent).max(1)) {
                        None => {
                            let msg = format!(
                                "Checking: reading the outputs, {:.0}%",
                                p.fraction() * 100.0
                            );
                            self.stage = Some(Stage::Outputs(p));
                            return Step::Working(msg);
                        }
                        Some(Err(e)) => {
                            return Step::Done(Box::new(Outcome::unread(Some(format!(
                                "Outputs: {e}"
                            )))))
                        }
                        Some(Ok(t)) => {
                            spent += t.values.len();
                            if self.labels_text.trim().is_empty() {
                                Stage::Diagnose(t, None, None)
                            } else {
                                Stage::Labels(t, Parser::new(std::mem::take(&mut self.labels_text)))
                            }
                        }
                    }
                }
                Stage::Labels(t, mut p) => match p.step(budget.saturating_sub(spent).max(1)) {
                    None => {
                        let msg =
                            format!("Checking: reading the labels, {:.0}%", p.fraction() * 100.0);
                        self.stage = Some(Stage::Labels(t, p));
                        return Step::Working(msg);
                    }
                    Some(result) => {
                        let (labels, error) = check_labels(result);
                        spent += labels.as_ref().map_or(0, |l| l.samples());
                        Stage::Diagnose(t, labels, error)
                    }
                },
                Stage::Diagnose(t, labels, error) => {
                    let d = diagnose_start(&t, labels.as_ref());
                    spent += t.values.len();
                    Stage::Report(t, labels, error, Box::new(d))
                }
                Stage::Report(t, labels, error, mut d) => {
                    let task = d.task.kind;
                    let finished = match (d.report.as_mut(), labels.as_ref()) {
                        (Some(r), Some(l)) => {
                            let done =
                                report_step(r, &t, l, task, budget.saturating_sub(spent).max(1));
                            spent += t.values.len();
                            done
                        }
                        _ => true,
                    };
                    if !finished {
                        Stage::Report(t, labels, error, d)
                    } else if spent >= budget / 2 {
                        self.stage = Some(Stage::Finish(t, labels, error, d));
                        return Step::Working("Checking: showing the results".into());
                    } else {
                        return finish(t, labels, error, d);
                    }
                }
                Stage::Finish(t, labels, error, d) => return finish(t, labels, error, d),
            };
            self.stage = Some(next);
            if spent >= budget {
                let msg = match &self.stage {
                    Some(Stage::Report(_, _, _, d)) => d.report.as_ref().map_or_else(
                        || "Checking: diagnosing".to_string(),
                        |r| {
                            format!(
                                "Checking: computing the losses and metrics ({} of {})",
                                r.computed,
                                report_steps(r)
                            )
                        },
                    ),
                    _ => "Checking: diagnosing".to_string(),
                };
                return Step::Working(msg);
            }
        }
    }

    /// Runs the job to its end (what a step-by-step run must equal).
    pub fn finish(mut self) -> Outcome {
        loop {
            if let Step::Done(o) = self.step(usize::MAX) {
                return *o;
            }
        }
    }
}

/// The outcome of a check whose every number is computed.
fn finish(t: Table, labels: Option<Labels>, error: Option<String>, mut d: Box<Diagnosis>) -> Step {
    diagnose_finish(&mut d);
    Step::Done(Box::new(Outcome {
        outputs_error: None,
        labels_error: error,
        diagnosis: Some(*d),
        outputs: Some(t),
        labels,
        empty: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;

    #[test]
    fn a_job_in_small_steps_gives_what_check_gives() {
        let cases = [
            ("[[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]]", "[0, 2]"),
            (
                "[[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]",
                "[[1, 0, 0], [0, 1, 0]]",
            ),
            ("0.9 0.8 0.1\n0.2 0.7 0.6", "1 1 0\n0 1 1"),
            ("[0.9, 0.2, 0.6]", "[1, 0, 0]"),
            ("[[1, inf]]", "[0]"),
            ("hello", ""),
            ("[[1, 2]]", "[0, 0.5]"),
            ("", "[0]"),
            ("[[1, 2], [3, 4]]", "[0"),
        ];
        for (o, l) in cases {
            let mut job = Job::new(o.into(), l.into());
            let mut steps = 0;
            let stepped = loop {
                steps += 1;
                assert!(steps < 1000);
                if let Step::Done(out) = job.step(2) {
                    break *out;
                }
            };
            assert_eq!(stepped, check(o, l), "{o} / {l}");
            assert_eq!(Job::new(o.into(), l.into()).finish(), check(o, l));
        }
    }

    #[test]
    fn the_outcome_is_handed_over_in_a_step_after_the_last_number() {
        let mut job = Job::new(
            "[[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]]".into(),
            "[0, 2]".into(),
        );
        let mut said = Vec::new();
        while let Step::Working(m) = job.step(2) {
            said.push(m);
        }
        assert_eq!(
            said.last().map(String::as_str),
            Some("Checking: showing the results")
        );
        // A check that fits in one step is not split.
        let mut small = Job::new("[[2.0, -1.0, 0.5]]".into(), "[0]".into());
        assert!(matches!(small.step(1_000_000), Step::Done(_)));
    }
}
