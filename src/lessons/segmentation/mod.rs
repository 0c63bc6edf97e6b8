//! Lesson 6: Segmentation: per-pixel outputs and losses. The shapes of a per-pixel output
//! in Keras and PyTorch, why reshape is not transpose, a prediction painted by hand and
//! scored with accuracy, BCE, weighted BCE, Dice and IoU, a pixel inspector on a 3-class
//! map, and the one-channel softmax that can never learn.

pub mod link;
pub mod panels;
pub mod tasks;

use super::lesson::steps;
use super::{Lesson, Page, PredictInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "segmentation",
    title: "Segmentation: per-pixel outputs and losses",
    nav_label: "6 · Segmentation",
    blurb: "Follow a segmentation output through its tensor shapes in Keras and PyTorch, \
            paint a prediction pixel by pixel and watch accuracy, BCE, Dice and IoU judge \
            it, inspect one pixel's logits, and watch a one-channel softmax refuse to learn.",
    lesson: Some(&LESSON),
};

super::lesson::page_view!();

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "segmentation",
    question: "An encoder-decoder network should label every pixel of an image as object or \
               background, and the object covers only a few per cent of the image. What \
               shape should the output and the labels have, which activation and loss go \
               with them, and how do I keep the huge background from dominating?",
    thread: "Semantic Segmentation with Encoder-Decoder CNNs",
    steps: STEPS,
};

steps! {
    step! {
        id: "shapes",
        title: "Shapes: one prediction per pixel",
        view: shapes,
        tasks: [
            "keep-size" => "Fix the thread's last layer so the output keeps the image's 128 × 128 size.",
            "pytorch-sparse" => "Switch to PyTorch with sparse (integer) labels and 5 classes, and see where the class axis goes.",
            "binary-sigmoid" => "Set up the binary case with one sigmoid channel.",
        ],
        predict: PredictInfo {
            question: "In PyTorch, a batch of 8 RGB images of 128 × 128 pixels is segmented into 5 classes. What shape must the logits have for nn.CrossEntropyLoss?",
            choices: &["(8, 128, 128, 5)", "(8, 5, 128, 128)", "(5, 8, 128, 128)", "(8, 128, 128)"],
            answer: 1,
            explanation: "PyTorch puts channels right after the batch axis, (N, C, H, W), and CrossEntropyLoss looks for the classes on axis 1. Keras 3 keeps them last, (B, H, W, C), and its softmax and cross-entropy act on the last axis. (8, 128, 128) is the shape of the sparse labels, one class index per pixel.",
        },
        corrections: [
            "The answer writes the last layer as Convolution2D(number_of_classes, filter_height, filter_width, activation=…)."
                => "That is the Keras 1 signature. In Keras 3 (Conv2D, with Convolution2D kept as an alias) the third positional argument is the stride, so Conv2D(C, 3, 3) means a 3 × 3 kernel that jumps 3 pixels at a time, and the default padding=\"valid\" also drops the border: a 128 × 128 input comes out 42 × 42 and no longer matches its labels. Write Conv2D(C, (3, 3), padding=\"same\") or a 1 × 1 kernel, Conv2D(C, 1).",
        ],
    },
    step! {
        id: "reshape",
        title: "Reshape is not transpose",
        view: reshape,
        tasks: [
            "rows-are-pixels" => "Pick layers after which every row holds the class scores of one single pixel.",
        ],
        corrections: [
            "The answer flattens the output with model.add(Reshape(NUM_CLASSES, HEIGHT*WIDTH)) and model.add(Permute(2,1))."
                => "Neither line runs: both layers take the target shape as one tuple, Reshape((NUM_CLASSES, HEIGHT * WIDTH)) and Permute((2, 1)). With the tuples, the recipe is right only for a channels-first output (C, H, W); on the channels-last output (H, W, C) of Keras 3 it scrambles pixels, as this step shows.",
            "Reshape((C, H·W)) followed by Permute((2, 1)) gives one row per pixel."
                => "Only if the output is channels first, (C, H, W), as in Keras 1 with Theano's \"th\" dimension ordering, where the recipe comes from: there each class's H·W scores lie together in memory, Reshape((C, H·W)) gives one row per class and Permute((2, 1)) one row per pixel. Keras 3 (like TensorFlow) is channels last by default, (H, W, C): a pixel's C scores lie together, and Reshape, which keeps the memory order and only regroups it, cuts rows that mix pixels and classes. On channels-last output reshape to (H·W, C) with no Permute; moving an axis is a transpose (Permute in Keras, permute in PyTorch), never a reshape.",
            "The snippet's comments say the shape is HEIGHT × WIDTH × NUM_CLASSES after the Reshape and NUM_CLASSES × HEIGHT × WIDTH after the Permute."
                => "After Reshape((C, H·W)) the shape is (C, H·W), and after Permute((2, 1)) it is (H·W, C): two axes each time, neither of them the shape the comments name.",
            "After flattening, you can use global averaging or softmax."
                => "Global average pooling averages over every pixel and leaves one vector of C scores per image, (B, C): the per-pixel map, the whole point of segmentation, is gone. Only a softmax over the class axis belongs here.",
            "Flattening is one of the two ways to get per-pixel classes."
                => "In Keras 3 there is nothing to flatten: a softmax activation and the cross-entropy losses act on the last axis, so a (B, H, W, C) output trains as it is against (B, H, W, C) one-hot or (B, H, W) integer labels. Flattening recipes come from early Keras versions whose softmax refused 4-D tensors (and which, on Theano, put the channels first).",
        ],
    },
    step! {
        id: "paint",
        title: "Paint the prediction",
        view: paint,
        tasks: [
            "all-background" => "Predict background everywhere (paint p = 0 over the whole mask): see accuracy stay near 96 % while Dice and IoU drop to 0.",
            "find-object" => "Paint the object: reach an IoU of at least 0.8.",
            "dice-low" => "Get the Dice loss below 0.1: confident on the object, nothing outside.",
            "balance" => "Set pos_weight so that object and background weigh the same in total.",
        ],
        corrections: [
            "The thread's custom loss takes its arguments as function(y_pred, y_true)."
                => "Keras calls a loss as loss(y_true, y_pred), the truth first, and passes both by position, so a function written (y_pred, y_true) receives them swapped, with no error. A symmetric formula such as the Dice loss survives the swap; anything else does not: a weighted BCE would take its weights from the prediction and the logarithm of the labels. Write def loss(y_true, y_pred).",
        ],
    },
    step! {
        id: "inspector",
        title: "Inspect a pixel: logits and softmax",
        view: inspector,
        tasks: [
            "find-wrong" => "Select a pixel the model gets wrong (its argmax is not the true class).",
            "unsure" => "Select a pixel where the model is unsure: its top softmax probability below 0.6.",
            "fix-wrong" => "Drag the logits of a wrong pixel until the prediction there is right.",
        ],
    },
    step! {
        id: "softmax-trap",
        title: "The one-channel softmax trap",
        view: softmax_trap,
        tasks: [
            "train-100" => "Train all three set-ups for at least 100 steps and watch the one-channel softmax.",
            "both-learn" => "Keep training until both correct set-ups find the object (IoU ≥ 0.8).",
        ],
        predict: PredictInfo {
            question: "The answer's snippet says “1 for binary case” for the number of output channels. Keep activation=\"softmax\", set the channels to 1 and train. What does every pixel output?",
            choices: &["The object mask, as with a sigmoid", "0.5 everywhere", "Exactly 1.0 everywhere", "0 everywhere"],
            answer: 2,
            explanation: "A softmax divides e^z by the sum of e^z over the channels. With one channel that is e^z / e^z = 1, whatever the logit, so every pixel says “object” with certainty. Its derivative is 0 too, so no gradient reaches the network and nothing can ever change.",
        },
        corrections: [
            "The snippet's comments: number_of_classes “1 for binary case”, and activation=\"softmax\" “or sigmoid for binary”."
                => "The two comments only work together. One channel needs the sigmoid: a softmax over one channel outputs 1.0 for every pixel and has a zero gradient, so the model never learns. For softmax in the binary case use 2 channels (background and object) with sparse or one-hot labels.",
            "model.compile(loss=\"categorical_crossentropy\"), “or binary_crossentropy for binary”."
                => "The loss must match the head: binary cross-entropy with one sigmoid channel, (sparse) categorical cross-entropy with a softmax over 2 or more channels. With the one-channel softmax, categorical cross-entropy even reports a loss of almost 0 from the first batch: every pixel already predicts its only class with probability 1.",
        ],
    },
    step! {
        id: "summary",
        title: "Summary: rules of thumb",
        view: summary,
    },
}

