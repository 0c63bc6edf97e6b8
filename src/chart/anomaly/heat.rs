//! Heat panels: an image, its reconstruction and error map (or a weight map), with colour bars.

use super::draw_pixels;
use crate::chart::images::{draw_titled_frame, grey, panel_boxes, ImagePanels, PanelBox};
use crate::chart::{err, ChartStyle, DrawResult};
use crate::format::format_sig;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A sequential colour for t in [0, 1] (dark violet → red → orange → pale yellow, after
/// matplotlib's "inferno"); NaN is mid-grey.
pub fn heat(t: f64) -> RGBColor {
    if t.is_nan() {
        return RGBColor(128, 128, 128);
    }
    const STOPS: [(f64, f64, f64); 5] = [
        (0.0, 0.0, 4.0),
        (87.0, 16.0, 110.0),
        (188.0, 55.0, 84.0),
        (249.0, 142.0, 9.0),
        (252.0, 255.0, 164.0),
    ];
    let x = t.clamp(0.0, 1.0) * 4.0;
    let k = (x.floor() as usize).min(3);
    let f = x - k as f64;
    let (a, b) = (STOPS[k], STOPS[k + 1]);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A diverging colour for t in [−1, 1]: blue for negative, near-white at 0, vermillion for
/// positive (Okabe–Ito ends, safe for colour-blind readers); NaN is mid-grey.
pub fn diverging(t: f64) -> RGBColor {
    if t.is_nan() {
        return RGBColor(128, 128, 128);
    }
    let t = t.clamp(-1.0, 1.0);
    let (end, f) = if t < 0.0 {
        ((0.0, 114.0, 178.0), -t)
    } else {
        ((213.0, 94.0, 0.0), t)
    };
    let mid = (245.0, 245.0, 245.0);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    RGBColor(mix(mid.0, end.0), mix(mid.1, end.1), mix(mid.2, end.2))
}

/// How one heat panel colours its values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelScale {
    /// Grey levels, 0 black and 1 white.
    Grey,
    /// [`heat`] of √(v / max): small errors stay visible, `max` and above are the top.
    Heat {
        /// The value at the top of the scale.
        max: f64,
    },
    /// [`diverging`] of v / max, symmetric around 0.
    Diverging {
        /// The magnitude at either end of the scale.
        max: f64,
    },
}

impl PanelScale {
    /// The colour of a value.
    pub fn colour(self, v: f64) -> RGBColor {
        match self {
            PanelScale::Grey => grey(v),
            PanelScale::Heat { max } => {
                let m = if max > 0.0 && max.is_finite() {
                    max
                } else {
                    1.0
                };
                heat((v.max(0.0) / m).sqrt())
            }
            PanelScale::Diverging { max } => {
                let m = if max > 0.0 && max.is_finite() {
                    max
                } else {
                    1.0
                };
                diverging(v / m)
            }
        }
    }
}

/// Side-by-side square images, each under a title and with its own colour scale; a
/// colour bar under every non-grey panel.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatPanels {
    /// Width and height of every image (pixels of the image).
    pub side: usize,
    /// One (title, scale) per panel.
    pub panels: Vec<(String, PanelScale)>,
}

/// Room under the panels for a colour bar and its labels, in CSS pixels.
const COLOUR_BAR_ROOM: f64 = 34.0;

fn heat_boxes(panels: &HeatPanels, (w, h): (u32, u32), style: &ChartStyle) -> Vec<PanelBox> {
    let strip = ImagePanels {
        side: panels.side,
        titles: panels.panels.iter().map(|(t, _)| t.clone()).collect(),
    };
    let has_bar = panels
        .panels
        .iter()
        .any(|(_, scale)| *scale != PanelScale::Grey);
    let room = if has_bar {
        style.px(COLOUR_BAR_ROOM) as u32
    } else {
        0
    };
    panel_boxes(&strip, (w, h.saturating_sub(room).max(1)), style)
}

/// Draws the titles, frames and colour bars (the background layer).
pub fn draw_panel_frames<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &HeatPanels,
    style: &ChartStyle,
) -> DrawResult<()> {
    let boxes = heat_boxes(panels, root.dim_in_pixel(), style);
    let small = style
        .label_font(11.0)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (b, (title, scale)) in boxes.iter().zip(&panels.panels) {
        let image = (b.left, b.top, b.size);
        draw_titled_frame(root, (title, style.font_size(13.0)), b.centre, image, style)?;
        let (lo, hi, ticks): (f64, f64, Vec<f64>) = match *scale {
            PanelScale::Grey => continue,
            PanelScale::Heat { max } => (0.0, max, vec![0.0, max / 4.0, max]),
            PanelScale::Diverging { max } => (-max, max, vec![-max, 0.0, max]),
        };
        let bar_top = b.top + b.size + style.px(6.0) as i32;
        let bar_h = style.px(8.0) as i32;
        let steps = 48;
        for k in 0..steps {
            let x0 = b.left + (b.size as i64 * k / steps) as i32;
            let x1 = b.left + (b.size as i64 * (k + 1) / steps) as i32;
            let v = lo + (hi - lo) * (k as f64 + 0.5) / steps as f64;
            root.draw(&Rectangle::new(
                [(x0, bar_top), (x1, bar_top + bar_h)],
                scale.colour(v).filled(),
            ))
            .map_err(err)?;
        }
        let last = ticks.len().saturating_sub(1);
        for (i, t) in ticks.into_iter().enumerate() {
            // The end labels hang inwards from the bar's ends, so a panel at the canvas edge
            // does not cut them ("≥ 0.0" for "≥ 0.034" on a phone).
            let h_pos = match i {
                0 => HPos::Left,
                i if i == last => HPos::Right,
                _ => HPos::Center,
            };
            let f = if hi > lo { (t - lo) / (hi - lo) } else { 0.0 };
            let x = b.left + (b.size as f64 * f) as i32;
            let text = if matches!(scale, PanelScale::Heat { .. }) && t >= hi {
                format!("≥ {}", format_sig(t, 2))
            } else {
                format_sig(t, 2)
            };
            root.draw(&Text::new(
                text,
                (x, bar_top + bar_h + style.px(2.0) as i32),
                small.clone().pos(Pos::new(h_pos, VPos::Top)),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

/// Draws each panel's pixels in its colour scale (the foreground layer). Missing images
/// leave their panel empty.
pub fn draw_heat_panels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &HeatPanels,
    images: &[Vec<f64>],
    style: &ChartStyle,
) -> DrawResult<()> {
    for ((b, (_, scale)), image) in heat_boxes(panels, root.dim_in_pixel(), style)
        .iter()
        .zip(&panels.panels)
        .zip(images)
    {
        draw_pixels(root, (b.left, b.top, b.size), panels.side, image, |v| {
            scale.colour(v)
        })?;
    }
    Ok(())
}
