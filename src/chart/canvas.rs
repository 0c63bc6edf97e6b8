//! The only place charts touch the browser: canvas sizing and a plotters backend for it.
//!
//! The canvas is sized for the device pixel ratio (crisp on HiDPI screens) before plotters
//! gets a backend for it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
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

/// A plotters drawing area over the whole canvas (in device pixels).
pub fn drawing_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<Canvas, Shift>> {
    area(canvas, false)
}

/// The same, the canvas first cleared to transparent (a foreground layer, before a redraw).
pub fn cleared_drawing_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<Canvas, Shift>> {
    area(canvas, true)
}

fn area(canvas: &HtmlCanvasElement, clear: bool) -> Option<DrawingArea<Canvas, Shift>> {
    let ctx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    if clear {
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
    let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
    Some(Canvas { inner, ctx }.into_drawing_area())
}

/// plotters-canvas, except that text is measured by the canvas itself (`measureText`).
///
/// plotters measures text in a browser by adding a `<span>` to the page and reading its size,
/// which makes the browser lay out the whole page again: six bar labels cost six layouts per
/// drag frame (16 ms of a 47 ms update with the CPU slowed 4×). The canvas measures the same
/// font without touching the page's layout.
pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
}

/// Drawing calls handed to plotters-canvas unchanged. Each one must be listed: the
/// trait's defaults would draw lines, rectangles and circles pixel by pixel.
macro_rules! forward {
    ($(fn $name:ident $(<$($g:ident: $bound:path),*>)?(&mut self $(, $arg:ident: $ty:ty)*);)*) => {
        $(fn $name$(<$($g: $bound),*>)?(
            &mut self $(, $arg: $ty)*
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.$name($($arg),*)
        })*
    };
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    forward! {
        fn ensure_prepared(&mut self);
        fn present(&mut self);
        fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor);
        fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S);
        fn draw_rect<S: BackendStyle>(
            &mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool
        );
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self, path: I, style: &S
        );
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self, vert: I, style: &S
        );
        fn draw_circle<S: BackendStyle>(
            &mut self, center: BackendCoord, radius: u32, style: &S, fill: bool
        );
        fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord);
    }
    /// Width from `measureText`; height from the font's ascent and descent (the line box a
    /// `<span>` of that font would have), so labels are placed as before. Both come from
    /// [`TextSizes`]: a label whose characters were measured before costs no browser call.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size();
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            size,
            style.family().as_str(),
        );
        let (w, h) = TEXT_SIZES.with_borrow_mut(|sizes| {
            sizes.measure(&font, text, |t: &str| {
                self.ctx.set_font(&font);
                self.ctx.measure_text(t).ok().map(|m| {
                    (
                        m.width(),
                        m.font_bounding_box_ascent() + m.font_bounding_box_descent(),
                    )
                })
            })
        });
        // A rough box where the canvas cannot say: a label slightly off beats no chart.
        let pixels = |v: f64, rough: f64| {
            let v = if v.is_finite() && v > 0.0 { v } else { rough };
            v.max(0.0).ceil() as u32
        };
        let rough_w = 0.6 * size * text.chars().count() as f64;
        Ok((pixels(w, rough_w), pixels(h, 1.2 * size)))
    }
}

thread_local! {
    static TEXT_SIZES: std::cell::RefCell<crate::chart::text_sizes::TextSizes> = std::cell::RefCell::default();
}
