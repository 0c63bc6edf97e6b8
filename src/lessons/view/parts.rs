//! Pieces a step places: predict-then-reveal, formulas, a line of labelled readouts, the
//! draggable logits beside their outputs, the true-class chips, a training run's Play button.

use super::super::lesson::predict_key;
use super::progress::use_progress;
use super::step_state::StepContext;
use crate::widgets::{LogitBars, Readout};
use leptos::prelude::*;

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
    // An answer given before (kept with the task progress) stays given when the learner
    // comes back to the step.
    let progress = use_progress();
    let (lesson, step) = (ctx.lesson.slug, ctx.step.id);
    let earlier =
        (0..info.choices.len()).find(|i| progress.is_done(&predict_key(lesson, step, *i)));
    let chosen = RwSignal::new(earlier);
    let answered = RwSignal::new(earlier);
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
    // Coming back to a step answered before, the question and its explanation fold into one
    // line (the learner has read them), so the step opens on its widget.
    let summary = earlier.map(|a| {
        let verdict = if a == info.answer {
            "right"
        } else {
            "not quite"
        };
        format!(
            "Your prediction: {} ({verdict}). Show the question and why",
            info.choices[a]
        )
    });
    let folded = summary.is_some();
    view! {
        <div class="predict" data-testid="predict" data-revealed=move || answered.get().is_some().to_string()>
          <details class="predict-fold" open=!folded>
            <summary class="predict-summary" data-testid="predict-summary" hidden=!folded>{summary}</summary>
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
                            on:click=move |_| {
                                let choice = chosen.get_untracked();
                                if let Some(c) = choice {
                                    progress.mark(predict_key(lesson, step, c));
                                }
                                answered.set(choice);
                                ctx.revealed.set(true);
                            }
                        >
                            "Check my answer"
                        </button>
                        <span class="muted">{if ctx.from_link {
                            "This view was shared with you, so its numbers are already shown; the question is still yours to try."
                        } else {
                            "What would give the answer away appears once you have answered."
                        }}</span>
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
          </details>
            <div class="predict-reveal" data-testid="predict-reveal" hidden=move || !ctx.revealed.get()>
                {move || ctx.revealed.get().then(|| children())}
            </div>
        </div>
    }
    .into_any()
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
            // A block formula wider than the step scrolls sideways; it can take focus so a
            // keyboard can scroll it too.
            view! {
                <span
                    class="formula"
                    class:block=block
                    tabindex=block.then_some("0")
                    role=block.then_some("group")
                    aria-label=block.then_some("Formula")
                    inner_html=mathml
                ></span>
            }
            .into_any()
        }
        Err(e) => {
            leptos::logging::error!("{e}");
            view! { <code>{latex}</code> }.into_any()
        }
    }
}

/// One number of a [`ReadoutLine`]: the text before it (separator included, e.g.
/// `" · odds = "`), the readout's name (`data-testid="readout-<name>"`) and its value.
pub type Labelled = (&'static str, &'static str, Signal<f64>);

/// A paragraph of labelled numbers, `p = 0.9 · odds = 9 …`: each item's text, then its
/// [`Readout`]; the children, if any, close the line.
#[component]
pub fn ReadoutLine(
    /// The numbers, in order.
    items: Vec<Labelled>,
    /// What follows the last number (a unit, a remark).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(label, name, value)| view! { {label} <Readout name value /> })
        .collect_view();
    view! { <p class="sums">{items} {children.map(|c| c())}</p> }
}

/// Draggable logits (bars over ±12) in the left figure of a two-chart row; the children
/// fill the right figure with what the logits become.
#[component]
pub fn LogitsBeside(
    /// The left figure's caption.
    caption: &'static str,
    /// The logits.
    #[prop(into)]
    values: Signal<Vec<f64>>,
    /// Called with `(class, new logit)` when the learner drags or presses a key.
    on_change: Callback<(usize, f64)>,
    /// One label per class.
    #[prop(into)]
    labels: Signal<Vec<String>>,
    /// The right figure's content: its caption and chart.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="two-charts">
            <figure>
                <figcaption>{caption}</figcaption>
                <LogitBars values on_change range=Signal::derive(|| 12.0) labels height=220 />
            </figure>
            <figure>{children()}</figure>
        </div>
    }
}

/// The true labels as chips "class 0", "class 1", …: one radio per class (the true class),
/// or one checkbox per class when the target is multi-label.
#[component]
pub fn ClassChips(
    /// How many classes.
    #[prop(into)]
    count: Signal<usize>,
    /// Checkboxes (multi-label) rather than radios.
    #[prop(into)]
    multi: Signal<bool>,
    /// The inputs' `name`.
    name: &'static str,
    /// Each input's test id is this followed by its class.
    testid: &'static str,
    /// Whether class i is a true label.
    checked: Callback<usize, bool>,
    /// The learner picked (radio) or toggled (checkbox) class i.
    on_pick: Callback<usize>,
) -> impl IntoView {
    move || {
        let kind = if multi.get() { "checkbox" } else { "radio" };
        (0..count.get())
            .map(|i| {
                // Written only when it changes (Leptos writes a property on every run).
                let on = Memo::new(move |_| checked.run(i));
                view! {
                    <label class="chip">
                        <input
                            type=kind
                            name=name
                            data-testid=format!("{testid}{i}")
                            prop:checked=move || on.get()
                            on:change=move |_| on_pick.run(i)
                        />
                        {format!("class {i}")}
                    </label>
                }
            })
            .collect_view()
    }
}

/// Play / Pause for an animated training run; a finished run starts again from its start.
#[component]
pub fn PlayButton(
    /// The button's test id.
    #[prop(into)]
    testid: String,
    /// Whether the run plays.
    playing: RwSignal<bool>,
    /// Whether the run has finished.
    #[prop(into)]
    done: Signal<bool>,
    /// Back to the run's start (before playing a finished run again).
    on_reset: Callback<()>,
    /// The label once the run has finished ("Train again", "Replay").
    again: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="primary-action"
            data-testid=testid
            aria-pressed=move || playing.get().to_string()
            on:click=move |_| {
                if playing.get_untracked() {
                    playing.set(false);
                } else {
                    if done.get_untracked() {
                        on_reset.run(());
                    }
                    playing.set(true);
                }
            }
        >
            {move || if playing.get() { "Pause" } else if done.get() { again } else { "Play" }}
        </button>
    }
}
