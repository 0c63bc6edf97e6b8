//! Step "saturation": where sigmoid + MSE stops learning — the gradients of the sigmoid
//! set-ups against z, Keras' clipped probability path and PyTorch's `BCELoss`.

use super::RangeField;
use crate::chart::CurveKind;
use crate::lessons::code_view::CodePanels;
use crate::lessons::regression::charts::saturation_curves;
use crate::lessons::regression::tasks::{keras_path_is_flat, saturated_at_minus_8};
use crate::lessons::regression::{panels, SATURATION_START};
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{logits_state, report_task, shared_number, Formula, Predict};
use crate::math;
use crate::model::regression::{pytorch_bce_probability_grad, Head};
use crate::widgets::{CurvePlot, LogitBars, NumberField, Readout};
use leptos::prelude::*;

/// The step's view.
pub fn view() -> AnyView {
    let (y0, z0) = SATURATION_START;
    let y = shared_number("y", y0, 0.0, 1.0);
    let (zs, set_z) = logits_state(&[z0]);
    let z = Signal::derive(move || zs.with(|v| v.first().copied().unwrap_or(0.0)));
    report_task("saturate", move || saturated_at_minus_8(y.get(), z.get()));
    report_task("clip-flat", move || keras_path_is_flat(y.get(), z.get()));
    let on_point = Callback::new(move |x: f64| zs.set(vec![x.clamp(-20.0, 20.0)]));
    let on_y = Callback::new(move |v: f64| y.set(v));
    let out = Signal::derive(move || math::sigmoid(z.get()));
    let g_mse = Signal::derive(move || Head::SigmoidMse.grad(y.get(), z.get()));
    let g_bce = Signal::derive(move || Head::SigmoidBce.grad(y.get(), z.get()));
    let g_clip =
        Signal::derive(move || math::clipped_binary_crossentropy_grad_logit(y.get(), z.get()));
    let g_torch = Signal::derive(move || pytorch_bce_probability_grad(y.get(), z.get()));
    // (σ − y) / (2(σ − y)σ(1 − σ)) = 1 / (2σ(1 − σ)): finite wherever σ' is, even
    // where both gradients are 0 (the target is met).
    let ratio = Signal::derive(move || 1.0 / (2.0 * math::sigmoid_grad(z.get())));
    let curves = Memo::new(move |_| saturation_curves(y.get()));
    let loss_curves = Signal::derive(move || curves.get().map(|[loss, _]| loss).to_vec());
    let grad_curves = Signal::derive(move || curves.get().map(|[_, grad]| grad).to_vec());
    let programs = Signal::derive(move || panels::saturation_programs(y.get(), z.get()));
    // The two charts differ only in their curves, vertical range and names.
    let chart = move |caption: &'static str,
                      curves: Signal<Vec<CurveKind>>,
                      y_range: (f64, f64),
                      y_label: &'static str,
                      testid: &'static str| {
        view! {
            <figure>
                <figcaption>{caption}</figcaption>
                <CurvePlot
                    curves
                    x_range=Signal::derive(|| (-20.0, 20.0))
                    y_range=Signal::derive(move || y_range)
                    x_label="output z (pre-activation)"
                    y_label
                    point=z
                    on_change=on_point
                    step=0.1
                    testid
                    value_name="Output z (pre-activation)"
                    height=250
                />
            </figure>
        }
    };
    view! {
        <p>
            "Both sigmoid set-ups compute the same prediction σ(z); only the loss differs. By "
            "the chain rule, the squared error's gradient picks up the sigmoid's slope:"
        </p>
        <Formula block=true latex=r"\frac{\partial}{\partial z}(\sigma(z) - y)^2 = 2(\sigma - y)\,\sigma(1 - \sigma) \qquad\qquad \frac{\partial}{\partial z}\mathrm{BCE}(y, \sigma(z)) = \sigma - y" />
        <p>
            "When the unit is saturated (σ near 0 or 1) the slope σ(1 − σ) is tiny, and sigmoid "
            "+ MSE gets almost no gradient, even when it is completely wrong. Cross-entropy's "
            "logarithm cancels that slope, so its gradient is just the error σ − y. The range "
            "here is ±20."
        </p>
        <div class="pixel-layout">
            <div class="pixel-controls">
                <RangeField value=y on_change=on_y min=0.0 max=1.0 step=0.01 label="Target y =" testid="target" />
                <LogitBars values=zs on_change=set_z range=Signal::derive(|| 20.0) labels=Signal::derive(|| vec!["z".to_string()]) height=240 value_name="Output" />
                // One pixel of the bar is about 0.2 in z, coarser than the task's ±0.05.
                <NumberField value=z on_commit=on_point min=-20.0 max=20.0 label="z =" what="the output z" testid="z-field" />
                <p class="sums">"σ(z) = " <Readout name="sat-out" value=out /></p>
            </div>
            <div class="two-charts">
                {chart("Gradient dL/dz against z", grad_curves, (-1.1, 1.1), "dL/dz", "saturation-grad")}
                {chart("Loss against z", loss_curves, (-0.5, 20.0), "loss", "saturation-loss")}
            </div>
        </div>
        <Predict>
            <DataTable class="numbers" testid="gradient-table" label="Gradient per set-up" heads=&["dL/dz", "value", "why"] rows=vec![
                row("sigmoid + MSE", [
                    cell(view! { <Readout name="sat-grad-mse" value=g_mse /> }),
                    cell("2(σ − y) times the slope σ(1 − σ): vanishes when saturated.").class("muted"),
                ]),
                row(view! { "sigmoid + BCE ("<code>"from_logits=True"</code>")" }, [
                    cell(view! { <Readout name="sat-grad-bce" value=g_bce /> }),
                    cell("σ − y: as large as the mistake.").class("muted"),
                ]),
                row(view! { "Keras probability path ("<code>"from_logits=False"</code>")" }, [
                    cell(view! { <Readout name="sat-grad-keras-clipped" value=g_clip /> }),
                    cell("σ − y until the clip at 1e−7 bites (|z| ≥ 16.118), then exactly 0.").class("muted"),
                ]),
                row(view! { "PyTorch "<code>"BCELoss"</code>" on σ(z)" }, [
                    cell(view! { <Readout name="sat-grad-torch-bceloss" value=g_torch /> }),
                    cell("σ − y until p(1 − p) < 1e−12 (|z| ≳ 27.6), then fading.").class("muted"),
                ]),
            ] />
            <p class="sums">"At this z, cross-entropy's gradient is 1 / (2σ(1 − σ)) = " <Readout name="sat-ratio" value=ratio /> " times sigmoid + MSE's."</p>
        </Predict>
        <p>
            "With plain gradient descent, whose step is the learning rate times the gradient, "
            "sigmoid + MSE therefore learns slowly from a bad start and fastest in the middle, "
            "where σ(1 − σ) peaks at 0.25. (Adam is different: the race in the next step shows "
            "how.) The fix that works with any optimizer is not to drop the sigmoid but to pair "
            "it with cross-entropy computed from z: in Keras "
            <code>"BinaryCrossentropy(from_logits=True)"</code>", in PyTorch "
            <code>"BCEWithLogitsLoss"</code>". With "<code>"from_logits=False"</code>" Keras "
            "clips the probability to [1e−7, 1 − 1e−7] (on the JAX and PyTorch backends), and "
            "below z ≈ −16.1 the gradient is flat again."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
