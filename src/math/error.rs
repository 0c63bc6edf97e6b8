//! The error type of the math core: every message is written for a learner.

use std::fmt;

/// Why a math function could not produce a number.
///
/// Returned by every function that can be handed mismatched, empty or invalid inputs.
/// The [`Display`](fmt::Display) text is a complete sentence fragment meant to be shown
/// to a learner as is, for example `y_true has 3 values but y_pred has 4`.
///
/// ```
/// use logit_lab::math::{mean_squared_error, MathError};
///
/// let err = mean_squared_error(&[1.0, 0.0, 1.0], &[0.5; 4]).unwrap_err();
/// assert_eq!(err.to_string(), "y_true has 3 values but y_pred has 4");
/// assert!(matches!(err, MathError::LengthMismatch { .. }));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum MathError {
    /// Two inputs that must pair up element by element have different lengths.
    LengthMismatch {
        /// Name of the first input, e.g. `"y_true"`.
        left: &'static str,
        /// Its length.
        left_len: usize,
        /// Name of the second input, e.g. `"y_pred"`.
        right: &'static str,
        /// Its length.
        right_len: usize,
    },
    /// An input that must hold at least one value is empty.
    Empty {
        /// Name of the empty input.
        name: &'static str,
    },
    /// A class-wise function (softmax cross-entropy, accuracy over classes) got zero classes.
    NoClasses,
    /// A class index is not smaller than the number of classes.
    ClassOutOfRange {
        /// The class index that was asked for.
        class: usize,
        /// How many classes there are.
        num_classes: usize,
    },
    /// A softmax temperature that is not a finite, strictly positive number.
    InvalidTemperature(f64),
    /// A numeric parameter outside its allowed range.
    InvalidParameter {
        /// The parameter's name, e.g. `"label_smoothing"`.
        name: &'static str,
        /// The value that was passed.
        value: f64,
        /// The rule it broke, phrased to follow "must", e.g. `"be between 0 and 1"`.
        rule: &'static str,
    },
    /// A label in `y_true` is neither 0 nor 1 where binary labels are required.
    NotBinaryLabel {
        /// Position of the offending label.
        index: usize,
        /// Its value.
        value: f64,
    },
    /// A score is NaN where scores are ranked (ROC, AUC, average precision).
    NanScore {
        /// Position of the NaN score.
        index: usize,
    },
    /// A ranking metric needs both classes but `y_true` holds only one.
    SingleClass {
        /// The metric's name, e.g. `"ROC AUC"`.
        metric: &'static str,
        /// Number of positive labels.
        positives: usize,
        /// Number of negative labels.
        negatives: usize,
    },
    /// Average precision needs at least one positive label.
    NoPositives,
    /// Probabilities that cannot be rescaled to sum to 1 (their sum is 0, infinite or NaN).
    NotNormalisable {
        /// The sum of `y_pred`.
        sum: f64,
    },
    /// A probability outside [0, 1] where the framework refuses it (PyTorch `BCELoss`).
    ProbabilityOutOfRange {
        /// Position of the offending value.
        index: usize,
        /// Its value.
        value: f64,
    },
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MathError::LengthMismatch {
                left,
                left_len,
                right,
                right_len,
            } => write!(
                f,
                "{left} has {left_len} {} but {right} has {right_len}",
                values_word(*left_len)
            ),
            MathError::Empty { name } => {
                write!(f, "{name} is empty: needs at least one value")
            }
            MathError::NoClasses => write!(f, "needs at least one class"),
            MathError::ClassOutOfRange { class, num_classes } => write!(
                f,
                "class {class} does not exist: there {} {num_classes} {} (numbered 0 to {})",
                if *num_classes == 1 { "is" } else { "are" },
                if *num_classes == 1 {
                    "class"
                } else {
                    "classes"
                },
                num_classes.saturating_sub(1)
            ),
            MathError::InvalidTemperature(t) => {
                write!(f, "temperature must be a positive number, got {t}")
            }
            MathError::InvalidParameter { name, value, rule } => {
                write!(f, "{name} must {rule}, got {value}")
            }
            MathError::NotBinaryLabel { index, value } => {
                write!(f, "labels must be 0 or 1, but y_true[{index}] is {value}")
            }
            MathError::NanScore { index } => {
                write!(f, "scores must be numbers, but scores[{index}] is NaN")
            }
            MathError::SingleClass {
                metric,
                positives,
                negatives,
            } => write!(
                f,
                "{metric} needs both positive and negative labels, but y_true has \
                 {positives} positive and {negatives} negative"
            ),
            MathError::NoPositives => write!(
                f,
                "average precision needs at least one positive label in y_true"
            ),
            MathError::NotNormalisable { sum } => write!(
                f,
                "y_pred sums to {sum}, so it cannot be rescaled into probabilities \
                 (raw scores need from_logits = true)"
            ),
            MathError::ProbabilityOutOfRange { index, value } => write!(
                f,
                "probabilities must be between 0 and 1, but p[{index}] is {value}"
            ),
        }
    }
}

impl std::error::Error for MathError {}

fn values_word(n: usize) -> &'static str {
    if n == 1 {
        "value"
    } else {
        "values"
    }
}

/// `Err(LengthMismatch)` unless both slices have the same length, then `Err(Empty)` if
/// they are empty.
pub(crate) fn check_pair(
    left: &'static str,
    a: &[f64],
    right: &'static str,
    b: &[f64],
) -> Result<(), MathError> {
    check_same_length((left, a), (right, b), MathError::Empty { name: left })
}

/// Like [`check_pair`] but an empty pair is reported as "needs at least one class".
pub(crate) fn check_classes(
    left: &'static str,
    a: &[f64],
    right: &'static str,
    b: &[f64],
) -> Result<(), MathError> {
    check_same_length((left, a), (right, b), MathError::NoClasses)
}

/// `Err(LengthMismatch)` unless both named slices have the same length, then `Err(empty)`
/// if they are empty.
fn check_same_length(
    (left, a): (&'static str, &[f64]),
    (right, b): (&'static str, &[f64]),
    empty: MathError,
) -> Result<(), MathError> {
    if a.len() != b.len() {
        return Err(MathError::LengthMismatch {
            left,
            left_len: a.len(),
            right,
            right_len: b.len(),
        });
    }
    if a.is_empty() {
        return Err(empty);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_well() {
        let e = check_pair("y_true", &[0.0; 3], "y_pred", &[0.0; 4]).unwrap_err();
        assert_eq!(e.to_string(), "y_true has 3 values but y_pred has 4");
        let e = check_pair("y_true", &[0.0], "y_pred", &[]).unwrap_err();
        assert_eq!(e.to_string(), "y_true has 1 value but y_pred has 0");
        assert_eq!(MathError::NoClasses.to_string(), "needs at least one class");
        assert_eq!(
            MathError::InvalidTemperature(0.0).to_string(),
            "temperature must be a positive number, got 0"
        );
        assert_eq!(
            MathError::ClassOutOfRange {
                class: 5,
                num_classes: 3
            }
            .to_string(),
            "class 5 does not exist: there are 3 classes (numbered 0 to 2)"
        );
        let boxed: Box<dyn std::error::Error> = Box::new(MathError::NoPositives);
        assert!(boxed.to_string().contains("positive"));
    }
}
