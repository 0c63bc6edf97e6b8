//! Tiny trainers and synthetic data the lessons animate (pure `f64`, deterministic).
//!
//! No web dependencies; everything is tested natively.
//!
//! * [`regression`]: one free output trained towards a target in [0, 1] with three output
//!   set-ups (linear + MSE, sigmoid + MSE, sigmoid + binary cross-entropy), the training
//!   race between them, and the same race run per pixel on a small grey image.
//! * [`anomaly`]: a seeded set of small grey images of normal and defective parts, a
//!   dense autoencoder trained on normal parts only, and a supervised pixel classifier.
//! * [`segmentation`]: painted masks and their metrics, the 3-class pixel inspector, the
//!   one-channel softmax trap, tensor shapes per framework, reshape against transpose.
//! * [`optim`]: Adam, the optimiser of the anomaly models; [`rng`]: the one seeded
//!   generator behind every synthetic data set.

pub mod anomaly;
pub mod optim;
pub mod regression;
pub mod rng;
pub mod segmentation;
