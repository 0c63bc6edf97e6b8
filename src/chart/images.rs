//! Small grey images side by side, each under a title (a target and each set-up's prediction).
//!
//! The titles and frames are the background layer; the pixels, which change while training
//! runs, are the foreground.

use super::{err, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The static part of an image strip.
#[derive(Clone, Debug, PartialEq)]
pub struct ImagePanels {
    /// Width and height of every image, in pixels of the image.
    pub side: usize,
    /// One title per image, left to right.
    pub titles: Vec<String>,
}

/// Where one image sits, in backend pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelBox {
    /// Left edge of the image.
    pub left: i32,
    /// Top edge of the image.
    pub top: i32,
    /// Width and height of the image.
    pub size: i32,
    /// Horizontal centre of the panel (for its title).
    pub centre: i32,
}

impl PanelBox {
    /// Pixel edge `k` (0..=side) along one axis, rounded so neighbouring cells share edges.
    fn edge(&self, k: usize, side: usize) -> i32 {
        (self.size as i64 * k as i64 / side.max(1) as i64) as i32
    }
}

/// The width of each of `n` columns side by side in an area of `width` × `height` backend
/// pixels, and the side of the largest square that fits in one (at least 1) under a title
/// strip `title` pixels high, with `pad` pixels around it and `below` left free under it.
pub(crate) fn square_row(
    n: usize,
    (width, height): (u32, u32),
    title: i32,
    pad: i32,
    below: i32,
) -> (i32, i32) {
    let panel_w = width as i32 / n.max(1) as i32;
    let side = (panel_w - 2 * pad).min(height as i32 - title - pad - below);
    (panel_w, side.max(1))
}

/// The boxes of every image in an area of `area` = (width, height) backend pixels.
pub fn panel_boxes(panels: &ImagePanels, area: (u32, u32), style: &ChartStyle) -> Vec<PanelBox> {
    let title = style.px(24.0) as i32;
    let n = panels.titles.len();
    let (panel_w, size) = square_row(n, area, title, style.px(8.0) as i32, 0);
    (0..n.max(1) as i32)
        .map(|i| {
            let centre = panel_w * i + panel_w / 2;
            PanelBox {
                left: centre - size / 2,
                top: title,
                size,
                centre,
            }
        })
        .collect()
}

/// A value in [0, 1] as a grey level (values outside are clipped, NaN is mid-grey).
pub fn grey(value: f64) -> RGBColor {
    let v = if value.is_nan() {
        0.5
    } else {
        value.clamp(0.0, 1.0)
    };
    let g = (v * 255.0).round() as u8;
    RGBColor(g, g, g)
}

/// Draws a panel's title (`font_px` backend pixels high, in the text colour) centred on
/// `centre`, halfway down the room above the image, and a frame in the axis colour just
/// outside the `size` × `size` image whose top-left pixel is (`left`, `top`).
pub(crate) fn draw_titled_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (title, font_px): (&str, f64),
    centre: i32,
    (left, top, size): (i32, i32, i32),
    style: &ChartStyle,
) -> DrawResult<()> {
    let font = (style.font, font_px)
        .into_font()
        .color(&style.text)
        .pos(Pos::new(HPos::Center, VPos::Center));
    root.draw(&Text::new(title, (centre, top / 2), font))
        .map_err(err)?;
    let frame = style.axis.stroke_width(style.line(1.0));
    draw_frame(root, (left, top, size), frame)
}

/// Draws a frame just outside the `size` × `size` image whose top-left pixel is
/// (`left`, `top`).
pub(crate) fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (left, top, size): (i32, i32, i32),
    frame: ShapeStyle,
) -> DrawResult<()> {
    root.draw(&Rectangle::new(
        [(left - 1, top - 1), (left + size, top + size)],
        frame,
    ))
    .map_err(err)
}

/// Draws the titles and a frame around every image (the background layer).
pub fn draw_image_frames<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &ImagePanels,
    style: &ChartStyle,
) -> DrawResult<()> {
    for (b, title) in panel_boxes(panels, root.dim_in_pixel(), style)
        .iter()
        .zip(&panels.titles)
    {
        let image = (b.left, b.top, b.size);
        draw_titled_frame(root, (title, style.font_size(13.0)), b.centre, image, style)?;
    }
    Ok(())
}

