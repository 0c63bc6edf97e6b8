//! Step 2 (threshold): binary_accuracy and its threshold, on probabilities or raw logits.

use crate::lessons::code::py_list;
use crate::lessons::code_view::CodePanels;
use crate::lessons::losses_metrics::tasks::logit_threshold_matches;
use crate::lessons::losses_metrics::view::names;
use crate::lessons::losses_metrics::{panels, OBJECTS};
use crate::lessons::view::{logits_state, report_task, shared, shared_number, ReadoutLine};
use crate::math;
use crate::widgets::{LogitBars, Readout};
use leptos::prelude::*;

/// binary_accuracy and its threshold: what y_pred holds, the threshold slider and the accuracies.
pub fn view() -> AnyView {
    let (z, set) = logits_state(&[2.0, -0.3, 0.3, -1.0, -2.0]);
    let y = panels::THRESHOLD_Y;
    let raw = shared("raw", false, |_| true, "0 or 1");
    let t = shared_number("t", 0.5, -3.0, 3.0);
    if !raw.get_untracked() && !(0.0..=1.0).contains(&t.get_untracked()) {
        t.set(0.5); // a probability threshold from a link that only fits logits
    }
    report_task("logit-threshold", move || {
        logit_threshold_matches(raw.get(), t.get())
    });
    let y_pred = Signal::derive(move || {
        if raw.get() {
            z.get()
        } else {
            z.get().iter().map(|v| math::sigmoid(*v)).collect()
        }
    });
    let acc = Signal::derive(move || {
        math::binary_accuracy(&y, &y_pred.get(), t.get()).unwrap_or(f64::NAN)
    });
    let meant = Signal::derive(move || {
        let p: Vec<f64> = z.get().iter().map(|v| math::sigmoid(*v)).collect();
        math::binary_accuracy(&y, &p, 0.5).unwrap_or(f64::NAN)
    });
    let predicted = move || {
        y_pred
            .get()
            .iter()
            .map(|v| if *v > t.get() { "1" } else { "0" })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A threshold other than 0 can agree on these five logits by luck: say why it is not the
    // answer, and how to see it fail.
    let lucky = move || {
        let (t, z) = (t.get(), z.get());
        let same = z.iter().all(|v| (*v > t) == (math::sigmoid(*v) > 0.5));
        (raw.get() && t.abs() > 1e-9 && same).then(|| {
            let (lo, hi) = if t > 0.0 { (0.0, t) } else { (t, 0.0) };
            format!(
                "At {} these five logits happen to give the same answers, but a logit between {} and {} would not: drag a bar there and watch. Only 0 agrees for every logit, because σ(z) > 0.5 exactly when z > 0.",
                crate::format::format4(t),
                crate::format::format4(lo),
                crate::format::format4(hi)
            )
        })
    };
    let programs = Signal::derive(move || panels::threshold_programs(&z.get(), raw.get(), t.get()));
    view! {
        <p>
            "For multi-label outputs, Keras' "<code>"binary_accuracy"</code>" thresholds every "
            "prediction (positive when it is "<em>"greater than"</em>" the threshold, 0.5 by "
            "default) and returns, for each label, 1 where it matches and 0 where not: five "
            "values here, not their mean. The metric object "<code>"BinaryAccuracy"</code>
            " (what "<code>"model.compile"</code>" uses) averages them. The default threshold assumes y_pred "
            "holds probabilities. If your model outputs raw logits (a Dense layer with no "
            "activation, trained with "<code>"from_logits=True"</code>"), 0.5 is the wrong "
            "cut: σ(z) > 0.5 exactly when z > 0."
        </p>
        <p class="sums">"This sample's labels: y_true = " {py_list(&y)}</p>
        <LogitBars values=z on_change=set range=Signal::derive(|| 6.0) labels=names(&OBJECTS) height=220 />
        <div class="controls">
            <fieldset>
                <legend>"y_pred holds"</legend>
                <label class="chip"><input type="radio" name="ypred" data-testid="ypred-probs" prop:checked=move || !raw.get() on:change=move |_| { raw.set(false); t.set(0.5); } />"probabilities σ(z)"</label>
                <label class="chip"><input type="radio" name="ypred" data-testid="ypred-logits" prop:checked=move || raw.get() on:change=move |_| raw.set(true) />"raw logits z"</label>
            </fieldset>
            <fieldset>
                <legend>"Threshold"</legend>
                <input type="range" step="0.05" data-testid="threshold" aria-label="Threshold"
                    min=move || if raw.get() { "-3" } else { "0" }
                    max=move || if raw.get() { "3" } else { "1" }
                    prop:value=move || t.get().to_string()
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { t.set((v * 100.0).round() / 100.0) } }
                />
                " " <Readout name="threshold" value=t />
            </fieldset>
        </div>
        <p class="sums" data-testid="predicted">"predicted: [" {predicted} "]"</p>
        {move || lucky().map(|text| view! { <p class="notice" role="status" data-testid="lucky-threshold">{text}</p> })}
        <ReadoutLine items=vec![("BinaryAccuracy (the mean) = ", "binary-accuracy", acc), (" · what you meant (σ(z) at 0.5) = ", "meant-accuracy", meant)] />
        <p>
            "The same trap hides in "<code>"keras.metrics.F1Score"</code>": with its default "
            <code>"threshold=None"</code>" it takes the argmax of each row, one label per "
            "sample, which is wrong for multi-label. Use "<code>"F1Score(average=None, threshold=0.5)"</code>
            " for per-label scores on probabilities."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
