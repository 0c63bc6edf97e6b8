//! Regression onto a target in [0, 1] (a normalised grey pixel) with three output set-ups,
//! trained by plain gradient descent on one free output.
//!
//! | set-up | output ŷ | loss L(y, z) | dL/dz |
//! |---|---|---|---|
//! | [`Head::LinearMse`] | z | (z − y)² | 2(z − y) |
//! | [`Head::SigmoidMse`] | σ(z) | (σ(z) − y)² | 2(σ − y)·σ(1 − σ) |
//! | [`Head::SigmoidBce`] | σ(z) | −y ln σ(z) − (1 − y) ln(1 − σ(z)) | σ(z) − y |
//!
//! z is the raw output of the last layer (a logit for the sigmoid heads). The losses and
//! gradients are those of Keras 3 `keras.losses.mean_squared_error(y, z)`,
//! `mean_squared_error(y, keras.ops.sigmoid(z))` and
//! `binary_crossentropy(y, z, from_logits=True)` for one element, and of PyTorch
//! `F.mse_loss(z, y)`, `F.mse_loss(torch.sigmoid(z), y)` and
//! `F.binary_cross_entropy_with_logits(z, y)` (what autograd returns for the gradients).
//! Soft targets (any y in [0, 1]) are fine for binary cross-entropy: its minimum over z is
//! then at σ(z) = y, where it equals the binary entropy of y, not 0.
//!
//! One gradient-descent step is z ← z − η·dL/dz ([`Head::step`]). [`Race`] runs the three
//! set-ups side by side from the same starting output; [`ImageRace`] does the same for
//! every pixel of a small grey image. Everything is deterministic (there is no randomness),
//! and nothing here panics: settings that are NaN or out of range are replaced by sane ones.

use crate::math;

/// One output set-up: the activation of the last layer and the loss it is trained with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Head {
    /// No activation (ŷ = z) and mean squared error.
    LinearMse,
    /// Sigmoid output (ŷ = σ(z)) and mean squared error.
    SigmoidMse,
    /// Sigmoid output and binary cross-entropy, computed from the logit
    /// (`from_logits=True`), with the soft target y.
    SigmoidBce,
}

impl Head {
    /// The three set-ups, in the order the lesson shows them.
    pub const ALL: [Head; 3] = [Head::LinearMse, Head::SigmoidMse, Head::SigmoidBce];

    /// Position in [`Head::ALL`] (also the chart colour index).
    pub fn index(self) -> usize {
        match self {
            Head::LinearMse => 0,
            Head::SigmoidMse => 1,
            Head::SigmoidBce => 2,
        }
    }

    /// The name shown to learners.
    pub fn name(self) -> &'static str {
        match self {
            Head::LinearMse => "linear + MSE",
            Head::SigmoidMse => "sigmoid + MSE",
            Head::SigmoidBce => "sigmoid + BCE",
        }
    }

    /// A short key for test ids and readout names.
    pub fn key(self) -> &'static str {
        match self {
            Head::LinearMse => "linear",
            Head::SigmoidMse => "sigmoid-mse",
            Head::SigmoidBce => "sigmoid-bce",
        }
    }

    /// The prediction ŷ for the raw output z: z itself, or σ(z).
    pub fn output(self, z: f64) -> f64 {
        match self {
            Head::LinearMse => z,
            Head::SigmoidMse | Head::SigmoidBce => math::sigmoid(z),
        }
    }

    /// The loss for target y at raw output z (see the module table).
    pub fn loss(self, y: f64, z: f64) -> f64 {
        match self {
            Head::LinearMse => (z - y) * (z - y),
            Head::SigmoidMse => {
                let d = math::sigmoid(z) - y;
                d * d
            }
            Head::SigmoidBce => math::binary_crossentropy(&[y], &[z], true).unwrap_or(f64::NAN),
        }
    }

    /// dL/dz, in closed form (what back-propagation hands the last layer).
    pub fn grad(self, y: f64, z: f64) -> f64 {
        match self {
            Head::LinearMse => 2.0 * (z - y),
            Head::SigmoidMse => math::mse_sigmoid_grad_logit(y, z),
            Head::SigmoidBce => math::binary_crossentropy_grad_logit(y, z),
        }
    }

    /// One step of gradient descent with learning rate `lr`: z − lr·dL/dz.
    pub fn step(self, y: f64, z: f64, lr: f64) -> f64 {
        z - lr * self.grad(y, z)
    }

    /// The raw output z that predicts `output`: the output itself for the linear head,
    /// logit(output) for the sigmoid heads (±∞ at 0 and 1, which a sigmoid never reaches).
    pub fn raw_for(self, output: f64) -> f64 {
        match self {
            Head::LinearMse => output,
            Head::SigmoidMse | Head::SigmoidBce => math::logit(output),
        }
    }

    /// The smallest loss this set-up can reach for target y: 0 for squared error, the
    /// binary entropy H(y) for cross-entropy with a soft target.
    pub fn min_loss(self, y: f64) -> f64 {
        match self {
            Head::LinearMse | Head::SigmoidMse => 0.0,
            Head::SigmoidBce => binary_entropy(y),
        }
    }
}

