//! Step 1's programs: the set-up on screen as a model on a blank batch, printing its shapes.

use crate::lessons::code::{Printed, Program, ShapeStyle};
use crate::math;
use crate::model::rng::Rng;
use crate::model::segmentation::{
    shape_text, Framework, Head, LabelFormat, LastLayer, ShapeReport, ShapeSetup,
};
use std::fmt::Write;

/// A set-up the radio buttons, the class slider (1 to 8) and the layer menu can make.
pub(super) fn random_setup(r: &mut Rng) -> ShapeSetup {
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

/// The blank labels of a set-up as Keras and as PyTorch code (every pixel background).
fn blank_labels(s: &ShapeSetup) -> (String, String) {
    let (b, h, w, c) = (s.batch, s.height, s.width, s.channels());
    match (s.head, s.labels) {
        (Head::Sigmoid, _) => (
            format!("labels = np.zeros(({b}, {h}, {w}, 1), dtype=\"float32\")  # the 0/1 mask (blank: all background)"),
            format!("labels = torch.zeros({b}, 1, {h}, {w})  # the 0/1 mask as floats (blank: all background)"),
        ),
        (Head::Softmax, LabelFormat::Sparse) => (
            format!("labels = np.zeros(({b}, {h}, {w}), dtype=\"int32\")  # one class index per pixel (all 0 here)"),
            format!("labels = torch.zeros({b}, {h}, {w}, dtype=torch.long)  # one class index per pixel (all 0 here)"),
        ),
        (Head::Softmax, LabelFormat::OneHot) => (
            format!("classes = np.zeros(({b}, {h}, {w}), dtype=\"int32\")  # one class index per pixel (all 0 here)\nlabels = keras.ops.one_hot(classes, {c})  # one-hot, channels last"),
            format!("classes = torch.zeros({b}, {h}, {w}, dtype=torch.long)  # one class index per pixel (all 0 here)\n# one_hot puts the classes last: permute (a transpose) moves them to axis 1\nlabels = F.one_hot(classes, {c}).permute(0, 3, 1, 2).float()"),
        ),
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
    // Shapes as each framework prints them: a tuple in Keras, torch.Size in PyTorch.
    let shape_prints = |r: &ShapeReport, style: ShapeStyle| {
        vec![
            Printed::shape("output shape", &r.output, style),
            Printed::shape("labels shape", &r.target, style),
        ]
    };
    // What the head is, and what it gives (and costs) when every logit is 0.
    let (act, blank_p, blank_loss) = match s.head {
        Head::Softmax => ("softmax", "every class 1/C", "ln C"),
        Head::Sigmoid => ("sigmoid", "p = 0.5", "ln 2"),
    };
    let comment = layer_comment(s.last_layer);
    let mismatch = format!(
        "# No loss: the output is {oh} × {ow} pixels, the labels {h} × {w}, so\n# loss_fn(labels, pred) stops with a shape error.\n"
    );

    let (keras_labels, torch_labels) = blank_labels(s);

    // Keras
    let mut k = format!(
        "import numpy as np\nimport keras\n\n# A blank batch of {b} RGB images of {h} × {w} pixels, channels last: only the\n# shapes matter here.\nimages = np.zeros({input}, dtype=\"float32\")\ninputs = keras.Input(shape=({h}, {w}, 3))\n# Stand-in for the encoder-decoder: 64 features per pixel, same height and width.\nx = keras.layers.Conv2D(64, 1, activation=\"relu\")(inputs)\noutputs = {layer}(x){comment}\nmodel = keras.Model(inputs, outputs)\npred = model(images)\nprint(\"output shape:\", tuple(pred.shape))  # tuple(): the same on every backend\n\n",
        input = shape_text(&kr.input),
        layer = kr.layer_code,
    );
    let _ = writeln!(
        k,
        "{keras_labels}\nprint(\"labels shape:\", tuple(labels.shape))\nloss_fn = {}",
        kr.loss_code
    );
    let mut keras_prints = shape_prints(&kr, ShapeStyle::Tuple);
    let squeezed = s.head == Head::Softmax && c == 1 && s.labels == LabelFormat::Sparse;
    if fits && squeezed {
        k.push_str("# No loss: Keras drops pred's class axis of size 1 to match the labels' rank, and the\n# sparse loss, finding no class axis left, stops with a ValueError.\n");
    } else if fits {
        let _ = writeln!(
            k,
            "# Blank images give 0 features and Keras starts biases at 0, so every logit is 0:\n# the {act} gives {blank_p}, and the loss is {blank_loss}.\nprint(\"loss:\", float(loss_fn(labels, pred)))",
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
    let _ = writeln!(
        t,
        "{torch_labels}\nprint(\"labels shape:\", labels.shape)\nloss_fn = {}",
        tr.loss_code
    );
    let mut torch_prints = shape_prints(&tr, ShapeStyle::TorchSize);
    if fits {
        let _ = writeln!(
            t,
            "print(\"loss:\", loss_fn(logits, labels).item())  # logits 0: {blank_loss}",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::code::Backends;

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
}
