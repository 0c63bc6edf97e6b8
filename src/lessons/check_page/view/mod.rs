//! The check page (browser only): two textareas diagnosed live (debounced), the example
//! buttons, the optional share link, and the results below.

mod charts;
mod results;

use super::examples::examples;
use super::share::{from_query, share_query, SHARE_LIMIT};
use crate::check::{check, Job, Outcome, Step};
use crate::lessons::code::Framework;
use crate::lessons::code_view::CodePanels;
use crate::routes::{query_of, Route};
use crate::url_sync::UrlHash;
use leptos::html::Textarea;
use leptos::prelude::*;
use results::Results;
use std::time::Duration;

/// How long typing must pause before the page checks again.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The check page.
pub fn render() -> AnyView {
    view! { <CheckPage /> }.into_any()
}

/// How many numbers' work one slice of a check does before the page gets the main thread
/// back (each slice stays well under 100 ms).
const BUDGET: usize = 20_000;

/// The text both textareas hold, the outcome of the last finished check, and the check in
/// progress.
#[derive(Clone, Copy)]
struct Inputs {
    outputs: RwSignal<String>,
    labels: RwSignal<String>,
    result: RwSignal<Outcome>,
    pending: RwSignal<bool>,
    progress: RwSignal<Option<String>>,
    generation: StoredValue<u64>,
}

impl Inputs {
    /// Checks the current text once typing has paused for [`DEBOUNCE`].
    fn schedule(self) {
        self.pending.set(true);
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        set_timeout(
            move || {
                if self.generation.try_get_value() == Some(mine) {
                    self.check_now();
                }
            },
            DEBOUNCE,
        );
    }

    /// Starts checking the current text (a check still running is dropped).
    fn check_now(self) {
        let (Some(o), Some(l)) = (
            self.outputs.try_get_untracked(),
            self.labels.try_get_untracked(),
        ) else {
            return;
        };
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        self.drive(Job::new(o, l), mine);
    }

    /// Runs one slice of `job`, then yields the main thread until the next.
    fn drive(self, mut job: Job, mine: u64) {
        match job.step(BUDGET) {
            Step::Done(outcome) => {
                if self.result.try_with_untracked(|r| *r != *outcome) == Some(true) {
                    let _ = self.result.try_set(*outcome);
                }
                let _ = self.progress.try_set(None);
                let _ = self.pending.try_set(false);
            }
            Step::Working(message) => {
                let _ = self.progress.try_set(Some(message));
                set_timeout(
                    move || {
                        if self.generation.try_get_value() == Some(mine) {
                            self.drive(job, mine);
                        }
                    },
                    Duration::ZERO,
                );
            }
        }
    }
}