/// H(y) = −y ln y − (1 − y) ln(1 − y) in nats, with 0·ln 0 = 0 (so H(0) = H(1) = 0):
/// the floor of binary cross-entropy with soft target y. NaN outside [0, 1].
pub fn binary_entropy(y: f64) -> f64 {
    if !(0.0..=1.0).contains(&y) {
        return f64::NAN;
    }
    let term = |p: f64| if p > 0.0 { -p * p.ln() } else { 0.0 };
    term(y) + term(1.0 - y) + 0.0
}

/// What PyTorch's autograd returns for d/dz `F.binary_cross_entropy(torch.sigmoid(z), y)`
/// (`nn.BCELoss` on a sigmoid output, one element), in float64.
///
/// PyTorch does not clip the probability the way Keras does. Its forward pass clamps each
/// log at −100 (a ceiling of 100 instead of Keras' 16.118), and its backward pass is
/// (p − y) / max(p(1 − p), 1e-12) times the sigmoid's own derivative (1 − p)p. So the
/// gradient stays at σ(z) − y until p(1 − p) drops below 1e-12 (|z| ≳ 27.6), then fades
/// towards 0 — later than Keras' probability path, which is exactly 0 beyond
/// |z| ≈ 16.118 ([`math::clipped_binary_crossentropy_grad_logit`]).
pub fn pytorch_bce_probability_grad(y: f64, z: f64) -> f64 {
    // torch.sigmoid in float64: 1 / (1 + exp(−z)).
    let p = 1.0 / (1.0 + (-z).exp());
    // ATen's EPSILON is a float constant 1e-12 promoted to double.
    let eps = 1e-12_f32 as f64;
    let dl_dp = (p - y) / ((1.0 - p) * p).max(eps);
    dl_dp * (1.0 - p) * p + 0.0
}

/// Smallest learning rate the lesson's sliders offer.
pub const LEARNING_RATE_MIN: f64 = 0.01;
/// Largest learning rate the lesson's sliders offer (above 1 the linear head diverges).
pub const LEARNING_RATE_MAX: f64 = 1.0;

fn sane(x: f64, lo: f64, hi: f64, fallback: f64) -> f64 {
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

/// In a link: `target_start_rate`; only settings that are already usable are accepted.
impl crate::link::LinkValue for RaceSettings {
    fn to_link(&self) -> String {
        use crate::format::format_full;
        format!(
            "{}_{}_{}",
            format_full(self.target),
            format_full(self.start),
            format_full(self.learning_rate)
        )
    }
    fn from_link(text: &str) -> Option<Self> {
        let mut parts = text.split('_').map(f64::from_link);
        let (target, start, learning_rate) = (parts.next()??, parts.next()??, parts.next()??);
        let s = RaceSettings {
            target,
            start,
            learning_rate,
        };
        (parts.next().is_none() && s.sanitised() == s).then_some(s)
    }
}

crate::link_enum!(Head {
    Head::LinearMse => "linear",
    Head::SigmoidMse => "sigmoid-mse",
    Head::SigmoidBce => "sigmoid-bce",
});

crate::link_enum!(ImageStart {
    ImageStart::Negative => "negative",
    ImageStart::MidGrey => "midgrey",
});

/// How many steps the training race runs.
pub const RACE_STEPS: usize = 150;

/// The three set-ups trained side by side on one output, from the same starting prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct Race {
    settings: RaceSettings,
    total: usize,
    raw: [f64; 3],
    history: Vec<[f64; 3]>,
}

