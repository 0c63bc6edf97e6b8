//! Lesson 2's views (WebAssembly only): the page, and one file per step.

pub mod detection;
pub mod exclusive_or_not;
pub mod summary;
pub mod temperature;
pub mod two_classes;
pub mod two_heads;

use super::{LESSON, PAGE};
use crate::lessons::view::render_lesson;
use leptos::prelude::*;

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}
