//! Lesson 3: Which loss and which metrics? Multi-class against multi-label, and the metric
//! traps in between.

pub mod panels;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};
use crate::math;

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
/// Samples in the batch.
pub const BATCH_ROWS: usize = 10;
/// Labels per sample.
pub const BATCH_COLS: usize = 5;
/// The seed of the batch: chosen so that positives are sparse (6 of 50) and Keras' default
/// `AUC()` differs visibly from the exact ROC AUC (0.9091 against 0.9034).
pub const BATCH_SEED: u64 = 1231;

/// A batch of multi-label targets and the logits a model gave them (row-major).
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// 0/1 targets, `BATCH_ROWS × BATCH_COLS`.
    pub y_true: Vec<f64>,
    /// Logits, same layout.
    pub logits: Vec<f64>,
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn uniform(state: &mut u64) -> f64 {
    (splitmix(state) >> 11) as f64 / (1u64 << 53) as f64
}

fn normal(state: &mut u64) -> f64 {
    let u1 = uniform(state).max(1e-12);
    let u2 = uniform(state);
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// The lesson's batch: about 14 % positives; a positive's logit ~ N(1.2, 1.3²), a
/// negative's ~ N(−2, 1.3²), rounded to 2 decimals. Deterministic.
pub fn batch() -> Batch {
    let mut state = BATCH_SEED;
    let mut y_true = Vec::with_capacity(BATCH_ROWS * BATCH_COLS);
    let mut logits = Vec::with_capacity(BATCH_ROWS * BATCH_COLS);
    for _ in 0..BATCH_ROWS * BATCH_COLS {
        let positive = uniform(&mut state) < 0.14;
        y_true.push(if positive { 1.0 } else { 0.0 });
        let mean = if positive { 1.2 } else { -2.0 };
        logits.push(((mean + 1.3 * normal(&mut state)) * 100.0).round() / 100.0);
    }
    Batch { y_true, logits }
}

/// A binary metric of the math core: (y_true, y_pred, threshold) → value.
type BinaryMetric = fn(&[f64], &[f64], f64) -> Result<f64, math::MathError>;

/// Metrics of the batch with `bias` added to every logit, at threshold 0.5 on σ.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchMetrics {
    /// Keras `BinaryAccuracy()`: the mean over all labels of all samples.
    pub accuracy: f64,
    /// Precision over all labels (micro).
    pub precision: f64,
    /// Recall over all labels (micro).
    pub recall: f64,
    /// F1 over all labels (micro).
    pub f1: f64,
    /// Per label: (precision, recall, F1).
    pub per_label: Vec<(f64, f64, f64)>,
}

impl Batch {
    /// σ(z + bias) for every cell.
    pub fn probabilities(&self, bias: f64) -> Vec<f64> {
        self.logits
            .iter()
            .map(|z| math::sigmoid(z + bias))
            .collect()
    }

    /// Number of positive labels.
    pub fn positives(&self) -> usize {
        self.y_true.iter().filter(|y| **y == 1.0).count()
    }

    /// Column `c` of a row-major vector.
    pub fn column(values: &[f64], c: usize) -> Vec<f64> {
        values.iter().skip(c).step_by(BATCH_COLS).copied().collect()
    }

    /// Every metric at threshold 0.5 with `bias` added to the logits.
    pub fn metrics(&self, bias: f64) -> BatchMetrics {
        let p = self.probabilities(bias);
        let y = &self.y_true;
        let m = |f: BinaryMetric, y: &[f64], p: &[f64]| f(y, p, 0.5).unwrap_or(0.0);
        let per_label = (0..BATCH_COLS)
            .map(|c| {
                let (yc, pc) = (Self::column(y, c), Self::column(&p, c));
                (
                    m(math::precision, &yc, &pc),
                    m(math::recall, &yc, &pc),
                    m(math::f1_score, &yc, &pc),
                )
            })
            .collect();
        BatchMetrics {
            accuracy: m(math::binary_accuracy, y, &p),
            precision: m(math::precision, y, &p),
            recall: m(math::recall, y, &p),
            f1: m(math::f1_score, y, &p),
            per_label,
        }
    }

    /// Keras `categorical_accuracy` over the batch, which is what `metrics=["accuracy"]`
    /// computes for multi-hot (B, C) targets against (B, C) outputs: per row, argmax of
    /// the targets (the first positive; 0 for an all-zero row) against argmax of the outputs.
    pub fn categorical_accuracy(&self, bias: f64) -> f64 {
        let p = self.probabilities(bias);
        let hits: f64 = (0..BATCH_ROWS)
            .map(|r| {
                let row = r * BATCH_COLS..(r + 1) * BATCH_COLS;
                math::categorical_accuracy(&self.y_true[row.clone()], &p[row]).unwrap_or(0.0)
            })
            .sum();
        hits / BATCH_ROWS as f64
    }
}

/// How step 1 writes the true label(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// One-hot vector: exactly one class.
    OneHot,
    /// Integer class index: exactly one class.
    Sparse,
    /// Multi-hot vector: any subset of labels.
    MultiHot,
}

crate::link_enum!(Spelling {
    Spelling::OneHot => "onehot",
    Spelling::Sparse => "sparse",
    Spelling::MultiHot => "multihot",
});

impl Batch {
    /// Row `r` of a row-major vector.
    pub fn row(values: &[f64], r: usize) -> Vec<f64> {
        values[r * BATCH_COLS..(r + 1) * BATCH_COLS].to_vec()
    }

