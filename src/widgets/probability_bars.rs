//! Probabilities as bars on [0, 1], the most likely class marked.

use super::layered_canvas::Picture;
use crate::chart::{draw_axes, draw_marks, BarAxes, BarMarks};
use crate::format::format4;
use crate::playground::argmax;
use leptos::prelude::*;

/// Probabilities (softmax or sigmoid outputs) as bars on `[0, 1]`, with each value printed,
/// the most likely class outlined and marked ▲ (not for sigmoid outputs, whose labels are
/// independent), the true class marked "true", and an optional dashed threshold line. A line
/// under the chart says what the marks mean.
#[component]
pub fn ProbabilityBars(
    /// One probability per class.
    #[prop(into)]
    values: Signal<Vec<f64>>,
    /// One label per class.
    #[prop(into)]
    labels: Signal<Vec<String>>,
    /// Axis title, e.g. "softmax p".
    #[prop(into)]
    y_label: Signal<String>,
    /// Draw a dashed line at this probability (e.g. 0.5 for sigmoid outputs).
    #[prop(optional, into)]
    threshold: Option<Signal<Option<f64>>>,
    /// The true class, marked "true" under its bar.
    #[prop(optional, into)]
    truth: Option<Signal<Option<usize>>>,
    /// Class 0 is a segmentation background, grey as in the class maps.
    #[prop(optional)]
    background_class: bool,
    /// `data-testid` of the widget.
    #[prop(default = "probability-bars")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 240)]
    height: u32,
) -> impl IntoView {
    let axes = Memo::new(move |_| BarAxes {
        classes: values.with(|v| v.len()),
        y_range: (0.0, 1.0),
        y_label: y_label.get(),
        class_labels: labels.get(),
        background_class,
    });
    // Sigmoid outputs are independent yes/no answers, one per label: no single "most likely"
    // class applies, so only softmax-like charts get the ▲.
    let independent =
        Memo::new(move |_| y_label.with(|l| l.starts_with("sigmoid") || l.starts_with("σ")));
    let background = move |area: &_, style: &_| draw_axes(area, &axes.get(), style);
    let foreground = move |area: &_, style: &_| {
        let v = values.get();
        let marks = BarMarks {
            marked: (!independent.get() && !v.is_empty()).then(|| argmax(&v)),
            truth: truth.and_then(|t| t.get()),
            arrows: None,
            value_labels: true,
            threshold: threshold.and_then(|t| t.get()),
            values: v,
        };
        draw_marks(area, &axes.get(), &marks, style).map(|_| ())
    };
    let summary = Signal::derive(move || {
        labels.with(|names| values.with(|v| bar_summary(&y_label.get(), names, v)))
    });
    let key = move || {
        let has_truth = truth.is_some_and(|t| t.get().is_some());
        match (independent.get(), has_truth) {
            (false, false) => "▲ under a label: the most likely class (largest probability).",
            (false, true) => "▲: the most likely class · “true”: the true class.",
            (true, false) => "Each label answers its own yes/no: no single most likely class.",
            (true, true) => "“true”: the true class. Each label answers its own yes/no.",
        }
    };
    view! {
        <div class="bars-with-key">
            <Picture class="probability-bars" testid background foreground height label=summary />
            <p class="chart-key muted">{key}</p>
        </div>
    }
}

/// What a bar chart shows, for screen readers: "Bar chart of `what`: " and each bar's label
/// with its value.
pub(super) fn bar_summary(what: &str, names: &[String], values: &[f64]) -> String {
    let parts: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{} {}",
                names.get(i).map(String::as_str).unwrap_or_default(),
                format4(*v)
            )
        })
        .collect();
    format!("Bar chart of {what}: {}", parts.join(", "))
}
