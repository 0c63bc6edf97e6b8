//! Lesson 5: Anomaly detection on images. An autoencoder trained live on pictures of good
//! parts flags defects it has never seen by how badly it redraws them; a classifier
//! trained on one kind of labelled defect misses another kind.
//!
//! The models and data live in [`crate::model::anomaly`]; this file holds the lesson's
//! registry entry and text. Its task conditions are in `tasks.rs`, step 3's threshold
//! mapping in `roc.rs`, its code panels in `panels`, and, in WebAssembly, its steps' views
//! in `view`.

pub mod panels;
pub mod roc;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "anomaly-detection",
    title: "Anomaly detection on images",
    nav_label: "5 · Anomaly detection",
    blurb: "Train an autoencoder live on pictures of good parts, catch scratches, spots and \
            missing pieces it has never seen by how badly it redraws them, set the alarm \
            threshold on a ROC curve, and find out why a classifier trained on scratches \
            misses the spots.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// Images of each kind in the first step's gallery.
pub const GALLERY_PER_KIND: usize = 8;
/// The "pause early" task wants a pause before this epoch.
pub const PAUSE_BEFORE_EPOCH: usize = 20;
/// The threshold slider's range and step, in log₁₀ of the reconstruction error.
pub const LOG_THRESHOLD_RANGE: (f64, f64) = (-3.8, -1.8);
/// Step of the threshold slider, in log₁₀ units.
pub const LOG_THRESHOLD_STEP: f64 = 0.01;
/// The false-alarm budget the supervised step asks the learner to allow.
pub const GENEROUS_BUDGET: f64 = 0.2;

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "anomaly-detection",
    question: "I have thousands of pictures of good parts and only a handful of defective \
               ones, and tomorrow's defect may look like nothing I have seen. How do I \
               build a deep-learning detector that learns what “normal” looks like and \
               flags anything else, the way a one-class SVM does, and how do I tell \
               whether it works?",
    thread: "DeepLearning Anomaly Detection for images",
    steps: STEPS,
};

