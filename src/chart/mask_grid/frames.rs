//! The background layer of the mask panels: titles, frames and the probability colour key.

use super::{active_mapping, mask_boxes, probability_colour, MaskBox, MaskPanels};
use crate::chart::images::draw_frame;
use crate::chart::{err, ChartStyle, DrawResult, PlotMapping};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the titles, a frame around every panel and, if asked, the probability colour key
/// (the background layer). Returns the active panel's mapping.
pub fn draw_mask_frames<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &MaskPanels,
    style: &ChartStyle,
) -> DrawResult<PlotMapping> {
    let boxes = mask_boxes(panels, root.dim_in_pixel(), style);
    let frame = style.axis.stroke_width(style.line(1.0));
    for (b, title) in boxes.iter().zip(&panels.titles) {
        // 13 px, smaller when a long title would not fit its panel (about 0.56 em a letter).
        let fit = (b.side as f64 + style.px(20.0)) / (0.56 * title.chars().count().max(1) as f64);
        let font = (
            style.font,
            style.font_size(13.0).min(fit).max(style.font_size(8.0)),
        )
            .into_font()
            .color(&style.text)
            .pos(Pos::new(HPos::Center, VPos::Center));
        // The title halfway down the room above its panel (panels may be stacked).
        let title_y = b.top - style.px(13.0) as i32;
        root.draw(&Text::new(
            title.as_str(),
            (b.left + b.side / 2, title_y),
            &font,
        ))
        .map_err(err)?;
        draw_frame(root, (b.left, b.top, b.side), frame)?;
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
    let font = style.label_font(12.0);
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
