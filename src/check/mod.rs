//! "Check your outputs": reading what a learner's model printed and saying what the numbers
//! are, which mistakes they show and what Keras would report. Pure and host-tested; the page
//! itself is `lessons::check_page`.

mod brackets;
pub mod calibration;
pub mod diagnose;
pub mod job;
pub mod labels;
pub mod parse;
pub mod report;

pub use diagnose::{
    diagnose, diagnose_start, Diagnosis, LabelsKind, OutputsKind, Severity, Task, Warning,
};
pub use job::{Job, Step};
pub use labels::Labels;
pub use parse::{parse, Layout, ParseError, Parser, Table, MAX_CLASSES, MAX_NUMBERS};
pub use report::{
    diagnose_finish, report_step, report_steps, LossKind, LossLine, MetricLine, Report, Role,
};

/// What the page shows for the two textareas.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Why the outputs could not be read.
    pub outputs_error: Option<String>,
    /// Why the labels could not be read (the outputs are then diagnosed without them).
    pub labels_error: Option<String>,
    /// The diagnosis, when the outputs could be read.
    pub diagnosis: Option<Diagnosis>,
    /// The parsed outputs (for the code panels and charts).
    pub outputs: Option<Table>,
    /// The labels used.
    pub labels: Option<Labels>,
    /// Nothing pasted yet (no error: the page asks for the outputs).
    pub empty: bool,
}

impl Outcome {
    /// Nothing pasted yet, or outputs that could not be read (`error`).
    pub fn unread(error: Option<String>) -> Outcome {
        Outcome {
            empty: error.is_none(),
            outputs_error: error,
            labels_error: None,
            diagnosis: None,
            outputs: None,
            labels: None,
        }
    }
}

/// Parses both pastes and diagnoses them. Empty labels mean "no labels".
pub fn check(outputs: &str, labels: &str) -> Outcome {
    if outputs.trim().is_empty() {
        return Outcome::unread(None);
    }
    let table = match parse(outputs) {
        Ok(t) => t,
        Err(e) => return Outcome::unread(Some(format!("Outputs: {e}"))),
    };
    let (labels, labels_error) = if labels.trim().is_empty() {
        (None, None)
    } else {
        check_labels(parse(labels))
    };
    let diagnosis = diagnose(&table, labels.as_ref());
    Outcome {
        outputs_error: None,
        labels_error,
        diagnosis: Some(diagnosis),
        outputs: Some(table),
        labels,
        empty: false,
    }
}

/// Labels from their parse, or the message saying why they cannot be used.
pub fn check_labels(parsed: Result<Table, ParseError>) -> (Option<Labels>, Option<String>) {
    match parsed {
        Ok(t) => match Labels::from_table(&t) {
            Ok(l) => (Some(l), None),
            Err(e) => (None, Some(e)),
        },
        Err(e) => (None, Some(format!("Labels: {e}"))),
    }
}

#[cfg(test)]
mod tests;
