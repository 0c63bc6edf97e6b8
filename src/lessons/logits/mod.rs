//! Lesson 1: What are logits? The two meanings of the word, and why losses want raw scores.

pub mod panels;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "logits",
    title: "What are logits?",
    nav_label: "1 · Logits",
    blurb: "Raw scores or log-odds? Drag logits through softmax, shift them all at once, find \
            where float32 breaks, and see why losses ask for from_logits=True.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "logits",
    question:
        "TensorFlow and Keras keep talking about “logits”: softmax_cross_entropy_with_logits, \
               from_logits=True. What exactly is a logit, and why do these functions want one \
               instead of a probability?",
    thread: "What is the meaning of the word logits in TensorFlow?",
    steps: STEPS,
};

steps! {
    step! {
        id: "raw-scores",
        title: "Logits are raw scores",
        view: raw_scores,
        tasks: [
            "class-3-top" => "Make class 3 the most likely class.",
            "class-3-sure" => "Make the model more than 90 % sure of class 3.",
        ],
        corrections: [
            "Logits are the “fullest” output of the model, which is later squashed down to one value per class."
                => "Logits already have exactly one entry per class. Softmax keeps the length: it only rescales the same vector so it becomes a probability distribution.",
            "The quoted tutorial builds the logits layer with tf.layers.dense."
                => "That is TensorFlow 1. Today the same layer is keras.layers.Dense(num_classes), with no activation, so it outputs logits.",
        ],
    },
    step! {
        id: "shift",
        title: "Adding a constant changes nothing",
        view: shift,
        tasks: [
            "shift-100" => "Add +100 to every logit (in total) and check that no probability moved.",
        ],
        predict: PredictInfo {
            question: "You add 100 to every logit. What happens to the softmax probabilities?",
            choices: &[
                "They all move towards 1",
                "Nothing: they stay the same",
                "The largest grows and the others shrink",
                "They overflow and become NaN",
            ],
            answer: 1,
            explanation: "Each exponential gets the same factor e¹⁰⁰, which cancels between the numerator and the sum below it. Only differences between logits matter. That is exactly why softmax implementations subtract the largest logit first: the answer is unchanged and nothing overflows.",
        },
    },
    step! {
        id: "log-odds",
        title: "The other meaning: log-odds",
        view: log_odds,
        tasks: [
            "p-0.9" => "Find the logit where p = 0.9.",
        ],
        corrections: [
            "The logits layer feeds into the logit function."
                => "It feeds a sigmoid or a softmax. The sigmoid is the logit function's inverse; softmax generalises the sigmoid to many classes and has no such inverse (step 6 shows logit does not undo it). The logit function goes the other way: from a probability back to a score.",
        ],
    },
    step! {
        id: "with-logits",
        title: "Why losses want logits",
        view: with_logits,
        tasks: [
            "break-naive" => "Make the naive float32 loss (a) overflow to ∞ or NaN.",
            "clip-lies" => "Find where the clipped probability path (c) stops telling the truth.",
        ],
        corrections: [
            "“With logits” means the function applies a softmax to normalise the logits for you."
                => "Half right. The softmax does happen inside, but fused with the logarithm as a log-softmax (log-sum-exp), which is what makes it exact for any logits. And the function returns a loss, not normalised probabilities.",
        ],
    },
    step! {
        id: "double-softmax",
        title: "The double-softmax bug",
        view: double_softmax,
        tasks: [
            "low-loss" => "Bring the correct loss below 0.01, then look at the buggy one.",
        ],
        corrections: [
            "PyTorch names its losses without any “with logits” suffix."
                => "PyTorch has BCEWithLogitsLoss and binary_cross_entropy_with_logits; its CrossEntropyLoss simply always takes logits. TensorFlow, for its part, has tf.nn.sparse_softmax_cross_entropy_with_logits too.",
        ],
    },
    step! {
        id: "round-trip",
        title: "logit undoes sigmoid, not softmax",
        view: round_trip,
        tasks: [
            "two-class" => "Find the set-up where logit(p₀) gives back z₀ exactly.",
        ],
        predict: PredictInfo {
            question: "For z = [2, 1, 0.5], what is logit(softmax(z))?",
            choices: &["[2, 1, 0.5]: logit undoes softmax", "[0.53, −1.20, −1.81]", "[0.63, 0.23, 0.14]"],
            answer: 1,
            explanation: "The logit function inverts one sigmoid, which compares one class with “not this class”. Softmax divides by the sum over all classes, so logit(pᵢ) = zᵢ − ln Σⱼ≠ᵢ e^zⱼ: the other logits leak in. Only with two classes and the other logit at 0 is softmax a sigmoid of z₀, and then logit gives back z₀.",
        },
    },
    step! {
        id: "summary",
        title: "Summary",
        view: summary,
    },
}
