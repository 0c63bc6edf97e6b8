//! Lesson 1: What are logits? The two meanings of the word, and why losses want raw scores.

pub mod panels;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};
use crate::math;
use crate::playground::argmax;

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "logits",
    title: "What are logits?",
    nav_label: "1 · Logits",
    blurb: "Raw scores or log-odds? Drag logits through softmax, shift them all at once, find \
            where float32 breaks, and see why losses ask for from_logits=True.",
    lesson: Some(&LESSON),
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "logits",
    question: "TensorFlow and Keras keep talking about “logits”: softmax_cross_entropy_with_logits, \
               from_logits=True. What exactly is a logit, and why do these functions want one \
               instead of a probability?",
    thread: "What is the meaning of the word logits in TensorFlow?",
    steps: &[
        Step {
            id: "raw-scores",
            title: "Logits are raw scores",
            tasks: &[
                TaskInfo { id: "class-3-top", text: "Make class 3 the most likely class." },
                TaskInfo { id: "class-3-sure", text: "Make the model more than 90 % sure of class 3." },
            ],
            predict: None,
            corrections: &[
                Correction {
                    claim: "Logits are the “fullest” output of the model, which is later squashed down to one value per class.",
                    correction: "Logits already have exactly one entry per class. Softmax keeps the length: it only rescales the same vector so it becomes a probability distribution.",
                },
                Correction {
                    claim: "The quoted tutorial builds the logits layer with tf.layers.dense.",
                    correction: "That is TensorFlow 1. Today the same layer is keras.layers.Dense(num_classes), with no activation, so it outputs logits.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::raw_scores,
        },
        Step {
            id: "shift",
            title: "Adding a constant changes nothing",
            tasks: &[TaskInfo {
                id: "shift-100",
                text: "Add +100 to every logit (in total) and check that no probability moved.",
            }],
            predict: Some(PredictInfo {
                question: "You add 100 to every logit. What happens to the softmax probabilities?",
                choices: &[
                    "They all move towards 1",
                    "Nothing: they stay the same",
                    "The largest grows and the others shrink",
                    "They overflow and become NaN",
                ],
                answer: 1,
                explanation: "Each exponential gets the same factor e¹⁰⁰, which cancels between the numerator and the sum below it. Only differences between logits matter. That is exactly why softmax implementations subtract the largest logit first: the answer is unchanged and nothing overflows.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::shift,
        },
        Step {
            id: "log-odds",
            title: "The other meaning: log-odds",
            tasks: &[TaskInfo { id: "p-0.9", text: "Find the logit where p = 0.9." }],
            predict: None,
            corrections: &[Correction {
                claim: "The logits layer feeds into the logit function.",
                correction: "It feeds a sigmoid or a softmax. The sigmoid is the logit function's inverse; softmax generalises the sigmoid to many classes and has no such inverse (step 6 shows logit does not undo it). The logit function goes the other way: from a probability back to a score.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::log_odds,
        },
        Step {
            id: "with-logits",
            title: "Why losses want logits",
            tasks: &[
                TaskInfo { id: "break-naive", text: "Make the naive float32 loss (a) overflow to ∞ or NaN." },
                TaskInfo { id: "clip-lies", text: "Find where the clipped probability path (c) stops telling the truth." },
            ],
            predict: None,
            corrections: &[Correction {
                claim: "“With logits” means the function applies a softmax to normalise the logits for you.",
                correction: "Half right. The softmax does happen inside, but fused with the logarithm as a log-softmax (log-sum-exp), which is what makes it exact for any logits. And the function returns a loss, not normalised probabilities.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::with_logits,
        },
        Step {
            id: "double-softmax",
            title: "The double-softmax bug",
            tasks: &[TaskInfo { id: "low-loss", text: "Bring the correct loss below 0.01, then look at the buggy one." }],
            predict: None,
            corrections: &[Correction {
                claim: "PyTorch names its losses without any “with logits” suffix.",
                correction: "PyTorch has BCEWithLogitsLoss and binary_cross_entropy_with_logits; its CrossEntropyLoss simply always takes logits. TensorFlow, for its part, has tf.nn.sparse_softmax_cross_entropy_with_logits too.",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::double_softmax,
        },
        Step {
            id: "round-trip",
            title: "logit undoes sigmoid, not softmax",
            tasks: &[TaskInfo {
                id: "two-class",
                text: "Find the set-up where logit(p₀) gives back z₀ exactly.",
            }],
            predict: Some(PredictInfo {
                question: "For z = [2, 1, 0.5], what is logit(softmax(z))?",
                choices: &["[2, 1, 0.5]: logit undoes softmax", "[0.53, −1.20, −1.81]", "[0.63, 0.23, 0.14]"],
                answer: 1,
                explanation: "The logit function inverts one sigmoid, which compares one class with “not this class”. Softmax divides by the sum over all classes, so logit(pᵢ) = zᵢ − ln Σⱼ≠ᵢ e^zⱼ: the other logits leak in. Only with two classes and the other logit at 0 is softmax a sigmoid of z₀, and then logit gives back z₀.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::round_trip,
        },
        Step {
            id: "summary",
            title: "Summary",
            tasks: &[],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::summary,
        },
    ],
};

/// Task: class 3 has the largest probability (strictly: a tie is not a win).
pub fn class_3_is_top(z: &[f64]) -> bool {
    z.len() > 3 && argmax(z) == 3 && z.iter().enumerate().all(|(i, v)| i == 3 || *v < z[3])
}

/// Task: softmax gives class 3 more than 0.9.
pub fn class_3_is_sure(z: &[f64]) -> bool {
    math::softmax(z).get(3).is_some_and(|p| *p > 0.9)
}

/// Task: the logits were shifted by at least +100 in total since the last drag.
pub fn shifted_enough(total_shift: f64) -> bool {
    total_shift >= 100.0 - 1e-9
}

/// Task: the point sits at p = 0.9 (to the slider's resolution).
pub fn found_p_09(p: f64) -> bool {
    (p - 0.9).abs() < 0.005 + 1e-12
}

/// Task: the naive float32 cross-entropy is no longer finite.
pub fn naive_is_broken(z: &[f64], class: usize) -> bool {
    !math::naive_cross_entropy_f32(z, class).is_finite()
}

/// Task: the true loss is clearly above the clipped path's ceiling (−ln 1e-7 ≈ 16.118).
pub fn clip_is_lying(z: &[f64], class: usize) -> bool {
    let exact = math::sparse_categorical_crossentropy(class, z, true).unwrap_or(0.0);
    let clipped = math::keras_probability_path_cross_entropy(z, class);
    exact - clipped > 0.5
}

/// Task: the correct categorical cross-entropy (from logits) is below 0.01.
pub fn correct_loss_is_low(z: &[f64], class: usize) -> bool {
    math::sparse_categorical_crossentropy(class, z, true).is_ok_and(|l| l < 0.01)
}

/// The smallest loss the double-softmax bug can ever report with C classes: the
/// probabilities fed as logits are at best [1, 0, …, 0], whose softmax gives the true class
/// e / (e + C − 1).
pub fn double_softmax_floor(classes: usize) -> f64 {
    (1.0 + (classes as f64 - 1.0) / std::f64::consts::E).ln()
}

/// Task: two classes, the second logit at 0 and the first away from 0, so logit(p₀) = z₀
/// is a real round trip.
pub fn round_trip_works(z: &[f64]) -> bool {
    z.len() == 2 && z[1] == 0.0 && z[0].abs() >= 0.5
}

#[cfg(target_arch = "wasm32")]
mod view {
    use super::*;
    use crate::chart::CurveKind;
    use crate::format::format4;
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        class_labels, logits_state, render_lesson, report_task, shared, shared_number, Formula,
        Predict,
    };
    use crate::widgets::{CurvePlot, LogitBars, ProbabilityBars, Readout};
    use leptos::prelude::*;

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    pub fn raw_scores() -> AnyView {
        let (z, set) = logits_state(&[1.5, 0.5, -0.5, -1.0]);
        let p = Signal::derive(move || math::softmax(&z.get()));
        report_task("class-3-top", move || class_3_is_top(&z.get()));
        report_task("class-3-sure", move || class_3_is_sure(&z.get()));
        let programs = Signal::derive(move || panels::softmax_programs(&z.get()));
        let labels = Signal::derive(|| class_labels(4));
        view! {
            <p>
                "A classifier's last layer produces one number per class. For a dense head that is "
                <Formula latex=r"z = Wx + b" />
                ": a weighted sum plus a bias, so any real number, positive or negative, with no "
                "upper limit. These raw scores are the "<strong>"logits"</strong>". They are not "
                "probabilities. Softmax turns them into probabilities:"
            </p>
            <Formula block=true latex=r"p_i = \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
            <p>
                "Drag the bars (or focus one and use the arrow keys). Because "
                <Formula latex=r"e^{z}" />" grows with z, the largest logit always gets the largest "
                "probability: the ▼ marks stay on the same class in both charts."
            </p>
            <div class="two-charts">
                <figure>
                    <figcaption>"Logits z (drag them)"</figcaption>
                    <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels />
                </figure>
                <figure>
                    <figcaption>"softmax(z): probabilities that sum to 1"</figcaption>
                    <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax p".to_string()) />
                    <p class="sums">
                        "p₃ = " <Readout name="p-3" value=Signal::derive(move || p.get()[3]) />
                        " · Σ p = " <Readout name="p-sum" value=Signal::derive(move || p.get().iter().sum::<f64>()) />
                    </p>
                </figure>
            </div>
            <p>
                "Notice what it takes to make class 3 more than 90 % likely: not a large logit, "
                "but a large "<em>"gap"</em>" to the others. Only differences between logits matter, "
                "which the next step shows directly."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn shift() -> AnyView {
        let (z, set_one) = logits_state(&[2.0, 1.0, 0.5]);
        let baseline = shared(
            "before",
            vec![2.0, 1.0, 0.5],
            |b: &Vec<f64>| b.len() == 3 && b.iter().all(|v| v.abs() <= 1000.0),
            "3 logits within ±1000",
        );
        let total = shared("shift", 0.0f64, |t| t.abs() <= 1e6, "a shift within ±1e6");
        // Dragging one bar starts a new comparison: that logit changed on its own.
        let set = Callback::new(move |(i, v): (usize, f64)| {
            set_one.run((i, v));
            baseline.set(z.get_untracked());
            total.set(0.0);
        });
        let add = move |c: f64| {
            z.update(|z| {
                for v in z.iter_mut() {
                    *v = (*v + c).clamp(-120.0, 120.0);
                }
            });
            total.set(((total.get_untracked() + c) * 1e9).round() / 1e9);
        };
        report_task("shift-100", move || shifted_enough(total.get()));
        let p = Signal::derive(move || math::softmax(&z.get()));
        let p_before = Signal::derive(move || math::softmax(&baseline.get()));
        let change64 = Signal::derive(move || {
            p.get()
                .iter()
                .zip(p_before.get())
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max)
        });
        let change32 = Signal::derive(move || {
            let now = math::shifted_softmax_f32(&z.get());
            let before = math::shifted_softmax_f32(&baseline.get());
            now.iter()
                .zip(before)
                .map(|(a, b)| (*a as f64 - b as f64).abs())
                .fold(0.0, f64::max)
        });
        let labels = Signal::derive(|| class_labels(3));
        let programs = Signal::derive(move || panels::shift_programs(&baseline.get(), &z.get()));
        view! {
            <p>
                "Below, the buttons add the same number c to every logit at once. Before you press "
                "them, predict what the probabilities will do."
            </p>
            <div class="button-row" role="group" aria-label="Add c to every logit">
                {[-10.0, -1.0, 1.0, 10.0, 100.0].into_iter().map(|c| view! {
                    <button type="button" data-testid=format!("shift-{c}") on:click=move |_| add(c)>
                        {if c > 0.0 { format!("+{c}") } else { format!("−{}", -c) }}
                    </button>
                }).collect::<Vec<_>>()}
                <span>" Total added since the last drag: " <Readout name="total-shift" value=total /></span>
            </div>
            <figure>
                <figcaption>"Logits z (range ±120 here, so the shift stays visible)"</figcaption>
                <LogitBars values=z on_change=set range=Signal::derive(|| 120.0) labels height=240 />
            </figure>
            <Predict>
                <figure>
                    <figcaption>"softmax(z) after the shift"</figcaption>
                    <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax p".to_string()) height=200 />
                </figure>
                <p>
                    "Largest change of any probability since the last drag: "
                    <Readout name="change-f64" value=change64 />" in float64, "
                    <Readout name="change-f32" value=change32 />" in float32. "
                    "In exact arithmetic the change is 0; computers round each exponential, so "
                    "float64 agrees to about 1e−16 and float32 to about 5e−7, far below the "
                    "4 digits on screen."
                </p>
                <Formula block=true latex=r"\frac{e^{z_i + c}}{\sum_j e^{z_j + c}} = \frac{e^{c}\,e^{z_i}}{e^{c}\sum_j e^{z_j}} = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
                <p>
                    "This is the "<strong>"stable softmax"</strong>": subtract the largest logit "
                    "(c = −max z) before exponentiating. Same probabilities, but no exponential "
                    "ever exceeds e⁰ = 1, so nothing overflows."
                </p>
            </Predict>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn log_odds() -> AnyView {
        let p = shared_number("p", 0.5, 0.001, 0.999);
        let clamp_p = |v: f64| (v.clamp(0.001, 0.999) * 1000.0).round() / 1000.0;
        let z = Signal::derive(move || math::logit(p.get()));
        report_task("p-0.9", move || found_p_09(p.get()));
        let on_p = Callback::new(move |v: f64| p.set(clamp_p(v)));
        let on_z = Callback::new(move |v: f64| p.set(clamp_p(math::sigmoid(v))));
        let odds = Signal::derive(move || p.get() / (1.0 - p.get()));
        let programs = Signal::derive(move || panels::log_odds_programs(p.get()));
        view! {
            <p>
                "Long before deep learning, “logit” named a "<em>"function"</em>" in statistics: "
                "the logarithm of the odds of a probability."
            </p>
            <Formula block=true latex=r"\mathrm{logit}(p) = \ln\frac{p}{1-p}, \qquad \sigma(z) = \frac{1}{1+e^{-z}}, \qquad \sigma(\mathrm{logit}(p)) = p" />
            <p>
                "The two curves below are the same relation read in both directions: the logit on "
                "the left takes a probability to a score; the sigmoid on the right takes the score "
                "back to the probability. Swap the axes of one and you get the other: they are "
                "mirror images across the line y = x. Drag either point; they move together."
            </p>
            <div class="two-charts">
                <figure>
                    <figcaption>"z = logit(p): drag along p"</figcaption>
                    <CurvePlot
                        curves=Signal::derive(|| vec![CurveKind::Logit])
                        x_range=Signal::derive(|| (0.0, 1.0))
                        y_range=Signal::derive(|| (-6.0, 6.0))
                        x_label="probability p"
                        y_label="logit z"
                        point=p
                        on_change=on_p
                        step=0.01
                        testid="logit-curve"
                        value_name="Probability p"
                        height=260
                    />
                </figure>
                <figure>
                    <figcaption>"p = σ(z): drag along z"</figcaption>
                    <CurvePlot
                        curves=Signal::derive(|| vec![CurveKind::Sigmoid])
                        x_range=Signal::derive(|| (-6.0, 6.0))
                        y_range=Signal::derive(|| (0.0, 1.0))
                        x_label="logit z"
                        y_label="probability p"
                        point=z
                        on_change=on_z
                        step=0.1
                        testid="sigmoid-curve"
                        value_name="Logit z"
                        height=260
                    />
                </figure>
            </div>
            <p class="sums">
                "p = " <Readout name="p" value=p />
                " · odds p/(1−p) = " <Readout name="odds" value=odds />
                " · logit(p) = ln(odds) = " <Readout name="logit" value=z />
            </p>
            <p>
                "Deep learning borrowed the word because, for a sigmoid output, the raw score "
                "really is the log-odds of the predicted probability. For softmax outputs the name "
                "is used loosely: “the scores that go into softmax”."
            </p>
            <aside class="card history" data-testid="history">
                <h3>"A little history"</h3>
                <p>
                    "Chester Bliss introduced the “probit” in 1934 for dose–response experiments. "
                    "Joseph Berkson introduced the “logit” in 1944 in the Journal of the American "
                    "Statistical Association, naming it after Bliss's probit. The word is commonly "
                    "read as short for “logistic unit”, though that expansion is not Berkson's own."
                </p>
            </aside>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn with_logits() -> AnyView {
        let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
        let class = shared("class", 0usize, |c| *c < 3, "a class from 0 to 2");
        report_task("break-naive", move || {
            naive_is_broken(&z.get(), class.get())
        });
        report_task("clip-lies", move || clip_is_lying(&z.get(), class.get()));
        let naive =
            Signal::derive(move || math::naive_cross_entropy_f32(&z.get(), class.get()) as f64);
        let shifted =
            Signal::derive(move || math::shifted_cross_entropy_f32(&z.get(), class.get()) as f64);
        let clipped = Signal::derive(move || {
            math::keras_probability_path_cross_entropy(&z.get(), class.get())
        });
        let exact = Signal::derive(move || {
            math::sparse_categorical_crossentropy(class.get(), &z.get(), true).unwrap_or(f64::NAN)
        });
        let lse = Signal::derive(move || math::log_sum_exp(&z.get()));
        // Gradient of each path with respect to the true class's logit.
        let grad_exact = Signal::derive(move || math::softmax(&z.get())[class.get()] - 1.0);
        let grad_clipped = Signal::derive(move || {
            let p = math::softmax(&z.get())[class.get()];
            if p < math::KERAS_EPSILON {
                0.0
            } else {
                p - 1.0
            }
        });
        let labels = Signal::derive(|| class_labels(3));
        let programs = Signal::derive(move || panels::with_logits_programs(&z.get(), class.get()));
        view! {
            <p>
                "The loss for one example is −ln pᵧ, where y is the true class. There are four ways "
                "to compute it, and they disagree once logits get large. Drag the bars (the range is "
                "±120 here) and watch the four rows."
            </p>
            <label>
                "True class y: "
                <select data-testid="true-class" on:change=move |ev| {
                    if let Ok(c) = event_target_value(&ev).parse::<usize>() { class.set(c.min(2)); }
                }>
                    <option value="0">"class 0"</option>
                    <option value="1">"class 1"</option>
                    <option value="2">"class 2"</option>
                </select>
            </label>
            <LogitBars values=z on_change=set range=Signal::derive(|| 120.0) labels height=260 />
            <p class="sums">"ln Σ eᶻ = " <Readout name="log-sum-exp" value=lse /> " (float32 overflows once this passes 88.72)"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers" data-testid="stability-table">
                    <thead><tr><th scope="col">"How −ln pᵧ is computed"</th><th scope="col">"loss"</th><th scope="col">"what goes wrong"</th></tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">"(a) exp(z) / Σ exp(z), then log, in float32"</th>
                            <td><Readout name="loss-naive-f32" value=naive /></td>
                            <td class="muted">"eᶻ overflows float32 past z ≈ 88.72: once the sum of exponentials passes that, it becomes ∞, so pᵧ = 0 and the loss ∞; if the true class's own exponential has overflowed too, pᵧ = ∞/∞ = NaN."</td>
                        </tr>
                        <tr>
                            <th scope="row">"(b) max-shifted softmax, then log, in float32"</th>
                            <td><Readout name="loss-shifted-f32" value=shifted /></td>
                            <td class="muted">"Never overflows, but once y trails the top logit by more than about 104, e^(zᵧ − max) underflows to 0 and ln 0 = −∞."</td>
                        </tr>
                        <tr>
                            <th scope="row">"(c) Keras probability path ("<code>"from_logits=False"</code>")"</th>
                            <td><Readout name="loss-clipped" value=clipped /></td>
                            <td class="muted">"Probabilities are clipped to [1e−7, 1 − 1e−7], so the loss can never exceed −ln 1e−7 = 16.12, however wrong the model is, and its gradient there is 0. That is what Keras does with NumPy probabilities (what "<code>"model.predict"</code>" returns) and on the JAX and PyTorch backends. On the TensorFlow backend, a Keras softmax's own output remembers its logits and the loss uses them, so there (c) is exact: see the Keras program below."</td>
                        </tr>
                        <tr>
                            <th scope="row">"(d) fused log-softmax ("<code>"from_logits=True"</code>")"</th>
                            <td><Readout name="loss-exact" value=exact /></td>
                            <td class="muted">"Exact for any logits: −zᵧ + ln Σ eᶻ, with the log-sum-exp computed after subtracting the max."</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Gradient with respect to the true class's logit: exact "
                <Readout name="grad-exact" value=grad_exact />
                ", through the clipped path "
                <Readout name="grad-clipped" value=grad_clipped />
                ". When the clip is active the model gets no signal to fix its worst mistakes."
            </p>
            <Formula block=true latex=r"-\ln \mathrm{softmax}(z)_y = -z_y + \ln\sum_j e^{z_j} = -z_y + m + \ln\sum_j e^{z_j - m},\quad m = \max_j z_j" />
            <p>
                "That is why losses ask for logits: given the raw scores, they can use the exact "
                "formula (d). Given probabilities, the information lost in rounding pᵧ to 0 or 1 "
                "is gone for good. Try z = [88.4, 88.4, 0]: no single logit passes 88.72, yet (a) "
                "already overflows, because it is the "<em>"sum"</em>" of exponentials that "
                "breaks. Keras computes in float32 by default; the values here are float64 except "
                "rows (a) and (b). The programs below print each row as Keras and PyTorch compute "
                "it; copy one and run it."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn double_softmax() -> AnyView {
        let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
        report_task("low-loss", move || correct_loss_is_low(&z.get(), 0));
        let right = Signal::derive(move || {
            math::sparse_categorical_crossentropy(0, &z.get(), true).unwrap_or(f64::NAN)
        });
        let p = Signal::derive(move || math::softmax(&z.get()));
        let wrong = Signal::derive(move || {
            math::sparse_categorical_crossentropy(0, &p.get(), true).unwrap_or(f64::NAN)
        });
        let floor = double_softmax_floor(3);
        let labels = Signal::derive(|| class_labels(3));
        let programs = Signal::derive(move || panels::double_softmax_programs(&z.get()));
        view! {
            <p>
                "A common bug: the model already ends in a softmax, and the loss is told "
                <code>"from_logits=True"</code>" (or, in PyTorch, "<code>"CrossEntropyLoss"</code>
                " is used, which always expects logits). The loss then applies a "
                <em>"second"</em>" softmax to numbers that are already probabilities."
            </p>
            <p>"The true class is class 0. Make the model confident and compare the two losses."</p>
            <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=240 />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers">
                    <tbody>
                        <tr>
                            <th scope="row">"Correct: logits with "<code>"from_logits=True"</code></th>
                            <td><Readout name="loss-right" value=right /></td>
                        </tr>
                        <tr class="mistake">
                            <th scope="row">"Bug: softmax output with "<code>"from_logits=True"</code></th>
                            <td><Readout name="loss-double-softmax" value=wrong /></td>
                        </tr>
                        <tr>
                            <th scope="row">"Lowest the buggy loss can ever go with 3 classes"</th>
                            <td><Readout name="double-softmax-floor" value=Signal::derive(move || floor) /></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p>
                "Probabilities live in [0, 1], so the second softmax sees logits that differ by at "
                "most 1. Even a perfect prediction [1, 0, 0] becomes [e, 1, 1] / (e + 2) = "
                "[0.58, 0.21, 0.21]: the loss cannot go below ln(1 + 2/e) ≈ "
                {format4(floor)}", its gradients are tiny, and training crawls. Nothing crashes, "
                "which is what makes the bug hard to spot."
            </p>
            <aside class="callout" data-testid="backend-note">
                <h3>"Does Keras catch it? It depends on the backend"</h3>
                <p>
                    "Keras' default TensorFlow backend recognises a tensor that came straight out "
                    "of a Keras softmax (a "<code>"Dense(3, activation=\"softmax\")"</code>
                    " layer, or "<code>"keras.ops.softmax"</code>"), looks up the logits behind it, "
                    "prints a warning and returns the right loss. On the JAX and PyTorch backends, "
                    "for probabilities held in a NumPy array (whatever "<code>"model.predict"</code>
                    " returns), and always in PyTorch, the second softmax happens silently and you "
                    "get the buggy number. The Keras program below prints both cases."
                </p>
            </aside>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn round_trip() -> AnyView {
        let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
        report_task("two-class", move || round_trip_works(&z.get()));
        let n = Memo::new(move |_| z.with(|z| z.len()));
        let labels = Signal::derive(move || class_labels(n.get()));
        let rows = move || {
            (0..n.get())
                .map(|i| {
                    let zi = Signal::derive(move || z.with(|z| z.get(i).copied().unwrap_or(0.0)));
                    let pi = Signal::derive(move || {
                        math::softmax(&z.get()).get(i).copied().unwrap_or(0.0)
                    });
                    let back = Signal::derive(move || math::logit(pi.get()));
                    view! {
                        <tr>
                            <th scope="row">{format!("class {i}")}</th>
                            <td><Readout name=format!("z-{i}") value=zi /></td>
                            <td><Readout name=format!("p-{i}") value=pi /></td>
                            <td><Readout name=format!("logit-p-{i}") value=back /></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        };
        view! {
            <p>
                "If logit is the inverse of sigmoid, does it also undo softmax? Predict, then see "
                "the table."
            </p>
            <div class="button-row">
                <button type="button" data-testid="two-classes" on:click=move |_| z.set(vec![2.0, 0.0])>"Two classes: z = [2, 0]"</button>
                <button type="button" data-testid="three-classes" on:click=move |_| z.set(vec![2.0, 1.0, 0.5])>"Three classes: z = [2, 1, 0.5]"</button>
            </div>
            <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
            <Predict>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="round-trip-table">
                        <thead><tr><th scope="col">"class"</th><th scope="col">"z"</th><th scope="col">"p = softmax(z)"</th><th scope="col">"logit(p)"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Formula block=true latex=r"\mathrm{logit}(p_i) = \ln\frac{p_i}{1-p_i} = z_i - \ln\sum_{j \ne i} e^{z_j}" />
                <p>
                    "With two classes and z₁ = 0 the sum is e⁰ = 1 and its log is 0, so logit(p₀) = z₀: "
                    "softmax([z, 0]) is exactly σ(z). That is the one case where “logit” as "
                    "inverse-sigmoid and “logit” as score-before-softmax coincide."
                </p>
            </Predict>
        }
        .into_any()
    }

    pub fn summary() -> AnyView {
        view! {
            <p>"What to remember, in one table."</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="summary" data-testid="summary-table">
                    <thead><tr><th scope="col">"term"</th><th scope="col">"what it is"</th><th scope="col">"in practice"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"logits (deep learning)"</th><td>"the raw scores of the last layer, one per class, any real number"</td><td>"what Dense(C) with no activation outputs"</td></tr>
                        <tr><th scope="row">"logit (statistics)"</th><td>"the function ln(p / (1 − p)), the log-odds"</td><td>"the inverse of sigmoid, not of softmax"</td></tr>
                        <tr><th scope="row">"softmax"</th><td>"turns logits into probabilities that sum to 1; adding a constant to every logit changes nothing"</td><td>"keras.ops.softmax, torch.softmax"</td></tr>
                        <tr><th scope="row"><code>"from_logits=True"</code></th><td>"the loss computes a fused log-softmax: exact for any logits"</td><td>"give it raw scores; PyTorch's CrossEntropyLoss always works this way"</td></tr>
                        <tr><th scope="row"><code>"from_logits=False"</code></th><td>"the loss receives probabilities and clips them to [1e−7, 1 − 1e−7]"</td><td>"caps at 16.12 with zero gradient (JAX and PyTorch backends, NumPy inputs); the TensorFlow backend uses a Keras softmax's logits instead"</td></tr>
                        <tr class="mistake"><th scope="row">"softmax output + from_logits=True"</th><td>"a second softmax: the loss can never approach 0"</td><td>"silent in PyTorch, on Keras' JAX and PyTorch backends and for NumPy probabilities; Keras on TensorFlow warns and uses the logits. Pick one of the two."</td></tr>
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_3_tasks() {
        assert!(!class_3_is_top(&[1.5, 0.5, -0.5, -1.0]));
        assert!(class_3_is_top(&[1.5, 0.5, -0.5, 1.6]));
        assert!(
            !class_3_is_top(&[1.5, 0.5, -0.5, 1.5]),
            "a tie is not a win"
        );
        assert!(!class_3_is_top(&[1.0, 2.0]));
        assert!(!class_3_is_sure(&[1.5, 0.5, -0.5, 1.6]));
        assert!(class_3_is_sure(&[1.5, 0.5, -0.5, 4.5]));
    }

    #[test]
    fn shift_and_log_odds_tasks() {
        assert!(!shifted_enough(99.0));
        assert!(shifted_enough(100.0));
        assert!(shifted_enough(110.0));
        assert!(found_p_09(0.9));
        assert!(found_p_09(0.904));
        assert!(!found_p_09(0.91));
        assert!((math::logit(0.9) - 9f64.ln()).abs() < 1e-15);
    }

    #[test]
    fn stability_tasks() {
        assert!(!naive_is_broken(&[2.0, 1.0, 0.5], 0));
        assert!(
            naive_is_broken(&[88.4, 88.4, 0.0], 0),
            "the sum overflows first"
        );
        assert!(naive_is_broken(&[90.0, 0.0, 0.0], 1));
        assert!(!clip_is_lying(&[2.0, 1.0, 0.5], 0));
        assert!(
            !clip_is_lying(&[0.0, 16.0, 0.0], 0),
            "below the ceiling the two agree"
        );
        assert!(clip_is_lying(&[0.0, 30.0, 0.0], 0));
        assert!(
            (math::keras_probability_path_cross_entropy(&[0.0, 30.0, 0.0], 0)
                - 16.118_095_650_958_32)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn double_softmax_and_round_trip_tasks() {
        assert!(!correct_loss_is_low(&[2.0, 1.0, 0.5], 0));
        assert!(correct_loss_is_low(&[8.0, 1.0, 0.5], 0));
        assert!((double_softmax_floor(3) - (1.0 + 2.0 / std::f64::consts::E).ln()).abs() < 1e-15);
        // The bug's loss really cannot go below the floor.
        let p = math::softmax(&[50.0, -50.0, -50.0]);
        let bug = math::sparse_categorical_crossentropy(0, &p, true).unwrap();
        assert!(bug >= double_softmax_floor(3) - 1e-12 && bug < double_softmax_floor(3) + 1e-9);
        assert!(round_trip_works(&[2.0, 0.0]));
        assert!(!round_trip_works(&[2.0, 1.0, 0.5]));
        assert!(!round_trip_works(&[2.0, 0.3]));
        assert!(!round_trip_works(&[0.0, 0.0]));
        let p = math::softmax(&[2.0, 0.0]);
        assert!((math::logit(p[0]) - 2.0).abs() < 1e-12);
    }
}
