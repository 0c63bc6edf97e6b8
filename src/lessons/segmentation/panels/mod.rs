//! Lesson 6's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).
//! Each program builds its own small data from the numbers on screen: a blank batch of the
//! shapes on screen, the 2 × 2 × 3 reshape example, the painted mask, the inspector's map.
//! One file per step; the registry and what the steps share are here.

mod inspector;
mod paint;
mod reshape;
mod shapes;
mod softmax_trap;

pub use inspector::inspector_programs;
pub use paint::paint_programs;
pub use reshape::reshape_programs;
pub use shapes::shape_programs;
pub use softmax_trap::trap_programs;

use inspector::random_inspection;
use paint::random_painting;
use shapes::random_setup;

use crate::lessons::code::{snap, state_for, PanelSet};
use crate::model::segmentation::{initial_prediction, inspector_logits, Flatten, ShapeSetup};

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "segmentation",
        step: "shapes",
        make: |seed| shape_programs(&state_for(seed, ShapeSetup::start, random_setup)),
    },
    PanelSet {
        page: "segmentation",
        step: "reshape",
        make: |seed| {
            reshape_programs(state_for(
                seed,
                || Flatten::ThreadReshapePermute,
                |r| {
                    [
                        Flatten::ThreadReshapePermute,
                        Flatten::ReshapePixelsFirst,
                        Flatten::NoReshape,
                    ][r.below(3)]
                },
            ))
        },
    },
    PanelSet {
        page: "segmentation",
        step: "paint",
        make: |seed| {
            let (pred, w) = state_for(seed, || (initial_prediction(), 1.0), random_painting);
            paint_programs(&pred, w)
        },
    },
    PanelSet {
        page: "segmentation",
        step: "inspector",
        make: |seed| {
            let (logits, pixel) =
                state_for(seed, || (inspector_logits(), (4, 4)), random_inspection);
            inspector_programs(&logits, pixel)
        },
    },
    PanelSet {
        page: "segmentation",
        step: "softmax-trap",
        make: |seed| trap_programs(state_for(seed, || -2.0, |r| snap(r.range(-8.0, 8.0), 0.1))),
    },
];

/// Rows `[a, b, …],` of a matrix, one line each, indented for a Python list.
fn python_rows<T>(rows: impl Iterator<Item = Vec<T>>, item: impl Fn(&T) -> String) -> String {
    rows.map(|row| {
        format!(
            "    [{}],\n",
            row.iter().map(&item).collect::<Vec<_>>().join(", ")
        )
    })
    .collect()
}
