//! The lesson's chart data: each set-up's loss and gradient curves, and a race's history
//! as one series per set-up (host-tested).

use crate::chart::CurveKind;
use crate::model::regression::Head;

/// The loss and gradient curves of a set-up against z, for target y.
pub fn curves_for(head: Head, y: f64) -> [CurveKind; 2] {
    match head {
        Head::LinearMse => [
            CurveKind::LinearSquaredError { y },
            CurveKind::LinearSquaredErrorGrad { y },
        ],
        Head::SigmoidMse => [
            CurveKind::SigmoidSquaredError { y },
            CurveKind::SigmoidSquaredErrorGrad { y },
        ],
        Head::SigmoidBce => [
            CurveKind::BinaryCrossentropy { y },
            CurveKind::BinaryCrossentropyGrad { y },
        ],
    }
}

/// The saturation step's three losses, each as [loss, gradient] against z for target y:
/// sigmoid + MSE, sigmoid + BCE from the logit, and BCE on Keras' clipped probabilities.
pub fn saturation_curves(y: f64) -> [[CurveKind; 2]; 3] {
    [
        curves_for(Head::SigmoidMse, y),
        curves_for(Head::SigmoidBce, y),
        [
            CurveKind::ClippedBinaryCrossentropy { y },
            CurveKind::ClippedBinaryCrossentropyGrad { y },
        ],
    ]
}

/// The race's history as one series per set-up (`[set-up][step]`), each value mapped by `f`.
pub fn series_of(history: &[[f64; 3]], f: impl Fn(f64) -> f64) -> Vec<Vec<f64>> {
    (0..3)
        .map(|i| history.iter().map(|o| f(o[i])).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curves_match_the_model() {
        for head in Head::ALL {
            for (y, z) in [(0.3, -2.0), (1.0, -8.0), (0.8, 1.4)] {
                let [loss, grad] = curves_for(head, y);
                assert!((loss.eval(z) - head.loss(y, z)).abs() < 1e-12, "{head:?}");
                assert!((grad.eval(z) - head.grad(y, z)).abs() < 1e-12, "{head:?}");
            }
        }
    }

    #[test]
    fn saturation_curves_are_the_lessons_gradients() {
        for (y, z) in [(1.0, -8.0), (0.5, 2.0), (1.0, -20.0)] {
            let [mse, bce, clipped] = saturation_curves(y);
            assert!((mse[1].eval(z) - Head::SigmoidMse.grad(y, z)).abs() < 1e-12);
            assert!((bce[1].eval(z) - Head::SigmoidBce.grad(y, z)).abs() < 1e-12);
            let keras = crate::math::clipped_binary_crossentropy_grad_logit(y, z);
            assert!((clipped[1].eval(z) - keras).abs() < 1e-12, "{y} {z}");
        }
    }

    #[test]
    fn series_are_transposed() {
        let h = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
        assert_eq!(
            series_of(&h, |v| v * 10.0),
            vec![vec![10.0, 40.0], vec![20.0, 50.0], vec![30.0, 60.0]]
        );
        assert_eq!(series_of(&[], |v| v), vec![Vec::<f64>::new(); 3]);
    }
}
