//! The foreground of the mask panels: probability, class and truth cells, outlines, the cursor.

use super::{
    blend, class_map_colour, is_dark, panel_box, probability_colour, truth_colour, MaskBox,
    MaskPanels,
};
use crate::chart::{err, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One panel of a [`MaskPanels`] chart to draw cells on (see [`MaskPanels::panel`]); every
/// drawing does nothing when the panel does not exist.
pub struct PanelCells<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    /// The panel's box and its cells per side.
    place: Option<(MaskBox, usize)>,
    style: &'a ChartStyle,
}

impl MaskPanels {
    /// Panel `panel` of these panels laid out on `root`.
    pub fn panel<'a, DB: DrawingBackend>(
        &self,
        root: &'a DrawingArea<DB, Shift>,
        panel: usize,
        style: &'a ChartStyle,
    ) -> PanelCells<'a, DB> {
        PanelCells {
            root,
            place: panel_box(root, self, panel, style),
            style,
        }
    }
}

impl<DB: DrawingBackend> PanelCells<'_, DB> {
    /// Fills the panel with probabilities (row-major, `size`² values; missing values are
    /// left blank), merging neighbours of one colour into one rectangle and leaving p = 0 to
    /// the background below (the panel must sit on the chart background), then faint cell lines,
    /// and a dot on every cell above `threshold` (so "predicted object" never rests on colour
    /// alone).
    pub fn probabilities(&self, values: &[f64], threshold: Option<f64>) -> DrawResult<()> {
        let Some((b, size)) = self.place else {
            return Ok(());
        };
        let (root, style) = (self.root, self.style);
        let cells = &values[..values.len().min(size * size)];
        // One colour per 8-bit level, computed once per drawing instead of once per cell.
        let lut: Vec<RGBColor> = (0..=255)
            .map(|k| probability_colour(k as f64 / 255.0, style))
            .collect();
        let level = |v: f64| {
            if v.is_nan() {
                0
            } else {
                (v.clamp(0.0, 1.0) * 255.0).round() as usize
            }
        };
        for (row, line) in cells.chunks(size).enumerate() {
            let mut col = 0;
            while col < line.len() {
                let k = level(line[col]);
                let colour = lut[k];
                let mut end = col + 1;
                while end < line.len() && level(line[end]) == k {
                    end += 1;
                }
                // p = 0 is the background colour, which the layer below already shows.
                if k > 0 {
                    let [(x0, y0), _] = b.cell(row, col, size);
                    let [_, (x1, y1)] = b.cell(row, end - 1, size);
                    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()))
                        .map_err(err)?;
                }
                col = end;
            }
        }
        draw_cell_lines(root, &b, size, style)?;
        if let Some(t) = threshold {
            let dot = if is_dark(style) {
                style.background
            } else {
                RGBColor(255, 255, 255)
            };
            let r = (b.side / size as i32 / 7).max(1);
            for (i, _) in cells.iter().enumerate().filter(|(_, v)| **v > t) {
                let [(x0, y0), (x1, y1)] = b.cell(i / size, i % size, size);
                root.draw(&Circle::new(
                    ((x0 + x1) / 2, (y0 + y1) / 2),
                    r,
                    dot.filled(),
                ))
                .map_err(err)?;
            }
        }
        Ok(())
    }

    /// Fills the panel with classes (row-major); with `confidence`, each colour is faded
    /// towards the background the less sure the model is. With `digits`, each non-background
    /// cell carries its class number, so the map never relies on colour alone.
    pub fn classes(
        &self,
        classes: &[usize],
        confidence: Option<&[f64]>,
        digits: bool,
    ) -> DrawResult<()> {
        let Some((b, size)) = self.place else {
            return Ok(());
        };
        let (root, style) = (self.root, self.style);
        let cell_px = b.side / size as i32;
        let font = style
            .label_font(11.0)
            .pos(Pos::new(HPos::Center, VPos::Center));
        for (i, k) in classes.iter().take(size * size).enumerate() {
            let full = class_map_colour(*k, style);
            let colour = match confidence.and_then(|c| c.get(i)) {
                Some(c) => blend(style.background, full, 0.2 + 0.8 * c),
                None => full,
            };
            let cell = b.cell(i / size, i % size, size);
            root.draw(&Rectangle::new(cell, colour.filled()))
                .map_err(err)?;
            if digits && *k != 0 && cell_px as f64 >= style.px(14.0) {
                let [(x0, y0), (x1, y1)] = cell;
                root.draw(&Text::new(
                    k.to_string(),
                    ((x0 + x1) / 2, (y0 + y1) / 2),
                    font.clone(),
                ))
                .map_err(err)?;
            }
        }
        draw_cell_lines(root, &b, size, style)
    }

    /// Fills the object cells of a 0/1 `mask` (values ≥ 0.5) in the panel with the truth
    /// colour, leaves the rest as background, and draws faint cell lines.
    pub fn truth(&self, mask: &[f64]) -> DrawResult<()> {
        let Some((b, size)) = self.place else {
            return Ok(());
        };
        let (root, style) = (self.root, self.style);
        let fill = truth_colour(style).filled();
        for (i, _) in mask
            .iter()
            .take(size * size)
            .enumerate()
            .filter(|(_, v)| **v >= 0.5)
        {
            root.draw(&Rectangle::new(b.cell(i / size, i % size, size), fill))
                .map_err(err)?;
        }
        draw_cell_lines(root, &b, size, style)
    }

    /// Outlines the cells of `mask` (true = inside) in the panel: the edges between an
    /// inside cell and an outside one.
    pub fn outline(&self, mask: &[bool], colour: RGBColor) -> DrawResult<()> {
        let Some((b, size)) = self.place else {
            return Ok(());
        };
        let (root, style) = (self.root, self.style);
        let inside = |r: i64, c: i64| {
            r >= 0
                && c >= 0
                && (r as usize) < size
                && (c as usize) < size
                && mask
                    .get(r as usize * size + c as usize)
                    .copied()
                    .unwrap_or(false)
        };
        let stroke = colour.stroke_width(style.line(2.5));
        for r in 0..size as i64 {
            for c in 0..size as i64 {
                if !inside(r, c) {
                    continue;
                }
                let [(x0, y0), (x1, y1)] = b.cell(r as usize, c as usize, size);
                let sides = [
                    (!inside(r - 1, c), (x0, y0), (x1, y0)),
                    (!inside(r + 1, c), (x0, y1), (x1, y1)),
                    (!inside(r, c - 1), (x0, y0), (x0, y1)),
                    (!inside(r, c + 1), (x1, y0), (x1, y1)),
                ];
                for (edge, a, z) in sides {
                    if edge {
                        root.draw(&PathElement::new(vec![a, z], stroke))
                            .map_err(err)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Frames the cells from (`row` − `radius`, `col` − `radius`) to (`row` + `radius`,
    /// `col` + `radius`) in the panel (clipped to the grid): the brush or the selected
    /// pixel. Drawn twice, in the accent colour and the background, so it shows on any cell.
    pub fn cursor(&self, (row, col): (usize, usize), radius: usize) -> DrawResult<()> {
        let Some((b, size)) = self.place else {
            return Ok(());
        };
        let (root, style) = (self.root, self.style);
        let (row, col) = (row.min(size - 1), col.min(size - 1));
        let r0 = row.saturating_sub(radius);
        let c0 = col.saturating_sub(radius);
        let r1 = (row + radius).min(size - 1);
        let c1 = (col + radius).min(size - 1);
        let [(x0, y0), _] = b.cell(r0, c0, size);
        let [_, (x1, y1)] = b.cell(r1, c1, size);
        let outer = style.line(3.0);
        root.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            style.accent.stroke_width(outer),
        ))
        .map_err(err)?;
        let d = outer as i32;
        root.draw(&Rectangle::new(
            [(x0 + d, y0 + d), (x1 - d, y1 - d)],
            style.background.stroke_width(1),
        ))
        .map_err(err)?;
        Ok(())
    }
}

fn draw_cell_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: &MaskBox,
    size: usize,
    style: &ChartStyle,
) -> DrawResult<()> {
    // Two zig-zag paths instead of one path per line: the joins run along the frame, where
    // they are invisible, and the whole grid costs two canvas strokes.
    let line = blend(style.background, style.grid, 0.8).stroke_width(1);
    let ys = [b.top, b.top + b.side];
    let xs = [b.left, b.left + b.side];
    let mut vertical = Vec::with_capacity(2 * size);
    let mut horizontal = Vec::with_capacity(2 * size);
    for k in 1..size {
        let x = b.left + b.edge(k, size);
        let y = b.top + b.edge(k, size);
        // Odd lines run down (or right), even ones back up (or left).
        let (from, to) = if k % 2 == 1 { (0, 1) } else { (1, 0) };
        vertical.extend([(x, ys[from]), (x, ys[to])]);
        horizontal.extend([(xs[from], y), (xs[to], y)]);
    }
    if vertical.len() >= 2 {
        root.draw(&PathElement::new(vertical, line)).map_err(err)?;
        root.draw(&PathElement::new(horizontal, line))
            .map_err(err)?;
    }
    Ok(())
}