/// Output length of a "valid" convolution.
pub const FORMULA_VALID: &str = r"\lfloor (n - k) / s \rfloor + 1";
/// Output length of a "same" convolution.
pub const FORMULA_SAME: &str = r"\lceil n / s \rceil";
/// Weighted binary cross-entropy.
pub const FORMULA_WEIGHTED_BCE: &str =
    r"\mathrm{BCE}_w = -\frac{1}{N}\sum_i \left[ w\, y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \right]";
/// Dice loss and IoU.
pub const FORMULA_DICE_IOU: &str = r"L_{\mathrm{Dice}} = 1 - \frac{2 \sum_i y_i p_i}{\sum_i y_i + \sum_i p_i + \epsilon} \qquad \mathrm{IoU} = \frac{|T \cap P|}{|T \cup P|}";
/// Softmax over one channel.
pub const FORMULA_TRAP: &str = r"\mathrm{softmax}(z)_1 = \frac{e^{z}}{e^{z}} = 1";
/// Its derivative.
pub const FORMULA_TRAP_GRADIENT: &str =
    r"\frac{\partial\, \mathrm{softmax}(z)_1}{\partial z} = p(1 - p) = 0";

#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_render() {
        for f in [
            FORMULA_VALID,
            FORMULA_SAME,
            FORMULA_WEIGHTED_BCE,
            FORMULA_DICE_IOU,
            FORMULA_TRAP,
            FORMULA_TRAP_GRADIENT,
        ] {
            // In the table in the form the step shows it (block or inline).
            let shown =
                crate::formula::to_mathml(f, true).or_else(|_| crate::formula::to_mathml(f, false));
            assert!(shown.is_ok(), "{f}");
        }
    }
}
