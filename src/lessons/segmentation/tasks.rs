//! Lesson 6's task conditions, as plain functions of the widget state (host-tested).

use crate::model::segmentation::{
    mixed_rows, predicted_class, Flatten, Framework, Head, LabelFormat, ShapeSetup, TrapModel,
    INSPECT_CLASSES,
};

/// Task: the last layer keeps the input's height and width.
pub fn keeps_image_size(s: &ShapeSetup) -> bool {
    s.output_size() == (s.height, s.width)
}

/// Task: PyTorch, softmax over 5 classes, sparse labels.
pub fn is_pytorch_sparse_five(s: &ShapeSetup) -> bool {
    s.framework == Framework::PyTorch
        && s.head == Head::Softmax
        && s.labels == LabelFormat::Sparse
        && s.classes == 5
}

/// Task: one sigmoid channel for two classes.
pub fn is_binary_sigmoid(s: &ShapeSetup) -> bool {
    s.head == Head::Sigmoid && s.classes == 2
}

/// Task: after the chosen layers, every row of the flattened matrix is one pixel.
pub fn rows_are_pixels(mode: Flatten) -> bool {
    mixed_rows(mode) == 0
}

/// Whether the model's argmax at pixel `i` differs from the truth.
pub fn is_wrong_at(truth: &[usize], logits: &[[f64; INSPECT_CLASSES]], i: usize) -> bool {
    match (truth.get(i), logits.get(i)) {
        (Some(t), Some(z)) => predicted_class(&z[..]) != *t,
        _ => false,
    }
}

/// Pixels that were wrong in `original` and are right in `current`.
pub fn fixed_pixels(
    truth: &[usize],
    original: &[[f64; INSPECT_CLASSES]],
    current: &[[f64; INSPECT_CLASSES]],
) -> usize {
    (0..truth.len())
        .filter(|i| is_wrong_at(truth, original, *i) && !is_wrong_at(truth, current, *i))
        .count()
}

/// Steps every trap model must take for the first task.
pub const TRAP_TASK_STEPS: usize = 100;

/// Task: every set-up trained for at least [`TRAP_TASK_STEPS`].
pub fn trained_long_enough(models: &[TrapModel]) -> bool {
    !models.is_empty() && models.iter().all(|m| m.steps >= TRAP_TASK_STEPS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segmentation::{
        inspector_logits, inspector_truth, is_unsure, object_mask, trap_features, wrong_pixels,
        LastLayer, TrapSetup, TRAP_LEARNING_RATE,
    };

    #[test]
    fn shape_tasks() {
        let mut s = ShapeSetup::start();
        assert!(
            !keeps_image_size(&s),
            "the thread's layer shrinks the image"
        );
        assert!(!is_pytorch_sparse_five(&s) && !is_binary_sigmoid(&s));
        for (layer, keeps) in [
            (LastLayer::ThreadCall, false),
            (LastLayer::Valid3, false),
            (LastLayer::Same3, true),
            (LastLayer::OneByOne, true),
        ] {
            s.last_layer = layer;
            assert_eq!(keeps_image_size(&s), keeps, "{layer:?}");
        }
        s.framework = Framework::PyTorch;
        s.labels = LabelFormat::Sparse;
        s.classes = 5;
        assert!(is_pytorch_sparse_five(&s));
        s.head = Head::Sigmoid;
        assert!(!is_pytorch_sparse_five(&s) && !is_binary_sigmoid(&s));
        s.classes = 2;
        assert!(is_binary_sigmoid(&s));
    }

    #[test]
    fn the_shape_advice_is_right_for_every_head_and_class_count() {
        for head in [Head::Softmax, Head::Sigmoid] {
            for classes in 1..=8 {
                let s = ShapeSetup {
                    head,
                    classes,
                    last_layer: LastLayer::Same3,
                    ..ShapeSetup::start()
                };
                let r = s.report();
                let text = r.problems.join(" ") + &r.notes.join(" ");
                // Never advise the one-channel softmax (step 5's trap).
                assert!(
                    !text.to_lowercase().contains("use a softmax over 1 "),
                    "{head:?} {classes}: {text}"
                );
                let trains = match head {
                    Head::Softmax => classes >= 2,
                    Head::Sigmoid => classes <= 2,
                };
                assert_eq!(r.problems.is_empty(), trains, "{head:?} {classes}: {text}");
                if head == Head::Sigmoid && classes > 2 {
                    assert!(text.contains(&format!("softmax over {classes} channels")));
                }
                if !trains && classes == 1 {
                    assert!(text.contains("one sigmoid channel, or a softmax over 2 channels"));
                }
            }
        }
    }

    #[test]
    fn reshape_task() {
        assert!(!rows_are_pixels(Flatten::ThreadReshapePermute));
        assert!(rows_are_pixels(Flatten::ReshapePixelsFirst));
        assert!(rows_are_pixels(Flatten::NoReshape));
    }

    #[test]
    fn inspector_tasks() {
        let t = inspector_truth();
        let z = inspector_logits();
        let wrong = wrong_pixels(&t, &z);
        let w = wrong[0];
        assert!(is_wrong_at(&t, &z, w));
        assert!(!is_wrong_at(&t, &z, 4 * 12 + 4));
        assert!(!is_wrong_at(&t, &z, 10_000));
        assert_eq!(fixed_pixels(&t, &z, &z), 0);
        let mut fixed = z.clone();
        fixed[w] = [0.0; INSPECT_CLASSES];
        fixed[w][t[w]] = 3.0;
        assert_eq!(fixed_pixels(&t, &z, &fixed), 1);
        assert!(!is_unsure(&fixed[w]));
        assert!(is_unsure(&[0.0, 0.0, 0.0]));
    }

    #[test]
    fn trap_tasks() {
        let (f, y) = (trap_features(), object_mask());
        let mut models = TrapSetup::ALL.map(TrapModel::new);
        assert!(!trained_long_enough(&models));
        assert!(!trained_long_enough(&[]));
        for m in models.iter_mut() {
            m.train(&f, &y, TRAP_LEARNING_RATE, TRAP_TASK_STEPS);
        }
        assert!(trained_long_enough(&models));
    }
}
