//! A function curve (or two) with a point the learner drags along it.

use super::drag::{use_chart_drag, use_drag_target, DragBox};
use super::layered_canvas::LayeredCanvas;
use super::on_screen::use_live_while_seen;
use super::point_handle::{HandleState, PointHandle};
use super::slider_keys::{apply, slider_key_step};
use crate::chart::{draw_axes, draw_marks, CurveAxes, CurveKind};
use crate::format::{format4, format_full};
use leptos::prelude::*;

/// One or two function curves with a point the learner drags along the first one.
///
/// The point is a focusable `role="slider"` over its x value: arrows move it by `step`,
/// PageUp/PageDown by ten steps, Home/End to the ends of the x range.
#[component]
pub fn CurvePlot(
    /// The curves; the point rides on the first.
    #[prop(into)]
    curves: Signal<Vec<CurveKind>>,
    /// Visible x range.
    #[prop(into)]
    x_range: Signal<(f64, f64)>,
    /// Visible y range.
    #[prop(into)]
    y_range: Signal<(f64, f64)>,
    /// x axis title.
    #[prop(into)]
    x_label: String,
    /// y axis title.
    #[prop(into)]
    y_label: String,
    /// The point's x value.
    #[prop(into)]
    point: Signal<f64>,
    /// Called with the new x when the point is dragged or moved by key.
    on_change: Callback<f64>,
    /// Keyboard step for the arrows.
    #[prop(default = 0.1)]
    step: f64,
    /// `data-testid` of the widget.
    #[prop(default = "curve-plot")]
    testid: &'static str,
    /// What the point's x is called for screen readers ("logit z").
    #[prop(into)]
    value_name: String,
    /// Chart height in CSS pixels.
    #[prop(default = 280)]
    height: u32,
) -> impl IntoView {
    let (mapping, container) = use_drag_target();
    let x_label_for_axes = x_label.clone();
    let axes = Memo::new(move |_| CurveAxes {
        x_range: x_range.get(),
        y_range: y_range.get(),
        x_label: x_label_for_axes.clone(),
        y_label: y_label.clone(),
        curves: curves.get(),
    });
    let rider = move || curves.with(|c| c.first().copied().unwrap_or(CurveKind::Identity));
    let set_from_pointer = move |px: f64| {
        let Some(m) = mapping.get_untracked() else {
            return;
        };
        let x = m.x_at(px);
        let digits = 1e3;
        on_change.run((x * digits).round() / digits);
    };
    let background = move |area: &_, style: &_| draw_axes(area, &axes.get(), style);
    let foreground = move |area: &_, style: &_| {
        draw_marks(area, &axes.get(), &(rider(), point.get()), style).map(|_| ())
    };
    let name = value_name.clone();
    let summary = Signal::derive(move || {
        let labels: Vec<String> = curves.get().iter().map(|c| c.label()).collect();
        format!("Plot of {}", labels.join(" and "))
    });
    // While the learner drags something else and this plot is off the screen, the handle
    // waits (no style or ARIA rewrite per frame) and catches up when the gesture ends or the
    // plot scrolls into view.
    let shown = use_live_while_seen(container, move || (mapping.get(), point.get()));
    let state = Memo::new(move |_| {
        let (m, x) = shown.get();
        let m = m?;
        let y = rider().eval(x);
        let (lo, hi) = x_range.get();
        let py = if y.is_finite() {
            y.clamp(m.y_range.0, m.y_range.1)
        } else {
            m.y_range.0
        };
        Some(HandleState {
            min: format_full(lo),
            max: format_full(hi),
            now: format_full(x),
            text: format!("{name} {}, curve value {}", format4(x), format4(y)),
            threshold: None,
            px: m.px_of(x.clamp(lo, hi)),
            py: m.py_of(py),
        })
    });
    let on_keydown = Callback::new(move |ev: leptos::ev::KeyboardEvent| {
        if let Some(k) = slider_key_step(&ev.key(), step, step * 10.0) {
            ev.prevent_default();
            let (lo, hi) = x_range.get_untracked();
            on_change.run(apply(k, point.get_untracked(), lo, hi));
        }
    });
    let drag = use_chart_drag(
        container,
        move |(px, _)| {
            let el = container.get_untracked()?;
            if let Ok(Some(h)) = el.query_selector("[role=slider]") {
                use wasm_bindgen::JsCast;
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
            set_from_pointer(px);
            Some(())
        },
        move |_, (px, _)| set_from_pointer(px),
    );
    view! {
        <DragBox class_name="curve-plot" testid target=container drag>
            <LayeredCanvas background foreground mapping height label=summary name=testid>
                <PointHandle label=value_name state on_keydown />
            </LayeredCanvas>
        </DragBox>
    }
}