    /// Each sample's single class when a multi-hot row is read as one class: its first
    /// positive label, 0 for a row with none (what `argmax` of the row gives).
    pub fn first_positive(&self) -> Vec<usize> {
        (0..BATCH_ROWS)
            .map(|r| {
                Self::row(&self.y_true, r)
                    .iter()
                    .position(|y| *y == 1.0)
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Keras' `AUC(multi_label=True)` (200 thresholds): one AUC per label, then their plain
    /// mean. A label with no positive (or no negative) in the batch counts as 0.
    pub fn keras_multi_label_auc(&self, bias: f64) -> (f64, Vec<f64>) {
        let p = self.probabilities(bias);
        let per_label: Vec<f64> = (0..BATCH_COLS)
            .map(|c| {
                math::keras_auc(&Self::column(&self.y_true, c), &Self::column(&p, c), 200)
                    .unwrap_or(0.0)
            })
            .collect();
        (per_label.iter().sum::<f64>() / BATCH_COLS as f64, per_label)
    }

    /// Positives per label.
    pub fn positives_per_label(&self) -> Vec<usize> {
        (0..BATCH_COLS)
            .map(|c| {
                Self::column(&self.y_true, c)
                    .iter()
                    .filter(|y| **y == 1.0)
                    .count()
            })
            .collect()
    }
}

/// The ROC curve of the scores with each point's threshold for Keras' rule "predicted when
/// score > threshold": halfway between the lowest score the point counts and the next lower
/// score (any threshold in between gives the same point); 1 for the first point (nothing
/// scores above 1) and 0 for the last (every score is above 0).
pub fn roc_points_strict(y: &[f64], scores: &[f64]) -> Vec<math::RocPoint> {
    let mut points = math::roc_curve(y, scores).unwrap_or_default();
    let cuts: Vec<f64> = points.iter().map(|p| p.threshold).collect();
    let n = points.len();
    for (i, point) in points.iter_mut().enumerate() {
        point.threshold = if i == 0 {
            1.0
        } else if i + 1 == n {
            0.0
        } else {
            (cuts[i] + cuts[i + 1]) / 2.0
        };
    }
    points
}

/// How a target tensor is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetShape {
    /// (B, C), one 1 per row.
    OneHot,
    /// (B, C), any number of 1s per row.
    MultiHot,
    /// (B,): an integer class per sample.
    Integer,
    /// (B, 1): an integer class per sample, as a column.
    IntegerColumn,
}

crate::link_enum!(TargetShape {
    TargetShape::OneHot => "onehot",
    TargetShape::MultiHot => "multihot",
    TargetShape::Integer => "integer",
    TargetShape::IntegerColumn => "column",
});

/// Which accuracy Keras 3 substitutes for the string "accuracy".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccuracyKind {
    /// `binary_accuracy`.
    Binary,
    /// `sparse_categorical_accuracy`.
    SparseCategorical,
    /// `categorical_accuracy`.
    Categorical,
}

impl AccuracyKind {
    /// The Keras function name.
    pub fn name(self) -> &'static str {
        match self {
            AccuracyKind::Binary => "binary_accuracy",
            AccuracyKind::SparseCategorical => "sparse_categorical_accuracy",
            AccuracyKind::Categorical => "categorical_accuracy",
        }
    }
}

