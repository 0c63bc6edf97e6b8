//! The grid overlay both mask widgets lay over their picture: the focusable element pointer
//! and keyboard act on, sized to the active panel, and where a pointer lands on it.

use super::drag::PointerDrag;
use super::layered_canvas::{BackgroundDrawn, CanvasArea, LayeredCanvas};
use crate::chart::{ChartStyle, DrawResult, PlotMapping};
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

/// Position of the grid overlay (CSS pixels) from the chart's mapping.
pub(super) fn overlay_style(m: Option<PlotMapping>) -> String {
    match m {
        Some(m) => format!(
            "left: {:.1}px; top: {:.1}px; width: {:.1}px; height: {:.1}px",
            m.left, m.top, m.width, m.height
        ),
        None => "display: none".to_string(),
    }
}

/// The overlay's box in viewport pixels: (left, top, width, height).
pub(super) fn overlay_box(el: &web_sys::HtmlElement) -> (f64, f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top(), r.width(), r.height())
}

/// The cell under a pointer, clamped to the grid, from the overlay's box.
pub(super) fn cell_in(
    (left, top, width, height): (f64, f64, f64, f64),
    ev: &leptos::ev::PointerEvent,
    size: usize,
) -> Option<(usize, usize)> {
    if !(width > 0.0 && height > 0.0) || size == 0 {
        return None;
    }
    let fx = (ev.client_x() as f64 - left) / width;
    let fy = (ev.client_y() as f64 - top) / height;
    let at = |f: f64| (f * size as f64).floor().clamp(0.0, (size - 1) as f64) as usize;
    Some((at(fy), at(fx)))
}

/// Moves a grid cursor by an arrow key; `None` for other keys.
pub(super) fn arrow_move(
    key: &str,
    (row, col): (usize, usize),
    size: usize,
) -> Option<(usize, usize)> {
    let last = size.saturating_sub(1);
    match key {
        "ArrowUp" => Some((row.saturating_sub(1), col)),
        "ArrowDown" => Some(((row + 1).min(last), col)),
        "ArrowLeft" => Some((row, col.saturating_sub(1))),
        "ArrowRight" => Some((row, (col + 1).min(last))),
        "Home" => Some((row, 0)),
        "End" => Some((row, last)),
        "PageUp" => Some((0, col)),
        "PageDown" => Some((last, col)),
        _ => None,
    }
}

/// A mask widget's box: the picture, a focusable grid overlay (`role="application"`) on
/// its active panel that `drag` and `on_keydown` act on, and the polite status line that
/// describes the cell at `at`: "`at_name` r, column c: " and what `status` says of the
/// cell's row-major index. With `no_menu`, the overlay's context menu is suppressed (a
/// right-button drag erases instead).
#[component]
pub fn MaskBox<B, F, M, D, V, E, K, S>(
    /// CSS class of the box.
    class: &'static str,
    /// `data-testid` of the box (the overlay is `<testid>-grid`, the status `<testid>-status`).
    testid: &'static str,
    /// Draws the bottom layer and returns the active panel's mapping.
    background: B,
    /// Draws the top layer.
    foreground: F,
    /// Receives the active panel's mapping, which places the overlay.
    mapping: RwSignal<Option<PlotMapping>>,
    /// Height in CSS pixels.
    height: u32,
    /// What the picture shows, for screen readers.
    label: Signal<String>,
    /// The overlay element.
    layer: NodeRef<leptos::html::Div>,
    /// CSS class of the overlay.
    layer_class: &'static str,
    /// What the overlay is, for screen readers ("paint grid").
    roledescription: &'static str,
    /// The overlay's accessible name: what it shows and its keys.
    aria: String,
    /// Cells per side.
    size: usize,
    /// The cell the keyboard is on, (row, column).
    #[prop(into)]
    at: Signal<(usize, usize)>,
    /// What the status line calls the cell's row ("Row", "Selected row").
    at_name: &'static str,
    /// What the status line says of the cell at a row-major index.
    status: S,
    /// The pointer handlers of the overlay.
    drag: PointerDrag<D, V, E>,
    /// The overlay's key handler (in the capture phase).
    on_keydown: K,
    /// Suppress the overlay's context menu.
    #[prop(default = false)]
    no_menu: bool,
) -> impl IntoView
where
    B: Fn(&CanvasArea, &ChartStyle) -> DrawResult<M> + 'static,
    F: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
    M: BackgroundDrawn + 'static,
    D: Fn(PointerEvent) + Copy + Send + 'static,
    V: Fn(PointerEvent) + Copy + Send + 'static,
    E: Fn(PointerEvent) + Copy + Send + 'static,
    K: Fn(KeyboardEvent) + Send + 'static,
    S: Fn(usize) -> String + Send + Sync + 'static,
{
    let status = move || {
        let (r, c) = at.get();
        format!("{at_name} {r}, column {c}: {}", status(r * size + c))
    };
    let on_menu = move |ev: leptos::ev::MouseEvent| {
        if no_menu {
            ev.prevent_default();
        }
    };
    view! {
        <div class=class data-testid=testid>
            <LayeredCanvas background foreground mapping height label>
                <div
                    class=layer_class
                    node_ref=layer
                    tabindex="0"
                    role="application"
                    aria-roledescription=roledescription
                    aria-label=aria
                    aria-describedby=format!("{testid}-status")
                    data-testid=format!("{testid}-grid")
                    data-size=size
                    data-row=move || at.get().0
                    data-col=move || at.get().1
                    style=move || overlay_style(mapping.get())
                    on:pointerdown=drag.down
                    on:pointermove=drag.moved
                    on:pointerup=drag.end
                    on:pointercancel=drag.end
                    on:lostpointercapture=drag.end
                    on:contextmenu=on_menu
                    on:keydown:capture=on_keydown
                ></div>
            </LayeredCanvas>
            <p class="mask-status" id=format!("{testid}-status") aria-live="polite" data-testid=format!("{testid}-status")>{status}</p>
        </div>
    }
}
