//! The only place charts touch the browser: canvas sizing and a plotters backend for it.
//!
//! The canvas is sized for the device pixel ratio (crisp on HiDPI screens) before plotters
//! gets a backend for it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// The canvas's CSS box size (reading it forces a layout: do it on resize, not per frame).
pub fn measure(canvas: &HtmlCanvasElement) -> Option<(i32, i32)> {
    let size = (canvas.client_width(), canvas.client_height());
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// Sizes the backing store for a known CSS size; returns the device pixel ratio used.
pub fn fit_to_size(canvas: &HtmlCanvasElement, (css_w, css_h): (i32, i32)) -> Option<f64> {
    if css_w <= 0 || css_h <= 0 {
        return None;
    }
    let ratio = device_pixel_ratio();
    let w = (css_w as f64 * ratio).round() as u32;
    let h = (css_h as f64 * ratio).round() as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    Some(ratio)
}

/// Clears the canvas to transparent (the foreground layer, before a redraw).
pub fn clear(canvas: &HtmlCanvasElement) {
    if let Ok(Some(ctx)) = canvas.get_context("2d") {
        if let Ok(ctx) = ctx.dyn_into::<CanvasRenderingContext2d>() {
            ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
        }
    }
}

/// A plotters drawing area over the whole canvas (in device pixels).
pub fn drawing_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<CanvasBackend, Shift>> {
    CanvasBackend::with_canvas_object(canvas.clone()).map(|b| b.into_drawing_area())
}
