//! Step 5 (detection): one detection box's class scores through sigmoids and softmax.

use crate::lessons::code_view::CodePanels;
use crate::lessons::softmax_sigmoid::panels;
use crate::lessons::softmax_sigmoid::tasks::{labels_match, sigmoids};
use crate::lessons::view::{logits_state, report_task};
use crate::math;
use crate::widgets::{LogitBars, ProbabilityBars};
use leptos::prelude::*;

/// And object detection: one box labelled person and woman.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[1.0, -1.0, -2.0]);
    report_task("person-and-woman", move || {
        labels_match(&z.get(), &[true, true, false])
    });
    let s = Signal::derive(move || sigmoids(&z.get()));
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

/// Labels for the bars, from a fixed list of names.
fn names(list: &'static [&'static str]) -> Signal<Vec<String>> {
    Signal::derive(move || list.iter().map(|s| s.to_string()).collect())
}