impl Race {
    /// A race at step 0 that will run `total` steps.
    pub fn new(settings: RaceSettings, total: usize) -> Race {
        let settings = settings.sanitised();
        let raw = Head::ALL.map(|h| h.raw_for(settings.start));
        let first = Head::ALL.map(|h| h.output(raw[h.index()]));
        let mut history = Vec::with_capacity(total + 1);
        history.push(first);
        Race {
            settings,
            total,
            raw,
            history,
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
            for head in Head::ALL {
                let i = head.index();
                self.raw[i] = head.step(target, self.raw[i], learning_rate);
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
pub fn race_output_range(settings: RaceSettings) -> (f64, f64) {
    let s = settings.sanitised();
    let first = s.target + (s.start - s.target) * (1.0 - 2.0 * s.learning_rate);
    let lo = 0f64.min(first).min(s.start);
    let hi = 1f64.max(first).max(s.start);
    (lo - 0.1, hi + 0.1)
}

/// Width and height of the lesson's grey image, in pixels.
pub const IMAGE_SIDE: usize = 16;
/// How many steps the image race runs.
pub const IMAGE_STEPS: usize = 120;

/// The target image, row by row (`IMAGE_SIDE`² values in [0, 1]): a vertical grey ramp
/// from 0.25 to 0.75, a pure white disc and a pure black rectangle. In NumPy:
///
/// ```text
/// yy, xx = np.mgrid[0:16, 0:16]
/// target = 0.25 + 0.5 * yy / 15
/// target[(xx - 5) ** 2 + (yy - 5) ** 2 <= 10] = 1.0
/// target[10:14, 9:14] = 0.0
/// ```
pub fn target_image() -> Vec<f64> {
    let n = IMAGE_SIDE;
    let mut out = Vec::with_capacity(n * n);
    for row in 0..n {
        for col in 0..n {
            let (x, y) = (col as f64, row as f64);
            let mut v = 0.25 + 0.5 * y / (n as f64 - 1.0);
            if (x - 5.0).powi(2) + (y - 5.0).powi(2) <= 10.0 {
                v = 1.0;
            }
            if (10..14).contains(&row) && (9..14).contains(&col) {
                v = 0.0;
            }
            out.push(v);
        }
    }
    out
}

/// Where every pixel's prediction starts before training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageStart {
    /// As wrong as possible: 0.02 + 0.96·(1 − target), the negative of the image.
    Negative,
    /// Mid-grey 0.5 everywhere (a sigmoid head whose logits start near 0).
    MidGrey,
}

impl ImageStart {
    /// The starting prediction of a pixel with this target.
    pub fn output(self, target: f64) -> f64 {
        match self {
            ImageStart::Negative => 0.02 + 0.96 * (1.0 - target),
            ImageStart::MidGrey => 0.5,
        }
    }

    /// A short key for URLs and test ids.
    pub fn key(self) -> &'static str {
        match self {
            ImageStart::Negative => "negative",
            ImageStart::MidGrey => "mid-grey",
        }
    }
}

/// The three set-ups trained on every pixel of [`target_image`] at once, each pixel with
/// its own free output (no weights shared between pixels).
#[derive(Clone, Debug, PartialEq)]
pub struct ImageRace {
    target: Vec<f64>,
    start: ImageStart,
    learning_rate: f64,
    total: usize,
    step: usize,
    raw: [Vec<f64>; 3],
    out: [Vec<f64>; 3],
    linear_outside_most: usize,
}

impl ImageRace {
    /// An image race at step 0 that will run `total` steps.
    pub fn new(start: ImageStart, learning_rate: f64, total: usize) -> ImageRace {
        let target = target_image();
        let learning_rate = sane(learning_rate, LEARNING_RATE_MIN, LEARNING_RATE_MAX, 0.2);
        let raw: [Vec<f64>; 3] =
            Head::ALL.map(|h| target.iter().map(|t| h.raw_for(start.output(*t))).collect());
        let out = Head::ALL.map(|h| raw[h.index()].iter().map(|z| h.output(*z)).collect());
        let mut race = ImageRace {
            target,
            start,
            learning_rate,
            total,
            step: 0,
            raw,
            out,
            linear_outside_most: 0,
        };
        race.linear_outside_most = race.outside(Head::LinearMse);
        race
    }

    /// The target pixels, row by row.
    pub fn target(&self) -> &[f64] {
        &self.target
    }

    /// Where the predictions started.
    pub fn start(&self) -> ImageStart {
        self.start
    }

    /// The (sanitised) learning rate.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The number of steps the race runs.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Steps taken so far.
    pub fn step(&self) -> usize {
        self.step
    }

    /// Whether every step has been taken.
    pub fn is_done(&self) -> bool {
        self.step >= self.total
    }

    /// Takes up to `n` steps (fewer at the end); returns how many were taken.
    pub fn advance(&mut self, n: usize) -> usize {
        let n = n.min(self.total - self.step.min(self.total));
        for _ in 0..n {
            for head in Head::ALL {
                let (raw, out) = (&mut self.raw[head.index()], &mut self.out[head.index()]);
                for ((z, o), y) in raw.iter_mut().zip(out.iter_mut()).zip(&self.target) {
                    *z = head.step(*y, *z, self.learning_rate);
                    *o = head.output(*z);
                }
            }
            self.step += 1;
            self.linear_outside_most = self.linear_outside_most.max(self.outside(Head::LinearMse));
        }
        n
    }

    /// A set-up's current predictions, row by row (the linear head's are not clipped).
    pub fn outputs(&self, head: Head) -> &[f64] {
        &self.out[head.index()]
    }

    /// Mean squared error of a set-up's predictions against the target image.
    pub fn mse(&self, head: Head) -> f64 {
        math::mean_squared_error(&self.target, self.outputs(head)).unwrap_or(f64::NAN)
    }

    /// How many of a set-up's predictions lie outside [0, 1] now.
    pub fn outside(&self, head: Head) -> usize {
        self.outputs(head)
            .iter()
            .filter(|o| !(0.0..=1.0).contains(*o))
            .count()
    }

    /// The most linear-head pixels that were outside [0, 1] at any step so far.
    pub fn linear_outside_most(&self) -> usize {
        self.linear_outside_most
    }

    /// Mean prediction over the pixels whose target is exactly `value` (e.g. the pure
    /// white ones), NaN if there are none.
    pub fn mean_where_target(&self, head: Head, value: f64) -> f64 {
        let (sum, count) = self
            .outputs(head)
            .iter()
            .zip(&self.target)
            .filter(|(_, t)| **t == value)
            .fold((0.0, 0usize), |(s, c), (o, _)| (s + o, c + 1));
        if count == 0 {
            f64::NAN
        } else {
            sum / count as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn race_settings_survive_a_link() {
        use crate::link::LinkValue;
        let s = RaceSettings {
            target: 0.9,
            start: 0.05,
            learning_rate: 0.8,
        };
        assert_eq!(s.to_link(), "0.9_0.05_0.8");
        assert_eq!(RaceSettings::from_link("0.9_0.05_0.8"), Some(s));
        // Only usable settings: a start of 0 or a target of 2 is refused, not repaired.
        for bad in [
            "0.9_0_0.8",
            "2_0.05_0.1",
            "0.9_0.05",
            "0.9_0.05_0.1_1",
            "a_b_c",
        ] {
            assert_eq!(RaceSettings::from_link(bad), None, "{bad}");
        }
        assert_eq!(Head::from_link("sigmoid-bce"), Some(Head::SigmoidBce));
        assert_eq!(ImageStart::MidGrey.to_link(), "midgrey");
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    #[test]
    fn gradients_are_the_analytic_ones_and_match_finite_differences() {
        for y in [0.0, 0.1, 0.3, 0.5, 0.9, 1.0] {
            for z in [-8.0_f64, -3.0, -0.4, 0.0, 0.7, 2.5, 6.0] {
                let s = 1.0 / (1.0 + (-z).exp());
                let analytic = [2.0 * (z - y), 2.0 * (s - y) * s * (1.0 - s), s - y];
                for head in Head::ALL {
                    let g = head.grad(y, z);
                    assert!(
                        close(g, analytic[head.index()], 1e-12),
                        "{head:?} y={y} z={z}: {g} vs {}",
                        analytic[head.index()]
                    );
                    let h = 1e-5;
                    let numeric = (head.loss(y, z + h) - head.loss(y, z - h)) / (2.0 * h);
                    assert!(
                        close(g, numeric, 1e-6),
                        "{head:?} y={y} z={z}: {g} vs finite difference {numeric}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_step_is_z_minus_lr_times_the_gradient() {
        let (y, z, lr) = (0.8, -1.5, 0.3);
        let s = 1.0 / (1.0 + 1.5f64.exp());
        assert_eq!(Head::LinearMse.step(y, z, lr), z - lr * 2.0 * (z - y));
        assert!(close(
            Head::SigmoidMse.step(y, z, lr),
            z - lr * 2.0 * (s - y) * s * (1.0 - s),
            1e-14
        ));
        assert!(close(
            Head::SigmoidBce.step(y, z, lr),
            z - lr * (s - y),
            1e-14
        ));
        // The race's first step is exactly that step for each set-up.
        let settings = RaceSettings {
            target: y,
            start: 0.2,
            learning_rate: lr,
        };
        let mut race = Race::new(settings, 10);
        let before = race.raw();
        assert_eq!(race.advance(1), 1);
        for head in Head::ALL {
            let i = head.index();
            assert_eq!(race.raw()[i], head.step(y, before[i], lr));
            assert_eq!(race.outputs()[i], head.output(race.raw()[i]));
        }
    }

    #[test]
    fn the_lesson_s_saturation_numbers() {
        let mse = Head::SigmoidMse.grad(1.0, -8.0);
        let bce = Head::SigmoidBce.grad(1.0, -8.0);
        assert!((mse + 6.7e-4).abs() < 0.05e-4, "{mse}");
        assert!((bce + 0.9997).abs() < 1e-4, "{bce}");
        // Keras' probability path is flat beyond |z| ≈ 16.118; PyTorch's BCELoss is not
        // yet, and fades only past |z| ≈ 27.6.
        assert_eq!(
            math::clipped_binary_crossentropy_grad_logit(1.0, -16.2),
            0.0
        );
        assert!(math::clipped_binary_crossentropy_grad_logit(1.0, -16.0) < -0.99);
        assert!(close(pytorch_bce_probability_grad(1.0, -8.0), bce, 1e-9));
        assert!(pytorch_bce_probability_grad(1.0, -20.0) < -0.99);
        let far = pytorch_bce_probability_grad(1.0, -35.0);
        assert!(far > -0.01 && far < 0.0, "{far}");
        for z in [-800.0, 800.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(pytorch_bce_probability_grad(0.3, z).is_finite(), "{z}");
        }
    }

    #[test]
    fn bce_with_a_soft_target_bottoms_out_at_the_entropy() {
        for y in [0.1, 0.3, 0.5, 0.8] {
            let z = math::logit(y);
            let floor = Head::SigmoidBce.loss(y, z);
            assert!(close(floor, binary_entropy(y), 1e-12));
            assert!(close(floor, Head::SigmoidBce.min_loss(y), 1e-12));
            assert!(floor > 0.3);
            assert!(Head::SigmoidBce.grad(y, z).abs() < 1e-12);
            // The squared-error losses do reach 0 there.
            assert!(Head::SigmoidMse.loss(y, z) < 1e-30);
            assert_eq!(Head::LinearMse.loss(y, y), 0.0);
        }
        assert_eq!(binary_entropy(0.0), 0.0);
        assert_eq!(binary_entropy(1.0), 0.0);
        assert!(binary_entropy(1.5).is_nan());
    }

    #[test]
    fn the_linear_output_overshoots_only_when_the_learning_rate_is_large() {
        for lr in [0.01, 0.1, 0.25, 0.4, 0.5] {
            for target in [0.0, 0.2, 0.5, 0.9, 1.0] {
                for start in [0.01, 0.05, 0.5, 0.95, 0.99] {
                    let settings = RaceSettings {
                        target,
                        start,
                        learning_rate: lr,
                    };
                    let mut race = Race::new(settings, RACE_STEPS);
                    race.advance(RACE_STEPS);
                    let (lo, hi) = race.linear_extremes();
                    assert!(lo >= 0.0 && hi <= 1.0, "{settings:?}: [{lo}, {hi}]");
                    assert_eq!(race.linear_steps_outside(), 0);
                }
            }
        }
        // Above 0.5 the error changes sign each step: from 0.05 towards 0.9 at η = 0.8 the
        // first step lands at 0.9 + 0.85·0.6 = 1.41.
        let settings = RaceSettings {
            target: 0.9,
            start: 0.05,
            learning_rate: 0.8,
        };
        let mut race = Race::new(settings, RACE_STEPS);
        race.advance(1);
        assert!(close(race.outputs()[0], 1.41, 1e-12));
        race.advance(RACE_STEPS);
        assert!(race.linear_steps_outside() >= 1);
        let (_, hi) = race.linear_extremes();
        assert!(close(hi, 1.41, 1e-12));
        assert!((race.outputs()[0] - 0.9).abs() < 1e-12, "it still settles");
        // The chart's range holds the whole path.
        let (lo, top) = race_output_range(settings);
        assert!(lo < 0.0 && top > 1.41);
    }

    #[test]
    fn the_linear_path_follows_its_closed_form() {
        let settings = RaceSettings {
            target: 0.7,
            start: 0.1,
            learning_rate: 0.2,
        };
        let mut race = Race::new(settings, 40);
        race.advance(40);
        for (k, o) in race.history().iter().enumerate() {
            let expected = 0.7 + (0.1 - 0.7) * (1.0 - 0.4f64).powi(k as i32);
            assert!(close(o[0], expected, 1e-12), "step {k}");
        }
    }

    #[test]
    fn sigmoid_outputs_never_reach_zero_or_one() {
        for target in [0.0, 1.0] {
            let settings = RaceSettings {
                target,
                start: 0.5,
                learning_rate: LEARNING_RATE_MAX,
            };
            let mut race = Race::new(settings, RACE_STEPS);
            race.advance(RACE_STEPS);
            for o in race.history() {
                for head in [Head::SigmoidMse, Head::SigmoidBce] {
                    let v = o[head.index()];
                    assert!(v > 0.0 && v < 1.0, "{head:?} reached {v}");
                }
            }
            assert!(race.squared_error(Head::SigmoidBce) > 0.0);
        }
    }

    #[test]
    fn bce_escapes_a_bad_start_that_traps_sigmoid_mse() {
        let settings = RaceSettings {
            target: 0.9,
            start: 0.05,
            learning_rate: 0.1,
        };
        let mut race = Race::new(settings, RACE_STEPS);
        race.advance(RACE_STEPS);
        assert!(race.is_done());
        assert_eq!(race.advance(5), 0, "nothing past the end");
        assert_eq!(race.step(), RACE_STEPS);
        let bce = race.squared_error(Head::SigmoidBce);
        let mse = race.squared_error(Head::SigmoidMse);
        // From a saturated start, sigmoid + MSE is still far off when sigmoid + BCE is
        // close (the linear head, a plain quadratic, is exact long before either).
        assert!(bce < 0.005 && mse > 50.0 * bce, "bce {bce}, mse {mse}");
        assert!(race.squared_error(Head::LinearMse) < 1e-20);
        // Deterministic: the same settings give bit-identical histories.
        let mut again = Race::new(settings, RACE_STEPS);
        again.advance(60);
        again.advance(90);
        assert_eq!(again, race);
    }

    #[test]
    fn bad_settings_are_made_sane() {
        let race = Race::new(
            RaceSettings {
                target: f64::NAN,
                start: 0.0,
                learning_rate: f64::INFINITY,
            },
            5,
        );
        let s = race.settings();
        assert_eq!(s.target, 0.9);
        assert!(s.start > 0.0 && s.start < 1e-5);
        assert_eq!(s.learning_rate, 0.1);
        assert!(race.outputs().iter().all(|v| v.is_finite()));
        let mut empty = Race::new(s, 0);
        assert!(empty.is_done());
        assert_eq!(empty.advance(3), 0);
        let image = ImageRace::new(ImageStart::Negative, f64::NAN, 3);
        assert_eq!(image.learning_rate(), 0.2);
        let (lo, hi) = race_output_range(RaceSettings {
            target: f64::NAN,
            start: f64::NAN,
            learning_rate: f64::NAN,
        });
        assert!(lo.is_finite() && hi.is_finite() && hi > lo);
    }

    #[test]
    fn the_target_image() {
        let t = target_image();
        assert_eq!(t.len(), IMAGE_SIDE * IMAGE_SIDE);
        assert!(t.iter().all(|v| (0.0..=1.0).contains(v)));
        assert_eq!(t.iter().filter(|v| **v == 1.0).count(), 37, "white disc");
        assert_eq!(
            t.iter().filter(|v| **v == 0.0).count(),
            20,
            "black rectangle"
        );
        assert_eq!(t[0], 0.25);
        assert_eq!(t[15 * IMAGE_SIDE], 0.75);
        assert_eq!(t[5 * IMAGE_SIDE + 5], 1.0);
        assert_eq!(t[10 * IMAGE_SIDE + 9], 0.0);
        assert_eq!(ImageStart::Negative.output(1.0), 0.02);
        assert_eq!(ImageStart::Negative.output(0.0), 0.98);
    }

    #[test]
    fn the_image_race() {
        let mut race = ImageRace::new(ImageStart::Negative, 0.2, IMAGE_STEPS);
        let before = race.outputs(Head::LinearMse).to_vec();
        assert!(close(before[5 * IMAGE_SIDE + 5], 0.02, 1e-12));
        // One step for every pixel is that pixel's gradient step.
        let raw0 = race.raw.clone();
        race.advance(1);
        for head in Head::ALL {
            for (k, y) in race.target().iter().enumerate() {
                assert_eq!(
                    race.raw[head.index()][k],
                    head.step(*y, raw0[head.index()][k], 0.2)
                );
                assert_eq!(
                    race.outputs(head)[k],
                    head.output(race.raw[head.index()][k])
                );
            }
        }
        race.advance(IMAGE_STEPS);
        assert!(race.is_done());
        assert_eq!(race.step(), IMAGE_STEPS);
        let (lin, mse, bce) = (
            race.mse(Head::LinearMse),
            race.mse(Head::SigmoidMse),
            race.mse(Head::SigmoidBce),
        );
        assert!(lin < 1e-12, "{lin}");
        assert!(mse > 0.01, "sigmoid + MSE leaves saturated pixels: {mse}");
        assert!(bce < mse / 10.0, "{bce} vs {mse}");
        // Pure white stays short of 1 for the sigmoid heads.
        for head in [Head::SigmoidMse, Head::SigmoidBce] {
            let white = race.mean_where_target(head, 1.0);
            assert!(white < 1.0 && white > 0.0, "{head:?}: {white}");
        }
        assert!(race.mean_where_target(Head::LinearMse, 0.123).is_nan());
        // At η ≤ 0.5 no linear pixel leaves [0, 1]; above, some do.
        assert_eq!(race.linear_outside_most(), 0);
        let mut fast = ImageRace::new(ImageStart::Negative, 0.6, IMAGE_STEPS);
        fast.advance(1);
        assert!(fast.outside(Head::LinearMse) > 0);
        fast.advance(IMAGE_STEPS);
        assert!(fast.linear_outside_most() > 0);
        assert_eq!(fast.outside(Head::SigmoidBce), 0);
        assert_eq!(fast.outside(Head::SigmoidMse), 0);
    }
}
