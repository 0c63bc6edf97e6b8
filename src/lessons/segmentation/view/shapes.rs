//! Step 1 (shapes): pick a set-up, see its shapes, last layer and loss in Keras and PyTorch.

use super::chip;
use crate::lessons::code_view::CodePanels;
use crate::lessons::segmentation::tasks::{
    is_binary_sigmoid, is_pytorch_sparse_five, keeps_image_size,
};
use crate::lessons::segmentation::{panels, FORMULA_SAME, FORMULA_VALID};
use crate::lessons::view::{cell, report_task, row, shared, DataTable, Formula, Predict};
use crate::model::segmentation::{
    shape_text, Framework, Head, LabelFormat, LastLayer, ShapeReport, ShapeSetup,
};
use crate::widgets::Readout;
use leptos::prelude::*;

fn layer_name(l: LastLayer) -> &'static str {
    match l {
        LastLayer::ThreadCall => "Convolution2D(C, 3, 3) (the thread's call)",
        LastLayer::Valid3 => "Conv2D(C, 3)",
        LastLayer::Same3 => "Conv2D(C, 3, padding=\"same\")",
        LastLayer::OneByOne => "Conv2D(C, 1)",
    }
}

/// The step's view.
pub fn view() -> AnyView {
    let setup = shared(
        "setup",
        ShapeSetup::start(),
        |_| true,
        "a set-up such as keras_softmax_onehot_3_thread_8_128_128",
    );
    report_task("keep-size", move || keeps_image_size(&setup.get()));
    report_task("pytorch-sparse", move || {
        is_pytorch_sparse_five(&setup.get())
    });
    report_task("binary-sigmoid", move || is_binary_sigmoid(&setup.get()));
    let report = Memo::new(move |_| setup.get().report());
    let set = move |f: fn(&mut ShapeSetup)| setup.update(f);
    let radio = move |name: &'static str,
                      id: &'static str,
                      label: &'static str,
                      checked: fn(&ShapeSetup) -> bool,
                      apply: fn(&mut ShapeSetup)| {
        chip(
            name,
            id,
            move || setup.with(checked),
            move || set(apply),
            label,
        )
    };
    let programs = Signal::derive(move || panels::shape_programs(&setup.get()));
    let shape_row =
        move |name: &'static str, id: &'static str, shape: fn(&ShapeReport) -> String| {
            row(
                name,
                [cell(
                    view! { <code data-testid=id>{move || report.with(shape)}</code> },
                )],
            )
        };
    let layers = [
        LastLayer::ThreadCall,
        LastLayer::Valid3,
        LastLayer::Same3,
        LastLayer::OneByOne,
    ];
    let classes = Signal::derive(move || setup.get().classes as f64);
    let values_per_image = Signal::derive(move || {
        let r = report.get();
        r.output.iter().skip(1).product::<usize>() as f64
    });
    view! {
        <p>
            "A classifier outputs one vector of class scores per image. A segmentation network "
            "outputs one such vector "<em>"per pixel"</em>": the encoder shrinks the image into "
            "features, the decoder grows them back to full size, and the last layer turns each "
            "pixel's features into C class scores. So the output keeps the image's height and "
            "width and swaps its 3 colour channels for C class channels. Where that class axis "
            "sits depends on the framework."
        </p>
        <Predict>
            <div class="controls">
                <fieldset>
                    <legend>"Framework"</legend>
                    {radio("seg-fw", "fw-keras", "Keras 3 (channels last)", |s| s.framework == Framework::Keras, |s| s.framework = Framework::Keras)}
                    {radio("seg-fw", "fw-pytorch", "PyTorch (channels first)", |s| s.framework == Framework::PyTorch, |s| s.framework = Framework::PyTorch)}
                </fieldset>
                <fieldset>
                    <legend>"Output head"</legend>
                    {radio("seg-head", "head-softmax", "softmax over C channels", |s| s.head == Head::Softmax, |s| s.head = Head::Softmax)}
                    {radio("seg-head", "head-sigmoid", "one sigmoid channel", |s| s.head == Head::Sigmoid, |s| s.head = Head::Sigmoid)}
                </fieldset>
                <fieldset>
                    <legend>"Labels"</legend>
                    {radio("seg-labels", "labels-onehot", "one-hot", |s| s.labels == LabelFormat::OneHot, |s| s.labels = LabelFormat::OneHot)}
                    {radio("seg-labels", "labels-sparse", "sparse (integer per pixel)", |s| s.labels == LabelFormat::Sparse, |s| s.labels = LabelFormat::Sparse)}
                </fieldset>
                <fieldset class="seg-range">
                    <legend>"Classes C"</legend>
                    <input type="range" min="1" max="8" step="1" data-testid="classes" aria-label="Number of classes"
                        prop:value=move || setup.get().classes.to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                setup.update(|s| s.classes = v.clamp(1, 8));
                            }
                        } />
                    " C = " <Readout name="classes" value=classes />
                </fieldset>
                <fieldset class="seg-shrink">
                    <legend>"Last layer"</legend>
                    // Chips, not a <select>: every choice in sight, one tap or click each.
                    {layers.iter().map(|&l| {
                        let id = match l {
                            LastLayer::ThreadCall => "last-layer-thread",
                            LastLayer::Valid3 => "last-layer-valid",
                            LastLayer::Same3 => "last-layer-same",
                            LastLayer::OneByOne => "last-layer-one",
                        };
                        chip(
                            "seg-last-layer",
                            id,
                            move || setup.with(|s| s.last_layer == l),
                            move || setup.update(|s| s.last_layer = l),
                            view! { <code>{layer_name(l)}</code> },
                        )
                    }).collect::<Vec<_>>()}
                </fieldset>
            </div>
            <DataTable class="numbers shape-table" testid="shape-table" label="Shapes of this set-up" rows=vec![
                shape_row("input batch", "shape-input", |r| shape_text(&r.input)),
                shape_row("model output", "shape-output", |r| shape_text(&r.output)),
                shape_row("labels", "shape-target", |r| format!("{} {}", shape_text(&r.target), r.target_dtype)),
                shape_row("class axis (softmax / loss act here)", "class-axis", |r| r.class_axis.to_string()),
                shape_row("last layer", "layer-code", |r| r.layer_code.clone()),
                shape_row("loss", "loss-code", |r| r.loss_code.clone()),
                row("output values per image", [cell(view! { <Readout name="values-per-image" value=values_per_image /> })]),
            ] />
            {move || {
                let r = report.get();
                (!r.problems.is_empty()).then(|| view! {
                    <div class="shape-problems" role="status" data-testid="shape-problems">
                        <strong>"This set-up does not train: "</strong>
                        <ul>{r.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul>
                    </div>
                })
            }}
            <ul class="shape-notes" data-testid="shape-notes">
                {move || report.get().notes.into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
            </ul>
            <CodePanels programs />
        </Predict>
        <p>
            "A convolution's output size along each axis is "
            <Formula latex=FORMULA_VALID />
            " with padding \"valid\" (kernel k, stride s) and "<Formula latex=FORMULA_SAME />
            " with padding \"same\". Only a stride of 1 with \"same\" padding (or a 1 × 1 "
            "kernel) keeps one output per input pixel."
        </p>
    }
    .into_any()
}
