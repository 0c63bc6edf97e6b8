//! Lesson 6's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks, on every Keras backend).
//! Each program builds its own small data from the numbers on screen: a blank batch of the
//! shapes on screen, the 2 × 2 × 3 reshape example, the painted mask, the inspector's map.

use crate::chart::mask_grid::line_cells;
use crate::lessons::code::{py, py_list, snap, state_for, PanelSet, Printed, Program};
use crate::math;
use crate::model::rng::Rng;
use crate::model::segmentation::{
    flattened_loss, initial_prediction, inspector_logits, inspector_truth, mask_metrics,
    mean_pixel_cross_entropy, object_mask, paint, reshape_example, shape_text, Brush, Flatten,
    Framework, Head, LabelFormat, LastLayer, ShapeSetup, INSPECT_CLASSES, INSPECT_SIZE, PAINT_SIZE,
    RESHAPE_DIMS,
};
use std::fmt::Write;

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "segmentation",
        step: "shapes",
        make: |seed| shape_programs(&state_for(seed, ShapeSetup::start, random_setup)),
    },
    PanelSet {
        page: "segmentation",
        step: "reshape",
        make: |seed| {
            reshape_programs(state_for(
                seed,
                || Flatten::ThreadReshapePermute,
                |r| {
                    [
                        Flatten::ThreadReshapePermute,
                        Flatten::ReshapePixelsFirst,
                        Flatten::NoReshape,
                    ][r.below(3)]
                },
            ))
        },
    },
    PanelSet {
        page: "segmentation",
        step: "paint",
        make: |seed| {
            let (pred, w) = state_for(seed, || (initial_prediction(), 1.0), random_painting);
            paint_programs(&pred, w)
        },
    },
    PanelSet {
        page: "segmentation",
        step: "inspector",
        make: |seed| {
            let (logits, pixel) =
                state_for(seed, || (inspector_logits(), (4, 4)), random_inspection);
            inspector_programs(&logits, pixel)
        },
    },
    PanelSet {
        page: "segmentation",
        step: "softmax-trap",
        make: |seed| trap_programs(state_for(seed, || -2.0, |r| snap(r.range(-8.0, 8.0), 0.1))),
    },
];

// ---------------------------------------------------------------------------------------
// Seeded states a learner can reach with the widgets
// ---------------------------------------------------------------------------------------

/// A set-up the radio buttons, the class slider (1 to 8) and the layer menu can make.
fn random_setup(r: &mut Rng) -> ShapeSetup {
    ShapeSetup {
        framework: [Framework::Keras, Framework::PyTorch][r.below(2)],
        head: [Head::Softmax, Head::Sigmoid][r.below(2)],
        labels: [LabelFormat::OneHot, LabelFormat::Sparse][r.below(2)],
        classes: 1 + r.below(8),
        // A learner fixes the thread's layer early (the step's first task): the layers that
        // keep the size come up twice as often.
        last_layer: [
            LastLayer::ThreadCall,
            LastLayer::Valid3,
            LastLayer::Same3,
            LastLayer::OneByOne,
            LastLayer::Same3,
            LastLayer::OneByOne,
        ][r.below(6)],
        ..ShapeSetup::start()
    }
}

/// A painting as a brush leaves it: the model's guess (or a whole-mask fill), then a few
/// strokes of a brush value on the slider's 0.05 grid (sometimes the eraser, 0), 1 × 1,
/// 3 × 3 or 5 × 5, mostly around the object; and a pos_weight on the slider's 0.5 grid.
pub fn random_painting(r: &mut Rng) -> (Vec<f64>, f64) {
    let mut pred = initial_prediction();
    if r.below(4) == 0 {
        pred = vec![snap(r.uniform(), 0.05); PAINT_SIZE * PAINT_SIZE];
    }
    for _ in 0..1 + r.below(5) {
        let value = if r.below(4) == 0 {
            0.0
        } else {
            snap(r.uniform(), 0.05)
        };
        let brush = Brush {
            value,
            radius: r.below(3),
        };
        // Around the object (rows 7 to 10, columns 11 to 17) two times out of three.
        let start = if r.below(3) < 2 {
            (6 + r.below(6), 10 + r.below(9))
        } else {
            (r.below(PAINT_SIZE), r.below(PAINT_SIZE))
        };
        let end = (
            (start.0 + r.below(5)).saturating_sub(2).min(PAINT_SIZE - 1),
            (start.1 + r.below(9)).saturating_sub(4).min(PAINT_SIZE - 1),
        );
        for (row, col) in line_cells(start, end) {
            paint(&mut pred, PAINT_SIZE, row, col, brush);
        }
    }
    (pred, snap(r.range(1.0, 40.0), 0.5))
}

