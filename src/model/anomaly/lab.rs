//! The lesson's lab (data, autoencoder run, pixel models) and the evaluation helpers.

use super::{
    supervised_training_set, Autoencoder, AutoencoderTraining, ClassifierTraining, Dataset, Head,
    Kind, PixelClassifier, Sample, TrainWork, CLASSIFIER_EPOCHS, EPOCHS,
};
use crate::math;
use std::sync::OnceLock;

/// The fraction of `scores` strictly above `threshold` (0 for none).
pub fn fraction_above(scores: &[f64], threshold: f64) -> f64 {
    if scores.is_empty() {
        return 0.0;
    }
    scores.iter().filter(|s| **s > threshold).count() as f64 / scores.len() as f64
}

/// The `q`-quantile (0 ≤ q ≤ 1) of some values by linear interpolation between order
/// statistics (NumPy's default); NaNs are ignored; `None` when nothing is left.
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() || q.is_nan() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let pos = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    Some(v[lo] + (v[hi] - v[lo]) * (pos - lo as f64))
}

/// How a detector does on the test set at one threshold: the share of each kind flagged
/// (for normal parts that is the false-alarm rate; for defects, the recall of that kind).
#[derive(Clone, Debug, PartialEq)]
pub struct KindRates {
    /// Flagged share per kind, in [`Kind::ALL`] order.
    pub flagged: [f64; 4],
    /// ROC AUC of normal against each defect kind alone, in [`Kind::DEFECTS`] order.
    pub auc: [f64; 3],
}

/// The scores of one kind's test images.
fn scores_of(data: &Dataset, scores: &[f64], kind: Kind) -> Vec<f64> {
    data.test_indices(kind)
        .into_iter()
        .filter_map(|i| scores.get(i).copied())
        .collect()
}

/// The share of each kind flagged at `threshold`, in [`Kind::ALL`] order (what a threshold
/// slider needs on every move: [`kind_rates`] without the AUCs, which sort the scores).
pub fn kind_flagged(data: &Dataset, scores: &[f64], threshold: f64) -> [f64; 4] {
    Kind::ALL.map(|k| fraction_above(&scores_of(data, scores, k), threshold))
}

/// Flagged rates and per-kind AUCs of `scores` (one per test image) at `threshold`.
pub fn kind_rates(data: &Dataset, scores: &[f64], threshold: f64) -> KindRates {
    let of = |kind: Kind| scores_of(data, scores, kind);
    let normal = of(Kind::Normal);
    let flagged = kind_flagged(data, scores, threshold);
    let auc = Kind::DEFECTS.map(|k| {
        let defect = of(k);
        let y: Vec<f64> = normal
            .iter()
            .map(|_| 0.0)
            .chain(defect.iter().map(|_| 1.0))
            .collect();
        let s: Vec<f64> = normal.iter().chain(&defect).copied().collect();
        math::roc_auc(&y, &s).unwrap_or(0.5)
    });
    KindRates { flagged, auc }
}

/// The threshold a one-class detector can set without ever seeing a defect: the
/// `quantile` of the reconstruction errors on the normal *training* images (0.95 means
/// about 5 % of normal parts get flagged).
pub fn normal_quantile_threshold(model: &Autoencoder, train: &[Sample], q: f64) -> f64 {
    let errors: Vec<f64> = train.iter().map(|s| model.error(&s.pixels)).collect();
    quantile(&errors, q).unwrap_or(0.0)
}

/// Test images scored per unit of work while evaluating.
pub const EVAL_CHUNK: usize = 8;
/// Training images back-propagated per unit of work.
pub const TRAIN_CHUNK: usize = 4;

/// What one unit of [`Lab::work_autoencoder`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoencoderWork {
    /// A few images of a minibatch, before its update.
    Partial,
    /// Completed a minibatch step, inside an epoch.
    Step,
    /// The minibatch step that ended an epoch (its test evaluation comes next).
    EpochEnd,
    /// Scored a chunk of the test images with the model at the last epoch's end.
    Evaluated,
    /// Scored the last chunk: the epoch's test errors are complete.
    EvaluationEnd,
    /// Nothing left to do.
    Idle,
}

