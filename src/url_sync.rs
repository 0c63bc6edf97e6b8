//! Keeping widget state in the address bar (WebAssembly only), so every view has a link:
//! the query after the hash path is rewritten once the state rests for [`URL_WRITE_INTERVAL`], with
//! `history.replaceState` (which neither reloads nor fires `hashchange`).

use crate::routes::{parse_query, query_of};
use leptos::prelude::*;
use std::time::Duration;

/// The current `location.hash`, kept in a signal that follows `hashchange` (provided by the
/// shell, read by pages).
#[derive(Clone, Copy)]
pub struct UrlHash(pub RwSignal<String>);

/// Reads `location.hash` ("" when unavailable).
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// How long the state must rest before the address bar is rewritten (`replaceState` costs
/// 1 to 5 ms in Chromium, too much to spend inside a drag's frames).
pub const URL_WRITE_INTERVAL: Duration = Duration::from_millis(120);

/// The hash path without its query: `"#/logits/shift?z=1"` → `"/logits/shift"`.
pub fn hash_path(hash: &str) -> &str {
    hash.trim_start_matches('#').split('?').next().unwrap_or("")
}

/// The value of `key` in the current address's query, if any.
pub fn current_query_value(key: &str) -> Option<String> {
    let hash = current_hash();
    parse_query(query_of(&hash))
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// Rewrites the address to `#<path>?<query>` if the learner is still on `path`.
pub fn replace_query(path: &str, query: &str) {
    let here = current_hash();
    if hash_path(&here) != path {
        return;
    }
    let target = if query.is_empty() {
        format!("#{path}")
    } else {
        format!("#{path}?{query}")
    };
    if here != target {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
        }
    }
}

/// Keeps the query of `path` equal to `query()` (a closure that reads signals), written once
/// the state has rested for [`URL_WRITE_INTERVAL`]: a drag rewrites the address when the
/// learner lets go (or pauses), not in the middle of its frames. While `query()` is `None`
/// the address is left as it is. If the address changes under the timer (the learner, or a
/// test, opened another link before `hashchange` was handled), nothing is written: the old
/// state must not overwrite the link being opened.
pub fn sync_query(path: String, query: impl Fn() -> Option<String> + 'static) {
    let latest = StoredValue::new(String::new());
    // The address when the state last changed.
    let base = StoredValue::new(String::new());
    // A timer is waiting; `moved`: the state changed again since it was set.
    let (pending, moved) = (StoredValue::new(false), StoredValue::new(false));
    Effect::new(move |_| {
        let Some(q) = query() else {
            return;
        };
        latest.set_value(q);
        base.set_value(current_hash());
        if pending.get_value() {
            moved.set_value(true);
            return;
        }
        pending.set_value(true);
        write_when_rested(path.clone(), latest, base, pending, moved);
    });
}

/// Waits [`URL_WRITE_INTERVAL`]; writes `latest` if nothing moved meanwhile, else waits again;
/// writes nothing if the address is no longer `base`.
fn write_when_rested(
    path: String,
    latest: StoredValue<String>,
    base: StoredValue<String>,
    pending: StoredValue<bool>,
    moved: StoredValue<bool>,
) {
    set_timeout(
        move || {
            if moved.try_get_value() == Some(true) {
                moved.set_value(false);
                write_when_rested(path, latest, base, pending, moved);
                return;
            }
            let _ = pending.try_set_value(false);
            if base.try_get_value() != Some(current_hash()) {
                return;
            }
            if let Some(q) = latest.try_get_value() {
                replace_query(&path, &q);
            }
        },
        URL_WRITE_INTERVAL,
    );
}

/// The full address of `#<path>?<query>` on this page, for sharing.
pub fn absolute_link(path: &str, query: &str) -> String {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    if query.is_empty() {
        format!("{base}#{path}")
    } else {
        format!("{base}#{path}?{query}")
    }
}

/// Copies `text` to the clipboard and calls `done(true)` once the copy succeeded, or
/// `done(false)` where it failed or there is no clipboard (plain http on another host): the
/// caller then shows the text to copy by hand. Never claims a copy before it happened.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let done = std::rc::Rc::new(done);
    let on_ok = {
        let done = done.clone();
        wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| done(true))
    };
    let on_err =
        wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| done(false));
    // `then` through Reflect: the closures free themselves when the promise settles.
    if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into()) {
        if let Ok(then) = then.dyn_into::<js_sys::Function>() {
            let _ = then.call2(&promise, &on_ok, &on_err);
        }
    }
}

/// A "Share" button: copies a link that restores exactly this view, and shows it so it can
/// also be copied by hand where the clipboard is not available.
#[component]
pub fn ShareButton(
    /// Builds the link when clicked.
    link: Callback<(), String>,
) -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    view! {
        <span class="share">
            <button
                type="button"
                data-testid="share"
                on:click=move |_| {
                    let url = link.run(());
                    copied.set(None);
                    copy_text(&url, move |ok| { let _ = copied.try_set(Some(ok)); });
                    shown.set(Some(url));
                }
            >
                "Share this view"
            </button>
            {move || shown.get().map(|url| view! {
                <label class="share-link">
                    <span data-testid="share-status">{move || match copied.get() {
                        Some(true) => "Link copied: ",
                        Some(false) => "Copy this link: ",
                        None => "Link: ",
                    }}</span>
                    <input type="text" readonly data-testid="share-link" prop:value=url on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
                </label>
            })}
        </span>
    }
}
