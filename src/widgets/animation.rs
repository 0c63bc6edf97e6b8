//! `use_animation_frame`: run a little work on every animation frame while a signal says so.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds since the page loaded (`performance.now()`), for time budgets within a frame.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// The frame callback, kept in the reactive arena (not `Send`) until cleanup drops it.
type FrameCallback = StoredValue<Option<Closure<dyn FnMut(f64)>>, LocalStorage>;

/// Calls `on_frame(elapsed)` once per animation frame while `playing` is true, with the
/// milliseconds since the previous frame (0 on the first frame after a start, at most 100
/// after a stall), so callers can advance by time rather than by frame.
///
/// The loop stops by itself when `playing` turns false (`on_frame` may do that, e.g. at
/// the end of a run), sets `playing` to false when the page is hidden (another tab, a
/// minimised window), and cancels its pending frame and drops its callback when the
/// owner is cleaned up (the step is left): no `Closure::forget`, nothing runs afterwards.
/// Keep each call short: the whole frame, drawing included, should stay under 16 ms.
pub fn use_animation_frame(playing: RwSignal<bool>, on_frame: impl Fn(f64) + 'static) {
    let callback: FrameCallback = StoredValue::new_local(None);
    let pending = StoredValue::new(None::<i32>);
    let last = StoredValue::new(None::<f64>);

    let request = move || {
        if pending.try_get_value().flatten().is_some() {
            return;
        }
        let id = callback
            .try_with_value(|c| {
                c.as_ref().and_then(|c| {
                    window()
                        .request_animation_frame(c.as_ref().unchecked_ref())
                        .ok()
                })
            })
            .flatten();
        pending.try_set_value(id);
    };
    let cancel = move || {
        if let Some(id) = pending.try_update_value(|p| p.take()).flatten() {
            let _ = window().cancel_animation_frame(id);
        }
        last.try_set_value(None);
    };

    let tick = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        pending.try_set_value(None);
        if !playing.try_get_untracked().unwrap_or(false) {
            last.try_set_value(None);
            return;
        }
        if document().hidden() {
            last.try_set_value(None);
            playing.set(false);
            return;
        }
        let elapsed = match last.try_get_value().flatten() {
            Some(t) if now.is_finite() => (now - t).clamp(0.0, 100.0),
            _ => 0.0,
        };
        last.try_set_value(Some(now));
        on_frame(elapsed);
        if playing.try_get_untracked().unwrap_or(false) {
            request();
        }
    });
    callback.set_value(Some(tick));

    Effect::new(move |_| {
        if playing.get() {
            request();
        } else {
            cancel();
        }
    });

    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            let _ = playing.try_set(false);
        }
    });
    on_cleanup(move || {
        visibility.remove();
        cancel();
        // Nothing can call the callback any more: drop it.
        drop(callback.try_update_value(|c| c.take()));
    });
}

/// What `snapshot` returns, kept up to date only while `playing` is false: panels that are
/// too costly to rebuild on every frame (code, tables) follow a run whenever it is paused.
/// The refresh runs in a task of its own (a 0 ms timer) after the change, so the animation
/// frame that ends a run does not also pay for rebuilding them.
pub fn use_settled<T: Send + Sync + 'static>(
    playing: RwSignal<bool>,
    snapshot: impl Fn() -> T + Send + Sync + 'static,
) -> ReadSignal<T> {
    let (value, set) = signal(untrack(&snapshot));
    Effect::new(move |_| {
        if playing.get() {
            return;
        }
        let next = snapshot();
        set_timeout(
            move || {
                set.try_set(next);
            },
            std::time::Duration::ZERO,
        );
    });
    value
}
