//! Segmentation masks as grids of square cells: the panels' layout and colours (this file).
//!
//! Panels sit side by side under their titles: a ground truth and a painted prediction, a
//! 3-class map and its argmax, the outputs of several heads, and small tensors whose cells
//! are coloured by the class they hold (`tensor.rs`).
//!
//! The titles, frames and anything static (the truth) are the background layer
//! (`frames.rs`); what the learner changes (painted probabilities, the cursor, the selected
//! pixel) is the foreground (`cells.rs`), drawn in one pass of at most a few hundred
//! rectangles. A brush stroke paints the cells along a line between two cells (`line.rs`).
//! Everything is re-exported here.

mod cells;
mod frames;
mod line;
mod tensor;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use cells::PanelCells;
pub use frames::draw_mask_frames;
pub use line::line_cells;
pub use tensor::{draw_tensor_grids, TensorGrid};

use super::images::square_row;
use super::{ChartStyle, PlotMapping};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Square panels of `size` × `size` cells in a row, one per title.
#[derive(Clone, Debug, PartialEq)]
pub struct MaskPanels {
    /// Cells per side.
    pub size: usize,
    /// One title per panel, left to right.
    pub titles: Vec<String>,
    /// The panel the pointer and keyboard act on (its box is the returned mapping).
    pub active: usize,
    /// Reserve a strip at the bottom for a probability colour key.
    pub probability_key: bool,
}

/// Where one panel sits, in backend pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MaskBox {
    /// Left edge.
    pub left: i32,
    /// Top edge.
    pub top: i32,
    /// Width and height.
    pub side: i32,
}

impl MaskBox {
    /// Pixel offset of cell edge `k` (0..=cells), rounded so neighbours share edges.
    pub fn edge(&self, k: usize, cells: usize) -> i32 {
        (self.side as i64 * k as i64 / cells.max(1) as i64) as i32
    }

    /// The rectangle of cell (`row`, `col`).
    fn cell(&self, row: usize, col: usize, cells: usize) -> [(i32, i32); 2] {
        [
            (
                self.left + self.edge(col, cells),
                self.top + self.edge(row, cells),
            ),
            (
                self.left + self.edge(col + 1, cells),
                self.top + self.edge(row + 1, cells),
            ),
        ]
    }
}

/// The boxes of every panel in an area of `area` = (width, height) backend pixels.
pub fn mask_boxes(panels: &MaskPanels, area: (u32, u32), style: &ChartStyle) -> Vec<MaskBox> {
    let key = if panels.probability_key {
        style.px(34.0) as i32
    } else {
        0
    };
    // Side by side, or one above the other when that gives bigger cells (a tall box on a
    // phone); the key takes room once, under the last panel.
    let (title, pad) = (style.px(26.0) as i32, style.px(10.0) as i32);
    let n = panels.titles.len().max(1) as i32;
    let (panel_w, side) = square_row(n as usize, area, title, pad, key);
    let (w, h) = (area.0 as i32, area.1 as i32);
    let panel_h = (h - key) / n;
    let stacked = (w - 2 * pad).min(panel_h - title - pad).max(1);
    (0..n)
        .map(|i| {
            if stacked > side {
                MaskBox {
                    left: (w - stacked) / 2,
                    top: panel_h * i + title,
                    side: stacked,
                }
            } else {
                MaskBox {
                    left: panel_w * i + (panel_w - side) / 2,
                    top: title,
                    side,
                }
            }
        })
        .collect()
}

/// The box of panel `panel` in `root` and the cells per side, or `None` if there is no such
/// panel.
fn panel_box<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    style: &ChartStyle,
) -> Option<(MaskBox, usize)> {
    let b = mask_boxes(panels, root.dim_in_pixel(), style)
        .get(panel)
        .copied()?;
    Some((b, panels.size.max(1)))
}

/// Mixes `a` towards `b` by `t` in [0, 1] (NaN counts as 0).
pub fn blend(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let mix = |x: u8, y: u8| (x as f64 * (1.0 - t) + y as f64 * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

fn is_dark(style: &ChartStyle) -> bool {
    let b = style.background;
    (b.0 as u32 + b.1 as u32 + b.2 as u32) < 300
}

/// The colour of a predicted probability of "object": the background at 0, blue at 1
/// (sky blue on dark backgrounds).
pub fn probability_colour(p: f64, style: &ChartStyle) -> RGBColor {
    let full = if is_dark(style) {
        style.class_colour(4)
    } else {
        style.class_colour(0)
    };
    blend(style.background, full, p)
}

/// The colour of the object in a ground truth and of its outline on predictions.
pub fn truth_colour(style: &ChartStyle) -> RGBColor {
    style.class_colour(1)
}

/// The colour of class `k` in a class map (background is a quiet grey).
pub fn class_map_colour(k: usize, style: &ChartStyle) -> RGBColor {
    match k {
        0 => blend(style.background, style.axis, 0.35),
        k => style.class_colour(k),
    }
}

/// The mapping of the active panel: x is the column and y the row, in cells
/// (`y_at(top) = 0`), so a pointer position turns into a cell directly.
fn active_mapping(panels: &MaskPanels, boxes: &[MaskBox]) -> PlotMapping {
    let b = boxes
        .get(panels.active)
        .or(boxes.first())
        .copied()
        .unwrap_or(MaskBox {
            left: 0,
            top: 0,
            side: 1,
        });
    let size = panels.size.max(1) as f64;
    PlotMapping {
        left: b.left as f64,
        top: b.top as f64,
        width: b.side.max(1) as f64,
        height: b.side.max(1) as f64,
        x_range: (0.0, size),
        y_range: (size, 0.0),
    }
}
