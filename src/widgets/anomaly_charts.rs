//! The anomaly-detection lesson's widgets: an image gallery and a dot plot that work as
//! pickers (click, or arrow keys), a score histogram with a threshold, and heat panels.

use super::layered_canvas::{LayeredCanvas, Picture, XyPicture};
use crate::chart::anomaly::{
    draw_gallery, draw_gallery_selection, draw_heat_panels, draw_panel_frames, DotPlot,
    GalleryLayout, HeatPanels, LossAxes, ScoreHistogram,
};
use crate::chart::{draw_axes, draw_marks, PlotMapping};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the gallery and the dot plot share as pickers of images.
#[derive(Clone, Copy)]
pub struct Picking {
    /// The selected image.
    pub selected: Signal<Option<usize>>,
    /// Called with the picked image.
    pub on_select: Callback<usize>,
    /// The accessible name of each image.
    pub names: Signal<Vec<String>>,
}

impl Picking {
    /// Picks image `i` and moves the focus to its option (`<testid>-<i>`).
    fn pick(self, testid: &str, i: usize) {
        self.on_select.run(i);
        focus_by_id(&format!("{testid}-{i}"));
    }

    /// `aria-selected` of image `i`'s option.
    fn is_selected(self, i: usize) -> String {
        (self.selected.get() == Some(i)).to_string()
    }

    /// The accessible name of image `i`.
    fn name(self, i: usize) -> String {
        self.names.with(|v| v.get(i).cloned().unwrap_or_default())
    }
}

fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Small grey images in a grid, one row per kind; click an image (or move with the arrow
/// keys, Home and End) to select it. The grid is a `listbox` whose images are `option`s,
/// with one tab stop: the selected image.
#[component]
pub fn ImageGallery(
    /// Images, row labels and colours; its size decides the widget's height.
    #[prop(into)]
    gallery: Signal<GalleryLayout>,
    /// The selected image, what picking one does, each image's name.
    picking: Picking,
    /// What the gallery shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget (options get `<testid>-<i>`).
    #[prop(default = "image-gallery")]
    testid: &'static str,
) -> impl IntoView {
    let selected = picking.selected;
    let height = gallery.with_untracked(|g| g.height().ceil() as u32 + 2);
    let max_width = gallery.with_untracked(|g| g.width().ceil() + 4.0);
    let background = move |area: &_, style: &_| gallery.with(|g| draw_gallery(area, g, style));
    let foreground = move |area: &_, style: &_| {
        gallery.with(|g| draw_gallery_selection(area, g, selected.get(), style))
    };
    let pick = move |i: usize| picking.pick(testid, i);
    let options = move || {
        let g = gallery.get();
        let n = g.images.len();
        let cols = g.cols.max(1);
        (0..n)
            .map(|i| {
                let (x, y) = g.cell_origin(i);
                let size = g.thumb() + 4.0;
                let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
                    let next = match ev.key().as_str() {
                        "ArrowRight" => Some((i + 1).min(n - 1)),
                        "ArrowLeft" => Some(i.saturating_sub(1)),
                        "ArrowDown" if i + cols < n => Some(i + cols),
                        "ArrowUp" if i >= cols => Some(i - cols),
                        "Home" => Some(0),
                        "End" => Some(n - 1),
                        _ => None,
                    };
                    if let Some(j) = next {
                        ev.prevent_default();
                        pick(j);
                    }
                };
                view! {
                    <button
                        type="button"
                        role="option"
                        class="pick-option"
                        id=format!("{testid}-{i}")
                        data-testid=format!("{testid}-{i}")
                        aria-selected=move || picking.is_selected(i)
                        tabindex=move || if selected.get().unwrap_or(0) == i { "0" } else { "-1" }
                        aria-label=move || picking.name(i)
                        style=format!("left: {x:.1}px; top: {y:.1}px; width: {size:.1}px; height: {size:.1}px")
                        on:click=move |_| pick(i)
                        on:keydown=on_keydown
                    ></button>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="image-gallery" data-testid=testid style=format!("width: {max_width:.0}px")>
            <LayeredCanvas background foreground height label>
                <div class="pick-layer" role="listbox" aria-label=move || label.get()>{options}</div>
            </LayeredCanvas>
        </div>
    }
}

/// One dot per image, a row per kind, against the image's score (with an optional
/// threshold line). Click a dot to select its image; with the keyboard, ← and → step to
/// the next lower or higher score in the same row, ↑ and ↓ change row, Home and End jump
/// to the row's lowest and highest score. Each dot's score is in its `data-value`.
#[component]
pub fn ErrorDotPlot(
    /// Rows, dots and the axis.
    #[prop(into)]
    plot: Signal<DotPlot>,
    /// Where the threshold line is drawn (`None`: no line).
    #[prop(into)]
    threshold: Signal<Option<f64>>,
    /// The selected image, what picking one does, each image's name.
    picking: Picking,
    /// What the plot shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget (dots get `<testid>-<i>`).
    #[prop(default = "dot-plot")]
    testid: &'static str,
    /// Height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    let selected = picking.selected;
    let mapping = RwSignal::new(None::<PlotMapping>);
    let background = move |area: &_, style: &_| plot.with(|p| draw_axes(area, p, style));
    let foreground = move |area: &_, style: &_| {
        plot.with(|p| draw_marks(area, p, &(threshold.get(), selected.get()), style))
            .map(|_| ())
    };
    // Per row, the dots sorted by score: the keyboard's order.
    let order = Memo::new(move |_| {
        plot.with(|p| {
            let mut rows: Vec<Vec<usize>> = vec![Vec::new(); p.rows.len().max(1)];
            for (i, (row, score)) in p.dots.iter().enumerate() {
                if !score.is_nan() {
                    let last = rows.len() - 1;
                    rows[(*row).min(last)].push(i);
                }
            }
            for r in rows.iter_mut() {
                r.sort_by(|a, b| p.dots[*a].1.total_cmp(&p.dots[*b].1));
            }
            rows
        })
    });
    let pick = move |i: usize| picking.pick(testid, i);
    let neighbour = move |i: usize, key: &str| -> Option<usize> {
        let rows = order.get_untracked();
        let (row, score) = plot.with_untracked(|p| p.dots.get(i).copied())?;
        let row = row.min(rows.len() - 1);
        let here = rows[row].iter().position(|j| *j == i)?;
        let nearest_in = |r: &Vec<usize>| {
            plot.with_untracked(|p| {
                r.iter().copied().min_by(|a, b| {
                    (p.dots[*a].1 - score)
                        .abs()
                        .total_cmp(&(p.dots[*b].1 - score).abs())
                })
            })
        };
        match key {
            "ArrowRight" => rows[row].get(here + 1).copied(),
            "ArrowLeft" => here.checked_sub(1).and_then(|k| rows[row].get(k).copied()),
            "Home" => rows[row].first().copied(),
            "End" => rows[row].last().copied(),
            "ArrowDown" => rows[row + 1..]
                .iter()
                .find(|r| !r.is_empty())
                .and_then(nearest_in),
            "ArrowUp" => rows[..row]
                .iter()
                .rev()
                .find(|r| !r.is_empty())
                .and_then(nearest_in),
            _ => None,
        }
    };
    let options = move || {
        let m = mapping.get()?;
        let p = plot.get();
        let first = order
            .with(|o| o.iter().flatten().next().copied())
            .unwrap_or(0);
        // Each dot's centre on the layer, to find every dot under a click.
        let centres: std::sync::Arc<Vec<Option<(f64, f64)>>> = std::sync::Arc::new(
            (0..p.dots.len())
                .map(|i| p.position(i).map(|(x, y)| (m.px_of(x), m.py_of(y))))
                .collect(),
        );
        Some(
            (0..p.dots.len())
                .filter_map(|i| {
                    let (cx, cy) = centres[i]?;
                    let centres = centres.clone();
                    // Dots drawn on top of each other: a click picks the top one, and a
                    // click on the same place again the next one beneath it, round and
                    // round, so a mouse or a finger reaches every dot. (A click made with
                    // Enter or Space, detail 0, picks the focused dot itself.)
                    let on_click = move |ev: leptos::ev::MouseEvent| {
                        if ev.detail() == 0 {
                            return pick(i);
                        }
                        let (px, py) = (cx - 7.0 + ev.offset_x() as f64, cy - 7.0 + ev.offset_y() as f64);
                        // The buttons are hit as squares (as the browser tests them).
                        let mut under: Vec<usize> = (0..centres.len())
                            .filter(|j| {
                                *j == i || centres[*j].is_some_and(|(x, y)| (x - px).abs() <= 7.0 && (y - py).abs() <= 7.0)
                            })
                            .collect();
                        // Top first: later buttons lie above earlier ones.
                        under.reverse();
                        let next = match selected.get_untracked().and_then(|s| under.iter().position(|j| *j == s)) {
                            Some(k) => under[(k + 1) % under.len()],
                            None => i,
                        };
                        pick(next);
                    };
                    let score = crate::format::format_full(p.dots[i].1);
                    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
                        if let Some(j) = neighbour(i, ev.key().as_str()) {
                            ev.prevent_default();
                            pick(j);
                        } else if ev.key().starts_with("Arrow") {
                            ev.prevent_default();
                        }
                    };
                    Some(view! {
                        <button
                            type="button"
                            role="option"
                            class="pick-option dot-option"
                            id=format!("{testid}-{i}")
                            data-value=score
                            data-testid=format!("{testid}-{i}")
                            aria-selected=move || picking.is_selected(i)
                            tabindex=move || if selected.get().unwrap_or(first) == i { "0" } else { "-1" }
                            aria-label=move || picking.name(i)
                            style=format!("left: {:.1}px; top: {:.1}px", cx - 7.0, cy - 7.0)
                            on:click=on_click
                            on:keydown=on_keydown
                        ></button>
                    })
                })
                .collect::<Vec<_>>(),
        )
    };
    view! {
        <div class="error-dot-plot" data-testid=testid>
            <LayeredCanvas background foreground mapping height label>
                <div class="pick-layer" role="listbox" aria-label=move || label.get()>{options}</div>
            </LayeredCanvas>
        </div>
    }
}

/// A stacked histogram of scores per group with a threshold line; everything right of
/// the line is flagged.
#[component]
pub fn ScoreHistogramView(
    /// Bins, groups and axis.
    #[prop(into)]
    histogram: Signal<ScoreHistogram>,
    /// The threshold.
    #[prop(into)]
    threshold: Signal<f64>,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "score-histogram")]
    testid: &'static str,
    /// Height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    view! { <XyPicture class="score-histogram" testid axes=histogram marks=threshold height label /> }
}

