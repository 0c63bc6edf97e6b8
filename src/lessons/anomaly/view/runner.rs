//! The runners that train the shared lab in frame-sized slices while a step plays, and a
//! run's progress kept in the step's link.

use super::with_lab;
use crate::lessons::runner::steps_due;
use crate::lessons::view::{hold_link_while, link_value, share_derived};
use crate::model::anomaly::{AutoencoderWork, TRAIN_NORMAL};
use crate::model::regression::Head;
use crate::widgets::{now_ms, use_animation_frame};
use leptos::prelude::*;

/// Training work per animation frame stays under this (the rest of the frame is left
/// for drawing): one unit of work is a fraction of a millisecond in a release build.
pub(super) const FRAME_BUDGET_MS: f64 = 6.0;
/// The steady speed: minibatch steps per second (12 epochs a second, about 5 s).
const STEADY_STEPS_PER_SECOND: f64 = 180.0;
/// The classifier's speed: full-batch steps per second (600 in 3 s).
pub(super) const CLASSIFIER_STEPS_PER_SECOND: f64 = 200.0;

/// How the training slices went: shown to the learner and read by the browser tests.
#[derive(Clone, Copy)]
pub(super) struct RunStats {
    /// Frames in which training work ran.
    pub(super) frames: RwSignal<u32>,
    /// The longest training work done in one frame, in ms.
    pub(super) longest_ms: RwSignal<f64>,
    /// Time spent playing while work ran, in ms (sum of the frame intervals).
    pub(super) wall_ms: RwSignal<f64>,
}

impl RunStats {
    pub(super) fn new() -> RunStats {
        RunStats {
            frames: RwSignal::new(0),
            longest_ms: RwSignal::new(0.0),
            wall_ms: RwSignal::new(0.0),
        }
    }

    pub(super) fn reset(&self) {
        self.frames.set(0);
        self.longest_ms.set(0.0);
        self.wall_ms.set(0.0);
    }

    fn record(&self, elapsed: f64, work: f64) {
        self.frames.update(|f| *f += 1);
        self.wall_ms.update(|w| *w += elapsed);
        if work > self.longest_ms.get_untracked() {
            self.longest_ms.set(work);
        }
    }
}

/// Trains the shared autoencoder while `playing`: each animation frame runs minibatch
/// steps and test evaluations until [`FRAME_BUDGET_MS`] is used (or, at the steady
/// speed, until the frame's share of steps is done), then notifies `lab_changed` once.
/// Stops at the end, at epoch `stop_at` (then clears it), when the page is hidden and
/// when the step is left (`use_animation_frame` cleans up).
pub(super) fn use_autoencoder_runner(
    playing: RwSignal<bool>,
    full_speed: Signal<bool>,
    stop_at: StoredValue<Option<usize>>,
    catch_up: StoredValue<Option<usize>>,
    lab_changed: Trigger,
    stats: RunStats,
) {
    let carry = StoredValue::new(0.0f64);
    use_animation_frame(playing, move |elapsed| {
        let start = now_ms();
        let target = catch_up.get_value();
        let mut allowance = if full_speed.get_untracked() || target.is_some() {
            usize::MAX
        } else {
            carry
                .try_update_value(|c| steps_due(c, STEADY_STEPS_PER_SECOND, elapsed, usize::MAX))
                .unwrap_or(0)
        };
        let mut changed = false;
        let mut stop = false;
        while now_ms() - start < FRAME_BUDGET_MS {
            // Replaying a shared link: stop exactly where the sender paused.
            if target.is_some_and(|t| with_lab(|l| l.autoencoder_units() >= t).unwrap_or(true)) {
                catch_up.set_value(None);
                stop = true;
                break;
            }
            let Some(starts_step) = with_lab(|l| l.next_starts_step()) else {
                break;
            };
            if starts_step && allowance == 0 {
                break;
            }
            match with_lab(|l| l.work_autoencoder()) {
                None | Some(AutoencoderWork::Idle) => {
                    stop = true;
                    break;
                }
                Some(AutoencoderWork::Step | AutoencoderWork::EpochEnd) => {
                    allowance = allowance.saturating_sub(1);
                    changed = true;
                }
                Some(AutoencoderWork::Partial | AutoencoderWork::Evaluated) => {}
                Some(AutoencoderWork::EvaluationEnd) => {
                    changed = true;
                    let epoch = with_lab(|l| l.training().epoch()).unwrap_or(0);
                    if stop_at.get_value().is_some_and(|s| epoch >= s) {
                        stop_at.set_value(None);
                        stop = true;
                        break;
                    }
                }
            }
        }
        if changed {
            stats.record(elapsed, now_ms() - start);
            lab_changed.notify();
        }
        if stop || with_lab(|l| l.is_trained()).unwrap_or(true) {
            playing.set(false);
        }
    });
}

