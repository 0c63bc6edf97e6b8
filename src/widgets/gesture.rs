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

/// Listens on the window in the capture phase (before the slider's own handler sees the
/// event); the returned function removes the listener.
fn capture(name: &'static str, f: impl Fn(web_sys::Event) + 'static) -> impl FnOnce() {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = window().add_event_listener_with_callback_and_bool(
        name,
        callback.as_ref().unchecked_ref(),
        true,
    );
    move || {
        let _ = window().remove_event_listener_with_callback_and_bool(
            name,
            callback.as_ref().unchecked_ref(),
            true,
        );
    }
}

/// Follows pointer and key gestures on the whole page and provides [`Gesture`].
///
/// A press is seen before the control handles it, so the value it changes already belongs
/// to the gesture: the first step of a held key is judged, and held back, like the rest.
pub fn provide_gesture() -> Gesture {
    let busy = RwSignal::new(false);
    let press = capture("pointerdown", move |ev| {
        if on_control(ev.target()) {
            busy.set(true);
        }
    });
    let key_down = capture("keydown", move |ev| {
        // A held key repeats: once busy, there is nothing to read (this runs on every key).
        if busy.get_untracked() {
            return;
        }
        let key = ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .map(|k| k.key())
            .unwrap_or_default();
        if key != "Tab" && on_control(ev.target()) {
            busy.set(true);
        }
    });
    let listeners = [
        window_event_listener(leptos::ev::pointerup, move |_| busy.set(false)),
        window_event_listener(leptos::ev::pointercancel, move |_| busy.set(false)),
        window_event_listener(leptos::ev::keyup, move |_| busy.set(false)),
        window_event_listener(leptos::ev::blur, move |_| busy.set(false)),
    ];
    let removers = StoredValue::new_local(Some((press, key_down)));
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        if let Some((press, key_down)) = removers.try_update_value(|r| r.take()).flatten() {
            press();
            key_down();
        }
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
