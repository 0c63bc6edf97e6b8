//! A grid the learner paints predicted probabilities on with a brush, by pointer or keyboard.

use super::drag::{use_drag_target, use_pointer_drag, PointerDrag};
use super::mask_layer::{arrow_move, cell_in, overlay_box, MaskBox};
use crate::chart::mask_grid::{draw_mask_frames, line_cells, truth_colour, MaskPanels};
use crate::format::format4;
use leptos::prelude::*;

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
    let (mapping, layer) = use_drag_target();
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
            truth.with(|t| p.panel(area, 0, style).truth(t))?;
            Ok(m)
        })
    };
    let foreground = move |area: &_, style: &_| {
        panels.with_value(|p| {
            let painted = p.panel(area, 1, style);
            values.with(|v| painted.probabilities(v, Some(threshold)))?;
            let inside: Vec<bool> = truth.with(|t| t.iter().map(|v| *v >= 0.5).collect());
            painted.outline(&inside, truth_colour(style))?;
            painted.cursor(cursor.get(), radius.get())
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
    // What the status line says after "Row r, column c: ".
    let status = move |i: usize| {
        let p = values.with(|v| v.get(i).copied().unwrap_or(0.0));
        let object = truth.with(|t| t.get(i).copied().unwrap_or(0.0)) >= 0.5;
        let truth = if object { "object" } else { "background" };
        format!("p = {}, truth: {truth}", format4(p))
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

    let drag = PointerDrag {
        down: drag.down,
        moved: drag.moved,
        end: end_stroke,
    };
    let aria = format!("Your prediction, {size} by {size} pixels. Arrow keys move the cursor, Space paints with the brush, Delete erases, Shift and an arrow paint while moving.");
    view! {
        <MaskBox class="mask-painter" testid background foreground mapping height label layer layer_class="mask-layer" roledescription="paint grid" aria size at=cursor at_name="Row" status drag on_keydown no_menu=true />
    }
}
