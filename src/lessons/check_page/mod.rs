//! "Check your outputs": the learner pastes what their own model printed (and its labels) and
//! sees what the numbers are, the mistakes they show, every number Keras would report and the
//! right configuration as code. Everything runs in the browser; nothing is sent anywhere.

pub mod examples;
pub mod link;
pub mod panels;
pub mod share;

use super::Page;

/// The check page's registry entry.
pub const PAGE: Page = Page {
    slug: "check",
    title: "Check your outputs",
    nav_label: "Check your outputs",
    blurb: "Paste what your own model printed (NumPy, PyTorch, lists or CSV) and its labels: \
            see whether they are logits or probabilities, which mistakes the numbers show \
            (a double softmax, probabilities taken as logits, a softmax on multi-label data) \
            and every loss and metric Keras would report, with the right code to use.",
    lesson: None,
};

super::lesson::page_view!();

#[cfg(target_arch = "wasm32")]
mod view;
