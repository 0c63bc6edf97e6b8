//! Tests of the segmentation models: masks and metrics, inspector, trap, shapes and reshapes.

use super::*;
use crate::math;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

#[test]
fn the_object_is_small_and_deterministic() {
    let m = object_mask();
    assert_eq!(m, object_mask());
    let object = m.iter().filter(|v| **v == 1.0).count();
    assert_eq!(object, 24);
    let share = object as f64 / PAINT_PIXELS as f64;
    assert!((0.03..=0.05).contains(&share), "{share}");
    assert!(m.iter().all(|v| *v == 0.0 || *v == 1.0));
    let p = initial_prediction();
    assert_eq!(p.len(), PAINT_PIXELS);
    assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
}

/// Metrics computed here by hand, independently of the math core.
fn by_hand(y: &[f64], p: &[f64], w: f64) -> (f64, f64, f64, f64, f64) {
    let n = y.len() as f64;
    let eps = 1e-7;
    let mut right = 0.0;
    let (mut bce, mut wbce, mut inter, mut sy, mut sp) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut tp, mut un) = (0.0, 0.0);
    for (&y, &p) in y.iter().zip(p) {
        let q = p.clamp(eps, 1.0 - eps);
        let pred = if p > 0.5 { 1.0 } else { 0.0 };
        if pred == y {
            right += 1.0;
        }
        bce += -(y * q.ln() + (1.0 - y) * (1.0 - q).ln());
        wbce += -(w * y * q.ln() + (1.0 - y) * (1.0 - q).ln());
        inter += y * p;
        sy += y;
        sp += p;
        if pred == 1.0 && y == 1.0 {
            tp += 1.0;
        }
        if pred == 1.0 || y == 1.0 {
            un += 1.0;
        }
    }
    (
        right / n,
        bce / n,
        wbce / n,
        1.0 - 2.0 * inter / (sy + sp + eps),
        tp / un,
    )
}

#[test]
fn painted_metrics_equal_the_math_core_and_a_hand_computation() {
    let y = object_mask();
    let mut cases = vec![initial_prediction(), vec![0.0; PAINT_PIXELS], y.clone()];
    let mut p = vec![0.0; PAINT_PIXELS];
    paint(
        &mut p,
        PAINT_SIZE,
        9,
        14,
        Brush {
            value: 0.9,
            radius: 2,
        },
    );
    paint(
        &mut p,
        PAINT_SIZE,
        3,
        3,
        Brush {
            value: 0.3,
            radius: 1,
        },
    );
    cases.push(p);
    cases.push(vec![0.5; PAINT_PIXELS]);
    for p in &cases {
        for w in [1.0, 5.0, 23.0] {
            let m = mask_metrics(&y, p, w);
            assert_eq!(m.accuracy, math::binary_accuracy(&y, p, 0.5).unwrap());
            assert_eq!(m.bce, math::binary_crossentropy(&y, p, false).unwrap());
            assert_eq!(m.dice_loss, math::dice_loss(&y, p).unwrap());
            assert_eq!(m.iou, math::iou(&y, p, 0.5).unwrap());
            let logits: Vec<f64> = p.iter().map(|v| clipped_logit(*v)).collect();
            assert_eq!(
                m.weighted_bce,
                math::weighted_binary_crossentropy_with_logits(&y, &logits, w).unwrap()
            );
            let (acc, bce, wbce, dice, iou) = by_hand(&y, p, w);
            assert!(close(m.accuracy, acc, 1e-15));
            assert!(close(m.bce, bce, 1e-12), "{} {}", m.bce, bce);
            assert!(close(m.weighted_bce, wbce, 1e-12));
            assert!(close(m.dice_loss, dice, 1e-12));
            assert!(close(m.iou, iou, 1e-15));
            // BCE with logits of the clipped probabilities is Keras' probability BCE.
            let with_logits = math::binary_crossentropy(&y, &logits, true).unwrap();
            assert!(close(with_logits, m.bce, 1e-12));
            assert!(m.object_share >= 0.0 && m.object_share <= 1.0);
            assert!((m.keras_iou - m.iou).abs() < 1e-6 || p.contains(&0.5));
        }
    }
}

