//! Step 1 (labels-and-losses): one label written three ways, and every Keras cross-entropy.

use crate::lessons::code::py_list;
use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::keras_rules::smooth;
use crate::lessons::losses_metrics::link::Spelling;
use crate::lessons::losses_metrics::tasks::at_smoothed_optimum;
use crate::lessons::losses_metrics::{panels, FORMULA_BCE, FORMULA_CCE, FORMULA_SCCE};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{
    class_labels, logits_state, report_task, shared, shared_number, ClassChips, Formula,
    LogitsBeside, Predict,
};
use crate::math;
use crate::widgets::{MaybeReadout, ProbabilityBars, Readout};
use leptos::prelude::*;

/// One label, three spellings, three losses: the spelling, the true label(s), the smoothing
/// and the loss table.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[1.0, 0.5, -0.5, -1.0]);
    let spelling = shared(
        "labels",
        Spelling::OneHot,
        |_| true,
        "onehot, sparse or multihot",
    );
    let class = shared("class", 0usize, |c| *c < 4, "a class from 0 to 3");
    let multi = shared(
        "multi",
        vec![true, false, true, false],
        |m: &Vec<bool>| m.len() == 4,
        "4 flags such as 1010",
    );
    let ls = shared_number("ls", 0.0, 0.0, 0.3);
    let y = Signal::derive(move || match spelling.get() {
        Spelling::MultiHot => multi
            .get()
            .iter()
            .map(|b| if *b { 1.0 } else { 0.0 })
            .collect::<Vec<_>>(),
        _ => (0..4)
            .map(|i| if i == class.get() { 1.0 } else { 0.0 })
            .collect(),
    });
    report_task("sparse-same", move || {
        spelling.get() == Spelling::Sparse && ls.get() == 0.0
    });
    report_task("smooth-optimum", move || {
        spelling.get() != Spelling::MultiHot && at_smoothed_optimum(&y.get(), &z.get(), ls.get())
    });
    let sig = Signal::derive(move || {
        z.get()
            .iter()
            .map(|v| math::sigmoid(*v))
            .collect::<Vec<_>>()
    });
    let soft = Signal::derive(move || math::softmax(&z.get()));
    let nan = f64::NAN;
    // Keras binary label smoothing: y(1 − ls) + 0.5·ls, applied before the loss.
    let y_binary = Signal::derive(move || {
        y.get()
            .iter()
            .map(|v| v * (1.0 - ls.get()) + 0.5 * ls.get())
            .collect::<Vec<_>>()
    });
    let bce_logits = Signal::derive(move || {
        math::binary_crossentropy(&y_binary.get(), &z.get(), true).unwrap_or(nan)
    });
    let bce_probs = Signal::derive(move || {
        math::binary_crossentropy(&y_binary.get(), &sig.get(), false).unwrap_or(nan)
    });
    let cce_logits = Signal::derive(move || {
        math::categorical_crossentropy(&y.get(), &z.get(), true, ls.get()).unwrap_or(nan)
    });
    let cce_probs = Signal::derive(move || {
        math::categorical_crossentropy(&y.get(), &soft.get(), false, ls.get()).unwrap_or(nan)
    });
    let floor = Signal::derive(move || math::entropy(&smooth(&y.get(), ls.get())));
    let sparse_logits = move || {
        (spelling.get() != Spelling::MultiHot).then(|| {
            math::sparse_categorical_crossentropy(class.get(), &z.get(), true).unwrap_or(nan)
        })
    };
    let y_text = move || match spelling.get() {
        Spelling::OneHot => format!("y_true = {}", py_list(&y.get())),
        Spelling::Sparse => format!("y_true = {}   (the class index)", class.get()),
        Spelling::MultiHot => format!("y_true = {}   (any subset)", py_list(&y.get())),
    };
    let multi_mode = Signal::derive(move || spelling.get() == Spelling::MultiHot);
    let is_true = Callback::new(move |i: usize| {
        if multi_mode.get() {
            multi.get()[i]
        } else {
            class.get() == i
        }
    });
    let pick = Callback::new(move |i: usize| {
        if multi_mode.get_untracked() {
            multi.update(|m| m[i] = !m[i]);
        } else {
            class.set(i);
        }
    });
    let labels = Signal::derive(|| class_labels(4));
    let programs = Signal::derive(move || {
        panels::labels_programs(
            spelling.get(),
            class.get(),
            &multi.get(),
            ls.get(),
            &z.get(),
        )
    });
    view! {
        <p>
            "The same truth can be written three ways. For exactly one true class, either a "
            <strong>"one-hot"</strong>" vector or a "<strong>"sparse"</strong>" integer index; "
            "for any subset of labels, a "<strong>"multi-hot"</strong>" vector. The spelling "
            "decides the loss's name, not its value."
        </p>
        <div class="controls">
            <fieldset>
                <legend>"Spelling"</legend>
                <label class="chip"><input type="radio" name="spelling" data-testid="spelling-onehot" prop:checked=move || spelling.get() == Spelling::OneHot on:change=move |_| spelling.set(Spelling::OneHot) />"one-hot"</label>
                <label class="chip"><input type="radio" name="spelling" data-testid="spelling-sparse" prop:checked=move || spelling.get() == Spelling::Sparse on:change=move |_| spelling.set(Spelling::Sparse) />"sparse index"</label>
                <label class="chip"><input type="radio" name="spelling" data-testid="spelling-multihot" prop:checked=move || spelling.get() == Spelling::MultiHot on:change=move |_| spelling.set(Spelling::MultiHot) />"multi-hot"</label>
            </fieldset>
            <fieldset>
                <legend>"True label(s)"</legend>
                <div class="chips"><ClassChips count=4 multi=multi_mode name="l3-class" testid="l3-label-" checked=is_true on_pick=pick /></div>
            </fieldset>
            <fieldset>
                <legend>"Label smoothing"</legend>
                <input type="range" min="0" max="0.3" step="0.01" data-testid="label-smoothing" aria-label="Label smoothing"
                    prop:value=move || ls.get().to_string()
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { ls.set(((v * 100.0).round() / 100.0).clamp(0.0, 0.3)) } }
                />
                " " <Readout name="label-smoothing" value=ls />
            </fieldset>
        </div>
        <pre class="y-true" data-testid="y-true">{y_text}</pre>
        <LogitsBeside caption="Logits z" values=z on_change=set labels>
            <figcaption>"softmax(z)"</figcaption>
            <ProbabilityBars values=soft labels y_label=Signal::derive(|| "softmax".to_string()) truth=Signal::derive(move || (spelling.get() != Spelling::MultiHot).then(|| class.get())) height=220 />
        </LogitsBeside>
        <p>
            "What the table below computes, for C labels with logits z and targets y (with "
            "label smoothing on, Keras smooths y first). Binary cross-entropy: one sigmoid and "
            "one yes/no loss per label, then their mean. Categorical cross-entropy: one softmax "
            "over all C, whose outputs share 1. Sparse: the same loss written with the true "
            "class k, the only term left when y is one-hot."
        </p>
        <div class="formula-scroll formula-pair loss-formulas" data-testid="loss-formulas" tabindex="0" role="region" aria-label="Loss formulas (scroll sideways on narrow screens)">
            <Formula block=true latex=FORMULA_BCE />
            <Formula block=true latex=FORMULA_CCE />
            <Formula block=true latex=FORMULA_SCCE />
        </div>
        <DataTable class="numbers" testid="l3-loss-table" label="Every loss, from logits and from probabilities" heads=&["Keras loss", "from logits", "from probabilities"] rows=vec![
            row(view! { <code>"binary_crossentropy"</code>" (σ per label, mean)" }, [
                cell(view! { <Readout name="l3-bce" value=bce_logits /> }),
                cell(view! { <Readout name="l3-bce-probs" value=bce_probs /> }),
            ]),
            row(view! { <code>"categorical_crossentropy"</code>" (softmax)" }, [
                cell(view! { <Readout name="l3-cce" value=cce_logits /> }),
                cell(view! { <Readout name="l3-cce-probs" value=cce_probs /> }),
            ]),
            row(view! { <code>"sparse_categorical_crossentropy"</code> }, [
                cell(view! { <MaybeReadout name="l3-scce" value=Signal::derive(sparse_logits) missing="needs exactly one class" /> }),
                cell("no label smoothing").class("muted"),
            ]),
        ] />
        <p>
            "Sparse and categorical cross-entropy give the same number for the same class (with "
            "no smoothing): they differ only in how the label is written. Binary "
            "cross-entropy asks a separate yes/no question per label and averages the answers, "
            "so it is the one that fits multi-hot labels."
        </p>
        <Predict>
            <p>
                "Set the smoothing to 0.1 or more and drag the logits until the categorical loss "
                "reaches the floor in the table. The true class then sits at "
                <Formula latex=r"1 - \mathrm{ls} + \mathrm{ls}/C" />", not at 1."
            </p>
            <p class="sums">
                "Lowest possible categorical loss at this smoothing (the entropy of the smoothed target): "
                <Readout name="l3-floor" value=floor />
            </p>
        </Predict>
        <CodePanels programs />
    }
    .into_any()
}
