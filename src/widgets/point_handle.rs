//! The focusable handle on a chart's point (a curve's point, the ROC operating point).

use leptos::prelude::*;

/// What a point handle says and where it stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HandleState {
    /// `aria-valuemin`, `aria-valuemax`, `aria-valuenow`.
    pub min: String,
    /// See `min`.
    pub max: String,
    /// See `min`.
    pub now: String,
    /// `aria-valuetext`: the value in words.
    pub text: String,
    /// `data-threshold`, where the point stands for a threshold.
    pub threshold: Option<String>,
    /// The point's centre over the plot canvas, in CSS pixels.
    pub px: f64,
    /// See `px`.
    pub py: f64,
}

/// A `role="slider"` over a chart's point, moved by `transform`. It is made once `state` is
/// known (the chart has been laid out) and after that only its attributes change: made again
/// for each value, it would lose the keyboard focus.
#[component]
pub fn PointHandle(
    /// What the handle is called for screen readers.
    #[prop(into)]
    label: String,
    /// What it says and where it stands; `None` until the chart is laid out.
    state: Memo<Option<HandleState>>,
    /// Keys pressed on the handle (arrows and the like move the point).
    on_keydown: Callback<leptos::ev::KeyboardEvent>,
) -> impl IntoView {
    let ready = Memo::new(move |_| state.with(Option::is_some));
    let read =
        move |f: fn(&HandleState) -> String| state.with(|s| s.as_ref().map(f).unwrap_or_default());
    move || {
        let label = label.clone();
        ready.get().then(|| {
            view! {
                <div
                    class="point-slider"
                    role="slider"
                    tabindex="0"
                    aria-label=label
                    aria-valuemin=move || read(|s| s.min.clone())
                    aria-valuemax=move || read(|s| s.max.clone())
                    aria-valuenow=move || read(|s| s.now.clone())
                    aria-valuetext=move || read(|s| s.text.clone())
                    data-threshold=move || state.with(|s| s.as_ref().and_then(|s| s.threshold.clone()))
                    style=move || read(|s| format!("transform: translate({:.1}px, {:.1}px)", s.px - 14.0, s.py - 14.0))
                    on:keydown=move |ev| on_keydown.run(ev)
                ></div>
            }
        })
    }
}
