//! One way to drag on every chart: a press that starts a drag captures the pointer (the drag
//! goes on outside the chart's box), moves while held are reported, and release, cancel or a
//! lost capture end it. Handlers read state untracked; nothing is left behind on cleanup
//! (the handlers live on the element).

use super::layered_canvas::press_origin;
use crate::chart::PlotMapping;
use leptos::ev::PointerEvent;
use leptos::prelude::*;

/// The three handlers of a pointer drag, to put on the element as `on:pointerdown=down`,
/// `on:pointermove=moved` and `on:pointerup` / `on:pointercancel` / `on:lostpointercapture=end`.
pub struct PointerDrag<D, M, E> {
    /// For `pointerdown`.
    pub down: D,
    /// For `pointermove`.
    pub moved: M,
    /// For `pointerup`, `pointercancel` and `lostpointercapture`.
    pub end: E,
}

/// A drag on `target`: `start` decides on a press whether a drag begins and what it holds
/// (a bar's index, whether a stroke erases…), doing the first move itself; `drag` runs for
/// every move while held; `hover` for moves with nothing held.
pub fn use_pointer_drag<T: Clone + 'static>(
    target: NodeRef<leptos::html::Div>,
    start: impl Fn(&PointerEvent) -> Option<T> + 'static,
    drag: impl Fn(&T, &PointerEvent) + 'static,
    hover: impl Fn(&PointerEvent) + 'static,
) -> PointerDrag<
    impl Fn(PointerEvent) + Copy + 'static,
    impl Fn(PointerEvent) + Copy + 'static,
    impl Fn(PointerEvent) + Copy + 'static,
> {
    let held = StoredValue::new_local(None::<T>);
    let start = StoredValue::new_local(start);
    let drag = StoredValue::new_local(drag);
    let hover = StoredValue::new_local(hover);
    let down = move |ev: PointerEvent| {
        let Some(el) = target.get_untracked() else {
            return;
        };
        if let Some(t) = start.with_value(|f| f(&ev)) {
            ev.prevent_default();
            let _ = el.set_pointer_capture(ev.pointer_id());
            held.set_value(Some(t));
        }
    };
    let moved = move |ev: PointerEvent| match held.get_value() {
        Some(t) => {
            ev.prevent_default();
            drag.with_value(|f| f(&t, &ev));
        }
        None => hover.with_value(|f| f(&ev)),
    };
    let end = move |ev: PointerEvent| {
        if held.with_value(|h| h.is_some()) {
            held.set_value(None);
            if let Some(el) = target.get_untracked() {
                if el.has_pointer_capture(ev.pointer_id()) {
                    let _ = el.release_pointer_capture(ev.pointer_id());
                }
            }
        }
    };
    PointerDrag { down, moved, end }
}

/// What a widget the learner drags on starts with: the signal its background reports the
/// plot mapping to (pixels back to data) and the element its drag is on.
pub fn use_drag_target() -> (RwSignal<Option<PlotMapping>>, NodeRef<leptos::html::Div>) {
    (RwSignal::new(None), NodeRef::new())
}

/// A drag on the chart in `container` (a primary-button press on its drawing), reported in
/// CSS pixels from the plot canvas's top-left corner. The corner is measured once per press,
/// not per move (that would force a layout on every update). `start` gets the press and
/// says what the drag holds; `drag` gets every move while held.
pub fn use_chart_drag<T: Clone + 'static>(
    container: NodeRef<leptos::html::Div>,
    start: impl Fn((f64, f64)) -> Option<T> + 'static,
    drag: impl Fn(&T, (f64, f64)) + 'static,
) -> PointerDrag<
    impl Fn(PointerEvent) + Copy + 'static,
    impl Fn(PointerEvent) + Copy + 'static,
    impl Fn(PointerEvent) + Copy + 'static,
> {
    let origin = StoredValue::new((0.0f64, 0.0f64));
    let on_canvas = move |ev: &PointerEvent| {
        let (left, top) = origin.get_value();
        (ev.client_x() as f64 - left, ev.client_y() as f64 - top)
    };
    use_pointer_drag(
        container,
        move |ev| {
            origin.set_value(press_origin(ev, container)?);
            start(on_canvas(ev))
        },
        move |held, ev| drag(held, on_canvas(ev)),
        |_| {},
    )
}

/// A widget's box with a pointer drag on it: the drag's handlers on the box, `children`
/// inside (the chart and its slider handles).
#[component]
pub fn DragBox<D, M, E>(
    /// CSS class of the box.
    class_name: &'static str,
    /// `data-testid` of the widget.
    testid: &'static str,
    /// The box, the element the drag was made for.
    target: NodeRef<leptos::html::Div>,
    /// The drag's handlers, from [`use_pointer_drag`].
    drag: PointerDrag<D, M, E>,
    /// What the box holds.
    children: Children,
) -> impl IntoView
where
    D: Fn(PointerEvent) + Copy + 'static,
    M: Fn(PointerEvent) + Copy + 'static,
    E: Fn(PointerEvent) + Copy + 'static,
{
    view! {
        <div
            class=class_name
            data-testid=testid
            node_ref=target
            on:pointerdown=drag.down
            on:pointermove=drag.moved
            on:pointerup=drag.end
            on:pointercancel=drag.end
            on:lostpointercapture=drag.end
        >
            {children()}
        </div>
    }
}
