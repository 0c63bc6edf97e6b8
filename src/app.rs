//! The app shell: header, navigation built from the registry, hash routing (works from any
//! sub-folder), theme toggle and footer.

use crate::lessons::{bundle_of, find, Bundle, PageView, PAGES};
use crate::routes::{page_href, Route};
use crate::widgets::provide_theme;
use leptos::prelude::*;

/// Where the source code lives (linked from the footer).
pub const SOURCE_URL: &str = "https://github.com/logit-lab/logit-lab";

use crate::url_sync::{current_hash, UrlHash};

/// This WebAssembly file's bundle and the views of its pages.
#[derive(Clone, Copy)]
struct Carried {
    bundle: &'static Bundle,
    views: &'static [PageView],
}

/// Installs the panic hook and mounts the app on `<body>`, able to show the pages in `views`
/// (those of one bundle of [`crate::lessons::BUNDLES`]); any other page is another bundle's,
/// which the page is reloaded to load (index.html's loader picks the bundle from the address).
pub fn start(views: &'static [PageView]) {
    console_error_panic_hook::set_once();
    let bundle = bundle_of(views.first().map_or("", |v| v.slug));
    let slugs: Vec<&str> = views.iter().map(|v| v.slug).collect();
    if slugs != bundle.pages {
        leptos::logging::error!(
            "bundle {} carries {slugs:?}, but lessons::BUNDLES lists {:?}",
            bundle.bin,
            bundle.pages
        );
    }

    // index.html's static shell (header, navigation, a loading note) gives way to the app.
    while let Ok(Some(boot)) = document().query_selector("[data-boot]") {
        boot.remove();
    }
    let carried = Carried { bundle, views };
    leptos::mount::mount_to_body(move || {
        provide_context(carried);
        view! { <App /> }
    });
    register_service_worker();
}

/// Registers `sw.js` (next to index.html) so the app works offline after the first visit.
/// Skipped where service workers are unavailable (e.g. plain http on another host).
fn register_service_worker() {
    let navigator = window().navigator();
    let has_sw = js_sys::Reflect::has(
        &navigator,
        &wasm_bindgen::JsValue::from_str("serviceWorker"),
    )
    .unwrap_or(false);
    if has_sw && window().is_secure_context() {
        use wasm_bindgen::JsCast;
        let promise = navigator.service_worker().register("./sw.js");
        // A failed registration only costs offline use: say so quietly instead of leaving an
        // unhandled rejection.
        let on_error = wasm_bindgen::closure::Closure::once_into_js(|e: wasm_bindgen::JsValue| {
            leptos::logging::warn!("offline use unavailable: {e:?}");
        });
        if let Ok(catch) = js_sys::Reflect::get(&promise, &wasm_bindgen::JsValue::from_str("catch"))
        {
            if let Ok(catch) = catch.dyn_into::<js_sys::Function>() {
                let _ = catch.call1(&promise, &on_error);
            }
        }
    }
}

/// The page on screen belongs to another bundle: reload, so that index.html's loader loads
/// that bundle (one reload per address: should the loader and [`crate::lessons::BUNDLES`]
/// ever disagree, the page says so instead of reloading for ever).
fn open_bundle_of(slug: &str, here: &'static Bundle) -> AnyView {
    let there = bundle_of(slug);
    let hash = current_hash();
    let storage = window().session_storage().ok().flatten();
    let tried = storage
        .as_ref()
        .and_then(|s| s.get_item(RELOAD_KEY).ok().flatten())
        .is_some_and(|h| h == hash);
    if there != here && !tried {
        if let Some(s) = &storage {
            let _ = s.set_item(RELOAD_KEY, &hash);
        }
        let _ = window().location().reload();
        return view! { <p class="boot-note" role="status">"Loading this page…"</p> }.into_any();
    }
    leptos::logging::error!("no bundle shows {slug:?} (this is {})", here.bin);
    view! { <NotFound /> }.into_any()
}

/// Where the address last reloaded for is kept (session storage), against reload loops.
const RELOAD_KEY: &str = "logit-lab.bundle-reload";

/// This bundle shows the page: a later move to another bundle may reload again. Arrived by
/// such a reload, the keyboard continues at the page's content (as after "Skip to content"),
/// not at the top of a new document.
fn shown_here() {
    let Some(s) = window().session_storage().ok().flatten() else {
        return;
    };
    if s.get_item(RELOAD_KEY).ok().flatten().is_some() {
        let _ = s.remove_item(RELOAD_KEY);
        request_animation_frame(focus_main);
    }
}

