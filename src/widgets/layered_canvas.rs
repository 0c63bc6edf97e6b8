//! Two stacked canvases (rarely redrawn axes below, what moves above) with PNG export and full screen.

use crate::chart::canvas::{cleared_drawing_area, drawing_area, fit_to_size, measure};
use crate::chart::{draw_axes, draw_marks, ChartStyle, DrawResult, PlotMapping, XyAxes};
use crate::widgets::use_theme;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use std::borrow::Borrow;
use wasm_bindgen::JsCast;

/// Whether a pointer event started on a chart's drawing (not on its tool buttons).
pub fn on_chart(ev: &web_sys::PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".chart").ok().flatten())
        .is_some()
}

/// The top-left corner of a widget's plot canvas in client coordinates (the mapping's
/// origin; the chart's border lies outside it).
pub fn canvas_origin(container: &web_sys::Element) -> Option<(f64, f64)> {
    let canvas = container.query_selector("canvas").ok().flatten()?;
    let r = canvas.get_bounding_client_rect();
    Some((r.left(), r.top()))
}

/// Where a drag on a widget's chart starts: the canvas origin (see [`canvas_origin`]) if
/// `ev` is a primary-button press on the drawing, `None` for any other press.
pub fn press_origin(
    ev: &web_sys::PointerEvent,
    container: NodeRef<leptos::html::Div>,
) -> Option<(f64, f64)> {
    if ev.button() != 0 || !on_chart(ev) {
        return None;
    }
    let el = container.get_untracked()?;
    canvas_origin(&el)
}

/// Calls `on_resize` whenever the element's box changes size (and once when observed),
/// through a `ResizeObserver` that is disconnected when the owner is cleaned up.
pub fn use_resize_observer(target: NodeRef<leptos::html::Canvas>, on_resize: impl Fn() + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_resize);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let kept = StoredValue::new_local(Some((observer.clone(), callback)));
    Effect::new(move |_| {
        if let Some(el) = target.get() {
            observer.observe(&el);
        }
    });
    on_cleanup(move || {
        kept.update_value(|k| {
            if let Some((observer, _callback)) = k.take() {
                observer.disconnect();
            }
        })
    });
}

/// A plotters drawing area on a browser canvas.
pub type CanvasArea = DrawingArea<crate::chart::canvas::Canvas, Shift>;

/// What a background layer's drawing returns: the plot's pixel mapping (for charts the
/// learner drags on) or nothing (for pictures that are only looked at).
pub trait BackgroundDrawn {
    /// The mapping, if the drawing has one.
    fn into_mapping(self) -> Option<PlotMapping>;
}

impl BackgroundDrawn for PlotMapping {
    fn into_mapping(self) -> Option<PlotMapping> {
        Some(self)
    }
}

impl BackgroundDrawn for () {
    fn into_mapping(self) -> Option<PlotMapping> {
        None
    }
}

/// The background of a picture that draws everything on its top layer: nothing over the
/// chart's background colour.
pub fn no_background(_area: &CanvasArea, _style: &ChartStyle) -> DrawResult<()> {
    Ok(())
}

fn report(what: &str, result: DrawResult<()>) {
    if let Err(e) = result {
        leptos::logging::error!("{what}: {e}");
    }
}

