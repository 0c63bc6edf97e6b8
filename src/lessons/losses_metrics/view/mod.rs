//! Lesson 3's views (WebAssembly only): the page, a helper its steps share, and one file
//! per step.

pub mod accuracy_trap;
pub mod keras_accuracy;
pub mod labels_and_losses;
pub mod roc;
pub mod summary;
pub mod threshold;
pub mod top_k;

use super::{LESSON, PAGE};
use crate::lessons::view::render_lesson;
use leptos::prelude::*;

/// The lesson page.
pub fn render() -> AnyView {
    render_lesson(&LESSON, super::STEP_VIEWS, PAGE.title)
}

/// Bar labels from a fixed list of names.
pub fn names(list: &'static [&'static str]) -> Signal<Vec<String>> {
    Signal::derive(move || list.iter().map(|s| s.to_string()).collect())
}
