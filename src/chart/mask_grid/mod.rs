//! Segmentation masks as grids of square cells, side by side under their titles: a ground
//! truth and a painted prediction, a 3-class map and its argmax, the outputs of several
//! heads, and small tensors whose cells are coloured by the class they hold.
//!
//! The titles, frames and anything static (the truth) are the background layer; what the
//! learner changes (painted probabilities, the cursor, the selected pixel) is the
//! foreground, drawn in one pass of at most a few hundred rectangles.

use super::{err, ChartStyle, DrawResult, PlotMapping};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

/// The boxes of every panel in an area of `width` × `height` backend pixels.
pub fn mask_boxes(
    panels: &MaskPanels,
    width: u32,
    height: u32,
    style: &ChartStyle,
) -> Vec<MaskBox> {
    let n = panels.titles.len().max(1) as i32;
    let (w, h) = (width as i32, height as i32);
    let title = style.px(26.0) as i32;
    let pad = style.px(10.0) as i32;
    let key = if panels.probability_key {
        style.px(34.0) as i32
    } else {
        0
    };
    let panel_w = w / n;
    let side = (panel_w - 2 * pad).min(h - title - pad - key).max(1);
    (0..n)
        .map(|i| MaskBox {
            left: panel_w * i + (panel_w - side) / 2,
            top: title,
            side,
        })
        .collect()
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

/// Draws the titles, a frame around every panel and, if asked, the probability colour key
/// (the background layer). Returns the active panel's mapping.
pub fn draw_mask_frames<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let (w, h) = root.dim_in_pixel();
    let boxes = mask_boxes(panels, w, h, style);
    let frame = style.axis.stroke_width(style.px(1.0).max(1.0) as u32);
    let panel_w = w as f64 / panels.titles.len().max(1) as f64;
    for (b, title) in boxes.iter().zip(&panels.titles) {
        // 13 px, smaller when a long title would not fit its panel (about 0.56 em a letter).
        let fit = panel_w / (0.56 * title.chars().count().max(1) as f64);
        let font = (
            style.font,
            style.font_size(13.0).min(fit).max(style.font_size(8.0)),
        )
            .into_font()
            .color(&style.text)
            .pos(Pos::new(HPos::Center, VPos::Center));
        root.draw(&Text::new(
            title.as_str(),
            (b.left + b.side / 2, b.top / 2),
            font,
        ))
        .map_err(err)?;
        root.draw(&Rectangle::new(
            [(b.left - 1, b.top - 1), (b.left + b.side, b.top + b.side)],
            frame,
        ))
        .map_err(err)?;
    }
    if panels.probability_key {
        if let Some(b) = boxes.get(panels.active) {
            draw_probability_key(root, b, style)?;
        }
    }
    Ok(active_mapping(panels, &boxes))
}

