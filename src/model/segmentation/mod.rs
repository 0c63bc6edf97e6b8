//! Segmentation, one pixel at a time: the masks, predictions and tiny models of Lesson 6.
//!
//! Pure `f64`, deterministic, no web dependencies; every metric on a painted mask is the math
//! core's (`crate::math`) applied to the flattened mask. One file per part, all re-exported
//! here:
//!
//! * `mask.rs`: a binary ground-truth mask with a small object ([`object_mask`], 24 × 24,
//!   about 4 % of the pixels are object) and a brush that paints predicted probabilities on
//!   it ([`Brush`], [`brush_cells`]), scored by [`mask_metrics`].
//! * `inspector.rs`: a 3-class mask with per-pixel logits for the pixel inspector
//!   ([`inspector_truth`], [`inspector_logits`]).
//! * `trap.rs`: the one-channel softmax trap: three output heads on the same feature map,
//!   trained by gradient descent ([`TrapModel`]).
//! * `shapes.rs`: tensor shapes in Keras (channels last) and PyTorch (channels first) for a
//!   set-up ([`ShapeSetup::report`]) and what a convolution does to the image size
//!   ([`conv_output_size`]).
//! * `reshape.rs`: where each value lands when an (H, W, C) output is flattened with
//!   reshape or with a transpose ([`flatten_sources`]).

mod inspector;
mod mask;
mod reshape;
mod shapes;
#[cfg(test)]
mod tests;
mod trap;

pub use inspector::{
    inspector_logits, inspector_truth, is_unsure, mean_pixel_cross_entropy, predicted_class,
    wrong_pixels, INSPECT_CLASSES, INSPECT_CLASS_NAMES, INSPECT_SEED, INSPECT_SIZE,
};
pub use mask::{
    balancing_pos_weight, brush_cells, clipped_logit, dice_below, initial_prediction,
    is_all_background, is_balanced, keras_binary_iou, mask_metrics, object_found, object_mask,
    paint, Brush, MaskMetrics, PAINT_PIXELS, PAINT_SIZE, THRESHOLD,
};
pub use reshape::{
    flatten_sources, flattened_loss, mixed_rows, reshape_example, reshape_sources, Flatten,
    RESHAPE_DIMS,
};
pub use shapes::{
    conv_output_size, shape_text, Framework, Head, LabelFormat, LastLayer, ShapeReport, ShapeSetup,
};
pub use trap::{
    correct_heads_learned, trap_features, TrapModel, TrapReport, TrapSetup, TRAP_LEARNING_RATE,
};

/// The pixels of the 3 × 3 neighbourhood of (`row`, `col`) that lie inside an `n` × `n`
/// grid, as row-major indices in reading order.
fn neighbourhood(row: usize, col: usize, n: usize) -> impl Iterator<Item = usize> {
    let (r, c, n) = (row as i64, col as i64, n as i64);
    (-1..=1)
        .flat_map(move |dr| (-1..=1).map(move |dc| (r + dr, c + dc)))
        .filter(move |&(y, x)| y >= 0 && x >= 0 && y < n && x < n)
        .map(move |(y, x)| (y * n + x) as usize)
}
