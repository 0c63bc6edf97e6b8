//! Lesson 4: Linear or sigmoid output for regression? One grey pixel regressed three ways
//! (linear + MSE, sigmoid + MSE, sigmoid + binary cross-entropy with a soft target), the
//! saturation that makes sigmoid + MSE slow, a training race, and a whole grey image.

pub mod charts;
pub mod link;
pub mod panels;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};
use crate::model::regression::RaceSettings;

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "regression-output",
    title: "Linear or sigmoid output for regression?",
    nav_label: "4 · Regression output",
    blurb: "Regress one grey pixel three ways (linear + MSE, sigmoid + MSE, sigmoid + \
            cross-entropy), find where sigmoid + MSE stops learning, race the three set-ups \
            and train a whole image with each.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// Where the one-pixel step starts: target y and output z (no task holds there).
pub const ONE_PIXEL_START: (f64, f64) = (0.3, -2.0);
/// Where the saturation step starts: target y and output z (no task holds there).
pub const SATURATION_START: (f64, f64) = (0.5, 2.0);
/// The training race's starting settings.
pub const RACE_START: RaceSettings = RaceSettings {
    target: 0.9,
    start: 0.05,
    learning_rate: 0.1,
};
/// The image race's starting learning rate.
pub const IMAGE_LEARNING_RATE: f64 = 0.2;
/// Playback speeds in steps per second, with their names.
pub const SPEEDS: [(f64, &str); 3] = [(5.0, "slow"), (20.0, "normal"), (60.0, "fast")];
/// At most this many training steps are taken in one animation frame.
pub const MAX_STEPS_PER_FRAME: usize = 8;

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "regression-output",
    question: "My network predicts a greyscale image whose pixels are normalised to [0, 1]. \
               Should the output layer be linear, as regression usually is, or a sigmoid, \
               whose outputs already lie in [0, 1]? And which loss goes with it?",
    thread: "Using sigmoid on the output of a regression model with normalized data",
    steps: STEPS,
};

steps! {
    step! {
        id: "one-pixel",
        title: "One pixel, three set-ups",
        view: one_pixel,
        tasks: [
            "sigmoid-hits" => "Set the target to 0.8 or more, then drag z until the sigmoid output is within 0.01 of it.",
            "linear-hits" => "Keep that target and move z until the linear output equals it (within 0.01): a different z.",
        ],
        corrections: [
            "A sigmoid output is a probability, so it belongs to classification, not regression."
                => "A sigmoid only squeezes any number into (0, 1). It means “probability” when it is trained on 0/1 labels with cross-entropy; trained on grey levels it is simply a prediction that cannot leave the pixel range. Image autoencoders end in a sigmoid all the time.",
        ],
    },
    step! {
        id: "saturation",
        title: "When sigmoid + MSE stops learning",
        view: saturation,
        tasks: [
            "saturate" => "Set the target to 1 and put z at −8, the sigmoid saturated on the wrong side. Compare the gradients.",
            "clip-flat" => "Keep the target at 1 and push z further down until Keras' probability path goes flat (gradient exactly 0).",
        ],
        predict: PredictInfo {
            question: "Target 1, output z (pre-activation) = −8: the sigmoid outputs 0.0003, about as wrong as it can be. How large is the sigmoid + MSE gradient dL/dz there?",
            choices: &[
                "About −2: twice the error",
                "About −1",
                "About −0.0007: almost nothing",
                "Exactly 0",
            ],
            answer: 2,
            explanation: "2(σ − y) is about −2, but the chain rule multiplies it by the sigmoid's slope σ(1 − σ) ≈ 0.00034: the unit is saturated, so the gradient is about −6.7e−4, some 1500 times smaller than cross-entropy's σ − y ≈ −0.9997. Cross-entropy's logarithm cancels that slope exactly, which is why it keeps pulling however wrong the output is.",
        },
    },
    step! {
        id: "race",
        title: "The training race",
        view: race,
        tasks: [
            "race-finish" => "Run the race to the end (play, or step through it).",
            "race-overshoot" => "Find a learning rate at which the linear output leaves [0, 1] during the race, and run it.",
            "race-adam" => "Switch the optimizer to Adam and run the race to the end: does sigmoid + MSE now reach the target (within 0.05)?",
        ],
        predict: PredictInfo {
            question: "All three start at the prediction 0.05, the target is 0.9 and the learning rate 0.1. After 150 steps, which set-up is still clearly off target?",
            choices: &[
                "linear + MSE",
                "sigmoid + MSE",
                "sigmoid + BCE",
                "None: all three arrive",
            ],
            answer: 1,
            explanation: "sigmoid + MSE starts saturated: at ŷ = 0.05 its gradient carries the factor σ(1 − σ) = 0.0475, so it crawls until it leaves the flat part (it ends near 0.37). sigmoid + BCE has no such factor and escapes at once, then slows near the target, where its curvature is σ(1 − σ) = 0.09 (it ends near 0.84). The linear head is a parabola in z: every step removes 2η of the remaining error, so it arrives within 20 steps. All of this is plain gradient descent, whose step is η times the gradient; the text below shows what Adam changes.",
        },
        corrections: [
            "Sigmoid is for binary classification: outputs below 0.5 count as class 0, above 0.5 as class 1."
                => "Thresholding at 0.5 is a decision rule for classifiers, not part of the sigmoid. In regression nothing is thresholded: an output of 0.37 means the grey level 0.37, and the race is judged by how close that number gets to the target.",
        ],
    },
    step! {
        id: "image",
        title: "A whole image",
        view: image,
        tasks: [
            "image-trained" => "Train the three images for all their steps.",
            "image-overshoot" => "Find a learning rate at which linear pixels leave [0, 1] (they get a dot) while training.",
        ],
    },
    step! {
        id: "summary",
        title: "Summary",
        view: summary,
        corrections: [
            "Regression uses a linear output; a sigmoid is not for normalised data."
                => "Linear is the right default when the target can be any number. When the target is bounded in [0, 1], both are legitimate: a linear output can stray outside the range on new inputs (clip it when predicting), a sigmoid cannot stray but never reaches exactly 0 or 1 and saturates. Pair the sigmoid with cross-entropy on its logit to keep its gradients alive.",
            "Sigmoid is mostly used for binary classification, so a regression output should not end in one."
                => "How often a function is used for one job says nothing about another. A sigmoid fixes the output's range to (0, 1): a binary classifier needs that, and so does a pixel in [0, 1]. What decides it is what this lesson measured: whether the target stays in [0, 1], whether never reaching exactly 0 or 1 matters, and whether the loss and optimizer keep a saturated unit learning.",
        ],
    },
}
