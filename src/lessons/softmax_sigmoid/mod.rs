//! Lesson 2: Softmax or sigmoid at the output? Exclusive classes against independent labels.

pub mod panels;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "softmax-or-sigmoid",
    title: "Softmax or sigmoid at the output?",
    nav_label: "2 · Softmax or sigmoid",
    blurb: "Feed the same logits to a softmax and to per-class sigmoids, try to push every \
            output past 0.5, turn the temperature, and decide which head fits multi-class \
            and multi-label problems.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// Movie genres for the multi-label example.
pub const GENRES: [&str; 3] = ["action", "comedy", "romance"];
/// Animals for the multi-class example.
pub const ANIMALS: [&str; 3] = ["cat", "dog", "bird"];
/// The movie's true genres in the multi-label task: an action comedy.
pub const MOVIE_TARGET: [bool; 3] = [true, true, false];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "softmax-or-sigmoid",
    question: "For the output layer of a classifier, when should the last activation be a \
               softmax and when a sigmoid? Is one simply better?",
    thread: "softmax and sigmoid function for the output layer",
    steps: STEPS,
};

steps! {
    step! {
        id: "two-heads",
        title: "Same logits, two heads",
        view: two_heads,
        tasks: [
            "all-sigmoids" => "Make all three sigmoid outputs exceed 0.5.",
            "sigmoid-sum" => "Make the sigmoid outputs add up to more than 2.",
        ],
        predict: PredictInfo {
            question: "Can you make all three softmax outputs exceed 0.5 at the same time?",
            choices: &[
                "Yes, with large enough logits",
                "Yes, if all three logits are equal",
                "No: at most one can exceed 0.5",
                "No: a softmax output never exceeds 0.5",
            ],
            answer: 2,
            explanation: "Softmax outputs always add up to exactly 1, so two of them above 0.5 would already make more than 1. Sigmoid outputs are computed one class at a time and nothing ties them together: each can be anywhere in (0, 1), and their sum anywhere in (0, 3).",
        },
    },
    step! {
        id: "two-classes",
        title: "With two classes they are the same",
        view: two_classes,
        tasks: [
            "p-075" => "Make class 0's probability 0.75 (within 0.005).",
        ],
    },
    step! {
        id: "temperature",
        title: "Temperature",
        view: temperature,
        tasks: [
            "one-hot" => "With the temperature, make the largest probability exceed 0.99.",
            "uniform" => "With the temperature, bring the entropy above 99 % of its maximum.",
        ],
        predict: PredictInfo {
            question: "For z = [12, −12, 0] at temperature T = 10, softmax(z / T) is about…",
            choices: &["[0.33, 0.33, 0.33]: uniform", "[0.72, 0.07, 0.22]", "[1.00, 0.00, 0.00]: one-hot"],
            answer: 1,
            explanation: "Dividing by T = 10 turns the logits into [1.2, −1.2, 0]: still clearly different, so the distribution is flatter but far from uniform. Softmax only approaches uniform as T grows without bound, and approaches one-hot as T shrinks towards 0.",
        },
    },
    step! {
        id: "exclusive-or-not",
        title: "Multi-class or multi-label?",
        view: exclusive_or_not,
        tasks: [
            "animal" => "Multi-class: make the model say “bird” with probability above 0.5.",
            "movie" => "Multi-label: tag the movie as an action comedy (every genre on the right side of 0.5).",
        ],
        corrections: [
            "Use softmax at the output because then you can apply cross-entropy."
                => "Cross-entropy works with sigmoid outputs just as well: binary cross-entropy, one term per label. The real question is whether the classes exclude each other (softmax) or not (sigmoids).",
            "Softmax gives a joint distribution over the classes."
                => "It gives a categorical distribution: one probability per class of a single choice among mutually exclusive classes. Independent sigmoids give one Bernoulli probability per label.",
        ],
    },
    step! {
        id: "detection",
        title: "And object detection?",
        view: detection,
        tasks: [
            "person-and-woman" => "Label one box as both “person” and “woman”.",
        ],
        corrections: [
            "Object detection is classification on a sliding window."
                => "That is how the earliest detectors worked. Detectors today predict boxes and a class score per box directly: two-stage ones (Faster R-CNN, Mask R-CNN) first propose regions and then classify each one; one-stage ones (SSD, YOLO, RetinaNet) score every box in a single pass over the image.",
            "(Missing from the thread) Detectors use a softmax over classes for each box."
                => "It depends on the detector. Two-stage detectors such as Faster R-CNN and Mask R-CNN do use a softmax per region, over C + 1 classes (the extra one is “background”). Many one-stage detectors, YOLOv3 and its successors among them, often use independent per-class sigmoids instead, so that one box can carry overlapping labels such as “person” and “woman”.",
        ],
    },
    step! {
        id: "summary",
        title: "Summary",
        view: summary,
    },
}
