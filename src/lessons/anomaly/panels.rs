//! Lesson 5's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks).
//!
//! The page trains its models in the browser, in f64, from its own seeded start: no
//! framework reproduces those runs digit for digit. So each program holds the numbers the
//! page shows (a picture, or the 190 test scores rounded to the 4 significant digits the
//! page itself uses) and prints what the page computes from them, and it defines the
//! models as the page trains them, printing only what does not depend on a random start.

use crate::format::format4;
use crate::lessons::code::{py, snap, state_for, PanelSet, Printed, Program};
use crate::math;
use crate::model::anomaly::{
    kind_rates, r_squared, supervised_training_set, threshold_for_false_alarms, ClassifierTraining,
    Dataset, Kind, Lab, BATCH_SIZE, CLASSIFIER_EPOCHS, CLASSIFIER_LEARNING_RATE, EPOCHS, HIDDEN,
    LEARNING_RATE, PARAMETERS, PIXELS, SIDE, TRAIN_NORMAL, TRAIN_SCRATCH,
};
use crate::model::regression::Head;
use std::sync::OnceLock;

use super::{GALLERY_PER_KIND, LOG_THRESHOLD_RANGE, LOG_THRESHOLD_STEP};

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[
    PanelSet {
        page: "anomaly-detection",
        step: "parts",
        make: |seed| {
            let pick = state_for(seed, || 0, |r| r.below(4 * GALLERY_PER_KIND));
            let data = Dataset::seeded();
            let (index, kind) = gallery(&data)[pick];
            parts_programs(index, kind, &data.test[index].pixels)
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "train",
        make: |seed| train_programs(state_for(seed, || 0, |r| 1 + r.below(EPOCHS)), None),
    },
    PanelSet {
        page: "anomaly-detection",
        step: "threshold",
        make: |seed| {
            let lab = trained_lab();
            let t = state_for(
                seed,
                || lab.suggested_threshold(),
                |r| {
                    let (lo, hi) = LOG_THRESHOLD_RANGE;
                    10f64.powf(snap(r.range(lo, hi), LOG_THRESHOLD_STEP))
                },
            );
            threshold_programs(&lab.data().test_labels(), &shown(lab.test_errors()), t)
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "inspect",
        make: |seed| {
            let lab = trained_lab();
            let i = state_for(seed, || 0, |r| r.below(lab.data().test.len()));
            let x = &lab.data().test[i].pixels;
            inspect_programs(
                i,
                lab.data().test[i].kind,
                x,
                &lab.training().model().reconstruct(x),
            )
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "supervised",
        make: |seed| {
            let (steps, budget) = state_for(
                seed,
                || (CLASSIFIER_EPOCHS, 0.05),
                |r| {
                    // Trained to the end (the button), or replayed from a link to any step.
                    let steps = if r.below(3) == 0 {
                        1 + r.below(CLASSIFIER_EPOCHS)
                    } else {
                        CLASSIFIER_EPOCHS
                    };
                    (steps, snap(r.range(0.0, 0.25), 0.01))
                },
            );
            let lab = trained_lab();
            let p = classifier_probabilities(lab.data(), steps);
            supervised_programs(steps, budget, &p, lab.data())
        },
    },
    PanelSet {
        page: "anomaly-detection",
        step: "thread-code",
        make: |seed| {
            // Two set-ups: the thread's (the default) and the classification one.
            let head = state_for(seed, || Head::LinearMse, |_| Head::SigmoidBce);
            let lab = trained_lab();
            thread_programs(
                head,
                &shown(&lab.pixel_raw(head)),
                &lab.data().test_labels(),
            )
        },
    },
];

/// The lab with every model trained to the end, once (for the checker's states).
fn trained_lab() -> &'static Lab {
    static LAB: OnceLock<Lab> = OnceLock::new();
    LAB.get_or_init(|| {
        let mut lab = Lab::new();
        lab.finish_autoencoder();
        while lab.work_pixel_model(Head::SigmoidBce) {}
        while lab.work_pixel_model(Head::LinearMse) {}
        lab
    })
}

/// The first step's gallery: (test index, kind) of each picture, row by row.
pub fn gallery(data: &Dataset) -> Vec<(usize, Kind)> {
    Kind::ALL
        .iter()
        .flat_map(|k| {
            data.test_indices(*k)
                .into_iter()
                .take(GALLERY_PER_KIND)
                .map(move |i| (i, *k))
        })
        .collect()
}

/// A number rounded to 4 significant digits, as the page shows it.
pub fn sig4(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{x:.3e}").parse().unwrap_or(x)
}

/// Scores as the page shows and uses them: rounded to 4 significant digits, so a program
/// holding the numbers on screen computes exactly what the page does.
pub fn shown(scores: &[f64]) -> Vec<f64> {
    scores.iter().map(|s| sig4(*s)).collect()
}

/// The classifier's probabilities on the test pictures after `steps` full-batch steps, as
/// the page shows them (4 significant digits).
pub fn classifier_probabilities(data: &Dataset, steps: usize) -> Vec<f64> {
    let (images, labels) = supervised_training_set(data);
    let mut run = ClassifierTraining::new(Head::SigmoidBce, steps.min(CLASSIFIER_EPOCHS));
    run.finish(&images, &labels);
    let p: Vec<f64> = data
        .test
        .iter()
        .map(|s| run.model().predict(&s.pixels))
        .collect();
    shown(&p)
}

/// A picture as a camera saves it: 8-bit grey levels, 0 (black) to 255 (white).
pub fn grey_levels(pixels: &[f64]) -> Vec<u8> {
    pixels
        .iter()
        .map(|p| (p.clamp(0.0, 1.0) * 255.0).round() as u8)
        .collect()
}

/// Brightest, darkest and mean pixel of a picture saved as grey levels, in [0, 1].
pub fn grey_stats(grey: &[u8]) -> [f64; 3] {
    let x: Vec<f64> = grey.iter().map(|g| *g as f64 / 255.0).collect();
    [
        x.iter().copied().fold(0.0, f64::max),
        x.iter().copied().fold(1.0, f64::min),
        x.iter().sum::<f64>() / x.len().max(1) as f64,
    ]
}

/// Rows of `per_row` items, indented, for a long Python list.
fn block(items: &[String], per_row: usize) -> String {
    let rows: Vec<String> = items
        .chunks(per_row.max(1))
        .map(|c| format!("    {},", c.join(", ")))
        .collect();
    format!("[\n{}\n]", rows.join("\n"))
}

/// A long list of numbers for Python, ten a row.
fn py_block(values: &[f64]) -> String {
    block(&values.iter().map(|v| py(*v)).collect::<Vec<_>>(), 10)
}

/// A picture as a Python 12×12 list of rows, each number with `decimals` decimals.
fn py_picture(values: &[f64], decimals: usize) -> String {
    let rows: Vec<String> = values
        .chunks(SIDE)
        .map(|r| {
            format!(
                "    [{}],",
                r.iter()
                    .map(|v| format!("{v:.decimals$}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    format!("[\n{}\n]", rows.join("\n"))
}

/// Runs of equal items: `[a, a, b]` → `[(a, 2), (b, 1)]`.
fn runs<T: PartialEq + Copy>(v: &[T]) -> Vec<(T, usize)> {
    let mut out: Vec<(T, usize)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((y, n)) if y == x => *n += 1,
            _ => out.push((*x, 1)),
        }
    }
    out
}

/// The 0/1 labels as a short Python expression: `[0] * 100 + [1] * 90`.
fn py_labels(labels: &[f64]) -> String {
    runs(labels)
        .iter()
        .map(|(y, n)| format!("[{}] * {n}", *y as i64))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The test pictures' kinds, as a NumPy expression.
fn py_kinds(kinds: &[Kind]) -> String {
    let r = runs(kinds);
    format!(
        "np.repeat([{}], [{}])",
        r.iter()
            .map(|(k, _)| format!("\"{}\"", k.name()))
            .collect::<Vec<_>>()
            .join(", "),
        r.iter()
            .map(|(_, n)| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A picture's kind with its article: "a good part", "a scratch", …
fn a_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Normal => "a good part",
        Kind::Scratch => "a scratch",
        Kind::Spot => "a spot",
        Kind::MissingPiece => "a missing piece",
    }
}

/// How the test set is laid out, in words.
fn layout(kinds: &[Kind]) -> String {
    runs(kinds)
        .iter()
        .map(|(k, n)| {
            let name = match k {
                Kind::Normal => "good parts",
                Kind::Scratch => "scratches",
                Kind::Spot => "spots",
                Kind::MissingPiece => "missing pieces",
            };
            format!("{n} {name}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn test_kinds(labels: &[f64]) -> Vec<Kind> {
    // The test set lists good parts, then each defect kind in turn (Dataset::seeded).
    let data = Dataset::seeded();
    if data.test.len() == labels.len() {
        data.test.iter().map(|s| s.kind).collect()
    } else {
        labels
            .iter()
            .map(|y| {
                if *y == 1.0 {
                    Kind::Scratch
                } else {
                    Kind::Normal
                }
            })
            .collect()
    }
}

// -------------------------------------------------------------------------------------
// Step 1: the pictures as arrays

/// Step 1: one picture as the camera saves it, its brightest, darkest and mean pixel, and
/// the shapes a dense and a convolutional model take.
pub fn parts_programs(index: usize, kind: Kind, pixels: &[f64]) -> Vec<Program> {
    let grey = grey_levels(pixels);
    let [hi, lo, mean] = grey_stats(&grey);
    let rows: Vec<String> = grey
        .chunks(SIDE)
        .map(|r| {
            format!(
                "    [{}],",
                r.iter()
                    .map(|g| format!("{g:3}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    let grid = format!("[\n{}\n]", rows.join("\n"));
    let stats = || {
        vec![
            Printed::same("brightest", vec![hi]),
            Printed::same("darkest", vec![lo]),
            Printed::same("mean", vec![mean]),
        ]
    };
    let with_shapes = |dense: Vec<f64>, conv: Vec<f64>| {
        let mut p = stats();
        p.push(Printed::same("dense input shape", dense));
        p.push(Printed::same("conv input shape", conv));
        p
    };
    let s = SIDE as f64;
    let name = a_kind(kind);
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n# Test picture {index} ({name}) as the camera saves it: {SIDE}×{SIDE} grey levels, 0 = black, 255 = white\ngrey = np.array({grid}, dtype=\"uint8\")\nx = grey.astype(\"float32\") / 255.0  # grey levels in [0, 1], what the model reads\nprint(\"brightest:\", float(x.max()))\nprint(\"darkest:\", float(x.min()))\nprint(\"mean:\", float(x.mean()))\n\nbatch = x[np.newaxis, :, :, np.newaxis]  # a batch of one picture with one channel (channels last)\n# A Dense autoencoder reads flat vectors; a Conv2D model keeps the picture as it is\nprint(\"dense input shape:\", tuple(keras.layers.Flatten()(batch).shape))\nprint(\"conv input shape:\", batch.shape)\n"
            ),
            with_shapes(vec![1.0, PIXELS as f64], vec![1.0, s, s, 1.0]),
        )
        .with_note(format!("For the whole training set the shapes are ({TRAIN_NORMAL}, {PIXELS}) and ({TRAIN_NORMAL}, {SIDE}, {SIDE}, 1).")),
        Program::pytorch(
            format!(
                "import torch\n\n# Test picture {index} ({name}) as the camera saves it: {SIDE}×{SIDE} grey levels, 0 = black, 255 = white\ngrey = torch.tensor({grid}, dtype=torch.uint8)\nx = grey.float() / 255  # grey levels in [0, 1], what the model reads\nprint(\"brightest:\", x.max().item())\nprint(\"darkest:\", x.min().item())\nprint(\"mean:\", x.mean().item())\n\nbatch = x[None]  # a batch of one picture\nprint(\"dense input shape:\", tuple(batch.flatten(1).shape))  # for nn.Linear\nprint(\"conv input shape:\", tuple(batch[:, None].shape))  # for nn.Conv2d: channels first\n"
            ),
            with_shapes(vec![1.0, PIXELS as f64], vec![1.0, 1.0, s, s]),
        )
        .with_note("PyTorch puts the channel before height and width; Keras puts it last."),
    ]
}

// -------------------------------------------------------------------------------------
// Step 2: the autoencoder

/// The stand-in good parts both training programs build: the page's recipe (shading,
/// brushing waves, sensor noise σ = 0.015) drawn with NumPy's own seeded generator.
const STAND_IN: &str = "# Stand-in good parts, made like the page's: shading, faint brushing waves, sensor noise\nrng = np.random.default_rng(5)\nn = 240\nu, v = np.meshgrid((np.arange(12) + 0.5) / 12 - 0.5, (np.arange(12) + 0.5) / 12 - 0.5)\nbase, gx, gy = rng.uniform(0.4, 0.6, (n, 1, 1)), rng.uniform(-0.15, 0.15, (n, 1, 1)), rng.uniform(-0.15, 0.15, (n, 1, 1))\namp, angle, phase = rng.uniform(0.03, 0.08, (n, 1, 1)), rng.uniform(-0.35, 0.35, (n, 1, 1)), rng.uniform(0, 2 * np.pi, (n, 1, 1))\nwaves = amp * np.cos(3 * np.pi * (-u * np.sin(angle) + v * np.cos(angle)) + phase)\nsurface = base + gx * u + gy * v + waves + 0.015 * rng.standard_normal((n, 12, 12))\nx_normal = np.clip(surface, 0, 1).reshape(n, 144).astype(\"float32\")\n";

/// Step 2: the autoencoder as the page trains it. What its run prints depends on the
/// random start and shuffles, so the programs print what does not: the parameter count
/// and the number of Adam steps.
pub fn train_programs(epoch: usize, loss: Option<f64>) -> Vec<Program> {
    let per_epoch = TRAIN_NORMAL.div_ceil(BATCH_SIZE);
    let prints = || {
        vec![
            Printed::same("parameters", vec![PARAMETERS as f64]),
            Printed::same("minibatch steps per epoch", vec![per_epoch as f64]),
            Printed::same("Adam steps so far", vec![(epoch * per_epoch) as f64]),
        ]
    };
    let lr = py(LEARNING_RATE);
    let page = match loss {
        Some(l) => format!(" (the page's run: {} at epoch {epoch})", format4(l)),
        None => String::new(),
    };
    let note = format!("These programs train on stand-in pictures from their own random start and shuffles, so their loss falls like the page's but with other digits{page}; only the counts are compared. Change epochs=1 to {EPOCHS} to train the whole run.");
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n{STAND_IN}\n# {PIXELS} pixels → {HIDDEN} numbers (the code) → {PIXELS} pixels\ninputs = keras.Input(shape=({PIXELS},))\ncode = keras.layers.Dense({HIDDEN}, activation=\"tanh\")(inputs)  # Glorot-uniform start, as on the page\noutputs = keras.layers.Dense({PIXELS}, activation=\"sigmoid\")(code)\nautoencoder = keras.Model(inputs, outputs)\nautoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=\"mse\")  # Adam's ε = 1e-7\nprint(\"parameters:\", autoencoder.count_params())\n\n# The input is also the target: good parts only\nhistory = autoencoder.fit(x_normal, x_normal, epochs=1, batch_size={BATCH_SIZE}, shuffle=True, verbose=0)\nper_epoch = int(keras.ops.convert_to_numpy(autoencoder.optimizer.iterations))\nprint(\"minibatch steps per epoch:\", per_epoch)\nepochs = {epoch}  # where the page's run is now\nprint(\"Adam steps so far:\", epochs * per_epoch)\n"
            ),
            prints(),
        )
        .with_note(note.clone()),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\nfrom torch import nn\n\ntorch.manual_seed(0)\n{STAND_IN}x_normal = torch.from_numpy(x_normal)\n\nautoencoder = nn.Sequential(nn.Linear({PIXELS}, {HIDDEN}), nn.Tanh(), nn.Linear({HIDDEN}, {PIXELS}), nn.Sigmoid())\nfor layer in autoencoder[0], autoencoder[2]:  # Keras' start: PyTorch's own is Kaiming-uniform\n    nn.init.xavier_uniform_(layer.weight)\n    nn.init.zeros_(layer.bias)\nprint(\"parameters:\", sum(p.numel() for p in autoencoder.parameters()))\nopt = torch.optim.Adam(autoencoder.parameters(), lr={lr}, eps=1e-7)  # Keras' ε (PyTorch's default is 1e-8)\n\nloader = torch.utils.data.DataLoader(x_normal, batch_size={BATCH_SIZE}, shuffle=True)\nper_epoch = 0\nfor epoch in range(1):\n    for x in loader:\n        loss = nn.functional.mse_loss(autoencoder(x), x)  # the input is also the target\n        opt.zero_grad()\n        loss.backward()\n        opt.step()\n        per_epoch += 1\nprint(\"minibatch steps per epoch:\", per_epoch)\nepochs = {epoch}  # where the page's run is now\nprint(\"Adam steps so far:\", epochs * per_epoch)\n"
            ),
            prints(),
        )
        .with_note(note.replace("epochs=1", "range(1)")),
    ]
}

// -------------------------------------------------------------------------------------
// Step 3: threshold, precision, recall and AUC

/// How Keras' default `AUC()` sees these scores: the largest, and how many of its 200
/// buckets (thresholds 1/199 apart) they occupy.
pub fn keras_buckets(scores: &[f64]) -> (f64, usize) {
    let top = scores.iter().copied().fold(0.0, f64::max);
    let mut buckets: Vec<i64> = scores
        .iter()
        .map(|s| ((s.clamp(0.0, 1.0) * 199.0).ceil() - 1.0).max(0.0) as i64)
        .collect();
    buckets.sort_unstable();
    buckets.dedup();
    (top, buckets.len())
}

/// Step 3: the confusion counts, precision and recall at the threshold on screen, and the
/// ROC AUC three ways, from the 190 reconstruction errors as the page shows them.
pub fn threshold_programs(labels: &[f64], errors: &[f64], t: f64) -> Vec<Program> {
    let cm = math::confusion_matrix(labels, errors, t).unwrap_or_default();
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let precision = ratio(cm.tp, cm.tp + cm.fp);
    let recall = ratio(cm.tp, cm.tp + cm.fn_);
    let exact = math::roc_auc(labels, errors).unwrap_or(f64::NAN);
    let keras_raw = math::keras_auc(labels, errors, 200).unwrap_or(f64::NAN);
    let top = errors.iter().copied().fold(0.0, f64::max);
    // What the program computes in float32: each error divided by the largest.
    let rescaled: Vec<f64> = errors
        .iter()
        .map(|e| (*e as f32 / top as f32) as f64)
        .collect();
    let keras_rescaled = math::keras_auc(labels, &rescaled, 200).unwrap_or(f64::NAN);
    let (_, used) = keras_buckets(errors);
    let kinds = test_kinds(labels);
    let data = py_block(errors);
    let y = py_labels(labels);
    let where_ = layout(&kinds);
    let n = errors.len();
    let tt = py(t);
    let counts = || {
        vec![
            Printed::same("caught", vec![cm.tp as f64]),
            Printed::same("false alarms", vec![cm.fp as f64]),
            Printed::same("precision", vec![precision]),
            Printed::same("recall", vec![recall]),
        ]
    };
    let mut keras_prints = counts();
    keras_prints.extend([
        Printed::same("Keras AUC on the errors", vec![keras_raw]),
        Printed::same(
            "Keras AUC on errors over their maximum",
            vec![keras_rescaled],
        ),
        Printed::same("exact AUC", vec![exact]),
    ]);
    let mut torch_prints = counts();
    torch_prints.push(Printed::same("exact AUC", vec![exact]));
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\nfrom sklearn.metrics import roc_auc_score  # scikit-learn, for the exact ROC AUC\n\n# The {n} test pictures' reconstruction errors, as the page shows them (4 significant digits):\n# {where_}\nerrors = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")  # 1 = defect\n\nt = {tt}  # the threshold on screen: a picture is flagged when its error is above t\nflagged = errors > t\nprint(\"caught:\", int(np.sum(flagged & (y_test == 1))))\nprint(\"false alarms:\", int(np.sum(flagged & (y_test == 0))))\nprecision = keras.metrics.Precision(thresholds=t)\nprecision.update_state(y_test, errors)\nprint(\"precision:\", float(precision.result()))\nrecall = keras.metrics.Recall(thresholds=t)\nrecall.update_state(y_test, errors)\nprint(\"recall:\", float(recall.result()))\n\n# ROC AUC. Keras' default AUC() puts 200 thresholds evenly over [0, 1], made for probabilities\nauc = keras.metrics.AUC()\nauc.update_state(y_test, errors)\nprint(\"Keras AUC on the errors:\", float(auc.result()))\nauc = keras.metrics.AUC()\nauc.update_state(y_test, errors / errors.max())  # the same order, spread over [0, 1]\nprint(\"Keras AUC on errors over their maximum:\", float(auc.result()))\nprint(\"exact AUC:\", roc_auc_score(y_test, errors))  # every score is its own threshold\n"
            ),
            keras_prints,
        )
        .with_note(format!("Precision and recall count an error strictly above t as flagged, like the table. The largest error is {}, so all {n} errors fall in {used} of AUC()'s 200 buckets (thresholds 1/199 apart), and errors sharing a bucket count as ties.", format4(top))),
        Program::pytorch(
            format!(
                "import torch\nfrom torchmetrics.functional.classification import binary_auroc, binary_precision, binary_recall  # torchmetrics\n\n# The {n} test pictures' reconstruction errors, as the page shows them (4 significant digits):\n# {where_}\nerrors = torch.tensor({data})\ny_test = torch.tensor({y})  # 1 = defect\n\nt = {tt}  # the threshold on screen: a picture is flagged when its error is above t\nflagged = errors > t\nprint(\"caught:\", int((flagged & (y_test == 1)).sum()))\nprint(\"false alarms:\", int((flagged & (y_test == 0)).sum()))\nprint(\"precision:\", binary_precision(errors, y_test, threshold=t).item())\nprint(\"recall:\", binary_recall(errors, y_test, threshold=t).item())\nprint(\"exact AUC:\", binary_auroc(errors, y_test).item())  # thresholds=None: exact, like roc_auc_score\n"
            ),
            torch_prints,
        )
        .with_note("torchmetrics flags scores above t too. (It would first apply a sigmoid to scores outside [0, 1]; reconstruction errors never are.)"),
    ]
}

// -------------------------------------------------------------------------------------
// Step 4: one picture's error map

/// Decimals of the pictures in step 4's programs.
const INSPECT_DECIMALS: usize = 5;

fn rounded(values: &[f64], decimals: usize) -> Vec<f64> {
    values
        .iter()
        .map(|v| format!("{v:.decimals$}").parse().unwrap_or(*v))
        .collect()
}

/// Step 4: the error map of one picture and its reconstruction, its mean (the anomaly
/// score) and its largest pixel.
pub fn inspect_programs(index: usize, kind: Kind, x: &[f64], x_hat: &[f64]) -> Vec<Program> {
    let (xr, hr) = (
        rounded(x, INSPECT_DECIMALS),
        rounded(x_hat, INSPECT_DECIMALS),
    );
    let map: Vec<f64> = xr.iter().zip(&hr).map(|(a, b)| (b - a) * (b - a)).collect();
    let mean = map.iter().sum::<f64>() / map.len().max(1) as f64;
    let peak = map.iter().copied().fold(0.0, f64::max);
    let (px, ph) = (
        py_picture(&xr, INSPECT_DECIMALS),
        py_picture(&hr, INSPECT_DECIMALS),
    );
    let name = a_kind(kind);
    let mut keras_prints = vec![
        Printed::same("reconstruction error", vec![mean]),
        Printed::same("largest pixel error", vec![peak]),
    ];
    let torch_prints = keras_prints.clone();
    keras_prints.push(Printed::same("Keras MSE", vec![mean]));
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\n\n# Test picture {index} ({name}) and the autoencoder's reconstruction of it, as on screen\nx = np.array({px}, dtype=\"float32\")\nx_hat = np.array({ph}, dtype=\"float32\")  # autoencoder.predict(x.reshape(1, {PIXELS})), reshaped\n\nerror_map = keras.ops.square(x_hat - x)  # the third panel: (x̂ − x)² per pixel\nprint(\"reconstruction error:\", float(keras.ops.mean(error_map)))  # the anomaly score\nprint(\"largest pixel error:\", float(keras.ops.max(error_map)))\n# The same score is the training loss of this one picture\nprint(\"Keras MSE:\", float(keras.losses.MeanSquaredError()(x.reshape(1, -1), x_hat.reshape(1, -1))))\n"
            ),
            keras_prints,
        )
        .with_note(format!("The pictures are rounded to {INSPECT_DECIMALS} decimals, so the error can differ from the page's in the fourth digit. The anomaly score is the mean of the error map: one number per picture, comparable across pictures.")),
        Program::pytorch(
            format!(
                "import torch\n\n# Test picture {index} ({name}) and the autoencoder's reconstruction of it, as on screen\nx = torch.tensor({px})\nx_hat = torch.tensor({ph})  # autoencoder(x.reshape(1, {PIXELS})), reshaped\n\nerror_map = (x_hat - x) ** 2  # the third panel: (x̂ − x)² per pixel\nprint(\"reconstruction error:\", error_map.mean().item())  # the anomaly score\nprint(\"largest pixel error:\", error_map.max().item())\n"
            ),
            torch_prints,
        ),
    ]
}

// -------------------------------------------------------------------------------------
// Step 5: the classifier trained on scratches

/// Step 5: the classifier as the page builds it (its parameter count is all that does not
/// depend on the training data), then the comparison from its probabilities on screen:
/// the share of each kind flagged at p > 0.5 and at the false-alarm budget, and the exact
/// AUC against good parts for each defect kind.
pub fn supervised_programs(
    steps: usize,
    budget: f64,
    probabilities: &[f64],
    data: &Dataset,
) -> Vec<Program> {
    let kinds: Vec<Kind> = data.test.iter().map(|s| s.kind).collect();
    let normal: Vec<f64> = data
        .test_indices(Kind::Normal)
        .iter()
        .filter_map(|i| probabilities.get(*i).copied())
        .collect();
    let t = threshold_for_false_alarms(&normal, budget).unwrap_or(0.5);
    let half = kind_rates(data, probabilities, 0.5);
    let at_budget = kind_rates(data, probabilities, t);
    let prints = || {
        vec![
            Printed::same("parameters", vec![(PIXELS + 1) as f64]),
            Printed::same("flagged at one half", half.flagged.to_vec()),
            Printed::same("threshold", vec![t]),
            Printed::same("flagged at the budget", at_budget.flagged.to_vec()),
            Printed::same("AUC against good parts", at_budget.auc.to_vec()),
        ]
    };
    let p = py_block(probabilities);
    let kind_expr = py_kinds(&kinds);
    let lr = py(CLASSIFIER_LEARNING_RATE);
    let b = py(budget);
    let batch = TRAIN_NORMAL + TRAIN_SCRATCH;
    let defects = Kind::DEFECTS
        .iter()
        .map(|k| format!("\"{}\"", k.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let all = Kind::ALL
        .iter()
        .map(|k| format!("\"{}\"", k.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let n = probabilities.len();
    let common = format!("kind = {kind_expr}\nkinds = [{all}]\n\nprint(\"flagged at one half:\", [float(np.mean(p[kind == k] > 0.5)) for k in kinds])\n\n# The same false-alarm budget for every detector: flag that share of the good parts\nbudget = {b}\ngood = np.sort(p[kind == \"normal\"])[::-1]  # highest first\nt = good[int(budget * len(good) + 1e-9)]  # flagged when p > t\nprint(\"threshold:\", float(t))\nprint(\"flagged at the budget:\", [float(np.mean(p[kind == k] > t)) for k in kinds])\n");
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\nfrom sklearn.metrics import roc_auc_score  # scikit-learn, for the exact ROC AUC\n\n# The classifier of this step: one weight per pixel and a bias, one logit out\nclf = keras.Sequential([keras.Input(shape=({PIXELS},)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\nclf.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=keras.losses.BinaryCrossentropy(from_logits=True))\nprint(\"parameters:\", clf.count_params())\n# The page trained it from zero weights with whole-batch steps on {TRAIN_NORMAL} good parts (0) and {TRAIN_SCRATCH} scratches (1):\n# clf.fit(x_train, y_train, epochs={steps}, batch_size={batch}, verbose=0)\n# p = keras.ops.convert_to_numpy(keras.ops.sigmoid(clf.predict(x_test)[:, 0]))\n\n# Its probabilities on the {n} test pictures after {steps} steps, as the page shows them\np = np.array({p})\n{common}print(\"AUC against good parts:\", [roc_auc_score(kind[(kind == \"normal\") | (kind == k)] == k, p[(kind == \"normal\") | (kind == k)]) for k in [{defects}]])\n"
            ),
            prints(),
        )
        .with_note("Whole-batch steps from zero weights have nothing random in them, so Keras and PyTorch trained on the page's pictures reach these probabilities too, up to float32 rounding. The autoencoder's column is the same computation on step 3's reconstruction errors."),
        Program::pytorch(
            format!(
                "import numpy as np\nimport torch\nfrom torch import nn\nfrom torchmetrics.functional.classification import binary_auroc  # torchmetrics\n\n# The classifier of this step: one weight per pixel and a bias, one logit out\nclf = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(clf.weight)\nnn.init.zeros_(clf.bias)\nprint(\"parameters:\", sum(q.numel() for q in clf.parameters()))\nopt = torch.optim.Adam(clf.parameters(), lr={lr}, eps=1e-7)\n# The page trained it with {steps} whole-batch steps on {TRAIN_NORMAL} good parts (0) and {TRAIN_SCRATCH} scratches (1):\n# for step in range({steps}):\n#     loss = nn.functional.binary_cross_entropy_with_logits(clf(x_train)[:, 0], y_train)\n#     opt.zero_grad(); loss.backward(); opt.step()\n\n# Its probabilities on the {n} test pictures after {steps} steps, as the page shows them\np = np.array({p})\n{common}auc = []\nfor k in [{defects}]:\n    keep = torch.from_numpy((kind == \"normal\") | (kind == k))\n    auc.append(binary_auroc(torch.from_numpy(p)[keep], torch.from_numpy(kind == k)[keep].long()).item())\nprint(\"AUC against good parts:\", auc)\n"
            ),
            prints(),
        ),
    ]
}

// -------------------------------------------------------------------------------------
// Step 6: the thread's regressor and the classifier

/// What step 6 shows for a set-up, from the raw outputs z on screen (4 significant
/// digits): the outputs ŷ (z itself, or σ(z)), MSE, R² and, for the sigmoid, the binary
/// cross-entropy from the logits.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadScores {
    /// The outputs ŷ on the test pictures.
    pub outputs: Vec<f64>,
    /// Mean squared error against the 0/1 labels.
    pub mse: Option<f64>,
    /// R² of the outputs.
    pub r2: Option<f64>,
    /// Binary cross-entropy from the logits (sigmoid set-up only).
    pub bce: Option<f64>,
}

/// The numbers step 6 shows for a set-up, from its raw outputs as the page shows them.
pub fn thread_scores(head: Head, raw: &[f64], labels: &[f64]) -> ThreadScores {
    let outputs: Vec<f64> = raw.iter().map(|z| head.output(*z)).collect();
    ThreadScores {
        mse: math::mean_squared_error(labels, &outputs).ok(),
        r2: r_squared(labels, &outputs),
        bce: (head == Head::SigmoidBce)
            .then(|| math::binary_crossentropy(labels, raw, true).ok())
            .flatten(),
        outputs,
    }
}

/// Step 6: the thread's regressor (or the classifier) as a complete definition, then its
/// scores from the outputs on screen.
pub fn thread_programs(head: Head, raw: &[f64], labels: &[f64]) -> Vec<Program> {
    let s = thread_scores(head, raw, labels);
    let outside = s
        .outputs
        .iter()
        .filter(|v| !(0.0..=1.0).contains(*v))
        .count() as f64;
    let mse = s.mse.unwrap_or(f64::NAN);
    let r2 = s.r2.unwrap_or(f64::NAN);
    let data = py_block(raw);
    let y = py_labels(labels);
    let n = raw.len();
    let lr = py(CLASSIFIER_LEARNING_RATE);
    let batch = TRAIN_NORMAL + TRAIN_SCRATCH;
    let kinds = test_kinds(labels);
    let where_ = layout(&kinds);
    if head == Head::SigmoidBce {
        let bce = s.bce.unwrap_or(f64::NAN);
        let prints = || {
            vec![
                Printed::same("test binary cross-entropy", vec![bce]),
                Printed::same("test MSE", vec![mse]),
                Printed::same("R squared", vec![r2]),
                Printed::same("outputs outside the unit interval", vec![outside]),
            ]
        };
        return vec![
            Program::keras(
                format!(
                    "import numpy as np\nimport keras\nfrom sklearn.metrics import r2_score  # scikit-learn\n\n# The classification set-up: one logit, a sigmoid for the probability, binary cross-entropy\nclf = keras.Sequential([keras.Input(shape=({PIXELS},)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\nclf.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=keras.losses.BinaryCrossentropy(from_logits=True))\n# The page trained it like this on its pictures; clf.evaluate(x_test, y_test) then returns the test loss:\n# clf.fit(x_train, y_train, epochs={CLASSIFIER_EPOCHS}, batch_size={batch}, verbose=0)\n\n# Its logits z on the {n} test pictures, as the page shows them ({where_})\nz = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")\np = keras.ops.convert_to_numpy(keras.ops.sigmoid(z))  # probabilities, all inside (0, 1)\nprint(\"test binary cross-entropy:\", float(keras.losses.BinaryCrossentropy(from_logits=True)(y_test, z)))\nprint(\"test MSE:\", float(keras.losses.MeanSquaredError()(y_test, p)))\nprint(\"R squared:\", r2_score(y_test, p))\nprint(\"outputs outside the unit interval:\", int(np.sum((p < 0) | (p > 1))))\n"
                ),
                prints(),
            )
            .with_note("keras.wrappers.SKLearnClassifier one-hot encodes the targets, so it would need a two-unit softmax output; a plain fit is simpler for one sigmoid."),
            Program::pytorch(
                format!(
                    "import torch\nfrom torch import nn\nfrom torchmetrics.functional import r2_score  # torchmetrics\n\n# The classification set-up: one logit, trained with binary_cross_entropy_with_logits\nclf = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(clf.weight)\nnn.init.zeros_(clf.bias)\n\n# Its logits z on the {n} test pictures, as the page shows them ({where_})\nz = torch.tensor({data})\ny_test = torch.tensor({y}, dtype=torch.float32)\np = torch.sigmoid(z)\nprint(\"test binary cross-entropy:\", nn.functional.binary_cross_entropy_with_logits(z, y_test).item())\nprint(\"test MSE:\", nn.functional.mse_loss(p, y_test).item())\nprint(\"R squared:\", r2_score(p, y_test).item())\nprint(\"outputs outside the unit interval:\", int(((p < 0) | (p > 1)).sum()))\n"
                ),
                prints(),
            ),
        ];
    }
    let prints = || {
        vec![
            Printed::same("test MSE", vec![mse]),
            Printed::same("old KerasRegressor score", vec![-mse]),
            Printed::same("R squared", vec![r2]),
            Printed::same("outputs outside the unit interval", vec![outside]),
        ]
    };
    vec![
        Program::keras(
            format!(
                "import numpy as np\nimport keras\nfrom sklearn.metrics import r2_score  # scikit-learn (SKLearnRegressor needs it too)\n\n# The thread's set-up: a linear output trained with MSE on the labels 0 and 1\ndef build_model(X, y):\n    model = keras.Sequential([keras.Input(shape=(X.shape[1],)), keras.layers.Dense(1, kernel_initializer=\"zeros\")])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=\"mean_squared_error\")\n    return model\n\nreg = keras.wrappers.SKLearnRegressor(model=build_model, fit_kwargs={{\"epochs\": {CLASSIFIER_EPOCHS}, \"batch_size\": {batch}, \"verbose\": 0}})\n# The page trained it like this on its pictures: reg.fit(x_train, y_train).\n# reg.score(x_test, y_test) is then r2_score(y_test, reg.predict(x_test)).\n\n# Its outputs on the {n} test pictures, as the page shows them ({where_})\ny_pred = np.array({data}, dtype=\"float32\")\ny_test = np.array({y}, dtype=\"float32\")\nmse = float(keras.losses.MeanSquaredError()(y_test, y_pred))\nprint(\"test MSE:\", mse)\nprint(\"old KerasRegressor score:\", -mse)  # what the removed Keras 2 wrapper's score returned\nprint(\"R squared:\", r2_score(y_test, y_pred))  # what SciKeras and SKLearnRegressor's score return\nprint(\"outputs outside the unit interval:\", int(np.sum((y_pred < 0) | (y_pred > 1))))\n"
            ),
            prints(),
        )
        .with_note("The thread's keras.wrappers.scikit_learn.KerasRegressor(build_fn=…, nb_epoch=…) no longer exists; its score returned −MSE."),
        Program::pytorch(
            format!(
                "import torch\nfrom torch import nn\nfrom torchmetrics.functional import r2_score  # torchmetrics\n\n# The thread's set-up: a linear output trained with mse_loss on the labels 0 and 1\nreg = nn.Linear({PIXELS}, 1)\nnn.init.zeros_(reg.weight)\nnn.init.zeros_(reg.bias)\n\n# Its outputs on the {n} test pictures, as the page shows them ({where_})\ny_pred = torch.tensor({data})\ny_test = torch.tensor({y}, dtype=torch.float32)\nmse = nn.functional.mse_loss(y_pred, y_test).item()\nprint(\"test MSE:\", mse)\nprint(\"old KerasRegressor score:\", -mse)\nprint(\"R squared:\", r2_score(y_pred, y_test).item())\nprint(\"outputs outside the unit interval:\", int(((y_pred < 0) | (y_pred > 1)).sum()))\n"
            ),
            prints(),
        )
        .with_note("PyTorch has no scikit-learn wrapper of its own; the third-party skorch's NeuralNetRegressor scores with R² too."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_layout_helpers() {
        assert_eq!(sig4(0.000284312), 0.0002843);
        assert_eq!(sig4(-0.61884), -0.6188);
        assert_eq!(sig4(0.0), 0.0);
        assert_eq!(py_labels(&[0.0, 0.0, 1.0]), "[0] * 2 + [1] * 1");
        assert_eq!(grey_levels(&[0.0, 1.0, 0.5]), vec![0, 255, 128]);
        assert_eq!(grey_stats(&[0, 255]), [1.0, 0.0, 0.5]);
        let data = Dataset::seeded();
        let kinds: Vec<Kind> = data.test.iter().map(|s| s.kind).collect();
        assert_eq!(
            layout(&kinds),
            "100 good parts, 30 scratches, 30 spots, 30 missing pieces"
        );
        assert_eq!(gallery(&data).len(), 4 * GALLERY_PER_KIND);
        assert_eq!(
            py_kinds(&kinds),
            "np.repeat([\"normal\", \"scratch\", \"spot\", \"missing piece\"], [100, 30, 30, 30])"
        );
    }

    #[test]
    fn every_panel_set_builds_its_states() {
        for set in PANELS {
            for seed in [None, Some(1), Some(2), Some(3)] {
                let programs = (set.make)(seed);
                assert_eq!(programs.len(), 2, "{}", set.step);
                for p in programs {
                    for line in &p.prints {
                        for (_, v) in &line.values {
                            assert!(v.iter().all(|x| x.is_finite()), "{} {:?}", set.step, line);
                        }
                    }
                }
            }
        }
    }

    /// Rounding the scores to the 4 digits the page shows changes none of the figures the
    /// lesson states.
    #[test]
    fn the_shown_scores_keep_the_lessons_figures() {
        let lab = trained_lab();
        let y = lab.data().test_labels();
        let exact = lab.test_errors();
        let errors = shown(exact);
        let a = math::roc_auc(&y, exact).unwrap();
        let b = math::roc_auc(&y, &errors).unwrap();
        assert!((a - b).abs() < 1e-4, "{a} {b}");
        let t = lab.suggested_threshold();
        assert_eq!(
            kind_rates(lab.data(), &errors, t).flagged,
            kind_rates(lab.data(), exact, t).flagged
        );
        let (top, used) = keras_buckets(&errors);
        assert!(top > 0.015 && used >= 3, "{top} {used}");
        // The classifier: 26 of 30 scratches at p > 0.5, no spot.
        let p = classifier_probabilities(lab.data(), CLASSIFIER_EPOCHS);
        let half = kind_rates(lab.data(), &p, 0.5);
        assert!((half.flagged[1] - 26.0 / 30.0).abs() < 1e-12);
        assert_eq!(half.flagged[2], 0.0);
        // The thread's regressor: 28 outputs outside [0, 1], R² about −0.0655.
        let linear = thread_scores(Head::LinearMse, &shown(&lab.pixel_raw(Head::LinearMse)), &y);
        let outside = linear
            .outputs
            .iter()
            .filter(|v| !(0.0..=1.0).contains(*v))
            .count();
        assert_eq!(outside, 28);
        assert!((linear.r2.unwrap() + 0.0655).abs() < 1e-3);
    }
}
