//! Lesson 3: Which loss and which metrics? Multi-class against multi-label, and the metric
//! traps in between.

pub mod batch;
pub mod keras_rules;
pub mod link;
pub mod panels;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "losses-and-metrics",
    title: "Which loss and which metrics?",
    nav_label: "3 · Losses & metrics",
    blurb: "Write labels three ways, watch every Keras cross-entropy respond, fall into the \
            inflated-accuracy trap on purpose, drag a threshold along a ROC curve and find \
            out what metrics=[\"accuracy\"] really computes.",
    lesson: Some(&LESSON),
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

/// Labels of the multi-label batch (an image can show any subset).
pub const OBJECTS: [&str; 5] = ["person", "car", "tree", "dog", "bicycle"];
/// Classes of the multi-class examples (exactly one per image).
pub const ANIMALS: [&str; 5] = ["cat", "dog", "fox", "owl", "bee"];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "losses-and-metrics",
    question: "My classifier has several labels. Which loss should it train with, and which \
               metrics tell me honestly how it does, for multi-class (exactly one label) \
               and for multi-label (any subset) problems?",
    thread: "Which Loss function & Metrics is more suitable for multi-label classification?",
    steps: &[
        Step {
            id: "labels-and-losses",
            title: "One label, three spellings, three losses",
            tasks: &[
                TaskInfo { id: "sparse-same", text: "Switch to the sparse spelling (with no smoothing) and see the categorical and sparse losses agree." },
                TaskInfo { id: "smooth-optimum", text: "With label smoothing of at least 0.1, drag the logits to where the categorical loss is lowest (within 0.005)." },
            ],
            predict: Some(PredictInfo {
                question: "With label smoothing 0.1 over 4 classes, the categorical loss is lowest when the true class's probability is…",
                choices: &["1, as always", "0.925", "0.9", "0.75"],
                answer: 1,
                explanation: "Smoothing replaces the one-hot target by y(1 − 0.1) + 0.1/4: 0.925 for the true class and 0.025 for each other one. Cross-entropy is lowest when the prediction equals the target, so a smoothed model is rewarded for stopping at 92.5 % instead of pushing its logits to infinity.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::labels_and_losses::view,
        },
        Step {
            id: "threshold",
            title: "binary_accuracy and its threshold",
            tasks: &[TaskInfo { id: "logit-threshold", text: "With raw logits as y_pred, set the threshold that agrees with probabilities at 0.5." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::threshold::view,
        },
        Step {
            id: "top-k",
            title: "Categorical and top-k accuracy",
            tasks: &[TaskInfo { id: "second-place", text: "Rank the true class exactly second: categorical accuracy 0, top-2 accuracy 1." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::top_k::view,
        },
        Step {
            id: "accuracy-trap",
            title: "The inflated-accuracy trap",
            tasks: &[
                TaskInfo { id: "all-negative", text: "Find the model that says “no” to everything: high accuracy, recall 0." },
                TaskInfo { id: "best-f1", text: "Now find the bias with the best F1 score." },
            ],
            predict: Some(PredictInfo {
                question: "On this batch (6 true labels out of 50), a model that answers “no” to every label gets a binary accuracy of about…",
                choices: &["12 %", "50 %", "88 %"],
                answer: 2,
                explanation: "44 of the 50 answers are “no”, so saying “no” everywhere is right 88 % of the time while finding nothing at all. With sparse positives, accuracy mostly measures how rare the positives are. Precision, recall and F1 look only at the positives, so they cannot be fooled this way.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::accuracy_trap::view,
        },
        Step {
            id: "roc",
            title: "ROC curve and AUC",
            tasks: &[TaskInfo { id: "recall-80", text: "Pick the threshold with recall ≥ 0.8 and the fewest false positives." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::roc::view,
        },
        Step {
            id: "keras-accuracy",
            title: "What metrics=[\"accuracy\"] means",
            tasks: &[TaskInfo { id: "silent-categorical", text: "Set up the multi-label model and find which accuracy Keras picks for it." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::keras_accuracy::view,
        },
        Step {
            id: "summary",
            title: "Summary",
            tasks: &[],
            predict: None,
            corrections: &[
                Correction {
                    claim: "The answer's model ends with model.add(4, activation=\"softmax\").",
                    correction: "That is not valid Keras: add takes a layer, so it must be model.add(Dense(4, activation=\"softmax\")) (or Dense(4) with from_logits=True in the loss).",
                },
                Correction {
                    claim: "The answer recommends softmax with categorical cross-entropy for the question.",
                    correction: "That only covers multi-class. The question was about multi-label, which needs one sigmoid per label with binary cross-entropy, and per-label metrics; the answer never addresses that half.",
                },
                Correction {
                    claim: "The answer's code passes the test set as validation_data.",
                    correction: "Anything used during training, such as early stopping or picking the best epoch, tunes the model to that data. Keep a separate validation split and touch the test set once, at the end.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::summary::view,
        },
    ],
};
