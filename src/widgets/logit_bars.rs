//! Draggable logit bars: one focusable slider per class.

use super::drag::{use_chart_drag, use_drag_target, DragBox};
use super::layered_canvas::LayeredCanvas;
use super::probability_bars::bar_summary;
use super::slider_keys::{apply, slider_key_step};
use crate::chart::{draw_axes, draw_marks, BarAxes, BarMarks};
use crate::format::{format4, format_full};
use crate::playground::argmax;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rounds a dragged value to a step that still moves smoothly at this range (1/1000 of it),
/// so URLs and readouts stay short.
fn round_drag(value: f64, range: f64) -> f64 {
    let step = 10f64.powf((range / 1000.0).log10().floor()).max(1e-6);
    if step < 1.0 {
        // Divide by the integer 1/step: 4.02 stays 4.02 (multiplying by 0.01 would not).
        let per_unit = (1.0 / step).round();
        (value * per_unit).round() / per_unit
    } else {
        (value / step).round() * step
    }
}

/// Draggable bars whose heights are logits (any real number in `[-range, range]`).
///
/// Drag a bar with mouse, touch or pen (the drag follows the pointer even outside the chart).
/// Each bar is also a focusable `role="slider"`: arrows move it by 0.1, PageUp/PageDown by 1,
/// Home/End to the ends. The highest logit is outlined and marked ▲ under its label.
#[component]
pub fn LogitBars(
    /// The logits, one per class.
    #[prop(into)]
    values: Signal<Vec<f64>>,
    /// Called with `(class, new logit)` when the learner drags or presses a key.
    on_change: Callback<(usize, f64)>,
    /// Half-width of the visible range: the chart shows `[-range, range]`.
    #[prop(into)]
    range: Signal<f64>,
    /// One label per class, e.g. "class 0".
    #[prop(into)]
    labels: Signal<Vec<String>>,
    /// Optional arrows from each bar's top (the step gradient descent would take).
    #[prop(optional, into)]
    arrows: Option<Signal<Vec<f64>>>,
    /// `data-testid` of the widget.
    #[prop(default = "logit-bars")]
    testid: &'static str,
    /// What each slider's value is called for screen readers ("Logit").
    #[prop(default = "Logit")]
    value_name: &'static str,
    /// Class 0 is a segmentation background, grey as in the class maps.
    #[prop(optional)]
    background_class: bool,
    /// Chart height in CSS pixels.
    #[prop(default = 280)]
    height: u32,
) -> impl IntoView {
    let (mapping, container) = use_drag_target();
    let count = Memo::new(move |_| values.with(|v| v.len()));
    let axes = Memo::new(move |_| BarAxes {
        classes: count.get(),
        y_range: (-range.get(), range.get()),
        y_label: format!("{} z", value_name.to_lowercase()),
        class_labels: labels.get(),
        background_class,
    });

    let set_from_pointer = move |i: usize, py: f64| {
        let Some(m) = mapping.get_untracked() else {
            return;
        };
        let r = range.get_untracked();
        let v = round_drag(m.y_at(py), r).clamp(-r, r);
        on_change.run((i, v));
    };
    let focus_slider = move |i: usize| {
        if let Some(el) = container.get_untracked() {
            if let Ok(list) = el.query_selector_all("[role=slider]") {
                if let Some(node) = list.item(i as u32) {
                    if let Ok(h) = node.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        }
    };
    let drag = use_chart_drag(
        container,
        move |(x, y)| {
            let m = mapping.get_untracked()?;
            let n = count.get_untracked();
            if n == 0 || x < m.left || x > m.left + m.width {
                return None;
            }
            let i = (m.x_at(x).floor() as usize).min(n - 1);
            focus_slider(i);
            set_from_pointer(i, y);
            Some(i)
        },
        move |i, (_, y)| set_from_pointer(*i, y),
    );

    // A polite live region: after the values settle for 700 ms (not on every key repeat or
    // drag step), say what changed.
    let announcement = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    Effect::new(move |previous: Option<Vec<f64>>| {
        let now = values.get();
        if let Some(before) = previous {
            if let Some(i) = (0..now.len()).find(|&i| before.get(i) != now.get(i)) {
                let g = generation.get_value().wrapping_add(1);
                generation.set_value(g);
                let label = labels
                    .with_untracked(|l| l.get(i).cloned().unwrap_or_else(|| format!("class {i}")));
                let text = format!("{label}: {} {}", value_name.to_lowercase(), format4(now[i]));
                set_timeout(
                    move || {
                        if generation.try_get_value() == Some(g) {
                            let _ = announcement.try_set(text);
                        }
                    },
                    std::time::Duration::from_millis(700),
                );
            }
        }
        now
    });
    let background = move |area: &_, style: &_| draw_axes(area, &axes.get(), style);
    let foreground = move |area: &_, style: &_| {
        let v = values.get();
        let marks = BarMarks {
            // One bar (a regression output) has no "largest" to mark.
            marked: (v.len() > 1).then(|| argmax(&v)),
            truth: None,
            arrows: arrows.map(|a| a.get()),
            value_labels: true,
            threshold: None,
            values: v,
        };
        draw_marks(area, &axes.get(), &marks, style).map(|_| ())
    };
    let summary = Signal::derive(move || {
        labels.with(|names| values.with(|v| bar_summary("logits", names, v)))
    });

    // The sliders are made when the chart is first laid out or the number of classes changes,
    // and then only have their attributes set: made again on a redraw of the axes (new labels),
    // they would lose the keyboard focus.
    let layout = Memo::new(move |_| mapping.get());
    let laid_out = Memo::new(move |_| layout.with(Option::is_some));
    let sliders = move || {
        if !laid_out.get() {
            return Vec::new();
        }
        let n = count.get();
        (0..n)
            .map(|i| {
                let value = Memo::new(move |_| values.with(|v| v.get(i).copied().unwrap_or(0.0)));
                let label = move || labels.with(|l| l.get(i).cloned().unwrap_or_else(|| format!("class {i}")));
                let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
                    if let Some(step) = slider_key_step(&ev.key(), 0.1, 1.0) {
                        ev.prevent_default();
                        let r = range.get_untracked();
                        on_change.run((i, apply(step, value.get_untracked(), -r, r)));
                    }
                };
                view! {
                    <div
                        class="bar-slider"
                        role="slider"
                        tabindex="0"
                        aria-orientation="vertical"
                        aria-label=move || format!("{value_name} of {}", label())
                        aria-valuemin=move || format_full(-range.get())
                        aria-valuemax=move || format_full(range.get())
                        aria-valuenow=move || format_full(value.get())
                        aria-valuetext=move || format!("{}: {} {}", label(), value_name.to_lowercase(), format4(value.get()))
                        data-class=i
                        style=move || {
                            let Some(m) = layout.get() else {
                                return String::new();
                            };
                            let w = m.width / n.max(1) as f64;
                            format!(
                                "left: {:.1}px; top: {:.1}px; width: {:.1}px; height: {:.1}px",
                                m.left + w * i as f64,
                                m.top,
                                w,
                                m.height,
                            )
                        }
                        on:keydown=on_keydown
                    ></div>
                }
            })
            .collect::<Vec<_>>()
    };

    view! {
        <DragBox class_name="logit-bars" testid target=container drag>
            <LayeredCanvas background foreground mapping height label=summary name=testid>
                {sliders}
            </LayeredCanvas>
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{testid}-live")>{move || announcement.get()}</p>
        </DragBox>
    }
}