/// Keras 3's rule (`is_binary_or_sparse_categorical` in `trainers/compile_utils.py`): binary
/// when the output's last dimension is 1; sparse categorical when the target has lower rank
/// than the output, or a last dimension of 1 against more than 1; otherwise categorical.
/// `classes` is C, the output width when `single_output` is false.
pub fn keras_accuracy_kind(
    target: TargetShape,
    single_output: bool,
    classes: usize,
) -> AccuracyKind {
    let (t_rank, t_last) = match target {
        TargetShape::OneHot | TargetShape::MultiHot => (2, classes),
        TargetShape::Integer => (1, 1),
        TargetShape::IntegerColumn => (2, 1),
    };
    let (p_rank, p_last) = (2, if single_output { 1 } else { classes });
    let is_binary = p_last == 1;
    let is_sparse = t_rank < p_rank || (t_last == 1 && p_last > 1);
    if is_binary {
        AccuracyKind::Binary
    } else if is_sparse {
        AccuracyKind::SparseCategorical
    } else {
        AccuracyKind::Categorical
    }
}

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
            view: view::labels_and_losses,
        },
        Step {
            id: "threshold",
            title: "binary_accuracy and its threshold",
            tasks: &[TaskInfo { id: "logit-threshold", text: "With raw logits as y_pred, set the threshold that agrees with probabilities at 0.5." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::threshold,
        },
        Step {
            id: "top-k",
            title: "Categorical and top-k accuracy",
            tasks: &[TaskInfo { id: "second-place", text: "Rank the true class exactly second: categorical accuracy 0, top-2 accuracy 1." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::top_k,
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
            view: view::accuracy_trap,
        },
        Step {
            id: "roc",
            title: "ROC curve and AUC",
            tasks: &[TaskInfo { id: "recall-80", text: "Pick the threshold with recall ≥ 0.8 and the fewest false positives." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::roc,
        },
        Step {
            id: "keras-accuracy",
            title: "What metrics=[\"accuracy\"] means",
            tasks: &[TaskInfo { id: "silent-categorical", text: "Set up the multi-label model and find which accuracy Keras picks for it." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::keras_accuracy,
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
            view: view::summary,
        },
    ],
};

/// Keras' label smoothing for categorical targets: y(1 − ls) + ls/C.
pub fn smooth(y: &[f64], ls: f64) -> Vec<f64> {
    let c = y.len().max(1) as f64;
    y.iter().map(|v| v * (1.0 - ls) + ls / c).collect()
}

/// Task: with smoothing ≥ 0.1, the categorical loss is within 0.005 of its minimum, the
/// entropy of the smoothed target (loss − entropy is the KL divergence).
pub fn at_smoothed_optimum(y: &[f64], z: &[f64], ls: f64) -> bool {
    if ls < 0.1 - 1e-9 {
        return false;
    }
    let target = smooth(y, ls);
    let floor = math::entropy(&target);
    math::categorical_crossentropy(y, z, true, ls).is_ok_and(|l| l - floor < 0.005)
}

/// The 1-based rank of class `c` among the scores (1 = highest; ties rank higher).
pub fn rank_of(z: &[f64], c: usize) -> usize {
    let Some(v) = z.get(c) else { return 0 };
    1 + z.iter().filter(|x| **x > *v).count()
}

/// Task: the threshold on raw logits that matches probabilities at 0.5 is 0.
pub fn logit_threshold_matches(raw_logits: bool, threshold: f64) -> bool {
    raw_logits && threshold.abs() < 1e-9
}

/// Task: all-negative model: recall 0 and accuracy ≥ 0.85.
pub fn is_all_negative(m: &BatchMetrics) -> bool {
    m.recall == 0.0 && m.accuracy >= 0.85
}

/// The best F1 over the bias slider's positions (−10 to 4 in steps of 0.25).
pub fn best_f1(batch: &Batch) -> f64 {
    bias_positions()
        .map(|b| batch.metrics(b).f1)
        .fold(0.0, f64::max)
}

/// The bias slider's positions.
pub fn bias_positions() -> impl Iterator<Item = f64> {
    (0..=56).map(|k| -10.0 + 0.25 * k as f64)
}

/// Task: the operating point has recall ≥ 0.8 at the lowest false positive rate possible.
pub fn is_best_recall_80(points: &[math::RocPoint], index: usize) -> bool {
    let best = points
        .iter()
        .filter(|p| p.tpr >= 0.8)
        .map(|p| p.fpr)
        .fold(f64::INFINITY, f64::min);
    points
        .get(index)
        .is_some_and(|p| p.tpr >= 0.8 && p.fpr <= best + 1e-12)
}

#[cfg(target_arch = "wasm32")]
mod view {
    use super::*;
    use crate::chart::BatchGrid;
    use crate::format::{format4, format_full};
    use crate::lessons::code::py_list;
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        logits_state, render_lesson, report_task, shared, shared_number, Formula, Predict,
    };
    use crate::widgets::{BatchGridView, LogitBars, ProbabilityBars, Readout, RocPlot};
    use leptos::prelude::*;

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    fn names(list: &'static [&'static str]) -> Signal<Vec<String>> {
        Signal::derive(move || list.iter().map(|s| s.to_string()).collect())
    }

    fn pct(x: f64) -> String {
        format!("{} %", format4(x * 100.0))
    }

    pub fn labels_and_losses() -> AnyView {
        let (z, set) = logits_state(&[1.0, 0.5, -0.5, -1.0]);
        let spelling = shared(
            "labels",
            Spelling::OneHot,
            |_| true,
            "onehot, sparse or multihot",
        );
        let class = shared("class", 0usize, |c| *c < 4, "a class from 0 to 3");
        let multi = shared(
            "multi",
            vec![true, false, true, false],
            |m: &Vec<bool>| m.len() == 4,
            "4 flags such as 1010",
        );
        let ls = shared_number("ls", 0.0, 0.0, 0.3);
        let y = Signal::derive(move || match spelling.get() {
            Spelling::MultiHot => multi
                .get()
                .iter()
                .map(|b| if *b { 1.0 } else { 0.0 })
                .collect::<Vec<_>>(),
            _ => (0..4)
                .map(|i| if i == class.get() { 1.0 } else { 0.0 })
                .collect(),
        });
        report_task("sparse-same", move || {
            spelling.get() == Spelling::Sparse && ls.get() == 0.0
        });
        report_task("smooth-optimum", move || {
            spelling.get() != Spelling::MultiHot
                && at_smoothed_optimum(&y.get(), &z.get(), ls.get())
        });
        let sig = Signal::derive(move || {
            z.get()
                .iter()
                .map(|v| math::sigmoid(*v))
                .collect::<Vec<_>>()
        });
        let soft = Signal::derive(move || math::softmax(&z.get()));
        let nan = f64::NAN;
        // Keras binary label smoothing: y(1 − ls) + 0.5·ls, applied before the loss.
        let y_binary = Signal::derive(move || {
            y.get()
                .iter()
                .map(|v| v * (1.0 - ls.get()) + 0.5 * ls.get())
                .collect::<Vec<_>>()
        });
        let bce_logits = Signal::derive(move || {
            math::binary_crossentropy(&y_binary.get(), &z.get(), true).unwrap_or(nan)
        });
        let bce_probs = Signal::derive(move || {
            math::binary_crossentropy(&y_binary.get(), &sig.get(), false).unwrap_or(nan)
        });
        let cce_logits = Signal::derive(move || {
            math::categorical_crossentropy(&y.get(), &z.get(), true, ls.get()).unwrap_or(nan)
        });
        let cce_probs = Signal::derive(move || {
            math::categorical_crossentropy(&y.get(), &soft.get(), false, ls.get()).unwrap_or(nan)
        });
        let floor = Signal::derive(move || math::entropy(&smooth(&y.get(), ls.get())));
        let sparse_logits = move || {
            (spelling.get() != Spelling::MultiHot).then(|| {
                math::sparse_categorical_crossentropy(class.get(), &z.get(), true).unwrap_or(nan)
            })
        };
        let y_text = move || match spelling.get() {
            Spelling::OneHot => format!("y_true = {}", py_list(&y.get())),
            Spelling::Sparse => format!("y_true = {}   (the class index)", class.get()),
            Spelling::MultiHot => format!("y_true = {}   (any subset)", py_list(&y.get())),
        };
        let class_choices = move || {
            (0..4)
                .map(|i| {
                    let multi_mode = spelling.get() == Spelling::MultiHot;
                    view! {
                        <label class="chip">
                            <input
                                type=if multi_mode { "checkbox" } else { "radio" }
                                name="l3-class"
                                data-testid=format!("l3-label-{i}")
                                prop:checked=move || if spelling.get() == Spelling::MultiHot { multi.get()[i] } else { class.get() == i }
                                on:change=move |_| {
                                    if spelling.get_untracked() == Spelling::MultiHot {
                                        multi.update(|m| m[i] = !m[i]);
                                    } else {
                                        class.set(i);
                                    }
                                }
                            />
                            {format!("class {i}")}
                        </label>
                    }
                })
                .collect::<Vec<_>>()
        };
        let programs = Signal::derive(move || {
            panels::labels_programs(
                spelling.get(),
                class.get(),
                &multi.get(),
                ls.get(),
                &z.get(),
            )
        });
        view! {
            <p>
                "The same truth can be written three ways. For exactly one true class, either a "
                <strong>"one-hot"</strong>" vector or a "<strong>"sparse"</strong>" integer index; "
                "for any subset of labels, a "<strong>"multi-hot"</strong>" vector. The spelling "
                "decides the loss's name, not its value."
            </p>
            <div class="controls">
                <fieldset>
                    <legend>"Spelling"</legend>
                    <label class="chip"><input type="radio" name="spelling" data-testid="spelling-onehot" prop:checked=move || spelling.get() == Spelling::OneHot on:change=move |_| spelling.set(Spelling::OneHot) />"one-hot"</label>
                    <label class="chip"><input type="radio" name="spelling" data-testid="spelling-sparse" prop:checked=move || spelling.get() == Spelling::Sparse on:change=move |_| spelling.set(Spelling::Sparse) />"sparse index"</label>
                    <label class="chip"><input type="radio" name="spelling" data-testid="spelling-multihot" prop:checked=move || spelling.get() == Spelling::MultiHot on:change=move |_| spelling.set(Spelling::MultiHot) />"multi-hot"</label>
                </fieldset>
                <fieldset>
                    <legend>"True label(s)"</legend>
                    <div class="chips">{class_choices}</div>
                </fieldset>
                <fieldset>
                    <legend>"Label smoothing"</legend>
                    <input type="range" min="0" max="0.3" step="0.01" data-testid="label-smoothing" aria-label="Label smoothing"
                        prop:value=move || ls.get().to_string()
                        on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { ls.set(((v * 100.0).round() / 100.0).clamp(0.0, 0.3)) } }
                    />
                    " " <Readout name="label-smoothing" value=ls />
                </fieldset>
            </div>
            <pre class="y-true" data-testid="y-true">{y_text}</pre>
            <div class="two-charts">
                <figure>
                    <figcaption>"Logits z"</figcaption>
                    <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels=Signal::derive(|| (0..4).map(|i| format!("class {i}")).collect::<Vec<_>>()) height=220 />
                </figure>
                <figure>
                    <figcaption>"softmax(z)"</figcaption>
                    <ProbabilityBars values=soft labels=Signal::derive(|| (0..4).map(|i| format!("class {i}")).collect::<Vec<_>>()) y_label=Signal::derive(|| "softmax".to_string()) height=220 />
                </figure>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers" data-testid="l3-loss-table">
                    <thead><tr><th scope="col">"Keras loss"</th><th scope="col">"from logits"</th><th scope="col">"from probabilities"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row"><code>"binary_crossentropy"</code>" (σ per label, mean)"</th><td><Readout name="l3-bce" value=bce_logits /></td><td><Readout name="l3-bce-probs" value=bce_probs /></td></tr>
                        <tr><th scope="row"><code>"categorical_crossentropy"</code>" (softmax)"</th><td><Readout name="l3-cce" value=cce_logits /></td><td><Readout name="l3-cce-probs" value=cce_probs /></td></tr>
                        <tr><th scope="row"><code>"sparse_categorical_crossentropy"</code></th>
                            <td>{move || match sparse_logits() {
                                Some(v) => view! { <Readout name="l3-scce" value=Signal::derive(move || v) /> }.into_any(),
                                None => view! { <span class="muted">"needs exactly one class"</span> }.into_any(),
                            }}</td>
                            <td class="muted">"no label smoothing"</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Sparse and categorical cross-entropy give the same number for the same class (with "
                "no smoothing): they differ only in how the label is written. Binary "
                "cross-entropy asks a separate yes/no question per label and averages the answers, "
                "so it is the one that fits multi-hot labels."
            </p>
            <Predict>
                <p>
                    "Set the smoothing to 0.1 or more and drag the logits until the categorical loss "
                    "reaches the floor in the table. The true class then sits at "
                    <Formula latex=r"1 - \mathrm{ls} + \mathrm{ls}/C" />", not at 1."
                </p>
                <p class="sums">
                    "Lowest possible categorical loss at this smoothing (the entropy of the smoothed target): "
                    <Readout name="l3-floor" value=floor />
                </p>
            </Predict>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn threshold() -> AnyView {
        let (z, set) = logits_state(&[2.0, -0.3, 0.3, -1.0, -2.0]);
        let y = panels::THRESHOLD_Y;
        let raw = shared("raw", false, |_| true, "0 or 1");
        let t = shared_number("t", 0.5, -3.0, 3.0);
        if !raw.get_untracked() && !(0.0..=1.0).contains(&t.get_untracked()) {
            t.set(0.5); // a probability threshold from a link that only fits logits
        }
        report_task("logit-threshold", move || {
            logit_threshold_matches(raw.get(), t.get())
        });
        let y_pred = Signal::derive(move || {
            if raw.get() {
                z.get()
            } else {
                z.get().iter().map(|v| math::sigmoid(*v)).collect()
            }
        });
        let acc = Signal::derive(move || {
            math::binary_accuracy(&y, &y_pred.get(), t.get()).unwrap_or(f64::NAN)
        });
        let meant = Signal::derive(move || {
            let p: Vec<f64> = z.get().iter().map(|v| math::sigmoid(*v)).collect();
            math::binary_accuracy(&y, &p, 0.5).unwrap_or(f64::NAN)
        });
        let predicted = move || {
            y_pred
                .get()
                .iter()
                .map(|v| if *v > t.get() { "1" } else { "0" })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let programs =
            Signal::derive(move || panels::threshold_programs(&z.get(), raw.get(), t.get()));
        view! {
            <p>
                "For multi-label outputs, Keras' "<code>"binary_accuracy"</code>" thresholds every "
                "prediction (positive when it is "<em>"greater than"</em>" the threshold, 0.5 by "
                "default) and returns, for each label, 1 where it matches and 0 where not: five "
                "values here, not their mean. The metric object "<code>"BinaryAccuracy"</code>
                " (what "<code>"model.compile"</code>" uses) averages them. The default threshold assumes y_pred "
                "holds probabilities. If your model outputs raw logits (a Dense layer with no "
                "activation, trained with "<code>"from_logits=True"</code>"), 0.5 is the wrong "
                "cut: σ(z) > 0.5 exactly when z > 0."
            </p>
            <p class="sums">"This sample's labels: y_true = " {py_list(&y)}</p>
            <LogitBars values=z on_change=set range=Signal::derive(|| 6.0) labels=names(&OBJECTS) height=220 />
            <div class="controls">
                <fieldset>
                    <legend>"y_pred holds"</legend>
                    <label class="chip"><input type="radio" name="ypred" data-testid="ypred-probs" prop:checked=move || !raw.get() on:change=move |_| { raw.set(false); t.set(0.5); } />"probabilities σ(z)"</label>
                    <label class="chip"><input type="radio" name="ypred" data-testid="ypred-logits" prop:checked=move || raw.get() on:change=move |_| raw.set(true) />"raw logits z"</label>
                </fieldset>
                <fieldset>
                    <legend>"Threshold"</legend>
                    <input type="range" step="0.05" data-testid="threshold" aria-label="Threshold"
                        min=move || if raw.get() { "-3" } else { "0" }
                        max=move || if raw.get() { "3" } else { "1" }
                        prop:value=move || t.get().to_string()
                        on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { t.set((v * 100.0).round() / 100.0) } }
                    />
                    " " <Readout name="threshold" value=t />
                </fieldset>
            </div>
            <p class="sums" data-testid="predicted">"predicted: [" {predicted} "]"</p>
            <p class="sums">
                "BinaryAccuracy (the mean) = " <Readout name="binary-accuracy" value=acc />
                " · what you meant (σ(z) at 0.5) = " <Readout name="meant-accuracy" value=meant />
            </p>
            <p>
                "The same trap hides in "<code>"keras.metrics.F1Score"</code>": with its default "
                <code>"threshold=None"</code>" it takes the argmax of each row, one label per "
                "sample, which is wrong for multi-label. Use "<code>"F1Score(average=None, threshold=0.5)"</code>
                " for per-label scores on probabilities."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn top_k() -> AnyView {
        let (z, set) = logits_state(&[2.0, 0.5, 1.0, -0.5, -1.0]);
        let class = shared("class", 1usize, |c| *c < 5, "a class from 0 to 4");
        let k = shared("k", 2usize, |k| (1..=5).contains(k), "k from 1 to 5");
        report_task("second-place", move || rank_of(&z.get(), class.get()) == 2);
        let y = Signal::derive(move || {
            (0..5)
                .map(|i| if i == class.get() { 1.0 } else { 0.0 })
                .collect::<Vec<f64>>()
        });
        let cat = Signal::derive(move || {
            math::categorical_accuracy(&y.get(), &z.get()).unwrap_or(f64::NAN)
        });
        let topk = Signal::derive(move || {
            math::top_k_categorical_accuracy(&y.get(), &z.get(), k.get()).unwrap_or(f64::NAN)
        });
        let rank = Signal::derive(move || rank_of(&z.get(), class.get()) as f64);
        let programs =
            Signal::derive(move || panels::top_k_programs(&z.get(), class.get(), k.get()));
        view! {
            <p>
                "For multi-class problems, "<code>"categorical_accuracy"</code>" asks one question: "
                "is the highest score the true class? "<code>"top_k_categorical_accuracy"</code>
                " is more forgiving: is the true class among the k highest? (Keras compares "
                "raw scores, so logits and probabilities give the same answer.)"
            </p>
            <div class="controls">
                <fieldset>
                    <legend>"True class"</legend>
                    <select data-testid="true-class" aria-label="True class" on:change=move |ev| { if let Ok(c) = event_target_value(&ev).parse::<usize>() { class.set(c.min(4)) } }>
                        {ANIMALS.iter().enumerate().map(|(i, a)| view! { <option value=i.to_string() prop:selected=move || class.get() == i>{*a}</option> }).collect::<Vec<_>>()}
                    </select>
                </fieldset>
                <fieldset>
                    <legend>"k"</legend>
                    <input type="range" min="1" max="5" step="1" data-testid="top-k" aria-label="k"
                        prop:value=move || k.get().to_string()
                        on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<usize>() { k.set(v.clamp(1, 5)) } } />
                    " k = " {move || k.get()}
                </fieldset>
            </div>
            <LogitBars values=z on_change=set range=Signal::derive(|| 6.0) labels=names(&ANIMALS) height=220 />
            <p class="sums">
                "rank of the true class = " <Readout name="rank" value=rank />
                " · categorical_accuracy = " <Readout name="categorical-accuracy" value=cat />
                " · top-k accuracy = " <Readout name="top-k-accuracy" value=topk />
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn accuracy_trap() -> AnyView {
        let data = super::batch();
        let positives = data.positives();
        let total = BATCH_ROWS * BATCH_COLS;
        let best = best_f1(&data);
        let data = StoredValue::new(data);
        let bias = shared_number("bias", 0.0, -10.0, 4.0);
        let metrics = Memo::new(move |_| data.with_value(|d| d.metrics(bias.get())));
        report_task("all-negative", move || is_all_negative(&metrics.get()));
        report_task("best-f1", move || metrics.get().f1 >= best - 1e-12);
        let grid = Signal::derive(move || BatchGrid {
            rows: BATCH_ROWS,
            cols: BATCH_COLS,
            probs: data.with_value(|d| d.probabilities(bias.get())),
            targets: data.with_value(|d| d.y_true.clone()),
            threshold: 0.5,
            col_labels: OBJECTS.iter().map(|s| s.to_string()).collect(),
        });
        let m = move |f: fn(&BatchMetrics) -> f64| Signal::derive(move || f(&metrics.get()));
        let per_label = move || {
            (0..BATCH_COLS)
                .map(|c| {
                    let pl = move |k: usize| {
                        Signal::derive(move || {
                            let (p, r, f) = metrics.get().per_label[c];
                            [p, r, f][k]
                        })
                    };
                    view! {
                        <tr>
                            <th scope="row">{OBJECTS[c]}</th>
                            <td><Readout name=format!("precision-{c}") value=pl(0) /></td>
                            <td><Readout name=format!("recall-{c}") value=pl(1) /></td>
                            <td><Readout name=format!("f1-{c}") value=pl(2) /></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        };
        let programs =
            Signal::derive(move || data.with_value(|d| panels::trap_programs(d, bias.get())));
        view! {
            <p>
                "A batch of 10 images with 5 possible labels each; only "{positives}" of the "{total}
                " labels are true (thick outlines). The shade of a cell is the model's probability; "
                "a dot means “predicted yes” (above 0.5). The bias slider adds the same number to "
                "every logit, making the model more or less willing to say yes."
            </p>
            <div class="controls">
                <fieldset>
                    <legend>"Bias added to every logit"</legend>
                    <input type="range" min="-10" max="4" step="0.25" data-testid="bias" aria-label="Bias"
                        prop:value=move || bias.get().to_string()
                        on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { bias.set(v.clamp(-10.0, 4.0)) } } />
                    " " <Readout name="bias" value=bias />
                </fieldset>
            </div>
            <BatchGridView grid height=330 />
            <Predict>
                <p>"Drag the bias all the way down and watch accuracy against recall."</p>
                <p class="sums">
                    "binary accuracy = " <Readout name="accuracy" value=m(|x| x.accuracy) />
                    " · precision = " <Readout name="precision" value=m(|x| x.precision) />
                    " · recall = " <Readout name="recall" value=m(|x| x.recall) />
                    " · F1 = " <Readout name="f1" value=m(|x| x.f1) />
                    " · “always no” would score " {pct(1.0 - positives as f64 / total as f64)}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="per-label-table">
                        <thead><tr><th scope="col">"label"</th><th scope="col">"precision"</th><th scope="col">"recall"</th><th scope="col">"F1"</th></tr></thead>
                        <tbody>{per_label}</tbody>
                    </table>
                </div>
            </Predict>
            <p class="note">"Precision, recall and F1 are 0 where undefined (no predicted or no true positives), as scikit-learn's zero_division=0."</p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn roc() -> AnyView {
        let data = super::batch();
        let y = data.y_true.clone();
        let p = data.probabilities(0.0);
        let points = roc_points_strict(&y, &p);
        let exact = math::roc_auc(&y, &p).unwrap_or(f64::NAN);
        let keras_auc = math::keras_auc(&y, &p, 200).unwrap_or(f64::NAN);
        let (pos, neg) = (data.positives() as f64, (y.len() - data.positives()) as f64);
        let points = Signal::derive(move || points.clone());
        let count = points.with_untracked(|p| p.len());
        let index = shared("point", 0usize, move |i| *i < count, "a point of the curve");
        report_task("recall-80", move || {
            is_best_recall_80(&points.get(), index.get())
        });
        let point = Signal::derive(move || points.with(|p| p.get(index.get()).copied()));
        let field = move |f: fn(&math::RocPoint) -> f64| {
            Signal::derive(move || point.get().map(|p| f(&p)).unwrap_or(f64::NAN))
        };
        let tp = Signal::derive(move || point.get().map(|p| (p.tpr * pos).round()).unwrap_or(0.0));
        let fp = Signal::derive(move || point.get().map(|p| (p.fpr * neg).round()).unwrap_or(0.0));
        let stored = StoredValue::new(data);
        let programs =
            Signal::derive(move || stored.with_value(|b| panels::roc_programs(b, index.get())));
        view! {
            <p>
                "Every threshold gives one confusion matrix, and so one point: false positive rate "
                "across, recall up. Sweeping the threshold from high to low traces the "
                <strong>"ROC curve"</strong>". Its area (AUC) is the probability that a random true "
                "label scores higher than a random false one: 0.5 is guessing, 1 is perfect. Drag "
                "the point along the curve (or focus it and use the arrow keys). Any threshold "
                "between two neighbouring scores gives the same point; the table shows the one "
                "halfway between them."
            </p>
            <div class="two-charts">
                <figure>
                    <figcaption>"ROC of the 50 label scores (σ of the logits); a label counts as predicted when its score is greater than the threshold (strictly, as in Keras and step 2)"</figcaption>
                    <RocPlot points index=index on_change=Callback::new(move |i| index.set(i)) />
                </figure>
                <div>
                    <table class="numbers" data-testid="confusion">
                        <tbody>
                            <tr><th scope="row">"threshold"</th><td><Readout name="roc-threshold" value=field(|p| p.threshold) /></td></tr>
                            <tr><th scope="row">"recall (true positive rate)"</th><td><Readout name="tpr" value=field(|p| p.tpr) /></td></tr>
                            <tr><th scope="row">"false positive rate"</th><td><Readout name="fpr" value=field(|p| p.fpr) /></td></tr>
                            <tr><th scope="row">"true positives"</th><td><Readout name="tp" value=tp /></td></tr>
                            <tr><th scope="row">"false negatives"</th><td><Readout name="fn" value=Signal::derive(move || pos - tp.get()) /></td></tr>
                            <tr><th scope="row">"false positives"</th><td><Readout name="fp" value=fp /></td></tr>
                            <tr><th scope="row">"true negatives"</th><td><Readout name="tn" value=Signal::derive(move || neg - fp.get()) /></td></tr>
                            <tr><th scope="row">"exact ROC AUC"</th><td><Readout name="auc-exact" value=Signal::derive(move || exact) /></td></tr>
                            <tr><th scope="row">"Keras AUC() (200 thresholds)"</th><td><Readout name="auc-keras" value=Signal::derive(move || keras_auc) /></td></tr>
                        </tbody>
                    </table>
                </div>
            </div>
            <p>
                "AUC judges the ranking of the scores over all thresholds at once, which makes it a "
                "good per-label (or micro-averaged) summary for multi-label models. The exact AUC "
                "and Keras' default "<code>"AUC()"</code>" often agree and sometimes differ a little, "
                "as here ("{format4(exact)}" against "{format4(keras_auc)}"): Keras may differ because "
                "it rounds every score to one of 200 buckets first. Both pool the 50 scores of "
                "all labels into one curve."
            </p>
            <p class="note" hidden>{format_full(exact)}</p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn keras_accuracy() -> AnyView {
        let data = StoredValue::new(super::batch());
        let target = shared(
            "target",
            TargetShape::Integer,
            |_| true,
            "onehot, multihot, integer or column",
        );
        let single = shared("single", false, |_| true, "0 or 1");
        let kind = Memo::new(move |_| keras_accuracy_kind(target.get(), single.get(), BATCH_COLS));
        report_task("silent-categorical", move || {
            target.get() == TargetShape::MultiHot
                && !single.get()
                && kind.get() == AccuracyKind::Categorical
        });
        let shapes = move || {
            let t = match target.get() {
                TargetShape::OneHot => "(batch, 5) one-hot",
                TargetShape::MultiHot => "(batch, 5) multi-hot",
                TargetShape::Integer => "(batch,) integers",
                TargetShape::IntegerColumn => "(batch, 1) integers",
            };
            let p = if single.get() {
                "(batch, 1)"
            } else {
                "(batch, 5)"
            };
            format!("y_true {t}  ·  y_pred {p}")
        };
        let reported = Signal::derive(move || data.with_value(|d| d.categorical_accuracy(0.0)));
        let (pooled_auc, label_auc, no_positive) = data.with_value(|d| {
            let p = d.probabilities(0.0);
            (
                math::keras_auc(&d.y_true, &p, 200).unwrap_or(f64::NAN),
                d.keras_multi_label_auc(0.0).0,
                d.positives_per_label().iter().filter(|n| **n == 0).count(),
            )
        });
        let wanted = Signal::derive(move || data.with_value(|d| d.metrics(0.0).accuracy));
        let option = move |value: TargetShape, label: &'static str, id: &'static str| {
            view! {
                <label class="chip"><input type="radio" name="target-shape" data-testid=id prop:checked=move || target.get() == value on:change=move |_| target.set(value) />{label}</label>
            }
        };
        let programs = Signal::derive(move || {
            data.with_value(|d| panels::keras_accuracy_programs(d, target.get(), single.get()))
        });
        view! {
            <p>
                "Writing "<code>"metrics=[\"accuracy\"]"</code>" leaves Keras 3 to guess which "
                "accuracy you mean, from the shapes alone: "<strong>"binary"</strong>" when the "
                "output's last dimension is 1; "<strong>"sparse categorical"</strong>" when the "
                "target has fewer dimensions than the output, or a last dimension of 1 against more "
                "than 1; "<strong>"categorical"</strong>" otherwise. The loss plays no part. (The "
                "old TensorFlow 1 training loop looked at the loss and chose binary accuracy for "
                "binary cross-entropy, which is where much older advice comes from.)"
            </p>
            <div class="controls">
                <fieldset>
                    <legend>"Targets"</legend>
                    {option(TargetShape::Integer, "integer class", "shape-integer")}
                    {option(TargetShape::IntegerColumn, "integer column", "shape-integer-column")}
                    {option(TargetShape::OneHot, "one-hot", "shape-onehot")}
                    {option(TargetShape::MultiHot, "multi-hot (multi-label)", "shape-multihot")}
                </fieldset>
                <fieldset>
                    <legend>"Outputs"</legend>
                    <label class="chip"><input type="radio" name="out-shape" data-testid="out-5" prop:checked=move || !single.get() on:change=move |_| single.set(false) />"5 units"</label>
                    <label class="chip"><input type="radio" name="out-shape" data-testid="out-1" prop:checked=move || single.get() on:change=move |_| single.set(true) />"1 unit"</label>
                </fieldset>
            </div>
            <p class="sums" data-testid="shapes">{shapes}</p>
            <p class="verdict">"Keras 3 uses: " <strong data-testid="accuracy-kind">{move || kind.get().name()}</strong></p>
            {move || (target.get() == TargetShape::MultiHot && !single.get()).then(|| view! {
                <div class="callout" data-testid="silent-categorical">
                    <p>
                        "A multi-label model with 5 sigmoid outputs gets "<strong>"categorical"</strong>
                        " accuracy, silently. On the lesson's batch it reports "
                        <Readout name="reported-accuracy" value=reported />
                        " while the per-label binary accuracy is "
                        <Readout name="wanted-accuracy" value=wanted />
                        ". Categorical accuracy compares the argmax of the output with the argmax of "
                        "the target, which for a multi-hot row is its "<em>"first"</em>" positive "
                        "label: a row [0, 1, 1] whose output peaks at label 2 scores 0, and an all-zero "
                        "row counts as label 0."
                    </p>
                    <p>
                        "Ask for "<code>"keras.metrics.BinaryAccuracy()"</code>" instead. If you also "
                        "add "<code>"keras.metrics.AUC(multi_label=True)"</code>", know what it "
                        "computes: one AUC per label, then their plain mean, not the pooled AUC of the "
                        "ROC step ("{format4(pooled_auc)}"). A label with no positive in the batch "
                        "scores 0 and drags the mean down: here "{no_positive}" of the 5 labels have "
                        "none, so it reports "{format4(label_auc)}". Judge it on batches (or a "
                        "validation set) where every label occurs."
                    </p>
                </div>
            })}
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn summary() -> AnyView {
        view! {
            <p>"The answer to the thread's question:"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="summary" data-testid="summary-table">
                    <thead><tr><th scope="col">"task"</th><th scope="col">"output"</th><th scope="col">"loss"</th><th scope="col">"metrics"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"multi-class (exactly one)"</th><td>"softmax over C"</td><td>"categorical CE (one-hot) or sparse categorical CE (integer)"</td><td>"categorical / sparse categorical accuracy, top-k, per-class precision and recall"</td></tr>
                        <tr><th scope="row">"multi-label (any subset)"</th><td>"C sigmoids"</td><td>"binary CE (mean over labels)"</td><td>"per-label precision, recall, F1, AUC; binary_accuracy only with care"</td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Name metrics explicitly instead of writing \"accuracy\"; with raw-logit outputs, "
                "threshold at 0 (or pass probabilities); with sparse positives, trust recall, "
                "precision, F1 and AUC over accuracy."
            </p>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_batch_has_the_promised_properties() {
        let b = batch();
        assert_eq!(b, batch(), "deterministic");
        assert_eq!(b.y_true.len(), BATCH_ROWS * BATCH_COLS);
        assert_eq!(b.positives(), 6);
        let p = b.probabilities(0.0);
        let exact = math::roc_auc(&b.y_true, &p).unwrap();
        let keras = math::keras_auc(&b.y_true, &p, 200).unwrap();
        assert!((exact - 0.9034).abs() < 5e-4, "{exact}");
        assert!((keras - 0.9091).abs() < 5e-4, "{keras}");
        // The trap: saying no everywhere scores 88 % with recall 0.
        let none = b.metrics(-10.0);
        assert!(is_all_negative(&none));
        assert!((none.accuracy - 0.88).abs() < 1e-12);
        assert!(!is_all_negative(&b.metrics(0.0)));
        assert!(best_f1(&b) > b.metrics(-10.0).f1);
        assert!(b.metrics(0.0).f1 < best_f1(&b) + 1e-12);
    }

    #[test]
    fn metrics_over_the_batch_equal_the_math_core() {
        let b = batch();
        let p = b.probabilities(0.5);
        let m = b.metrics(0.5);
        assert_eq!(
            m.accuracy,
            math::binary_accuracy(&b.y_true, &p, 0.5).unwrap()
        );
        assert_eq!(m.recall, math::recall(&b.y_true, &p, 0.5).unwrap());
        assert_eq!(m.precision, math::precision(&b.y_true, &p, 0.5).unwrap());
    }

    #[test]
    fn keras_picks_accuracy_from_shapes() {
        use AccuracyKind::*;
        use TargetShape::*;
        assert_eq!(keras_accuracy_kind(Integer, false, 5), SparseCategorical);
        assert_eq!(
            keras_accuracy_kind(IntegerColumn, false, 5),
            SparseCategorical
        );
        assert_eq!(keras_accuracy_kind(OneHot, false, 5), Categorical);
        assert_eq!(keras_accuracy_kind(MultiHot, false, 5), Categorical);
        assert_eq!(keras_accuracy_kind(IntegerColumn, true, 5), Binary);
        // A multi-hot row [0, 1, 1] whose output peaks at label 2 scores 0.
        assert_eq!(
            math::categorical_accuracy(&[0.0, 1.0, 1.0], &[0.1, 0.5, 0.9]).unwrap(),
            0.0
        );
        assert_eq!(
            math::categorical_accuracy(&[0.0, 0.0, 0.0], &[0.9, 0.5, 0.1]).unwrap(),
            1.0
        );
    }

    #[test]
    fn task_conditions() {
        let y = [0.0, 1.0, 0.0, 0.0];
        assert!(!at_smoothed_optimum(&y, &[0.0, 0.0, 0.0, 0.0], 0.1));
        // The optimum: p = smoothed target, i.e. logits = ln(target) (up to a shift).
        let target = smooth(&y, 0.1);
        let z: Vec<f64> = target.iter().map(|t| t.ln()).collect();
        assert!(at_smoothed_optimum(&y, &z, 0.1));
        assert!(
            !at_smoothed_optimum(&y, &z, 0.05),
            "needs smoothing of at least 0.1"
        );
        assert!((target[1] - 0.925).abs() < 1e-15);
        assert_eq!(rank_of(&[2.0, 0.5, 1.0, -0.5, -1.0], 1), 3);
        assert_eq!(rank_of(&[2.0, 1.5, 1.0, -0.5, -1.0], 1), 2);
        assert!(logit_threshold_matches(true, 0.0));
        assert!(!logit_threshold_matches(true, 0.5));
        assert!(!logit_threshold_matches(false, 0.0));
        let b = batch();
        let points = math::roc_curve(&b.y_true, &b.probabilities(0.0)).unwrap();
        assert!(!is_best_recall_80(&points, 0));
        let i = (0..points.len())
            .find(|i| is_best_recall_80(&points, *i))
            .unwrap();
        assert!(points[i].tpr >= 0.8);
    }
}
