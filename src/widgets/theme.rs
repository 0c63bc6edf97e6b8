//! Light and dark themes: the page follows `prefers-color-scheme` until the learner picks one
//! with the toggle; the choice is kept in `localStorage`.

use crate::chart::Theme;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "logit-lab.theme";

/// The theme as the page shows it, shared through context.
#[derive(Clone, Copy)]
pub struct ThemeContext {
    /// The learner's explicit choice, if any.
    pub choice: RwSignal<Option<Theme>>,
    /// What the operating system prefers.
    pub system: RwSignal<Theme>,
    /// Presenter mode: large type, high contrast, no navigation.
    pub presenter: RwSignal<bool>,
}

impl ThemeContext {
    /// The light or dark theme chosen (or followed from the system).
    pub fn base(&self) -> Theme {
        self.choice.get().unwrap_or_else(|| self.system.get())
    }

    /// The theme charts are drawn in: high contrast while presenting.
    pub fn current(&self) -> Theme {
        if self.presenter.get() {
            Theme::Contrast
        } else {
            self.base()
        }
    }

    /// Switches to the other theme and remembers the choice.
    pub fn toggle(&self) {
        let next = match self.base() {
            Theme::Light => Theme::Dark,
            _ => Theme::Light,
        };
        self.choice.set(Some(next));
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(STORAGE_KEY, name(next));
        }
    }
}

fn name(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "light",
        Theme::Dark | Theme::Contrast => "dark",
    }
}

fn system_theme() -> Theme {
    match window().match_media("(prefers-color-scheme: dark)") {
        Ok(Some(mq)) if mq.matches() => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Where presenter mode is kept for the tab (session storage).
const PRESENTER_KEY: &str = "logit-lab.presenter";

/// Reads the stored choice (anything unexpected is ignored), watches the system preference,
/// keeps `<html data-theme>` in step, and provides [`ThemeContext`].
pub fn provide_theme() -> ThemeContext {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let choice = match stored.as_deref() {
        Some("light") => Some(Theme::Light),
        Some("dark") => Some(Theme::Dark),
        _ => None,
    };
    // Presenter mode lasts for the tab (a link to a page of another bundle reloads it).
    let session = window().session_storage().ok().flatten();
    let presenting = session
        .as_ref()
        .and_then(|s| s.get_item(PRESENTER_KEY).ok().flatten())
        .is_some_and(|v| v == "true");
    let ctx = ThemeContext {
        choice: RwSignal::new(choice),
        system: RwSignal::new(system_theme()),
        presenter: RwSignal::new(presenting),
    };
    if let Ok(Some(mq)) = window().match_media("(prefers-color-scheme: dark)") {
        let system = ctx.system;
        let on_change = Closure::<dyn Fn()>::new(move || system.set(system_theme()));
        let _ = mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // Kept for the page's lifetime and removed if the app is ever unmounted.
        let keep = StoredValue::new_local(Some(on_change));
        on_cleanup(move || {
            keep.update_value(|c| {
                if let Some(c) = c.take() {
                    let _ = mq
                        .remove_event_listener_with_callback("change", c.as_ref().unchecked_ref());
                }
            })
        });
    }
    Effect::new(move |_| {
        let theme = ctx.base();
        let presenting = ctx.presenter.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", name(theme));
            if presenting {
                let _ = root.set_attribute("data-presenter", "true");
            } else {
                let _ = root.remove_attribute("data-presenter");
            }
        }
        if let Some(s) = &session {
            let _ = match presenting {
                true => s.set_item(PRESENTER_KEY, "true"),
                false => s.remove_item(PRESENTER_KEY),
            };
        }
    });
    provide_context(ctx);
    ctx
}

/// The theme context (a light default if none was provided, e.g. in an isolated test).
pub fn use_theme() -> ThemeContext {
    use_context::<ThemeContext>().unwrap_or_else(|| ThemeContext {
        choice: RwSignal::new(None),
        system: RwSignal::new(Theme::Light),
        presenter: RwSignal::new(false),
    })
}
