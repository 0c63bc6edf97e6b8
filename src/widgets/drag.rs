//! One way to drag on every chart: a press that starts a drag captures the pointer (the drag
//! goes on outside the chart's box), moves while held are reported, and release, cancel or a
//! lost capture end it. Handlers read state untracked; nothing is left behind on cleanup
//! (the handlers live on the element).

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
