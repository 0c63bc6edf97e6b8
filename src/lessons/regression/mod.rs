//! Lesson 4: Linear or sigmoid output for regression? One grey pixel regressed three ways
//! (linear + MSE, sigmoid + MSE, sigmoid + binary cross-entropy with a soft target), the
//! saturation that makes sigmoid + MSE slow, a training race, and a whole grey image.

pub mod link;
pub mod panels;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};
use crate::chart::CurveKind;
use crate::math;
use crate::model::regression::{Head, RaceSettings};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "regression-output",
    title: "Linear or sigmoid output for regression?",
    nav_label: "4 · Regression output",
    blurb: "Regress one grey pixel three ways (linear + MSE, sigmoid + MSE, sigmoid + \
            cross-entropy), find where sigmoid + MSE stops learning, race the three set-ups \
            and train a whole image with each.",
    lesson: Some(&LESSON),
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

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
    steps: &[
        Step {
            id: "one-pixel",
            title: "One pixel, three set-ups",
            tasks: &[
                TaskInfo {
                    id: "sigmoid-hits",
                    text: "Set the target to 0.8 or more, then drag z until the sigmoid output is within 0.01 of it.",
                },
                TaskInfo {
                    id: "linear-hits",
                    text: "Keep that target and move z until the linear output equals it (within 0.01): a different z.",
                },
            ],
            predict: None,
            corrections: &[Correction {
                claim: "A sigmoid output is a probability, so it belongs to classification, not regression.",
                correction: "A sigmoid only squeezes any number into (0, 1). It means “probability” when it is trained on 0/1 labels with cross-entropy; trained on grey levels it is simply a prediction that cannot leave the pixel range. Image autoencoders end in a sigmoid all the time.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::one_pixel,
        },
        Step {
            id: "saturation",
            title: "When sigmoid + MSE stops learning",
            tasks: &[
                TaskInfo {
                    id: "saturate",
                    text: "Set the target to 1 and put z at −8, the sigmoid saturated on the wrong side. Compare the gradients.",
                },
                TaskInfo {
                    id: "clip-flat",
                    text: "Keep the target at 1 and push z further down until Keras' probability path goes flat (gradient exactly 0).",
                },
            ],
            predict: Some(PredictInfo {
                question: "Target 1, output z (pre-activation) = −8: the sigmoid outputs 0.0003, about as wrong as it can be. How large is the sigmoid + MSE gradient dL/dz there?",
                choices: &[
                    "About −2: twice the error",
                    "About −1",
                    "About −0.0007: almost nothing",
                    "Exactly 0",
                ],
                answer: 2,
                explanation: "2(σ − y) is about −2, but the chain rule multiplies it by the sigmoid's slope σ(1 − σ) ≈ 0.00034: the unit is saturated, so the gradient is about −6.7e−4, some 1500 times smaller than cross-entropy's σ − y ≈ −0.9997. Cross-entropy's logarithm cancels that slope exactly, which is why it keeps pulling however wrong the output is.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::saturation,
        },
        Step {
            id: "race",
            title: "The training race",
            tasks: &[
                TaskInfo {
                    id: "race-finish",
                    text: "Run the race to the end (play, or step through it).",
                },
                TaskInfo {
                    id: "race-overshoot",
                    text: "Find a learning rate at which the linear output leaves [0, 1] during the race, and run it.",
                },
            ],
            predict: Some(PredictInfo {
                question: "All three start at the prediction 0.05, the target is 0.9 and the learning rate 0.1. After 150 steps, which set-up is still clearly off target?",
                choices: &[
                    "linear + MSE",
                    "sigmoid + MSE",
                    "sigmoid + BCE",
                    "None: all three arrive",
                ],
                answer: 1,
                explanation: "sigmoid + MSE starts saturated: at ŷ = 0.05 its gradient carries the factor σ(1 − σ) = 0.0475, so it crawls until it leaves the flat part (it ends near 0.37). sigmoid + BCE has no such factor and escapes at once, then slows near the target, where its curvature is σ(1 − σ) = 0.09 (it ends near 0.84). The linear head is a parabola in z: every step removes 2η of the remaining error, so it arrives within 20 steps. All of this is plain gradient descent, whose step is η times the gradient; the text below shows what Adam changes.",
            }),
            corrections: &[Correction {
                claim: "Sigmoid is for binary classification: outputs below 0.5 count as class 0, above 0.5 as class 1.",
                correction: "Thresholding at 0.5 is a decision rule for classifiers, not part of the sigmoid. In regression nothing is thresholded: an output of 0.37 means the grey level 0.37, and the race is judged by how close that number gets to the target.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::race,
        },
        Step {
            id: "image",
            title: "A whole image",
            tasks: &[
                TaskInfo {
                    id: "image-trained",
                    text: "Train the three images for all their steps.",
                },
                TaskInfo {
                    id: "image-overshoot",
                    text: "Find a learning rate at which linear pixels leave [0, 1] (they get a dot) while training.",
                },
            ],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::image,
        },
        Step {
            id: "summary",
            title: "Summary",
            tasks: &[],
            predict: None,
            corrections: &[
                Correction {
                    claim: "Regression uses a linear output; a sigmoid is not for normalised data.",
                    correction: "Linear is the right default when the target can be any number. When the target is bounded in [0, 1], both are legitimate: a linear output can stray outside the range on new inputs (clip it when predicting), a sigmoid cannot stray but never reaches exactly 0 or 1 and saturates. Pair the sigmoid with cross-entropy on its logit to keep its gradients alive.",
                },
                Correction {
                    claim: "Sigmoid is mostly used for binary classification, so a regression output should not end in one.",
                    correction: "How often a function is used for one job says nothing about another. A sigmoid fixes the output's range to (0, 1): a binary classifier needs that, and so does a pixel in [0, 1]. What decides it is what this lesson measured: whether the target stays in [0, 1], whether never reaching exactly 0 or 1 matters, and whether the loss and optimizer keep a saturated unit learning.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::summary,
        },
    ],
};

/// Task: with a target of at least 0.8, the sigmoid output is within 0.01 of it.
pub fn sigmoid_hits_high_target(y: f64, z: f64) -> bool {
    y >= 0.8 - 1e-9 && (math::sigmoid(z) - y).abs() <= 0.01 + 1e-12
}

/// Task: with a target of at least 0.8, the linear output z is within 0.01 of it.
pub fn linear_hits_high_target(y: f64, z: f64) -> bool {
    y >= 0.8 - 1e-9 && (z - y).abs() <= 0.01 + 1e-12
}

/// Task: target 1 and z at −8 (to the bar's resolution).
pub fn saturated_at_minus_8(y: f64, z: f64) -> bool {
    y >= 1.0 - 1e-9 && (z + 8.0).abs() <= 0.05
}

/// Task: target 1, z negative and Keras' clipped probability path has gradient exactly 0.
pub fn keras_path_is_flat(y: f64, z: f64) -> bool {
    y >= 1.0 - 1e-9 && z < 0.0 && math::clipped_binary_crossentropy_grad_logit(y, z) == 0.0
}

/// Tasks: a run with `total` steps has taken all of them.
pub fn run_finished(step: usize, total: usize) -> bool {
    total > 0 && step >= total
}

/// Task: the linear head's predictions so far ranged over `[lowest, highest]`, and that
/// reaches outside [0, 1].
pub fn left_unit_interval(lowest: f64, highest: f64) -> bool {
    lowest < 0.0 || highest > 1.0
}

/// The loss and gradient curves of a set-up against z, for target y.
pub fn curves_for(head: Head, y: f64) -> [CurveKind; 2] {
    match head {
        Head::LinearMse => [
            CurveKind::LinearSquaredError { y },
            CurveKind::LinearSquaredErrorGrad { y },
        ],
        Head::SigmoidMse => [
            CurveKind::SigmoidSquaredError { y },
            CurveKind::SigmoidSquaredErrorGrad { y },
        ],
        Head::SigmoidBce => [
            CurveKind::BinaryCrossentropy { y },
            CurveKind::BinaryCrossentropyGrad { y },
        ],
    }
}

/// The race's history as one series per set-up (`[set-up][step]`), each value mapped by `f`.
pub fn series_of(history: &[[f64; 3]], f: impl Fn(f64) -> f64) -> Vec<Vec<f64>> {
    (0..3)
        .map(|i| history.iter().map(|o| f(o[i])).collect())
        .collect()
}

#[cfg(target_arch = "wasm32")]
mod view {
    use super::*;
    use crate::chart::{ImagePanels, TrainingAxes};
    use crate::format::format4;
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        logits_state, render_lesson, report_task, shared, shared_number, Formula, Predict,
    };
    use crate::model::regression::{
        pytorch_bce_probability_grad, race_output_range, ImageRace, ImageStart, Race, IMAGE_SIDE,
        IMAGE_STEPS, LEARNING_RATE_MAX, LEARNING_RATE_MIN, RACE_STEPS,
    };
    use crate::widgets::{
        now_ms, use_animation_frame, use_settled, CurvePlot, ImageStrip, LogitBars, Readout,
        TrainingPlot,
    };
    use leptos::prelude::*;

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    /// A labelled range input with its value as a readout. The wrapper carries the test id
    /// (the input inside has the implicit role "slider").
    #[component]
    fn RangeField(
        /// The value shown.
        #[prop(into)]
        value: Signal<f64>,
        /// Called with a new value.
        on_change: Callback<f64>,
        /// Smallest value.
        min: f64,
        /// Largest value.
        max: f64,
        /// Step of the arrows.
        step: f64,
        /// The label before the value.
        label: &'static str,
        /// `data-testid` of the wrapper; the readout is `readout-<testid>`.
        testid: &'static str,
    ) -> impl IntoView {
        view! {
            <div class="range-field" data-testid=testid>
                <label>
                    <span class="range-label">{label} " " <Readout name=testid value /></span>
                    <input
                        type="range"
                        min=min.to_string()
                        max=max.to_string()
                        step=step.to_string()
                        prop:value=move || value.get().to_string()
                        aria-valuetext=move || format!("{label} {}", format4(value.get()))
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                if v.is_finite() {
                                    on_change.run(v.clamp(min, max));
                                }
                            }
                        }
                    />
                </label>
            </div>
        }
    }

    /// Play / pause, one step, reset and speed for an animated training run.
    #[component]
    fn TrainingControls(
        /// Whether the run is playing.
        playing: RwSignal<bool>,
        /// Steps per second.
        speed: RwSignal<f64>,
        /// Whether every step has been taken.
        #[prop(into)]
        done: Signal<bool>,
        /// Takes one step.
        on_step: Callback<()>,
        /// Back to step 0.
        on_reset: Callback<()>,
        /// Prefix of the test ids (`<prefix>-play`, …).
        prefix: &'static str,
    ) -> impl IntoView {
        view! {
            <div class="button-row training-controls" role="group" aria-label="Training controls">
                <button
                    type="button"
                    class="primary-action"
                    data-testid=format!("{prefix}-play")
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
                    {move || if playing.get() { "Pause" } else if done.get() { "Replay" } else { "Play" }}
                </button>
                <button
                    type="button"
                    data-testid=format!("{prefix}-one-step")
                    disabled=move || done.get()
                    on:click=move |_| {
                        playing.set(false);
                        on_step.run(());
                    }
                >
                    "Step"
                </button>
                <button
                    type="button"
                    data-testid=format!("{prefix}-reset")
                    on:click=move |_| on_reset.run(())
                >
                    "Reset"
                </button>
                <label>
                    "Speed "
                    <select
                        data-testid=format!("{prefix}-speed")
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                if v.is_finite() && v > 0.0 {
                                    speed.set(v);
                                }
                            }
                        }
                    >
                        {SPEEDS
                            .iter()
                            .map(|(v, name)| view! {
                                <option value=v.to_string() selected=*v == speed.get_untracked()>
                                    {format!("{name} ({v} steps/s)")}
                                </option>
                            })
                            .collect::<Vec<_>>()}
                    </select>
                </label>
            </div>
        }
    }

    /// How many whole steps are due after `elapsed` ms at `speed` steps per second, with the
    /// fraction carried over to the next frame.
    /// The playback speed, kept in the link like the rest of a race's state.
    fn shared_speed() -> RwSignal<f64> {
        shared(
            "speed",
            SPEEDS[1].0,
            |v| SPEEDS.iter().any(|(s, _)| s == v),
            "5, 20 or 60 steps per second",
        )
    }

    fn steps_due(carry: StoredValue<f64>, speed: f64, elapsed: f64) -> usize {
        let due = carry.get_value() + speed * elapsed / 1000.0;
        let n = (due.floor().max(0.0) as usize).min(MAX_STEPS_PER_FRAME);
        carry.set_value(if n == MAX_STEPS_PER_FRAME {
            0.0
        } else {
            due - n as f64
        });
        n
    }

    fn head_names() -> Vec<String> {
        Head::ALL.iter().map(|h| h.name().to_string()).collect()
    }

    pub fn one_pixel() -> AnyView {
        let (y0, z0) = ONE_PIXEL_START;
        let y = shared_number("y", y0, 0.0, 1.0);
        let (zs, set_z) = logits_state(&[z0]);
        let z = Signal::derive(move || zs.with(|v| v.first().copied().unwrap_or(0.0)));
        report_task("sigmoid-hits", move || {
            sigmoid_hits_high_target(y.get(), z.get())
        });
        report_task("linear-hits", move || {
            linear_hits_high_target(y.get(), z.get())
        });
        let on_point = Callback::new(move |x: f64| zs.set(vec![x.clamp(-6.0, 6.0)]));
        let on_y = Callback::new(move |v: f64| y.set(v));
        let panels = Head::ALL
            .iter()
            .map(|&head| {
                let key = head.key();
                let curves = Signal::derive(move || curves_for(head, y.get()).to_vec());
                view! {
                    <figure>
                        <figcaption>{head.name()}": loss and dL/dz against z"</figcaption>
                        <CurvePlot
                            curves
                            x_range=Signal::derive(|| (-6.0, 6.0))
                            y_range=Signal::derive(|| (-1.5, 3.0))
                            x_label="raw output z"
                            y_label="loss, gradient"
                            point=z
                            on_change=on_point
                            step=0.1
                            testid=match head {
                                Head::LinearMse => "curve-linear",
                                Head::SigmoidMse => "curve-sigmoid-mse",
                                Head::SigmoidBce => "curve-sigmoid-bce",
                            }
                            value_name=format!("z for {}", head.name())
                            height=230
                        />
                        <p class="sums">
                            "ŷ = " <Readout name=format!("out-{key}") value=Signal::derive(move || head.output(z.get())) />
                            " · L = " <Readout name=format!("loss-{key}") value=Signal::derive(move || head.loss(y.get(), z.get())) />
                            " · dL/dz = " <Readout name=format!("grad-{key}") value=Signal::derive(move || head.grad(y.get(), z.get())) />
                        </p>
                    </figure>
                }
            })
            .collect::<Vec<_>>();
        let programs = Signal::derive(move || panels::one_pixel_programs(y.get(), z.get()));
        let best_bce = Signal::derive(move || Head::SigmoidBce.min_loss(y.get()));
        let swatch_panels = Signal::derive(|| ImagePanels {
            side: 1,
            titles: vec![
                "target y".to_string(),
                "linear: ŷ = z".to_string(),
                "sigmoid: ŷ = σ(z)".to_string(),
            ],
        });
        let swatches = Signal::derive(move || {
            vec![vec![y.get()], vec![z.get()], vec![math::sigmoid(z.get())]]
        });
        let swatch_label = Signal::derive(move || {
            format!(
                "The pixel: target grey {}, linear prediction {}, sigmoid prediction {}",
                format4(y.get()),
                format4(z.get()),
                format4(math::sigmoid(z.get()))
            )
        });
        view! {
            <p>
                "Take a single pixel of the asker's image. Its target is a grey level y between 0 "
                "(black) and 1 (white). The last layer produces one raw number z for it, and there "
                "are three common ways to turn z into a prediction ŷ and score it:"
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers setups">
                    <thead><tr><th scope="col">"set-up"</th><th scope="col">"prediction ŷ"</th><th scope="col">"loss L"</th><th scope="col">"gradient dL/dz"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"linear + MSE"</th><td><Formula latex=r"z" /></td><td><Formula latex=r"(z - y)^2" /></td><td><Formula latex=r"2(z - y)" /></td></tr>
                        <tr><th scope="row">"sigmoid + MSE"</th><td><Formula latex=r"\sigma(z)" /></td><td><Formula latex=r"(\sigma(z) - y)^2" /></td><td><Formula latex=r"2(\sigma - y)\,\sigma(1 - \sigma)" /></td></tr>
                        <tr><th scope="row">"sigmoid + BCE"</th><td><Formula latex=r"\sigma(z)" /></td><td><Formula latex=r"-y\ln\sigma(z) - (1 - y)\ln(1 - \sigma(z))" /></td><td><Formula latex=r"\sigma - y" /></td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Drag z (the bar, or the point on any curve) and move the target. Each curve plot "
                "shows one set-up's loss (first colour) and its gradient (second colour) against z. "
                "Gradient descent moves z against the gradient, so where a gradient curve hugs 0 "
                "the set-up barely learns. The squares show the pixel as each output paints it (an "
                "orange dot means the linear prediction is outside [0, 1] and is drawn clipped)."
            </p>
            <div class="pixel-layout">
                <div class="pixel-controls">
                    <LogitBars values=zs on_change=set_z range=Signal::derive(|| 6.0) labels=Signal::derive(|| vec!["z".to_string()]) height=240 />
                </div>
                <div class="pixel-side">
                    <RangeField value=y on_change=on_y min=0.0 max=1.0 step=0.01 label="Target y =" testid="target" />
                    <ImageStrip panels=swatch_panels images=swatches label=swatch_label testid="pixel-swatches" height=150 />
                </div>
            </div>
            <div class="three-charts">{panels}</div>
            <p>
                "Notice where each loss is smallest. The linear head wants z = y; the sigmoid heads "
                "want z = logit(y), which is a different number (and runs off to ±∞ as y reaches "
                "0 or 1). With a soft target, binary cross-entropy bottoms out at the entropy of y, "
                "not at 0: for this target its lowest possible value is "
                <Readout name="bce-floor" value=best_bce />
                ". That is why the race later compares the set-ups by the squared error of their "
                "predictions, not by their losses."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn saturation() -> AnyView {
        let (y0, z0) = SATURATION_START;
        let y = shared_number("y", y0, 0.0, 1.0);
        let (zs, set_z) = logits_state(&[z0]);
        let z = Signal::derive(move || zs.with(|v| v.first().copied().unwrap_or(0.0)));
        report_task("saturate", move || saturated_at_minus_8(y.get(), z.get()));
        report_task("clip-flat", move || keras_path_is_flat(y.get(), z.get()));
        let on_point = Callback::new(move |x: f64| zs.set(vec![x.clamp(-20.0, 20.0)]));
        let on_y = Callback::new(move |v: f64| y.set(v));
        let out = Signal::derive(move || math::sigmoid(z.get()));
        let g_mse = Signal::derive(move || Head::SigmoidMse.grad(y.get(), z.get()));
        let g_bce = Signal::derive(move || Head::SigmoidBce.grad(y.get(), z.get()));
        let g_clip =
            Signal::derive(move || math::clipped_binary_crossentropy_grad_logit(y.get(), z.get()));
        let g_torch = Signal::derive(move || pytorch_bce_probability_grad(y.get(), z.get()));
        // (σ − y) / (2(σ − y)σ(1 − σ)) = 1 / (2σ(1 − σ)): finite wherever σ' is, even
        // where both gradients are 0 (the target is met).
        let ratio = Signal::derive(move || 1.0 / (2.0 * math::sigmoid_grad(z.get())));
        let grad_curves = Signal::derive(move || {
            let y = y.get();
            vec![
                CurveKind::SigmoidSquaredErrorGrad { y },
                CurveKind::BinaryCrossentropyGrad { y },
                CurveKind::ClippedBinaryCrossentropyGrad { y },
            ]
        });
        let loss_curves = Signal::derive(move || {
            let y = y.get();
            vec![
                CurveKind::SigmoidSquaredError { y },
                CurveKind::BinaryCrossentropy { y },
                CurveKind::ClippedBinaryCrossentropy { y },
            ]
        });
        let programs = Signal::derive(move || panels::saturation_programs(y.get(), z.get()));
        view! {
            <p>
                "Both sigmoid set-ups compute the same prediction σ(z); only the loss differs. By "
                "the chain rule, the squared error's gradient picks up the sigmoid's slope:"
            </p>
            <Formula block=true latex=r"\frac{\partial}{\partial z}(\sigma(z) - y)^2 = 2(\sigma - y)\,\sigma(1 - \sigma) \qquad\qquad \frac{\partial}{\partial z}\mathrm{BCE}(y, \sigma(z)) = \sigma - y" />
            <p>
                "When the unit is saturated (σ near 0 or 1) the slope σ(1 − σ) is tiny, and sigmoid "
                "+ MSE gets almost no gradient, even when it is completely wrong. Cross-entropy's "
                "logarithm cancels that slope, so its gradient is just the error σ − y. The range "
                "here is ±20."
            </p>
            <div class="pixel-layout">
                <div class="pixel-controls">
                    <RangeField value=y on_change=on_y min=0.0 max=1.0 step=0.01 label="Target y =" testid="target" />
                    <LogitBars values=zs on_change=set_z range=Signal::derive(|| 20.0) labels=Signal::derive(|| vec!["z".to_string()]) height=240 />
                    <p class="sums">"σ(z) = " <Readout name="sat-out" value=out /></p>
                </div>
                <div class="two-charts">
                    <figure>
                        <figcaption>"Gradient dL/dz against z"</figcaption>
                        <CurvePlot
                            curves=grad_curves
                            x_range=Signal::derive(|| (-20.0, 20.0))
                            y_range=Signal::derive(|| (-1.1, 1.1))
                            x_label="output z (pre-activation)"
                            y_label="dL/dz"
                            point=z
                            on_change=on_point
                            step=0.1
                            testid="saturation-grad"
                            value_name="Output z (pre-activation)"
                            height=250
                        />
                    </figure>
                    <figure>
                        <figcaption>"Loss against z"</figcaption>
                        <CurvePlot
                            curves=loss_curves
                            x_range=Signal::derive(|| (-20.0, 20.0))
                            y_range=Signal::derive(|| (-0.5, 20.0))
                            x_label="output z (pre-activation)"
                            y_label="loss"
                            point=z
                            on_change=on_point
                            step=0.1
                            testid="saturation-loss"
                            value_name="Output z (pre-activation)"
                            height=250
                        />
                    </figure>
                </div>
            </div>
            <Predict>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="gradient-table">
                        <thead><tr><th scope="col">"dL/dz"</th><th scope="col">"value"</th><th scope="col">"why"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"sigmoid + MSE"</th><td><Readout name="sat-grad-mse" value=g_mse /></td><td class="muted">"2(σ − y) times the slope σ(1 − σ): vanishes when saturated."</td></tr>
                            <tr><th scope="row">"sigmoid + BCE ("<code>"from_logits=True"</code>")"</th><td><Readout name="sat-grad-bce" value=g_bce /></td><td class="muted">"σ − y: as large as the mistake."</td></tr>
                            <tr><th scope="row">"Keras probability path ("<code>"from_logits=False"</code>")"</th><td><Readout name="sat-grad-keras-clipped" value=g_clip /></td><td class="muted">"σ − y until the clip at 1e−7 bites (|z| ≥ 16.118), then exactly 0."</td></tr>
                            <tr><th scope="row">"PyTorch "<code>"BCELoss"</code>" on σ(z)"</th><td><Readout name="sat-grad-torch-bceloss" value=g_torch /></td><td class="muted">"σ − y until p(1 − p) < 1e−12 (|z| ≳ 27.6), then fading."</td></tr>
                        </tbody>
                    </table>
                </div>
                <p class="sums">"At this z, cross-entropy's gradient is 1 / (2σ(1 − σ)) = " <Readout name="sat-ratio" value=ratio /> " times sigmoid + MSE's."</p>
            </Predict>
            <p>
                "With plain gradient descent, whose step is the learning rate times the gradient, "
                "sigmoid + MSE therefore learns slowly from a bad start and fastest in the middle, "
                "where σ(1 − σ) peaks at 0.25. (Adam is different: the race in the next step shows "
                "how.) The fix that works with any optimizer is not to drop the sigmoid but to pair "
                "it with cross-entropy computed from z: in Keras "
                <code>"BinaryCrossentropy(from_logits=True)"</code>", in PyTorch "
                <code>"BCEWithLogitsLoss"</code>". With "<code>"from_logits=False"</code>" Keras "
                "clips the probability to [1e−7, 1 − 1e−7] (on the JAX and PyTorch backends), and "
                "below z ≈ −16.1 the gradient is flat again."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    fn output_axes_for(s: RaceSettings) -> TrainingAxes {
        TrainingAxes {
            steps: RACE_STEPS,
            y_range: race_output_range(s),
            log_y: false,
            y_label: "prediction ŷ".into(),
            series: vec![], // the key above the charts is the legend
            band: Some((0.0, 1.0)),
            reference: Some(s.target),
        }
    }

    fn error_axes_for() -> TrainingAxes {
        TrainingAxes {
            steps: RACE_STEPS,
            y_range: (-8.0, 0.3),
            log_y: true,
            y_label: "(ŷ − y)², log scale".into(),
            series: vec![],
            band: None,
            reference: None,
        }
    }

    pub fn race() -> AnyView {
        // A link carries the settings, the steps taken and the speed: the race is replayed
        // to the same step (it is deterministic), so the numbers are the sender's.
        let settings = shared(
            "race",
            RACE_START,
            |_| true,
            "target_start_rate, each usable",
        );
        let taken = shared("n", 0usize, |n| *n <= RACE_STEPS, "a step from 0 to 150");
        let race = RwSignal::new({
            let mut r = Race::new(settings.get_untracked(), RACE_STEPS);
            r.advance(taken.get_untracked());
            r
        });
        let playing = RwSignal::new(false);
        let speed = shared_speed();
        let carry = StoredValue::new(0.0);
        let step = Memo::new(move |_| race.with(|r| r.step()));
        Effect::new(move |_| taken.set(step.get()));
        let done = Memo::new(move |_| race.with(|r| r.is_done()));
        let extremes = Memo::new(move |_| race.with(|r| r.linear_extremes()));
        report_task("race-finish", move || run_finished(step.get(), RACE_STEPS));
        report_task("race-overshoot", move || {
            let (lo, hi) = extremes.get();
            left_unit_interval(lo, hi)
        });
        let reset = Callback::new(move |_: ()| {
            playing.set(false);
            carry.set_value(0.0);
            race.set(Race::new(settings.get_untracked(), RACE_STEPS));
        });
        let change = move |f: fn(&mut RaceSettings, f64)| {
            Callback::new(move |v: f64| {
                settings.update(|s| f(s, v));
                reset.run(());
            })
        };
        let on_target = change(|s, v| s.target = v);
        let on_start = change(|s, v| s.start = v);
        let on_lr = change(|s, v| s.learning_rate = v);
        let on_step = Callback::new(move |_: ()| {
            race.update(|r| {
                r.advance(1);
            })
        });
        use_animation_frame(playing, move |elapsed| {
            let n = steps_due(carry, speed.get_untracked(), elapsed);
            if n > 0 {
                race.update(|r| {
                    r.advance(n);
                });
            }
            if race.with_untracked(|r| r.is_done()) {
                playing.set(false);
            }
        });

        let target = Signal::derive(move || settings.with(|s| s.target));
        let output_axes = Signal::derive(move || output_axes_for(settings.get()));
        let error_axes = Signal::derive(error_axes_for);
        let outputs = Signal::derive(move || race.with(|r| series_of(r.history(), |v| v)));
        let errors = Signal::derive(move || {
            race.with(|r| {
                let t = r.settings().target;
                series_of(r.history(), |v| (v - t) * (v - t))
            })
        });
        let current =
            move |head: Head| Signal::derive(move || race.with(|r| r.outputs()[head.index()]));
        let error = move |head: Head| Signal::derive(move || race.with(|r| r.squared_error(head)));
        let rows = move || {
            Head::ALL
                .iter()
                .map(|&head| {
                    let key = head.key();
                    view! {
                        <tr>
                            <th scope="row">{head.name()}</th>
                            <td><Readout name=format!("race-out-{key}") value=current(head) /></td>
                            <td><Readout name=format!("race-err-{key}") value=error(head) /></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        };
        // The panels follow the run whenever it is paused; while it plays they keep the
        // last paused state (rewriting the code on every frame would only cost time). The
        // refresh runs in its own task, so the frame that ends a run stays short.
        let settled = use_settled(playing, move || race.with(|r| r.step()));
        let programs = Memo::new(move |_| panels::race_programs(settings.get(), settled.get()));
        let adam = Memo::new(move |_| panels::adam_race(settings.get(), RACE_STEPS));
        let out_label = Signal::derive(move || {
            format!(
                "Predictions of the three set-ups against the step, {} of {} steps",
                step.get(),
                RACE_STEPS
            )
        });
        let err_label = Signal::derive(move || {
            format!(
                "Squared error of each prediction against the step, log scale, {} steps",
                step.get()
            )
        });
        view! {
            <p>
                "Now train. Each set-up starts from the same prediction ŷ₀ and takes plain "
                "gradient-descent steps z ← z − η·dL/dz on its own loss. To compare them fairly, "
                "the right-hand chart plots the squared error of the "<em>"prediction"</em>", "
                "(ŷ − y)², for all three, whatever loss each one is trained with."
            </p>
            <Predict>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="race-table">
                        <thead><tr><th scope="col">"set-up"</th><th scope="col">"prediction ŷ"</th><th scope="col">"(ŷ − y)²"</th></tr></thead>
                        <tbody>{rows()}</tbody>
                    </table>
                </div>
            </Predict>
            <div class="controls">
                <RangeField value=target on_change=on_target min=0.0 max=1.0 step=0.01 label="Target y =" testid="race-target" />
                <RangeField value=Signal::derive(move || settings.with(|s| s.start)) on_change=on_start min=0.01 max=0.99 step=0.01 label="Start ŷ₀ =" testid="race-start" />
                <RangeField value=Signal::derive(move || settings.with(|s| s.learning_rate)) on_change=on_lr min=LEARNING_RATE_MIN max=LEARNING_RATE_MAX step=0.01 label="Learning rate η =" testid="race-lr" />
            </div>
            <TrainingControls playing speed done on_step on_reset=reset prefix="race" />
            <p class="sums" role="status">
                "Step " <Readout name="race-step" value=Signal::derive(move || step.get() as f64) />
                " of " {RACE_STEPS}
            </p>
            <p class="series-key" aria-hidden="true">
                <span><span class="swatch swatch-0">"●"</span>" linear + MSE"</span>
                <span><span class="swatch swatch-1">"▲"</span>" sigmoid + MSE"</span>
                <span><span class="swatch swatch-2">"■"</span>" sigmoid + BCE"</span>
            </p>
            <div class="two-charts">
                <figure>
                    <figcaption>"Prediction ŷ (shaded: the pixel range [0, 1]; dashed: the target)"</figcaption>
                    <TrainingPlot axes=output_axes series=outputs label=out_label testid="race-outputs" />
                </figure>
                <figure>
                    <figcaption>"Squared error of the prediction, (ŷ − y)²"</figcaption>
                    <TrainingPlot axes=error_axes series=errors label=err_label testid="race-errors" />
                </figure>
            </div>
            <p class="sums">
                "Linear head so far: lowest " <Readout name="race-linear-min" value=Signal::derive(move || extremes.get().0) />
                ", highest " <Readout name="race-linear-max" value=Signal::derive(move || extremes.get().1) />
                ", predictions outside [0, 1]: " <Readout name="race-linear-outside" value=Signal::derive(move || race.with(|r| r.linear_steps_outside()) as f64) />
            </p>
            <p>
                "Raise the learning rate above 0.5. The linear head's error is multiplied by "
                "1 − 2η each step; past 0.5 that factor is negative, so the prediction jumps over "
                "the target and back, and if the jump is large it lands outside [0, 1] (from 0.05 "
                "towards 0.9 at η = 0.8, the first step lands at 1.41). At η = 1 it bounces for "
                "ever; above 1 it would diverge. The sigmoid heads can never leave (0, 1). Set the "
                "target to 1 or 0 and watch them approach it without ever arriving: σ(z) reaches "
                "exactly 0 or 1 only as z runs to ∓∞."
            </p>
            <p>
                "All of this is plain gradient descent, as in "<code>"SGD"</code>". Most networks "
                "are trained with Adam, which divides each step by a running estimate of the "
                "gradient's size, so a tiny but steady gradient still moves z by about η per step: "
                "the flat stretch that traps sigmoid + MSE here barely slows Adam down. Computed "
                "for these settings with Adam (Keras' defaults, the same start, η and "
                {RACE_STEPS} " steps), the predictions end at "
                <Readout name="race-adam-linear" value=Signal::derive(move || adam.get()[0]) />
                " (linear + MSE), "
                <Readout name="race-adam-sigmoid-mse" value=Signal::derive(move || adam.get()[1]) />
                " (sigmoid + MSE) and "
                <Readout name="race-adam-sigmoid-bce" value=Signal::derive(move || adam.get()[2]) />
                " (sigmoid + BCE), for the target " <Readout name="race-adam-target" value=target />
                ". Adam rescales per weight, though, not per output: in a real network a weight "
                "serves many pixels at once, and a saturated pixel's small gradient is still "
                "outweighed by the others'. Cross-entropy on z keeps every pixel's own gradient "
                "large, whatever the optimizer."
            </p>
            <p>
                "A single free output overshoots only through a too-large step. In a real network, "
                "outputs outside [0, 1] come from somewhere else: the weights are shared across "
                "pixels and images, so an input unlike the training images can produce 1.2 or −0.1. "
                "With a linear head, clip the prediction when you use it ("<code>"np.clip(pred, 0, 1)"</code>
                "); a sigmoid head does that by construction."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn image() -> AnyView {
        let start = shared(
            "start",
            ImageStart::Negative,
            |_| true,
            "negative or midgrey",
        );
        let lr = shared_number(
            "lr",
            IMAGE_LEARNING_RATE,
            LEARNING_RATE_MIN,
            LEARNING_RATE_MAX,
        );
        let taken = shared("n", 0usize, |n| *n <= IMAGE_STEPS, "a step from 0 to 120");
        let race = RwSignal::new({
            let mut r = ImageRace::new(start.get_untracked(), lr.get_untracked(), IMAGE_STEPS);
            r.advance(taken.get_untracked());
            r
        });
        let playing = RwSignal::new(false);
        let speed = shared_speed();
        let carry = StoredValue::new(0.0);
        let step = Memo::new(move |_| race.with(|r| r.step()));
        Effect::new(move |_| taken.set(step.get()));
        let done = Memo::new(move |_| race.with(|r| r.is_done()));
        let outside_most = Memo::new(move |_| race.with(|r| r.linear_outside_most()));
        report_task("image-trained", move || {
            run_finished(step.get(), IMAGE_STEPS)
        });
        report_task("image-overshoot", move || outside_most.get() > 0);
        let reset = Callback::new(move |_: ()| {
            playing.set(false);
            carry.set_value(0.0);
            race.set(ImageRace::new(
                start.get_untracked(),
                lr.get_untracked(),
                IMAGE_STEPS,
            ));
        });
        let on_lr = Callback::new(move |v: f64| {
            lr.set(v);
            reset.run(());
        });
        let set_start = move |s: ImageStart| {
            start.set(s);
            reset.run(());
        };
        let on_step = Callback::new(move |_: ()| {
            race.update(|r| {
                r.advance(1);
            })
        });
        use_animation_frame(playing, move |elapsed| {
            let n = steps_due(carry, speed.get_untracked(), elapsed);
            if n > 0 {
                // A time budget as well as a step budget: the frame must stay short.
                let began = now_ms();
                race.update(|r| {
                    for _ in 0..n {
                        if r.advance(1) == 0 || now_ms() - began > 4.0 {
                            break;
                        }
                    }
                });
            }
            if race.with_untracked(|r| r.is_done()) {
                playing.set(false);
            }
        });
        let panels = Signal::derive(|| ImagePanels {
            side: IMAGE_SIDE,
            titles: std::iter::once("target".to_string())
                .chain(head_names())
                .collect(),
        });
        // The target never changes: it is drawn once, on the background layer.
        let target_image = Signal::derive(|| vec![crate::model::regression::target_image()]);
        let images = Memo::new(move |_| {
            race.with(|r| {
                Head::ALL
                    .iter()
                    .map(|h| r.outputs(*h).to_vec())
                    .collect::<Vec<_>>()
            })
        });
        let label = Signal::derive(move || {
            format!(
                "The target image and each set-up's prediction after {} of {} steps",
                step.get(),
                IMAGE_STEPS
            )
        });
        let rows = Head::ALL
            .iter()
            .map(|&head| {
                let key = head.key();
                view! {
                    <tr>
                        <th scope="row">{head.name()}</th>
                        <td><Readout name=format!("image-mse-{key}") value=Signal::derive(move || race.with(|r| r.mse(head))) /></td>
                        <td><Readout name=format!("image-white-{key}") value=Signal::derive(move || race.with(|r| r.mean_where_target(head, 1.0))) /></td>
                        <td><Readout name=format!("image-black-{key}") value=Signal::derive(move || race.with(|r| r.mean_where_target(head, 0.0))) /></td>
                        <td><Readout name=format!("image-outside-{key}") value=Signal::derive(move || race.with(|r| r.outside(head)) as f64) /></td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        // As in the race, the panels show the run as it stands when paused.
        let settled = use_settled(playing, move || race.with(|r| r.step()));
        let programs =
            Memo::new(move |_| panels::image_programs(start.get(), lr.get(), settled.get()));
        view! {
            <p>
                "The asker's real problem is an image. Here is a 16 × 16 grey target with a pure "
                "white disc, a pure black rectangle and a ramp of greys. Every pixel gets its own "
                "free output, trained with each set-up exactly as in the race, and the three "
                "predictions are drawn as images after each step (values outside [0, 1] are drawn "
                "clipped, with an orange dot)."
            </p>
            <div class="controls">
                <fieldset>
                    <legend>"Start from"</legend>
                    <label class="chip"><input type="radio" name="image-start" data-testid="image-start-negative" prop:checked=move || start.get() == ImageStart::Negative on:change=move |_| set_start(ImageStart::Negative) />"the negative (as wrong as possible)"</label>
                    <label class="chip"><input type="radio" name="image-start" data-testid="image-start-mid-grey" prop:checked=move || start.get() == ImageStart::MidGrey on:change=move |_| set_start(ImageStart::MidGrey) />"mid-grey 0.5"</label>
                </fieldset>
                <RangeField value=lr on_change=on_lr min=LEARNING_RATE_MIN max=LEARNING_RATE_MAX step=0.01 label="Learning rate η =" testid="image-lr" />
            </div>
            <TrainingControls playing speed done on_step on_reset=reset prefix="image" />
            <p class="sums" role="status">
                "After " <Readout name="image-step" value=Signal::derive(move || step.get() as f64) />
                " of " {IMAGE_STEPS} " steps"
            </p>
            <ImageStrip panels fixed=target_image images label testid="image-strip" height=250 />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers" data-testid="image-table">
                    <thead><tr>
                        <th scope="col">"set-up"</th>
                        <th scope="col">"mean (ŷ − y)²"</th>
                        <th scope="col">"mean ŷ on white pixels"</th>
                        <th scope="col">"mean ŷ on black pixels"</th>
                        <th scope="col">"pixels outside [0, 1]"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="sums">"Most linear pixels outside [0, 1] at any step so far: " <Readout name="image-outside-most" value=Signal::derive(move || outside_most.get() as f64) /></p>
            <p>
                "From the negative, sigmoid + MSE leaves the disc dark and the rectangle light: "
                "those pixels start saturated on the wrong side and barely move. Sigmoid + BCE "
                "repairs them, but its white stays a little grey and its black a little lighter, "
                "because σ never reaches 1 or 0. Start from mid-grey (where a sigmoid network with "
                "small initial weights would start) and sigmoid + MSE does much better. The linear "
                "head, free per pixel, fits exactly; above η = 0.5 its pixels first jump outside "
                "[0, 1]."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn summary() -> AnyView {
        view! {
            <p>"For a target in [0, 1], such as a normalised pixel, all three set-ups are legitimate. Choose by what you can live with:"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="summary" data-testid="summary-table">
                    <thead><tr><th scope="col">"your target"</th><th scope="col">"output layer"</th><th scope="col">"loss"</th><th scope="col">"what to watch"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"any real number (prices, temperatures, standardised values)"</th><td>"linear (no activation)"</td><td>"MSE (or MAE / Huber against outliers)"</td><td>"nothing bounds the output, which is the point"</td></tr>
                        <tr><th scope="row">"bounded in [0, 1] (pixels, proportions)"</th><td>"linear"</td><td>"MSE"</td><td>"can predict outside [0, 1] on new inputs: clip when predicting"</td></tr>
                        <tr><th scope="row">"bounded in [0, 1]"</th><td>"sigmoid"</td><td>"binary cross-entropy with the soft target, from the logit ("<code>"from_logits=True"</code>" / "<code>"BCEWithLogitsLoss"</code>")"</td><td>"never exactly 0 or 1; the loss floor is the entropy of y, not 0, so compare models by squared error"</td></tr>
                        <tr><th scope="row">"bounded in [0, 1]"</th><td>"sigmoid"</td><td>"MSE"</td><td>"saturates: a unit stuck on the wrong side gets gradient × σ(1 − σ), so plain gradient descent barely moves it (Adam rescales the step, but only per weight)"</td></tr>
                        <tr><th scope="row">"bounded in [a, b]"</th><td>"a + (b − a)·σ(z), or linear and clip"</td><td>"as above, after rescaling y to [0, 1]"</td><td>"the same trade-offs"</td></tr>
                        <tr><th scope="row">"a yes/no label"</th><td>"sigmoid"</td><td>"binary cross-entropy"</td><td>"only here does 0.5 become a decision threshold"</td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Rule of thumb: bounded targets may use a sigmoid, but train it on z with "
                "cross-entropy; a linear output with MSE is just as valid if you clip its "
                "predictions. Sigmoid + MSE is not forbidden: its trouble is the tiny gradient of "
                "a saturated unit, which stalls plain gradient descent; Adam's rescaled steps get "
                "a single free output out of it (the race's Adam numbers), but it rescales per "
                "weight, not per pixel, so a saturated pixel whose weights serve many others still "
                "gets little. What decides it is the shape of your target, never "
                "the word “probability”."
            </p>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::regression::{ImageRace, ImageStart, Race, IMAGE_STEPS, RACE_STEPS};

    #[test]
    fn one_pixel_tasks() {
        let (y, z) = ONE_PIXEL_START;
        assert!(!sigmoid_hits_high_target(y, z));
        assert!(!linear_hits_high_target(y, z));
        // y = 0.8: σ(1.4) = 0.802, z = 0.8 for the linear head.
        assert!(sigmoid_hits_high_target(0.8, 1.4));
        assert!(!sigmoid_hits_high_target(0.8, 0.8));
        assert!(linear_hits_high_target(0.8, 0.8));
        assert!(!linear_hits_high_target(0.8, 1.4));
        // A low target does not count, even when matched.
        assert!(!sigmoid_hits_high_target(0.5, 0.0));
        assert!(!linear_hits_high_target(0.5, 0.5));
        assert!(!sigmoid_hits_high_target(f64::NAN, 0.0));
    }

    #[test]
    fn saturation_tasks() {
        let (y, z) = SATURATION_START;
        assert!(!saturated_at_minus_8(y, z));
        assert!(!keras_path_is_flat(y, z));
        assert!(saturated_at_minus_8(1.0, -8.0));
        assert!(saturated_at_minus_8(1.0, -7.96));
        assert!(!saturated_at_minus_8(0.99, -8.0));
        assert!(!keras_path_is_flat(1.0, -8.0));
        assert!(!keras_path_is_flat(1.0, -16.0));
        assert!(keras_path_is_flat(1.0, -16.2));
        assert!(
            !keras_path_is_flat(1.0, 17.0),
            "flat on the right side is no mistake"
        );
        assert!(!keras_path_is_flat(f64::NAN, -17.0));
    }

    #[test]
    fn race_tasks_do_not_hold_at_the_start() {
        let race = Race::new(RACE_START, RACE_STEPS);
        assert!(!run_finished(race.step(), RACE_STEPS));
        let (lo, hi) = race.linear_extremes();
        assert!(!left_unit_interval(lo, hi));
        assert!(run_finished(150, 150));
        assert!(!run_finished(0, 0));
        assert!(left_unit_interval(-0.1, 0.5) && left_unit_interval(0.2, 1.41));
        let image = ImageRace::new(ImageStart::Negative, IMAGE_LEARNING_RATE, IMAGE_STEPS);
        assert!(!run_finished(image.step(), IMAGE_STEPS));
        assert_eq!(image.linear_outside_most(), 0);
    }

    #[test]
    fn the_race_predict_answer_is_right() {
        // The predict question's claim: with the starting settings, sigmoid + MSE is the
        // one still clearly off target after 150 steps.
        let mut race = Race::new(RACE_START, RACE_STEPS);
        race.advance(RACE_STEPS);
        let errs = Head::ALL.map(|h| race.squared_error(h));
        assert!(errs[1] > 0.2, "{errs:?}");
        assert!(errs[0] < 1e-20 && errs[2] < 0.005, "{errs:?}");
        let out = race.outputs();
        assert!((out[1] - 0.37).abs() < 0.01 && (out[2] - 0.84).abs() < 0.01);
    }

    #[test]
    fn curves_match_the_model() {
        for head in Head::ALL {
            for (y, z) in [(0.3, -2.0), (1.0, -8.0), (0.8, 1.4)] {
                let [loss, grad] = curves_for(head, y);
                assert!((loss.eval(z) - head.loss(y, z)).abs() < 1e-12, "{head:?}");
                assert!((grad.eval(z) - head.grad(y, z)).abs() < 1e-12, "{head:?}");
            }
        }
    }

    #[test]
    fn series_are_transposed() {
        let h = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
        assert_eq!(
            series_of(&h, |v| v * 10.0),
            vec![vec![10.0, 40.0], vec![20.0, 50.0], vec![30.0, 60.0]]
        );
        assert_eq!(series_of(&[], |v| v), vec![Vec::<f64>::new(); 3]);
    }
}
