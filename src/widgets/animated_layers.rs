use super::layered_canvas::CanvasArea;
use crate::chart::canvas::{clear, device_pixel_ratio, drawing_area};
use crate::chart::{ChartStyle, DrawResult};
use crate::widgets::use_theme;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

/// Backing-store size of a canvas for its CSS box, and the device pixel ratio used.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Fit {
    width: u32,
    height: u32,
    ratio: f64,
}

/// Measures the canvas's CSS box (this reads layout: do it rarely).
fn measure(canvas: &HtmlCanvasElement) -> Option<Fit> {
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w <= 0 || h <= 0 {
        return None;
    }
    let ratio = device_pixel_ratio();
    Some(Fit {
        width: (w as f64 * ratio).round() as u32,
        height: (h as f64 * ratio).round() as u32,
        ratio,
    })
}

/// Sizes the backing store (only when it changed: resizing clears it). Reading and writing
/// `width`/`height` never touches layout.
fn apply(canvas: &HtmlCanvasElement, fit: Fit) {
    if canvas.width() != fit.width {
        canvas.set_width(fit.width);
    }
    if canvas.height() != fit.height {
        canvas.set_height(fit.height);
    }
}

fn report(what: &str, result: DrawResult<()>) {
    if let Err(e) = result {
        leptos::logging::error!("{what}: {e}");
    }
}

/// Two stacked canvases like [`LayeredCanvas`](super::LayeredCanvas), for charts whose top
/// layer is redrawn on every animation frame: the box is measured only when the chart
/// appears, on window resize and when the background changes, never on a foreground
/// redraw, so an animation never forces the browser to lay the page out mid-frame.
#[component]
pub fn AnimatedLayers<B, F>(
    /// Draws the bottom layer (axes, titles): rarely.
    background: B,
    /// Draws the top layer (what moves): on every change of the signals it reads.
    foreground: F,
    /// Height of the chart box in CSS pixels.
    #[prop(default = 260)]
    height: u32,
    /// What a screen reader should be told the picture shows.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView
where
    B: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
    F: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
{
    let theme = use_theme();
    let back_ref = NodeRef::<leptos::html::Canvas>::new();
    let front_ref = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let fit = StoredValue::new(None::<Fit>);
    let fit_seen_at = StoredValue::new(None::<u32>);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let r = resized.get();
        let current = theme.current();
        let Some(canvas) = back_ref.get() else { return };
        let Some(f) = measure(&canvas) else { return };
        fit.set_value(Some(f));
        fit_seen_at.set_value(Some(r));
        apply(&canvas, f);
        let Some(area) = drawing_area(&canvas) else {
            return;
        };
        let style = ChartStyle::new(current, f.ratio);
        report(
            "background layer",
            crate::chart::fill_background(&area, &style).and_then(|_| background(&area, &style)),
        );
    });

    Effect::new(move |_| {
        let r = resized.get();
        let current = theme.current();
        let Some(canvas) = front_ref.get() else {
            return;
        };
        // Measure only when no measurement is current (first draw, after a resize).
        let f = match fit.get_value() {
            Some(f) if fit_seen_at.get_value() == Some(r) => f,
            _ => {
                let Some(f) = measure(&canvas) else { return };
                fit.set_value(Some(f));
                fit_seen_at.set_value(Some(r));
                f
            }
        };
        apply(&canvas, f);
        clear(&canvas);
        let Some(area) = drawing_area(&canvas) else {
            return;
        };
        report(
            "foreground layer",
            foreground(&area, &ChartStyle::new(current, f.ratio)),
        );
    });

    view! {
        <div class="chart" style=format!("height: {height}px")>
            <canvas node_ref=back_ref class="chart-layer" role="img" aria-label=move || label.get()></canvas>
            <canvas node_ref=front_ref class="chart-layer" aria-hidden="true"></canvas>
        </div>
    }
}
