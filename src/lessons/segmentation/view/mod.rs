//! Lesson 6's step views (WebAssembly only): one file per step, and what they share here.

pub mod inspector;
pub mod paint;
pub mod reshape;
pub mod shapes;
pub mod softmax_trap;
pub mod summary;

use super::{LESSON, PAGE};
use crate::lessons::view::render_lesson;
use leptos::prelude::*;

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, PAGE.title)
}

/// A readout's value that never changes.
fn constant(x: f64) -> Signal<f64> {
    Signal::derive(move || x)
}