/// Draws the pixels of each image (row by row, `side`² values; missing values are left
/// blank) into the panels from `first_panel` on, clipped to [0, 1] for display. Pixels
/// outside [0, 1] get a dot in the middle, so a clipped value never passes for an exact
/// one. Neighbours in a row that show the same grey are drawn as one rectangle (fewer
/// canvas calls while an animation redraws the images every frame).
pub fn draw_images<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &ImagePanels,
    first_panel: usize,
    images: &[Vec<f64>],
    style: &ChartStyle,
) -> DrawResult<()> {
    let side = panels.side.max(1);
    let dot = style.class_colour(5);
    let outside = |v: f64| !(0.0..=1.0).contains(&v) && !v.is_nan();
    let boxes = panel_boxes(panels, root.dim_in_pixel(), style);
    for (b, image) in boxes.iter().skip(first_panel).zip(images) {
        let cells = &image[..image.len().min(side * side)];
        for (row, values) in cells.chunks(side).enumerate() {
            let (y0, y1) = (b.top + b.edge(row, side), b.top + b.edge(row + 1, side));
            let mut col = 0;
            while col < values.len() {
                let colour = grey(values[col]);
                let mut end = col + 1;
                while end < values.len() && grey(values[end]) == colour {
                    end += 1;
                }
                let (x0, x1) = (b.left + b.edge(col, side), b.left + b.edge(end, side));
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()))
                    .map_err(err)?;
                col = end;
            }
            for c in (0..values.len()).filter(|c| outside(values[*c])) {
                let (x0, x1) = (b.left + b.edge(c, side), b.left + b.edge(c + 1, side));
                let r = ((x1 - x0) / 4).max(1);
                root.draw(&Circle::new(
                    ((x0 + x1) / 2, (y0 + y1) / 2),
                    r,
                    dot.filled(),
                ))
                .map_err(err)?;
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{fill_background, Theme};

    fn panels() -> ImagePanels {
        ImagePanels {
            side: 4,
            titles: vec!["target".into(), "linear".into()],
        }
    }

    #[test]
    fn boxes_fit_and_cells_tile_the_image() {
        let style = ChartStyle::new(Theme::Light, 2.0);
        let boxes = panel_boxes(&panels(), (800, 300), &style);
        assert_eq!(boxes.len(), 2);
        for b in &boxes {
            assert!(b.left >= 0 && b.left + b.size <= 800 && b.top + b.size <= 300);
            assert_eq!(b.edge(0, 4), 0);
            assert_eq!(b.edge(4, 4), b.size);
        }
        assert!(boxes[0].left + boxes[0].size <= boxes[1].left);
        assert_eq!(grey(2.0), RGBColor(255, 255, 255));
        assert_eq!(grey(-1.0), RGBColor(0, 0, 0));
        assert_eq!(grey(f64::NAN), RGBColor(128, 128, 128));
    }

    #[test]
    fn draws_for_edge_data() {
        let images = vec![
            vec![0.0, 0.25, 0.5, 1.0, 1.5, -0.2, f64::NAN, f64::INFINITY],
            vec![0.5; 40],
            vec![],
        ];
        for (w, h) in [(640, 200), (10, 10)] {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                let style = ChartStyle::new(Theme::Dark, 1.0);
                fill_background(&root, &style).unwrap();
                draw_image_frames(&root, &panels(), &style).unwrap();
                draw_images(&root, &panels(), 0, &images, &style).unwrap();
                root.present().unwrap();
            }
            assert!(!svg.contains("NaN"));
            // Image 1: rows [0, .25, .5, 1] and [1.5 (white), −0.2 (black), NaN, ∞ (white)]:
            // 4 + 4 rectangles; image 2: four uniform rows. Three out-of-range dots.
            let rects = svg.matches("<rect").count();
            assert_eq!(rects, 1 + 2 + 8 + 4, "background, frames, cells");
            assert_eq!(svg.matches("<circle").count(), 3);
            // From panel 1 on, only the first image is drawn (into the second panel).
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                let style = ChartStyle::new(Theme::Light, 1.0);
                draw_images(&root, &panels(), 1, &images, &style).unwrap();
            }
            assert_eq!(svg.matches("<rect").count(), 8);
        }
    }
}
