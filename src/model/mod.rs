//! Tiny trainers and synthetic data the lessons animate: pure `f64`, no web dependencies,
//! deterministic, tested natively.
//!
//! * [`regression`]: one free output trained towards a target in [0, 1] with three output
//!   set-ups (linear + MSE, sigmoid + MSE, sigmoid + binary cross-entropy), the training
//!   race between them, and the same race run per pixel on a small grey image.
//! * [`anomaly`]: a seeded set of small grey images of normal and defective parts, a
//!   dense autoencoder trained on normal parts only, and a supervised pixel classifier.

pub mod anomaly;
pub mod regression;
pub mod rng;
pub mod segmentation;
