//! Entry point of the bundle with lessons 2 and 3 (`lessons::SOFTMAX_LOSSES`), loaded by
//! index.html when the address opens one of them.

#[cfg(target_arch = "wasm32")]
fn main() {
    use logit_lab::lessons::{losses_metrics, softmax_sigmoid};
    logit_lab::app::start(&[softmax_sigmoid::VIEW, losses_metrics::VIEW]);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Logit Lab runs in the browser: build it with `trunk build` (see README.md).");
}
