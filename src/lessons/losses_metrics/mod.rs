//! Lesson 3: Which loss and which metrics? Multi-class against multi-label, and the metric
//! traps in between.

pub mod batch;
pub mod keras_rules;
pub mod link;
pub mod panels;
pub mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "losses-and-metrics",
    title: "Which loss and which metrics?",
    nav_label: "3 · Losses & metrics",
    blurb: "Write labels three ways, watch every Keras cross-entropy respond, fall into the \
            inflated-accuracy trap on purpose, drag a threshold along a ROC curve and find \
            out what metrics=[\"accuracy\"] really computes.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// Labels of the multi-label batch (an image can show any subset).
pub const OBJECTS: [&str; 5] = ["person", "car", "tree", "dog", "bicycle"];
/// Classes of the multi-class examples (exactly one per image).
pub const ANIMALS: [&str; 5] = ["cat", "dog", "fox", "owl", "bee"];

/// Binary cross-entropy as Keras computes it: one yes/no loss per label, then their mean.
pub const FORMULA_BCE: &str = r"\mathrm{BCE} = -\frac{1}{C}\sum_{i=1}^{C}\Big[\,y_i \ln \sigma(z_i) + (1 - y_i)\ln\big(1 - \sigma(z_i)\big)\Big]";
/// Categorical cross-entropy: one softmax over the C classes.
pub const FORMULA_CCE: &str = r"\mathrm{CCE} = -\sum_{i=1}^{C} y_i \ln \mathrm{softmax}(z)_i";
/// Sparse categorical cross-entropy: the true class k written as an integer.
pub const FORMULA_SCCE: &str = r"\mathrm{SCCE} = -\ln \mathrm{softmax}(z)_k";

/// How one choice in the asker's table holds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The right tool for the job.
    Fine,
    /// Runs and reports a number, but the number does not mean what the asker thinks.
    Misleading,
    /// Does not fit the problem.
    Wrong,
}

impl Verdict {
    /// The word shown in the verdict table.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Fine => "fine",
            Verdict::Misleading => "misleading",
            Verdict::Wrong => "wrong",
        }
    }
}

/// One cell of the asker's table: a loss or metric for a kind of problem, and our verdict.
#[derive(Clone, Copy, Debug)]
pub struct Judged {
    /// The combination, such as "categorical cross-entropy on multi-hot labels".
    pub combination: &'static str,
    /// Fine, misleading or wrong.
    pub verdict: Verdict,
    /// Why, in one line.
    pub reason: &'static str,
}

