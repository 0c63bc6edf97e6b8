//! Step 2 (shift): adding the same constant to every logit moves no probability.

use crate::lessons::code_view::CodePanels;
use crate::lessons::logits::panels;
use crate::lessons::logits::tasks::shifted_enough;
use crate::lessons::view::{
    class_labels, logits_state, report_task, shared, use_revealed, Formula, Predict,
};
use crate::math;
use crate::widgets::{LogitBars, ProbabilityBars, Readout};
use leptos::prelude::*;

/// Adding a constant to every logit: the buttons, the change readouts and the stable softmax.
pub fn view() -> AnyView {
    let (z, set_one) = logits_state(&[2.0, 1.0, 0.5]);
    let baseline = shared(
        "before",
        vec![2.0, 1.0, 0.5],
        |b: &Vec<f64>| b.len() == 3 && b.iter().all(|v| v.abs() <= 1000.0),
        "3 logits within ±1000",
    );
    let total = shared("shift", 0.0f64, |t| t.abs() <= 1e6, "a shift within ±1e6");
    // Dragging one bar starts a new comparison: that logit changed on its own.
    let set = Callback::new(move |(i, v): (usize, f64)| {
        set_one.run((i, v));
        baseline.set(z.get_untracked());
        total.set(0.0);
    });
    // A shift that would push a logit past the chart's ±120 edge is refused (and said so):
    // a logit stopped at the edge would not move by c, and the comparison would be void.
    let refused = RwSignal::new(false);
    let add = move |c: f64| {
        let fits = z.with_untracked(|z| panels::shift_fits(z, c));
        refused.set(!fits);
        if !fits {
            return;
        }
        z.update(|z| {
            for v in z.iter_mut() {
                *v += c;
            }
        });
        total.set(((total.get_untracked() + c) * 1e9).round() / 1e9);
    };
    report_task("shift-100", move || shifted_enough(total.get()));
    let p = Signal::derive(move || math::softmax(&z.get()));
    let p_before = Signal::derive(move || math::softmax(&baseline.get()));
    let change64 = Signal::derive(move || {
        p.get()
            .iter()
            .zip(p_before.get())
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max)
    });
    let change32 = Signal::derive(move || {
        let now = math::shifted_softmax_f32(&z.get());
        let before = math::shifted_softmax_f32(&baseline.get());
        now.iter()
            .zip(before)
            .map(|(a, b)| (*a as f64 - b as f64).abs())
            .fold(0.0, f64::max)
    });
    let labels = Signal::derive(|| class_labels(3));
    // The buttons answer the prediction (their task ticks, the program prints the result):
    // they wait for it.
    let revealed = use_revealed();
    let programs = Signal::derive(move || panels::shift_programs(&baseline.get(), &z.get()));
    view! {
        <p>
            "Below, the buttons add the same number c to every logit at once. First predict "
            "what the probabilities will do (the question under the chart): the buttons unlock "
            "once you have answered."
        </p>
        <div class="button-row" role="group" aria-label="Add c to every logit">
            {[-10.0, -1.0, 1.0, 10.0, 100.0].into_iter().map(|c| view! {
                <button type="button" data-testid=format!("shift-{c}") disabled=move || !revealed.get() on:click=move |_| add(c)>
                    {if c > 0.0 { format!("+{c}") } else { format!("−{}", -c) }}
                </button>
            }).collect::<Vec<_>>()}
            <span>" Total added since the last drag: " <Readout name="total-shift" value=total /></span>
        </div>
        {move || refused.get().then(|| view! {
            <p class="notice" role="status" data-testid="shift-refused">
                "Not applied: the chart stops at ±120, and that shift would push a logit past the "
                "edge, where it could not move by the same amount as the others. Shift the other "
                "way first, or drag a bar down."
            </p>
        })}
        <figure>
            <figcaption>"Logits z (range ±120 here, so the shift stays visible)"</figcaption>
            <LogitBars values=z on_change=set range=Signal::derive(|| 120.0) labels height=240 />
        </figure>
        <Predict>
            <figure>
                <figcaption>"softmax(z) after the shift"</figcaption>
                <ProbabilityBars values=p labels y_label=Signal::derive(|| "softmax p".to_string()) height=200 />
            </figure>
            <p>
                "Largest change of any probability since the last drag: "
                <Readout name="change-f64" value=change64 />" in float64, "
                <Readout name="change-f32" value=change32 />" in float32. "
                "In exact arithmetic the change is 0; computers round each exponential, so "
                "float64 agrees to about 1e−16 and float32 to about 5e−7, far below the "
                "4 digits on screen."
            </p>
            <Formula block=true latex=r"\frac{e^{z_i + c}}{\sum_j e^{z_j + c}} = \frac{e^{c}\,e^{z_i}}{e^{c}\sum_j e^{z_j}} = \frac{e^{z_i}}{\sum_j e^{z_j}}" />
            <p>
                "This is the "<strong>"stable softmax"</strong>": subtract the largest logit "
                "(c = −max z) before exponentiating. Same probabilities, but no exponential "
                "ever exceeds e⁰ = 1, so nothing overflows."
            </p>
        </Predict>
        <CodePanels programs />
    }
    .into_any()
}
