//! The gallery: small grey images in a grid, one labelled row per kind, and the selection ring.

use super::draw_pixels;
use crate::chart::images::{draw_frame, grey};
use crate::chart::{err, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A grid of small images, one row per group, each row with a label on its left.
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryLayout {
    /// Images per row.
    pub cols: usize,
    /// Width and height of an image (pixels of the image).
    pub side: usize,
    /// Size of one grid cell in CSS pixels (image plus gap).
    pub cell: f64,
    /// Width of the label column in CSS pixels.
    pub label_width: f64,
    /// One label per row.
    pub row_labels: Vec<String>,
    /// Images, row by row (`cols` per row).
    pub images: Vec<Vec<f64>>,
    /// A palette index per image, shown as a bar under it (the kind's colour).
    pub colours: Vec<usize>,
}

impl GalleryLayout {
    /// Rows of the grid.
    pub fn rows(&self) -> usize {
        self.images.len().div_ceil(self.cols.max(1))
    }

    /// The top-left corner of cell `i` in CSS pixels.
    pub fn cell_origin(&self, i: usize) -> (f64, f64) {
        let cols = self.cols.max(1);
        (
            self.label_width + (i % cols) as f64 * self.cell,
            (i / cols) as f64 * self.cell,
        )
    }

    /// Size of the thumbnail inside a cell, in CSS pixels (the rest is the gap and the
    /// colour bar).
    pub fn thumb(&self) -> f64 {
        (self.cell - 10.0).max(4.0)
    }

    /// Total height in CSS pixels.
    pub fn height(&self) -> f64 {
        self.rows() as f64 * self.cell
    }

    /// Total width in CSS pixels.
    pub fn width(&self) -> f64 {
        self.label_width + self.cols.max(1) as f64 * self.cell
    }
}

/// Draws every image, its colour bar and the row labels (the background layer).
pub fn draw_gallery<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    gallery: &GalleryLayout,
    style: &ChartStyle,
) -> DrawResult<()> {
    let font = style
        .label_font(13.0)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (r, label) in gallery.row_labels.iter().enumerate() {
        let y = style.px((r as f64 + 0.5) * gallery.cell - 4.0) as i32;
        root.draw(&Text::new(
            label.as_str(),
            (style.px(2.0) as i32, y),
            font.clone(),
        ))
        .map_err(err)?;
    }
    let thumb = gallery.thumb();
    let frame = style.axis.stroke_width(1);
    for (i, image) in gallery.images.iter().enumerate() {
        let (x, y) = gallery.cell_origin(i);
        let (left, top, size) = (
            style.px(x + 2.0) as i32,
            style.px(y + 2.0) as i32,
            style.px(thumb) as i32,
        );
        draw_pixels(root, (left, top, size), gallery.side, image, grey)?;
        draw_frame(root, (left, top, size), frame)?;
        if let Some(c) = gallery.colours.get(i) {
            let bar_top = top + size + style.px(2.0) as i32;
            root.draw(&Rectangle::new(
                [
                    (left, bar_top),
                    (left + size, bar_top + style.px(3.0) as i32),
                ],
                style.class_colour(*c).filled(),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

/// Draws a thick ring around the selected image (the foreground layer).
pub fn draw_gallery_selection<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    gallery: &GalleryLayout,
    selected: Option<usize>,
    style: &ChartStyle,
) -> DrawResult<()> {
    let Some(i) = selected.filter(|i| *i < gallery.images.len()) else {
        return Ok(());
    };
    let (x, y) = gallery.cell_origin(i);
    let thumb = gallery.thumb();
    let ring = style.px(3.0).max(2.0) as u32;
    root.draw(&Rectangle::new(
        [
            (style.px(x - 1.0) as i32, style.px(y - 1.0) as i32),
            (
                style.px(x + thumb + 5.0) as i32,
                style.px(y + thumb + 9.0) as i32,
            ),
        ],
        style.accent.stroke_width(ring),
    ))
    .map_err(err)
}
