//! Lesson 1's views (WebAssembly only): the page, and one file per step.

pub mod double_softmax;
pub mod log_odds;
pub mod raw_scores;
pub mod round_trip;
pub mod shift;
pub mod summary;
pub mod with_logits;

use super::{LESSON, PAGE};
use crate::lessons::view::render_lesson;
use leptos::prelude::*;

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}
