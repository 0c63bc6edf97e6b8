//! The training race: the three set-ups trained side by side on one output, and its settings.

use super::Head;

/// Smallest learning rate the lesson's sliders offer.
pub const LEARNING_RATE_MIN: f64 = 0.01;
/// Largest learning rate the lesson's sliders offer (above 1 the linear head diverges).
pub const LEARNING_RATE_MAX: f64 = 1.0;

pub(super) fn sane(x: f64, lo: f64, hi: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x.clamp(lo, hi)
    } else {
        fallback
    }
}

/// The settings of a training race on one output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RaceSettings {
    /// The target y in [0, 1].
    pub target: f64,
    /// The prediction every set-up starts from, in (0, 1).
    pub start: f64,
    /// The learning rate η, in [[`LEARNING_RATE_MIN`], [`LEARNING_RATE_MAX`]].
    pub learning_rate: f64,
}

impl RaceSettings {
    /// The settings with every value made usable: target clamped to [0, 1], start to
    /// [1e-6, 1 − 1e-6] (a sigmoid cannot start at exactly 0 or 1), learning rate to the
    /// slider's range; NaN becomes the lesson's default.
    pub fn sanitised(self) -> RaceSettings {
        RaceSettings {
            target: sane(self.target, 0.0, 1.0, 0.9),
            start: sane(self.start, 1e-6, 1.0 - 1e-6, 0.05),
            learning_rate: sane(
                self.learning_rate,
                LEARNING_RATE_MIN,
                LEARNING_RATE_MAX,
                0.1,
            ),
        }
    }
}

/// How the race's set-ups update their output z.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Optimizer {
    /// Plain gradient descent (Keras' `SGD`): z ← z − η·dL/dz.
    #[default]
    Sgd,
    /// Adam as Keras 3 applies it (β₁ = 0.9, β₂ = 0.999, ε = 1e−7 added to √v): each step
    /// is divided by a running estimate of the gradient's size, so it is about η however
    /// small the gradient.
    Adam,
}

impl Optimizer {
    /// Both, in the order the lesson offers them.
    pub const ALL: [Optimizer; 2] = [Optimizer::Sgd, Optimizer::Adam];
}

/// Adam's running moments, one per set-up, and the steps taken.
#[derive(Clone, Debug, Default, PartialEq)]
struct Moments {
    m: [f64; 3],
    v: [f64; 3],
    t: i32,
}

impl Moments {
    const BETA1: f64 = 0.9;
    const BETA2: f64 = 0.999;
    const EPSILON: f64 = 1e-7;

    /// Keras 3's update: m, v as running means, the bias correction folded into the step
    /// size α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ), and z ← z − α·m/(√v + ε).
    fn update(&mut self, i: usize, z: f64, g: f64, lr: f64) -> f64 {
        let (m, v) = (&mut self.m[i], &mut self.v[i]);
        *m += (g - *m) * (1.0 - Self::BETA1);
        *v += (g * g - *v) * (1.0 - Self::BETA2);
        let t = self.t.max(1);
        let alpha = lr * (1.0 - Self::BETA2.powi(t)).sqrt() / (1.0 - Self::BETA1.powi(t));
        z - alpha * *m / (v.sqrt() + Self::EPSILON)
    }
}

/// How many steps the training race runs.
pub const RACE_STEPS: usize = 150;

/// The three set-ups trained side by side on one output, from the same starting prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct Race {
    settings: RaceSettings,
    /// Adam's moments, or `None` for plain gradient descent.
    adam: Option<Moments>,
    total: usize,
    raw: [f64; 3],
    history: Vec<[f64; 3]>,
}

impl Race {
    /// A race at step 0 that will run `total` steps of plain gradient descent.
    pub fn new(settings: RaceSettings, total: usize) -> Race {
        Race::with(settings, Optimizer::Sgd, total)
    }