steps! {
    step! {
        id: "parts",
        title: "Good parts and three kinds of defect",
        view: parts,
        tasks: [
            "see-each-defect" => "Select a scratch, a spot and a missing piece (click, or use the arrow keys) and look at each up close.",
        ],
    },
    step! {
        id: "train",
        title: "Train an autoencoder on good parts only",
        view: train,
        tasks: [
            "pause-early" => "Pause the training before epoch 20 and compare the reconstructions with their inputs.",
            "train-to-end" => "Train all 60 epochs.",
        ],
    },
    step! {
        id: "threshold",
        title: "Reconstruction error, threshold and ROC",
        view: threshold,
        tasks: [
            "catch-all" => "Catch every defect in the test set with as few false alarms as possible.",
            "no-false-alarms" => "Raise no false alarm at all, while catching as many defects as possible.",
        ],
        predict: PredictInfo {
            question: "Keras' default keras.metrics.AUC() and the exact ROC AUC are both computed on these reconstruction errors. What does Keras report?",
            choices: &[
                "The same number, about 0.999",
                "A little less, about 0.99",
                "Much less, about 0.6",
            ],
            answer: 2,
            explanation: "AUC() spreads 200 thresholds evenly over [0, 1], made for probabilities. Reconstruction errors are far smaller than 1, so they crowd into the few lowest buckets of that grid, and scores sharing a bucket count as ties (the numbers are below the table). The ranking is almost perfect, but Keras cannot see it. Map the scores onto [0, 1] first (the order is all that matters), pass your own thresholds, or compute the exact AUC.",
        },
    },
    step! {
        id: "inspect",
        title: "Where the reconstruction fails",
        view: inspect,
        tasks: [
            "inspect-kinds" => "Inspect a normal part and one defect of each kind.",
            "hardest-defect" => "Find the defect the autoencoder finds hardest: the one with the lowest error.",
            "worst-normal" => "Find the normal part with the highest error: the first false alarm.",
        ],
    },
    step! {
        id: "supervised",
        title: "Supervised: a classifier trained on scratches",
        view: supervised,
        tasks: [
            "train-classifier" => "Train the classifier on normal parts and scratches.",
            "generous-budget" => "Allow 20 % false alarms and check whether the classifier now finds the spots.",
        ],
        predict: PredictInfo {
            question: "The classifier catches most of the test scratches. Spots never appeared in its training. At the same false-alarm rate, how many spots will it catch?",
            choices: &[
                "About as many as scratches: a defect is a defect",
                "About half",
                "Few or none",
            ],
            answer: 2,
            explanation: "It learned what separates scratches from good parts: a bright diagonal line. A spot is a dark pit, the opposite of that, so the classifier rates spots as even less defective than good parts (its AUC on spots is below 0.5). A supervised model learns the defects it was shown; the autoencoder learned what normal looks like, so anything else stands out.",
        },
        corrections: [
            "Single-class classification is another way of saying regression."
                => "They are different things. One-class (single-class) classification learns what normal looks like from normal examples only and flags whatever does not fit, here an autoencoder scored by its reconstruction error. Regression predicts a continuous number. A model fitted to 0/1 labels is neither: it is a binary classifier.",
            "Label anomalous images 1 and good ones 0 and train a regressor on them (linear output, mean squared error)."
                => "Fitting 0/1 labels is binary classification, so it wants one sigmoid output and binary cross-entropy (or a raw output with from_logits=True), which estimates the probability of a defect. Either way it needs labelled defects, and it learns only the kinds you labelled.",
            "You can read the output as its R² to the “anomalous model” trained as 1."
                => "R² describes a whole set of predictions against their targets (1 − residual sum of squares / total sum of squares); one image's output has no R², and there is no “anomalous model” to compare with. The output of a sigmoid classifier is its estimate of the probability that the image is defective.",
        ],
    },
    step! {
        id: "thread-code",
        title: "The thread's regressor, run",
        view: thread_code,
        tasks: [
            "furthest-outside" => "With the thread's set-up, find the test image whose output lies furthest outside [0, 1].",
            "switch-to-bce" => "Switch to the classification set-up and check that every output is now a probability.",
        ],
        predict: PredictInfo {
            question: "The thread's regressor catches most test scratches. What is its R² on the test set, the score that SciKeras and Keras 3's SKLearnRegressor report?",
            choices: &[
                "Close to 1: it fits the 0/1 labels well",
                "About 0.5",
                "Below 0: worse than always answering the same number",
            ],
            answer: 2,
            explanation: "With the thread's set-up it is slightly negative. The test set holds spots and missing pieces the regressor never saw; their label is 1, but it mostly answers low, often below 0, so its squared error is larger than that of a constant guess (the share of defects). Even a good R² would not tell you how many defects get caught: precision, recall and AUC do. And the thread's old KerasRegressor.score would not have shown R² at all: it returned −MSE.",
        },
        corrections: [
            "Pass the model to keras.wrappers.scikit_learn.KerasRegressor(build_fn=…, nb_epoch=100)."
                => "That is the Keras 2 API, and it has been removed: nb_epoch had long since become epochs, and the wrappers left Keras. Use SciKeras (scikeras.wrappers.KerasRegressor(model=…, epochs=…)) or, in Keras 3, keras.wrappers.SKLearnRegressor(model=…, fit_kwargs={\"epochs\": …}).",
            "regressor.score gives the model's test score (read in the thread as an R²)."
                => "The old KerasRegressor.score returned minus the loss (here −MSE), not R². The newer wrappers return R² = 1 − MSE / Var(y) on the given data.",
            "Regression finds the best model by minimising an error or a metric such as R²."
                => "R² is maximised (1 is perfect, and it can go below 0), and it is an evaluation metric, not a training loss. The network minimises its loss, MSE here; on a fixed data set R² is just a rescaled MSE, so it adds nothing as a loss.",
        ],
    },
    step! {
        id: "summary",
        title: "Summary",
        view: summary,
        corrections: [
            "Most classification networks use a sigmoid on their output, because its range is [0, 1]."
                => "Only binary and multi-label classifiers do (one independent yes/no per output). A multi-class network, exactly one class per input, ends in a softmax over the classes, so the probabilities sum to 1.",
        ],
    },
}