/// Two canvases stacked in one box: `background` draws what rarely changes (axes, grid,
/// curves) and returns the plot's pixel mapping; `foreground` draws what moves (bars, the
/// draggable point). Each redraws only when a signal it reads changes, so a drag repaints
/// only the top layer. Both also redraw on window resize and theme change, crisp at the
/// device pixel ratio. `children` are laid over the canvases (slider handles). The box is
/// measured only when it can have changed (mount, resize, theme), never on a foreground
/// redraw, so an animation redrawing the top layer every frame never forces a layout.
#[component]
pub fn LayeredCanvas<B, F, M>(
    /// Draws the bottom layer and returns the plot mapping (in device pixels), if any.
    background: B,
    /// Draws the top layer.
    foreground: F,
    /// Receives the plot mapping in CSS pixels after each background draw.
    #[prop(optional)]
    mapping: Option<RwSignal<Option<PlotMapping>>>,
    /// Height of the chart box in CSS pixels.
    #[prop(default = 260)]
    height: u32,
    /// What a screen reader should be told the picture shows (overlaid controls carry the
    /// numbers themselves).
    #[prop(into)]
    label: Signal<String>,
    /// Elements laid over the chart (absolutely positioned by the caller).
    #[prop(optional)]
    children: Option<Children>,
    /// File name stem for "Export PNG".
    #[prop(default = "chart")]
    name: &'static str,
) -> impl IntoView
where
    B: Fn(&CanvasArea, &ChartStyle) -> DrawResult<M> + 'static,
    F: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
    M: BackgroundDrawn + 'static,
{
    let theme = use_theme();
    let background = std::rc::Rc::new(background);
    let foreground = std::rc::Rc::new(foreground);
    let (export_back, export_front) = (background.clone(), foreground.clone());
    let frame = NodeRef::<leptos::html::Div>::new();
    let back_ref = NodeRef::<leptos::html::Canvas>::new();
    let front_ref = NodeRef::<leptos::html::Canvas>::new();
    let resized = Trigger::new();
    // Which resize the last measurement belongs to (bumped by every resize).
    let generation = StoredValue::new(0u64);
    let measured_at = StoredValue::new(None::<u64>);
    // Redraw when the chart's box changes size: window resizes, but also layout changes
    // (presenter mode hiding the step list, full screen, a phone turned sideways).
    use_resize_observer(back_ref, move || {
        generation.update_value(|g| *g = g.wrapping_add(1));
        resized.notify();
    });

    // The CSS size is measured only when it can have changed (mount, resize), never when the
    // background redraws for its data (a training plot's axes grow every frame) nor per drag
    // update: reading it forces a layout of the whole page.
    let size = RwSignal::new(None::<(i32, i32)>);
    Effect::new(move |_| {
        resized.track();
        let current = theme.current();
        let Some(canvas) = back_ref.get() else { return };
        let now = generation.get_value();
        let measured = match size.get_untracked() {
            Some(known) if measured_at.get_value() == Some(now) => Some(known),
            _ => {
                let m = measure(&canvas);
                if m.is_some() {
                    measured_at.set_value(Some(now));
                }
                m
            }
        };
        if measured != size.get_untracked() {
            size.set(measured);
        }
        let Some(ratio) = measured.and_then(|m| fit_to_size(&canvas, m)) else {
            return;
        };
        let Some(area) = drawing_area(&canvas) else {
            return;
        };
        let style = ChartStyle::new(current, ratio);
        let result =
            crate::chart::fill_background(&area, &style).and_then(|_| background(&area, &style));
        match result {
            Ok(m) => {
                if let (Some(out), Some(m)) = (mapping, m.into_mapping()) {
                    out.set(Some(m.scaled(1.0 / ratio)));
                }
            }
            Err(e) => report("background layer", Err(e)),
        }
    });

    // The moving parts wait while a drag goes on somewhere and this chart is off the screen.
    let held = crate::widgets::use_held(frame);
    Effect::new(move |_| {
        if held.get() {
            return;
        }
        let known = size.get();
        let current = theme.current();
        let Some(canvas) = front_ref.get() else {
            return;
        };
        let Some(ratio) = known.and_then(|m| fit_to_size(&canvas, m)) else {
            return;
        };
        let Some(area) = cleared_drawing_area(&canvas) else {
            return;
        };
        report(
            "foreground layer",
            foreground(&area, &ChartStyle::new(current, ratio)),
        );
    });

    // Export: both layers drawn again at twice the CSS size into one off-screen canvas.
    let export = move |_| {
        let Some(shown) = back_ref.get_untracked() else {
            return;
        };
        let (w, h) = (
            shown.client_width().max(1) as u32,
            shown.client_height().max(1) as u32,
        );
        let Ok(el) = document().create_element("canvas") else {
            return;
        };
        let Ok(canvas) = el.dyn_into::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(area) = drawing_area(&canvas) else {
            return;
        };
        let style = ChartStyle::new(theme.current(), 2.0);
        let drawn = crate::chart::fill_background(&area, &style)
            .and_then(|_| export_back(&area, &style).map(|_| ()))
            .and_then(|_| export_front(&area, &style));
        if let Err(e) = drawn {
            report("export", Err(e));
            return;
        }
        let Ok(url) = canvas.to_data_url_with_type("image/png") else {
            return;
        };
        if let Ok(a) = document().create_element("a") {
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", &format!("logit-lab-{name}.png"));
            if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
                a.click();
            }
        }
    };
    let fullscreen = move |_| {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        } else if let Some(el) = frame.get_untracked() {
            let _ = el.request_fullscreen();
        }
    };
    // Whether this chart is the one shown full screen (the button then says how to leave).
    let is_full = RwSignal::new(false);
    let on_change = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            let full = match (document().fullscreen_element(), frame.get_untracked()) {
                (Some(shown), Some(mine)) => {
                    let mine: &web_sys::Element = mine.as_ref();
                    shown == *mine
                }
                _ => false,
            };
            if is_full.get_untracked() != full {
                is_full.set(full);
            }
        },
    );
    on_cleanup(move || on_change.remove());
    // The picture's description follows once a drag ends: rewritten on every drag frame it is
    // work for the page and noise for a screen reader (the moved slider speaks for itself).
    let label = crate::widgets::hold_while(crate::widgets::gesture_active(), move || label.get());
    view! {
        <div class="chart-frame" node_ref=frame>
            // While held (off the screen during a drag) the layers are also transparent: in a
            // browser that composites in software, every canvas with a picture costs each
            // frame's commit, seen or not (Playground, CPU slowed 4×: 5.3 → 3.3 ms a frame).
            <div class="chart" class:held=move || held.get() style=format!("height: calc({height}px * var(--chart-zoom, 1))")>
                <canvas node_ref=back_ref class="chart-layer" role="img" aria-label=label></canvas>
                <canvas node_ref=front_ref class="chart-layer" aria-hidden="true"></canvas>
                {children.map(|c| c())}
            </div>
            <div class="chart-tools">
                <button type="button" class="chart-tool" data-testid="export-png" title="Download this chart as a PNG (2× resolution)" on:click=export>
                    "⤓ PNG"
                </button>
                <button
                    type="button"
                    class="chart-tool"
                    data-testid="fullscreen"
                    aria-pressed=move || is_full.get().to_string()
                    title=move || if is_full.get() { "Leave full screen (Esc)" } else { "Show this chart full screen (Esc to leave)" }
                    on:click=fullscreen
                >
                    {move || if is_full.get() { "Exit full screen" } else { "Full screen" }}
                </button>
                {move || is_full.get().then(|| view! { <span class="fullscreen-hint" data-testid="fullscreen-hint">"Esc leaves full screen"</span> })}
            </div>
        </div>
    }
}

