//! Entry point of the main bundle (home, lesson 1, Playground: `lessons::MAIN`): installs the
//! panic hook and mounts the app. The other bundles are in `src/bin/`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use logit_lab::lessons::{logits, playground_page};
    logit_lab::app::start(&[logits::VIEW, playground_page::VIEW]);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Logit Lab runs in the browser: build it with `trunk build` (see README.md).");
}