#[test]
fn predicting_all_background_is_96_percent_accurate_and_finds_nothing() {
    let y = object_mask();
    let m = mask_metrics(&y, &vec![0.0; PAINT_PIXELS], 1.0);
    assert!((m.accuracy - 552.0 / 576.0).abs() < 1e-15);
    assert!(m.accuracy > 0.95);
    assert_eq!(m.dice, 0.0);
    assert_eq!(m.dice_loss, 1.0);
    assert_eq!(m.iou, 0.0);
    assert!(is_all_background(&m));
    // The clipped BCE: 24 object pixels at −ln(1e-7) each, background at −ln(1 − 1e-7).
    let expect = (24.0 * -(1e-7f64).ln() + 552.0 * -(1.0 - 1e-7f64).ln()) / 576.0;
    assert!(close(m.bce, expect, 1e-12));
    assert!(!object_found(&m) && !dice_below(&m, 0.1));
    // The perfect mask.
    let perfect = mask_metrics(&y, &y, 1.0);
    assert_eq!(perfect.accuracy, 1.0);
    assert_eq!(perfect.iou, 1.0);
    assert!(perfect.dice_loss < 1e-8);
    assert!(object_found(&perfect) && dice_below(&perfect, 0.1));
    assert!(!is_all_background(&perfect));
    // The starting guess does none of the tasks.
    let start = mask_metrics(&y, &initial_prediction(), 1.0);
    assert!(!is_all_background(&start) && !object_found(&start));
    assert!(!dice_below(&start, 0.1));
}

#[test]
fn pos_weight_balances_the_classes() {
    let y = object_mask();
    let w = balancing_pos_weight(&y);
    assert!((w - 23.0).abs() < 1e-12);
    assert!(is_balanced(23.0, &y) && is_balanced(22.5, &y));
    assert!(!is_balanced(1.0, &y) && !is_balanced(24.0, &y));
    // At the balancing weight, a uniform 0.5 gives object and background equal shares.
    let m = mask_metrics(&y, &vec![0.5; PAINT_PIXELS], w);
    assert!((m.object_share - 0.5).abs() < 1e-12);
    let m1 = mask_metrics(&y, &vec![0.5; PAINT_PIXELS], 1.0);
    assert!((m1.object_share - 24.0 / 576.0).abs() < 1e-12);
    assert!(!mask_metrics(&y, &y, f64::NAN).weighted_bce.is_finite());
}

#[test]
fn keras_iou_counts_the_threshold_itself() {
    let y = [1.0, 1.0, 0.0, 0.0];
    let p = [0.5, 0.9, 0.1, 0.0];
    // Ours: 0.5 is not above 0.5 → IoU 1/2; Keras: 0.5 ≥ 0.5 → 2/2 (less ε).
    assert_eq!(math::iou(&y, &p, 0.5).unwrap(), 0.5);
    assert!((keras_binary_iou(&y, &p, 0.5) - 1.0).abs() < 1e-6);
    assert_eq!(keras_binary_iou(&[0.0], &[0.0], 0.5), 0.0);
}

#[test]
fn brushes_stay_inside_the_grid() {
    assert_eq!(brush_cells(24, 5, 5, 0), vec![5 * 24 + 5]);
    assert_eq!(brush_cells(24, 5, 5, 1).len(), 9);
    assert_eq!(brush_cells(24, 5, 5, 2).len(), 21);
    assert_eq!(brush_cells(24, 0, 0, 1).len(), 4);
    assert_eq!(brush_cells(24, 23, 23, 2).len(), 8);
    assert!(brush_cells(24, 100, 100, 3).is_empty());
    assert!(brush_cells(24, usize::MAX, 0, 3).is_empty());
    let mut p = vec![0.0; 16];
    assert!(paint(
        &mut p,
        4,
        1,
        1,
        Brush {
            value: 2.0,
            radius: 0
        }
    ));
    assert_eq!(p[5], 1.0);
    assert!(!paint(
        &mut p,
        4,
        1,
        1,
        Brush {
            value: f64::NAN,
            radius: 3
        }
    ));
    assert!(!paint(
        &mut p,
        4,
        1,
        1,
        Brush {
            value: 1.0,
            radius: 0
        }
    ));
    assert_eq!(clipped_logit(f64::NAN), 0.0);
    assert!(clipped_logit(0.0).is_finite() && clipped_logit(1.0).is_finite());
}