fn draw_probability_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: &MaskBox,
    style: &ChartStyle,
) -> DrawResult<()> {
    let top = b.top + b.side + style.px(10.0) as i32;
    let height = style.px(12.0) as i32;
    let steps = 10;
    let left = b.left + b.side / 6;
    let width = b.side * 2 / 3;
    for k in 0..=steps {
        let x0 = left + width * k / (steps + 1);
        let x1 = left + width * (k + 1) / (steps + 1);
        let p = k as f64 / steps as f64;
        root.draw(&Rectangle::new(
            [(x0, top), (x1, top + height)],
            probability_colour(p, style).filled(),
        ))
        .map_err(err)?;
    }
    root.draw(&Rectangle::new(
        [(left, top), (left + width, top + height)],
        style.axis.stroke_width(1),
    ))
    .map_err(err)?;
    let font = (style.font, style.font_size(12.0))
        .into_font()
        .color(&style.text);
    let gap = style.px(6.0) as i32;
    root.draw(&Text::new(
        "0",
        (left - gap, top + height / 2),
        font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        "1",
        (left + width + gap, top + height / 2),
        font.pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(err)?;
    Ok(())
}

/// Fills panel `panel` with probabilities (row-major, `size`² values; missing values are
/// left blank), merging neighbours of one colour into one rectangle and leaving p = 0 to
/// the background below (the panel must sit on the chart background), then faint cell lines,
/// and a dot on every cell above `threshold` (so "predicted object" never rests on colour
/// alone).
pub fn draw_probability_cells<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    values: &[f64],
    threshold: Option<f64>,
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    let size = panels.size.max(1);
    let Some(b) = mask_boxes(panels, w, h, style).get(panel).copied() else {
        return Ok(());
    };
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

fn draw_cell_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: &MaskBox,
    size: usize,
    style: &ChartStyle,
) -> DrawResult<()> {
    // Two zig-zag paths instead of one path per line: the joins run along the frame, where
    // they are invisible, and the whole grid costs two canvas strokes.
    let line = blend(style.background, style.grid, 0.8).stroke_width(1);
    let (top, bottom) = (b.top, b.top + b.side);
    let (left, right) = (b.left, b.left + b.side);
    let mut vertical = Vec::with_capacity(2 * size);
    let mut horizontal = Vec::with_capacity(2 * size);
    for k in 1..size {
        let x = b.left + b.edge(k, size);
        let y = b.top + b.edge(k, size);
        let (from_y, to_y) = if k % 2 == 1 {
            (top, bottom)
        } else {
            (bottom, top)
        };
        vertical.push((x, from_y));
        vertical.push((x, to_y));
        let (from_x, to_x) = if k % 2 == 1 {
            (left, right)
        } else {
            (right, left)
        };
        horizontal.push((from_x, y));
        horizontal.push((to_x, y));
    }
    if vertical.len() >= 2 {
        root.draw(&PathElement::new(vertical, line)).map_err(err)?;
        root.draw(&PathElement::new(horizontal, line))
            .map_err(err)?;
    }
    Ok(())
}

/// Fills panel `panel` with classes (row-major); with `confidence`, each colour is faded
/// towards the background the less sure the model is. With `digits`, each non-background
/// cell carries its class number, so the map never relies on colour alone.
#[allow(clippy::too_many_arguments)]
pub fn draw_class_cells<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    classes: &[usize],
    confidence: Option<&[f64]>,
    digits: bool,
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    let size = panels.size.max(1);
    let Some(b) = mask_boxes(panels, w, h, style).get(panel).copied() else {
        return Ok(());
    };
    let cell_px = b.side / size as i32;
    let font = (style.font, style.font_size(11.0))
        .into_font()
        .color(&style.text)
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

/// Fills the object cells of a 0/1 `mask` (values ≥ 0.5) in panel `panel` with the truth
/// colour, leaves the rest as background, and draws faint cell lines.
pub fn draw_truth_cells<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    mask: &[f64],
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    let size = panels.size.max(1);
    let Some(b) = mask_boxes(panels, w, h, style).get(panel).copied() else {
        return Ok(());
    };
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

/// Outlines the cells of `mask` (true = inside) in panel `panel`: the edges between an
/// inside cell and an outside one.
pub fn draw_mask_outline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    mask: &[bool],
    colour: RGBColor,
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    let size = panels.size.max(1);
    let Some(b) = mask_boxes(panels, w, h, style).get(panel).copied() else {
        return Ok(());
    };
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
    let stroke = colour.stroke_width(style.px(2.5).max(1.0) as u32);
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
/// `col` + `radius`) in panel `panel` (clipped to the grid): the brush or the selected
/// pixel. Drawn twice, in the accent colour and the background, so it shows on any cell.
pub fn draw_cell_cursor<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    panel: usize,
    (row, col): (usize, usize),
    radius: usize,
    style: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = root.dim_in_pixel();
    let size = panels.size.max(1);
    let Some(b) = mask_boxes(panels, w, h, style).get(panel).copied() else {
        return Ok(());
    };
    let (row, col) = (row.min(size - 1), col.min(size - 1));
    let r0 = row.saturating_sub(radius);
    let c0 = col.saturating_sub(radius);
    let r1 = (row + radius).min(size - 1);
    let c1 = (col + radius).min(size - 1);
    let [(x0, y0), _] = b.cell(r0, c0, size);
    let [_, (x1, y1)] = b.cell(r1, c1, size);
    let outer = style.px(3.0).max(1.0) as u32;
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
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
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
                style.background.stroke_width(style.px(1.5).max(1.0) as u32),
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{fill_background, Theme};

    fn panels(n: usize, key: bool) -> MaskPanels {
        MaskPanels {
            size: 24,
            titles: (0..n).map(|i| format!("panel {i}")).collect(),
            active: n - 1,
            probability_key: key,
        }
    }

    #[test]
    fn boxes_fit_and_cells_tile_the_panel() {
        let style = ChartStyle::new(Theme::Light, 2.0);
        for (w, h) in [(1200, 760), (600, 800), (300, 300)] {
            let p = panels(2, true);
            let boxes = mask_boxes(&p, w, h, &style);
            assert_eq!(boxes.len(), 2);
            for b in &boxes {
                assert!(b.left >= 0 && b.left + b.side <= w as i32);
                assert!(b.top + b.side <= h as i32);
                assert_eq!(b.edge(0, 24), 0);
                assert_eq!(b.edge(24, 24), b.side);
            }
            assert!(boxes[0].left + boxes[0].side <= boxes[1].left);
        }
        let m = active_mapping(
            &panels(2, false),
            &mask_boxes(&panels(2, false), 800, 400, &style),
        );
        // The mapping turns pixels into (column, row) cells.
        let b = mask_boxes(&panels(2, false), 800, 400, &style)[1];
        assert_eq!(m.left, b.left as f64);
        assert!((m.y_at(m.top) - 0.0).abs() < 1e-9);
        assert!((m.y_at(m.top + m.height) - 24.0).abs() < 1e-9);
        assert!((m.x_at(m.left + m.width / 2.0) - 12.0).abs() < 1e-9);
        assert_eq!(
            blend(RGBColor(0, 0, 0), RGBColor(200, 100, 50), f64::NAN),
            RGBColor(0, 0, 0)
        );
        assert_eq!(
            blend(RGBColor(0, 0, 0), RGBColor(200, 100, 50), 2.0),
            RGBColor(200, 100, 50)
        );
    }

    #[test]
    fn every_drawing_works_for_edge_data() {
        let values: Vec<f64> = (0..600)
            .map(|i| match i % 7 {
                0 => f64::NAN,
                1 => 2.0,
                2 => -1.0,
                _ => (i % 10) as f64 / 10.0,
            })
            .collect();
        let classes: Vec<usize> = (0..576).map(|i| i % 4).collect();
        let mask: Vec<bool> = (0..576).map(|i| i % 5 == 0).collect();
        for theme in [Theme::Light, Theme::Dark] {
            for (w, h) in [(900, 500), (20, 20), (1, 1)] {
                let mut svg = String::new();
                {
                    let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                    let style = ChartStyle::new(theme, 1.0);
                    let p = panels(2, true);
                    fill_background(&root, &style).unwrap();
                    draw_mask_frames(&root, &p, &style).unwrap();
                    draw_probability_cells(&root, &p, 1, &values, Some(0.5), &style).unwrap();
                    draw_probability_cells(&root, &p, 0, &[], None, &style).unwrap();
                    draw_probability_cells(&root, &p, 9, &values, None, &style).unwrap();
                    draw_class_cells(&root, &p, 0, &classes, Some(&values), true, &style).unwrap();
                    draw_mask_outline(&root, &p, 1, &mask, truth_colour(&style), &style).unwrap();
                    draw_truth_cells(&root, &p, 0, &values, &style).unwrap();
                    draw_cell_cursor(&root, &p, 1, (23, 0), 2, &style).unwrap();
                    draw_cell_cursor(&root, &p, 1, (900, 900), 0, &style).unwrap();
                    let g = TensorGrid {
                        title: "t".into(),
                        rows: 2,
                        cols: 3,
                        cells: (0..4).map(|i| (i, format!("{i}"))).collect(),
                    };
                    draw_tensor_grids(&root, &[g.clone(), g], &style).unwrap();
                    draw_tensor_grids(&root, &[], &style).unwrap();
                    root.present().unwrap();
                }
                assert!(svg.starts_with("<svg"));
                assert!(!svg.contains("NaN"), "no NaN coordinates");
            }
        }
    }
}
