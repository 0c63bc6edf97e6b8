//! Step 3 (log-odds): the logit function and the sigmoid, read in both directions.

use crate::chart::CurveKind;
use crate::lessons::code_view::CodePanels;
use crate::lessons::logits::panels;
use crate::lessons::logits::tasks::found_p_09;
use crate::lessons::view::{report_task, shared_number, Formula, ReadoutLine};
use crate::math;
use crate::widgets::CurvePlot;
use leptos::prelude::*;

/// The log-odds: two linked curves, logit(p) and σ(z).
pub fn view() -> AnyView {
    let p = shared_number("p", 0.5, 0.001, 0.999);
    let clamp_p = |v: f64| (v.clamp(0.001, 0.999) * 1000.0).round() / 1000.0;
    let z = Signal::derive(move || math::logit(p.get()));
    report_task("p-0.9", move || found_p_09(p.get()));
    let on_p = Callback::new(move |v: f64| p.set(clamp_p(v)));
    let on_z = Callback::new(move |v: f64| p.set(clamp_p(math::sigmoid(v))));
    let odds = Signal::derive(move || p.get() / (1.0 - p.get()));
    let programs = Signal::derive(move || panels::log_odds_programs(p.get()));
    view! {
        <p>
            "Long before deep learning, “logit” named a "<em>"function"</em>" in statistics: "
            "the logarithm of the odds of a probability. "
            "The two curves below are the same relation read in both directions: the logit on "
            "the left takes a probability to a score; the sigmoid on the right takes the score "
            "back to the probability. Swap the axes of one and you get the other: they are "
            "mirror images across the line y = x. Drag either point; they move together."
        </p>
        <div class="two-charts">
            <figure>
                <figcaption>"z = logit(p): drag along p"</figcaption>
                <CurvePlot
                    curves=Signal::derive(|| vec![CurveKind::Logit])
                    x_range=Signal::derive(|| (0.0, 1.0))
                    y_range=Signal::derive(|| (-6.0, 6.0))
                    x_label="probability p"
                    y_label="logit z"
                    point=p
                    on_change=on_p
                    step=0.01
                    testid="logit-curve"
                    value_name="Probability p"
                    height=260
                />
            </figure>
            <figure>
                <figcaption>"p = σ(z): drag along z"</figcaption>
                <CurvePlot
                    curves=Signal::derive(|| vec![CurveKind::Sigmoid])
                    x_range=Signal::derive(|| (-6.0, 6.0))
                    y_range=Signal::derive(|| (0.0, 1.0))
                    x_label="logit z"
                    y_label="probability p"
                    point=z
                    on_change=on_z
                    step=0.1
                    testid="sigmoid-curve"
                    value_name="Logit z"
                    height=260
                />
            </figure>
        </div>
        <ReadoutLine items=vec![("p = ", "p", p.into()), (" · odds p/(1−p) = ", "odds", odds), (" · logit(p) = ln(odds) = ", "logit", z)] />
        <Formula block=true latex=r"\mathrm{logit}(p) = \ln\frac{p}{1-p}, \qquad \sigma(z) = \frac{1}{1+e^{-z}}, \qquad \sigma(\mathrm{logit}(p)) = p" />
        <p>
            "Deep learning borrowed the word because, for a sigmoid output, the raw score "
            "really is the log-odds of the predicted probability. For softmax outputs the name "
            "is used loosely: “the scores that go into softmax”."
        </p>
        <aside class="card history" data-testid="history">
            <h3>"A little history"</h3>
            <p>
                "Chester Bliss introduced the “probit” in 1934 for dose–response experiments. "
                "Joseph Berkson introduced the “logit” in 1944 in the Journal of the American "
                "Statistical Association, naming it after Bliss's probit. The word is commonly "
                "read as short for “logistic unit”, though that expansion is not Berkson's own."
            </p>
        </aside>
        <CodePanels programs />
    }
    .into_any()
}
