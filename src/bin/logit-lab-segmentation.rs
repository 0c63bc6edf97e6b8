//! Entry point of the bundle with lesson 6 (`lessons::SEGMENTATION`), loaded by index.html when
//! the address opens it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use logit_lab::lessons::segmentation;
    logit_lab::app::start(&[segmentation::VIEW]);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Logit Lab runs in the browser: build it with `trunk build` (see README.md).");
}
