//! The code panels on the page (WebAssembly only): each program of a step with a copy
//! button and what it prints, per Keras backend where the backends disagree.

use super::code::{Backends, Framework, Printed, Program};
use crate::format::{format4, format_full};
use leptos::prelude::*;

fn show(values: &[f64]) -> String {
    match values {
        [x] => format4(*x),
        _ => format!(
            "[{}]",
            values
                .iter()
                .map(|x| format4(*x))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The printed lines on one backend, as `label: value` lines, and their flat values.
fn lines_on(prints: &[Printed], backend: Backends) -> (Vec<String>, String) {
    let mut flat = Vec::new();
    let lines = prints
        .iter()
        .map(|p| {
            let v = p.on(backend).unwrap_or(&[]);
            flat.extend(v.iter().map(|x| format_full(*x)));
            match &p.spelled {
                Some(text) => format!("{}: {text}", p.label),
                None => format!("{}: {}", p.label, show(v)),
            }
        })
        .collect();
    (lines, flat.join(","))
}

/// Selects the text of an element, so a learner without a clipboard API can press Ctrl+C.
fn select_text(id: &str) {
    let doc = document();
    let (Some(el), Ok(Some(selection))) = (doc.get_element_by_id(id), window().get_selection())
    else {
        return;
    };
    if let Ok(range) = doc.create_range() {
        let _ = range.select_node_contents(&el);
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

#[component]
fn ProgramBlock(
    /// Which framework (fixed for the block's life).
    framework: Framework,
    /// The program, kept current with the widgets.
    program: Signal<Program>,
) -> impl IntoView {
    let id = framework.id();
    let label = match framework {
        Framework::Keras => "Keras 3",
        Framework::PyTorch => "PyTorch",
    };
    let code_id = format!("code-text-{id}");
    let copied = RwSignal::new(None::<&'static str>);
    let code_id_click = code_id.clone();
    let on_copy = move |_| {
        let text = program.with_untracked(|p| p.code.clone());
        let code_id = code_id_click.clone();
        crate::url_sync::copy_text(&text, move |ok| {
            let message = if ok {
                "Copied"
            } else {
                select_text(&code_id);
                "Selected: press Ctrl+C"
            };
            let _ = copied.try_set(Some(message));
            set_timeout(
                move || {
                    let _ = copied.try_set(None);
                },
                std::time::Duration::from_millis(2500),
            );
        });
    };
    let prints = move || {
        program.with(|p| {
            let blocks: Vec<(Backends, &'static str, String)> = if p.depends_on_backend() {
                vec![
                    (
                        Backends::JAX_AND_TORCH,
                        "prints on the JAX and PyTorch backends",
                        format!("code-{id}-value"),
                    ),
                    (
                        Backends::TENSORFLOW,
                        "prints on the TensorFlow backend (Keras' default)",
                        format!("code-{id}-value-tensorflow"),
                    ),
                ]
            } else {
                vec![(Backends::ALL, "prints", format!("code-{id}-value"))]
            };
            blocks
                .into_iter()
                .map(|(backend, heading, testid)| {
                    let (lines, flat) = lines_on(&p.prints, backend);
                    view! {
                        <div class="prints">
                            <span class="prints-head">{heading}</span>
                            <pre class="readout" data-testid=testid data-value=flat>{lines.join("\n")}</pre>
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let code_id_view = code_id.clone();
    view! {
        <div class="framework-call">
            <div class="framework-head">
                <h4>{label}</h4>
                <button type="button" class="copy" data-testid=format!("copy-{id}") on:click=on_copy>
                    {move || copied.get().unwrap_or("Copy")}
                </button>
            </div>
            <pre tabindex="0" aria-label=format!("{label} program")>
                <code id=code_id_view data-testid=format!("code-{id}")>{move || program.with(|p| p.code.clone())}</code>
            </pre>
            {prints}
            {move || program.with(|p| p.note.clone()).map(|n| view! { <p class="framework-note">{n}</p> })}
        </div>
    }
}

/// A step's programs (Keras 3 first, then PyTorch), each a complete program that prints what
/// the widgets show, with a copy button, and its output per Keras backend where they differ.
#[component]
pub fn CodePanels(
    /// The programs for the current state, from the lesson's `panels` module.
    #[prop(into)]
    programs: Signal<Vec<Program>>,
) -> impl IntoView {
    // Computed once per change (a step's `programs` is often a plain derived signal), and held
    // while a drag is under way and the panel is off the screen: rebuilding two programs'
    // text and laying it out again was a third of a drag frame on the Playground.
    let frame = NodeRef::<leptos::html::Div>::new();
    let programs = crate::widgets::use_live_while_seen(frame, move || programs.get());
    let pick = move |framework: Framework| {
        Memo::new(move |_| {
            programs.with(|ps| {
                ps.iter()
                    .find(|p| p.framework == framework)
                    .cloned()
                    .unwrap_or_else(|| Program {
                        framework,
                        code: String::new(),
                        prints: Vec::new(),
                        note: None,
                    })
            })
        })
    };
    let has = move |framework: Framework| {
        programs.with_untracked(|ps| ps.iter().any(|p| p.framework == framework))
    };
    let keras = has(Framework::Keras).then(|| {
        view! { <ProgramBlock framework=Framework::Keras program=pick(Framework::Keras).into() /> }
    });
    let torch = has(Framework::PyTorch).then(|| {
        view! { <ProgramBlock framework=Framework::PyTorch program=pick(Framework::PyTorch).into() /> }
    });
    // On a step with a prediction, the programs print the answer: they wait for it.
    let revealed = super::view::use_revealed();
    view! {
        <div class="framework-panel" node_ref=frame data-testid="framework-panel" aria-label="The same in Keras 3 and PyTorch, as programs to run">
            <p class="muted" data-testid="code-waits" hidden=move || revealed.get()>
                "The Keras and PyTorch programs for this view appear once you have answered the prediction: they print the answer."
            </p>
            <div class="panel-programs" hidden=move || !revealed.get()>
                {keras}
                {torch}
            </div>
        </div>
    }
}
