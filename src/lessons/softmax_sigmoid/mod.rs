//! Lesson 2: Softmax or sigmoid at the output? Exclusive classes against independent labels.

pub mod panels;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};
use crate::math;

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "softmax-or-sigmoid",
    title: "Softmax or sigmoid at the output?",
    nav_label: "2 · Softmax or sigmoid",
    blurb: "Feed the same logits to a softmax and to per-class sigmoids, try to push every \
            output past 0.5, turn the temperature, and decide which head fits multi-class \
            and multi-label problems.",
    lesson: Some(&LESSON),
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

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
    steps: &[
        Step {
            id: "two-heads",
            title: "Same logits, two heads",
            tasks: &[
                TaskInfo { id: "all-sigmoids", text: "Make all three sigmoid outputs exceed 0.5." },
                TaskInfo { id: "sigmoid-sum", text: "Make the sigmoid outputs add up to more than 2." },
            ],
            predict: Some(PredictInfo {
                question: "Can you make all three softmax outputs exceed 0.5 at the same time?",
                choices: &[
                    "Yes, with large enough logits",
                    "Yes, if all three logits are equal",
                    "No: at most one can exceed 0.5",
                    "No: a softmax output never exceeds 0.5",
                ],
                answer: 2,
                explanation: "Softmax outputs always add up to exactly 1, so two of them above 0.5 would already make more than 1. Sigmoid outputs are computed one class at a time and nothing ties them together: each can be anywhere in (0, 1), and their sum anywhere in (0, 3).",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::two_heads,
        },
        Step {
            id: "two-classes",
            title: "With two classes they are the same",
            tasks: &[TaskInfo { id: "p-075", text: "Make class 0's probability 0.75 (within 0.005)." }],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::two_classes,
        },
        Step {
            id: "temperature",
            title: "Temperature",
            tasks: &[
                TaskInfo { id: "one-hot", text: "With the temperature, make the largest probability exceed 0.99." },
                TaskInfo { id: "uniform", text: "With the temperature, bring the entropy above 99 % of its maximum." },
            ],
            predict: Some(PredictInfo {
                question: "For z = [12, −12, 0] at temperature T = 10, softmax(z / T) is about…",
                choices: &["[0.33, 0.33, 0.33]: uniform", "[0.72, 0.07, 0.22]", "[1.00, 0.00, 0.00]: one-hot"],
                answer: 1,
                explanation: "Dividing by T = 10 turns the logits into [1.2, −1.2, 0]: still clearly different, so the distribution is flatter but far from uniform. Softmax only approaches uniform as T grows without bound, and approaches one-hot as T shrinks towards 0.",
            }),
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::temperature,
        },
        Step {
            id: "exclusive-or-not",
            title: "Multi-class or multi-label?",
            tasks: &[
                TaskInfo { id: "animal", text: "Multi-class: make the model say “bird” with probability above 0.5." },
                TaskInfo { id: "movie", text: "Multi-label: tag the movie as an action comedy (every genre on the right side of 0.5)." },
            ],
            predict: None,
            corrections: &[
                Correction {
                    claim: "Use softmax at the output because then you can apply cross-entropy.",
                    correction: "Cross-entropy works with sigmoid outputs just as well: binary cross-entropy, one term per label. The real question is whether the classes exclude each other (softmax) or not (sigmoids).",
                },
                Correction {
                    claim: "Softmax gives a joint distribution over the classes.",
                    correction: "It gives a categorical distribution: one probability per class of a single choice among mutually exclusive classes. Independent sigmoids give one Bernoulli probability per label.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::exclusive_or_not,
        },
        Step {
            id: "detection",
            title: "And object detection?",
            tasks: &[TaskInfo { id: "person-and-woman", text: "Label one box as both “person” and “woman”." }],
            predict: None,
            corrections: &[
                Correction {
                    claim: "Object detection is classification on a sliding window.",
                    correction: "That is how the earliest detectors worked. Detectors today predict boxes and a class score per box directly: two-stage ones (Faster R-CNN, Mask R-CNN) first propose regions and then classify each one; one-stage ones (SSD, YOLO, RetinaNet) score every box in a single pass over the image.",
                },
                Correction {
                    claim: "(Missing from the thread) Detectors use a softmax over classes for each box.",
                    correction: "It depends on the detector. Two-stage detectors such as Faster R-CNN and Mask R-CNN do use a softmax per region, over C + 1 classes (the extra one is “background”). Many one-stage detectors, YOLOv3 and its successors among them, often use independent per-class sigmoids instead, so that one box can carry overlapping labels such as “person” and “woman”.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::detection,
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

/// Task: every sigmoid output is above 0.5.
pub fn all_sigmoids_above_half(z: &[f64]) -> bool {
    !z.is_empty() && z.iter().all(|v| math::sigmoid(*v) > 0.5)
}

/// Task: the sigmoid outputs add up to more than 2.
pub fn sigmoid_sum_above_2(z: &[f64]) -> bool {
    z.iter().map(|v| math::sigmoid(*v)).sum::<f64>() > 2.0
}

/// How many softmax outputs exceed 0.5 (never more than one).
pub fn softmax_above_half(z: &[f64]) -> usize {
    math::softmax(z).iter().filter(|p| **p > 0.5).count()
}

/// Task: two-class softmax gives class 0 a probability of 0.75 ± 0.005.
pub fn two_class_p_is_075(z: &[f64]) -> bool {
    z.len() == 2 && (math::softmax(z)[0] - 0.75).abs() <= 0.005
}

/// softmax(z / T), or the logits' softmax if T is not usable.
pub fn tempered(z: &[f64], t: f64) -> Vec<f64> {
    math::softmax_with_temperature(z, t).unwrap_or_else(|_| math::softmax(z))
}

/// Task: the largest probability of softmax(z / T) exceeds 0.99.
pub fn nearly_one_hot(z: &[f64], t: f64) -> bool {
    tempered(z, t).iter().any(|p| *p > 0.99)
}

/// Task: the entropy of softmax(z / T) exceeds 99 % of its maximum ln C.
pub fn nearly_uniform(z: &[f64], t: f64) -> bool {
    z.len() > 1 && math::entropy(&tempered(z, t)) > 0.99 * (z.len() as f64).ln()
}

/// Task: the multi-class model says "bird" (class 2) with probability above 0.5.
pub fn says_bird(z: &[f64]) -> bool {
    math::softmax(z).get(2).is_some_and(|p| *p > 0.5)
}

/// Task: every sigmoid is on the right side of 0.5 for `target`.
pub fn labels_match(z: &[f64], target: &[bool]) -> bool {
    z.len() == target.len()
        && z.iter()
            .zip(target)
            .all(|(v, t)| (math::sigmoid(*v) > 0.5) == *t)
}

#[cfg(target_arch = "wasm32")]
mod view {
    use super::*;
    use crate::format::format4;
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        class_labels, logits_state, render_lesson, report_task, shared, shared_number, Formula,
        Predict,
    };
    use crate::playground::{slider_from_temperature, temperature_from_slider};
    use crate::widgets::{LogitBars, ProbabilityBars, Readout};
    use leptos::prelude::*;

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    fn names(list: &'static [&'static str]) -> Signal<Vec<String>> {
        Signal::derive(move || list.iter().map(|s| s.to_string()).collect())
    }

    pub fn two_heads() -> AnyView {
        let (z, set) = logits_state(&[1.0, -0.5, -1.0]);
        report_task("all-sigmoids", move || all_sigmoids_above_half(&z.get()));
        report_task("sigmoid-sum", move || sigmoid_sum_above_2(&z.get()));
        let s = Signal::derive(move || {
            z.get()
                .iter()
                .map(|v| math::sigmoid(*v))
                .collect::<Vec<_>>()
        });
        let p = Signal::derive(move || math::softmax(&z.get()));
        let most = shared("most", 0usize, |k| *k <= 3, "a count from 0 to 3");
        Effect::new(move |_| {
            let k = softmax_above_half(&z.get());
            if k > most.get_untracked() {
                most.set(k);
            }
        });
        let labels = Signal::derive(|| class_labels(3));
        let programs = Signal::derive(move || panels::two_heads_programs(&z.get()));
        view! {
            <p>
                "The same three logits feed two different output heads. A "<strong>"sigmoid"</strong>
                " head squashes each logit on its own; a "<strong>"softmax"</strong>" head "
                "normalises them together."
            </p>
            <Formula block=true latex=r"\sigma(z_i) = \frac{1}{1 + e^{-z_i}} \qquad\qquad \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
            <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=240 />
            <div class="two-charts">
                <figure>
                    <figcaption>"Sigmoid head: one yes/no per class (dashes at 0.5)"</figcaption>
                    <ProbabilityBars values=s labels y_label=Signal::derive(|| "sigmoid".to_string()) threshold=Signal::derive(|| Some(0.5)) testid="sigmoid-bars" height=200 />
                    <p class="sums">"Σ sigmoid = " <Readout name="sigmoid-sum" value=Signal::derive(move || s.get().iter().sum::<f64>()) /></p>
                </figure>
                <figure>
                    <figcaption>"Softmax head: one distribution over the classes"</figcaption>
                    <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax".to_string()) threshold=Signal::derive(|| Some(0.5)) testid="softmax-bars" height=200 />
                    <p class="sums">"Σ softmax = " <Readout name="softmax-sum" value=Signal::derive(move || p.get().iter().sum::<f64>()) /></p>
                </figure>
            </div>
            <Predict>
                <p>
                    "The most softmax outputs above 0.5 you have had at once: "
                    <strong data-testid="softmax-most">{move || most.get()}</strong>
                    ". Keep trying: it will not go past 1. A softmax can only say “this one”; "
                    "sigmoids can say “this one, and this one too”."
                </p>
            </Predict>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn two_classes() -> AnyView {
        let (z, set) = logits_state(&[1.0, 0.0]);
        report_task("p-075", move || two_class_p_is_075(&z.get()));
        let p0 = Signal::derive(move || math::softmax(&z.get())[0]);
        let diff = Signal::derive(move || z.with(|z| z[0] - z[1]));
        let s = Signal::derive(move || math::sigmoid(diff.get()));
        let gap = Signal::derive(move || (p0.get() - s.get()).abs());
        let labels = Signal::derive(|| class_labels(2));
        let programs = Signal::derive(move || panels::two_classes_programs(&z.get()));
        view! {
            <p>
                "With exactly two classes the choice stops mattering. Divide the top and bottom "
                "of softmax by "<Formula latex=r"e^{z_0}" />":"
            </p>
            <Formula block=true latex=r"\mathrm{softmax}(z_0, z_1)_0 = \frac{e^{z_0}}{e^{z_0} + e^{z_1}} = \frac{1}{1 + e^{-(z_0 - z_1)}} = \sigma(z_0 - z_1)" />
            <p>
                "So a two-class softmax is a sigmoid of the "<em>"difference"</em>" of the "
                "logits, and a single sigmoid output is a two-class softmax whose other logit is "
                "fixed at 0. Drag either bar: only the gap matters."
            </p>
            <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="numbers">
                    <tbody>
                        <tr><th scope="row">"softmax([z₀, z₁])₀"</th><td><Readout name="softmax-p0" value=p0 /></td></tr>
                        <tr><th scope="row">"z₀ − z₁"</th><td><Readout name="logit-gap" value=diff /></td></tr>
                        <tr><th scope="row">"σ(z₀ − z₁)"</th><td><Readout name="sigmoid-gap" value=s /></td></tr>
                        <tr><th scope="row">"difference between the two"</th><td><Readout name="difference" value=gap /></td></tr>
                    </tbody>
                </table>
            </div>
            <p>
                "For p = 0.75 the odds are 3 to 1, so the gap must be ln 3 ≈ "{format4(3f64.ln())}
                ", wherever the two logits sit."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn temperature() -> AnyView {
        let (z, set) = logits_state(&[2.0, 1.0, 0.5]);
        let t = shared_number("t", 1.0, 0.05, 100.0);
        report_task("one-hot", move || nearly_one_hot(&z.get(), t.get()));
        report_task("uniform", move || nearly_uniform(&z.get(), t.get()));
        let p = Signal::derive(move || tempered(&z.get(), t.get()));
        let h = Signal::derive(move || math::entropy(&p.get()));
        let h_max = Signal::derive(move || (z.with(|z| z.len()) as f64).ln());
        let labels = Signal::derive(|| class_labels(3));
        let programs = Signal::derive(move || panels::temperature_programs(&z.get(), t.get()));
        view! {
            <p>
                "Dividing the logits by a "<strong>"temperature"</strong>" T before the softmax "
                "changes how sharp the distribution is, without changing which class is on top."
            </p>
            <Formula block=true latex=r"p_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}, \qquad H(p) = -\sum_i p_i \ln p_i \le \ln C" />
            <div class="controls">
                <fieldset>
                    <legend>"Temperature T (logarithmic)"</legend>
                    <input
                        type="range" min="0" max="1000" step="1"
                        data-testid="temperature"
                        aria-label="Temperature"
                        aria-valuetext=move || format!("T = {}", format4(t.get()))
                        prop:value=move || slider_from_temperature(t.get()).to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() { t.set(temperature_from_slider(v)); }
                        }
                    />
                    " T = " <Readout name="temperature" value=t />
                    <button type="button" on:click=move |_| t.set(1.0)>"T = 1"</button>
                </fieldset>
            </div>
            <div class="two-charts">
                <figure>
                    <figcaption>"Logits z"</figcaption>
                    <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
                </figure>
                <figure>
                    <figcaption>"softmax(z / T)"</figcaption>
                    <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax(z/T)".to_string()) height=220 />
                    <p class="sums">
                        "entropy H = " <Readout name="entropy" value=h />
                        " nats, maximum ln 3 = " <Readout name="entropy-max" value=h_max />
                    </p>
                </figure>
            </div>
            <p>
                "Low T exaggerates the gaps: the distribution approaches one-hot (if two logits tie "
                "for the top, they split the probability equally). High T shrinks the gaps: the "
                "distribution flattens towards uniform, but only reaches it in the limit."
            </p>
            <Predict>
                <div class="button-row">
                    <button type="button" data-testid="set-12-12-0" on:click=move |_| { z.set(vec![12.0, -12.0, 0.0]); t.set(10.0); }>
                        "Show z = [12, −12, 0] at T = 10"
                    </button>
                </div>
                <p class="sums">
                    "p = [" <Readout name="p-0" value=Signal::derive(move || p.get()[0]) /> ", "
                    <Readout name="p-1" value=Signal::derive(move || p.get()[1]) /> ", "
                    <Readout name="p-2" value=Signal::derive(move || p.get()[2]) /> "]"
                </p>
            </Predict>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn exclusive_or_not() -> AnyView {
        let multi_label = shared("multi", false, |_| true, "0 or 1");
        // Neither task holds at the start, in either mode.
        let (z, set) = logits_state(&[1.0, -0.5, 0.5]);
        let animal = RwSignal::new(2usize);
        report_task("animal", move || !multi_label.get() && says_bird(&z.get()));
        report_task("movie", move || {
            multi_label.get() && labels_match(&z.get(), &MOVIE_TARGET)
        });
        let target = Signal::derive(move || {
            if multi_label.get() {
                MOVIE_TARGET
                    .iter()
                    .map(|b| if *b { 1.0 } else { 0.0 })
                    .collect::<Vec<f64>>()
            } else {
                (0..3)
                    .map(|i| if i == animal.get() { 1.0 } else { 0.0 })
                    .collect()
            }
        });
        let probs = Signal::derive(move || {
            let v = z.get();
            if multi_label.get() {
                v.iter().map(|x| math::sigmoid(*x)).collect()
            } else {
                math::softmax(&v)
            }
        });
        let loss = Signal::derive(move || {
            let (y, v) = (target.get(), z.get());
            if multi_label.get() {
                math::binary_crossentropy(&y, &v, true).unwrap_or(f64::NAN)
            } else {
                math::categorical_crossentropy(&y, &v, true, 0.0).unwrap_or(f64::NAN)
            }
        });
        let labels = Signal::derive(move || {
            let list: &[&str] = if multi_label.get() { &GENRES } else { &ANIMALS };
            list.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        });
        let programs = Signal::derive(move || {
            panels::exclusive_programs(&z.get(), multi_label.get(), animal.get())
        });
        view! {
            <p>
                "The head follows from one question about your labels: "<strong>"can an example "
                "belong to more than one class?"</strong>
            </p>
            <ul>
                <li><strong>"Multi-class"</strong>": each image shows exactly one animal: cat "<em>"or"</em>" dog "<em>"or"</em>" bird. The classes exclude each other: softmax + categorical cross-entropy."</li>
                <li><strong>"Multi-label"</strong>": a movie can be action "<em>"and"</em>" comedy; a chest X-ray can show several findings at once; any subset is possible. Each label is its own yes/no question: one sigmoid per label + binary cross-entropy."</li>
            </ul>
            <div class="button-row" role="radiogroup" aria-label="Kind of problem">
                <label class="chip"><input type="radio" name="kind" data-testid="mode-multi-class" prop:checked=move || !multi_label.get() on:change=move |_| multi_label.set(false) />"Multi-class (animals)"</label>
                <label class="chip"><input type="radio" name="kind" data-testid="mode-multi-label" prop:checked=move || multi_label.get() on:change=move |_| multi_label.set(true) />"Multi-label (movie genres)"</label>
            </div>
            <p data-testid="target-description">
                {move || if multi_label.get() {
                    "Target: this movie is an action comedy, y = [1, 1, 0] (action, comedy, not romance).".to_string()
                } else {
                    format!("Target: the image shows a {}, y is one-hot.", ANIMALS[animal.get()])
                }}
            </p>
            <div class="two-charts">
                <figure>
                    <figcaption>"Logits"</figcaption>
                    <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
                </figure>
                <figure>
                    <figcaption>{move || if multi_label.get() { "Sigmoid per genre (dashes at 0.5)" } else { "Softmax over the animals" }}</figcaption>
                    <ProbabilityBars values=probs labels y_label=Signal::derive(move || if multi_label.get() { "sigmoid".to_string() } else { "softmax".to_string() }) threshold=Signal::derive(move || multi_label.get().then_some(0.5)) height=220 />
                    <p class="sums">
                        {move || if multi_label.get() { "binary cross-entropy (mean over 3 labels) = " } else { "categorical cross-entropy = " }}
                        <Readout name="loss" value=loss />
                    </p>
                </figure>
            </div>
            <p>
                "Should the loss get logits or probabilities? Logits: a head with no activation and "
                <code>"from_logits=True"</code>" let the loss compute the log of σ(z) or of "
                "softmax(z) in one step that is exact for any logit. With a sigmoid or softmax at "
                "the end and "<code>"from_logits=False"</code>", the answer depends on where the "
                "probabilities come from. On Keras' TensorFlow backend the output of a Keras "
                "sigmoid or softmax remembers the logits it came from, and the loss quietly uses "
                "them: the result is exact there. On the JAX and PyTorch backends, and for plain "
                "probabilities such as "<code>"model.predict"</code>" returns, the loss works from "
                "float32 probabilities clipped to [10⁻⁷, 1 − 10⁻⁷]. A genre the movie has (y = 1) "
                "scored z = −20 then costs at most −ln 10⁻⁷ ≈ 16.12 instead of the true 20.00, "
                "and the clipped loss gives no gradient to fix it. The programs below print all "
                "three ways for the logits on screen."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn detection() -> AnyView {
        let (z, set) = logits_state(&[1.0, -1.0, -2.0]);
        report_task("person-and-woman", move || {
            labels_match(&z.get(), &[true, true, false])
        });
        let s = Signal::derive(move || {
            z.get()
                .iter()
                .map(|v| math::sigmoid(*v))
                .collect::<Vec<_>>()
        });
        let p = Signal::derive(move || math::softmax(&z.get()));
        let labels = names(&["person", "woman", "car"]);
        let programs = Signal::derive(move || panels::detection_programs(&z.get()));
        view! {
            <p>
                "The thread asked about object detection. A detector outputs, for every box it "
                "proposes, the box's coordinates and one score per class. Which head should those "
                "class scores use? The same question as before: can one box carry two labels? "
                "Detectors answer it both ways: a softmax over the classes plus “background” in "
                "two-stage detectors such as Faster R-CNN, often per-class sigmoids in one-stage "
                "detectors such as YOLOv3 and later."
            </p>
            <p>
                "Here is one box with three class scores. Label it as a person "<em>"and"</em>" a "
                "woman (but not a car) and compare the two heads."
            </p>
            <LogitBars values=z on_change=set range=Signal::derive(|| 12.0) labels height=220 />
            <div class="two-charts">
                <figure>
                    <figcaption>"Independent sigmoids (dashes at 0.5)"</figcaption>
                    <ProbabilityBars values=s labels y_label=Signal::derive(|| "sigmoid".to_string()) threshold=Signal::derive(|| Some(0.5)) height=200 />
                </figure>
                <figure>
                    <figcaption>"Softmax: the labels compete"</figcaption>
                    <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax".to_string()) threshold=Signal::derive(|| Some(0.5)) height=200 />
                </figure>
            </div>
            <p>
                "With sigmoids both labels can be confidently on. With a softmax, “person” and "
                "“woman” split one unit of probability between them, so the more certain the box is "
                "of one, the less it can be of the other."
            </p>
            <p>
                "Segmentation asks the same question once per pixel: a softmax over the classes "
                "when every pixel belongs to exactly one class, one sigmoid per class when masks "
                "may overlap. "<a href="#/segmentation">"Lesson 6"</a>" shows the shapes and "
                "losses of such per-pixel outputs."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    pub fn summary() -> AnyView {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                <table class="summary" data-testid="summary-table">
                    <thead><tr><th scope="col">"your labels"</th><th scope="col">"output head"</th><th scope="col">"loss"</th><th scope="col">"outputs"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"exactly one class per example (multi-class)"</th><td>"softmax over C"</td><td>"categorical (one-hot) or sparse categorical (integer) cross-entropy"</td><td>"sum to 1; at most one above 0.5"</td></tr>
                        <tr><th scope="row">"any subset of classes (multi-label)"</th><td>"C independent sigmoids"</td><td>"binary cross-entropy, mean over labels"</td><td>"each in (0, 1); sum anywhere in (0, C)"</td></tr>
                        <tr><th scope="row">"two classes"</th><td>"one sigmoid, or softmax over 2"</td><td>"binary, or categorical cross-entropy"</td><td>"identical: softmax(z₀, z₁)₀ = σ(z₀ − z₁)"</td></tr>
                        <tr><th scope="row">"boxes in detection"</th><td>"softmax over C + 1 (with background) per region in two-stage detectors (Faster R-CNN); often per-class sigmoids in one-stage ones (YOLOv3 and later)"</td><td>"categorical cross-entropy, or binary cross-entropy per class"</td><td>"sigmoids allow overlapping labels"</td></tr>
                        <tr><th scope="row">"pixels in segmentation"</th><td>"the same choice per pixel ("<a href="#/segmentation">"lesson 6"</a>")"</td><td>"the same losses, averaged over pixels"</td><td>"one map of C scores per image"</td></tr>
                    </tbody>
                </table>
            </div>
            <p>"Temperature T rescales logits before softmax: T < 1 sharpens, T > 1 flattens, the order of classes never changes."</p>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_heads_tasks() {
        assert!(!all_sigmoids_above_half(&[1.0, -0.5, -1.0]));
        assert!(all_sigmoids_above_half(&[0.1, 0.2, 0.3]));
        assert!(
            !all_sigmoids_above_half(&[0.1, 0.0, 0.3]),
            "σ(0) = 0.5 is not above"
        );
        assert!(!sigmoid_sum_above_2(&[0.5, 0.5, 0.5]), "3 × 0.62 = 1.87");
        assert!(sigmoid_sum_above_2(&[2.0, 2.0, 2.0]));
        // However large the logits, at most one softmax output exceeds 0.5.
        for z in [
            [12.0, 12.0, 12.0],
            [12.0, 11.9, -12.0],
            [0.0, 0.0, 0.0],
            [9.0, -9.0, 0.0],
        ] {
            assert!(softmax_above_half(&z) <= 1);
        }
    }

    #[test]
    fn two_class_and_temperature_tasks() {
        assert!(two_class_p_is_075(&[3f64.ln(), 0.0]));
        assert!(two_class_p_is_075(&[5.0 + 3f64.ln(), 5.0]));
        assert!(!two_class_p_is_075(&[1.0, 0.0]));
        let z = [2.0, 1.0, 0.5];
        assert!(!nearly_one_hot(&z, 1.0));
        assert!(nearly_one_hot(&z, 0.1));
        assert!(!nearly_uniform(&z, 1.0));
        assert!(nearly_uniform(&z, 20.0));
        // The lesson's numbers: z = [12, −12, 0] at T = 10.
        let p = tempered(&[12.0, -12.0, 0.0], 10.0);
        assert!(
            (p[0] - 0.72).abs() < 0.005
                && (p[1] - 0.07).abs() < 0.005
                && (p[2] - 0.22).abs() < 0.005
        );
        // A tie at the top splits equally at low temperature.
        let p = tempered(&[3.0, 3.0, 0.0], 0.05);
        assert!((p[0] - 0.5).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn labelling_tasks() {
        // The step's starting logits satisfy neither task.
        assert!(!says_bird(&[1.0, -0.5, 0.5]));
        assert!(!labels_match(&[1.0, -0.5, 0.5], &MOVIE_TARGET));
        assert!(says_bird(&[1.0, 0.5, 3.0]));
        assert!(labels_match(&[1.0, 0.5, -0.5], &MOVIE_TARGET));
        assert!(!labels_match(&[1.0, -0.5, -0.5], &MOVIE_TARGET));
        assert!(!labels_match(&[1.0, 0.5], &MOVIE_TARGET));
    }
}
