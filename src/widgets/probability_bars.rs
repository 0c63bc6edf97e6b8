//! Probabilities as bars on [0, 1], the most likely class marked.

use super::layered_canvas::Picture;
use crate::chart::{draw_axes, draw_marks, BarAxes, BarMarks};
use crate::format::format4;
use crate::playground::argmax;
use leptos::prelude::*;

/// Probabilities (softmax or sigmoid outputs) as bars on `[0, 1]`, the most likely class
/// outlined and marked, with each value printed and an optional dashed threshold line.
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
    });
    let background = move |area: &_, style: &_| draw_axes(area, &axes.get(), style);
    let foreground = move |area: &_, style: &_| {
        let v = values.get();
        let marks = BarMarks {
            marked: Some(argmax(&v)),
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
    view! { <Picture class="probability-bars" testid background foreground height label=summary /> }
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
