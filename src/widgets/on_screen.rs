//! What may wait while the learner drags: anything off the screen (readouts in tables, code,
//! charts further down) skips the drag's frames and catches up when the gesture ends or the
//! moment it scrolls into view. What the learner can see stays live.

use super::gesture_active;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One observer for the whole page and the elements it watches, each with its signal.
struct Watch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
    watched: Vec<(web_sys::Element, RwSignal<bool>)>,
}

thread_local! {
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
}

/// The page's observer, made on first use (`None` where the browser has none).
fn with_watch<R>(f: impl FnOnce(&mut Watch) -> R) -> Option<R> {
    WATCH.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            let callback = Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
                // Signals are set after the borrow ends: a signal's subscribers may watch more.
                let mut changed = Vec::new();
                WATCH.with(|w| {
                    if let Some(w) = w.borrow().as_ref() {
                        for entry in entries
                            .iter()
                            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                        {
                            let target = entry.target();
                            if let Some((_, seen)) = w.watched.iter().find(|(el, _)| *el == target)
                            {
                                changed.push((*seen, entry.is_intersecting()));
                            }
                        }
                    }
                });
                for (seen, now) in changed {
                    let _ = seen.try_set(now);
                }
            });
            let observer =
                web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            *w = Some(Watch {
                observer,
                _callback: callback,
                watched: Vec::new(),
            });
        }
        w.as_mut().map(f)
    })
}

/// Whether the element is on the screen, from one page-wide `IntersectionObserver`; the
/// element is unobserved when the owner is cleaned up. True until the browser first says
/// otherwise, and always where it has no observer: nothing waits for a browser that cannot say.
pub fn use_on_screen<E>(target: NodeRef<E>) -> Signal<bool>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let seen = RwSignal::new(true);
    let watching = StoredValue::new_local(None::<web_sys::Element>);
    // Stops watching the element watched so far (a new one, or the owner's cleanup).
    let unwatch = move || {
        if let Some(el) = watching.try_update_value(|w| w.take()).flatten() {
            with_watch(|w| {
                w.observer.unobserve(&el);
                w.watched.retain(|(e, _)| *e != el);
            });
        }
    };
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        unwatch();
        let el: web_sys::Element = el.unchecked_into();
        with_watch(|w| {
            w.observer.observe(&el);
            w.watched.push((el.clone(), seen));
        });
        watching.set_value(Some(el));
    });
    on_cleanup(unwatch);
    seen.into()
}

/// What `snapshot` returns, kept as it was while `hold` is true: then `snapshot` is not
/// called (nor what it reads tracked), and the value catches up when the hold ends.
pub fn hold_while<T>(
    hold: Signal<bool>,
    snapshot: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |before: Option<&T>| match before {
        Some(kept) if hold.get() => kept.clone(),
        _ => snapshot(),
    })
}

/// True while the learner drags (or holds a slider key) and the element is off the screen:
/// then it need not follow. Read it before the values it shows, and return early when it is
/// true, so that nothing it would show is even computed.
pub fn use_held<E>(target: NodeRef<E>) -> Signal<bool>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let seen = use_on_screen(target);
    let gesture = gesture_active();
    Signal::derive(move || gesture.get() && !seen.get())
}

/// What `snapshot` returns, except while [`use_held`] says the element may wait: then
/// `snapshot` is not called, and the value catches up when the hold ends.
pub fn use_live_while_seen<E, T>(
    target: NodeRef<E>,
    snapshot: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    hold_while(use_held(target), snapshot)
}