/// A selected pixel, sometimes with its logits dragged (±6, the bars' 0.001 step).
fn random_inspection(r: &mut Rng) -> (Vec<[f64; INSPECT_CLASSES]>, (usize, usize)) {
    let mut logits = inspector_logits();
    let pixel = (r.below(INSPECT_SIZE), r.below(INSPECT_SIZE));
    if r.below(2) == 0 {
        let k = r.below(INSPECT_CLASSES);
        logits[pixel.0 * INSPECT_SIZE + pixel.1][k] = snap(r.range(-6.0, 6.0), 0.001);
    }
    (logits, pixel)
}

// ---------------------------------------------------------------------------------------
// Writing data as Python
// ---------------------------------------------------------------------------------------

/// Rows `[a, b, …],` of a matrix, one line each, indented for a Python list.
fn python_rows<T>(rows: impl Iterator<Item = Vec<T>>, item: impl Fn(&T) -> String) -> String {
    rows.map(|row| {
        format!(
            "    [{}],\n",
            row.iter().map(&item).collect::<Vec<_>>().join(", ")
        )
    })
    .collect()
}

/// A painted mask as per-cent integers (`None` if a value is not a whole per cent, as a
/// link could carry).
fn as_percent(pred: &[f64]) -> Option<Vec<i64>> {
    pred.iter()
        .map(|p| {
            let k = (p * 100.0).round();
            (k / 100.0 == *p).then_some(k as i64)
        })
        .collect()
}

/// The painted probabilities as a 24 × 24 NumPy or PyTorch array named `p`.
fn painted_array(pred: &[f64], torch: bool) -> String {
    let rows = |v: &[f64]| v.chunks(PAINT_SIZE).map(|r| r.to_vec()).collect::<Vec<_>>();
    let (open, close) = if torch {
        ("torch.tensor([\n", "], dtype=torch.float64)")
    } else {
        ("np.array([\n", "], dtype=\"float32\")")
    };
    match as_percent(pred) {
        Some(k) => format!(
            "# Your painting: each pixel's p(object), in per cent.\np = {open}{}{close} / 100\n",
            python_rows(k.chunks(PAINT_SIZE).map(|r| r.to_vec()), |v| v.to_string())
        ),
        None => format!(
            "# Your painting: each pixel's p(object).\np = {open}{}{close}\n",
            python_rows(rows(pred).into_iter(), |v| py(*v))
        ),
    }
}

