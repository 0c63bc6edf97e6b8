//! Lesson 5's task conditions as pure functions (host-compiled), with their unit tests.

use super::{GENEROUS_BUDGET, PAUSE_BEFORE_EPOCH};
use crate::math;
use crate::model::anomaly::{Kind, EPOCHS};

/// Task: a scratch, a spot and a missing piece have all been looked at.
pub fn saw_every_defect(seen: &[Kind]) -> bool {
    Kind::DEFECTS.iter().all(|k| seen.contains(k))
}

/// Task: every kind, normal included, has been inspected.
pub fn inspected_every_kind(seen: &[Kind]) -> bool {
    Kind::ALL.iter().all(|k| seen.contains(k))
}

/// Task: training is paused after at least one epoch and before [`PAUSE_BEFORE_EPOCH`].
pub fn paused_early(playing: bool, epoch: usize) -> bool {
    !playing && (1..PAUSE_BEFORE_EPOCH).contains(&epoch)
}

/// Task: every epoch has run.
pub fn trained_to_end(epoch: usize) -> bool {
    epoch >= EPOCHS
}

fn split_scores(labels: &[f64], scores: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut normal = Vec::new();
    let mut defect = Vec::new();
    for (y, s) in labels.iter().zip(scores) {
        if *y == 1.0 {
            defect.push(*s);
        } else {
            normal.push(*s);
        }
    }
    (normal, defect)
}

/// Task: at `threshold` (flagged when score > threshold) no defect is missed, and no
/// threshold that misses none raises fewer false alarms.
pub fn catches_all_with_fewest_alarms(labels: &[f64], scores: &[f64], threshold: f64) -> bool {
    let (normal, defect) = split_scores(labels, scores);
    let Some(lowest) = defect.iter().copied().reduce(f64::min) else {
        return false;
    };
    let Ok(cm) = math::confusion_matrix(labels, scores, threshold) else {
        return false;
    };
    // The best possible: a threshold just below the lowest defect flags the normal parts
    // scoring at least as much.
    let unavoidable = normal.iter().filter(|s| **s >= lowest).count();
    cm.fn_ == 0 && cm.fp == unavoidable
}

/// Task: at `threshold` no normal part is flagged, and no threshold without false alarms
/// catches more defects.
pub fn no_alarms_most_caught(labels: &[f64], scores: &[f64], threshold: f64) -> bool {
    let (normal, defect) = split_scores(labels, scores);
    let highest = normal.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let Ok(cm) = math::confusion_matrix(labels, scores, threshold) else {
        return false;
    };
    let best = defect.iter().filter(|s| **s > highest).count();
    !defect.is_empty() && cm.fp == 0 && cm.tp == best
}

/// Task: `selected` is the defect with the lowest score.
pub fn is_hardest_defect(kinds: &[Kind], scores: &[f64], selected: Option<usize>) -> bool {
    extreme_of(kinds, scores, true, false) == selected && selected.is_some()
}

/// Task: `selected` is the normal part with the highest score.
pub fn is_worst_normal(kinds: &[Kind], scores: &[f64], selected: Option<usize>) -> bool {
    extreme_of(kinds, scores, false, true) == selected && selected.is_some()
}

/// The index of the lowest (or highest) score among defects (or normal parts).
fn extreme_of(kinds: &[Kind], scores: &[f64], anomaly: bool, highest: bool) -> Option<usize> {
    let candidates = kinds
        .iter()
        .zip(scores)
        .enumerate()
        .filter(|(_, (k, s))| k.is_anomaly() == anomaly && !s.is_nan())
        .map(|(i, (_, s))| (i, *s));
    if highest {
        candidates.max_by(|a, b| a.1.total_cmp(&b.1)).map(|c| c.0)
    } else {
        candidates.min_by(|a, b| a.1.total_cmp(&b.1)).map(|c| c.0)
    }
}

/// How far a value lies outside [0, 1] (0 inside).
pub fn distance_outside_unit(v: f64) -> f64 {
    if v < 0.0 {
        -v
    } else if v > 1.0 {
        v - 1.0
    } else {
        0.0
    }
}

/// Task: `selected` is the output furthest outside [0, 1] (and it is outside).
pub fn is_furthest_outside(outputs: &[f64], selected: Option<usize>) -> bool {
    let best = outputs
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .max_by(|a, b| distance_outside_unit(*a.1).total_cmp(&distance_outside_unit(*b.1)));
    match (best, selected) {
        (Some((i, v)), Some(s)) => i == s && distance_outside_unit(*v) > 0.0,
        _ => false,
    }
}

