//! Step 2 (reshape): a tiny (H, W, C) output and the matrix the softmax sees after the layers.

use super::{constant, value_chip};
use crate::chart::mask_grid::TensorGrid;
use crate::lessons::code_view::CodePanels;
use crate::lessons::segmentation::panels;
use crate::lessons::segmentation::tasks::rows_are_pixels;
use crate::lessons::view::{report_task, shared, ReadoutLine};
use crate::model::segmentation::{
    flatten_sources, flattened_loss, mixed_rows, reshape_sources, Flatten, RESHAPE_DIMS,
};
use crate::widgets::TensorGrids;
use leptos::prelude::*;

fn pixel_label(p: usize) -> String {
    let (_, w, _) = RESHAPE_DIMS;
    format!("{},{}", p / w, p % w)
}

fn tensor_grids(mode: Flatten) -> Vec<TensorGrid> {
    let (h, w, c) = RESHAPE_DIMS;
    let mut grids: Vec<TensorGrid> = (0..c)
        .map(|k| TensorGrid {
            title: format!("class {k}"),
            rows: h,
            cols: w,
            cells: (0..h * w).map(|p| (k, pixel_label(p))).collect(),
        })
        .collect();
    let cells = |src: Vec<(usize, usize)>| {
        src.into_iter()
            .map(|(p, k)| (k, pixel_label(p)))
            .collect::<Vec<_>>()
    };
    match mode {
        Flatten::ThreadReshapePermute => {
            grids.push(TensorGrid {
                title: format!("Reshape(({c}, {}))", h * w),
                rows: c,
                cols: h * w,
                cells: cells(reshape_sources(h, w, c)),
            });
            grids.push(TensorGrid {
                title: "Permute((2, 1))".into(),
                rows: h * w,
                cols: c,
                cells: cells(flatten_sources(mode, h, w, c)),
            });
        }
        Flatten::ReshapePixelsFirst => grids.push(TensorGrid {
            title: format!("Reshape(({}, {c}))", h * w),
            rows: h * w,
            cols: c,
            cells: cells(flatten_sources(mode, h, w, c)),
        }),
        Flatten::NoReshape => grids.push(TensorGrid {
            title: "softmax over the last axis".into(),
            rows: h * w,
            cols: c,
            cells: cells(flatten_sources(mode, h, w, c)),
        }),
    }
    grids
}

/// The step's view.
pub fn view() -> AnyView {
    let mode = shared(
        "flatten",
        Flatten::ThreadReshapePermute,
        |_| true,
        "thread, pixels-first or none",
    );
    report_task("rows-are-pixels", move || rows_are_pixels(mode.get()));
    let (h, w, c) = RESHAPE_DIMS;
    let grids = Signal::derive(move || tensor_grids(mode.get()));
    let mixed = Signal::derive(move || mixed_rows(mode.get()) as f64);
    let per_pixel = flattened_loss(Flatten::NoReshape);
    let after = Signal::derive(move || flattened_loss(mode.get()));
    let label = Signal::derive(move || {
        format!(
            "The ({h}, {w}, {c}) output as {c} class planes, then the matrix the softmax sees after the chosen layers: {} of its {} rows mix values of different pixels",
            mixed_rows(mode.get()),
            h * w
        )
    });
    let programs = Signal::derive(move || panels::reshape_programs(mode.get()));
    let choice = move |id: &'static str, value: Flatten, text: &'static str| {
        value_chip("flatten", id, mode, value, view! { <code>{text}</code> })
    };
    view! {
        <p>
            "The thread's second answer flattens the (H, W, C) output so that a softmax can act "
            "on rows. Here is a tiny output, H = "{h}", W = "{w}", C = "{c}", drawn as one plane "
            "per class; every cell is labelled with its pixel (row, column) and its class (c0, "
            "c1, c2), and coloured by the class. Watch where the values land."
        </p>
        <div class="controls">
            <fieldset class="seg-shrink">
                <legend>"Layers after the last convolution"</legend>
                {choice("flatten-thread", Flatten::ThreadReshapePermute, "Reshape((C, H*W)) + Permute((2, 1))")}
                {choice("flatten-pixels", Flatten::ReshapePixelsFirst, "Reshape((H*W, C))")}
                {choice("flatten-none", Flatten::NoReshape, "nothing (Keras 3)")}
            </fieldset>
        </div>
        <TensorGrids grids label height=250 />
        <ReadoutLine items=vec![("rows mixing different pixels: ", "mixed-rows", mixed), (" · loss after these layers: ", "flattened-loss", after), (" · the true per-pixel loss: ", "per-pixel-loss", constant(per_pixel))] />
        <p>
            "In memory a channels-last tensor stores pixel (0, 0)'s "{c}" class scores, then pixel "
            "(0, 1)'s, and so on. "<strong>"Reshape"</strong>" only cuts that sequence into rows "
            "of a new length; it never moves a value. Cutting it into rows of H·W = "{h * w}
            " therefore puts scores of different pixels and classes into one row, and the "
            "Permute that follows turns the mess on its side. A "<strong>"transpose"</strong>
            " (Permute) is what moves an axis. For one row per pixel, reshape to (H·W, C): "
            "then each row really is one pixel's scores, and the loss equals the per-pixel loss."
        </p>
        <p>
            "The thread's recipe was right where it came from. Keras 1 on Theano (the \"th\" "
            "dimension ordering) put the channels first, (C, H, W): there each class's plane of "
            "H·W scores lies together in memory, Reshape((C, H·W)) makes one row per class, and "
            "Permute((2, 1)) turns that into one row per pixel. What changed is the layout: on "
            "the channels-last (H, W, C) output of Keras 3 (and TensorFlow) the same two lines "
            "scramble the pixels, as drawn above. The programs below run the thread's layers on "
            "both layouts."
        </p>
        <p>
            "In Keras 3 even that is unnecessary: the softmax activation and the cross-entropy "
            "losses act on the last axis of a tensor of any rank, so the (B, H, W, C) output "
            "goes straight into the loss. And "<strong>"global averaging"</strong>" would be "
            "worse than any reshape: GlobalAveragePooling2D turns (B, H, W, C) into (B, C), one "
            "answer per image, and the map is gone."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
