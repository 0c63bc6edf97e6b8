//! The Playground: free exploration of every activation, loss and gradient on 2–10 logits.
//! Its whole state lives in the URL.

pub mod panels;

use super::Page;

/// The Playground's registry entry.
pub const PAGE: Page = Page {
    slug: "playground",
    title: "Playground",
    nav_label: "Playground",
    blurb: "Drag up to ten logits and watch softmax, sigmoid, log-softmax, every Keras \
            cross-entropy and its gradient move at once. The address bar keeps the whole \
            state, so a link shows someone else exactly what you see.",
    lesson: None,
};

super::lesson::page_view!();

#[cfg(target_arch = "wasm32")]
mod view;
