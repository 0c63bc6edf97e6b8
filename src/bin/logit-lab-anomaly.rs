//! Entry point of the bundle with lesson 5 (`lessons::ANOMALY`), loaded by index.html when
//! the address opens it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use logit_lab::lessons::anomaly;
    logit_lab::app::start(&[anomaly::VIEW]);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Logit Lab runs in the browser: build it with `trunk build` (see README.md).");
}