/// Task: the false-alarm budget is at least [`GENEROUS_BUDGET`] with a trained classifier.
pub fn generous_budget_checked(budget: f64, classifier_trained: bool) -> bool {
    classifier_trained && budget >= GENEROUS_BUDGET - 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::anomaly::roc::threshold_for_roc_index;
    use crate::lessons::anomaly::LOG_THRESHOLD_RANGE;

    #[test]
    fn seeing_and_pausing_tasks() {
        assert!(!saw_every_defect(&[
            Kind::Scratch,
            Kind::Spot,
            Kind::Normal
        ]));
        assert!(saw_every_defect(&[
            Kind::Spot,
            Kind::MissingPiece,
            Kind::Scratch
        ]));
        assert!(!inspected_every_kind(&Kind::DEFECTS));
        assert!(inspected_every_kind(&Kind::ALL));
        assert!(!paused_early(false, 0), "not started");
        assert!(paused_early(false, 1));
        assert!(paused_early(false, PAUSE_BEFORE_EPOCH - 1));
        assert!(!paused_early(false, PAUSE_BEFORE_EPOCH));
        assert!(!paused_early(true, 5), "still playing");
        assert!(!trained_to_end(EPOCHS - 1));
        assert!(trained_to_end(EPOCHS));
        assert!(generous_budget_checked(0.2, true));
        assert!(!generous_budget_checked(0.19, true));
        assert!(!generous_budget_checked(0.25, false));
    }

    #[test]
    fn threshold_tasks_find_the_best_trade_offs() {
        // Normal parts 1, 2, 3, 6; defects 4, 5, 7.
        let labels = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
        let scores = [1.0, 2.0, 3.0, 6.0, 4.0, 5.0, 7.0];
        // Catching every defect needs t < 4, which flags the 6: one false alarm at best.
        assert!(catches_all_with_fewest_alarms(&labels, &scores, 3.5));
        assert!(!catches_all_with_fewest_alarms(&labels, &scores, 2.5));
        assert!(!catches_all_with_fewest_alarms(&labels, &scores, 4.5));
        // No false alarm needs t ≥ 6, which catches only the 7.
        assert!(no_alarms_most_caught(&labels, &scores, 6.0));
        assert!(no_alarms_most_caught(&labels, &scores, 6.5));
        assert!(!no_alarms_most_caught(&labels, &scores, 7.0));
        assert!(!no_alarms_most_caught(&labels, &scores, 5.5));
        // Degenerate inputs never count as done.
        assert!(!catches_all_with_fewest_alarms(&[0.0], &[1.0], 0.0));
        assert!(!no_alarms_most_caught(&[0.0], &[1.0], 2.0));
        assert!(!catches_all_with_fewest_alarms(&labels, &scores[..3], 0.0));
        assert!(!no_alarms_most_caught(&labels, &scores, f64::NAN));
    }

    #[test]
    fn extremes_and_outside_outputs() {
        let kinds = [Kind::Normal, Kind::Spot, Kind::Normal, Kind::Scratch];
        let scores = [0.1, 0.5, 0.3, 0.4];
        assert!(is_hardest_defect(&kinds, &scores, Some(3)));
        assert!(!is_hardest_defect(&kinds, &scores, Some(1)));
        assert!(is_worst_normal(&kinds, &scores, Some(2)));
        assert!(!is_worst_normal(&kinds, &scores, None));
        assert!(!is_hardest_defect(&[], &[], None));
        assert_eq!(distance_outside_unit(-0.5), 0.5);
        assert_eq!(distance_outside_unit(1.25), 0.25);
        assert_eq!(distance_outside_unit(0.3), 0.0);
        let outputs = [0.2, -0.6, 1.2, f64::NAN];
        assert!(is_furthest_outside(&outputs, Some(1)));
        assert!(!is_furthest_outside(&outputs, Some(2)));
        assert!(
            !is_furthest_outside(&[0.2, 0.9], Some(0)),
            "nothing is outside"
        );
        assert!(!is_furthest_outside(&outputs, None));
    }

    #[test]
    fn the_tasks_are_reachable_on_the_trained_lab() {
        use crate::model::anomaly::Lab;
        let mut lab = Lab::new();
        lab.finish_autoencoder();
        let labels = lab.data().test_labels();
        let scores = lab.test_errors().to_vec();
        let points = math::roc_curve(&labels, &scores).unwrap();
        let catch_all = (0..points.len())
            .map(|k| threshold_for_roc_index(&points, k))
            .filter(|t| catches_all_with_fewest_alarms(&labels, &scores, *t))
            .count();
        let quiet = (0..points.len())
            .map(|k| threshold_for_roc_index(&points, k))
            .filter(|t| no_alarms_most_caught(&labels, &scores, *t))
            .count();
        assert_eq!(
            catch_all, 1,
            "exactly one ROC point catches all with fewest alarms"
        );
        assert_eq!(quiet, 1);
        // Every score is inside the slider's range, so the histogram shows them all.
        let (lo, hi) = LOG_THRESHOLD_RANGE;
        assert!(scores.iter().all(|s| (lo..hi).contains(&s.log10())));
        let kinds: Vec<Kind> = lab.data().test.iter().map(|s| s.kind).collect();
        let hardest = (0..scores.len()).find(|i| is_hardest_defect(&kinds, &scores, Some(*i)));
        let worst = (0..scores.len()).find(|i| is_worst_normal(&kinds, &scores, Some(*i)));
        assert!(hardest.is_some() && worst.is_some());
    }
}
