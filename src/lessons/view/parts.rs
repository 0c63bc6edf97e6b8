//! Pieces a step places: predict-then-reveal, formulas, and the old framework panel.

use super::step_state::StepContext;
use crate::format::{format4, format_full};
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
