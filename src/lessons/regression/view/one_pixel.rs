//! Step "one-pixel": one pixel's target and raw output z, each set-up's loss and gradient
//! curves, and the pixel as each output paints it.

use super::RangeField;
use crate::chart::ImagePanels;
use crate::format::format4;
use crate::lessons::code_view::CodePanels;
use crate::lessons::regression::charts::curves_for;
use crate::lessons::regression::tasks::{linear_hits_high_target, sigmoid_hits_high_target};
use crate::lessons::regression::{panels, ONE_PIXEL_START};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{logits_state, report_task, shared_number, Formula};
use crate::math;
use crate::model::regression::Head;
use crate::widgets::{CurvePlot, ImageStrip, LogitBars, NumberField, Readout};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    let (y0, z0) = ONE_PIXEL_START;
    let y = shared_number("y", y0, 0.0, 1.0);
    let (zs, set_z) = logits_state(&[z0]);
    let z = Signal::derive(move || zs.with(|v| v.first().copied().unwrap_or(0.0)));
    report_task("sigmoid-hits", move || {
        sigmoid_hits_high_target(y.get(), z.get())
    });
    report_task("linear-hits", move || {
        linear_hits_high_target(y.get(), z.get())
    });
    let on_point = Callback::new(move |x: f64| zs.set(vec![x.clamp(-6.0, 6.0)]));
    let on_y = Callback::new(move |v: f64| y.set(v));
    let panels = Head::ALL
        .iter()
        .map(|&head| {
            let key = head.key();
            let curves = Signal::derive(move || curves_for(head, y.get()).to_vec());
            view! {
                <figure>
                    <figcaption>{head.name()}": loss and dL/dz against z"</figcaption>
                    <CurvePlot
                        curves
                        x_range=Signal::derive(|| (-6.0, 6.0))
                        y_range=Signal::derive(|| (-1.5, 3.0))
                        x_label="raw output z"
                        y_label="loss, gradient"
                        point=z
                        on_change=on_point
                        step=0.1
                        testid=match head {
                            Head::LinearMse => "curve-linear",
                            Head::SigmoidMse => "curve-sigmoid-mse",
                            Head::SigmoidBce => "curve-sigmoid-bce",
                        }
                        value_name=format!("z for {}", head.name())
                        height=230
                    />
                    <p class="sums">
                        "ŷ = " <Readout name=format!("out-{key}") value=Signal::derive(move || head.output(z.get())) />
                        " · L = " <Readout name=format!("loss-{key}") value=Signal::derive(move || head.loss(y.get(), z.get())) />
                        " · dL/dz = " <Readout name=format!("grad-{key}") value=Signal::derive(move || head.grad(y.get(), z.get())) />
                    </p>
                </figure>
            }
        })
        .collect::<Vec<_>>();
    let programs = Signal::derive(move || panels::one_pixel_programs(y.get(), z.get()));
    let best_bce = Signal::derive(move || Head::SigmoidBce.min_loss(y.get()));
    let swatch_panels = Signal::derive(|| ImagePanels {
        side: 1,
        titles: vec![
            "target y".to_string(),
            "linear: ŷ = z".to_string(),
            "sigmoid: ŷ = σ(z)".to_string(),
        ],
    });
    let swatches =
        Signal::derive(move || vec![vec![y.get()], vec![z.get()], vec![math::sigmoid(z.get())]]);
    let swatch_label = Signal::derive(move || {
        format!(
            "The pixel: target grey {}, linear prediction {}, sigmoid prediction {}",
            format4(y.get()),
            format4(z.get()),
            format4(math::sigmoid(z.get()))
        )
    });
    view! {
        <p>
            "Take a single pixel of the asker's image. Its target is a grey level y between 0 "
            "(black) and 1 (white); the last layer produces one raw number z for it. Drag z (the "
            "bar, or the point on any curve), or type it, and move the target: three common "
            "set-ups turn z into a prediction ŷ and score it."
        </p>
        <div class="pixel-layout">
            <div class="pixel-controls">
                <LogitBars values=zs on_change=set_z range=Signal::derive(|| 6.0) labels=Signal::derive(|| vec!["z".to_string()]) height=240 value_name="Output" />
                // One pixel of the bar is about 0.1 in z, coarser than the tasks' windows.
                <NumberField value=z on_commit=on_point min=-6.0 max=6.0 label="z =" what="the output z" testid="z-field" />
            </div>
            <div class="pixel-side">
                <RangeField value=y on_change=on_y min=0.0 max=1.0 step=0.01 label="Target y =" testid="target" />
                <NumberField value=y on_commit=on_y min=0.0 max=1.0 label="y =" what="the target" testid="y-field" />
                <ImageStrip panels=swatch_panels images=swatches label=swatch_label testid="pixel-swatches" height=150 />
            </div>
        </div>
        <div class="three-charts">{panels}</div>
        <p>
            "Each curve plot shows one set-up's loss (first colour) and its gradient (second "
            "colour) against z. Gradient descent moves z against the gradient, so where a "
            "gradient curve hugs 0 the set-up barely learns. The squares show the pixel as each "
            "output paints it (an orange dot means the linear prediction is outside [0, 1] and "
            "is drawn clipped). The three set-ups, written out:"
        </p>
        <DataTable class="numbers setups" label="Three set-ups for one pixel" heads=&["set-up", "prediction ŷ", "loss L", "gradient dL/dz"] rows=vec![
            row("linear + MSE", [
                cell(view! { <Formula latex=r"z" /> }),
                cell(view! { <Formula latex=r"(z - y)^2" /> }),
                cell(view! { <Formula latex=r"2(z - y)" /> }),
            ]),
            row("sigmoid + MSE", [
                cell(view! { <Formula latex=r"\sigma(z)" /> }),
                cell(view! { <Formula latex=r"(\sigma(z) - y)^2" /> }),
                cell(view! { <Formula latex=r"2(\sigma - y)\,\sigma(1 - \sigma)" /> }),
            ]),
            row("sigmoid + BCE", [
                cell(view! { <Formula latex=r"\sigma(z)" /> }),
                cell(view! { <Formula latex=r"-y\ln\sigma(z) - (1 - y)\ln(1 - \sigma(z))" /> }),
                cell(view! { <Formula latex=r"\sigma - y" /> }),
            ]),
        ] />
        <p>
            "Notice where each loss is smallest. The linear head wants z = y; the sigmoid heads "
            "want z = logit(y), which is a different number (and runs off to ±∞ as y reaches "
            "0 or 1). With a soft target, binary cross-entropy bottoms out at the entropy of y, "
            "not at 0: for this target its lowest possible value is "
            <Readout name="bce-floor" value=best_bce />
            ". That is why the race later compares the set-ups by the squared error of their "
            "predictions, not by their losses."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
