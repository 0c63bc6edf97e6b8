//! Entry point of the bundle with lesson 4 and "Check your outputs" (`lessons::REGRESSION`),
//! loaded by index.html when the address opens one of them.

#[cfg(target_arch = "wasm32")]
fn main() {
    use logit_lab::lessons::{check_page, regression};
    logit_lab::app::start(&[regression::VIEW, check_page::VIEW]);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Logit Lab runs in the browser: build it with `trunk build` (see README.md).");
}
