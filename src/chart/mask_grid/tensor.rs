//! Small tensors drawn as grids of cells coloured by the class each value belongs to.

use super::blend;
use crate::chart::{err, size_in_pixels, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One small tensor drawn as a grid: every cell coloured by the class its value belongs to
/// and labelled (e.g. with the pixel it came from); large cells also say "c" and the class index.
#[derive(Clone, Debug, PartialEq)]
pub struct TensorGrid {
    /// Title above the grid.
    pub title: String,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// Row-major cells: (class, label).
    pub cells: Vec<(usize, String)>,
}

/// Draws small tensors side by side, cells as large as the widest one allows (up to 54
/// pixels), each coloured by its class (lightened) and labelled (the whole picture is one
/// layer: it changes only when the learner picks other layers).
pub fn draw_tensor_grids<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grids: &[TensorGrid],
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = size_in_pixels(root);
    let gap = style.px(28.0);
    let title = style.px(26.0);
    let total_cols: usize = grids.iter().map(|g| g.cols.max(1)).sum();
    let max_rows = grids.iter().map(|g| g.rows.max(1)).max().unwrap_or(1);
    if grids.is_empty() {
        return Ok(());
    }
    let room_w = w - gap * (grids.len() as f64 + 1.0);
    let room_h = h - title - style.px(8.0);
    let cell = (room_w / total_cols as f64)
        .min(room_h / max_rows as f64)
        .min(style.px(54.0))
        .max(1.0);
    let used = cell * total_cols as f64 + gap * (grids.len() as f64 - 1.0);
    let mut x = ((w - used) / 2.0).max(0.0);
    let label_font = (style.font, style.font_size(11.0).min(cell * 0.42).max(1.0))
        .into_font()
        .color(&RGBColor(20, 20, 20))
        .pos(Pos::new(HPos::Center, VPos::Center));
    for g in grids {
        let gw = cell * g.cols as f64;
        // 13 px, smaller when the title is wider than its grid and the gap beside it.
        let fit = (gw + gap * 0.9) / (0.56 * g.title.chars().count().max(1) as f64);
        let title_font = (style.font, style.font_size(13.0).min(fit).max(1.0))
            .into_font()
            .color(&style.text)
            .pos(Pos::new(HPos::Center, VPos::Center));
        root.draw(&Text::new(
            g.title.as_str(),
            ((x + gw / 2.0) as i32, (title / 2.0) as i32),
            title_font,
        ))
        .map_err(err)?;
        for (i, (class, label)) in g.cells.iter().take(g.rows * g.cols).enumerate() {
            let (r, c) = (i / g.cols.max(1), i % g.cols.max(1));
            let x0 = (x + cell * c as f64) as i32;
            let y0 = (title + cell * r as f64) as i32;
            let x1 = (x + cell * (c + 1) as f64) as i32;
            let y1 = (title + cell * (r + 1) as f64) as i32;
            let fill = blend(style.class_colour(*class), RGBColor(255, 255, 255), 0.35);
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))
                .map_err(err)?;
            root.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                style.background.stroke_width(style.line(1.5)),
            ))
            .map_err(err)?;
            // Large cells also name their class, so the picture never relies on colour.
            let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
            if cell >= style.px(34.0) {
                let dy = (cell * 0.17) as i32;
                root.draw(&Text::new(
                    label.as_str(),
                    (cx, cy - dy),
                    label_font.clone(),
                ))
                .map_err(err)?;
                root.draw(&Text::new(
                    format!("c{class}"),
                    (cx, cy + dy),
                    label_font.clone(),
                ))
                .map_err(err)?;
            } else {
                root.draw(&Text::new(label.as_str(), (cx, cy), label_font.clone()))
                    .map_err(err)?;
            }
        }
        x += gw + gap;
    }
    Ok(())
}
