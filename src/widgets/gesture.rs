//! Whether the learner is in the middle of a gesture (a pointer held down on a chart or a
//! slider, or a key held on a slider), so that tasks are judged on the state the learner
//! settles on, not on a value a drag merely passes through.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True while a pointer or a slider key is held (shared through context).
#[derive(Clone, Copy)]
pub struct Gesture(pub RwSignal<bool>);

/// Whether an event starts on something the learner moves: a slider, a range input or a chart.
fn on_control(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| {
            el.closest("[role=slider], input[type=range], canvas")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Follows pointer and key gestures on the whole page and provides [`Gesture`].
pub fn provide_gesture() -> Gesture {
    let busy = RwSignal::new(false);
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |ev| {
            if on_control(ev.target()) {
                busy.set(true);
            }
        }),
        window_event_listener(leptos::ev::pointerup, move |_| busy.set(false)),
        window_event_listener(leptos::ev::pointercancel, move |_| busy.set(false)),
    ];
    let key_down = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Tab" && on_control(ev.target()) && !busy.get_untracked() {
            busy.set(true);
        }
    });
    let key_up = window_event_listener(leptos::ev::keyup, move |_| busy.set(false));
    let blur = window_event_listener(leptos::ev::blur, move |_| busy.set(false));
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        key_down.remove();
        key_up.remove();
        blur.remove();
    });
    let g = Gesture(busy);
    provide_context(g);
    g
}

/// Whether a gesture is under way (`false` where no [`Gesture`] is provided).
pub fn gesture_active() -> Signal<bool> {
    match use_context::<Gesture>() {
        Some(Gesture(busy)) => busy.into(),
        None => Signal::derive(|| false),
    }
}