/// The page.
#[component]
fn CheckPage() -> impl IntoView {
    let UrlHash(hash) = expect_context::<UrlHash>();
    let (first_o, first_l) = from_query(query_of(&hash.get_untracked()));
    let inputs = Inputs {
        outputs: RwSignal::new(first_o.clone()),
        labels: RwSignal::new(first_l.clone()),
        result: RwSignal::new(check("", "")),
        pending: RwSignal::new(false),
        progress: RwSignal::new(None),
        generation: StoredValue::new(0),
    };
    // Read in place: an outcome of a million numbers holds tens of megabytes, and a memo
    // would copy it (the page waits for a different outcome before it sets one).
    let outcome: Signal<Outcome> = inputs.result.into();
    let outputs_ref = NodeRef::<Textarea>::new();
    let labels_ref = NodeRef::<Textarea>::new();
    // The textareas are not bound to the signals (a large paste is not copied back into the
    // DOM on every key): an example or a link writes them once.
    let fill = move |o: &str, l: &str| {
        if let Some(t) = outputs_ref.get_untracked() {
            t.set_value(o);
        }
        if let Some(t) = labels_ref.get_untracked() {
            t.set_value(l);
        }
        inputs.outputs.set(o.to_string());
        inputs.labels.set(l.to_string());
        inputs.check_now();
    };
    // A shared link (on load, or pasted into this tab) fills the textareas; then the data
    // leaves the address bar.
    Effect::new(move |_| {
        let h = hash.get();
        if outputs_ref.get().is_none() || labels_ref.get().is_none() {
            return;
        }
        if !matches!(Route::parse(&h), Route::Page { ref slug, .. } if slug == "check") {
            return;
        }
        let (o, l) = from_query(query_of(&h));
        if !o.is_empty() || !l.is_empty() {
            fill(&o, &l);
        }
        crate::url_sync::replace_query("/check", "");
    });

    let share_text = move || inputs.outputs.with(|o| o.len()) + inputs.labels.with(|l| l.len());
    let shared = RwSignal::new(None::<String>);
    let on_share = move |_| {
        let q = inputs
            .outputs
            .with_untracked(|o| inputs.labels.with_untracked(|l| share_query(o, l)));
        if let Some(q) = q {
            let url = crate::url_sync::absolute_link("/check", &q);
            crate::url_sync::copy_text(&url, |_| {});
            shared.set(Some(url));
        }
    };
    let programs = Memo::new(move |_| {
        outcome.with(|o| match (&o.outputs, &o.diagnosis) {
            (Some(t), Some(d)) => super::panels::check_programs(t, o.labels.as_ref(), d),
            _ => Vec::new(),
        })
    });
    let has_programs = Memo::new(move |_| programs.with(|p| !p.is_empty()));

    let schedule = Callback::new(move |_: ()| inputs.schedule());
    view! {
        <section class="check-page" data-testid="page-check">
            <h1>"Check your outputs"</h1>
            <p class="lede">
                "Paste what your model printed ("<code>"model.predict(x)"</code>", "
                <code>"print(model(x))"</code>", "<code>"print(logits)"</code>
                "), and its labels if you have them. The page says what the numbers are, which "
                "mistakes they show and what Keras would report. The numbers never leave this "
                "page: they are read and checked in your browser and are not put in the address bar."
            </p>
            <div class="check-examples" role="group" aria-label="Examples">
                <span class="check-examples-head">"Or try an example: "</span>
                {examples().into_iter().map(|ex| {
                    let (o, l) = (ex.outputs.clone(), ex.labels.clone());
                    view! {
                        <button type="button" class="chip" data-testid=format!("example-{}", ex.id)
                            on:click=move |_| fill(&o, &l)>{ex.label}</button>
                    }
                }).collect::<Vec<_>>()}
            </div>
            <div class="check-inputs">
                <PasteBox id="outputs" text=inputs.outputs node=outputs_ref on_input=schedule rows=9
                    label="Outputs: what your model printed"
                    placeholder="array([[ 2.1, -0.3,  0.5],\n       [-1.2,  0.4,  2.8]], dtype=float32)" />
                <PasteBox id="labels" text=inputs.labels node=labels_ref on_input=schedule rows=9
                    label="Labels (optional): class indices, one-hot or multi-hot rows, or 0/1"
                    placeholder="[0, 2]" />
            </div>
            <p class="check-status" role="status" data-testid="check-status">
                {move || if let Some(p) = inputs.progress.get() { p } else if inputs.pending.get() { "Checking…".to_string() } else {
                    outcome.with(|o| match &o.diagnosis {
                        Some(d) => format!("Checked {} sample(s) × {} output(s).", d.samples, d.classes),
                        None => String::new(),
                    })
                }}
            </p>
            <div class="check-share">
                {move || if share_text() < SHARE_LIMIT {
                    view! {
                        <button type="button" data-testid="check-share" on:click=on_share>"Share a link to this input"</button>
                        <span class="note">" The link carries your numbers in the clear: share only what you may share."</span>
                    }.into_any()
                } else {
                    view! {
                        <span class="note" data-testid="check-share-off">
                            "Share is offered only for inputs under 2 KB (yours is "
                            {format!("{:.1}", share_text() as f64 / 1024.0)}
                            " KB): a link would carry all of it. Copy the text instead."
                        </span>
                    }.into_any()
                }}
                {move || shared.get().map(|url| view! {
                    <label class="share-link">"Link (copied): "
                        <input type="text" readonly data-testid="check-share-link" prop:value=url />
                    </label>
                })}
            </div>
            <Results outcome />
            <charts::CheckCharts outcome />
            <h2>"The right configuration, in code"</h2>
            <Show when=move || has_programs.get() fallback=|| view! {
                <p class="note">"Paste outputs the page can read to get the programs."</p>
            }>
                <p class="note">
                    "Complete programs with your first rows (up to "{super::panels::FIRST_ROWS}
                    "): copy one and run it; it prints the loss and accuracy the page shows for those rows."
                </p>
                <div class="check-code">
                    {[(Framework::Keras, "recommended-keras"), (Framework::PyTorch, "recommended-pytorch")]
                        .into_iter()
                        .map(|(framework, id)| {
                            let one = Signal::derive(move || programs.with(|ps| ps.iter().filter(|p| p.framework == framework).cloned().collect::<Vec<_>>()));
                            view! { <div data-testid=id><CodePanels programs=one /></div> }
                        })
                        .collect::<Vec<_>>()}
                </div>
            </Show>
        </section>
    }
}

/// One of the page's two paste boxes (`data-testid="<id>-input"`).
#[component]
fn PasteBox(
    /// `outputs` or `labels`.
    id: &'static str,
    /// What the box holds.
    text: RwSignal<String>,
    /// The textarea, for the examples and shared links to fill.
    node: NodeRef<Textarea>,
    /// Called after each edit.
    on_input: Callback<()>,
    /// Visible lines.
    rows: u32,
    /// The visible label.
    label: &'static str,
    /// An example of what goes in.
    placeholder: &'static str,
) -> impl IntoView {
    view! {
        <div class="check-input">
            <label for=format!("check-{id}")>{label}</label>
            <textarea id=format!("check-{id}") data-testid=format!("{id}-input") node_ref=node
                rows=rows.to_string() spellcheck="false" autocomplete="off" placeholder=placeholder
                on:input=move |ev| { text.set(event_target_value(&ev)); on_input.run(()); }
            ></textarea>
        </div>
    }
}
