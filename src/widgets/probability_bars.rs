//! Probabilities as bars on [0, 1], the most likely class marked.

use super::layered_canvas::LayeredCanvas;
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
        let names = labels.get();
        let parts: Vec<String> = values
            .get()
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{} {}",
                    names.get(i).cloned().unwrap_or_default(),
                    format4(*p)
                )
            })
            .collect();
        format!("Bar chart of {}: {}", y_label.get(), parts.join(", "))
    });
    view! {
        <div class="probability-bars" data-testid=testid>
            <LayeredCanvas background foreground height label=summary name=testid />
        </div>
    }
}
