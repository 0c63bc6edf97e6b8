//! The Playground's view (browser only): the page with its charts, the state it keeps in the
//! address bar, and its parts — controls, the class up close, the per-class and loss tables.

mod class_table;
mod controls;
mod loss_table;
mod up_close;

use class_table::ClassTable;
use controls::Controls;
use loss_table::LossTable;
use up_close::UpClose;

use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{class_labels, ReadoutLine};
use crate::playground::{Head, PlaygroundNumbers, PlaygroundState};
use crate::routes::{query_of, Route};
use crate::url_sync::ShareButton;
use crate::url_sync::UrlHash;
use crate::widgets::{LogitBars, ProbabilityBars};
use leptos::prelude::*;

/// The Playground page.
pub fn render() -> AnyView {
    view! { <Playground /> }.into_any()
}

/// The state a link carries, or the defaults with a notice saying what was wrong.
fn load(hash: &str) -> (PlaygroundState, Option<String>) {
    match PlaygroundState::from_query(query_of(hash)) {
        Ok(s) => (s, None),
        Err(e) => (
            PlaygroundState::default(),
            Some(format!(
                "This link could not be read, so the Playground starts from its defaults. {e}"
            )),
        ),
    }
}

/// The page: the charts, the controls, the class up close, the tables and the code.
#[component]
fn Playground() -> impl IntoView {
    let UrlHash(hash) = expect_context::<UrlHash>();
    let (initial, first_notice) = load(&hash.get_untracked());
    let state = RwSignal::new(initial);
    let notice = RwSignal::new(first_notice);

    // A link pasted into this tab (a hash change we did not make) replaces the state.
    Effect::new(move |previous: Option<()>| {
        let h = hash.get();
        if previous.is_none() {
            return;
        }
        if matches!(Route::parse(&h), Route::Page { ref slug, .. } if slug == "playground") {
            let (s, n) = load(&h);
            if s != state.get_untracked() {
                state.set(s);
            }
            notice.set(n);
        }
    });

    // State → address bar (throttled): the address always restores this view.
    crate::url_sync::sync_query("/playground".to_string(), move || {
        Some(state.with(|s| s.to_query()))
    });
    let share = Callback::new(move |_: ()| {
        crate::url_sync::absolute_link("/playground", &state.with_untracked(|s| s.to_query()))
    });

    let numbers = Memo::new(move |_| state.with(|s| s.numbers()));
    let number = move |f: fn(&PlaygroundNumbers) -> f64| Signal::derive(move || numbers.with(f));
    let programs = Memo::new(move |_| state.with(super::panels::playground_programs));
    let count = Memo::new(move |_| state.with(|s| s.classes()));
    // Memos: each is read by many bars, labels and attributes, which then rerun only when
    // it changes (a logit drag leaves the range alone).
    let logits = Memo::new(move |_| state.with(|s| s.logits.clone()));
    let range = Memo::new(move |_| state.with(|s| s.range));
    let labels = Signal::derive(move || class_labels(count.get()));
    let head = Memo::new(move |_| state.with(|s| s.head));
    let probabilities = Signal::derive(move || {
        numbers.with(|n| match head.get() {
            Head::Softmax => n.rows.iter().map(|r| r.softmax).collect(),
            Head::Sigmoid => n.rows.iter().map(|r| r.sigmoid).collect::<Vec<_>>(),
        })
    });
    // The arrows show one gradient-descent step −η·∂L/∂z, scaled so the largest is
    // visible (the direction and relative size are what matter).
    let arrows = Signal::derive(move || {
        let r = range.get();
        numbers.with(|n| {
            n.rows
                .iter()
                .map(|row| -row.grad * r * 0.5)
                .collect::<Vec<_>>()
        })
    });
    let on_change = Callback::new(move |(i, v): (usize, f64)| {
        state.update(|s| {
            let _ = s.set_logit(i, v);
        })
    });

    view! {
        <section class="playground" data-testid="page-playground">
            <h1>"Playground"</h1>
            <p class="lede">
                "Drag the bars (or focus one and use the arrow keys) to change the logits. "
                "Every number below is recomputed as Keras 3 computes it. The address bar "
                "always holds the whole state: copy it to share exactly this view."
            </p>
            <ShareButton link=share />
            {move || notice.get().map(|text| view! {
                <div class="notice" role="status" data-testid="notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            })}
            <div class="two-charts">
                <figure>
                    <figcaption>
                        "Logits z (drag). ▲ marks the largest. Arrows: the step gradient "
                        "descent would take, −∂L/∂z, for the loss of the current output."
                    </figcaption>
                    <LogitBars values=logits on_change range labels arrows />
                </figure>
                <figure>
                    <figcaption>
                        {move || match head.get() {
                            Head::Softmax => "softmax(z / T): one distribution over the classes.",
                            Head::Sigmoid => "σ(z / T): an independent yes/no per class; dashes at 0.5.",
                        }}
                    </figcaption>
                    <ProbabilityBars
                        values=probabilities
                        labels
                        y_label=Signal::derive(move || match head.get() {
                            Head::Softmax => "softmax p".to_string(),
                            Head::Sigmoid => "sigmoid p".to_string(),
                        })
                        threshold=Signal::derive(move || (head.get() == Head::Sigmoid).then_some(0.5))
                    />
                    <ReadoutLine items=vec![("Σ softmax = ", "softmax-sum", number(|n| n.softmax_sum)), (" · Σ sigmoid = ", "sigmoid-sum", number(|n| n.sigmoid_sum)), (" · entropy of softmax = ", "entropy", number(|n| n.entropy))]>
                        " nats"
                    </ReadoutLine>
                </figure>
            </div>
            <Controls state />
            <UpClose state />
            <ClassTable state numbers />
            <LossTable numbers />
            <h2>"The same in code"</h2>
            <p class="note">
                "Both programs carry the whole state above (logits, temperature, labels, output) "
                "and print the probabilities and every loss of the table. Copy one and run it."
            </p>
            <CodePanels programs />
        </section>
    }
}
