//! A grid the learner paints predicted probabilities on with a brush, by pointer or keyboard.

use super::drag::use_pointer_drag;
use super::layered_canvas::LayeredCanvas;
use crate::chart::mask_grid::{
    draw_cell_cursor, draw_mask_frames, draw_mask_outline, draw_probability_cells,
    draw_truth_cells, line_cells, truth_colour, MaskPanels,
};
use crate::chart::PlotMapping;
use crate::format::format4;
use leptos::prelude::*;

/// Position of the grid overlay (CSS pixels) from the chart's mapping.
pub(crate) fn overlay_style(m: Option<PlotMapping>) -> String {
    match m {
        Some(m) => format!(
            "left: {:.1}px; top: {:.1}px; width: {:.1}px; height: {:.1}px",
            m.left, m.top, m.width, m.height
        ),
        None => "display: none".to_string(),
    }
}

/// The overlay's box in viewport pixels: (left, top, width, height).
pub(crate) fn overlay_box(el: &web_sys::HtmlElement) -> (f64, f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top(), r.width(), r.height())
}

/// The cell under a pointer, clamped to the grid, from the overlay's box.
pub(crate) fn cell_in(
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
pub(crate) fn arrow_move(
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

/// A ground truth beside a prediction the learner paints: probabilities of "object" per
/// pixel, shaded from background (0) to blue (1), with the true object outlined on top and
/// a dot on every pixel above `threshold`.
///
/// Paint with the mouse, a finger or a pen (drag; the right button erases), or with the
/// keyboard: the grid is focusable, arrows move the cursor (Home/End, PageUp/PageDown to
/// the edges), Space or Enter paints, Delete, Backspace or E erases, Shift + arrow paints
/// while moving. Every painted cell is reported through `on_paint`; the caller applies the
/// brush.
#[component]
pub fn MaskPainter(
    /// Cells per side.
    size: usize,
    /// The ground truth, 0 or 1 per cell, row-major.
    #[prop(into)]
    truth: Signal<Vec<f64>>,
    /// The painted probabilities, row-major.
    #[prop(into)]
    values: Signal<Vec<f64>>,
    /// The probability above which a pixel counts as predicted object (it gets a dot).
    threshold: f64,
    /// The brush radius in cells (the cursor frames what it covers).
    #[prop(into)]
    radius: Signal<usize>,
    /// The keyboard cursor, (row, column); the widget moves it.
    cursor: RwSignal<(usize, usize)>,
    /// Called with (row, column, erase) for every cell a stroke or key paints.
    on_paint: Callback<(usize, usize, bool)>,
    /// `data-testid` of the widget.
    #[prop(default = "mask-painter")]
    testid: &'static str,
    /// Chart height in CSS pixels.
    #[prop(default = 400)]
    height: u32,
) -> impl IntoView {
    let mapping = RwSignal::new(None::<PlotMapping>);
    let layer = NodeRef::<leptos::html::Div>::new();
    let stroke = StoredValue::new(None::<((usize, usize), bool)>);
    // The overlay's box, measured when a stroke starts (reading it on every move would
    // force a layout after each repaint).
    let stroke_box = StoredValue::new((0.0, 0.0, 0.0, 0.0));
    let panels = StoredValue::new(MaskPanels {
        size,
        titles: vec!["ground truth".into(), "your prediction p".into()],
        active: 1,
        probability_key: true,
    });

    let background = move |area: &_, style: &_| {
        panels.with_value(|p| {
            let m = draw_mask_frames(area, p, style)?;
            truth.with(|t| draw_truth_cells(area, p, 0, t, style))?;
            Ok(m)
        })
    };
    let foreground = move |area: &_, style: &_| {
        panels.with_value(|p| {
            values.with(|v| draw_probability_cells(area, p, 1, v, Some(threshold), style))?;
            let inside: Vec<bool> = truth.with(|t| t.iter().map(|v| *v >= 0.5).collect());
            draw_mask_outline(area, p, 1, &inside, truth_colour(style), style)?;
            draw_cell_cursor(area, p, 1, cursor.get(), radius.get(), style)
        })
    };
    let label = Signal::derive(move || {
        let (painted, object) = values.with(|v| {
            truth.with(|t| {
                (
                    v.iter().filter(|p| **p > threshold).count(),
                    t.iter().filter(|y| **y >= 0.5).count(),
                )
            })
        });
        format!("Ground truth with {object} object pixels beside your prediction, in which {painted} pixels are above {threshold}")
    });
    let status = move || {
        let (r, c) = cursor.get();
        let i = r * size + c;
        let p = values.with(|v| v.get(i).copied().unwrap_or(0.0));
        let t = truth.with(|t| t.get(i).copied().unwrap_or(0.0));
        format!(
            "Row {}, column {}: p = {}, truth: {}",
            r,
            c,
            format4(p),
            if t >= 0.5 { "object" } else { "background" }
        )
    };

    let paint_to = move |cell: (usize, usize), erase: bool| {
        let from = stroke.get_value().map(|(c, _)| c).unwrap_or(cell);
        for (r, c) in line_cells(from, cell)
            .into_iter()
            .skip(usize::from(from != cell))
        {
            on_paint.run((r, c, erase));
        }
        stroke.set_value(Some((cell, erase)));
        if cursor.get_untracked() != cell {
            cursor.set(cell);
        }
    };
    let drag = use_pointer_drag(
        layer,
        move |ev| {
            let erase = match ev.button() {
                0 => ev.alt_key(),
                2 => true,
                _ => return None,
            };
            let el = layer.get_untracked()?;
            let rect = overlay_box(&el);
            let cell = cell_in(rect, ev, size)?;
            stroke_box.set_value(rect);
            let _ = el.focus();
            stroke.set_value(None);
            paint_to(cell, erase);
            Some(erase)
        },
        move |erase, ev| {
            let Some(cell) = cell_in(stroke_box.get_value(), ev, size) else {
                return;
            };
            if stroke.get_value().map(|(last, _)| last) != Some(cell) {
                paint_to(cell, *erase);
            }
        },
        move |ev| {
            let Some(el) = layer.get_untracked() else {
                return;
            };
            if let Some(cell) = cell_in(overlay_box(&el), ev, size) {
                if cursor.get_untracked() != cell {
                    cursor.set(cell);
                }
            }
        },
    );
    let end_stroke = move |ev: leptos::ev::PointerEvent| {
        stroke.set_value(None);
        (drag.end)(ev);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let here = cursor.get_untracked();
        if let Some(next) = arrow_move(&key, here, size) {
            ev.prevent_default();
            cursor.set(next);
            if ev.shift_key() {
                on_paint.run((next.0, next.1, false));
            }
            return;
        }
        match key.as_str() {
            " " | "Enter" => on_paint.run((here.0, here.1, false)),
            "Delete" | "Backspace" | "e" | "E" => on_paint.run((here.0, here.1, true)),
            _ => return,
        }
        ev.prevent_default();
    };

    view! {
        <div class="mask-painter" data-testid=testid>
            <LayeredCanvas background foreground mapping height label>
                <div
                    class="mask-layer"
                    node_ref=layer
                    tabindex="0"
                    role="application"
                    aria-roledescription="paint grid"
                    aria-label=format!("Your prediction, {size} by {size} pixels. Arrow keys move the cursor, Space paints with the brush, Delete erases, Shift and an arrow paint while moving.")
                    aria-describedby=format!("{testid}-status")
                    data-testid=format!("{testid}-grid")
                    data-size=size
                    data-row=move || cursor.get().0
                    data-col=move || cursor.get().1
                    style=move || overlay_style(mapping.get())
                    on:pointerdown=drag.down
                    on:pointermove=drag.moved
                    on:pointerup=end_stroke
                    on:pointercancel=end_stroke
                    on:lostpointercapture=end_stroke
                    on:contextmenu=move |ev: leptos::ev::MouseEvent| ev.prevent_default()
                    on:keydown:capture=on_keydown
                ></div>
            </LayeredCanvas>
            <p class="mask-status" id=format!("{testid}-status") aria-live="polite" data-testid=format!("{testid}-status")>{status}</p>
        </div>
    }
}
