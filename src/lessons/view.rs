//! The lesson page (WebAssembly only): the question, a step list with done marks, one step
//! at a time with its own URL, tasks checked live and remembered, predict-then-reveal,
//! the framework panel, formulas and the thread's corrections.

use super::lesson::task_key;
use super::{all_task_keys, Lesson, Step};
use crate::app::UrlHash;
use crate::format::{format4, format_full};
use crate::link::LinkValue;
use crate::progress;
use crate::routes::{step_href, Route};
use crate::url_sync::ShareButton;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::JsCast;

/// Tasks done so far (sticky), loaded from and saved to `localStorage`.
#[derive(Clone, Copy)]
pub struct Progress(pub RwSignal<BTreeSet<String>>);

impl Progress {
    /// Whether a task key is done.
    pub fn is_done(&self, key: &str) -> bool {
        self.0.with(|d| d.contains(key))
    }

    /// Marks a task done (and saves), if it was not already.
    pub fn mark(&self, key: String) {
        if self.0.with_untracked(|d| d.contains(&key)) {
            return;
        }
        self.0.update(|d| {
            d.insert(key);
        });
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(
                progress::STORAGE_KEY,
                &progress::serialise(&self.0.get_untracked()),
            );
        }
    }

    /// Forgets every task of one lesson.
    pub fn reset(&self, lesson: &Lesson) {
        let keys: BTreeSet<String> = lesson.task_keys().into_iter().collect();
        self.0.update(|d| d.retain(|k| !keys.contains(k)));
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(
                progress::STORAGE_KEY,
                &progress::serialise(&self.0.get_untracked()),
            );
        }
    }

    /// (done, total) for a lesson.
    pub fn count(&self, lesson: &Lesson) -> (usize, usize) {
        let keys = lesson.task_keys();
        let done = self
            .0
            .with(|d| keys.iter().filter(|k| d.contains(*k)).count());
        (done, keys.len())
    }
}

/// Loads stored progress (corrupt values are ignored) and provides [`Progress`].
pub fn provide_progress() -> Progress {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(progress::STORAGE_KEY).ok().flatten())
        .unwrap_or_default();
    let p = Progress(RwSignal::new(progress::parse(&stored, &all_task_keys())));
    provide_context(p);
    p
}

/// The progress context.
pub fn use_progress() -> Progress {
    use_context::<Progress>().unwrap_or_else(|| Progress(RwSignal::new(BTreeSet::new())))
}

/// A piece of a step's widget state that lives in the URL (so a shared link restores it):
/// its text for the link, or `None` while it has its starting value (links stay short).
/// Reading it tracks the signals it encodes.
type SharedValue = std::sync::Arc<dyn Fn() -> Option<String> + Send + Sync>;

/// The step on screen, which of its tasks hold right now, and its shareable state.
#[derive(Clone, Copy)]
struct StepContext {
    lesson: &'static Lesson,
    step: &'static Step,
    live: RwSignal<BTreeMap<&'static str, bool>>,
    shared: StoredValue<Vec<(String, SharedValue)>>,
    /// Parts of the link that could not be used (shown as a notice).
    bad_link: RwSignal<Vec<String>>,
    /// The step was opened from a link that carries widget state (a shared view).
    from_link: bool,
}

impl StepContext {
    fn query(&self) -> String {
        self.shared.with_value(|items| {
            items
                .iter()
                .filter_map(|(key, value)| value().map(|v| format!("{key}={v}")))
                .collect::<Vec<_>>()
                .join("&")
        })
    }

    fn path(&self) -> String {
        step_href(self.lesson.slug, self.step.id)[1..].to_string()
    }

    fn next_key(&self, base: &str) -> String {
        let n = self
            .shared
            .with_value(|items| items.iter().filter(|(k, _)| k.starts_with(base)).count());
        if n == 0 {
            base.to_string()
        } else {
            format!("{base}{}", n + 1)
        }
    }
}

/// Logits a link may carry: same count as the step starts with, finite, within ±1000.
fn logits_from_link(text: &str, len: usize) -> Option<Vec<f64>> {
    let values: Vec<f64> = text
        .split(',')
        .map(|v| {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= 1000.0)
        })
        .collect::<Option<Vec<f64>>>()?;
    (values.len() == len).then_some(values)
}

