//! Tensor shapes of a segmentation set-up in Keras and PyTorch, and what a convolution does.

/// Which framework's conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// Keras 3: channels last, (B, H, W, C).
    Keras,
    /// PyTorch: channels first, (N, C, H, W).
    PyTorch,
}

/// The model's output head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// C channels, softmax over the class axis.
    Softmax,
    /// One channel with a sigmoid (binary only).
    Sigmoid,
}

/// How the labels are written (for a softmax head).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelFormat {
    /// One-hot: a class axis of C zeros and ones.
    OneHot,
    /// Sparse: one integer class per pixel, no class axis.
    Sparse,
}

/// How the last layer is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastLayer {
    /// The thread's Keras 1 call `Convolution2D(C, 3, 3)`, read by Keras 3 as kernel 3,
    /// stride 3, padding "valid".
    ThreadCall,
    /// `Conv2D(C, 3)`: kernel 3, stride 1, padding "valid".
    Valid3,
    /// `Conv2D(C, 3, padding="same")`.
    Same3,
    /// `Conv2D(C, 1)`: a 1 × 1 convolution.
    OneByOne,
}

impl LastLayer {
    /// (kernel, stride, same padding).
    pub fn geometry(self) -> (usize, usize, bool) {
        match self {
            LastLayer::ThreadCall => (3, 3, false),
            LastLayer::Valid3 => (3, 1, false),
            LastLayer::Same3 => (3, 1, true),
            LastLayer::OneByOne => (1, 1, false),
        }
    }
}

/// Output length of a convolution along one axis: ⌈n / stride⌉ with padding "same",
/// ⌊(n − kernel) / stride⌋ + 1 with "valid" (0 when the kernel does not fit).
pub fn conv_output_size(n: usize, kernel: usize, stride: usize, same: bool) -> usize {
    let stride = stride.max(1);
    if same {
        n.div_ceil(stride)
    } else if n < kernel.max(1) {
        0
    } else {
        (n - kernel.max(1)) / stride + 1
    }
}

/// A segmentation set-up to describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeSetup {
    /// Keras or PyTorch.
    pub framework: Framework,
    /// Softmax over C or one sigmoid channel.
    pub head: Head,
    /// One-hot or sparse labels.
    pub labels: LabelFormat,
    /// Number of classes C, background included (2 for binary).
    pub classes: usize,
    /// The last layer.
    pub last_layer: LastLayer,
    /// Batch size.
    pub batch: usize,
    /// Image height.
    pub height: usize,
    /// Image width.
    pub width: usize,
}

/// The tensors of a set-up and the loss that fits them.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeReport {
    /// The input batch.
    pub input: Vec<usize>,
    /// The model's output.
    pub output: Vec<usize>,
    /// The labels the loss needs.
    pub target: Vec<usize>,
    /// The labels' element type.
    pub target_dtype: &'static str,
    /// The axis the softmax (or sigmoid) acts on, counted from 0.
    pub class_axis: usize,
    /// The last layer, written for this framework.
    pub layer_code: String,
    /// The loss, written for this framework.
    pub loss_code: String,
    /// Problems with this set-up, in the learner's words (empty when it trains).
    pub problems: Vec<String>,
    /// Remarks that are not problems.
    pub notes: Vec<String>,
}

/// A shape as Python writes it: `(8, 128, 128, 3)`, `(8,)`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

impl ShapeSetup {
    /// The lesson's starting point: Keras, softmax over 3 classes, one-hot labels, the
    /// thread's last layer, a batch of 8 RGB images of 128 × 128.
    pub fn start() -> ShapeSetup {
        ShapeSetup {
            framework: Framework::Keras,
            head: Head::Softmax,
            labels: LabelFormat::OneHot,
            classes: 3,
            last_layer: LastLayer::ThreadCall,
            batch: 8,
            height: 128,
            width: 128,
        }
    }

    /// Channels of the output.
    pub fn channels(&self) -> usize {
        match self.head {
            Head::Softmax => self.classes.max(1),
            Head::Sigmoid => 1,
        }
    }

    /// Output height and width after the last layer.
    pub fn output_size(&self) -> (usize, usize) {
        let (k, s, same) = self.last_layer.geometry();
        (
            conv_output_size(self.height, k, s, same),
            conv_output_size(self.width, k, s, same),
        )
    }

