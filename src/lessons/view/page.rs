//! The lesson page: the question, the step list with done marks, one step at a time with its
//! own URL, keys, presenter mode's step keys and the polite announcer.

use super::super::lesson::StepView;
use super::super::lesson::{predict_key, task_key};
use super::super::Lesson;
use super::progress::use_progress;
use super::step_state::StepContext;
use crate::lessons::PAGES;
use crate::routes::{page_href, step_href, Route};
use crate::url_sync::{current_hash, ShareButton, UrlHash};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// Whether a key event comes from a text field or a select (where letters are typing).
pub fn is_typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_uppercase();
    match tag.as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("radio" | "checkbox" | "range" | "button")
        ),
        _ => el.get_attribute("contenteditable").is_some(),
    }
}

fn is_interactive(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_uppercase();
    matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON")
        || el.get_attribute("role").as_deref() == Some("slider")
        || el
            .closest("[role=slider], [contenteditable]")
            .ok()
            .flatten()
            .is_some()
}

/// A whole lesson page.
pub fn render_lesson(
    lesson: &'static Lesson,
    views: &'static [StepView],
    title: &'static str,
) -> AnyView {
    view! { <LessonView lesson views title /> }.into_any()
}

#[component]
fn LessonView(
    lesson: &'static Lesson,
    views: &'static [StepView],
    title: &'static str,
) -> impl IntoView {
    let UrlHash(hash) = expect_context::<UrlHash>();
    let progress = use_progress();
    let requested = Memo::new(move |_| match Route::parse(&hash.get()) {
        Route::Page { step, .. } => step,
        _ => None,
    });
    let index = Memo::new(move |_| {
        requested
            .get()
            .and_then(|id| lesson.step_index(&id))
            .unwrap_or(0)
    });
    let unknown_step =
        Memo::new(move |_| requested.get().filter(|id| lesson.step_index(id).is_none()));
    let last = lesson.steps.len().saturating_sub(1);
    let go = move |i: usize| {
        if let Some(step) = lesson.steps.get(i) {
            let _ = window()
                .location()
                .set_hash(&step_href(lesson.slug, step.id)[1..]);
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || is_interactive(ev.target())
        {
            return;
        }
        let i = index.get_untracked();
        match ev.key().as_str() {
            "ArrowRight" if i < last => go(i + 1),
            "ArrowLeft" if i > 0 => go(i - 1),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    // Moving to another step brings its heading into view and focus (not on first load).
    Effect::new(move |prev: Option<usize>| {
        let i = index.get();
        if prev.is_some() && prev != Some(i) {
            if let Some(h) = document().get_element_by_id("step-title") {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                    h.scroll_into_view();
                }
            }
        }
        i
    });

    let announcement = RwSignal::new(String::new());
    let step_list = move || {
        lesson
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let done = move || {
                    step.tasks.iter().all(|t| progress.is_done(&task_key(lesson.slug, step.id, t.id)))
                        && !step.tasks.is_empty()
                };
                view! {
                    <li class:done=done>
                        <a
                            href=step_href(lesson.slug, step.id)
                            aria-current=move || (index.get() == i).then_some("step")
                        >
                            <span class="step-mark" aria-hidden="true">{move || if done() { "✓" } else { "" }}</span>
                            {format!("{}. {}", i + 1, step.title)}
                            <span class="visually-hidden">{move || if done() { " (done)" } else { "" }}</span>
                        </a>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let current_step = move || {
        // A link pasted into this tab (hashchange) rebuilds the step with the link's state.
        hash.track();
        let i = index.get();
        // Build the step untracked: a step's view may read signals while it sets itself up,
        // and only the step index and the address should rebuild it.
        untrack(move || step_view(lesson, views, i, progress, announcement))
    };

    view! {
        <section class="lesson" data-testid=format!("page-{}", lesson.slug)>
            <h1>{title}</h1>
            // Open on the first step; folded after it, so the step's widget comes first.
            <details class="question" data-testid="question" prop:open=move || index.get() == 0>
                <summary class="question-label">"The question"</summary>
                <p>{lesson.question}</p>
                <p class="thread">"From the Stack Overflow thread “" {lesson.thread} "”."</p>
            </details>
            {move || unknown_step.get().map(|id| view! {
                <div class="notice" role="status" data-testid="notice">
                    <p>{format!("This lesson has no step called “{}”, so it opens at the first step.", shorten(&id))}</p>
                </div>
            })}
            <div class="lesson-layout">
                <nav class="step-list" aria-label="Steps of this lesson">
                    // On narrow screens a menu (closed), so the step itself comes first; on wide
                    // screens always shown (style/main.css).
                    <details class="step-menu" data-testid="step-menu">
                        <summary>
                            {move || format!("Step {} of {}", index.get() + 1, lesson.steps.len())}
                            <span class="muted">" · all steps"</span>
                        </summary>
                        <p class="progress-count">
                            {move || { let (d, t) = progress.count(lesson); format!("{d} of {t} tasks done") }}
                        </p>
                        <ol>{step_list}</ol>
                        <button type="button" class="link-button" on:click=move |_| progress.reset(lesson)>
                            "Reset my progress"
                        </button>
                    </details>
                </nav>
                <div class="step-area">
                    {current_step}
                    <div class="step-nav">
                        <a
                            class="button"
                            data-testid="prev-step"
                            href=move || step_href(lesson.slug, lesson.steps[index.get().saturating_sub(1)].id)
                            aria-disabled=move || (index.get() == 0).to_string()
                            class:hidden=move || index.get() == 0
                        >
                            "← Previous"
                        </a>
                        <span class="muted keys-hint">"Keys: ← →"</span>
                        <a
                            class="button primary"
                            data-testid="next-step"
                            href=move || step_href(lesson.slug, lesson.steps[(index.get() + 1).min(last)].id)
                            class:hidden=move || index.get() == last
                        >
                            "Next →"
                        </a>
                    </div>
                </div>
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid="announcer">{move || announcement.get()}</p>
        </section>
    }
}

/// One step of a lesson, with its tasks, corrections, share button and link notice.
fn step_view(
    lesson: &'static Lesson,
    views: &'static [StepView],
    i: usize,
    progress: super::progress::Progress,
    announcement: RwSignal<String>,
) -> impl IntoView {
    let step = &lesson.steps[i];
    // The last step ends with the way on: the page after this lesson in the registry.
    let next_page = (i + 1 == lesson.steps.len())
        .then(|| PAGES.iter().skip_while(|p| p.slug != lesson.slug).nth(1))
        .flatten();
    let live = RwSignal::new(BTreeMap::new());
    let bad_link = RwSignal::new(Vec::new());
    let from_link = !crate::routes::query_of(&current_hash()).trim().is_empty();
    let answered_before = step.predict.is_some_and(|info| {
        (0..info.choices.len()).any(|c| progress.is_done(&predict_key(lesson.slug, step.id, c)))
    });
    let revealed = RwSignal::new(step.predict.is_none() || answered_before || from_link);
    let ctx = StepContext {
        lesson,
        step,
        live,
        shared: StoredValue::new(Vec::new()),
        bad_link,
        from_link,
        revealed,
        holds: StoredValue::new(Vec::new()),
    };
    provide_context(ctx);
    let tasks = step
            .tasks
            .iter()
            .map(|t| {
                let key = task_key(lesson.slug, step.id, t.id);
                let key2 = key.clone();
                let done = Memo::new(move |_| progress.is_done(&key));
                let holds = move || live.with(|m| m.get(t.id).copied().unwrap_or(false));
                Effect::new(move |prev: Option<bool>| {
                    let d = done.get();
                    if prev == Some(false) && d {
                        announcement.set(format!("Task done: {}", t.text));
                    }
                    d
                });
                let _ = key2;
                view! {
                    <li
                        class="task"
                        class:done=move || done.get()
                        data-testid="task"
                        data-task-id=t.id
                        data-done=move || done.get().to_string()
                        data-holds=move || holds().to_string()
                    >
                        <span class="task-mark" aria-hidden="true">{move || if done.get() { "✓" } else { "○" }}</span>
                        <span class="task-text">{t.text}</span>
                        <span class="visually-hidden">{move || if done.get() { " — done" } else { " — not done yet" }}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>();
    let corrections = (!step.corrections.is_empty()).then(|| {
        view! {
            <aside class="callout" data-testid="callout" aria-label="What the thread got wrong">
                <h3>"What the thread got wrong"</h3>
                <ul>
                    {step
                        .corrections
                        .iter()
                        .map(|c| view! {
                            <li>
                                <p class="claim"><strong>"Claim: "</strong>{c.claim}</p>
                                <p class="correction"><strong>"In fact: "</strong>{c.correction}</p>
                            </li>
                        })
                        .collect::<Vec<_>>()}
                </ul>
            </aside>
        }
    });
    let body = views.get(i).map_or_else(|| ().into_any(), |view| view());
    // The step's widget state now registered: keep it in the address bar.
    crate::url_sync::sync_query(ctx.path(), move || (!ctx.held()).then(|| ctx.query()));
    let share =
        Callback::new(move |_: ()| crate::url_sync::absolute_link(&ctx.path(), &ctx.query()));
    view! {
        <article class="step" data-testid="step" data-step-id=step.id aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">
                <span class="step-count">{format!("Step {} of {}", i + 1, lesson.steps.len())}</span>
                {step.title}
            </h2>
            <div class="step-tools"><ShareButton link=share /></div>
            {move || {
                let bad = bad_link.get();
                (!bad.is_empty()).then(|| view! {
                    <div class="notice" role="status" data-testid="notice">
                        <p>{format!("Part of this link could not be used, so those widgets start from their defaults ({}).", bad.join("; "))}</p>
                    </div>
                })
            }}
            {(!step.tasks.is_empty()).then(|| view! {
                <section class="tasks" aria-label="Tasks">
                    <h3>"Your tasks"</h3>
                    <ul>{tasks}</ul>
                    {from_link.then(|| view! {
                        <p class="note" data-testid="link-tasks-note">
                            "Opened from a shared link: a task counts once you reach it yourself "
                            "(one that already holds here counts after you leave it and come back to it)."
                        </p>
                    })}
                </section>
            })}
            <div class="step-body">{body}</div>
            {corrections}
            {next_page.map(|p| view! {
                <p class="next-lesson-row">
                    <a class="button primary next-lesson" data-testid="next-lesson" href=page_href(p.slug)>
                        {format!("Next: {} →", p.nav_label)}
                    </a>
                </p>
            })}
        </article>
    }
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}