/// Called by a step's view: task `id` is done once `condition` holds (checked live, after
/// every change of the signals it reads). Tasks stay done once achieved.
pub fn report_task(id: &'static str, condition: impl Fn() -> bool + 'static) {
    let Some(ctx) = use_context::<StepContext>() else {
        return;
    };
    if !ctx.step.tasks.iter().any(|t| t.id == id) {
        leptos::logging::error!("step {} has no task {id}", ctx.step.id);
        return;
    }
    let progress = use_progress();
    // A shared link must not hand out ticks: a task that already holds in the state a link
    // opens with is credited only after it has stopped holding and holds again.
    let armed = StoredValue::new(!ctx.from_link);
    Effect::new(move |_| {
        let now = condition();
        ctx.live.update(|m| {
            m.insert(id, now);
        });
        if !now {
            armed.set_value(true);
        } else if armed.get_value() {
            progress.mark(task_key(ctx.lesson.slug, ctx.step.id, id));
        }
    });
}

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
pub fn render_lesson(lesson: &'static Lesson, title: &'static str) -> AnyView {
    view! { <LessonView lesson title /> }.into_any()
}

#[component]
fn LessonView(lesson: &'static Lesson, title: &'static str) -> impl IntoView {
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
        let step = &lesson.steps[i];
        let live = RwSignal::new(BTreeMap::new());
        let bad_link = RwSignal::new(Vec::new());
        let from_link = !crate::routes::query_of(&crate::app::current_hash())
            .trim()
            .is_empty();
        let ctx = StepContext {
            lesson,
            step,
            live,
            shared: StoredValue::new(Vec::new()),
            bad_link,
            from_link,
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
        let body = (step.view)();
        // The step's widget state now registered: keep it in the address bar.
        crate::url_sync::sync_query(ctx.path(), move || ctx.query());
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
            </article>
        }
    };

    view! {
        <section class="lesson" data-testid=format!("page-{}", lesson.slug)>
            <h1>{title}</h1>
            <div class="question">
                <p class="question-label">"The question"</p>
                <p>{lesson.question}</p>
                <p class="thread">"From the Stack Overflow thread “" {lesson.thread} "”."</p>
            </div>
            {move || unknown_step.get().map(|id| view! {
                <div class="notice" role="status" data-testid="notice">
                    <p>{format!("This lesson has no step called “{}”, so it opens at the first step.", shorten(&id))}</p>
                </div>
            })}
            <div class="lesson-layout">
                <nav class="step-list" aria-label="Steps of this lesson">
                    <p class="progress-count">
                        {move || { let (d, t) = progress.count(lesson); format!("{d} of {t} tasks done") }}
                    </p>
                    <ol>{step_list}</ol>
                    <button type="button" class="link-button" on:click=move |_| progress.reset(lesson)>
                        "Reset my progress"
                    </button>
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

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Multiple choice first; the children (the readout) appear only after an answer, with the
/// explanation. The question comes from the current step's `predict`.
#[component]
pub fn Predict(
    /// What is revealed after answering.
    children: ChildrenFn,
) -> impl IntoView {
    let Some(ctx) = use_context::<StepContext>() else {
        return view! { <div></div> }.into_any();
    };
    let Some(info) = ctx.step.predict else {
        leptos::logging::error!("step {} has no predict question", ctx.step.id);
        return view! { <div></div> }.into_any();
    };
    let chosen = RwSignal::new(None::<usize>);
    let answered = RwSignal::new(None::<usize>);
    let name = format!("predict-{}", ctx.step.id);
    let choices = info
        .choices
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = name.clone();
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=i.to_string()
                        data-testid=format!("predict-choice-{i}")
                        prop:checked=move || chosen.get() == Some(i)
                        on:change=move |_| chosen.set(Some(i))
                        disabled=move || answered.get().is_some()
                    />
                    {*text}
                </label>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="predict" data-testid="predict" data-revealed=move || answered.get().is_some().to_string()>
            <fieldset>
                <legend>"Predict first: " {info.question}</legend>
                {choices}
            </fieldset>
            {move || match answered.get() {
                None => view! {
                    <div class="predict-actions">
                        <button
                            type="button"
                            data-testid="predict-check"
                            disabled=move || chosen.get().is_none()
                            on:click=move |_| answered.set(chosen.get_untracked())
                        >
                            "Check my answer"
                        </button>
                        <span class="muted">"The numbers appear once you have answered."</span>
                    </div>
                }.into_any(),
                Some(a) => {
                    let right = a == info.answer;
                    view! {
                        <div class="predict-feedback" class:right=right role="status">
                            <p>
                                <strong>{if right { "Right. " } else { "Not quite. " }}</strong>
                                {if right { String::new() } else { format!("The answer is “{}”. ", info.choices[info.answer]) }}
                                {info.explanation}
                            </p>
                        </div>
                    }.into_any()
                }
            }}
            <div class="predict-reveal" data-testid="predict-reveal" hidden=move || answered.get().is_none()>
                {move || answered.get().is_some().then(|| children())}
            </div>
        </div>
    }
    .into_any()
}