/// Every cell of the asker's table (multi-label: binary or categorical cross-entropy;
/// binary_accuracy, top-k, categorical_accuracy, AUC. Multi-class: binary cross-entropy;
/// binary_accuracy, F1, recall, precision), in the asker's order.
pub const VERDICTS: &[Judged] = &[
    Judged {
        combination: "binary cross-entropy on multi-hot labels",
        verdict: Verdict::Fine,
        reason: "One sigmoid and one yes/no loss per label, averaged over the labels: any number of labels can be 1. This is the matching loss for multi-label.",
    },
    Judged {
        combination: "categorical cross-entropy on multi-hot labels",
        verdict: Verdict::Wrong,
        reason: "It treats the row as one distribution and rewards spreading probability over the true labels, but a softmax head must share 1 among them: two true labels get 0.5 each at best, never both high.",
    },
    Judged {
        combination: "binary_accuracy on multi-label",
        verdict: Verdict::Misleading,
        reason: "The right kind of accuracy (one match per label), but with few positives, saying “no” to everything already scores high (88 % in step 4). Read it beside recall.",
    },
    Judged {
        combination: "top-k categorical accuracy on multi-label",
        verdict: Verdict::Misleading,
        reason: "Keras takes the argmax of the target, its first true label, and only asks whether that one is among the k highest scores: every other true label is ignored.",
    },
    Judged {
        combination: "categorical_accuracy on multi-label",
        verdict: Verdict::Wrong,
        reason: "It asks whether the highest output is the first true label (step 6): a row [0, 1, 1] whose output peaks at label 2 scores 0, and an all-zero row counts as label 0.",
    },
    Judged {
        combination: "AUC on multi-label",
        verdict: Verdict::Fine,
        reason: "Needs no threshold, and answering “no” everywhere scores only 0.5. AUC(multi_label=True) is the mean of one AUC per label; judge it where every label occurs (step 6).",
    },
    Judged {
        combination: "binary cross-entropy for multi-class",
        verdict: Verdict::Misleading,
        reason: "With a softmax head it trains, but its number is the mean of C separate yes/no losses (Keras averages over the classes), not the loss of one choice among C: use categorical (one-hot) or sparse categorical (integer) cross-entropy. With two classes and one sigmoid, binary cross-entropy is right.",
    },
    Judged {
        combination: "binary_accuracy on one-hot labels",
        verdict: Verdict::Misleading,
        reason: "It scores each of the C entries of a row on its own, so the C − 1 easy zeros inflate it: predicting 0 everywhere already scores (C − 1)/C, 80 % with 5 classes. Use categorical accuracy.",
    },
    Judged {
        combination: "F1, recall and precision for multi-class",
        verdict: Verdict::Fine,
        reason: "Per class they show which classes the model misses or over-predicts (Precision(class_id=i), Recall(class_id=i), F1Score(average=None)). F1Score's default threshold=None takes each row's argmax, which suits one label per sample.",
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "losses-and-metrics",
    question: "My classifier has several labels. Which loss should it train with, and which \
               metrics tell me honestly how it does, for multi-class (exactly one label) \
               and for multi-label (any subset) problems?",
    thread: "Which Loss function & Metrics is more suitable for multi-label classification?",
    steps: STEPS,
};

steps! {
    step! {
        id: "labels-and-losses",
        title: "One label, three spellings, three losses",
        view: labels_and_losses,
        tasks: [
            "sparse-same" => "Switch to the sparse spelling (with no smoothing) and see the categorical and sparse losses agree.",
            "smooth-optimum" => "Answer the prediction; then, with label smoothing of at least 0.1, drag the logits until the categorical loss is within 0.005 of the lowest value it can reach (the floor shown with the answer).",
        ],
        predict: PredictInfo {
            question: "With label smoothing 0.1 over 4 classes, the categorical loss is lowest when the true class's probability is…",
            choices: &["1, as always", "0.925", "0.9", "0.75"],
            answer: 1,
            explanation: "Smoothing replaces the one-hot target by y(1 − 0.1) + 0.1/4: 0.925 for the true class and 0.025 for each other one. Cross-entropy is lowest when the prediction equals the target, so a smoothed model is rewarded for stopping at 92.5 % instead of pushing its logits to infinity.",
        },
    },
    step! {
        id: "threshold",
        title: "binary_accuracy and its threshold",
        view: threshold,
        tasks: [
            "logit-threshold" => "With raw logits as y_pred, set the threshold that gives the same answers as probabilities at 0.5 for every possible logit, not only these five.",
        ],
    },
    step! {
        id: "top-k",
        title: "Categorical and top-k accuracy",
        view: top_k,
        tasks: [
            "second-place" => "Rank the true class exactly second: categorical accuracy 0, top-2 accuracy 1.",
        ],
    },
    step! {
        id: "accuracy-trap",
        title: "The inflated-accuracy trap",
        view: accuracy_trap,
        tasks: [
            "all-negative" => "Find the model that says “no” to everything: high accuracy, recall 0.",
            "best-f1" => "Now find the bias with the best F1 score.",
        ],
        predict: PredictInfo {
            question: "On this batch (6 true labels out of 50), a model that answers “no” to every label gets a binary accuracy of about…",
            choices: &["12 %", "50 %", "88 %"],
            answer: 2,
            explanation: "44 of the 50 answers are “no”, so saying “no” everywhere is right 88 % of the time while finding nothing at all. With sparse positives, accuracy mostly measures how rare the positives are. Precision, recall and F1 look only at the positives, so they cannot be fooled this way.",
        },
    },
    step! {
        id: "roc",
        title: "ROC curve and AUC",
        view: roc,
        tasks: [
            "recall-80" => "Pick the threshold with recall ≥ 0.8 and the fewest false positives.",
        ],
    },
    step! {
        id: "keras-accuracy",
        title: "What metrics=[\"accuracy\"] means",
        view: keras_accuracy,
        tasks: [
            "silent-categorical" => "Set up the multi-label model and find which accuracy Keras picks for it.",
        ],
    },
    step! {
        id: "summary",
        title: "Summary",
        view: summary,
        corrections: [
            "The answer's model ends with model.add(4, activation=\"softmax\")."
                => "That is not valid Keras: add takes a layer, so it must be model.add(Dense(4, activation=\"softmax\")) (or Dense(4) with from_logits=True in the loss).",
            "The answer recommends softmax with categorical cross-entropy for the question."
                => "That only covers multi-class. The question was about multi-label, which needs one sigmoid per label with binary cross-entropy, and per-label metrics; the answer never addresses that half.",
            "The answer's code passes the test set as validation_data."
                => "Anything used during training, such as early stopping or picking the best epoch, tunes the model to that data. Keep a separate validation split and touch the test set once, at the end.",
        ],
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math;

    #[test]
    fn formulas_render() {
        for f in [FORMULA_BCE, FORMULA_CCE, FORMULA_SCCE] {
            // In the table in the form the step shows it (block or inline).
            let shown =
                crate::formula::to_mathml(f, true).or_else(|_| crate::formula::to_mathml(f, false));
            assert!(shown.is_ok(), "{f}");
        }
    }

    #[test]
    fn the_verdicts_cover_the_askers_table() {
        assert_eq!(
            VERDICTS.len(),
            9,
            "6 multi-label cells and 3 multi-class ones"
        );
        for v in VERDICTS {
            assert!(!v.combination.is_empty() && !v.reason.is_empty());
        }
        let wrong = VERDICTS
            .iter()
            .filter(|v| v.verdict == Verdict::Wrong)
            .count();
        assert_eq!(wrong, 2);
    }

    /// The reasons' numbers, computed as Keras computes them.
    #[test]
    fn the_reasons_hold() {
        // All-zero predictions on a one-hot row of 5 classes: (C − 1)/C = 0.8.
        let one_hot = [0.0, 0.0, 1.0, 0.0, 0.0];
        let acc = math::binary_accuracy(&one_hot, &[0.0; 5], 0.5).unwrap();
        assert!((acc - 0.8).abs() < 1e-12);
        // Categorical CE on a multi-hot row: splitting the softmax between the two true
        // labels (2 ln 2) beats backing either one, and the loss never gets near 0.
        let multi = [1.0, 0.0, 1.0, 0.0];
        let split = math::categorical_crossentropy(&multi, &[0.0, -30.0, 0.0, -30.0], true, 0.0);
        let backed = math::categorical_crossentropy(&multi, &[5.0, -30.0, 0.0, -30.0], true, 0.0);
        let (split, backed) = (split.unwrap(), backed.unwrap());
        assert!((split - 2.0 * 2f64.ln()).abs() < 1e-9 && backed > split);
        // Top-k on a multi-hot row only looks at the first true label (1): label 2 ranks
        // first, label 1 last, so top-2 accuracy is 0.
        let y = [0.0, 1.0, 1.0, 0.0, 0.0];
        let z = [1.0, -3.0, 3.0, 2.0, 0.0];
        assert_eq!(math::top_k_categorical_accuracy(&y, &z, 2).unwrap(), 0.0);
        // “No” everywhere (one constant low score) ranks nothing: AUC 0.5, exact and Keras'.
        let labels = [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0];
        let never = [0.01; 8];
        assert!((math::roc_auc(&labels, &never).unwrap() - 0.5).abs() < 1e-12);
        assert!((math::keras_auc(&labels, &never, 200).unwrap() - 0.5).abs() < 1e-12);
    }
}
