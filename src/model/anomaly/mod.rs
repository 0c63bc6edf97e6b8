//! Anomaly detection on small grey images: the lesson's constants and its models' re-exports.
//!
//! A seeded synthetic inspection set (`data.rs`), a tiny dense autoencoder trained on normal
//! images only (one-class, `autoencoder.rs`), and a pixel classifier trained on labelled
//! anomalies of one kind (supervised, `classifier.rs`), so the two can be compared honestly;
//! `lab.rs` keeps them between the lesson's steps and holds the evaluation helpers. Adam lives
//! in [`crate::model::optim`]. Every item is re-exported here, so callers write
//! `crate::model::anomaly::Lab`.
//!
//! # The images
//!
//! [`SIDE`]×[`SIDE`] grey images with values in [0, 1], like a camera looking at a brushed
//! metal surface. A **normal** part ([`Kind::Normal`]) is smooth: a base brightness, a
//! gentle shading gradient, faint brushing waves running roughly left to right, and a
//! little sensor noise. Three kinds of defect are painted onto normal parts:
//!
//! * [`Kind::Scratch`]: a thin bright line (a groove catching the light), 5–9 px long,
//!   near the middle and rising at 30–60°: the gripper that causes it slips the same way
//!   each time (which is what lets a per-pixel classifier learn it at all);
//! * [`Kind::Spot`]: a small dark pit, a soft blob about 2–3 px across, anywhere;
//! * [`Kind::MissingPiece`]: a corner broken off, showing the dark background.
//!
//! Defect strengths vary, so a few defects are faint enough to score like the most
//! unusual normal parts: no threshold separates the test set perfectly.
//!
//! Everything is generated from a fixed seed ([`Dataset::seeded`]), so every run, the
//! browser's and the tests', sees the same images.
//!
//! # The autoencoder
//!
//! [`Autoencoder`]: 144 → 16 (tanh) → 144 (sigmoid), trained to reproduce its input with
//! the mean squared error, by Adam on minibatches of 16 ([`AutoencoderTraining`], sliced
//! for the browser by [`Lab`]). In Keras 3:
//!
//! ```text
//! inputs = keras.Input(shape=(144,))
//! code = keras.layers.Dense(16, activation="tanh")(inputs)
//! outputs = keras.layers.Dense(144, activation="sigmoid")(code)
//! autoencoder = keras.Model(inputs, outputs)
//! autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005), loss="mse")
//! autoencoder.fit(x_normal, x_normal, epochs=60, batch_size=16, shuffle=True)
//! ```
//!
//! Trained on normal images only, it learns to rebuild smooth brushed surfaces; a defect
//! is something it never learned to draw, so its **reconstruction error** (the image's
//! mean squared error) is large. That error is the anomaly score. On the seeded set,
//! 60 epochs bring the training loss to 0.000302 (the sensor noise alone is 0.000225);
//! good test parts then score 0.000284 on average and defects 0.00306, and the errors
//! rank the 190 test images with a ROC AUC of 0.9993 (asserted in `tests.rs`).
//!
//! Why no ML crate: the whole model is two small dense layers (4,768 numbers). Written out
//! here it costs a few hundred lines, adds nothing measurable to the WebAssembly bundle,
//! and gives full control over what the lesson needs and a framework would hide: training
//! in slices small enough for one animation frame, bit-for-bit determinism from a seed,
//! pure `f64`, and gradients we can check against finite differences. The pure-Rust
//! crates (burn, candle, dfdx, …) bring tensor machinery, generics and kernels sized for
//! real models: far more code in the bundle than this model has parameters.
//!
//! # The supervised classifier
//!
//! [`PixelClassifier`]: one weight per pixel and a bias, z = w·x + b (logistic regression
//! when the head is [`Head::SigmoidBce`]: ŷ = σ(z), binary cross-entropy from logits). The
//! thread suggested exactly this kind of model with a linear output and MSE
//! ([`Head::LinearMse`]); fitting 0/1 labels is classification, so sigmoid + BCE is the
//! right set-up. It learns from normal parts and *scratches only*: then it catches 26 of
//! the 30 test scratches and none of the 30 spots at p > 0.5 (its AUC on spots is 0.40,
//! worse than chance), where the autoencoder catches every defect at 5 % false alarms.
//! That is the typical outcome of training on one kind of defect, not a law.
//!
//! Nothing here panics: empty inputs give empty outputs, lengths are checked, and numbers
//! that cannot be computed come back as `None` or NaN-free fallbacks.

mod autoencoder;
mod classifier;
mod data;
mod lab;
#[cfg(test)]
mod tests;

pub use super::optim::Adam;
pub use super::rng::Rng;
pub use autoencoder::{Autoencoder, AutoencoderTraining, TrainWork, PARAMETERS};
pub use classifier::{supervised_training_set, ClassifierTraining, PixelClassifier};
pub use data::{generate, Dataset, Kind, Sample};
pub use lab::{
    fraction_above, kind_flagged, kind_rates, normal_quantile_threshold, quantile, r_squared,
    threshold_for_false_alarms, AutoencoderWork, KindRates, Lab, EVAL_CHUNK, TRAIN_CHUNK,
};

use super::regression::Head;

/// Width and height of every image, in pixels.
pub const SIDE: usize = 12;
/// Pixels per image.
pub const PIXELS: usize = SIDE * SIDE;
/// Units in the autoencoder's bottleneck (its code).
pub const HIDDEN: usize = 16;

/// The seed of the whole data set.
pub const DATA_SEED: u64 = 0x5EED_0005;
/// The seed of the autoencoder's initial weights and of its minibatch shuffles.
pub const MODEL_SEED: u64 = 0xA0E0_0005;

/// Normal images the autoencoder trains on.
pub const TRAIN_NORMAL: usize = 240;
/// Scratched images the supervised classifier trains on (with the same normal images).
pub const TRAIN_SCRATCH: usize = 80;
/// Normal images in the test set.
pub const TEST_NORMAL: usize = 100;
/// Images of each defect kind in the test set.
pub const TEST_PER_DEFECT: usize = 30;

/// Minibatch size of the autoencoder.
pub const BATCH_SIZE: usize = 16;
/// Adam's learning rate for the autoencoder.
pub const LEARNING_RATE: f64 = 0.005;
/// Epochs of autoencoder training (passes over the normal training images).
pub const EPOCHS: usize = 60;

/// Epochs of classifier training (full-batch Adam steps).
pub const CLASSIFIER_EPOCHS: usize = 600;
/// Adam's learning rate for the classifier.
pub const CLASSIFIER_LEARNING_RATE: f64 = 0.1;