/// One framework call with the value it returns.
#[derive(Clone, PartialEq)]
pub struct Call {
    /// The code, filled in with the current numbers.
    pub code: String,
    /// What it returns (a scalar or a vector), or `None` when there is no such call.
    pub value: Option<Vec<f64>>,
    /// A remark shown under the code (why the frameworks differ, what has no twin).
    pub note: Option<String>,
}

fn show_value(v: &[f64]) -> String {
    match v {
        [x] => format4(*x),
        _ => format!(
            "[{}]",
            v.iter().map(|x| format4(*x)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// A number for code: full precision, Python spelling (`float("inf")` where needed).
pub fn py(x: f64) -> String {
    if x.is_finite() {
        let s = format!("{x:?}");
        s
    } else if x.is_nan() {
        "float(\"nan\")".into()
    } else if x > 0.0 {
        "float(\"inf\")".into()
    } else {
        "-float(\"inf\")".into()
    }
}

/// A list of numbers for code.
pub fn py_list(v: &[f64]) -> String {
    format!(
        "[{}]",
        v.iter().map(|x| py(*x)).collect::<Vec<_>>().join(", ")
    )
}

/// The Keras 3 and PyTorch calls for what the widget shows, with the current numbers and
/// what each returns, and a copy button for each.
#[component]
pub fn FrameworkPanel(
    /// The Keras 3 call.
    #[prop(into)]
    keras: Signal<Call>,
    /// The PyTorch call.
    #[prop(into)]
    pytorch: Signal<Call>,
) -> impl IntoView {
    let block = move |label: &'static str, id: &'static str, call: Signal<Call>| {
        let copied = RwSignal::new(false);
        view! {
            <div class="framework-call">
                <div class="framework-head">
                    <h4>{label}</h4>
                    <button
                        type="button"
                        class="copy"
                        data-testid=format!("copy-{id}")
                        on:click=move |_| {
                            let text = call.with_untracked(|c| c.code.clone());
                            let clipboard = window().navigator().clipboard();
                            let _ = clipboard.write_text(&text);
                            copied.set(true);
                            set_timeout(move || { let _ = copied.try_set(false); }, std::time::Duration::from_millis(1500));
                        }
                    >
                        {move || if copied.get() { "Copied" } else { "Copy" }}
                    </button>
                </div>
                <pre tabindex="0" aria-label=format!("{label} code")><code data-testid=format!("code-{id}")>{move || call.with(|c| c.code.clone())}</code></pre>
                {move || call.with(|c| c.value.clone()).map(|v| {
                    let full = v.iter().map(|x| format_full(*x)).collect::<Vec<_>>().join(",");
                    view! {
                        <p class="returns">
                            "returns "
                            <span class="readout" data-testid=format!("code-{id}-value") data-value=full>{show_value(&v)}</span>
                        </p>
                    }
                })}
                {move || call.with(|c| c.note.clone()).map(|n| view! { <p class="framework-note">{n}</p> })}
            </div>
        }
    };
    view! {
        <div class="framework-panel" data-testid="framework-panel" aria-label="The same in Keras 3 and PyTorch">
            {block("Keras 3", "keras", keras)}
            {block("PyTorch", "pytorch", pytorch)}
        </div>
    }
}

/// A formula written in LaTeX, shown as MathML.
#[component]
pub fn Formula(
    /// The LaTeX source.
    latex: &'static str,
    /// On its own line, centred.
    #[prop(optional)]
    block: bool,
) -> impl IntoView {
    match crate::formula::to_mathml(latex, block) {
        Ok(mathml) => {
            view! { <span class="formula" class:block=block inner_html=mathml></span> }.into_any()
        }
        Err(e) => {
            leptos::logging::error!("{e}");
            view! { <code>{latex}</code> }.into_any()
        }
    }
}

/// Logits held by a step, and the callback a `LogitBars` reports drags with. They live in the
/// step's URL (`?z=…`): a shared link restores them; a malformed one is ignored.
pub fn logits_state(initial: &[f64]) -> (RwSignal<Vec<f64>>, Callback<(usize, f64)>) {
    let ctx = use_context::<StepContext>();
    let key = ctx.map(|c| c.next_key("z"));
    let from_link = key
        .as_deref()
        .and_then(crate::url_sync::current_query_value);
    let parsed = from_link
        .as_deref()
        .and_then(|text| logits_from_link(text, initial.len()));
    if let (Some(c), Some(k), Some(_), None) = (ctx, key.as_deref(), &from_link, &parsed) {
        c.bad_link.update(|b| {
            b.push(format!(
                "{k}: expected {} finite numbers within ±1000",
                initial.len()
            ))
        });
    }
    let start = parsed.unwrap_or_else(|| initial.to_vec());
    let z = RwSignal::new(start);
    if let (Some(c), Some(k)) = (ctx, key) {
        // Logits are always in the link: it shows what the learner is looking at.
        let encode: SharedValue = std::sync::Arc::new(move || {
            Some(z.with(|z| {
                z.iter()
                    .map(|v| format_full(*v))
                    .collect::<Vec<_>>()
                    .join(",")
            }))
        });
        c.shared.update_value(|items| items.push((k, encode)));
    }
    let set = Callback::new(move |(i, v): (usize, f64)| {
        z.update(|z| {
            if let Some(slot) = z.get_mut(i) {
                *slot = v;
            }
        })
    });
    (z, set)
}

/// A number held by a step (a temperature, a threshold…) that lives in the step's URL under
/// `key`; a link's value is used only if it is finite and within `[min, max]`.
pub fn shared_number(key: &str, initial: f64, min: f64, max: f64) -> RwSignal<f64> {
    shared(
        key,
        initial,
        move |v| (min..=max).contains(v),
        &format!("a number from {min} to {max}"),
    )
}

/// Any widget state held by a step that lives in the step's URL under `key` (see
/// [`LinkValue`]): a link's value is used if it decodes and `accept` takes it; otherwise
/// the step starts from `initial` and the notice names `key` and what was `expected`.
/// While the value equals `initial` it stays out of the link.
pub fn shared<T>(key: &str, initial: T, accept: impl Fn(&T) -> bool, expected: &str) -> RwSignal<T>
where
    T: LinkValue + Clone + PartialEq + Send + Sync + 'static,
{
    shared_codec(
        key,
        initial,
        |v: &T| v.to_link(),
        move |text: &str| T::from_link(text).filter(|v| accept(v)),
        expected,
    )
}

/// Like [`shared`], with the value's link text made by `encode` and read back by `decode`
/// (for state whose natural form is too long for a link, e.g. a few edited pixels of a
/// map written as the edits alone).
pub fn shared_codec<T>(
    key: &str,
    initial: T,
    encode: impl Fn(&T) -> String + Send + Sync + 'static,
    decode: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> RwSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let ctx = use_context::<StepContext>();
    let from_link = crate::url_sync::current_query_value(key);
    let parsed = from_link.as_deref().and_then(decode);
    if let (Some(c), Some(_), None) = (ctx, &from_link, &parsed) {
        c.bad_link
            .update(|b| b.push(format!("{key}: expected {expected}")));
    }
    let x = RwSignal::new(parsed.unwrap_or_else(|| initial.clone()));
    if let Some(c) = ctx {
        let encode: SharedValue =
            std::sync::Arc::new(move || x.with(|v| (*v != initial).then(|| encode(v))));
        c.shared
            .update_value(|items| items.push((key.to_string(), encode)));
    }
    x
}

/// "class 0", "class 1", … for `n` classes.
pub fn class_labels(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("class {i}")).collect()
}
