//! The supervised pixel model (logistic regression or the thread's regressor) and its training.

use super::{Adam, Dataset, Head, CLASSIFIER_LEARNING_RATE, PIXELS};

/// A linear model on the pixels, z = w·x + b, with an output set-up ([`Head`]):
/// [`Head::SigmoidBce`] is logistic regression (ŷ = σ(z), binary cross-entropy from
/// logits); [`Head::LinearMse`] is the thread's regressor (ŷ = z, mean squared error).
#[derive(Clone, Debug, PartialEq)]
pub struct PixelClassifier {
    /// The output set-up.
    pub head: Head,
    /// One weight per pixel, then the bias.
    pub(super) params: Vec<f64>,
}

impl PixelClassifier {
    /// All-zero weights (the loss is convex, so no random start is needed).
    pub fn new(head: Head) -> PixelClassifier {
        PixelClassifier {
            head,
            params: vec![0.0; PIXELS + 1],
        }
    }

    /// The weights (one per pixel) and the bias, flat.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// The pixel weights.
    pub fn weights(&self) -> &[f64] {
        &self.params[..PIXELS]
    }

    /// The raw output z (the logit for the sigmoid head); 0 for an image of the wrong size.
    pub fn raw(&self, x: &[f64]) -> f64 {
        if x.len() != PIXELS {
            return 0.0;
        }
        self.params[..PIXELS]
            .iter()
            .zip(x)
            .map(|(w, v)| w * v)
            .sum::<f64>()
            + self.params[PIXELS]
    }

    /// The prediction ŷ: σ(z) for the sigmoid head, z itself for the linear one.
    pub fn predict(&self, x: &[f64]) -> f64 {
        self.head.output(self.raw(x))
    }

    /// The mean loss over labelled images and its gradient (weights, then bias).
    pub fn loss_and_gradient(&self, images: &[&[f64]], labels: &[f64]) -> (f64, Vec<f64>) {
        let mut grad = vec![0.0; PIXELS + 1];
        let n = images.len().min(labels.len());
        if n == 0 {
            return (0.0, grad);
        }
        let mut loss = 0.0;
        for (x, y) in images.iter().zip(labels) {
            let z = self.raw(x);
            loss += self.head.loss(*y, z);
            let d = self.head.grad(*y, z) / n as f64;
            if x.len() == PIXELS {
                for (g, v) in grad[..PIXELS].iter_mut().zip(x.iter()) {
                    *g += d * v;
                }
            }
            grad[PIXELS] += d;
        }
        (loss / n as f64, grad)
    }
}

/// Supervised training of a [`PixelClassifier`] on normal parts (label 0) and scratches
/// (label 1), full batch, one Adam step per [`ClassifierTraining::step`].
#[derive(Clone, Debug, PartialEq)]
pub struct ClassifierTraining {
    model: PixelClassifier,
    optimizer: Adam,
    history: Vec<f64>,
    epochs: usize,
}

impl ClassifierTraining {
    /// A fresh run of `epochs` full-batch steps.
    pub fn new(head: Head, epochs: usize) -> ClassifierTraining {
        ClassifierTraining {
            model: PixelClassifier::new(head),
            optimizer: Adam::new(PIXELS + 1, CLASSIFIER_LEARNING_RATE),
            history: Vec::with_capacity(epochs),
            epochs,
        }
    }

    /// The model as trained so far.
    pub fn model(&self) -> &PixelClassifier {
        &self.model
    }

    /// Epochs completed.
    pub fn epoch(&self) -> usize {
        self.history.len()
    }

    /// Whether every epoch has run.
    pub fn is_done(&self) -> bool {
        self.epoch() >= self.epochs
    }

    /// The training loss before each step.
    pub fn history(&self) -> &[f64] {
        &self.history
    }

    /// One full-batch step on the training images and labels.
    pub fn step(&mut self, images: &[&[f64]], labels: &[f64]) {
        if self.is_done() {
            return;
        }
        let (loss, grad) = self.model.loss_and_gradient(images, labels);
        self.optimizer.update(&mut self.model.params, &grad);
        self.history.push(loss);
    }

    /// Runs to the end.
    pub fn finish(&mut self, images: &[&[f64]], labels: &[f64]) {
        while !self.is_done() {
            self.step(images, labels);
        }
    }
}

/// The supervised training set: normal training images (label 0) then scratches (1).
pub fn supervised_training_set(data: &Dataset) -> (Vec<&[f64]>, Vec<f64>) {
    let images: Vec<&[f64]> = data
        .train_normal
        .iter()
        .chain(&data.train_scratch)
        .map(|s| s.pixels.as_slice())
        .collect();
    let labels = data
        .train_normal
        .iter()
        .chain(&data.train_scratch)
        .map(|s| s.kind.label())
        .collect();
    (images, labels)
}