/// Everything the lesson trains, kept between its steps: the data, the autoencoder run
/// with its test evaluation after every epoch, and the two pixel models (the logistic
/// regression and the thread's linear regressor).
///
/// All work comes in small units ([`Lab::work_autoencoder`], [`Lab::work_pixel_model`]),
/// each a fraction of a millisecond in an optimised build, so the browser can run as many
/// as fit in one animation frame. The results never depend on the slicing.
#[derive(Clone, Debug, PartialEq)]
pub struct Lab {
    data: Dataset,
    pub(super) training: AutoencoderTraining,
    pending: Option<usize>,
    buffer: Vec<f64>,
    test_errors: Vec<f64>,
    normal_curve: Vec<f64>,
    defect_curve: Vec<f64>,
    classifier: ClassifierTraining,
    regressor: ClassifierTraining,
    /// Units of autoencoder work done since the last reset (see [`Lab::autoencoder_units`]).
    units: usize,
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

impl Lab {
    /// The seeded data, an untrained autoencoder and untrained pixel models.
    pub fn new() -> Lab {
        Lab {
            data: Dataset::seeded(),
            training: AutoencoderTraining::new(EPOCHS),
            pending: None,
            buffer: Vec::new(),
            test_errors: Vec::new(),
            normal_curve: Vec::new(),
            defect_curve: Vec::new(),
            classifier: ClassifierTraining::new(Head::SigmoidBce, CLASSIFIER_EPOCHS),
            regressor: ClassifierTraining::new(Head::LinearMse, CLASSIFIER_EPOCHS),
            units: 0,
        }
    }

    /// How many units of [`Lab::work_autoencoder`] have been done since the autoencoder
    /// was last reset. Training is deterministic, so this count alone fixes the whole
    /// state of the run: a shared link carries it and the receiver replays to it.
    pub fn autoencoder_units(&self) -> usize {
        self.units
    }

    /// The images.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The autoencoder run.
    pub fn training(&self) -> &AutoencoderTraining {
        &self.training
    }

    /// Starts the autoencoder over from its seeded initial weights.
    pub fn reset_autoencoder(&mut self) {
        self.training = AutoencoderTraining::new(EPOCHS);
        self.units = 0;
        self.pending = None;
        self.buffer.clear();
        self.test_errors.clear();
        self.normal_curve.clear();
        self.defect_curve.clear();
    }

    /// Whether the next unit of autoencoder work starts a new minibatch (what a speed
    /// limit counts), rather than continuing one, evaluating, or nothing.
    pub fn next_starts_step(&self) -> bool {
        self.pending.is_none() && !self.training.is_done() && self.training.at_batch_start()
    }

    /// One unit of autoencoder work: [`TRAIN_CHUNK`] images of a minibatch (and its
    /// update once complete), or after an epoch has ended, the reconstruction errors of
    /// the next [`EVAL_CHUNK`] test images.
    pub fn work_autoencoder(&mut self) -> AutoencoderWork {
        let work = self.autoencoder_unit();
        if work != AutoencoderWork::Idle {
            self.units += 1;
        }
        work
    }

    fn autoencoder_unit(&mut self) -> AutoencoderWork {
        if let Some(start) = self.pending {
            let test = &self.data.test;
            let end = (start + EVAL_CHUNK).min(test.len());
            let model = self.training.model();
            self.buffer
                .extend(test[start..end].iter().map(|s| model.error(&s.pixels)));
            if end < test.len() {
                self.pending = Some(end);
                return AutoencoderWork::Evaluated;
            }
            self.pending = None;
            self.test_errors = std::mem::take(&mut self.buffer);
            let mean_of = |anomaly: bool| {
                let v: Vec<f64> = self
                    .test_errors
                    .iter()
                    .zip(test)
                    .filter(|(_, s)| s.kind.is_anomaly() == anomaly)
                    .map(|(e, _)| *e)
                    .collect();
                v.iter().sum::<f64>() / v.len().max(1) as f64
            };
            let (normal, defect) = (mean_of(false), mean_of(true));
            self.normal_curve.push(normal);
            self.defect_curve.push(defect);
            return AutoencoderWork::EvaluationEnd;
        }
        if self.training.is_done() {
            return AutoencoderWork::Idle;
        }
        match self.training.work(&self.data.train_normal, TRAIN_CHUNK) {
            TrainWork::EpochEnd => {
                self.pending = Some(0);
                self.buffer.clear();
                AutoencoderWork::EpochEnd
            }
            TrainWork::Step => AutoencoderWork::Step,
            TrainWork::Partial => AutoencoderWork::Partial,
            TrainWork::Idle => AutoencoderWork::Idle,
        }
    }

    /// Runs the autoencoder (and its evaluations) to the end.
    pub fn finish_autoencoder(&mut self) {
        while self.work_autoencoder() != AutoencoderWork::Idle {}
    }

    /// The lab with every model (the autoencoder and both pixel models) trained to the end,
    /// trained once and shared: for the lesson's checker and the tests, which only read it.
    pub fn trained() -> &'static Lab {
        static LAB: OnceLock<Lab> = OnceLock::new();
        LAB.get_or_init(|| {
            let mut lab = Lab::new();
            lab.finish_autoencoder();
            while lab.work_pixel_model(Head::SigmoidBce) {}
            while lab.work_pixel_model(Head::LinearMse) {}
            lab
        })
    }