/// Square images side by side, each in its own colour scale (grey, heat or diverging)
/// with a colour bar: an input, its reconstruction and the per-pixel error, or a map of
/// pixel weights.
#[component]
pub fn HeatPanelsView(
    /// Titles and scales.
    #[prop(into)]
    panels: Signal<HeatPanels>,
    /// One image per panel.
    #[prop(into)]
    images: Signal<Vec<Vec<f64>>>,
    /// What the panels show, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "heat-panels")]
    testid: &'static str,
    /// Height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    let background = move |area: &_, style: &_| panels.with(|p| draw_panel_frames(area, p, style));
    let foreground = move |area: &_, style: &_| {
        panels.with(|p| images.with(|i| draw_heat_panels(area, p, i, style)))
    };
    view! { <Picture class="heat-panels" testid background foreground height label /> }
}

/// Loss curves against the epoch on a log scale, growing while training runs. The axes
/// and legend are the background layer; the lines are redrawn when `series` changes.
#[component]
pub fn LossCurvesView(
    /// Epochs, range, labels.
    #[prop(into)]
    axes: Signal<LossAxes>,
    /// `series[i][k]`: series `i` after epoch `k + 1`.
    #[prop(into)]
    series: Signal<Vec<Vec<f64>>>,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the widget.
    #[prop(default = "loss-curves")]
    testid: &'static str,
    /// Height in CSS pixels.
    #[prop(default = 260)]
    height: u32,
) -> impl IntoView {
    view! { <XyPicture class="loss-curves" testid axes marks=series height label /> }
}