/// The true mask as `y[row, c0:c1] = 1` lines, one per run of object pixels.
fn truth_runs(truth: &[f64], size: usize) -> String {
    let mut out = String::new();
    for (row, cells) in truth.chunks(size).enumerate() {
        let mut c = 0;
        while c < size {
            if cells[c] == 1.0 {
                let start = c;
                while c < size && cells[c] == 1.0 {
                    c += 1;
                }
                let _ = writeln!(out, "y[{row}, {start}:{c}] = 1");
            } else {
                c += 1;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Step 1: shapes
// ---------------------------------------------------------------------------------------

/// The comment on a last layer that does not keep the image size.
fn layer_comment(layer: LastLayer) -> &'static str {
    match layer {
        LastLayer::ThreadCall => "  # the thread's call: the third argument is the stride",
        LastLayer::Valid3 => "  # padding=\"valid\": loses the border",
        _ => "",
    }
}

/// What an untrained head prints as its loss on a blank batch: every logit is 0, so a
/// softmax gives every class 1/C (loss ln C) and a sigmoid gives ½ (loss ln 2). Keras
/// works on the probabilities: with one softmax channel it clips p = 1 to 1 − 1e-7 in
/// float32, except on the TensorFlow backend, which finds the logits behind a softmax.
fn blank_batch_loss(s: &ShapeSetup, keras: bool) -> (f64, f64) {
    let c = s.channels();
    match s.head {
        Head::Sigmoid => {
            let l = math::binary_crossentropy(&[0.0], &[0.5], false).unwrap_or(f64::NAN);
            (l, l)
        }
        Head::Softmax if c == 1 && keras => {
            let clipped = -((1.0f64 - 1e-7) as f32 as f64).ln();
            (0.0, clipped)
        }
        Head::Softmax => {
            let z = vec![0.0; c];
            let l = math::sparse_categorical_crossentropy(0, &z, true).unwrap_or(f64::NAN);
            (l, l)
        }
    }
}

/// Step 1: the set-up on screen as a model on a blank batch, printing the output's and the
/// labels' shapes and (when they fit) the loss.
pub fn shape_programs(s: &ShapeSetup) -> Vec<Program> {
    let kr = ShapeSetup {
        framework: Framework::Keras,
        ..*s
    }
    .report();
    let tr = ShapeSetup {
        framework: Framework::PyTorch,
        ..*s
    }
    .report();
    let (b, h, w, c) = (s.batch, s.height, s.width, s.channels());
    let (oh, ow) = s.output_size();
    let fits = (oh, ow) == (h, w);
    let dims = |v: &[usize]| v.iter().map(|d| *d as f64).collect::<Vec<_>>();
    let act = if s.head == Head::Softmax {
        "softmax"
    } else {
        "sigmoid"
    };
    let comment = layer_comment(s.last_layer);
    let mismatch = format!(
        "# No loss: the output is {oh} × {ow} pixels, the labels {h} × {w}, so\n# loss_fn(labels, pred) stops with a shape error.\n"
    );

    // Keras
    let mut k = format!(
        "import numpy as np\nimport keras\n\n# A blank batch of {b} RGB images of {h} × {w} pixels, channels last: only the\n# shapes matter here.\nimages = np.zeros({input}, dtype=\"float32\")\ninputs = keras.Input(shape=({h}, {w}, 3))\n# Stand-in for the encoder-decoder: 64 features per pixel, same height and width.\nx = keras.layers.Conv2D(64, 1, activation=\"relu\")(inputs)\noutputs = {layer}(x){comment}\nmodel = keras.Model(inputs, outputs)\npred = model(images)\nprint(\"output shape:\", tuple(pred.shape))  # tuple(): the same on every backend\n\n",
        input = shape_text(&kr.input),
        layer = kr.layer_code,
    );
    match (s.head, s.labels) {
        (Head::Sigmoid, _) => {
            let _ = writeln!(
                k,
                "labels = np.zeros(({b}, {h}, {w}, 1), dtype=\"float32\")  # the 0/1 mask (blank: all background)"
            );
        }
        (Head::Softmax, LabelFormat::Sparse) => {
            let _ = writeln!(
                k,
                "labels = np.zeros(({b}, {h}, {w}), dtype=\"int32\")  # one class index per pixel (all 0 here)"
            );
        }
        (Head::Softmax, LabelFormat::OneHot) => {
            let _ = writeln!(
                k,
                "classes = np.zeros(({b}, {h}, {w}), dtype=\"int32\")  # one class index per pixel (all 0 here)\nlabels = keras.ops.one_hot(classes, {c})  # one-hot, channels last"
            );
        }
    }
    let _ = writeln!(
        k,
        "print(\"labels shape:\", tuple(labels.shape))\nloss_fn = {}",
        kr.loss_code
    );
    let mut keras_prints = vec![
        Printed::same("output shape", dims(&kr.output)),
        Printed::same("labels shape", dims(&kr.target)),
    ];
    let squeezed = s.head == Head::Softmax && c == 1 && s.labels == LabelFormat::Sparse;
    if fits && squeezed {
        k.push_str("# No loss: Keras drops pred's class axis of size 1 to match the labels' rank, and the\n# sparse loss, finding no class axis left, stops with a ValueError.\n");
    } else if fits {
        let _ = writeln!(
            k,
            "# Blank images give 0 features and Keras starts biases at 0, so every logit is 0:\n# the {act} gives {}, and the loss is {}.\nprint(\"loss:\", float(loss_fn(labels, pred)))",
            if s.head == Head::Softmax {
                "every class 1/C"
            } else {
                "p = 0.5"
            },
            if s.head == Head::Softmax {
                "ln C"
            } else {
                "ln 2"
            }
        );
        let (tf, others) = blank_batch_loss(s, true);
        keras_prints.push(Printed::by_backend("loss", vec![tf], vec![others]));
    } else {
        k.push_str(&mismatch);
    }

    // PyTorch
    let mut t = format!(
        "import torch\nfrom torch import nn\n{functional}\n# A blank batch of {b} RGB images of {h} × {w} pixels, channels first: only the\n# shapes matter here.\nimages = torch.zeros{input}\nencoder_decoder = nn.Conv2d(3, 64, 1)  # stand-in: 64 features per pixel, same size\nhead = {layer}{comment}\nnn.init.zeros_(head.weight)  # an untrained head that knows nothing: every logit 0\nnn.init.zeros_(head.bias)\nlogits = head(encoder_decoder(images))  # no activation: the loss applies the {act}\nprint(\"output shape:\", logits.shape)\n\n",
        input = shape_text(&tr.input),
        layer = tr.layer_code,
        functional = if s.head == Head::Softmax && s.labels == LabelFormat::OneHot {
            "import torch.nn.functional as F\n"
        } else {
            ""
        },
    );
    match (s.head, s.labels) {
        (Head::Sigmoid, _) => {
            let _ = writeln!(
                t,
                "labels = torch.zeros({b}, 1, {h}, {w})  # the 0/1 mask as floats (blank: all background)"
            );
        }
        (Head::Softmax, LabelFormat::Sparse) => {
            let _ = writeln!(
                t,
                "labels = torch.zeros({b}, {h}, {w}, dtype=torch.long)  # one class index per pixel (all 0 here)"
            );
        }
        (Head::Softmax, LabelFormat::OneHot) => {
            let _ = writeln!(
                t,
                "classes = torch.zeros({b}, {h}, {w}, dtype=torch.long)  # one class index per pixel (all 0 here)\n# one_hot puts the classes last: permute (a transpose) moves them to axis 1\nlabels = F.one_hot(classes, {c}).permute(0, 3, 1, 2).float()"
            );
        }
    }
    let _ = writeln!(
        t,
        "print(\"labels shape:\", labels.shape)\nloss_fn = {}",
        tr.loss_code
    );
    let mut torch_prints = vec![
        Printed::same("output shape", dims(&tr.output)),
        Printed::same("labels shape", dims(&tr.target)),
    ];
    if fits {
        let _ = writeln!(
            t,
            "print(\"loss:\", loss_fn(logits, labels).item())  # logits 0: {}",
            if s.head == Head::Softmax {
                "ln C"
            } else {
                "ln 2"
            }
        );
        let (_, l) = blank_batch_loss(s, false);
        torch_prints.push(Printed::same("loss", vec![l]));
    } else {
        t.push_str(&mismatch.replace("loss_fn(labels, pred)", "loss_fn(logits, labels)"));
    }
    let torch_shape = format!(
        "torch.Size([{}])",
        tr.output
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut keras_note = format!(
        "Channels last: it prints output shape: {}, the classes on axis {}.",
        shape_text(&kr.output),
        kr.class_axis
    );
    if s.head == Head::Softmax && c == 1 && fits && !squeezed {
        keras_note.push_str(" With one softmax channel every p is 1: the loss is about 0 (exactly 0 on the TensorFlow backend, which reads the logits behind the softmax; 1.2e-7 elsewhere, from Keras' clip at 1 − 1e-7 in float32).");
    }
    vec![
        Program::keras(k, keras_prints).with_note(keras_note),
        Program::pytorch(t, torch_prints).with_note(format!(
            "Channels first: it prints output shape: {torch_shape}, the classes on axis {}.",
            tr.class_axis
        )),
    ]
}

// ---------------------------------------------------------------------------------------
// Step 2: reshape against transpose
// ---------------------------------------------------------------------------------------

/// Step 2: the 2 × 2 × 3 example through the chosen layers, and the loss they lead to.
pub fn reshape_programs(mode: Flatten) -> Vec<Program> {
    let (h, w, c) = RESHAPE_DIMS;
    let hw = h * w;
    let (logits, labels) = reshape_example();
    let after = flattened_loss(mode);
    let per_pixel = flattened_loss(Flatten::NoReshape);
    let labels_py = format!(
        "[[{}]]",
        labels
            .chunks(w)
            .map(|r| format!(
                "[{}]",
                r.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let z = py_list(&logits);

    let mut k = format!(
        "import numpy as np\nimport keras\n\n# The output on screen, channels last: (batch, H, W, C) = (1, {h}, {w}, {c}).\nz = np.array({z}, dtype=\"float32\").reshape(1, {h}, {w}, {c})\nlabels = np.array({labels_py})  # each pixel's true class: (1, {h}, {w})\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n"
    );
    let mut t = format!(
        "import torch\nimport torch.nn.functional as F\n\n# The output on screen, channels last: (N, H, W, C) = (1, {h}, {w}, {c}).\nz = torch.tensor({z}).reshape(1, {h}, {w}, {c})\nlabels = torch.tensor({labels_py})  # each pixel's true class: (1, {h}, {w})\n\n"
    );
    let mut prints = vec![Printed::same("loss", vec![after])];
    match mode {
        Flatten::ThreadReshapePermute => {
            let _ = write!(
                k,
                "# The thread's layers: ({c}, {hw}), then ({hw}, {c}): {hw} rows, but not one pixel each.\nx = keras.layers.Reshape(({c}, {hw}))(z)\nx = keras.layers.Permute((2, 1))(x)\nprint(\"loss:\", float(loss(labels.reshape(1, {hw}), x)))\n\n# The per-pixel loss: no layers at all, the loss works on the last axis.\nprint(\"per-pixel loss:\", float(loss(labels, z)))\n\n# The same two layers on a channels-first tensor (1, C, H, W), as Keras 1 had with\n# Theano's \"th\" ordering, do give one row per pixel.\nz_first = keras.layers.Permute((3, 1, 2))(z)  # a transpose: (1, {c}, {h}, {w})\nx = keras.layers.Permute((2, 1))(keras.layers.Reshape(({c}, {hw}))(z_first))\nprint(\"channels first:\", float(loss(labels.reshape(1, {hw}), x)))\n"
            );
            let _ = write!(
                t,
                "# The thread's recipe on channels last: {hw} rows, but not one pixel each.\nrows = z.reshape(1, {c}, {hw}).permute(0, 2, 1)\nprint(\"loss:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n\n# The per-pixel loss: move the classes to axis 1 with permute (a transpose).\nprint(\"per-pixel loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n\n# The same recipe on a channels-first tensor (N, C, H, W), PyTorch's own layout, is right.\nz_first = z.permute(0, 3, 1, 2)\nrows = z_first.reshape(1, {c}, {hw}).permute(0, 2, 1)\nprint(\"channels first:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n"
            );
            prints.push(Printed::same("per-pixel loss", vec![per_pixel]));
            prints.push(Printed::same("channels first", vec![per_pixel]));
        }
        Flatten::ReshapePixelsFirst => {
            let _ = write!(
                k,
                "# Reshape to ({hw}, {c}): row i holds pixel i's {c} scores.\nx = keras.layers.Reshape(({hw}, {c}))(z)\nprint(\"loss:\", float(loss(labels.reshape(1, {hw}), x)))\n\n# The per-pixel loss: no layers at all, the loss works on the last axis.\nprint(\"per-pixel loss:\", float(loss(labels, z)))\n"
            );
            let _ = write!(
                t,
                "# Reshape to ({hw}, {c}): row i holds pixel i's {c} scores.\nrows = z.reshape(1, {hw}, {c})\nprint(\"loss:\", F.cross_entropy(rows[0], labels.reshape({hw})).item())\n\n# The per-pixel loss: move the classes to axis 1 with permute (a transpose).\nprint(\"per-pixel loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n"
            );
            prints.push(Printed::same("per-pixel loss", vec![per_pixel]));
        }
        Flatten::NoReshape => {
            k.push_str("# No layers: the loss works on the last axis of (1, H, W, C).\nprint(\"loss:\", float(loss(labels, z)))\n");
            t.push_str("# PyTorch wants the classes on axis 1: permute (a transpose) moves them there.\nprint(\"loss:\", F.cross_entropy(z.permute(0, 3, 1, 2), labels).item())\n");
        }
    }
    let keras_note = match mode {
        Flatten::ThreadReshapePermute => "Reshape((C, H·W)) + Permute((2, 1)) is right for a channels-first tensor (C, H, W), where each class's H·W scores lie together (Keras 1 with Theano's \"th\" ordering, where the recipe comes from). On a channels-last tensor (H, W, C), Keras 3's default, it scrambles pixels.",
        Flatten::ReshapePixelsFirst => "On a channels-last tensor a pixel's C scores lie together, so Reshape((H·W, C)) cuts one pixel per row.",
        Flatten::NoReshape => "Keras' softmax and cross-entropy losses act on the last axis of a tensor of any rank.",
    };
    vec![
        Program::keras(k, prints.clone()).with_note(keras_note),
        Program::pytorch(t, prints).with_note("permute is a transpose: it moves an axis. z.reshape(1, 3, 2, 2) would have the right shape and scramble the values exactly as the thread's Reshape does."),
    ]
}

// ---------------------------------------------------------------------------------------
// Step 3: the painted prediction
// ---------------------------------------------------------------------------------------

/// Keras' binary cross-entropy on float32 probabilities, weighted by `pos_weight` on the
/// object pixels: p clipped to [1e-7, 1 − 1e-7] as float32 bounds (1 − 1e-7 rounds to
/// 0.99999988 there, so a background pixel painted 1 costs 15.94 instead of 16.12).
pub fn keras_float32_bce(truth: &[f64], pred: &[f64], pos_weight: f64) -> f64 {
    let lo = 1e-7f32 as f64;
    let hi = (1.0f64 - 1e-7) as f32 as f64;
    let n = truth.len().min(pred.len());
    if n == 0 {
        return f64::NAN;
    }
    let sum: f64 = truth
        .iter()
        .zip(pred)
        .map(|(y, p)| {
            let q = (*p as f32 as f64).clamp(lo, hi);
            -(pos_weight * y * q.ln() + (1.0 - y) * (1.0 - q).ln())
        })
        .sum();
    sum / n as f64
}

/// Step 3: the painted mask scored by Keras (accuracy, BCE, Dice, IoU, and the weighted BCE
/// written with keras.ops) and by PyTorch.
pub fn paint_programs(pred: &[f64], pos_weight: f64) -> Vec<Program> {
    let truth = object_mask();
    let m = mask_metrics(&truth, pred, pos_weight);
    let n = PAINT_SIZE;
    let truth_code = |alloc: String| {
        format!(
            "# The true mask ({n} × {n}): 1 on the object, 0 on the background.\ny = {alloc}\n{}",
            truth_runs(&truth, n)
        )
    };
    let w = py(pos_weight);
    let keras = format!(
        "import numpy as np\nimport keras\n\n{truth}{painted}y_true = y.reshape(1, {n}, {n}, 1)  # (batch, H, W, channels)\ny_pred = p.reshape(1, {n}, {n}, 1)\n\nacc = keras.ops.mean(keras.metrics.binary_accuracy(y_true, y_pred))  # p > 0.5 is object\nprint(\"accuracy:\", float(acc))\nprint(\"BCE:\", float(keras.losses.BinaryCrossentropy()(y_true, y_pred)))\n# Dice() pools every pixel of the batch; Dice(axis=(1, 2, 3)) scores each image alone.\nprint(\"Dice loss:\", float(keras.losses.Dice()(y_true, y_pred)))\niou = keras.metrics.BinaryIoU(target_class_ids=[1], threshold=0.5)  # p >= 0.5 is object\nprint(\"IoU:\", float(iou(y_true, y_pred)))\n\n# Keras has no pos_weight: write the weighted BCE with keras.ops. Keras calls every\n# loss as loss(y_true, y_pred), truth first (one written (y_pred, y_true) gets them\n# swapped, silently); model.compile(loss=weighted_bce) takes it as it is.\ndef weighted_bce(y_true, y_pred, pos_weight={w}):\n    y_true = keras.ops.convert_to_tensor(y_true)\n    q = keras.ops.clip(y_pred, 1e-7, 1 - 1e-7)  # Keras' own clip\n    return -keras.ops.mean(pos_weight * y_true * keras.ops.log(q) + (1 - y_true) * keras.ops.log(1 - q))\n\nprint(\"weighted BCE:\", float(weighted_bce(y_true, y_pred)))\n",
        truth = truth_code(format!("np.zeros(({n}, {n}), dtype=\"float32\")")),
        painted = painted_array(pred, false),
    );
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\n{truth}{painted}y = y.reshape(1, 1, {n}, {n})  # (N, channels, H, W), float64 like the page\np = p.reshape(1, 1, {n}, {n})\nz = torch.logit(p, eps=1e-7)  # clip like Keras, then take logits\n\nprint(\"accuracy:\", ((p > 0.5).double() == y).double().mean().item())\nprint(\"BCE:\", F.binary_cross_entropy_with_logits(z, y).item())\nw = torch.tensor({w}, dtype=torch.float64)  # pos_weight: multiplies the object pixels' term\nprint(\"weighted BCE:\", F.binary_cross_entropy_with_logits(z, y, pos_weight=w).item())\n# Dice by hand, pooled over the batch like Keras' Dice(); sum(dim=(1, 2, 3)) gives one per image\ndice = 1 - 2 * (y * p).sum() / (y.sum() + p.sum() + 1e-7)\nprint(\"Dice loss:\", dice.item())\nhit, true = p > 0.5, y > 0.5\nprint(\"IoU:\", ((hit & true).sum() / (hit | true).sum()).item())\n",
        truth = truth_code(format!("torch.zeros({n}, {n}, dtype=torch.float64)")),
        painted = painted_array(pred, true),
    );
    let keras_bce = keras_float32_bce(&truth, pred, 1.0);
    let keras_wbce = keras_float32_bce(&truth, pred, pos_weight);
    let float32_differs = (keras_bce - m.bce).abs() > 1e-9 * m.bce.abs().max(1.0);
    let mut keras_note = String::from("Keras has no pos_weight argument: the weighted BCE is written with keras.ops (a per-pixel sample_weight of 1 + (w − 1)·y on BinaryCrossentropy gives the same). BinaryIoU counts p ≥ 0.5 as object and adds 1e-7 to its denominators, so it can differ from the table's IoU for pixels painted exactly 0.5.");
    if float32_differs {
        keras_note.push_str(" Keras works in float32, where 1 − 1e-7 rounds to 0.99999988: each background pixel painted 1 costs 15.94 instead of the table's 16.12, so its BCE differs from the table's.");
    }
    vec![
        Program::keras(
            keras,
            vec![
                Printed::same("accuracy", vec![m.accuracy]),
                Printed::same("BCE", vec![keras_bce]),
                Printed::same("Dice loss", vec![m.dice_loss]),
                Printed::same("IoU", vec![m.keras_iou]),
                Printed::same("weighted BCE", vec![keras_wbce]),
            ],
        )
        .with_note(keras_note),
        Program::pytorch(
            torch,
            vec![
                Printed::same("accuracy", vec![m.accuracy]),
                Printed::same("BCE", vec![m.bce]),
                Printed::same("weighted BCE", vec![m.weighted_bce]),
                Printed::same("Dice loss", vec![m.dice_loss]),
                Printed::same("IoU", vec![m.iou]),
            ],
        )
        .with_note("PyTorch has no Dice loss or IoU built in (torchmetrics and segmentation libraries add them): here they are a line each. F.binary_cross_entropy (nn.BCELoss) on p itself would clamp each log at −100 instead of clipping p, so a painted 0 on the object would cost 100 rather than 16.1."),
    ]
}

// ---------------------------------------------------------------------------------------
// Step 4: the pixel inspector
// ---------------------------------------------------------------------------------------

/// Step 4: the whole map's logits and truth, the selected pixel's softmax and loss, and the
/// map's mean loss.
pub fn inspector_programs(
    logits: &[[f64; INSPECT_CLASSES]],
    pixel: (usize, usize),
) -> Vec<Program> {
    let n = INSPECT_SIZE;
    let truth = inspector_truth();
    let (r, c) = pixel;
    let i = r * n + c;
    let z = logits.get(i).copied().unwrap_or([0.0; INSPECT_CLASSES]);
    let t = truth.get(i).copied().unwrap_or(0);
    let p = math::softmax(&z);
    let pixel_loss = math::sparse_categorical_crossentropy(t, &z, true).unwrap_or(f64::NAN);
    let map_loss = mean_pixel_cross_entropy(&truth, logits);
    let map = python_rows(logits.chunks(n).map(|row| row.to_vec()), |z| py_list(z));
    let classes = python_rows(truth.chunks(n).map(|row| row.to_vec()), |k| k.to_string());
    let prints = vec![
        Printed::same("softmax", p),
        Printed::same("pixel loss", vec![pixel_loss]),
        Printed::same("map loss", vec![map_loss]),
    ];
    let keras = format!(
        "import numpy as np\nimport keras\n\n# The model's logits for the {n} × {n} map, channels last (background, disc, bar).\nz = np.array([\n{map}], dtype=\"float32\")[np.newaxis]  # (1, {n}, {n}, 3)\n# The true class of every pixel: 0 background, 1 disc, 2 bar.\ny = np.array([\n{classes}])[np.newaxis]  # (1, {n}, {n})\n\n# Pixel (row {r}, column {c}): its 3 logits are z[0, {r}, {c}], the last axis.\nprint(\"softmax:\", keras.ops.convert_to_numpy(keras.ops.softmax(z[0, {r}, {c}])))\nper_pixel = keras.losses.sparse_categorical_crossentropy(y, z, from_logits=True)  # (1, {n}, {n})\nprint(\"pixel loss:\", float(per_pixel[0, {r}, {c}]))\n# The loss of the whole map is the mean of the per-pixel losses.\nloss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nprint(\"map loss:\", float(loss(y, z)))\n"
    );
    let torch = format!(
        "import torch\nimport torch.nn.functional as F\n\n# The model's logits for the {n} × {n} map, written channels last (background, disc, bar).\nz = torch.tensor([\n{map}])\nlogits = z.permute(2, 0, 1).unsqueeze(0)  # (1, 3, {n}, {n}): PyTorch wants the classes on axis 1\n# The true class of every pixel: 0 background, 1 disc, 2 bar.\ny = torch.tensor([\n{classes}]).unsqueeze(0)  # (1, {n}, {n})\n\n# Pixel (row {r}, column {c}): its 3 logits are logits[0, :, {r}, {c}], along axis 1.\nprint(\"softmax:\", torch.softmax(logits[0, :, {r}, {c}], dim=0).tolist())\nper_pixel = F.cross_entropy(logits, y, reduction=\"none\")  # (1, {n}, {n})\nprint(\"pixel loss:\", per_pixel[0, {r}, {c}].item())\n# The loss of the whole map is the mean of the per-pixel losses.\nprint(\"map loss:\", F.cross_entropy(logits, y).item())\n"
    );
    vec![
        Program::keras(keras, prints.clone()),
        Program::pytorch(torch, prints).with_note(
            "Same numbers, other indexing: the class axis is 1 in PyTorch and last in Keras.",
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Step 5: the one-channel softmax trap
// ---------------------------------------------------------------------------------------

/// Step 5: one pixel's logit through the three heads, and the one-channel softmax as a
/// layer (PyTorch adds its gradient, exactly 0).
pub fn trap_programs(z: f64) -> Vec<Program> {
    let one = math::softmax(&[z])[0];
    let sig = math::sigmoid(z);
    let two = math::softmax(&[0.0, z])[1];
    let heads = vec![
        Printed::same("softmax over one channel", vec![one]),
        Printed::same("sigmoid", vec![sig]),
        Printed::same("two-channel softmax, object", vec![two]),
    ];
    let layer = Printed::same("layer output, lowest and highest", vec![1.0, 1.0]);
    let zs = py(z);
    let keras = format!(
        "import numpy as np\nimport keras\n\nz = np.array([{zs}], dtype=\"float32\")  # one pixel's logit\nprint(\"softmax over one channel:\", float(keras.ops.softmax(z)[0]))\nprint(\"sigmoid:\", float(keras.ops.sigmoid(z)[0]))\ntwo = np.array([0.0, {zs}], dtype=\"float32\")  # two channels: background 0, object z\nprint(\"two-channel softmax, object:\", float(keras.ops.softmax(two)[1]))\n\n# The trap as a layer: whatever the features, one channel with softmax outputs 1.\nfeatures = np.random.default_rng(0).normal(size=(1, 24, 24, 8)).astype(\"float32\")\nhead = keras.layers.Conv2D(1, 1, activation=\"softmax\")\nout = keras.ops.convert_to_numpy(head(features))\nprint(\"layer output, lowest and highest:\", [float(out.min()), float(out.max())])\n"
    );
    let torch = format!(
        "import torch\nfrom torch import nn\n\nz = torch.tensor([{zs}], requires_grad=True)  # one pixel's logit\np = torch.softmax(z, dim=0)  # softmax over one channel\nprint(\"softmax over one channel:\", p.item())\np.sum().backward()\nprint(\"its gradient:\", z.grad.item())  # e^z / e^z does not change with z\nprint(\"sigmoid:\", torch.sigmoid(z).item())\ntwo = torch.cat([torch.zeros(1), z.detach()])  # two channels: background 0, object z\nprint(\"two-channel softmax, object:\", torch.softmax(two, dim=0)[1].item())\n\n# The trap as a layer: one output channel, softmax over the channel axis (dim=1).\ntorch.manual_seed(0)\nfeatures = torch.randn(1, 8, 24, 24)\nout = torch.softmax(nn.Conv2d(8, 1, 1)(features), dim=1)\nprint(\"layer output, lowest and highest:\", [out.min().item(), out.max().item()])\n"
    );
    let mut torch_prints = vec![heads[0].clone(), Printed::same("its gradient", vec![0.0])];
    torch_prints.extend(heads[1..].iter().cloned());
    torch_prints.push(layer.clone());
    let mut keras_prints = heads;
    keras_prints.push(layer);
    vec![
        Program::keras(keras, keras_prints).with_note("Recent Keras 3 versions print a UserWarning about a softmax over an axis of size 1, then build the layer (and train the model) anyway."),
        Program::pytorch(torch, torch_prints).with_note("In a PyTorch model the same trap is nn.Conv2d(k, 1, 1) followed by torch.softmax(…, dim=1), or nn.CrossEntropyLoss on one channel: its loss is 0 and so is its gradient."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

    #[test]
    fn the_truth_is_written_as_runs() {
        let truth = object_mask();
        let code = truth_runs(&truth, PAINT_SIZE);
        let mut rebuilt = vec![0.0; truth.len()];
        for line in code.lines() {
            let inner = &line[2..line.find(']').unwrap()];
            let (row, cols) = inner.split_once(", ").unwrap();
            let (c0, c1) = cols.split_once(':').unwrap();
            let row: usize = row.parse().unwrap();
            for c in c0.parse::<usize>().unwrap()..c1.parse().unwrap() {
                rebuilt[row * PAINT_SIZE + c] = 1.0;
            }
        }
        assert_eq!(rebuilt, truth);
    }

    #[test]
    fn paintings_are_whole_per_cents_or_written_in_full() {
        assert!(as_percent(&initial_prediction()).is_some());
        for seed in 0..20 {
            let (p, w) = random_painting(&mut Rng::new(seed));
            assert!(as_percent(&p).is_some(), "seed {seed}");
            assert!((1.0..=40.0).contains(&w) && (w * 2.0).fract() == 0.0);
            assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
        }
        assert!(as_percent(&[0.123]).is_none());
        assert!(painted_array(&[0.123; 576], true).contains("0.123"));
    }

    #[test]
    fn float32_keras_bce_differs_only_where_one_meets_background() {
        let truth = object_mask();
        let p = initial_prediction();
        let m = mask_metrics(&truth, &p, 1.0);
        assert!((keras_float32_bce(&truth, &p, 1.0) - m.bce).abs() < 1e-6 * m.bce);
        let ones = vec![1.0; 576];
        let m = mask_metrics(&truth, &ones, 1.0);
        let k = keras_float32_bce(&truth, &ones, 1.0);
        assert!((k - 552.0 / 576.0 * 15.942385).abs() < 1e-5, "{k}");
        assert!((k - m.bce).abs() > 0.1);
    }

    #[test]
    fn shapes_print_the_loss_only_when_the_output_fits() {
        let start = ShapeSetup::start();
        let ps = shape_programs(&start);
        assert_eq!(
            ps[0].prints.len(),
            2,
            "the thread's layer shrinks the image"
        );
        assert!(ps[0].code.contains("Convolution2D(3, 3, 3"));
        let same = ShapeSetup {
            last_layer: LastLayer::Same3,
            ..start
        };
        let ps = shape_programs(&same);
        let k = ps[0].flat_on(Backends::JAX);
        assert_eq!(&k[..8], &[8.0, 128.0, 128.0, 3.0, 8.0, 128.0, 128.0, 3.0]);
        assert!((k[8] - 3f64.ln()).abs() < 1e-12);
        let t = ps[1].flat_on(Backends::ALL);
        assert_eq!(&t[..8], &[8.0, 3.0, 128.0, 128.0, 8.0, 3.0, 128.0, 128.0]);
        let trap = ShapeSetup { classes: 1, ..same };
        let ps = shape_programs(&trap);
        assert!(ps[0].depends_on_backend());
        assert_eq!(ps[1].prints[2].on(Backends::ALL), Some(&[0.0][..]));
    }

    #[test]
    fn reshape_prints_follow_the_mode() {
        let ps = reshape_programs(Flatten::ThreadReshapePermute);
        let v = ps[0].flat_on(Backends::ALL);
        assert_eq!(v.len(), 3);
        assert!((v[0] - v[1]).abs() > 0.5 && v[1] == v[2]);
        assert_eq!(ps[1].flat_on(Backends::ALL), v);
        assert_eq!(reshape_programs(Flatten::NoReshape)[0].prints.len(), 1);
    }
}