    /// Whether every epoch has run and the final test errors are in.
    pub fn is_trained(&self) -> bool {
        self.training.is_done() && self.pending.is_none() && !self.test_errors.is_empty()
    }

    /// The test images' reconstruction errors after the last evaluated epoch (empty
    /// before the first epoch ends), in [`Dataset::test`] order.
    pub fn test_errors(&self) -> &[f64] {
        &self.test_errors
    }

    /// Per evaluated epoch: the mean reconstruction error of the normal test images.
    pub fn normal_curve(&self) -> &[f64] {
        &self.normal_curve
    }

    /// Per evaluated epoch: the mean reconstruction error of the defective test images.
    pub fn defect_curve(&self) -> &[f64] {
        &self.defect_curve
    }

    /// The one-class threshold: the 95th percentile of the reconstruction errors of the
    /// normal training images (no defect needed to set it).
    pub fn suggested_threshold(&self) -> f64 {
        normal_quantile_threshold(self.training.model(), &self.data.train_normal, 0.95)
    }

    /// The pixel model with this head ([`Head::SigmoidBce`] → logistic regression, any
    /// other → the thread's linear regressor).
    pub fn pixel_training(&self, head: Head) -> &ClassifierTraining {
        if head == Head::SigmoidBce {
            &self.classifier
        } else {
            &self.regressor
        }
    }

    /// One full-batch step of the pixel model with this head; false when it is done.
    pub fn work_pixel_model(&mut self, head: Head) -> bool {
        let (images, labels) = supervised_training_set(&self.data);
        let run = if head == Head::SigmoidBce {
            &mut self.classifier
        } else {
            &mut self.regressor
        };
        if run.is_done() {
            return false;
        }
        run.step(&images, &labels);
        true
    }

    /// Starts the pixel model with this head over.
    pub fn reset_pixel_model(&mut self, head: Head) {
        if head == Head::SigmoidBce {
            self.classifier = ClassifierTraining::new(Head::SigmoidBce, CLASSIFIER_EPOCHS);
        } else {
            self.regressor = ClassifierTraining::new(Head::LinearMse, CLASSIFIER_EPOCHS);
        }
    }

    /// The pixel model's raw outputs z on the test images (logits for the sigmoid head).
    pub fn pixel_raw(&self, head: Head) -> Vec<f64> {
        self.pixel_outputs(head, PixelClassifier::raw)
    }

    /// The pixel model's predictions ŷ on the test images.
    pub fn pixel_predictions(&self, head: Head) -> Vec<f64> {
        self.pixel_outputs(head, PixelClassifier::predict)
    }

    /// One `output` of the pixel model per test image.
    fn pixel_outputs(&self, head: Head, output: fn(&PixelClassifier, &[f64]) -> f64) -> Vec<f64> {
        let model = self.pixel_training(head).model();
        self.data
            .test
            .iter()
            .map(|s| output(model, &s.pixels))
            .collect()
    }
}

/// R², the coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: scikit-learn's
/// `r2_score` and what `RegressorMixin.score` returns. 1 is perfect, 0 is as good as
/// always predicting the mean, and it has no lower bound. `None` when the lengths differ,
/// the input is empty or every y is the same (scikit-learn then returns 0 or 1 by
/// convention; this lesson never needs that case).
pub fn r_squared(y_true: &[f64], y_pred: &[f64]) -> Option<f64> {
    if y_true.len() != y_pred.len() || y_true.is_empty() {
        return None;
    }
    let mean = y_true.iter().sum::<f64>() / y_true.len() as f64;
    let total: f64 = y_true.iter().map(|y| (y - mean) * (y - mean)).sum();
    let residual: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(y, p)| (y - p) * (y - p))
        .sum();
    (total > 0.0 && residual.is_finite()).then(|| 1.0 - residual / total)
}

/// The threshold at which a detector flags `rate` of the `normal` scores (a false-alarm
/// budget): the smallest score among the normal ones such that at most ⌊rate·n⌋ lie
/// strictly above it. With `rate` 0 it is the highest normal score (nothing flagged).
/// `None` for no scores.
pub fn threshold_for_false_alarms(normal: &[f64], rate: f64) -> Option<f64> {
    let mut v: Vec<f64> = normal.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| b.total_cmp(a));
    let allowed = if rate.is_nan() {
        0
    } else {
        ((rate.clamp(0.0, 1.0) * v.len() as f64) + 1e-9).floor() as usize
    };
    // Flag the `allowed` highest: the threshold is the next score down (ties stay unflagged).
    Some(v[allowed.min(v.len() - 1)])
}