/// Moves the keyboard focus to the page's content (`<main>`).
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let carried = expect_context::<Carried>();
    let theme = provide_theme();
    let progress = crate::lessons::view::provide_progress();
    crate::widgets::provide_gesture();
    let hash = RwSignal::new(current_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| hash.set(current_hash()));
    on_cleanup(move || listener.remove());
    // P toggles presenter mode, Escape leaves it (not while typing or on a slider).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        if crate::lessons::view::is_typing(ev.target()) {
            return;
        }
        match ev.key().as_str() {
            "p" | "P" => theme.presenter.update(|p| *p = !*p),
            "Escape" if theme.presenter.get_untracked() => theme.presenter.set(false),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    provide_context(UrlHash(hash));
    let route = Memo::new(move |_| Route::parse(&hash.get()));
    // The page on screen, keyed on the page alone: moving between a lesson's steps keeps the
    // lesson mounted (it shows the step itself); `Some(None)` is the home page, `None` not found.
    let page = Memo::new(move |_| match route.get() {
        Route::Home => Some(None),
        Route::Page { slug, .. } => find(&slug).map(|p| Some(p.slug)),
        Route::NotFound(_) => None,
    });

    Effect::new(move |_| {
        let title = match route.get() {
            Route::Home => "Logit Lab".to_string(),
            Route::Page { slug, .. } => match find(&slug) {
                Some(page) => format!("{} · Logit Lab", page.title),
                None => "Page not found · Logit Lab".to_string(),
            },
            Route::NotFound(_) => "Page not found · Logit Lab".to_string(),
        };
        document().set_title(&title);
    });

    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    let is_current = move |slug: Option<&'static str>| {
        let r = route.get();
        match (slug, r) {
            (None, Route::Home) => Some("page"),
            (Some(s), Route::Page { slug, .. }) if slug == s => Some("page"),
            _ => None,
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"σ"</span>
                "Logit Lab"
            </a>
            <div class="header-tools">
            <button
                class="theme-toggle"
                type="button"
                data-testid="theme-toggle"
                aria-pressed=move || (theme.base() == crate::chart::Theme::Dark).to_string()
                on:click=move |_| theme.toggle()
            >
                {move || match theme.base() {
                    crate::chart::Theme::Light => "☾ Dark theme",
                    _ => "☀ Light theme",
                }}
            </button>
            <button
                class="presenter-toggle"
                type="button"
                data-testid="presenter-toggle"
                aria-pressed=move || theme.presenter.get().to_string()
                title="Presenter mode: large type, high contrast, no navigation (key P)"
                on:click=move |_| theme.presenter.update(|p| *p = !*p)
            >
                {move || if theme.presenter.get() { "✕ Leave presenter mode" } else { "▶ Present (P)" }}
            </button>
            </div>
        </header>
        <nav class="site-nav" aria-label="Pages">
            <ul>
                <li>
                    <a href="#/" aria-current=move || is_current(None)>"Home"</a>
                </li>
                {PAGES
                    .iter()
                    .map(|page| {
                        let slug = page.slug;
                        view! {
                            <li>
                                <a href=page_href(slug) aria-current=move || is_current(Some(slug))>
                                    {page.nav_label}
                                    {page.lesson.map(|lesson| view! {
                                        <span class="nav-progress" data-testid=format!("nav-progress-{slug}")>
                                            {move || { let (d, t) = progress.count(lesson); format!(" {d}/{t}") }}
                                            <span class="visually-hidden">" tasks done"</span>
                                        </span>
                                    })}
                                </a>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </nav>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Some(Some(slug)) => match carried.views.iter().find(|v| v.slug == slug) {
                    Some(view) => {
                        shown_here();
                        untrack(view.render)
                    }
                    None => open_bundle_of(slug, carried.bundle),
                },
                Some(None) if carried.bundle != &crate::lessons::BUNDLES[0] => {
                    open_bundle_of("", carried.bundle)
                }
                Some(None) => {
                    shown_here();
                    view! { <Home /> }.into_any()
                }
                None => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>
                "Logit Lab: drag the numbers, watch the maths. Runs entirely in your browser. "
                <a href=SOURCE_URL rel="noopener">"Source code"</a>
            </p>
        </footer>
    }
}

/// The welcome page: what the app is for, and every page in the registry.
#[component]
fn Home() -> impl IntoView {
    view! {
        <section class="home" data-testid="page-home">
            <h1>"Logit Lab"</h1>
            <p class="lede">
                "What is a logit? Why does Keras want "<code>"from_logits=True"</code>
                "? When is softmax the wrong output? Here you answer such questions by "
                "dragging numbers on live charts and watching every probability, loss and "
                "gradient respond, computed exactly as Keras computes them."
            </p>
            <ul class="cards">
                {PAGES
                    .iter()
                    .map(|page| {
                        view! {
                            <li class="card">
                                <h2>
                                    <a href=page_href(page.slug)>{page.title}</a>
                                </h2>
                                <p>{page.blurb}</p>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}

/// Shown for an address the app does not know.
#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section data-testid="page-not-found">
            <h1>"Page not found"</h1>
            <p>
                "This address does not match any page. "
                <a href="#/">"Go to the home page"</a>
                " or pick a page from the navigation."
            </p>
        </section>
    }
}