    /// A race at step 0 that will run `total` steps of `optimizer`.
    pub fn with(settings: RaceSettings, optimizer: Optimizer, total: usize) -> Race {
        let settings = settings.sanitised();
        let raw = Head::ALL.map(|h| h.raw_for(settings.start));
        let first = Head::ALL.map(|h| h.output(raw[h.index()]));
        let mut history = Vec::with_capacity(total + 1);
        history.push(first);
        Race {
            settings,
            adam: (optimizer == Optimizer::Adam).then(Moments::default),
            total,
            raw,
            history,
        }
    }

    /// The optimizer the set-ups train with.
    pub fn optimizer(&self) -> Optimizer {
        if self.adam.is_some() {
            Optimizer::Adam
        } else {
            Optimizer::Sgd
        }
    }

    /// The (sanitised) settings.
    pub fn settings(&self) -> RaceSettings {
        self.settings
    }

    /// The number of steps the race runs.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Steps taken so far.
    pub fn step(&self) -> usize {
        self.history.len() - 1
    }

    /// Whether every step has been taken.
    pub fn is_done(&self) -> bool {
        self.step() >= self.total
    }

    /// Takes up to `n` steps (fewer at the end); returns how many were taken.
    pub fn advance(&mut self, n: usize) -> usize {
        let n = n.min(self.total - self.step().min(self.total));
        let RaceSettings {
            target,
            learning_rate,
            ..
        } = self.settings;
        for _ in 0..n {
            if let Some(a) = self.adam.as_mut() {
                a.t += 1;
            }
            for head in Head::ALL {
                let i = head.index();
                let z = self.raw[i];
                self.raw[i] = match self.adam.as_mut() {
                    Some(a) => a.update(i, z, head.grad(target, z), learning_rate),
                    None => head.step(target, z, learning_rate),
                };
            }
            self.history
                .push(Head::ALL.map(|h| h.output(self.raw[h.index()])));
        }
        n
    }

    /// The current raw outputs z, one per set-up.
    pub fn raw(&self) -> [f64; 3] {
        self.raw
    }

    /// The current predictions ŷ, one per set-up.
    pub fn outputs(&self) -> [f64; 3] {
        self.history[self.history.len() - 1]
    }

    /// The predictions after each step so far (`history()[k]` is after k steps).
    pub fn history(&self) -> &[[f64; 3]] {
        &self.history
    }

    /// The current squared error (ŷ − y)² of a set-up's *output*: comparable between the
    /// set-ups, unlike their losses (cross-entropy with a soft target never reaches 0).
    pub fn squared_error(&self, head: Head) -> f64 {
        let d = self.outputs()[head.index()] - self.settings.target;
        d * d
    }

    /// The lowest and highest prediction of the linear head so far.
    pub fn linear_extremes(&self) -> (f64, f64) {
        self.history
            .iter()
            .map(|o| o[0])
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            })
    }

    /// How many of the predictions so far (step 0 included) the linear head made outside
    /// [0, 1].
    pub fn linear_steps_outside(&self) -> usize {
        self.history
            .iter()
            .filter(|o| !(0.0..=1.0).contains(&o[0]))
            .count()
    }
}

/// The visible output range for a race's chart: [0, 1] widened to hold the linear head's
/// whole path. With error e₀ = start − y, the linear head's error after k steps is
/// e₀(1 − 2η)ᵏ, so for η ≤ 0.5 it slides monotonically to the target and for
/// 0.5 < η ≤ 1 its widest swing past the target is the first step, y + e₀(1 − 2η).
///
/// Adam's path has no such closed form: the run is taken in full and its extremes kept.
pub fn race_output_range(settings: RaceSettings, optimizer: Optimizer) -> (f64, f64) {
    if optimizer == Optimizer::Adam {
        let mut race = Race::with(settings, optimizer, RACE_STEPS);
        race.advance(RACE_STEPS);
        let (lo, hi) = race.linear_extremes();
        return (lo.min(0.0) - 0.1, hi.max(1.0) + 0.1);
    }
    let s = settings.sanitised();
    let first = s.target + (s.start - s.target) * (1.0 - 2.0 * s.learning_rate);
    let lo = 0f64.min(first).min(s.start);
    let hi = 1f64.max(first).max(s.start);
    (lo - 0.1, hi + 0.1)
}
