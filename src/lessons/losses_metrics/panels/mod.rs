//! Lesson 3's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).

mod keras_accuracy;
mod labels;
mod roc;
mod threshold;
mod top_k;
mod trap;

pub use keras_accuracy::{accuracies, keras_accuracy_programs};
pub use labels::labels_programs;
pub use roc::roc_programs;
pub use threshold::threshold_programs;
pub use top_k::top_k_programs;
pub use trap::trap_programs;

use super::batch::{batch, Batch, BATCH_ROWS};
use super::keras_rules::roc_points_strict;
use super::link::{Spelling, TargetShape};
use super::OBJECTS;
use crate::lessons::code::{py_ints, py_list, random_logits, snap, state_for, PanelSet};

/// The page's slug.
const PAGE: &str = "losses-and-metrics";

/// The threshold step's sample: its true labels.
pub const THRESHOLD_Y: [f64; 5] = [1.0, 0.0, 1.0, 0.0, 0.0];

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: PAGE,
        step: "labels-and-losses",
        make: |seed| {
            let (spelling, class, multi, ls, z) = state_for(
                seed,
                || {
                    (
                        Spelling::OneHot,
                        0,
                        vec![true, false, true, false],
                        0.0,
                        vec![1.0, 0.5, -0.5, -1.0],
                    )
                },
                |r| {
                    let spelling =
                        [Spelling::OneHot, Spelling::Sparse, Spelling::MultiHot][r.below(3)];
                    let class = r.below(4);
                    let multi = (0..4).map(|_| r.below(2) == 1).collect();
                    let ls = snap(r.below(31) as f64 * 0.01, 0.01);
                    (spelling, class, multi, ls, random_logits(r, 4, 12.0, 0.01))
                },
            );
            labels_programs(spelling, class, &multi, ls, &z)
        },
    },
    PanelSet {
        page: PAGE,
        step: "threshold",
        make: |seed| {
            let (z, raw, t) = state_for(
                seed,
                || (vec![2.0, -0.3, 0.3, -1.0, -2.0], false, 0.5),
                |r| {
                    let z = random_logits(r, 5, 6.0, 0.001);
                    let raw = r.below(2) == 1;
                    let t = if raw {
                        snap(-3.0 + 0.05 * r.below(121) as f64, 0.01)
                    } else {
                        snap(0.05 * r.below(21) as f64, 0.01)
                    };
                    (z, raw, t)
                },
            );
            threshold_programs(&z, raw, t)
        },
    },
    PanelSet {
        page: PAGE,
        step: "top-k",
        make: |seed| {
            let (z, class, k) = state_for(
                seed,
                || (vec![2.0, 0.5, 1.0, -0.5, -1.0], 1, 2),
                |r| (random_logits(r, 5, 6.0, 0.001), r.below(5), 1 + r.below(5)),
            );
            top_k_programs(&z, class, k)
        },
    },
    PanelSet {
        page: PAGE,
        step: "accuracy-trap",
        make: |seed| {
            let bias = state_for(seed, || 0.0, |r| -10.0 + 0.25 * r.below(57) as f64);
            trap_programs(&batch(), bias)
        },
    },
    PanelSet {
        page: PAGE,
        step: "roc",
        make: |seed| {
            let b = batch();
            let count = roc_points_strict(&b.y_true, &b.probabilities(0.0)).len();
            let index = state_for(seed, || 0, |r| r.below(count));
            roc_programs(&b, index)
        },
    },
    PanelSet {
        page: PAGE,
        step: "keras-accuracy",
        make: |seed| {
            let (target, single) = state_for(
                seed,
                || (TargetShape::Integer, false),
                |r| {
                    let shapes = [
                        TargetShape::Integer,
                        TargetShape::IntegerColumn,
                        TargetShape::OneHot,
                        TargetShape::MultiHot,
                    ];
                    (shapes[r.below(4)], r.below(2) == 1)
                },
            );
            keras_accuracy_programs(&batch(), target, single)
        },
    },
];

/// A matrix for Python code, one row per line.
fn py_matrix(rows: impl Iterator<Item = String>) -> String {
    format!(
        "[\n{}]",
        rows.map(|r| format!("    {r},\n")).collect::<String>()
    )
}

/// The batch's 0/1 targets, one row per line.
fn y_rows(b: &Batch) -> String {
    py_matrix((0..BATCH_ROWS).map(|r| {
        let row: Vec<usize> = Batch::row(&b.y_true, r)
            .iter()
            .map(|y| *y as usize)
            .collect();
        py_ints(&row)
    }))
}

/// The batch's logits, one row per line.
fn logit_rows(b: &Batch) -> String {
    py_matrix((0..BATCH_ROWS).map(|r| py_list(&Batch::row(&b.logits, r))))
}

/// The one-hot vector of `class` among `n`.
fn one_hot(class: usize, n: usize) -> Vec<f64> {
    (0..n).map(|i| if i == class { 1.0 } else { 0.0 }).collect()
}

/// The batch written out for a program: a comment naming the labels, then the 0/1 targets as
/// `y_name` and the logits as `logits`, one row per line; `rows` says what a row is.
fn batch_data(b: &Batch, rows: &str, y_name: &str) -> String {
    format!(
        "# The lesson's batch: 10 {rows} (rows) x 5 labels ({})\n{y_name} = np.array({}, dtype=\"float32\")\nlogits = np.array({}, dtype=\"float32\")\n",
        OBJECTS.join(", "),
        y_rows(b),
        logit_rows(b)
    )
}
