//! A ROC curve with a draggable operating point.

use super::drag::{use_chart_drag, use_drag_target, DragBox};
use super::layered_canvas::LayeredCanvas;
use super::on_screen::use_live_while_seen;
use super::point_handle::{HandleState, PointHandle};
use crate::chart::roc::nearest_point;
use crate::chart::{draw_axes, draw_marks, RocCurve};
use crate::format::{format4, format_full};
use crate::math::RocPoint;
use leptos::prelude::*;

/// A ROC curve with a draggable operating point. Dragging snaps to the nearest point of the
/// curve; the point is also a `role="slider"` over the thresholds: arrows step one threshold
/// (right/up lowers it, moving up the curve), PageUp/PageDown five, Home/End to the ends.
#[component]
pub fn RocPlot(
    /// The curve, from threshold +∞ at (0, 0) downwards.
    #[prop(into)]
    points: Signal<Vec<RocPoint>>,
    /// Index of the operating point in `points`.
    #[prop(into)]
    index: Signal<usize>,
    /// Called with the new index.
    on_change: Callback<usize>,
    /// `data-testid` of the widget.
    #[prop(default = "roc-plot")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 320)]
    height: u32,
) -> impl IntoView {
    let (mapping, container) = use_drag_target();
    let pick = move |(px, py): (f64, f64)| {
        let Some(m) = mapping.get_untracked() else {
            return;
        };
        let (x, y) = (m.x_at(px), m.y_at(py));
        let i = points.with_untracked(|p| nearest_point(p, x, y));
        on_change.run(i);
    };
    let background = move |area: &_, style: &_| {
        points.with(|points| draw_axes(area, &RocCurve { points }, style))
    };
    let foreground = move |area: &_, style: &_| {
        points
            .with(|points| draw_marks(area, &RocCurve { points }, &index.get(), style))
            .map(|_| ())
    };
    let label =
        Signal::derive(|| "ROC curve: true positive rate against false positive rate".to_string());
    // Off the screen while the learner drags something else, the handle waits (see CurvePlot).
    let shown = use_live_while_seen(container, move || (mapping.get(), index.get()));
    let state = Memo::new(move |_| {
        let (m, i) = shown.get();
        let m = m?;
        points.with(|pts| {
            let i = i.min(pts.len().saturating_sub(1));
            let p = *pts.get(i)?;
            let threshold = if p.threshold.is_finite() {
                format4(p.threshold)
            } else {
                "∞ (nothing positive)".to_string()
            };
            Some(HandleState {
                min: "0".into(),
                max: (pts.len() - 1).to_string(),
                now: i.to_string(),
                text: format!(
                    "threshold {threshold}: false positive rate {}, true positive rate {}",
                    format4(p.fpr),
                    format4(p.tpr)
                ),
                threshold: Some(format_full(p.threshold)),
                px: m.px_of(p.fpr),
                py: m.py_of(p.tpr),
            })
        })
    });
    let on_keydown = Callback::new(move |ev: leptos::ev::KeyboardEvent| {
        let i = index.get_untracked();
        let n = points.with_untracked(|p| p.len());
        if n == 0 {
            return;
        }
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => Some((i + 1).min(n - 1)),
            "ArrowLeft" | "ArrowDown" => Some(i.saturating_sub(1)),
            "PageUp" => Some((i + 5).min(n - 1)),
            "PageDown" => Some(i.saturating_sub(5)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            _ => None,
        };
        if let Some(j) = next {
            ev.prevent_default();
            on_change.run(j);
        }
    });
    let drag = use_chart_drag(
        container,
        move |at| {
            pick(at);
            Some(())
        },
        move |_, at| pick(at),
    );
    view! {
        <DragBox class_name="curve-plot roc-plot" testid target=container drag>
            <LayeredCanvas background foreground mapping height label name=testid>
                <PointHandle label="Threshold on the ROC curve" state on_keydown />
            </LayeredCanvas>
        </DragBox>
    }
}
