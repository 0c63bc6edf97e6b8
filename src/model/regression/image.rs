//! The image race: the same three set-ups trained on every pixel of a small grey image at once.

use super::race::sane;
use super::{Head, LEARNING_RATE_MAX, LEARNING_RATE_MIN};
use crate::math;

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

    /// A short key, as in the step's test ids (`image-start-<key>`).
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
    pub(super) raw: [Vec<f64>; 3],
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
