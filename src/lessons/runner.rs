//! Shared step machinery for lessons that animate training runs: how many training steps an
//! animation frame owes at a given speed (host-tested; the views keep the carry between frames).

/// Steps due after `elapsed_ms` at `rate` steps per second, given the fraction of a step
/// carried from earlier frames (updated in place). At most `cap` steps run in one frame: when
/// a frame hits the cap (a slow frame, a tab back from the background), the backlog is
/// dropped rather than run in a burst.
pub fn steps_due(carry: &mut f64, rate: f64, elapsed_ms: f64, cap: usize) -> usize {
    let due = *carry + rate * elapsed_ms.max(0.0) / 1000.0;
    if !due.is_finite() {
        *carry = 0.0;
        return 0;
    }
    let n = due.floor().max(0.0) as usize;
    if n >= cap {
        *carry = 0.0;
        cap
    } else {
        *carry = due - n as f64;
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_carry_over_and_the_cap_drops_the_backlog() {
        let mut carry = 0.0;
        // 60 steps a second at 16 ms frames: 0.96 steps a frame.
        assert_eq!(steps_due(&mut carry, 60.0, 16.0, 10), 0);
        assert_eq!(steps_due(&mut carry, 60.0, 16.0, 10), 1);
        assert!((carry - 0.92).abs() < 1e-12);
        assert_eq!(steps_due(&mut carry, 60.0, 1000.0, 10), 10);
        assert_eq!(carry, 0.0);
        assert_eq!(steps_due(&mut carry, 60.0, -5.0, 10), 0);
        assert_eq!(steps_due(&mut carry, f64::INFINITY, 16.0, 10), 0);
        assert_eq!(steps_due(&mut carry, 180.0, 1000.0, usize::MAX), 180);
    }
}