/// Trains the pixel models with these heads while `playing`, within the frame budget;
/// `rate` caps the steps per second (`None`: as many as fit).
pub(super) fn use_pixel_runner(
    playing: RwSignal<bool>,
    heads: &'static [Head],
    rate: Option<f64>,
    catch_up: StoredValue<Option<usize>>,
    lab_changed: Trigger,
) {
    let carry = StoredValue::new(0.0f64);
    use_animation_frame(playing, move |elapsed| {
        let start = now_ms();
        let target = catch_up.get_value();
        let mut allowance = match (target, rate) {
            (Some(_), _) | (None, None) => usize::MAX,
            (None, Some(r)) => carry
                .try_update_value(|c| steps_due(c, r, elapsed, usize::MAX))
                .unwrap_or(0),
        };
        let mut changed = false;
        let mut caught_up = false;
        while allowance > 0 && now_ms() - start < FRAME_BUDGET_MS {
            // Replaying a shared link: stop at the sender's step.
            if let Some(t) = target {
                if with_lab(|l| heads.iter().all(|h| l.pixel_training(*h).epoch() >= t))
                    .unwrap_or(true)
                {
                    catch_up.set_value(None);
                    caught_up = true;
                    break;
                }
            }
            let mut any = false;
            for head in heads {
                any |= with_lab(|l| l.work_pixel_model(*head)).unwrap_or(false);
            }
            if !any {
                break;
            }
            changed = true;
            allowance -= 1;
        }
        if changed {
            lab_changed.notify();
        }
        let done =
            with_lab(|l| heads.iter().all(|h| l.pixel_training(*h).is_done())).unwrap_or(true);
        if done || caught_up {
            playing.set(false);
        }
    });
}

/// A run's progress (`now`, derived from the lab) kept in the step's link under `key`.
/// Opened from a link that names another point than this page's run, the run is reset
/// if it is past that point (`reset`) and replayed to it: `catch_up` is set for the
/// runner and `playing` turned on. Training is deterministic, so the replay ends in the
/// sender's state. A link whose value is unusable (named in the step's notice) counts as
/// the start, 0.
pub(super) fn shared_progress(
    key: &'static str,
    max: usize,
    expected: &str,
    now: Signal<usize>,
    reset: impl FnOnce(),
    catch_up: StoredValue<Option<usize>>,
    playing: RwSignal<bool>,
) {
    let linked = crate::url_sync::current_query_value(key).is_some();
    let target = link_value(key, move |n: &usize| *n <= max, expected).unwrap_or(0);
    let here = now.get_untracked();
    if linked && here != target {
        if here > target {
            reset();
        }
        catch_up.set_value(Some(target));
        playing.set(true);
    }
    share_derived(key, 0, now);
    hold_link_while(playing);
}

/// What the views show of the autoencoder run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct AeState {
    pub(super) epoch: usize,
    pub(super) progress: f64,
    pub(super) trained: bool,
    pub(super) loss: Option<f64>,
    pub(super) normal: Option<f64>,
    pub(super) defect: Option<f64>,
}

pub(super) fn ae_state(lab_changed: Trigger) -> Memo<AeState> {
    Memo::new(move |_| {
        lab_changed.track();
        with_lab(|l| AeState {
            epoch: l.training().epoch(),
            progress: l.training().progress(TRAIN_NORMAL),
            trained: l.is_trained(),
            loss: l.training().last_loss(),
            normal: l.normal_curve().last().copied(),
            defect: l.defect_curve().last().copied(),
        })
        .unwrap_or_default()
    })
}