#[test]
fn the_inspector_has_wrong_and_unsure_pixels() {
    let t = inspector_truth();
    let z = inspector_logits();
    assert_eq!(z, inspector_logits());
    assert_eq!(t.len(), INSPECT_SIZE * INSPECT_SIZE);
    for k in 0..INSPECT_CLASSES {
        assert!(t.iter().filter(|c| **c == k).count() >= 15, "class {k}");
    }
    let wrong = wrong_pixels(&t, &z);
    assert!((2..=12).contains(&wrong.len()), "{} wrong", wrong.len());
    let unsure = z.iter().filter(|v| is_unsure(&v[..])).count();
    assert!(unsure >= 3, "{unsure} unsure");
    let ce = mean_pixel_cross_entropy(&t, &z);
    assert!(ce > 0.1 && ce < 1.0, "{ce}");
    assert!(mean_pixel_cross_entropy(&[], &[]).is_nan());
    // The starting pixel (row 4, column 4) is the disc's centre: confident and right.
    let start = 4 * INSPECT_SIZE + 4;
    assert_eq!(t[start], 1);
    assert_eq!(predicted_class(&z[start]), 1);
    assert!(!is_unsure(&z[start]));
    assert_eq!(predicted_class(&[1.0, 1.0, 0.0]), 0);
    assert_eq!(predicted_class(&[]), 0);
}

#[test]
fn softmax_over_one_channel_cannot_learn() {
    let f = trap_features();
    let y = object_mask();
    let mut trap = TrapModel::new(TrapSetup::OneChannelSoftmax);
    assert_eq!(trap.gradient(&f, &y), [0.0; 4]);
    trap.params = [3.0, -2.0, 0.0, 0.0];
    assert_eq!(trap.gradient(&f, &y), [0.0; 4]);
    let before = trap.params;
    trap.train(&f, &y, TRAP_LEARNING_RATE, 200);
    assert_eq!(trap.params, before, "the parameters never move");
    let r = trap.report(&f, &y);
    assert_eq!(r.output_range, (1.0, 1.0));
    assert!(r.object_prob.iter().all(|p| *p == 1.0));
    assert_eq!(r.gradient_norm, 0.0);
    // Keras BCE: the background pixels at the ceiling −ln(1e-7); the thread's
    // categorical cross-entropy says ≈ 0.
    let expect = 552.0 / 576.0 * -(1e-7f64).ln() + 24.0 / 576.0 * -(1.0 - 1e-7f64).ln();
    assert!(close(r.loss, expect, 1e-9), "{}", r.loss);
    let cce = r.categorical_loss.unwrap();
    assert!(cce > 0.0 && cce < 1e-8, "{cce}");
    assert!((r.iou - 24.0 / 576.0).abs() < 1e-12);
}

#[test]
fn the_correct_heads_learn_and_agree_with_finite_differences() {
    let f = trap_features();
    let y = object_mask();
    for setup in [TrapSetup::OneChannelSigmoid, TrapSetup::TwoChannelSoftmax] {
        let mut m = TrapModel::new(setup);
        m.params = [0.7, -0.4, -0.3, 0.2];
        let g = m.gradient(&f, &y);
        for (k, gk) in g.iter().enumerate() {
            if setup == TrapSetup::OneChannelSigmoid && k >= 2 {
                assert_eq!(*gk, 0.0);
                continue;
            }
            let h = 1e-6;
            let (mut a, mut b) = (m.clone(), m.clone());
            a.params[k] += h;
            b.params[k] -= h;
            let fd = (a.report(&f, &y).loss - b.report(&f, &y).loss) / (2.0 * h);
            assert!((fd - gk).abs() < 1e-6, "{setup:?} param {k}: {fd} vs {gk}");
        }
    }
    let mut models = TrapSetup::ALL.map(TrapModel::new);
    let start = models.clone().map(|m| m.report(&f, &y));
    assert!(!correct_heads_learned(&start));
    for m in models.iter_mut() {
        m.train(&f, &y, TRAP_LEARNING_RATE, 100);
    }
    let after: [TrapReport; 3] = models.clone().map(|m| m.report(&f, &y));
    assert!(after[1].loss < start[1].loss / 2.0, "{}", after[1].loss);
    assert!(after[2].loss < start[2].loss / 2.0);
    for m in models.iter_mut() {
        m.train(&f, &y, TRAP_LEARNING_RATE, 200);
    }
    let after: [TrapReport; 3] = models.map(|m| m.report(&f, &y));
    assert!(
        correct_heads_learned(&after),
        "IoU {} and {}",
        after[1].iou,
        after[2].iou
    );
}

