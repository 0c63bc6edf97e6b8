//! Small grey images side by side under their titles.

use super::layered_canvas::Picture;
use crate::chart::{draw_image_frames, draw_images, ImagePanels};
use leptos::prelude::*;

/// Small grey images side by side under their titles (values in [0, 1]; values outside
/// are shown clipped, with a dot).
///
/// Titles, frames and the `fixed` images are the background layer; the other images are
/// the foreground, redrawn when `images` changes.
#[component]
pub fn ImageStrip(
    /// Image size and titles.
    #[prop(into)]
    panels: Signal<ImagePanels>,
    /// Images that do not change (drawn once, into the first panels), row by row.
    #[prop(optional, into)]
    fixed: Option<Signal<Vec<Vec<f64>>>>,
    /// The images that change, row by row, into the panels after the fixed ones.
    #[prop(into)]
    images: Signal<Vec<Vec<f64>>>,
    /// What the images show, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "image-strip")]
    testid: &'static str,
    /// Height in CSS pixels.
    #[prop(default = 220)]
    height: u32,
) -> impl IntoView {
    let fixed_count = move || fixed.map(|f| f.with(|f| f.len())).unwrap_or(0);
    let background = move |area: &_, style: &_| {
        panels.with(|p| {
            draw_image_frames(area, p, style)?;
            match fixed {
                Some(f) => f.with(|f| draw_images(area, p, 0, f, style)),
                None => Ok(()),
            }
        })
    };
    let foreground = move |area: &_, style: &_| {
        let first = fixed_count();
        panels.with(|p| images.with(|i| draw_images(area, p, first, i, style)))
    };
    view! { <Picture class="image-strip" testid background foreground height label /> }
}