    /// The shapes, the calls and what is wrong, for this set-up.
    pub fn report(&self) -> ShapeReport {
        let (b, h, w, c) = (self.batch, self.height, self.width, self.channels());
        let (oh, ow) = self.output_size();
        let keras = self.framework == Framework::Keras;
        let input = if keras {
            vec![b, h, w, 3]
        } else {
            vec![b, 3, h, w]
        };
        let output = if keras {
            vec![b, oh, ow, c]
        } else {
            vec![b, c, oh, ow]
        };
        let class_axis = if keras { 3 } else { 1 };
        let (target, target_dtype) = match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, true) => (vec![b, h, w, 1], "float32 (0 or 1)"),
            (Head::Sigmoid, _, false) => (vec![b, 1, h, w], "float32 (0 or 1)"),
            (Head::Softmax, LabelFormat::Sparse, true) => (vec![b, h, w], "int32 (0 … C−1)"),
            (Head::Softmax, LabelFormat::Sparse, false) => (vec![b, h, w], "int64 (0 … C−1)"),
            (Head::Softmax, LabelFormat::OneHot, true) => (vec![b, h, w, c], "float32 (one-hot)"),
            (Head::Softmax, LabelFormat::OneHot, false) => (vec![b, c, h, w], "float32 (one-hot)"),
        };
        let act = match self.head {
            Head::Softmax => "softmax",
            Head::Sigmoid => "sigmoid",
        };
        let layer_code = if keras {
            match self.last_layer {
                LastLayer::ThreadCall => {
                    format!("keras.layers.Convolution2D({c}, 3, 3, activation=\"{act}\")")
                }
                LastLayer::Valid3 => format!("keras.layers.Conv2D({c}, 3, activation=\"{act}\")"),
                LastLayer::Same3 => {
                    format!("keras.layers.Conv2D({c}, 3, padding=\"same\", activation=\"{act}\")")
                }
                LastLayer::OneByOne => {
                    format!("keras.layers.Conv2D({c}, 1, activation=\"{act}\")")
                }
            }
        } else {
            match self.last_layer {
                LastLayer::ThreadCall => format!("nn.Conv2d(64, {c}, 3, 3)"),
                LastLayer::Valid3 => format!("nn.Conv2d(64, {c}, 3)"),
                LastLayer::Same3 => format!("nn.Conv2d(64, {c}, 3, padding=\"same\")"),
                LastLayer::OneByOne => format!("nn.Conv2d(64, {c}, 1)"),
            }
        };
        let loss_code = match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, true) => "keras.losses.BinaryCrossentropy()".to_string(),
            (Head::Sigmoid, _, false) => "nn.BCEWithLogitsLoss()".to_string(),
            (Head::Softmax, LabelFormat::Sparse, true) => {
                "keras.losses.SparseCategoricalCrossentropy()".to_string()
            }
            (Head::Softmax, LabelFormat::OneHot, true) => {
                "keras.losses.CategoricalCrossentropy()".to_string()
            }
            (Head::Softmax, _, false) => "nn.CrossEntropyLoss()".to_string(),
        };
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        if (oh, ow) != (h, w) {
            let out = shape_text(&output);
            let tgt = shape_text(&target);
            problems.push(if oh == 0 || ow == 0 {
                format!("The last layer leaves no pixels at all ({out}).")
            } else {
                format!(
                    "The last layer shrinks the image from {h} × {w} to {oh} × {ow}: the output {out} no longer matches the labels {tgt}, so the loss fails with a shape error."
                )
            });
        }
        if self.head == Head::Sigmoid && self.classes > 2 {
            problems.push(format!(
                "One sigmoid channel answers one yes/no question per pixel, so it can only separate 2 classes, not {c}. For {c} classes that exclude each other, use a softmax over {c} channels (or, if a pixel may belong to several classes at once, {c} sigmoid channels).",
                c = self.classes
            ));
        }
        if self.head == Head::Sigmoid && self.classes == 1 {
            notes.push(
                "C counts the classes with the background: one sigmoid channel tells object from background, which is C = 2. The shapes are the same as with C = 2, and this set-up trains."
                    .to_string(),
            );
        }
        if self.head == Head::Softmax && self.classes < 2 {
            problems.push(
                "A softmax over 1 channel outputs 1.0 for every pixel: it cannot learn (step 5). For object against background, use one sigmoid channel, or a softmax over 2 channels (C = 2)."
                    .to_string(),
            );
        }
        match (self.head, self.labels, keras) {
            (Head::Sigmoid, _, _) => notes.push(
                "With one sigmoid channel the label is the 0/1 object mask itself, with a channel axis of size 1.".to_string(),
            ),
            (Head::Softmax, LabelFormat::OneHot, false) => notes.push(
                "F.one_hot(y, C) returns (N, H, W, C), channels last: move the axis with .permute(0, 3, 1, 2) before the loss. A reshape would scramble it (step 2).".to_string(),
            ),
            (Head::Softmax, LabelFormat::Sparse, true) => notes.push(
                "Keras also accepts sparse labels of shape (B, H, W, 1).".to_string(),
            ),
            _ => {}
        }
        if !keras {
            notes.push(
                "nn.CrossEntropyLoss and nn.BCEWithLogitsLoss take the logits: no softmax or sigmoid layer at the end of the model (nn.BCELoss would want probabilities, nn.NLLLoss log-probabilities)."
                    .to_string(),
            );
        }
        ShapeReport {
            input,
            output,
            target,
            target_dtype,
            class_axis,
            layer_code,
            loss_code,
            problems,
            notes,
        }
    }
}