#[test]
fn shapes_follow_the_framework() {
    let mut s = ShapeSetup::start();
    let r = s.report();
    assert_eq!(s.output_size(), (42, 42));
    assert_eq!(r.output, vec![8, 42, 42, 3]);
    assert_eq!(r.problems.len(), 1);
    s.last_layer = LastLayer::Same3;
    let r = s.report();
    assert!(r.problems.is_empty());
    assert_eq!(r.input, vec![8, 128, 128, 3]);
    assert_eq!(r.output, vec![8, 128, 128, 3]);
    assert_eq!(r.target, vec![8, 128, 128, 3]);
    assert_eq!(r.class_axis, 3);
    s.framework = Framework::PyTorch;
    s.labels = LabelFormat::Sparse;
    s.classes = 5;
    let r = s.report();
    assert_eq!(r.input, vec![8, 3, 128, 128]);
    assert_eq!(r.output, vec![8, 5, 128, 128]);
    assert_eq!(r.target, vec![8, 128, 128]);
    assert_eq!(r.class_axis, 1);
    assert_eq!(r.loss_code, "nn.CrossEntropyLoss()");
    s.head = Head::Sigmoid;
    assert_eq!(s.report().problems.len(), 1, "sigmoid with 5 classes");
    s.classes = 2;
    let r = s.report();
    assert!(r.problems.is_empty());
    assert_eq!(r.output, vec![8, 1, 128, 128]);
    assert_eq!(r.target, vec![8, 1, 128, 128]);
    s.framework = Framework::Keras;
    assert_eq!(s.report().loss_code, "keras.losses.BinaryCrossentropy()");
    assert_eq!(shape_text(&[8]), "(8,)");
    assert_eq!(shape_text(&[8, 128, 128]), "(8, 128, 128)");
    s.head = Head::Softmax;
    s.classes = 1;
    assert!(!s.report().problems.is_empty());
}

#[test]
fn convolution_sizes() {
    assert_eq!(conv_output_size(128, 3, 3, false), 42);
    assert_eq!(conv_output_size(128, 3, 1, false), 126);
    assert_eq!(conv_output_size(128, 3, 1, true), 128);
    assert_eq!(conv_output_size(128, 1, 1, false), 128);
    assert_eq!(conv_output_size(2, 3, 1, false), 0);
    assert_eq!(conv_output_size(5, 3, 0, true), 5);
    assert_eq!(conv_output_size(7, 3, 2, true), 4);
}

#[test]
fn reshape_is_not_transpose() {
    let (h, w, c) = RESHAPE_DIMS;
    let thread = flatten_sources(Flatten::ThreadReshapePermute, h, w, c);
    let right = flatten_sources(Flatten::ReshapePixelsFirst, h, w, c);
    assert_eq!(thread.len(), h * w * c);
    // Every value is used exactly once either way.
    let mut sorted = thread.clone();
    sorted.sort();
    let mut all = right.clone();
    all.sort();
    assert_eq!(sorted, all);
    // Row 0 of the right matrix: pixel 0's three classes.
    assert_eq!(&right[..3], &[(0, 0), (0, 1), (0, 2)]);
    // Row 0 of the thread's: flat 0, 4, 8: pixel 0 class 0, pixel 1 class 1, pixel 2
    // class 2.
    assert_eq!(&thread[..3], &[(0, 0), (1, 1), (2, 2)]);
    assert_eq!(mixed_rows(Flatten::ReshapePixelsFirst), 0);
    assert_eq!(mixed_rows(Flatten::NoReshape), 0);
    assert_eq!(mixed_rows(Flatten::ThreadReshapePermute), h * w);
    let per_pixel = flattened_loss(Flatten::NoReshape);
    assert_eq!(flattened_loss(Flatten::ReshapePixelsFirst), per_pixel);
    assert!((flattened_loss(Flatten::ThreadReshapePermute) - per_pixel).abs() > 0.5);
    let (logits, labels) = reshape_example();
    for (p, l) in labels.iter().enumerate() {
        assert_eq!(predicted_class(&logits[p * c..(p + 1) * c]), *l);
    }
    let inter = reshape_sources(h, w, c);
    assert_eq!(&inter[..3], &[(0, 0), (0, 1), (0, 2)]);
}
