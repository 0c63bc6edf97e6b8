//! Lesson 5: Anomaly detection on images. An autoencoder trained live on pictures of good
//! parts flags defects it has never seen by how badly it redraws them; a classifier
//! trained on one kind of labelled defect misses another kind.
//!
//! The models and data live in [`crate::model::anomaly`]; this module holds the lesson's
//! text, its task conditions (pure functions, tested below) and, in WebAssembly, its
//! steps' views.

pub mod panels;
pub mod roc;
pub mod tasks;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};
#[cfg(target_arch = "wasm32")]
use crate::{math, model::anomaly::Kind};

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
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

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
    steps: &[
        Step {
            id: "parts",
            title: "Good parts and three kinds of defect",
            tasks: &[TaskInfo {
                id: "see-each-defect",
                text: "Select a scratch, a spot and a missing piece (click, or use the arrow keys) and look at each up close.",
            }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::parts,
        },
        Step {
            id: "train",
            title: "Train an autoencoder on good parts only",
            tasks: &[
                TaskInfo {
                    id: "pause-early",
                    text: "Pause the training before epoch 20 and compare the reconstructions with their inputs.",
                },
                TaskInfo {
                    id: "train-to-end",
                    text: "Train all 60 epochs.",
                },
            ],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::train,
        },
        Step {
            id: "threshold",
            title: "Reconstruction error, threshold and ROC",
            tasks: &[
                TaskInfo {
                    id: "catch-all",
                    text: "Catch every defect in the test set with as few false alarms as possible.",
                },
                TaskInfo {
                    id: "no-false-alarms",
                    text: "Raise no false alarm at all, while catching as many defects as possible.",
                },
            ],
            predict: Some(PredictInfo {
                question: "Keras' default keras.metrics.AUC() and the exact ROC AUC are both computed on these reconstruction errors. What does Keras report?",
                choices: &[
                    "The same number, about 0.999",
                    "A little less, about 0.99",
                    "Much less, about 0.6",
                ],
                answer: 2,
                explanation: "AUC() spreads 200 thresholds evenly over [0, 1], made for probabilities. Reconstruction errors are far smaller than 1, so they crowd into the few lowest buckets of that grid, and scores sharing a bucket count as ties (the numbers are below the table). The ranking is almost perfect, but Keras cannot see it. Map the scores onto [0, 1] first (the order is all that matters), pass your own thresholds, or compute the exact AUC.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::threshold,
        },
        Step {
            id: "inspect",
            title: "Where the reconstruction fails",
            tasks: &[
                TaskInfo {
                    id: "inspect-kinds",
                    text: "Inspect a normal part and one defect of each kind.",
                },
                TaskInfo {
                    id: "hardest-defect",
                    text: "Find the defect the autoencoder finds hardest: the one with the lowest error.",
                },
                TaskInfo {
                    id: "worst-normal",
                    text: "Find the normal part with the highest error: the first false alarm.",
                },
            ],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::inspect,
        },
        Step {
            id: "supervised",
            title: "Supervised: a classifier trained on scratches",
            tasks: &[
                TaskInfo {
                    id: "train-classifier",
                    text: "Train the classifier on normal parts and scratches.",
                },
                TaskInfo {
                    id: "generous-budget",
                    text: "Allow 20 % false alarms and check whether the classifier now finds the spots.",
                },
            ],
            predict: Some(PredictInfo {
                question: "The classifier catches most of the test scratches. Spots never appeared in its training. At the same false-alarm rate, how many spots will it catch?",
                choices: &[
                    "About as many as scratches: a defect is a defect",
                    "About half",
                    "Few or none",
                ],
                answer: 2,
                explanation: "It learned what separates scratches from good parts: a bright diagonal line. A spot is a dark pit, the opposite of that, so the classifier rates spots as even less defective than good parts (its AUC on spots is below 0.5). A supervised model learns the defects it was shown; the autoencoder learned what normal looks like, so anything else stands out.",
            }),
            corrections: &[
                Correction {
                    claim: "Single-class classification is another way of saying regression.",
                    correction: "They are different things. One-class (single-class) classification learns what normal looks like from normal examples only and flags whatever does not fit, here an autoencoder scored by its reconstruction error. Regression predicts a continuous number. A model fitted to 0/1 labels is neither: it is a binary classifier.",
                },
                Correction {
                    claim: "Label anomalous images 1 and good ones 0 and train a regressor on them (linear output, mean squared error).",
                    correction: "Fitting 0/1 labels is binary classification, so it wants one sigmoid output and binary cross-entropy (or a raw output with from_logits=True), which estimates the probability of a defect. Either way it needs labelled defects, and it learns only the kinds you labelled.",
                },
                Correction {
                    claim: "You can read the output as its R² to the “anomalous model” trained as 1.",
                    correction: "R² describes a whole set of predictions against their targets (1 − residual sum of squares / total sum of squares); one image's output has no R², and there is no “anomalous model” to compare with. The output of a sigmoid classifier is its estimate of the probability that the image is defective.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::supervised,
        },
        Step {
            id: "thread-code",
            title: "The thread's regressor, run",
            tasks: &[
                TaskInfo {
                    id: "furthest-outside",
                    text: "With the thread's set-up, find the test image whose output lies furthest outside [0, 1].",
                },
                TaskInfo {
                    id: "switch-to-bce",
                    text: "Switch to the classification set-up and check that every output is now a probability.",
                },
            ],
            predict: Some(PredictInfo {
                question: "The thread's regressor catches most test scratches. What is its R² on the test set, the score that SciKeras and Keras 3's SKLearnRegressor report?",
                choices: &[
                    "Close to 1: it fits the 0/1 labels well",
                    "About 0.5",
                    "Below 0: worse than always answering the same number",
                ],
                answer: 2,
                explanation: "With the thread's set-up it is slightly negative. The test set holds spots and missing pieces the regressor never saw; their label is 1, but it mostly answers low, often below 0, so its squared error is larger than that of a constant guess (the share of defects). Even a good R² would not tell you how many defects get caught: precision, recall and AUC do. And the thread's old KerasRegressor.score would not have shown R² at all: it returned −MSE.",
            }),
            corrections: &[
                Correction {
                    claim: "Pass the model to keras.wrappers.scikit_learn.KerasRegressor(build_fn=…, nb_epoch=100).",
                    correction: "That is the Keras 2 API, and it has been removed: nb_epoch had long since become epochs, and the wrappers left Keras. Use SciKeras (scikeras.wrappers.KerasRegressor(model=…, epochs=…)) or, in Keras 3, keras.wrappers.SKLearnRegressor(model=…, fit_kwargs={\"epochs\": …}).",
                },
                Correction {
                    claim: "regressor.score gives the model's test score (read in the thread as an R²).",
                    correction: "The old KerasRegressor.score returned minus the loss (here −MSE), not R². The newer wrappers return R² = 1 − MSE / Var(y) on the given data.",
                },
                Correction {
                    claim: "Regression finds the best model by minimising an error or a metric such as R².",
                    correction: "R² is maximised (1 is perfect, and it can go below 0), and it is an evaluation metric, not a training loss. The network minimises its loss, MSE here; on a fixed data set R² is just a rescaled MSE, so it adds nothing as a loss.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::thread_code,
        },
        Step {
            id: "summary",
            title: "Summary",
            tasks: &[],
            predict: None,
            corrections: &[Correction {
                claim: "Most classification networks use a sigmoid on their output, because its range is [0, 1].",
                correction: "Only binary and multi-label classifiers do (one independent yes/no per output). A multi-class network, exactly one class per input, ends in a softmax over the classes, so the probabilities sum to 1.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::summary,
        },
    ],
};

#[cfg(target_arch = "wasm32")]
mod view {
    use super::roc::*;
    use super::tasks::*;
    use super::*;
    use crate::chart::anomaly::{
        DotPlot, GalleryLayout, HeatPanels, LossAxes, PanelScale, ScoreHistogram,
    };
    use crate::chart::ImagePanels;
    use crate::format::{format4, format_full};
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        render_lesson, report_task, shared, shared_number, Formula, Predict,
    };
    use crate::model::anomaly::EPOCHS;
    use crate::model::anomaly::{
        kind_rates, r_squared, threshold_for_false_alarms, AutoencoderWork, Lab, CLASSIFIER_EPOCHS,
        HIDDEN, PIXELS, SIDE, TEST_NORMAL, TEST_PER_DEFECT, TRAIN_NORMAL, TRAIN_SCRATCH,
    };
    use crate::model::regression::Head;
    use crate::widgets::{
        now_ms, use_animation_frame, ErrorDotPlot, HeatPanelsView, ImageGallery, ImageStrip,
        LossCurvesView, Readout, RocPlot, ScoreHistogramView,
    };
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    // ---------------------------------------------------------------------------------
    // The lab shared by the steps, and the runners that train it in frame-sized slices

    thread_local! {
        /// Everything trained so far: it survives moving between steps (not a reload).
        static LAB: RefCell<Option<Lab>> = const { RefCell::new(None) };
        /// The threshold last set in the threshold step (NaN: not set yet).
        static THRESHOLD: Cell<f64> = const { Cell::new(f64::NAN) };
    }

    /// Runs `f` on the shared lab (made on first use). `None` only if the lab is already
    /// borrowed, which the single-threaded, non-reentrant callers never do.
    fn with_lab<R>(f: impl FnOnce(&mut Lab) -> R) -> Option<R> {
        LAB.with(|cell| {
            let mut guard = cell.try_borrow_mut().ok()?;
            Some(f(guard.get_or_insert_with(Lab::new)))
        })
    }

    /// The threshold set in the threshold step, or the one-class default.
    fn shared_threshold() -> f64 {
        let t = THRESHOLD.with(|c| c.get());
        if t.is_finite() && t > 0.0 {
            t
        } else {
            with_lab(|l| l.suggested_threshold()).unwrap_or(1e-3)
        }
    }

    /// Training work per animation frame stays under this (the rest of the frame is left
    /// for drawing): one unit of work is a fraction of a millisecond in a release build.
    const FRAME_BUDGET_MS: f64 = 6.0;
    /// The steady speed: minibatch steps per second (12 epochs a second, about 5 s).
    const STEADY_STEPS_PER_SECOND: f64 = 180.0;
    /// The classifier's speed: full-batch steps per second (600 in 3 s).
    const CLASSIFIER_STEPS_PER_SECOND: f64 = 200.0;

    fn steps_due(carry: StoredValue<f64>, rate: f64, elapsed: f64) -> usize {
        let due = carry.get_value() + rate * elapsed.max(0.0) / 1000.0;
        let n = due.floor().max(0.0) as usize;
        carry.set_value(due - n as f64);
        n
    }

    fn bump(version: RwSignal<u64>) {
        version.update(|v| *v = v.wrapping_add(1));
    }

    /// How the training slices went: shown to the learner and read by the browser tests.
    #[derive(Clone, Copy)]
    struct RunStats {
        /// Frames in which training work ran.
        frames: RwSignal<u32>,
        /// The longest training work done in one frame, in ms.
        longest_ms: RwSignal<f64>,
        /// Time spent playing while work ran, in ms (sum of the frame intervals).
        wall_ms: RwSignal<f64>,
    }

    impl RunStats {
        fn new() -> RunStats {
            RunStats {
                frames: RwSignal::new(0),
                longest_ms: RwSignal::new(0.0),
                wall_ms: RwSignal::new(0.0),
            }
        }

        fn reset(&self) {
            self.frames.set(0);
            self.longest_ms.set(0.0);
            self.wall_ms.set(0.0);
        }

        fn record(&self, elapsed: f64, work: f64) {
            self.frames.update(|f| *f += 1);
            self.wall_ms.update(|w| *w += elapsed);
            if work > self.longest_ms.get_untracked() {
                self.longest_ms.set(work);
            }
        }
    }

    /// Trains the shared autoencoder while `playing`: each animation frame runs minibatch
    /// steps and test evaluations until [`FRAME_BUDGET_MS`] is used (or, at the steady
    /// speed, until the frame's share of steps is done), then bumps `version` once.
    /// Stops at the end, at epoch `stop_at` (then clears it), when the page is hidden and
    /// when the step is left (`use_animation_frame` cleans up).
    fn use_autoencoder_runner(
        playing: RwSignal<bool>,
        full_speed: Signal<bool>,
        stop_at: StoredValue<Option<usize>>,
        catch_up: StoredValue<Option<usize>>,
        version: RwSignal<u64>,
        stats: RunStats,
    ) {
        let carry = StoredValue::new(0.0f64);
        use_animation_frame(playing, move |elapsed| {
            let start = now_ms();
            let target = catch_up.get_value();
            let mut allowance = if full_speed.get_untracked() || target.is_some() {
                usize::MAX
            } else {
                steps_due(carry, STEADY_STEPS_PER_SECOND, elapsed)
            };
            let mut changed = false;
            let mut stop = false;
            while now_ms() - start < FRAME_BUDGET_MS {
                // Replaying a shared link: stop exactly where the sender paused.
                if target.is_some_and(|t| with_lab(|l| l.autoencoder_units() >= t).unwrap_or(true))
                {
                    catch_up.set_value(None);
                    stop = true;
                    break;
                }
                let Some(starts_step) = with_lab(|l| l.next_starts_step()) else {
                    break;
                };
                if starts_step && allowance == 0 {
                    break;
                }
                match with_lab(|l| l.work_autoencoder()) {
                    None | Some(AutoencoderWork::Idle) => {
                        stop = true;
                        break;
                    }
                    Some(AutoencoderWork::Step | AutoencoderWork::EpochEnd) => {
                        allowance = allowance.saturating_sub(1);
                        changed = true;
                    }
                    Some(AutoencoderWork::Partial | AutoencoderWork::Evaluated) => {}
                    Some(AutoencoderWork::EvaluationEnd) => {
                        changed = true;
                        let epoch = with_lab(|l| l.training().epoch()).unwrap_or(0);
                        if stop_at.get_value().is_some_and(|s| epoch >= s) {
                            stop_at.set_value(None);
                            stop = true;
                            break;
                        }
                    }
                }
            }
            if changed {
                stats.record(elapsed, now_ms() - start);
                bump(version);
            }
            if stop || with_lab(|l| l.is_trained()).unwrap_or(true) {
                playing.set(false);
            }
        });
    }

    /// Trains the pixel models with these heads while `playing`, within the frame budget;
    /// `rate` caps the steps per second (`None`: as many as fit).
    fn use_pixel_runner(
        playing: RwSignal<bool>,
        heads: &'static [Head],
        rate: Option<f64>,
        catch_up: StoredValue<Option<usize>>,
        version: RwSignal<u64>,
    ) {
        let carry = StoredValue::new(0.0f64);
        use_animation_frame(playing, move |elapsed| {
            let start = now_ms();
            let target = catch_up.get_value();
            let mut allowance = match (target, rate) {
                (Some(_), _) | (None, None) => usize::MAX,
                (None, Some(r)) => steps_due(carry, r, elapsed),
            };
            let mut changed = false;
            let mut caught_up = false;
            while allowance > 0 && now_ms() - start < FRAME_BUDGET_MS {
                // Replaying a shared link: stop at the sender's step.
                if let Some(t) = target {
                    if with_lab(|l| heads.iter().all(|h| l.pixel_training(*h).epoch() >= t))
                        .unwrap_or(true)
                    {
                        catch_up.set_value(None);
                        caught_up = true;
                        break;
                    }
                }
                let mut any = false;
                for head in heads {
                    any |= with_lab(|l| l.work_pixel_model(*head)).unwrap_or(false);
                }
                if !any {
                    break;
                }
                changed = true;
                allowance -= 1;
            }
            if changed {
                bump(version);
            }
            let done =
                with_lab(|l| heads.iter().all(|h| l.pixel_training(*h).is_done())).unwrap_or(true);
            if done || caught_up {
                playing.set(false);
            }
        });
    }

    /// A run's progress (`now`, which may read signals) kept in the step's link under `key`.
    /// Opened from a link that names another point than this page's run, the run is reset
    /// if it is past that point (`reset`) and replayed to it: `catch_up` is set for the
    /// runner and `playing` turned on. Training is deterministic, so the replay ends in the
    /// sender's state.
    fn shared_progress(
        key: &'static str,
        max: usize,
        expected: &str,
        now: impl Fn() -> usize + 'static,
        reset: impl FnOnce(),
        catch_up: StoredValue<Option<usize>>,
        playing: RwSignal<bool>,
    ) {
        let linked = crate::url_sync::current_query_value(key).is_some();
        let progress = shared(key, 0usize, move |n| *n <= max, expected);
        let here = untrack(&now);
        let target = progress.get_untracked();
        if linked && here != target {
            if here > target {
                reset();
            }
            catch_up.set_value(Some(target));
            playing.set(true);
        }
        Effect::new(move |_| progress.set(now()));
    }

    /// What the views show of the autoencoder run.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    struct AeState {
        epoch: usize,
        progress: f64,
        trained: bool,
        loss: Option<f64>,
        normal: Option<f64>,
        defect: Option<f64>,
    }

    fn ae_state(version: RwSignal<u64>) -> Memo<AeState> {
        Memo::new(move |_| {
            version.track();
            with_lab(|l| AeState {
                epoch: l.training().epoch(),
                progress: l.training().progress(TRAIN_NORMAL),
                trained: l.is_trained(),
                loss: l.training().last_loss(),
                normal: l.normal_curve().last().copied(),
                defect: l.defect_curve().last().copied(),
            })
            .unwrap_or_default()
        })
    }

    /// A number that may not exist yet: "—" until it does (never NaN).
    #[component]
    fn MaybeReadout(
        /// Test id suffix: `readout-<name>`.
        #[prop(into)]
        name: String,
        /// The value, if there is one.
        #[prop(into)]
        value: Signal<Option<f64>>,
    ) -> impl IntoView {
        view! {
            <span
                class="readout"
                data-testid=format!("readout-{name}")
                data-value=move || value.get().map(format_full).unwrap_or_default()
                title=move || value.get().map(format_full).unwrap_or_default()
            >
                {move || value.get().map(format4).unwrap_or_else(|| "—".to_string())}
            </span>
        }
    }

    /// A share as a percentage with up to four significant digits.
    fn pct(x: f64) -> String {
        format!("{} %", format4(x * 100.0))
    }

    /// Shows `children` once the autoencoder is trained; until then, a button that
    /// trains it here at full speed (in frame-sized slices) with its progress.
    #[component]
    fn NeedsAutoencoder(
        /// The step's version counter (bumped by the runner).
        version: RwSignal<u64>,
        /// What needs the trained model.
        children: ChildrenFn,
    ) -> impl IntoView {
        let state = ae_state(version);
        let playing = RwSignal::new(false);
        use_autoencoder_runner(
            playing,
            Signal::derive(|| true),
            StoredValue::new(None),
            StoredValue::new(None),
            version,
            RunStats::new(),
        );
        let trained = Memo::new(move |_| state.get().trained);
        move || {
            if trained.get() {
                untrack(|| children()).into_any()
            } else {
                view! {
                    <div class="train-gate" data-testid="train-gate">
                        <p>
                            "This part uses the autoencoder from step 2, “Train an autoencoder on "
                            "good parts only”. Train it there to watch it learn, or here at full speed:"
                        </p>
                        <div class="button-row">
                            <button
                                type="button"
                                class="primary-action"
                                data-testid="gate-train"
                                disabled=move || playing.get()
                                on:click=move |_| playing.set(true)
                            >
                                {move || if playing.get() { "Training…" } else if state.get().epoch > 0 { "Finish training" } else { "Train it now" }}
                            </button>
                            <progress max="1" value=move || state.get().progress.to_string() aria-label="Training progress"></progress>
                            <span class="muted" data-testid="gate-epoch">{move || format!("epoch {} of {}", state.get().epoch, EPOCHS)}</span>
                        </div>
                    </div>
                }
                .into_any()
            }
        }
    }

    fn kind_names() -> Vec<(String, usize)> {
        Kind::ALL
            .iter()
            .map(|k| (k.name().to_string(), k.index()))
            .collect()
    }

    // ---------------------------------------------------------------------------------
    // Step 1: the parts

    fn describe(kind: Kind) -> &'static str {
        match kind {
            Kind::Normal => "A good part: smooth shading and faint brushing marks, different on every part.",
            Kind::Scratch => "A scratch: a thin bright groove near the middle, left when the gripper slips. It always rises to the right, but steeply and at varying angles, from about 50° to upright: some scratches here stand vertical.",
            Kind::Spot => "A spot: a small dark pit (corrosion or dirt), anywhere on the part.",
            Kind::MissingPiece => "A missing piece: a corner broken off, showing the dark conveyor belt.",
        }
    }

    pub fn parts() -> AnyView {
        untrack(parts_view)
    }

    fn parts_view() -> AnyView {
        let (images, kinds, test_index) = with_lab(|l| {
            let data = l.data();
            let mut images = Vec::new();
            let mut kinds = Vec::new();
            let mut index = Vec::new();
            for kind in Kind::ALL {
                for i in data.test_indices(kind).into_iter().take(GALLERY_PER_KIND) {
                    images.push(data.test[i].pixels.clone());
                    kinds.push(kind);
                    index.push(i);
                }
            }
            (images, kinds, index)
        })
        .unwrap_or_default();
        let gallery = Signal::stored(GalleryLayout {
            cols: GALLERY_PER_KIND,
            side: SIDE,
            cell: 56.0,
            label_width: 118.0,
            row_labels: Kind::ALL.iter().map(|k| k.name().to_string()).collect(),
            images: images.clone(),
            colours: kinds.iter().map(|k| k.index()).collect(),
        });
        let names = Signal::stored(
            kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    format!(
                        "{} {} of {}",
                        k.name(),
                        i % GALLERY_PER_KIND + 1,
                        GALLERY_PER_KIND
                    )
                })
                .collect::<Vec<_>>(),
        );
        let images = StoredValue::new(images);
        let kinds = StoredValue::new(kinds);
        let count = images.with_value(|i| i.len());
        let test_index = StoredValue::new(test_index);
        let selected = shared(
            "pick",
            None::<usize>,
            move |p| p.is_none_or(|i| i < count),
            "a picture number",
        );
        let seen = RwSignal::new(Vec::<Kind>::new());
        report_task("see-each-defect", move || {
            seen.with(|s| saw_every_defect(s))
        });
        let on_select = Callback::new(move |i: usize| {
            selected.set(Some(i));
            if let Some(k) = kinds.with_value(|v| v.get(i).copied()) {
                if !seen.with_untracked(|s| s.contains(&k)) {
                    seen.update(|s| s.push(k));
                }
            }
        });
        let chosen_kind = move || {
            selected
                .get()
                .and_then(|i| kinds.with_value(|v| v.get(i).copied()))
        };
        let panels = Signal::derive(move || HeatPanels {
            side: SIDE,
            panels: vec![(
                match selected.get() {
                    Some(i) => format!(
                        "{} (test image {})",
                        chosen_kind().map(|k| k.name()).unwrap_or(""),
                        test_index.with_value(|t| t.get(i).copied().unwrap_or(0))
                    ),
                    None => "pick an image".to_string(),
                },
                PanelScale::Grey,
            )],
        });
        let big = Signal::derive(move || {
            selected
                .get()
                .and_then(|i| images.with_value(|v| v.get(i).cloned()))
                .map(|x| vec![x])
                .unwrap_or_default()
        });
        // The numbers of the picture as the camera saves it (8-bit grey levels ÷ 255), the
        // same the code panel holds.
        let stats = Memo::new(move |_| {
            selected.get().and_then(|i| {
                images.with_value(|v| {
                    v.get(i)
                        .map(|x| panels::grey_stats(&panels::grey_levels(x)))
                })
            })
        });
        let stat = move |k: usize| Signal::derive(move || stats.get().map(|s| s[k]));
        let brightest = stat(0);
        let darkest = stat(1);
        let mean = stat(2);
        let programs = Signal::derive(move || {
            let i = selected.get().unwrap_or(0);
            let index = test_index.with_value(|t| t.get(i).copied().unwrap_or(0));
            let kind = kinds.with_value(|k| k.get(i).copied().unwrap_or(Kind::Normal));
            images.with_value(|v| {
                panels::parts_programs(index, kind, v.get(i).map(Vec::as_slice).unwrap_or(&[]))
            })
        });
        view! {
            <p>
                "A camera at the end of a production line takes a "{SIDE}"×"{SIDE}" grey picture of every "
                "part. Almost all parts are good; defects are rare, and the next one may be of a kind "
                "nobody has labelled yet. The pictures below are made by the app from a fixed seed, so "
                "you and every test see the same ones."
            </p>
            <ul class="defect-key">
                {Kind::ALL.iter().map(|k| view! {
                    <li><span class=format!("kind-swatch kind-{}", k.key()) aria-hidden="true">"■"</span>" "{describe(*k)}</li>
                }).collect::<Vec<_>>()}
            </ul>
            <div class="parts-layout">
                <figure>
                    <figcaption>"Test pictures, "{GALLERY_PER_KIND}" of each kind (the bar under each marks its kind)"</figcaption>
                    <ImageGallery
                        gallery
                        selected=selected
                        on_select
                        names
                        label=Signal::derive(|| "Gallery of test pictures: good parts, scratches, spots and missing pieces".to_string())
                        testid="parts-gallery"
                    />
                </figure>
                <div class="part-detail" data-testid="part-detail" data-kind=move || chosen_kind().map(|k| k.key()).unwrap_or("")>
                    <HeatPanelsView panels images=big label=Signal::derive(|| "The selected picture, enlarged".to_string()) testid="part-zoom" height=250 />
                    <p class="sums">
                        {move || chosen_kind().map(describe).unwrap_or("Pick a picture to see it up close.")}
                    </p>
                    <p class="sums">
                        "grey level ÷ 255: brightest pixel " <MaybeReadout name="part-max" value=brightest />
                        " · darkest " <MaybeReadout name="part-min" value=darkest />
                        " · mean " <MaybeReadout name="part-mean" value=mean />
                    </p>
                </div>
            </div>
            <div class="table-scroll">
                <table class="numbers" data-testid="data-sizes">
                    <thead><tr><th scope="col">"set"</th><th scope="col">"good parts"</th><th scope="col">"scratches"</th><th scope="col">"spots"</th><th scope="col">"missing pieces"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"autoencoder training"</th><td>{TRAIN_NORMAL}</td><td>"0"</td><td>"0"</td><td>"0"</td></tr>
                        <tr><th scope="row">"classifier training (step 5)"</th><td>{TRAIN_NORMAL}</td><td>{TRAIN_SCRATCH}</td><td>"0"</td><td>"0"</td></tr>
                        <tr><th scope="row">"test (every step)"</th><td>{TEST_NORMAL}</td><td>{TEST_PER_DEFECT}</td><td>{TEST_PER_DEFECT}</td><td>{TEST_PER_DEFECT}</td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "The one-class idea: learn from good parts only, and call anything that does not look "
                "like them an anomaly. No defect is needed for training, so defects nobody has seen "
                "yet are covered too. Only the test set has labelled defects, to measure how well it works."
            </p>
            <p>
                "A camera saves each pixel as a grey level from 0 (black) to 255 (white); divided by "
                "255, they become the numbers in [0, 1] the models read. The code below holds the "
                "selected picture (the first good part until you pick one)."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    // ---------------------------------------------------------------------------------
    // Step 2: training

    /// Play / pause, one more epoch, reset and the speed of the autoencoder run.
    #[component]
    fn TrainControls(
        /// Whether training runs.
        playing: RwSignal<bool>,
        /// Full speed (as much as each frame allows) rather than steady.
        full_speed: RwSignal<bool>,
        /// Whether every epoch has run.
        #[prop(into)]
        done: Signal<bool>,
        /// Back to the seeded start.
        on_reset: Callback<()>,
        /// Train one more epoch, then pause.
        on_epoch: Callback<()>,
    ) -> impl IntoView {
        view! {
            <div class="button-row training-controls" role="group" aria-label="Training controls">
                <button
                    type="button"
                    class="primary-action"
                    data-testid="ae-play"
                    aria-pressed=move || playing.get().to_string()
                    on:click=move |_| {
                        if playing.get_untracked() {
                            playing.set(false);
                        } else {
                            if done.get_untracked() {
                                on_reset.run(());
                            }
                            playing.set(true);
                        }
                    }
                >
                    {move || if playing.get() { "Pause" } else if done.get() { "Train again" } else { "Play" }}
                </button>
                <button type="button" data-testid="ae-epoch" disabled=move || done.get() on:click=move |_| on_epoch.run(())>
                    "+1 epoch"
                </button>
                <button type="button" data-testid="ae-reset" on:click=move |_| on_reset.run(())>"Reset"</button>
                <label>
                    "Speed "
                    <select data-testid="ae-speed" on:change=move |ev| full_speed.set(event_target_value(&ev) == "full")>
                        <option value="steady" selected=move || !full_speed.get_untracked()>"steady (about 5 s)"</option>
                        <option value="full" selected=move || full_speed.get_untracked()>"full (as much as each frame allows)"</option>
                    </select>
                </label>
            </div>
        }
    }

    pub fn train() -> AnyView {
        untrack(train_view)
    }

    fn train_view() -> AnyView {
        let version = RwSignal::new(0u64);
        let state = ae_state(version);
        let playing = RwSignal::new(false);
        let full_speed = shared("full", false, |_| true, "0 or 1");
        let stop_at = StoredValue::new(None::<usize>);
        let stats = RunStats::new();
        let catch_up = StoredValue::new(None::<usize>);
        use_autoencoder_runner(
            playing,
            full_speed.into(),
            stop_at,
            catch_up,
            version,
            stats,
        );
        // How far training got, in units of work (see `Lab::autoencoder_units`).
        shared_progress(
            "units",
            10_000_000,
            "a count of training work",
            move || {
                version.track();
                with_lab(|l| l.autoencoder_units()).unwrap_or(0)
            },
            || {
                with_lab(|l| l.reset_autoencoder());
            },
            catch_up,
            playing,
        );
        report_task("pause-early", move || {
            paused_early(playing.get(), state.get().epoch)
        });
        report_task("train-to-end", move || trained_to_end(state.get().epoch));
        let on_reset = Callback::new(move |_: ()| {
            playing.set(false);
            stop_at.set_value(None);
            with_lab(|l| l.reset_autoencoder());
            stats.reset();
            bump(version);
        });
        let on_epoch = Callback::new(move |_: ()| {
            let epoch = state.get_untracked().epoch;
            stop_at.set_value(Some(epoch + 1));
            playing.set(true);
        });
        let done = Signal::derive(move || state.get().epoch >= EPOCHS);
        let curves = Memo::new(move |_| {
            version.track();
            with_lab(|l| {
                vec![
                    l.training().history().to_vec(),
                    l.normal_curve().to_vec(),
                    l.defect_curve().to_vec(),
                ]
            })
            .unwrap_or_default()
        });
        let axes = Signal::stored(LossAxes {
            epochs: EPOCHS,
            x_label: "epoch".into(),
            y_range: (-3.8, -1.8),
            y_label: "mean squared error (log scale)".into(),
            series: vec![
                ("training loss (good parts)".into(), 0),
                ("test: good parts".into(), 2),
                ("test: defects".into(), 5),
            ],
        });
        let preview: Vec<usize> = with_lab(|l| {
            Kind::ALL
                .iter()
                .filter_map(|k| l.data().test_indices(*k).first().copied())
                .collect()
        })
        .unwrap_or_default();
        let inputs = with_lab(|l| {
            preview
                .iter()
                .filter_map(|i| l.data().test.get(*i).map(|s| s.pixels.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
        let preview = StoredValue::new(preview);
        let input_panels = Signal::stored(ImagePanels {
            side: SIDE,
            titles: Kind::ALL
                .iter()
                .map(|k| format!("input: {}", k.name()))
                .collect(),
        });
        let epoch = Memo::new(move |_| state.get().epoch);
        // Reconstructions and their errors, redrawn once per epoch (not every frame).
        let rebuilt = Memo::new(move |_| {
            let _ = epoch.get();
            with_lab(|l| {
                preview.with_value(|p| {
                    p.iter()
                        .filter_map(|i| l.data().test.get(*i))
                        .map(|s| {
                            let m = l.training().model();
                            (m.reconstruct(&s.pixels), m.error(&s.pixels))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
        });
        let rebuilt_panels = Signal::derive(move || ImagePanels {
            side: SIDE,
            titles: rebuilt.with(|r| {
                r.iter()
                    .map(|(_, e)| format!("rebuilt: error {}", format4(*e)))
                    .collect()
            }),
        });
        let rebuilt_images = Signal::derive(move || {
            rebuilt.with(|r| r.iter().map(|(x, _)| x.clone()).collect::<Vec<_>>())
        });
        let opt = |f: fn(&AeState) -> Option<f64>| Signal::derive(move || f(&state.get()));
        let ratio = Signal::derive(move || {
            let s = state.get();
            match (s.defect, s.normal) {
                (Some(d), Some(n)) if n > 0.0 => Some(d / n),
                _ => None,
            }
        });
        let loss_now = opt(|s| s.loss);
        let programs = Signal::derive(move || {
            let s = state.get();
            panels::train_programs(s.epoch, s.loss)
        });
        view! {
            <p>
                "An "<strong>"autoencoder"</strong>" squeezes each picture through a narrow "
                "middle and rebuilds it. Here "{PIXELS}" pixels go into "{HIDDEN}" numbers (the code) "
                "and back out to "{PIXELS}" pixels, and training makes the rebuilt picture match the "
                "input, on good parts only:"
            </p>
            <div class="formula-scroll"><Formula block=true latex=r"\hat{x} = \sigma\left(W_2 \tanh(W_1 x + b_1) + b_2\right), \qquad L = \frac{1}{144}\sum_{i=1}^{144} (\hat{x}_i - x_i)^2" /></div>
            <p>
                "Sixteen numbers are enough to describe shading and brushing, but not a scratch that "
                "could be anywhere. So once trained, the autoencoder rebuilds good parts well and "
                "defects badly: its "<strong>"reconstruction error"</strong>" L is the anomaly score. "
                "Press Play and watch the three curves: the training loss, the error on good test parts "
                "it has never seen, and the error on the defects."
            </p>
            <TrainControls playing full_speed done on_reset on_epoch />
            <div class="train-status" data-testid="train-status" data-epoch=move || state.get().epoch.to_string() data-trained=move || state.get().trained.to_string()>
                <progress max="1" value=move || state.get().progress.to_string() aria-label="Training progress"></progress>
                <span>"epoch " <Readout name="epoch" value=Signal::derive(move || state.get().epoch as f64) /> " of " {EPOCHS}</span>
            </div>
            <div class="two-charts">
                <figure>
                    <figcaption>"Reconstruction error per epoch (log scale)"</figcaption>
                    <LossCurvesView axes series=curves label=Signal::derive(|| "Training loss and test errors per epoch".to_string()) testid="ae-loss" height=280 />
                </figure>
                <div class="anomaly-wrap">
                    <table class="numbers" data-testid="ae-numbers">
                        <tbody>
                            <tr><th scope="row">"training loss (last epoch)"</th><td><MaybeReadout name="train-loss" value=loss_now /></td></tr>
                            <tr><th scope="row">"test: good parts, mean error"</th><td><MaybeReadout name="test-normal" value=opt(|s| s.normal) /></td></tr>
                            <tr><th scope="row">"test: defects, mean error"</th><td><MaybeReadout name="test-defect" value=opt(|s| s.defect) /></td></tr>
                            <tr><th scope="row">"defects ÷ good parts"</th><td><MaybeReadout name="error-ratio" value=ratio /></td></tr>
                        </tbody>
                    </table>
                    <p class="note">
                        "The good parts' error falls to the sensor noise (σ = 0.015, so about 0.0002) "
                        "and stays level with the training loss: the model generalises to good parts it "
                        "never saw. The defects' error stays about ten times higher."
                    </p>
                    <p class="note perf" data-testid="train-perf">
                        "Trained in slices of at most about "{FRAME_BUDGET_MS}" ms per animation frame: "
                        <Readout name="slice-frames" value=Signal::derive(move || stats.frames.get() as f64) />" frames, longest slice "
                        <Readout name="slice-max-ms" value=stats.longest_ms />" ms, "
                        <Readout name="train-seconds" value=Signal::derive(move || stats.wall_ms.get() / 1000.0) />" s of training."
                    </p>
                </div>
            </div>
            <ImageStrip panels=input_panels images=Signal::stored(inputs) label=Signal::derive(|| "Four test pictures: a good part, a scratch, a spot and a missing piece".to_string()) testid="ae-inputs" height=150 />
            <ImageStrip panels=rebuilt_panels images=rebuilt_images label=Signal::derive(|| "The autoencoder's reconstructions of the four test pictures".to_string()) testid="ae-rebuilt" height=150 />
            <p>
                "Early on every reconstruction is a grey blur. Within a few epochs the shading appears, "
                "then the brushing. The defects never do: the scratch, the spot and the broken corner "
                "are repainted as good surface, which is exactly why their error stays high."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    // ---------------------------------------------------------------------------------
    // Step 3: threshold, confusion matrix, ROC

    pub fn threshold() -> AnyView {
        let version = RwSignal::new(0u64);
        view! {
            <p>
                "Every test picture now has a score, its reconstruction error. To raise an alarm "
                "you pick a "<strong>"threshold"</strong>": a picture is flagged when its error is "
                "above it. The histogram shows the scores by kind; move the threshold and watch "
                "the confusion matrix, precision and recall, and the point on the ROC curve."
            </p>
            <NeedsAutoencoder version>{threshold_view}</NeedsAutoencoder>
        }
        .into_any()
    }

    fn threshold_view() -> AnyView {
        let (labels, errors, suggested) = with_lab(|l| {
            (
                l.data().test_labels(),
                panels::shown(l.test_errors()),
                l.suggested_threshold(),
            )
        })
        .unwrap_or_default();
        let data =
            with_lab(|l| l.data().clone()).unwrap_or_else(crate::model::anomaly::Dataset::seeded);
        let labels_count = errors.len();
        let points = math::roc_curve(&labels, &errors).unwrap_or_default();
        let exact = math::roc_auc(&labels, &errors).ok();
        let keras_auc = math::keras_auc(&labels, &errors, 200).ok();
        let top = errors.iter().copied().fold(0.0, f64::max);
        // Divided in float32, as the code panel's NumPy array is.
        let rescaled: Vec<f64> = errors
            .iter()
            .map(|e| {
                if top > 0.0 {
                    (*e as f32 / top as f32) as f64
                } else {
                    0.0
                }
            })
            .collect();
        let keras_rescaled = math::keras_auc(&labels, &rescaled, 200).ok();
        let hist = ScoreHistogram {
            x_range: LOG_THRESHOLD_RANGE,
            log_x: true,
            bins: 40,
            x_label: "reconstruction error (log scale)".into(),
            groups: Kind::ALL
                .iter()
                .map(|k| {
                    let scores = data
                        .test_indices(*k)
                        .iter()
                        .filter_map(|i| errors.get(*i).copied())
                        .collect();
                    (k.name().to_string(), k.index(), scores)
                })
                .collect(),
            band: None,
        };
        let (lo, hi) = LOG_THRESHOLD_RANGE;
        let t = shared_number("t", shared_threshold(), 10f64.powf(lo), 10f64.powf(hi));
        Effect::new(move |_| {
            let v = t.get();
            THRESHOLD.with(|c| c.set(v));
        });
        let (positives, negatives) = (
            labels.iter().filter(|y| **y == 1.0).count() as f64,
            labels.iter().filter(|y| **y == 0.0).count() as f64,
        );
        let stored = StoredValue::new((labels, errors));
        let points_store = StoredValue::new(points.clone());
        let data = StoredValue::new(data);
        report_task("catch-all", move || {
            let t = t.get();
            stored.with_value(|(y, s)| catches_all_with_fewest_alarms(y, s, t))
        });
        report_task("no-false-alarms", move || {
            let t = t.get();
            stored.with_value(|(y, s)| no_alarms_most_caught(y, s, t))
        });
        let cm = Memo::new(move |_| {
            let t = t.get();
            stored
                .with_value(|(y, s)| math::confusion_matrix(y, s, t))
                .unwrap_or_default()
        });
        let count = move |f: fn(&math::ConfusionMatrix) -> usize| {
            Signal::derive(move || f(&cm.get()) as f64)
        };
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { 0.0 };
        let precision = Signal::derive(move || {
            let c = cm.get();
            ratio(c.tp as f64, (c.tp + c.fp) as f64)
        });
        let recall = Signal::derive(move || {
            let c = cm.get();
            ratio(c.tp as f64, (c.tp + c.fn_) as f64)
        });
        let false_alarm_rate = Signal::derive(move || ratio(cm.get().fp as f64, negatives));
        let per_kind = Memo::new(move |_| {
            let t = t.get();
            data.with_value(|d| stored.with_value(|(_, s)| kind_rates(d, s, t).flagged))
        });
        let caught = move |k: Kind| {
            Signal::derive(move || per_kind.get()[k.index()] * TEST_PER_DEFECT as f64)
        };
        let index = Signal::derive(move || {
            let t = t.get();
            points_store.with_value(|p| roc_index_for_threshold(p, t))
        });
        let on_roc = Callback::new(move |k: usize| {
            t.set(points_store.with_value(|p| threshold_for_roc_index(p, k)));
        });
        let (lo, hi) = LOG_THRESHOLD_RANGE;
        let programs = Signal::derive(move || {
            let t = t.get();
            stored.with_value(|(y, s)| panels::threshold_programs(y, s, t))
        });
        let (largest, buckets) = stored.with_value(|(_, s)| panels::keras_buckets(s));
        view! {
            <ScoreHistogramView
                histogram=Signal::stored(hist)
                threshold=t
                label=Signal::derive(|| "Histogram of reconstruction errors by kind, with the threshold".to_string())
                testid="error-histogram"
                height=270
            />
            <div class="controls">
                <fieldset class="threshold-field">
                    <legend>"Threshold on the reconstruction error"</legend>
                    <input
                        type="range"
                        data-testid="threshold"
                        aria-label="Threshold on the reconstruction error (log scale)"
                        min=lo.to_string()
                        max=hi.to_string()
                        step=LOG_THRESHOLD_STEP.to_string()
                        prop:value=move || format!("{:.2}", t.get().log10())
                        aria-valuetext=move || format!("threshold {}", format4(t.get()))
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                t.set(threshold_from_slider(v));
                            }
                        }
                    />
                    " " <Readout name="threshold" value=t />
                    <button type="button" data-testid="one-class-threshold" on:click=move |_| t.set(suggested)>
                        "One-class choice: 95th percentile of the training errors"
                    </button>
                </fieldset>
            </div>
            <div class="two-charts">
                <div class="anomaly-wrap">
                    <table class="numbers confusion" data-testid="confusion">
                        <thead><tr><th scope="col">"actual \\ verdict"</th><th scope="col">"flagged"</th><th scope="col">"passed"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{format!("defect ({positives})")}</th><td class="hit">"caught "<Readout name="tp" value=count(|c| c.tp) /></td><td class="miss">"missed "<Readout name="fn" value=count(|c| c.fn_) /></td></tr>
                            <tr><th scope="row">{format!("good part ({negatives})")}</th><td class="miss">"false alarm "<Readout name="fp" value=count(|c| c.fp) /></td><td class="hit">"passed "<Readout name="tn" value=count(|c| c.tn) /></td></tr>
                        </tbody>
                    </table>
                    <table class="numbers" data-testid="threshold-metrics">
                        <tbody>
                            <tr><th scope="row">"precision: flagged pictures that are defects"</th><td><Readout name="precision" value=precision /></td></tr>
                            <tr><th scope="row">"recall: defects flagged"</th><td><Readout name="recall" value=recall /></td></tr>
                            <tr><th scope="row">"false-alarm rate: good parts flagged"</th><td><Readout name="false-alarm-rate" value=false_alarm_rate /></td></tr>
                            <tr><th scope="row">"scratches caught (of 30)"</th><td><Readout name="caught-scratch" value=caught(Kind::Scratch) /></td></tr>
                            <tr><th scope="row">"spots caught (of 30)"</th><td><Readout name="caught-spot" value=caught(Kind::Spot) /></td></tr>
                            <tr><th scope="row">"missing pieces caught (of 30)"</th><td><Readout name="caught-missing" value=caught(Kind::MissingPiece) /></td></tr>
                        </tbody>
                    </table>
                </div>
                <figure>
                    <figcaption>"ROC curve of the reconstruction error: drag the point, or focus it and use the arrow keys"</figcaption>
                    <RocPlot points=Signal::stored(points) index on_change=on_roc testid="error-roc" height=300 />
                </figure>
            </div>
            <p>
                "The button sets the threshold the one-class way, without looking at a single defect: "
                "at the error that only 5 % of the good training parts exceed. On a real line that "
                "is all you can do before the first defects arrive; the labelled test defects only "
                "tell you afterwards how well it worked."
            </p>
            <Predict>
                <table class="numbers" data-testid="auc-table">
                    <tbody>
                        <tr><th scope="row">"exact ROC AUC (scikit-learn roc_auc_score, torchmetrics)"</th><td><MaybeReadout name="auc-exact" value=Signal::derive(move || exact) /></td></tr>
                        <tr><th scope="row">"Keras AUC() on the raw errors"</th><td><MaybeReadout name="auc-keras" value=Signal::derive(move || keras_auc) /></td></tr>
                        <tr><th scope="row">"Keras AUC() on errors / errors.max()"</th><td><MaybeReadout name="auc-keras-rescaled" value=Signal::derive(move || keras_rescaled) /></td></tr>
                    </tbody>
                </table>
                <p>
                    "AUC() spreads its 200 thresholds evenly over [0, 1], 1/199 apart. The largest "
                    "error here is "{format4(largest)}", so all "{labels_count}" errors fall into "
                    {buckets}" of its buckets, and errors in the same bucket count as ties. Divided "
                    "by the largest error they keep their order and spread over [0, 1]; the exact "
                    "AUC uses every score as its own threshold."
                </p>
                <p>"The code below computes the table's counts, precision and recall at the threshold you set, and the three AUCs."</p>
                <CodePanels programs />
            </Predict>
        }
        .into_any()
    }

    // ---------------------------------------------------------------------------------
    // Step 4: inspect one picture

    pub fn inspect() -> AnyView {
        let version = RwSignal::new(0u64);
        view! {
            <p>
                "Each dot is one test picture, placed by its reconstruction error, one row per kind. "
                "Click a dot (or focus the plot and use the arrow keys: ← → along a row, ↑ ↓ between "
                "rows, Home and End for a row's lowest and highest) to see the picture, the "
                "autoencoder's reconstruction and where the two differ."
            </p>
            <NeedsAutoencoder version>{inspect_view}</NeedsAutoencoder>
        }
        .into_any()
    }

    fn inspect_view() -> AnyView {
        let (errors, kinds) = with_lab(|l| {
            (
                panels::shown(l.test_errors()),
                l.data().test.iter().map(|s| s.kind).collect::<Vec<_>>(),
            )
        })
        .unwrap_or_default();
        let t = shared_threshold();
        let plot = DotPlot {
            x_range: LOG_THRESHOLD_RANGE,
            log_x: true,
            x_label: "reconstruction error (log scale)".into(),
            rows: kind_names(),
            dots: kinds
                .iter()
                .zip(&errors)
                .map(|(k, e)| (k.index(), *e))
                .collect(),
            band: None,
        };
        let names: Vec<String> = kinds
            .iter()
            .zip(&errors)
            .enumerate()
            .map(|(i, (k, e))| format!("{}, test picture {i}: error {}", k.name(), format4(*e)))
            .collect();
        let count = kinds.len();
        let stored = StoredValue::new((kinds, errors));
        let selected = shared(
            "pick",
            None::<usize>,
            move |p| p.is_none_or(|i| i < count),
            "a picture number",
        );
        let seen = RwSignal::new(Vec::<Kind>::new());
        report_task("inspect-kinds", move || {
            seen.with(|s| inspected_every_kind(s))
        });
        report_task("hardest-defect", move || {
            let s = selected.get();
            stored.with_value(|(k, e)| is_hardest_defect(k, e, s))
        });
        report_task("worst-normal", move || {
            let s = selected.get();
            stored.with_value(|(k, e)| is_worst_normal(k, e, s))
        });
        let on_select = Callback::new(move |i: usize| {
            selected.set(Some(i));
            if let Some(k) = stored.with_value(|(k, _)| k.get(i).copied()) {
                if !seen.with_untracked(|s| s.contains(&k)) {
                    seen.update(|s| s.push(k));
                }
            }
        });
        let detail = Memo::new(move |_| {
            let i = selected.get()?;
            with_lab(|l| {
                let x = l.data().test.get(i)?.pixels.clone();
                let m = l.training().model();
                let rebuilt = m.reconstruct(&x);
                let map = m.error_map(&x);
                Some((x, rebuilt, map))
            })
            .flatten()
        });
        let images = Signal::derive(move || {
            detail
                .get()
                .map(|(x, r, m)| vec![x, r, m])
                .unwrap_or_default()
        });
        let panels = Signal::stored(HeatPanels {
            side: SIDE,
            panels: vec![
                ("input x".into(), PanelScale::Grey),
                ("reconstruction x̂".into(), PanelScale::Grey),
                ("(x̂ − x)² per pixel".into(), PanelScale::Heat { max: 0.09 }),
            ],
        });
        let error = Signal::derive(move || {
            let i = selected.get()?;
            stored.with_value(|(_, e)| e.get(i).copied())
        });
        let rank = Signal::derive(move || {
            let e = error.get()?;
            Some(stored.with_value(|(_, all)| 1 + all.iter().filter(|v| **v > e).count()) as f64)
        });
        let peak = Signal::derive(move || {
            detail.with(|d| {
                d.as_ref()
                    .map(|(_, _, m)| m.iter().copied().fold(0.0, f64::max))
            })
        });
        let kind = move || {
            selected
                .get()
                .and_then(|i| stored.with_value(|(k, _)| k.get(i).copied()))
        };
        let verdict = move || match error.get() {
            Some(e) if e > t => "flagged (above the threshold)",
            Some(_) => "passed (at or below the threshold)",
            None => "",
        };
        let programs = Signal::derive(move || {
            let i = selected.get().unwrap_or(0);
            with_lab(|l| {
                let s = l.data().test.get(i)?;
                let rebuilt = l.training().model().reconstruct(&s.pixels);
                Some(panels::inspect_programs(i, s.kind, &s.pixels, &rebuilt))
            })
            .flatten()
            .unwrap_or_default()
        });
        view! {
            <ErrorDotPlot
                plot=Signal::stored(plot)
                threshold=Signal::derive(move || Some(t))
                selected=selected
                on_select
                names=Signal::stored(names)
                label=Signal::derive(|| "Reconstruction error of every test picture, by kind".to_string())
                testid="error-dots"
                height=250
            />
            <div class="inspect-layout" data-testid="inspect-detail" data-selected=move || selected.get().map(|i| i.to_string()).unwrap_or_default()>
                <HeatPanelsView panels images label=Signal::derive(|| "The selected picture, its reconstruction and the squared error per pixel".to_string()) testid="inspect-panels" height=250 />
                <table class="numbers" data-testid="inspect-numbers">
                    <tbody>
                        <tr><th scope="row">"kind"</th><td data-testid="inspect-kind">{move || kind().map(|k| k.name()).unwrap_or("pick a dot")}</td></tr>
                        <tr><th scope="row">"reconstruction error (mean of the map)"</th><td><MaybeReadout name="inspect-error" value=error /></td></tr>
                        <tr><th scope="row">"rank among the 190 (1 = highest)"</th><td><MaybeReadout name="inspect-rank" value=rank /></td></tr>
                        <tr><th scope="row">"largest pixel error"</th><td><MaybeReadout name="inspect-peak" value=peak /></td></tr>
                        <tr><th scope="row">"threshold (from step 3)"</th><td><Readout name="inspect-threshold" value=Signal::derive(move || t) /></td></tr>
                        <tr><th scope="row">"verdict"</th><td data-testid="inspect-verdict">{verdict}</td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "The error map points at the defect: the scratch lights up along its line, the spot "
                "as a blob, the broken corner as a triangle. On a good part the map is an even, faint "
                "speckle: the sensor noise, which no model can predict. The hardest defects are the "
                "faintest ones, and the worst good parts are those whose shading or brushing is "
                "unusual; the two overlap a little, which is why no threshold is perfect here."
            </p>
            <p>"The code below holds the selected picture (test picture 0 until you pick one) and its reconstruction, and computes the error map's mean and largest pixel."</p>
            <CodePanels programs />
        }
        .into_any()
    }

    // ---------------------------------------------------------------------------------
    // Step 5: supervised against one-class

    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    struct ClassifierState {
        steps: usize,
        done: bool,
        loss: Option<f64>,
    }

    fn classifier_state(version: RwSignal<u64>, head: Head) -> Memo<ClassifierState> {
        Memo::new(move |_| {
            version.track();
            with_lab(|l| {
                let run = l.pixel_training(head);
                ClassifierState {
                    steps: run.epoch(),
                    done: run.is_done(),
                    loss: run.history().last().copied(),
                }
            })
            .unwrap_or_default()
        })
    }

    pub fn supervised() -> AnyView {
        untrack(supervised_view)
    }

    fn supervised_view() -> AnyView {
        let version = RwSignal::new(0u64);
        let state = classifier_state(version, Head::SigmoidBce);
        let playing = RwSignal::new(false);
        let catch_up = StoredValue::new(None::<usize>);
        use_pixel_runner(
            playing,
            &[Head::SigmoidBce],
            Some(CLASSIFIER_STEPS_PER_SECOND),
            catch_up,
            version,
        );
        shared_progress(
            "n",
            100_000,
            "a number of steps",
            move || state.get().steps,
            || {
                with_lab(|l| l.reset_pixel_model(Head::SigmoidBce));
            },
            catch_up,
            playing,
        );
        let budget = shared_number("budget", 0.05, 0.0, 0.25);
        report_task("train-classifier", move || state.get().done);
        report_task("generous-budget", move || {
            generous_budget_checked(budget.get(), state.get().done)
        });
        let history = Memo::new(move |_| {
            version.track();
            vec![
                with_lab(|l| l.pixel_training(Head::SigmoidBce).history().to_vec())
                    .unwrap_or_default(),
            ]
        });
        let axes = Signal::stored(LossAxes {
            epochs: CLASSIFIER_EPOCHS,
            x_label: "full-batch step".into(),
            y_range: (-1.4, 0.1),
            y_label: "binary cross-entropy (log scale)".into(),
            series: vec![("training loss".into(), 1)],
        });
        let template = with_lab(|l| {
            let mean = |set: &[crate::model::anomaly::Sample]| {
                let mut m = vec![0.0; PIXELS];
                for s in set {
                    for (a, v) in m.iter_mut().zip(&s.pixels) {
                        *a += v / set.len().max(1) as f64;
                    }
                }
                m
            };
            let (s, n) = (mean(&l.data().train_scratch), mean(&l.data().train_normal));
            s.iter().zip(&n).map(|(a, b)| a - b).collect::<Vec<_>>()
        })
        .unwrap_or_default();
        let template_max = template
            .iter()
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(1e-6);
        let weight_images = Signal::derive(move || {
            version.track();
            let w = with_lab(|l| {
                l.pixel_training(Head::SigmoidBce)
                    .model()
                    .weights()
                    .to_vec()
            })
            .unwrap_or_default();
            vec![w, template.clone()]
        });
        let weight_panels = Signal::stored(HeatPanels {
            side: SIDE,
            panels: vec![
                (
                    "learned weight per pixel".into(),
                    PanelScale::Diverging { max: 4.0 },
                ),
                (
                    "mean scratch − mean good part".into(),
                    PanelScale::Diverging { max: template_max },
                ),
            ],
        });
        // The classifier's probabilities as the page shows them (4 significant digits):
        // every number of this step is computed from them, as in the code panel.
        let probabilities = Memo::new(move |_| {
            version.track();
            with_lab(|l| panels::shown(&l.pixel_predictions(Head::SigmoidBce))).unwrap_or_default()
        });
        let at_half = Memo::new(move |_| {
            probabilities
                .with(|p| with_lab(|l| kind_rates(l.data(), p, 0.5).flagged))
                .unwrap_or_default()
        });
        let programs = Signal::derive(move || {
            let steps = state.get().steps;
            let b = budget.get();
            probabilities.with(|p| {
                with_lab(|l| panels::supervised_programs(steps, b, p, l.data())).unwrap_or_default()
            })
        });
        let ae_version = RwSignal::new(0u64);
        view! {
            <p>
                "The thread's other suggestion: collect defective pictures, label them 1 and the good "
                "ones 0, and train a model on the labels. Done right, that is a "<strong>"binary classifier"</strong>": "
                "one output z per picture, a sigmoid to turn it into a probability and binary "
                "cross-entropy as the loss. Here it is the simplest one, a weight per pixel "
                "(logistic regression), trained on the "{TRAIN_NORMAL}" good parts and the only "
                "defects labelled so far: "{TRAIN_SCRATCH}" scratches."
            </p>
            <div class="formula-scroll"><Formula block=true latex=r"p = \sigma(w \cdot x + b), \qquad L = -\left[y \ln p + (1 - y)\ln(1 - p)\right]" /></div>
            <div class="button-row training-controls" role="group" aria-label="Classifier training">
                <button
                    type="button"
                    class="primary-action"
                    data-testid="clf-train"
                    disabled=move || { playing.get() || state.get().done }
                    on:click=move |_| playing.set(true)
                >
                    {move || if state.get().done { "Trained" } else if playing.get() { "Training…" } else { "Train the classifier" }}
                </button>
                <button
                    type="button"
                    data-testid="clf-reset"
                    on:click=move |_| {
                        playing.set(false);
                        with_lab(|l| l.reset_pixel_model(Head::SigmoidBce));
                        bump(version);
                    }
                >
                    "Reset"
                </button>
                <span data-testid="clf-status" data-steps=move || state.get().steps.to_string() data-done=move || state.get().done.to_string()>
                    "step " {move || state.get().steps} " of " {CLASSIFIER_EPOCHS} " · loss "
                    <MaybeReadout name="clf-loss" value=Signal::derive(move || state.get().loss) />
                </span>
            </div>
            <div class="two-charts">
                <figure>
                    <figcaption>"Training loss of the classifier"</figcaption>
                    <LossCurvesView axes series=history label=Signal::derive(|| "Training loss of the classifier".to_string()) testid="clf-loss-curve" height=240 />
                </figure>
                <figure>
                    <figcaption>"What it looks for: its weights (blue negative, orange positive), next to what scratches add to a picture"</figcaption>
                    <HeatPanelsView panels=weight_panels images=weight_images label=Signal::derive(|| "The classifier's weight per pixel and the average scratch".to_string()) testid="clf-weights" height=240 />
                </figure>
            </div>
            <p>
                "The weights turn into a bright diagonal stripe: the classifier has learned what a "
                "scratch looks like. On its own threshold (p > 0.5) it catches "
                <MaybeReadout name="clf-half-scratch" value=Signal::derive(move || (state.get().steps > 0).then(|| at_half.get()[1] * TEST_PER_DEFECT as f64)) />
                " of the 30 test scratches, with "
                <MaybeReadout name="clf-half-normal" value=Signal::derive(move || (state.get().steps > 0).then(|| at_half.get()[0] * TEST_NORMAL as f64)) />
                " false alarms on the 100 good test parts."
            </p>
            <NeedsAutoencoder version=ae_version>
                {move || comparison_view(version, budget, at_half, probabilities)}
            </NeedsAutoencoder>
            <p>"The code below builds the classifier and computes its column of the table from its probabilities on the test pictures."</p>
            <CodePanels programs />
        }
        .into_any()
    }

    /// What the comparison table shows, in words, for the budget on screen.
    fn comparison_text(
        trained: bool,
        budget: f64,
        clf: &crate::model::anomaly::KindRates,
        ae: &crate::model::anomaly::KindRates,
    ) -> String {
        let ae_part = format!(
            "The autoencoder, shown no defect at all, flags {} of the good parts and catches {} of the scratches, {} of the spots and {} of the missing pieces. ",
            pct(ae.flagged[0]),
            pct(ae.flagged[1]),
            pct(ae.flagged[2]),
            pct(ae.flagged[3])
        );
        if !trained {
            return format!("With {} false alarms allowed: {ae_part}", pct(budget));
        }
        let ranking = if clf.auc[1] < 0.5 {
            "below 0.5: it ranks spots as less suspicious than good parts"
        } else {
            "at least 0.5"
        };
        format!(
            "With {} false alarms allowed, the classifier flags {} of the good parts and catches {} of the scratches and {} of the spots; its AUC on spots is {}, {ranking}. {ae_part}",
            pct(budget),
            pct(clf.flagged[0]),
            pct(clf.flagged[1]),
            pct(clf.flagged[2]),
            format4(clf.auc[1]),
        )
    }

    /// The supervised classifier against the autoencoder at the same false-alarm budget.
    fn comparison_view(
        version: RwSignal<u64>,
        budget: RwSignal<f64>,
        at_half: Memo<[f64; 4]>,
        predictions: Memo<Vec<f64>>,
    ) -> AnyView {
        let (data, errors) = with_lab(|l| (l.data().clone(), panels::shown(l.test_errors())))
            .unwrap_or_else(|| (crate::model::anomaly::Dataset::seeded(), Vec::new()));
        let normal_errors: Vec<f64> = data
            .test_indices(Kind::Normal)
            .iter()
            .filter_map(|i| errors.get(*i).copied())
            .collect();
        let data = StoredValue::new(data);
        let errors = StoredValue::new(errors);
        let trained = Memo::new(move |_| {
            version.track();
            with_lab(|l| l.pixel_training(Head::SigmoidBce).is_done()).unwrap_or(false)
        });
        let ae = Memo::new(move |_| {
            let b = budget.get();
            let t = threshold_for_false_alarms(&normal_errors, b).unwrap_or(0.0);
            data.with_value(|d| errors.with_value(|e| kind_rates(d, e, t)))
        });
        let clf = Memo::new(move |_| {
            let b = budget.get();
            predictions.with(|p| {
                let normal: Vec<f64> = data.with_value(|d| {
                    d.test_indices(Kind::Normal)
                        .iter()
                        .filter_map(|i| p.get(*i).copied())
                        .collect()
                });
                let t = threshold_for_false_alarms(&normal, b).unwrap_or(0.5);
                data.with_value(|d| kind_rates(d, p, t))
            })
        });
        let row = move |label: &'static str,
                        key: &'static str,
                        pick: fn(&crate::model::anomaly::KindRates) -> f64| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td><MaybeReadout name=format!("clf-{key}") value=Signal::derive(move || trained.get().then(|| pick(&clf.get()))) /></td>
                    <td><Readout name=format!("ae-{key}") value=Signal::derive(move || pick(&ae.get())) /></td>
                </tr>
            }
        };
        view! {
            <p>
                "To compare the two fairly, give them the same "<strong>"false-alarm budget"</strong>": "
                "each gets the threshold at which it flags that share of the good test parts."
            </p>
            <Predict>
                <p>
                    "At p > 0.5 it catches "
                    <MaybeReadout name="clf-half-spot" value=Signal::derive(move || trained.get().then(|| at_half.get()[2] * TEST_PER_DEFECT as f64)) />
                    " of the 30 spots and "
                    <MaybeReadout name="clf-half-missing" value=Signal::derive(move || trained.get().then(|| at_half.get()[3] * TEST_PER_DEFECT as f64)) />
                    " of the 30 missing pieces. Now give both models the same budget:"
                </p>
                <div class="controls">
                    <fieldset class="threshold-field">
                        <legend>"False alarms allowed on good parts"</legend>
                        <input
                            type="range"
                            min="0"
                            max="0.25"
                            step="0.01"
                            data-testid="budget"
                            aria-label="False-alarm budget"
                            aria-valuetext=move || pct(budget.get())
                            prop:value=move || budget.get().to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    if v.is_finite() {
                                        budget.set((v * 100.0).round().clamp(0.0, 25.0) / 100.0);
                                    }
                                }
                            }
                        />
                        " " <Readout name="budget" value=budget />
                    </fieldset>
                </div>
                <div class="table-scroll anomaly-wrap">
                    <table class="numbers" data-testid="comparison">
                        <thead><tr><th scope="col">"share of test pictures flagged"</th><th scope="col">"classifier (trained on scratches)"</th><th scope="col">"autoencoder (good parts only)"</th></tr></thead>
                        <tbody>
                            {row("good parts (false alarms)", "flagged-normal", |r| r.flagged[0])}
                            {row("scratches", "flagged-scratch", |r| r.flagged[1])}
                            {row("spots", "flagged-spot", |r| r.flagged[2])}
                            {row("missing pieces", "flagged-missing", |r| r.flagged[3])}
                            {row("ROC AUC, good parts against scratches", "auc-scratch", |r| r.auc[0])}
                            {row("ROC AUC, good parts against spots", "auc-spot", |r| r.auc[1])}
                            {row("ROC AUC, good parts against missing pieces", "auc-missing", |r| r.auc[2])}
                        </tbody>
                    </table>
                </div>
                {move || (!trained.get()).then(|| view! { <p class="muted">"Train the classifier above to fill in its column."</p> })}
                <p data-testid="comparison-text">
                    {move || comparison_text(trained.get(), budget.get(), &clf.get(), &ae.get())}
                    "It does catch missing pieces at low thresholds, but by luck: its weights are "
                    "negative near the corners, so a dark corner happens to push p up. That is the "
                    "typical outcome, not a law: a supervised model with the right kinds labelled is "
                    "often sharper on those kinds, and an autoencoder can miss a defect that looks "
                    "like normal variation."
                </p>
            </Predict>
        }
        .into_any()
    }

    // ---------------------------------------------------------------------------------
    // Step 6: the thread's regressor

    pub fn thread_code() -> AnyView {
        untrack(thread_code_view)
    }

    fn thread_code_view() -> AnyView {
        let version = RwSignal::new(0u64);
        let playing = RwSignal::new(true);
        use_pixel_runner(
            playing,
            &[Head::SigmoidBce, Head::LinearMse],
            None,
            StoredValue::new(None),
            version,
        );
        let ready = Memo::new(move |_| {
            version.track();
            with_lab(|l| {
                l.pixel_training(Head::SigmoidBce).is_done()
                    && l.pixel_training(Head::LinearMse).is_done()
            })
            .unwrap_or(false)
        });
        let progress = Memo::new(move |_| {
            version.track();
            with_lab(|l| {
                (l.pixel_training(Head::SigmoidBce).epoch()
                    + l.pixel_training(Head::LinearMse).epoch()) as f64
                    / (2 * CLASSIFIER_EPOCHS) as f64
            })
            .unwrap_or(0.0)
        });
        let mode = shared(
            "head",
            Head::LinearMse,
            |h| *h != Head::SigmoidMse,
            "linear or sigmoid-bce",
        );
        let selected = shared("pick", None::<usize>, |_| true, "a picture number");
        let outputs = Memo::new(move |_| {
            if !ready.get() {
                return Vec::new();
            }
            let h = mode.get();
            with_lab(|l| {
                panels::thread_scores(h, &panels::shown(&l.pixel_raw(h)), &l.data().test_labels())
                    .outputs
            })
            .unwrap_or_default()
        });
        report_task("furthest-outside", move || {
            ready.get()
                && mode.get() == Head::LinearMse
                && outputs.with(|o| is_furthest_outside(o, selected.get()))
        });
        report_task("switch-to-bce", move || {
            ready.get() && mode.get() == Head::SigmoidBce
        });
        view! {
            <p>
                "The thread's code, run on these pictures: a network with a "<em>"linear"</em>" output "
                "trained with mean squared error on the labels 0 (good) and 1 (defect), wrapped in "
                "KerasRegressor and scored with its "<code>"score"</code>". Here it is the same pixel "
                "model as in step 5, on the same "{TRAIN_NORMAL}" good parts and "{TRAIN_SCRATCH}
                " scratches, once with the thread's set-up and once as a classifier."
            </p>
            {move || if ready.get() {
                thread_code_content(mode, selected, outputs).into_any()
            } else {
                view! {
                    <div class="train-gate" data-testid="pixel-training">
                        <p>"Training both set-ups (600 whole-batch steps each)…"</p>
                        <progress max="1" value=move || progress.get().to_string() aria-label="Training progress"></progress>
                    </div>
                }.into_any()
            }}
        }
        .into_any()
    }

    fn thread_code_content(
        mode: RwSignal<Head>,
        selected: RwSignal<Option<usize>>,
        outputs: Memo<Vec<f64>>,
    ) -> AnyView {
        untrack(move || {
            // The raw outputs as the page shows them (4 significant digits), per set-up.
            let (labels, kinds, raw_sigmoid, raw_linear) = with_lab(|l| {
                (
                    l.data().test_labels(),
                    l.data().test.iter().map(|s| s.kind).collect::<Vec<_>>(),
                    panels::shown(&l.pixel_raw(Head::SigmoidBce)),
                    panels::shown(&l.pixel_raw(Head::LinearMse)),
                )
            })
            .unwrap_or_default();
            let names_kinds = kinds.clone();
            let labels = StoredValue::new(labels);
            let kinds = StoredValue::new(kinds);
            let plot = Signal::derive(move || DotPlot {
                x_range: (-0.8, 1.4),
                log_x: false,
                x_label: "output ŷ on the test pictures".into(),
                rows: kind_names(),
                dots: kinds.with_value(|k| {
                    outputs.with(|o| k.iter().zip(o).map(|(k, v)| (k.index(), *v)).collect())
                }),
                band: Some((0.0, 1.0)),
            });
            let names = Signal::derive(move || {
                outputs.with(|o| {
                    names_kinds
                        .iter()
                        .zip(o)
                        .enumerate()
                        .map(|(i, (k, v))| {
                            format!("{}, test picture {i}: output {}", k.name(), format4(*v))
                        })
                        .collect::<Vec<_>>()
                })
            });
            let stat = move |f: fn(&[f64], &[f64]) -> Option<f64>| {
                Signal::derive(move || outputs.with(|o| labels.with_value(|y| f(y, o))))
            };
            let lowest = stat(|_, o| o.iter().copied().reduce(f64::min));
            let highest = stat(|_, o| o.iter().copied().reduce(f64::max));
            let outside =
                stat(|_, o| Some(o.iter().filter(|v| !(0.0..=1.0).contains(*v)).count() as f64));
            let mse = stat(|y, o| math::mean_squared_error(y, o).ok());
            let old_score = Signal::derive(move || mse.get().map(|m| -m));
            let r2 = stat(r_squared);
            let raw_sigmoid = StoredValue::new(raw_sigmoid);
            let bce = Signal::derive(move || {
                (mode.get() == Head::SigmoidBce)
                    .then(|| {
                        labels.with_value(|y| {
                            raw_sigmoid.with_value(|z| math::binary_crossentropy(y, z, true).ok())
                        })
                    })
                    .flatten()
            });
            let picked = Signal::derive(move || {
                let i = selected.get()?;
                outputs.with(|o| o.get(i).copied())
            });
            let picked_kind = move || {
                selected
                    .get()
                    .and_then(|i| kinds.with_value(|k| k.get(i).copied()))
                    .map(|k| k.name())
                    .unwrap_or("pick a dot")
            };
            let raw_linear = StoredValue::new(raw_linear);
            let programs = Signal::derive(move || {
                let h = mode.get();
                let raw = if h == Head::SigmoidBce {
                    raw_sigmoid
                } else {
                    raw_linear
                };
                raw.with_value(|z| labels.with_value(|y| panels::thread_programs(h, z, y)))
            });
            // What the score table says, for the set-up on screen.
            let verdict = move || {
                let Some(r) = r2.get() else {
                    return String::new();
                };
                let share = labels.with_value(|y| y.iter().sum::<f64>() / y.len().max(1) as f64);
                let sign = if r < 0.0 {
                    format!("below 0: its squared error is larger than that of always answering the share of defects, {}", format4(share))
                } else {
                    "above 0, but far from 1".to_string()
                };
                match mode.get() {
                    Head::SigmoidBce => format!(
                        "With the classification set-up, the R² of the probabilities is {}: {sign}. The test loss to report here is the binary cross-entropy, {}.",
                        format4(r),
                        bce.get().map(format4).unwrap_or_default()
                    ),
                    _ => format!(
                        "With the thread's set-up, R² is {}: {sign}. The old KerasRegressor.score would have reported {} (−MSE) instead.",
                        format4(r),
                        old_score.get().map(format4).unwrap_or_default()
                    ),
                }
            };
            view! {
                <div class="controls">
                    <fieldset class="setup-field">
                        <legend>"Set-up"</legend>
                        <label class="chip"><input type="radio" name="l5-setup" data-testid="setup-linear" prop:checked=move || mode.get() == Head::LinearMse on:change=move |_| mode.set(Head::LinearMse) />"the thread's: linear output + MSE"</label>
                        <label class="chip"><input type="radio" name="l5-setup" data-testid="setup-sigmoid" prop:checked=move || mode.get() == Head::SigmoidBce on:change=move |_| mode.set(Head::SigmoidBce) />"classification: sigmoid + binary cross-entropy"</label>
                    </fieldset>
                </div>
                <ErrorDotPlot
                    plot
                    threshold=Signal::derive(|| Some(0.5))
                    selected=selected
                    on_select=Callback::new(move |i| selected.set(Some(i)))
                    names
                    label=Signal::derive(|| "The model's output for every test picture, by kind; the shaded band is [0, 1]".to_string())
                    testid="output-dots"
                    height=240
                />
                <div class="anomaly-wrap narrow-table">
                        <table class="numbers" data-testid="output-numbers">
                            <tbody>
                                <tr><th scope="row">"lowest output"</th><td><MaybeReadout name="out-min" value=lowest /></td></tr>
                                <tr><th scope="row">"highest output"</th><td><MaybeReadout name="out-max" value=highest /></td></tr>
                                <tr><th scope="row">"outputs outside [0, 1] (of 190)"</th><td><MaybeReadout name="out-outside" value=outside /></td></tr>
                                <tr><th scope="row">"selected: " <span data-testid="out-kind">{picked_kind}</span></th><td><MaybeReadout name="out-picked" value=picked /></td></tr>
                            </tbody>
                        </table>
                        <p class="note">
                            "With a linear output, pictures that look unlike any scratch get outputs "
                            "below 0 and bright scratches above 1: they are not probabilities, and 0.5 "
                            "is not a natural cut. The sigmoid set-up keeps every output in (0, 1)."
                        </p>
                </div>
                <Predict>
                            <table class="numbers" data-testid="score-table">
                                <tbody>
                                    <tr><th scope="row">"test MSE"</th><td><MaybeReadout name="test-mse" value=mse /></td></tr>
                                    <tr><th scope="row">"old KerasRegressor.score: −MSE"</th><td><MaybeReadout name="old-score" value=old_score /></td></tr>
                                    <tr><th scope="row">"R² (SciKeras, Keras 3 SKLearnRegressor, scikit-learn)"</th><td><MaybeReadout name="r2" value=r2 /></td></tr>
                                    <tr><th scope="row">"test binary cross-entropy (sigmoid set-up)"</th><td><MaybeReadout name="test-bce" value=bce /></td></tr>
                                </tbody>
                            </table>
                            <p data-testid="score-verdict">{verdict}</p>
                            <p>
                                "Both numbers are about the set of outputs, never about one picture, "
                                "and neither says how many defects are caught. For the classification "
                                "set-up the loss to report is the binary cross-entropy; to judge it, "
                                "precision, recall and AUC, as in steps 3 and 5."
                            </p>
                            <p>"The code below defines the set-up shown and computes the table from its outputs on the test pictures."</p>
                            <CodePanels programs />
                </Predict>
            }
            .into_any()
        })
    }

    // ---------------------------------------------------------------------------------
    // Step 7: summary

    pub fn summary() -> AnyView {
        untrack(|| {
            let trained = with_lab(|l| l.is_trained()).unwrap_or(false);
            let auc = with_lab(|l| {
                l.is_trained()
                    .then(|| {
                        math::roc_auc(&l.data().test_labels(), &panels::shown(l.test_errors())).ok()
                    })
                    .flatten()
            })
            .flatten();
            view! {
                <p>"The answer to the thread's question, as a rule of thumb:"</p>
                <div class="table-scroll">
                    <table class="summary" data-testid="summary-table">
                        <thead><tr><th scope="col">"you have"</th><th scope="col">"approach"</th><th scope="col">"output and loss"</th><th scope="col">"judge it by"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"good examples, few or unknown defects"</th><td>"one-class: an autoencoder trained on good examples only; the anomaly score is its reconstruction error"</td><td>"sigmoid output for pixels in [0, 1], MSE on the pixels"</td><td>"a threshold set from the good examples' errors; precision, recall and the exact ROC AUC on a labelled test set"</td></tr>
                            <tr><th scope="row">"labelled examples of every defect you care about"</th><td>"supervised binary classifier"</td><td>"one sigmoid output with binary cross-entropy (or a raw output with from_logits=True)"</td><td>"precision, recall and ROC AUC, per defect kind"</td></tr>
                            <tr><th scope="row">"targets that are real numbers"</th><td>"regression"</td><td>"linear output, MSE or MAE"</td><td>"R² or MAE as metrics: R² is maximised and is never the loss"</td></tr>
                            <tr><th scope="row">"exactly one of several classes"</th><td>"multi-class classification"</td><td>"softmax over the classes, categorical cross-entropy"</td><td>"accuracy, per-class precision and recall"</td></tr>
                        </tbody>
                    </table>
                </div>
                <p>
                    {if trained {
                        format!("On this lesson's parts the autoencoder ranks defects above good parts with an exact ROC AUC of {}, without ever seeing a defect. ", auc.map(format4).unwrap_or_default())
                    } else {
                        String::new()
                    }}
                    "Check AUC on your own scale of scores (Keras' default AUC() assumes [0, 1] "
                    "probabilities), set the threshold from good parts, and keep labelled defects for "
                    "testing. If you can label every kind of defect, a supervised classifier is worth "
                    "trying too, but test it on kinds it was not trained on before trusting it with them."
                </p>
                <p data-testid="pretrained-features">
                    "The easiest upgrade for the thread's asker, who already uses scikit-learn's "
                    <code>"OneClassSVM"</code>", keeps it and changes only what it looks at: not raw "
                    "pixels but features from a CNN pretrained on ImageNet, such as "
                    <code>"keras.applications.ResNet50(include_top=False, pooling=\"avg\")"</code>
                    " or torchvision's ResNet-18 with its last layer removed. Run the good parts "
                    "through it once (with the network's own preprocessing), standardise the feature "
                    "vectors, fit the OneClassSVM on them, and score new parts with its "
                    <code>"decision_function"</code>" (or "<code>"score_samples"</code>"). No network "
                    "is trained, and the features already describe edges, textures and blobs: what "
                    "scratches and spots change. Set its threshold from good parts and judge it on "
                    "labelled defects, exactly as in steps 3 and 5."
                </p>
            }
            .into_any()
        })
    }
}
