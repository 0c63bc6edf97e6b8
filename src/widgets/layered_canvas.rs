use crate::chart::canvas::{clear, drawing_area, fit_to_css_box};
use crate::chart::{ChartStyle, DrawResult, PlotMapping};
use crate::widgets::use_theme;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

/// A plotters drawing area on a browser canvas.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

fn report(what: &str, result: DrawResult<()>) {
    if let Err(e) = result {
        leptos::logging::error!("{what}: {e}");
    }
}

/// Two canvases stacked in one box: `background` draws what rarely changes (axes, grid,
/// curves) and returns the plot's pixel mapping; `foreground` draws what moves (bars, the
/// draggable point). Each redraws only when a signal it reads changes, so a drag repaints
/// only the top layer. Both also redraw on window resize and theme change, crisp at the
/// device pixel ratio. `children` are laid over the canvases (slider handles).
#[component]
pub fn LayeredCanvas<B, F>(
    /// Draws the bottom layer and returns the plot mapping (in device pixels).
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
) -> impl IntoView
where
    B: Fn(&CanvasArea, &ChartStyle) -> DrawResult<PlotMapping> + 'static,
    F: Fn(&CanvasArea, &ChartStyle) -> DrawResult<()> + 'static,
{
    let theme = use_theme();
    let back_ref = NodeRef::<leptos::html::Canvas>::new();
    let front_ref = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        resized.track();
        let current = theme.current();
        let Some(canvas) = back_ref.get() else { return };
        let Some(ratio) = fit_to_css_box(&canvas) else {
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
                if let Some(out) = mapping {
                    out.set(Some(m.scaled(1.0 / ratio)));
                }
            }
            Err(e) => report("background layer", Err(e)),
        }
    });

    Effect::new(move |_| {
        resized.track();
        let current = theme.current();
        let Some(canvas) = front_ref.get() else {
            return;
        };
        let Some(ratio) = fit_to_css_box(&canvas) else {
            return;
        };
        clear(&canvas);
        let Some(area) = drawing_area(&canvas) else {
            return;
        };
        report(
            "foreground layer",
            foreground(&area, &ChartStyle::new(current, ratio)),
        );
    });

    view! {
        <div class="chart" style=format!("height: {height}px")>
            <canvas node_ref=back_ref class="chart-layer" role="img" aria-label=move || label.get()></canvas>
            <canvas node_ref=front_ref class="chart-layer" aria-hidden="true"></canvas>
            {children.map(|c| c())}
        </div>
    }
}