/// A picture in its own box (CSS class `class`, `data-testid` `testid`, which also names
/// its PNG export): a [`LayeredCanvas`] with nothing laid over it, only looked at.
#[component]
pub fn Picture<B, F, M>(
    /// CSS class of the box.
    class: &'static str,
    /// `data-testid` of the box.
    testid: &'static str,
    /// Draws the bottom layer.
    background: B,
    /// Draws the top layer.
    foreground: F,
    /// Height in CSS pixels.
    height: u32,
    /// What a screen reader should be told the picture shows.
    label: Signal<String>,
) -> impl IntoView
where
    B: Fn(&CanvasArea, &ChartStyle) -> DrawResult<M> + 'static,
    F: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
    M: BackgroundDrawn + 'static,
{
    view! {
        <div class=class data-testid=testid>
            <LayeredCanvas background foreground height label name=testid />
        </div>
    }
}

/// A chart with numeric axes in its own box (see [`Picture`]): `axes` are the background,
/// redrawn when they change, and `marks` the foreground, redrawn when they change.
#[component]
pub fn XyPicture<A, K>(
    /// CSS class of the box.
    class: &'static str,
    /// `data-testid` of the box.
    testid: &'static str,
    /// The chart's axes.
    axes: Signal<A>,
    /// What the front layer shows.
    marks: Signal<K>,
    /// Height in CSS pixels.
    height: u32,
    /// What a screen reader should be told the chart shows.
    label: Signal<String>,
) -> impl IntoView
where
    A: XyAxes + Send + Sync + 'static,
    K: Borrow<A::Marks> + Send + Sync + 'static,
{
    let background = move |area: &_, style: &_| axes.with(|a| draw_axes(area, a, style));
    let foreground = move |area: &_, style: &_| {
        axes.with(|a| marks.with(|m| draw_marks(area, a, m.borrow(), style)))
            .map(|_| ())
    };
    view! { <Picture class testid background foreground height label /> }
}
