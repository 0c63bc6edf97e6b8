//! # Logit Lab
//!
//! An interactive teaching app: learners drag logits on live charts and watch softmax,
//! sigmoid, logit and loss values change, inside guided lessons.
//!
//! Layers, data flowing one way:
//!
//! * [`math`]: pure `f64` functions with Keras 3 semantics (no web dependencies);
//! * [`chart`]: plotters drawing, generic over the backend (SVG in tests, canvas in the browser);
//! * [`playground`], [`check`], [`routes`], [`format`](mod@format), [`lessons`]: state, URLs and text, host-testable;
//! * `widgets`, `app`: the Leptos user interface (WebAssembly only).

pub mod chart;
pub mod check;
pub mod format;
pub mod formula;
pub mod lessons;
pub mod link;
pub mod math;
pub mod model;
pub mod playground;
pub mod progress;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod url_sync;
#[cfg(target_arch = "wasm32")]
pub mod widgets;
