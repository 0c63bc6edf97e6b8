//! Lesson 5's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks).
//!
//! The page trains its models in the browser, in f64, from its own seeded start: no
//! framework reproduces those runs digit for digit. So each program holds the numbers the
//! page shows (a picture, or the 190 test scores rounded to the 4 significant digits the
//! page itself uses) and prints what the page computes from them, and it defines the
//! models as the page trains them, printing only what does not depend on a random start.

mod inspect;
mod parts;
mod python;
mod supervised;
#[cfg(test)]
mod tests;
mod thread_code;
mod threshold;
mod train;

pub use inspect::inspect_programs;
pub use parts::parts_programs;
pub use supervised::supervised_programs;
pub use thread_code::{thread_programs, thread_scores, ThreadScores};
pub use threshold::{keras_buckets, threshold_programs};
pub use train::{train_programs, CONV_CODE, CONV_PARAMETERS};

use crate::lessons::code::{snap, state_for, PanelSet};
use crate::model::anomaly::{
    supervised_training_set, ClassifierTraining, Dataset, Kind, Lab, CLASSIFIER_EPOCHS, EPOCHS,
};
use crate::model::regression::Head;

use super::{GALLERY_PER_KIND, LOG_THRESHOLD_RANGE, LOG_THRESHOLD_STEP};

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "anomaly-detection",
        step: "parts",
        make: |seed| {
            let pick = state_for(seed, || 0, |r| r.below(4 * GALLERY_PER_KIND));
            let data = Dataset::seeded();
            let (index, kind) = gallery(&data)[pick];
            parts_programs(index, kind, &data.test[index].pixels)
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "train",
        make: |seed| train_programs(state_for(seed, || 0, |r| 1 + r.below(EPOCHS)), None),
    },
    PanelSet {
        page: "anomaly-detection",
        step: "threshold",
        make: |seed| {
            let lab = trained_lab();
            let t = state_for(
                seed,
                || lab.suggested_threshold(),
                |r| {
                    let (lo, hi) = LOG_THRESHOLD_RANGE;
                    10f64.powf(snap(r.range(lo, hi), LOG_THRESHOLD_STEP))
                },
            );
            threshold_programs(&lab.data().test_labels(), &shown(lab.test_errors()), t)
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "inspect",
        make: |seed| {
            let lab = trained_lab();
            let i = state_for(seed, || 0, |r| r.below(lab.data().test.len()));
            let x = &lab.data().test[i].pixels;
            inspect_programs(
                i,
                lab.data().test[i].kind,
                x,
                &lab.training().model().reconstruct(x),
            )
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "supervised",
        make: |seed| {
            let (steps, budget) = state_for(
                seed,
                || (CLASSIFIER_EPOCHS, 0.05),
                |r| {
                    // Trained to the end (the button), or replayed from a link to any step.
                    let steps = if r.below(3) == 0 {
                        1 + r.below(CLASSIFIER_EPOCHS)
                    } else {
                        CLASSIFIER_EPOCHS
                    };
                    (steps, snap(r.range(0.0, 0.25), 0.01))
                },
            );
            let lab = trained_lab();
            let p = classifier_probabilities(lab.data(), steps);
            supervised_programs(steps, budget, &p, lab.data())
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "thread-code",
        make: |seed| {
            // Two set-ups: the thread's (the default) and the classification one.
            let head = state_for(seed, || Head::LinearMse, |_| Head::SigmoidBce);
            let lab = trained_lab();
            thread_programs(
                head,
                &shown(&lab.pixel_raw(head)),
                &lab.data().test_labels(),
            )
        },
    },
];

/// The lab with every model trained to the end, once (for the checker's states).
fn trained_lab() -> &'static Lab {
    Lab::trained()
}

/// The first step's gallery: (test index, kind) of each picture, row by row.
pub fn gallery(data: &Dataset) -> Vec<(usize, Kind)> {
    Kind::ALL
        .iter()
        .flat_map(|k| {
            data.test_indices(*k)
                .into_iter()
                .take(GALLERY_PER_KIND)
                .map(move |i| (i, *k))
        })
        .collect()
}

/// A number rounded to 4 significant digits, as the page shows it.
pub fn sig4(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{x:.3e}").parse().unwrap_or(x)
}

/// Scores as the page shows and uses them: rounded to 4 significant digits, so a program
/// holding the numbers on screen computes exactly what the page does.
pub fn shown(scores: &[f64]) -> Vec<f64> {
    scores.iter().map(|s| sig4(*s)).collect()
}

/// The classifier's probabilities on the test pictures after `steps` full-batch steps, as
/// the page shows them (4 significant digits).
pub fn classifier_probabilities(data: &Dataset, steps: usize) -> Vec<f64> {
    let (images, labels) = supervised_training_set(data);
    let mut run = ClassifierTraining::new(Head::SigmoidBce, steps.min(CLASSIFIER_EPOCHS));
    run.finish(&images, &labels);
    let p: Vec<f64> = data
        .test
        .iter()
        .map(|s| run.model().predict(&s.pixels))
        .collect();
    shown(&p)
}

/// A picture as a camera saves it: 8-bit grey levels, 0 (black) to 255 (white).
pub fn grey_levels(pixels: &[f64]) -> Vec<u8> {
    pixels
        .iter()
        .map(|p| (p.clamp(0.0, 1.0) * 255.0).round() as u8)
        .collect()
}

/// Brightest, darkest and mean pixel of a picture saved as grey levels, in [0, 1].
pub fn grey_stats(grey: &[u8]) -> [f64; 3] {
    let x: Vec<f64> = grey.iter().map(|g| *g as f64 / 255.0).collect();
    [
        x.iter().copied().fold(0.0, f64::max),
        x.iter().copied().fold(1.0, f64::min),
        x.iter().sum::<f64>() / x.len().max(1) as f64,
    ]
}
