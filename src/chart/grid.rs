//! A batch as a grid: one row per sample, one column per label.
//!
//! Each cell's shade is the predicted probability; true positives are outlined; cells
//! predicted positive carry a dot.

use super::{err, size_in_pixels, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the grid shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchGrid {
    /// Rows (samples).
    pub rows: usize,
    /// Columns (labels).
    pub cols: usize,
    /// Row-major probabilities, `rows × cols`.
    pub probs: Vec<f64>,
    /// Row-major 0/1 targets.
    pub targets: Vec<f64>,
    /// A cell counts as predicted positive when its probability is above this.
    pub threshold: f64,
    /// Column titles.
    pub col_labels: Vec<String>,
}

/// Draws the whole grid (it is small, so one layer is enough).
pub fn draw_batch_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &BatchGrid,
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = size_in_pixels(root);
    let left = style.px(70.0);
    let top = style.px(24.0);
    let cols = grid.cols.max(1) as f64;
    let rows = grid.rows.max(1) as f64;
    let cw = (w - left - style.px(8.0)) / cols;
    let ch = (h - top - style.px(4.0)) / rows;
    let font = style.label_font(12.0);
    for (c, label) in grid.col_labels.iter().enumerate().take(grid.cols) {
        let x = left + cw * (c as f64 + 0.5);
        root.draw(&Text::new(
            label.as_str(),
            (x as i32, (top - style.px(6.0)) as i32),
            font.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))
        .map_err(err)?;
    }
    let base = style.class_colour(0);
    for r in 0..grid.rows {
        let y = top + ch * r as f64;
        root.draw(&Text::new(
            format!("sample {r}"),
            ((left - style.px(6.0)) as i32, (y + ch / 2.0) as i32),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        for c in 0..grid.cols {
            let k = r * grid.cols + c;
            let p = grid.probs.get(k).copied().unwrap_or(0.0);
            let p = if p.is_finite() {
                p.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let x = left + cw * c as f64;
            let cell = [
                (x as i32 + 1, y as i32 + 1),
                ((x + cw) as i32 - 1, (y + ch) as i32 - 1),
            ];
            let shade = RGBColor(
                (style.background.0 as f64 * (1.0 - p) + base.0 as f64 * p) as u8,
                (style.background.1 as f64 * (1.0 - p) + base.1 as f64 * p) as u8,
                (style.background.2 as f64 * (1.0 - p) + base.2 as f64 * p) as u8,
            );
            root.draw(&Rectangle::new(cell, shade.filled()))
                .map_err(err)?;
            root.draw(&Rectangle::new(cell, style.grid.stroke_width(1)))
                .map_err(err)?;
            if grid.targets.get(k).copied() == Some(1.0) {
                let inner = [
                    (x as i32 + 3, y as i32 + 3),
                    ((x + cw) as i32 - 3, (y + ch) as i32 - 3),
                ];
                root.draw(&Rectangle::new(
                    inner,
                    style.class_colour(1).stroke_width(style.px(3.0) as u32),
                ))
                .map_err(err)?;
            }
            if p > grid.threshold {
                let centre = ((x + cw / 2.0) as i32, (y + ch / 2.0) as i32);
                root.draw(&Circle::new(
                    centre,
                    style.px(4.0) as i32,
                    style.text.filled(),
                ))
                .map_err(err)?;
            }
        }
    }
    Ok(())
}
