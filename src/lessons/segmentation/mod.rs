//! Lesson 6: Segmentation: per-pixel outputs and losses. The shapes of a per-pixel output
//! in Keras and PyTorch, why reshape is not transpose, a prediction painted by hand and
//! scored with accuracy, BCE, weighted BCE, Dice and IoU, a pixel inspector on a 3-class
//! map, and the one-channel softmax that can never learn.

pub mod link;
pub mod panels;
pub mod tasks;

use super::{Correction, Lesson, Page, PredictInfo, Step, TaskInfo};

/// The registry entry.
pub const PAGE: Page = Page {
    slug: "segmentation",
    title: "Segmentation: per-pixel outputs and losses",
    nav_label: "6 · Segmentation",
    blurb: "Follow a segmentation output through its tensor shapes in Keras and PyTorch, \
            paint a prediction pixel by pixel and watch accuracy, BCE, Dice and IoU judge \
            it, inspect one pixel's logits, and watch a one-channel softmax refuse to learn.",
    lesson: Some(&LESSON),
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

/// The lesson.
pub static LESSON: Lesson = Lesson {
    slug: "segmentation",
    question: "An encoder-decoder network should label every pixel of an image as object or \
               background, and the object covers only a few per cent of the image. What \
               shape should the output and the labels have, which activation and loss go \
               with them, and how do I keep the huge background from dominating?",
    thread: "Semantic Segmentation with Encoder-Decoder CNNs",
    steps: &[
        Step {
            id: "shapes",
            title: "Shapes: one prediction per pixel",
            tasks: &[
                TaskInfo { id: "keep-size", text: "Fix the thread's last layer so the output keeps the image's 128 × 128 size." },
                TaskInfo { id: "pytorch-sparse", text: "Switch to PyTorch with sparse (integer) labels and 5 classes, and see where the class axis goes." },
                TaskInfo { id: "binary-sigmoid", text: "Set up the binary case with one sigmoid channel." },
            ],
            predict: Some(PredictInfo {
                question: "In PyTorch, a batch of 8 RGB images of 128 × 128 pixels is segmented into 5 classes. What shape must the logits have for nn.CrossEntropyLoss?",
                choices: &["(8, 128, 128, 5)", "(8, 5, 128, 128)", "(5, 8, 128, 128)", "(8, 128, 128)"],
                answer: 1,
                explanation: "PyTorch puts channels right after the batch axis, (N, C, H, W), and CrossEntropyLoss looks for the classes on axis 1. Keras 3 keeps them last, (B, H, W, C), and its softmax and cross-entropy act on the last axis. (8, 128, 128) is the shape of the sparse labels, one class index per pixel.",
            }),
            corrections: &[Correction {
                claim: "The answer writes the last layer as Convolution2D(number_of_classes, filter_height, filter_width, activation=…).",
                correction: "That is the Keras 1 signature. In Keras 3 (Conv2D, with Convolution2D kept as an alias) the third positional argument is the stride, so Conv2D(C, 3, 3) means a 3 × 3 kernel that jumps 3 pixels at a time, and the default padding=\"valid\" also drops the border: a 128 × 128 input comes out 42 × 42 and no longer matches its labels. Write Conv2D(C, (3, 3), padding=\"same\") or a 1 × 1 kernel, Conv2D(C, 1).",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::shapes,
        },
        Step {
            id: "reshape",
            title: "Reshape is not transpose",
            tasks: &[TaskInfo { id: "rows-are-pixels", text: "Pick layers after which every row holds the class scores of one single pixel." }],
            predict: None,
            corrections: &[
                Correction {
                    claim: "The answer flattens the output with model.add(Reshape(NUM_CLASSES, HEIGHT*WIDTH)) and model.add(Permute(2,1)).",
                    correction: "Neither line runs: both layers take the target shape as one tuple, Reshape((NUM_CLASSES, HEIGHT * WIDTH)) and Permute((2, 1)). With the tuples, the recipe is right only for a channels-first output (C, H, W); on the channels-last output (H, W, C) of Keras 3 it scrambles pixels, as this step shows.",
                },
                Correction {
                    claim: "Reshape((C, H·W)) followed by Permute((2, 1)) gives one row per pixel.",
                    correction: "Only if the output is channels first, (C, H, W), as in Keras 1 with Theano's \"th\" dimension ordering, where the recipe comes from: there each class's H·W scores lie together in memory, Reshape((C, H·W)) gives one row per class and Permute((2, 1)) one row per pixel. Keras 3 (like TensorFlow) is channels last by default, (H, W, C): a pixel's C scores lie together, and Reshape, which keeps the memory order and only regroups it, cuts rows that mix pixels and classes. On channels-last output reshape to (H·W, C) with no Permute; moving an axis is a transpose (Permute in Keras, permute in PyTorch), never a reshape.",
                },
                Correction {
                    claim: "The snippet's comments say the shape is HEIGHT × WIDTH × NUM_CLASSES after the Reshape and NUM_CLASSES × HEIGHT × WIDTH after the Permute.",
                    correction: "After Reshape((C, H·W)) the shape is (C, H·W), and after Permute((2, 1)) it is (H·W, C): two axes each time, neither of them the shape the comments name.",
                },
                Correction {
                    claim: "After flattening, you can use global averaging or softmax.",
                    correction: "Global average pooling averages over every pixel and leaves one vector of C scores per image, (B, C): the per-pixel map, the whole point of segmentation, is gone. Only a softmax over the class axis belongs here.",
                },
                Correction {
                    claim: "Flattening is one of the two ways to get per-pixel classes.",
                    correction: "In Keras 3 there is nothing to flatten: a softmax activation and the cross-entropy losses act on the last axis, so a (B, H, W, C) output trains as it is against (B, H, W, C) one-hot or (B, H, W) integer labels. Flattening recipes come from early Keras versions whose softmax refused 4-D tensors (and which, on Theano, put the channels first).",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::reshape,
        },
        Step {
            id: "paint",
            title: "Paint the prediction",
            tasks: &[
                TaskInfo { id: "all-background", text: "Predict background everywhere (paint p = 0 over the whole mask): see accuracy stay near 96 % while Dice and IoU drop to 0." },
                TaskInfo { id: "find-object", text: "Paint the object: reach an IoU of at least 0.8." },
                TaskInfo { id: "dice-low", text: "Get the Dice loss below 0.1: confident on the object, nothing outside." },
                TaskInfo { id: "balance", text: "Set pos_weight so that object and background weigh the same in total." },
            ],
            predict: None,
            corrections: &[Correction {
                claim: "The thread's custom loss takes its arguments as function(y_pred, y_true).",
                correction: "Keras calls a loss as loss(y_true, y_pred), the truth first, and passes both by position, so a function written (y_pred, y_true) receives them swapped, with no error. A symmetric formula such as the Dice loss survives the swap; anything else does not: a weighted BCE would take its weights from the prediction and the logarithm of the labels. Write def loss(y_true, y_pred).",
            }],
            #[cfg(target_arch = "wasm32")]
            view: view::paint,
        },
        Step {
            id: "inspector",
            title: "Inspect a pixel: logits and softmax",
            tasks: &[
                TaskInfo { id: "find-wrong", text: "Select a pixel the model gets wrong (its argmax is not the true class)." },
                TaskInfo { id: "unsure", text: "Select a pixel where the model is unsure: its top softmax probability below 0.6." },
                TaskInfo { id: "fix-wrong", text: "Drag the logits of a wrong pixel until the prediction there is right." },
            ],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::inspector,
        },
        Step {
            id: "softmax-trap",
            title: "The one-channel softmax trap",
            tasks: &[
                TaskInfo { id: "train-100", text: "Train all three set-ups for at least 100 steps and watch the one-channel softmax." },
                TaskInfo { id: "both-learn", text: "Keep training until both correct set-ups find the object (IoU ≥ 0.8)." },
            ],
            predict: Some(PredictInfo {
                question: "The answer's snippet says “1 for binary case” for the number of output channels. Keep activation=\"softmax\", set the channels to 1 and train. What does every pixel output?",
                choices: &["The object mask, as with a sigmoid", "0.5 everywhere", "Exactly 1.0 everywhere", "0 everywhere"],
                answer: 2,
                explanation: "A softmax divides e^z by the sum of e^z over the channels. With one channel that is e^z / e^z = 1, whatever the logit, so every pixel says “object” with certainty. Its derivative is 0 too, so no gradient reaches the network and nothing can ever change.",
            }),
            corrections: &[
                Correction {
                    claim: "The snippet's comments: number_of_classes “1 for binary case”, and activation=\"softmax\" “or sigmoid for binary”.",
                    correction: "The two comments only work together. One channel needs the sigmoid: a softmax over one channel outputs 1.0 for every pixel and has a zero gradient, so the model never learns. For softmax in the binary case use 2 channels (background and object) with sparse or one-hot labels.",
                },
                Correction {
                    claim: "model.compile(loss=\"categorical_crossentropy\"), “or binary_crossentropy for binary”.",
                    correction: "The loss must match the head: binary cross-entropy with one sigmoid channel, (sparse) categorical cross-entropy with a softmax over 2 or more channels. With the one-channel softmax, categorical cross-entropy even reports a loss of almost 0 from the first batch: every pixel already predicts its only class with probability 1.",
                },
            ],
            #[cfg(target_arch = "wasm32")]
            view: view::softmax_trap,
        },
        Step {
            id: "summary",
            title: "Summary: rules of thumb",
            tasks: &[],
            predict: None,
            corrections: &[],
            #[cfg(target_arch = "wasm32")]
            view: view::summary,
        },
    ],
};

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
mod view {
    use super::link::{pixel_edits_from_link, pixel_edits_to_link, TRAP_LINK_STEPS};
    use super::tasks::{
        fixed_pixels, is_binary_sigmoid, is_pytorch_sparse_five, is_wrong_at, keeps_image_size,
        rows_are_pixels, trained_long_enough,
    };
    use super::*;
    use crate::chart::mask_grid::TensorGrid;
    use crate::format::format4;
    use crate::lessons::code_view::CodePanels;
    use crate::lessons::view::{
        render_lesson, report_task, shared, shared_codec, shared_number, Formula, Predict,
    };
    use crate::math;
    use crate::model::segmentation::{
        balancing_pos_weight, dice_below, flatten_sources, flattened_loss, initial_prediction,
        inspector_logits, inspector_truth, is_all_background, is_balanced, is_unsure, mask_metrics,
        mean_pixel_cross_entropy, object_found, object_mask, paint as paint_mask, reshape_sources,
        shape_text, trap_features, Brush, LastLayer, TrapReport, TrapSetup, INSPECT_CLASS_NAMES,
        INSPECT_SIZE, PAINT_SIZE, RESHAPE_DIMS, THRESHOLD, TRAP_LEARNING_RATE,
    };
    use crate::model::segmentation::{
        mixed_rows, predicted_class, Flatten, Framework, Head, LabelFormat, ShapeSetup, TrapModel,
        INSPECT_CLASSES,
    };
    use crate::widgets::{
        now_ms, use_animation_frame, LogitBars, MaskClassMap, MaskMaps, MaskPainter,
        ProbabilityBars, Readout, TensorGrids,
    };
    use leptos::prelude::*;

    pub fn render() -> AnyView {
        render_lesson(&LESSON, PAGE.title)
    }

    fn constant(x: f64) -> Signal<f64> {
        Signal::derive(move || x)
    }

    // -----------------------------------------------------------------------------------
    // Step 1: shapes
    // -----------------------------------------------------------------------------------

    fn layer_name(l: LastLayer) -> &'static str {
        match l {
            LastLayer::ThreadCall => "Convolution2D(C, 3, 3) (the thread's call)",
            LastLayer::Valid3 => "Conv2D(C, 3)",
            LastLayer::Same3 => "Conv2D(C, 3, padding=\"same\")",
            LastLayer::OneByOne => "Conv2D(C, 1)",
        }
    }

    fn layer_key(l: LastLayer) -> &'static str {
        match l {
            LastLayer::ThreadCall => "thread",
            LastLayer::Valid3 => "valid",
            LastLayer::Same3 => "same",
            LastLayer::OneByOne => "one",
        }
    }

    pub fn shapes() -> AnyView {
        let setup = shared(
            "setup",
            ShapeSetup::start(),
            |_| true,
            "a set-up such as keras_softmax_onehot_3_thread_8_128_128",
        );
        report_task("keep-size", move || keeps_image_size(&setup.get()));
        report_task("pytorch-sparse", move || {
            is_pytorch_sparse_five(&setup.get())
        });
        report_task("binary-sigmoid", move || is_binary_sigmoid(&setup.get()));
        let report = Memo::new(move |_| setup.get().report());
        let set = move |f: fn(&mut ShapeSetup)| setup.update(f);
        let radio = move |name: &'static str,
                          id: &'static str,
                          label: &'static str,
                          checked: fn(&ShapeSetup) -> bool,
                          apply: fn(&mut ShapeSetup)| {
            view! {
                <label class="chip">
                    <input type="radio" name=name data-testid=id
                        prop:checked=move || setup.with(checked)
                        on:change=move |_| set(apply) />
                    {label}
                </label>
            }
        };
        let programs = Signal::derive(move || panels::shape_programs(&setup.get()));
        let row =
            move |name: &'static str,
                  id: &'static str,
                  shape: fn(&crate::model::segmentation::ShapeReport) -> String| {
                view! {
                    <tr><th scope="row">{name}</th><td><code data-testid=id>{move || report.with(shape)}</code></td></tr>
                }
            };
        let layers = [
            LastLayer::ThreadCall,
            LastLayer::Valid3,
            LastLayer::Same3,
            LastLayer::OneByOne,
        ];
        let classes = Signal::derive(move || setup.get().classes as f64);
        let values_per_image = Signal::derive(move || {
            let r = report.get();
            r.output.iter().skip(1).product::<usize>() as f64
        });
        view! {
            <p>
                "A classifier outputs one vector of class scores per image. A segmentation network "
                "outputs one such vector "<em>"per pixel"</em>": the encoder shrinks the image into "
                "features, the decoder grows them back to full size, and the last layer turns each "
                "pixel's features into C class scores. So the output keeps the image's height and "
                "width and swaps its 3 colour channels for C class channels. Where that class axis "
                "sits depends on the framework."
            </p>
            <Predict>
                <div class="controls">
                    <fieldset>
                        <legend>"Framework"</legend>
                        {radio("seg-fw", "fw-keras", "Keras 3 (channels last)", |s| s.framework == Framework::Keras, |s| s.framework = Framework::Keras)}
                        {radio("seg-fw", "fw-pytorch", "PyTorch (channels first)", |s| s.framework == Framework::PyTorch, |s| s.framework = Framework::PyTorch)}
                    </fieldset>
                    <fieldset>
                        <legend>"Output head"</legend>
                        {radio("seg-head", "head-softmax", "softmax over C channels", |s| s.head == Head::Softmax, |s| s.head = Head::Softmax)}
                        {radio("seg-head", "head-sigmoid", "one sigmoid channel", |s| s.head == Head::Sigmoid, |s| s.head = Head::Sigmoid)}
                    </fieldset>
                    <fieldset>
                        <legend>"Labels"</legend>
                        {radio("seg-labels", "labels-onehot", "one-hot", |s| s.labels == LabelFormat::OneHot, |s| s.labels = LabelFormat::OneHot)}
                        {radio("seg-labels", "labels-sparse", "sparse (integer per pixel)", |s| s.labels == LabelFormat::Sparse, |s| s.labels = LabelFormat::Sparse)}
                    </fieldset>
                    <fieldset class="seg-range">
                        <legend>"Classes C"</legend>
                        <input type="range" min="1" max="8" step="1" data-testid="classes" aria-label="Number of classes"
                            prop:value=move || setup.get().classes.to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                    setup.update(|s| s.classes = v.clamp(1, 8));
                                }
                            } />
                        " C = " <Readout name="classes" value=classes />
                    </fieldset>
                    <fieldset class="seg-shrink">
                        <legend>"Last layer"</legend>
                        <select data-testid="last-layer" aria-label="Last layer"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(l) = layers.iter().find(|l| layer_key(**l) == v) {
                                    let l = *l;
                                    setup.update(|s| s.last_layer = l);
                                }
                            }>
                            {layers.iter().map(|l| {
                                let l = *l;
                                view! { <option value=layer_key(l) selected=move || setup.get().last_layer == l>{layer_name(l)}</option> }
                            }).collect::<Vec<_>>()}
                        </select>
                    </fieldset>
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Shapes of this set-up">
                    <table class="numbers shape-table" data-testid="shape-table">
                        <tbody>
                            {row("input batch", "shape-input", |r| shape_text(&r.input))}
                            {row("model output", "shape-output", |r| shape_text(&r.output))}
                            {row("labels", "shape-target", |r| format!("{} {}", shape_text(&r.target), r.target_dtype))}
                            {row("class axis (softmax / loss act here)", "class-axis", |r| r.class_axis.to_string())}
                            {row("last layer", "layer-code", |r| r.layer_code.clone())}
                            {row("loss", "loss-code", |r| r.loss_code.clone())}
                            <tr><th scope="row">"output values per image"</th><td><Readout name="values-per-image" value=values_per_image /></td></tr>
                        </tbody>
                    </table>
                </div>
                {move || {
                    let r = report.get();
                    (!r.problems.is_empty()).then(|| view! {
                        <div class="shape-problems" role="status" data-testid="shape-problems">
                            <strong>"This set-up does not train: "</strong>
                            <ul>{r.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul>
                        </div>
                    })
                }}
                <ul class="shape-notes" data-testid="shape-notes">
                    {move || report.get().notes.into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
                </ul>
                <CodePanels programs />
            </Predict>
            <p>
                "A convolution's output size along each axis is "
                <Formula latex=FORMULA_VALID />
                " with padding \"valid\" (kernel k, stride s) and "<Formula latex=FORMULA_SAME />
                " with padding \"same\". Only a stride of 1 with \"same\" padding (or a 1 × 1 "
                "kernel) keeps one output per input pixel."
            </p>
        }
        .into_any()
    }

    // -----------------------------------------------------------------------------------
    // Step 2: reshape against transpose
    // -----------------------------------------------------------------------------------

    fn pixel_label(p: usize) -> String {
        let (_, w, _) = RESHAPE_DIMS;
        format!("{},{}", p / w, p % w)
    }

    fn tensor_grids(mode: Flatten) -> Vec<TensorGrid> {
        let (h, w, c) = RESHAPE_DIMS;
        let mut grids: Vec<TensorGrid> = (0..c)
            .map(|k| TensorGrid {
                title: format!("class {k}"),
                rows: h,
                cols: w,
                cells: (0..h * w).map(|p| (k, pixel_label(p))).collect(),
            })
            .collect();
        let cells = |src: Vec<(usize, usize)>| {
            src.into_iter()
                .map(|(p, k)| (k, pixel_label(p)))
                .collect::<Vec<_>>()
        };
        match mode {
            Flatten::ThreadReshapePermute => {
                grids.push(TensorGrid {
                    title: format!("Reshape(({c}, {}))", h * w),
                    rows: c,
                    cols: h * w,
                    cells: cells(reshape_sources(h, w, c)),
                });
                grids.push(TensorGrid {
                    title: "Permute((2, 1))".into(),
                    rows: h * w,
                    cols: c,
                    cells: cells(flatten_sources(mode, h, w, c)),
                });
            }
            Flatten::ReshapePixelsFirst => grids.push(TensorGrid {
                title: format!("Reshape(({}, {c}))", h * w),
                rows: h * w,
                cols: c,
                cells: cells(flatten_sources(mode, h, w, c)),
            }),
            Flatten::NoReshape => grids.push(TensorGrid {
                title: "softmax over the last axis".into(),
                rows: h * w,
                cols: c,
                cells: cells(flatten_sources(mode, h, w, c)),
            }),
        }
        grids
    }

    pub fn reshape() -> AnyView {
        let mode = shared(
            "flatten",
            Flatten::ThreadReshapePermute,
            |_| true,
            "thread, pixels-first or none",
        );
        report_task("rows-are-pixels", move || rows_are_pixels(mode.get()));
        let (h, w, c) = RESHAPE_DIMS;
        let grids = Signal::derive(move || tensor_grids(mode.get()));
        let mixed = Signal::derive(move || mixed_rows(mode.get()) as f64);
        let per_pixel = flattened_loss(Flatten::NoReshape);
        let after = Signal::derive(move || flattened_loss(mode.get()));
        let label = Signal::derive(move || {
            format!(
                "The ({h}, {w}, {c}) output as {c} class planes, then the matrix the softmax sees after the chosen layers: {} of its {} rows mix values of different pixels",
                mixed_rows(mode.get()),
                h * w
            )
        });
        let programs = Signal::derive(move || panels::reshape_programs(mode.get()));
        let choice = move |id: &'static str, value: Flatten, text: &'static str| {
            view! {
                <label class="chip">
                    <input type="radio" name="flatten" data-testid=id
                        prop:checked=move || mode.get() == value
                        on:change=move |_| mode.set(value) />
                    <code>{text}</code>
                </label>
            }
        };
        view! {
            <p>
                "The thread's second answer flattens the (H, W, C) output so that a softmax can act "
                "on rows. Here is a tiny output, H = "{h}", W = "{w}", C = "{c}", drawn as one plane "
                "per class; every cell is labelled with its pixel (row, column) and its class (c0, "
                "c1, c2), and coloured by the class. Watch where the values land."
            </p>
            <div class="controls">
                <fieldset class="seg-shrink">
                    <legend>"Layers after the last convolution"</legend>
                    {choice("flatten-thread", Flatten::ThreadReshapePermute, "Reshape((C, H*W)) + Permute((2, 1))")}
                    {choice("flatten-pixels", Flatten::ReshapePixelsFirst, "Reshape((H*W, C))")}
                    {choice("flatten-none", Flatten::NoReshape, "nothing (Keras 3)")}
                </fieldset>
            </div>
            <TensorGrids grids label height=250 />
            <p class="sums">
                "rows mixing different pixels: " <Readout name="mixed-rows" value=mixed />
                " · loss after these layers: " <Readout name="flattened-loss" value=after />
                " · the true per-pixel loss: " <Readout name="per-pixel-loss" value=constant(per_pixel) />
            </p>
            <p>
                "In memory a channels-last tensor stores pixel (0, 0)'s "{c}" class scores, then pixel "
                "(0, 1)'s, and so on. "<strong>"Reshape"</strong>" only cuts that sequence into rows "
                "of a new length; it never moves a value. Cutting it into rows of H·W = "{h * w}
                " therefore puts scores of different pixels and classes into one row, and the "
                "Permute that follows turns the mess on its side. A "<strong>"transpose"</strong>
                " (Permute) is what moves an axis. For one row per pixel, reshape to (H·W, C): "
                "then each row really is one pixel's scores, and the loss equals the per-pixel loss."
            </p>
            <p>
                "The thread's recipe was right where it came from. Keras 1 on Theano (the \"th\" "
                "dimension ordering) put the channels first, (C, H, W): there each class's plane of "
                "H·W scores lies together in memory, Reshape((C, H·W)) makes one row per class, and "
                "Permute((2, 1)) turns that into one row per pixel. What changed is the layout: on "
                "the channels-last (H, W, C) output of Keras 3 (and TensorFlow) the same two lines "
                "scramble the pixels, as drawn above. The programs below run the thread's layers on "
                "both layouts."
            </p>
            <p>
                "In Keras 3 even that is unnecessary: the softmax activation and the cross-entropy "
                "losses act on the last axis of a tensor of any rank, so the (B, H, W, C) output "
                "goes straight into the loss. And "<strong>"global averaging"</strong>" would be "
                "worse than any reshape: GlobalAveragePooling2D turns (B, H, W, C) into (B, C), one "
                "answer per image, and the map is gone."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    // -----------------------------------------------------------------------------------
    // Step 3: paint the prediction
    // -----------------------------------------------------------------------------------

    pub fn paint() -> AnyView {
        let truth = object_mask();
        let balance = balancing_pos_weight(&truth);
        let truth = StoredValue::new(truth);
        let truth_signal = Signal::derive(move || truth.get_value());
        let pred = shared(
            "mask",
            initial_prediction(),
            |m: &Vec<f64>| {
                m.len() == crate::model::segmentation::PAINT_PIXELS
                    && m.iter().all(|v| (0.0..=1.0).contains(v))
            },
            "576 probabilities (runs written value*count)",
        );
        let brush = shared_number("brush", 1.0, 0.0, 1.0);
        let radius = shared("radius", 0usize, |r| *r <= 2, "0, 1 or 2");
        let pos_weight = shared_number("pos_weight", 1.0, 1.0, 40.0);
        let cursor = shared(
            "cursor",
            (12usize, 12usize),
            |(r, c)| *r < PAINT_SIZE && *c < PAINT_SIZE,
            "row_column inside the grid",
        );
        let metrics = Memo::new(move |_| {
            truth.with_value(|t| pred.with(|p| mask_metrics(t, p, pos_weight.get())))
        });
        report_task("all-background", move || is_all_background(&metrics.get()));
        report_task("find-object", move || object_found(&metrics.get()));
        report_task("dice-low", move || dice_below(&metrics.get(), 0.1));
        report_task("balance", move || {
            truth.with_value(|t| is_balanced(pos_weight.get(), t))
        });
        let on_paint = Callback::new(move |(r, c, erase): (usize, usize, bool)| {
            let b = Brush {
                value: if erase { 0.0 } else { brush.get_untracked() },
                radius: radius.get_untracked(),
            };
            pred.maybe_update(|p| paint_mask(p, PAINT_SIZE, r, c, b));
        });
        let m = move |f: fn(&crate::model::segmentation::MaskMetrics) -> f64| {
            Signal::derive(move || metrics.with(f))
        };
        let programs =
            Signal::derive(move || pred.with(|p| panels::paint_programs(p, pos_weight.get())));
        let size_choice = move |id: &'static str, r: usize, text: &'static str| {
            view! {
                <label class="chip">
                    <input type="radio" name="brush-size" data-testid=id
                        prop:checked=move || radius.get() == r
                        on:change=move |_| radius.set(r) />
                    {text}
                </label>
            }
        };
        view! {
            <p>
                "The ground truth on the left marks a small object: "
                <Readout name="object-pixels" value=m(|x| x.object as f64) />
                " of the 576 pixels, about 4 %. On the right, a model's first guess: for every "
                "pixel, its probability p of being object. Paint over it: drag with the mouse or a "
                "finger (right button erases), or click the grid and use the keyboard: arrows move "
                "the cursor, Space paints, Delete erases, Shift + arrow paints as it moves."
            </p>
            <div class="controls">
                <fieldset class="seg-range">
                    <legend>"Brush value p"</legend>
                    <input type="range" min="0" max="1" step="0.05" data-testid="brush-value" aria-label="Brush value"
                        prop:value=move || brush.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                if v.is_finite() {
                                    brush.set(((v * 100.0).round() / 100.0).clamp(0.0, 1.0));
                                }
                            }
                        } />
                    " " <Readout name="brush-value" value=brush />
                </fieldset>
                <fieldset>
                    <legend>"Brush size"</legend>
                    {size_choice("brush-1", 0, "1 pixel")}
                    {size_choice("brush-3", 1, "3 × 3")}
                    {size_choice("brush-5", 2, "5 × 5")}
                </fieldset>
                <fieldset>
                    <legend>"Whole mask"</legend>
                    <button type="button" data-testid="fill-all"
                        on:click=move |_| {
                            let v = brush.get_untracked();
                            pred.set(vec![v; PAINT_SIZE * PAINT_SIZE]);
                        }>
                        {move || format!("Fill with p = {}", format4(brush.get()))}
                    </button>
                    <button type="button" data-testid="reset-paint" on:click=move |_| pred.set(initial_prediction())>
                        "Back to the model's guess"
                    </button>
                </fieldset>
            </div>
            <div class="paint-layout">
                <figure>
                    <figcaption>"Orange: the true object (outlined on your prediction). Blue: your p. A dot: p > 0.5, counted as object."</figcaption>
                    <MaskPainter size=PAINT_SIZE threshold=THRESHOLD truth=truth_signal values=pred radius cursor on_paint height=360 />
                </figure>
                <div class="paint-metrics">
                    <table class="numbers" data-testid="mask-metrics">
                        <thead><tr><th scope="col">"measure"</th><th scope="col">"value"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"pixel accuracy"</th><td><Readout name="pixel-accuracy" value=m(|x| x.accuracy) /></td></tr>
                            <tr><th scope="row">"binary cross-entropy"</th><td><Readout name="bce" value=m(|x| x.bce) /></td></tr>
                            <tr><th scope="row">"weighted BCE (pos_weight)"</th><td><Readout name="weighted-bce" value=m(|x| x.weighted_bce) /></td></tr>
                            <tr><th scope="row">"… share from object pixels"</th><td><Readout name="object-share" value=m(|x| x.object_share) /></td></tr>
                            <tr><th scope="row">"Dice loss"</th><td><Readout name="dice-loss" value=m(|x| x.dice_loss) /></td></tr>
                            <tr><th scope="row">"Dice coefficient"</th><td><Readout name="dice" value=m(|x| x.dice) /></td></tr>
                            <tr><th scope="row">"IoU (p > 0.5)"</th><td><Readout name="iou" value=m(|x| x.iou) /></td></tr>
                            <tr><th scope="row">"pixels predicted object"</th><td><Readout name="predicted-pixels" value=m(|x| x.predicted as f64) /></td></tr>
                        </tbody>
                    </table>
                    <div class="range-field">
                        <label>
                            <span class="range-label">"pos_weight w = " <Readout name="pos-weight" value=pos_weight /></span>
                            <input type="range" min="1" max="40" step="0.5" data-testid="pos-weight"
                                prop:value=move || pos_weight.get().to_string()
                                on:input=move |ev| {
                                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                        if v.is_finite() {
                                            pos_weight.set(((v * 2.0).round() / 2.0).clamp(1.0, 40.0));
                                        }
                                    }
                                } />
                        </label>
                        <p class="muted">"background ÷ object pixels = " <Readout name="balance-weight" value=constant(balance) /></p>
                    </div>
                </div>
            </div>
            <p>
                <strong>"Pixel accuracy"</strong>" counts every pixel the same, and 96 % of them are "
                "background: a model that never finds the object still scores about 96 %. "
                <strong>"Binary cross-entropy"</strong>" is an average over pixels too, so the "
                "background dominates it in the same way; "<code>"pos_weight"</code>" multiplies the "
                "object pixels' term, and at w = background ÷ object both classes weigh the same:"
            </p>
            <Formula block=true latex=FORMULA_WEIGHTED_BCE />
            <p>
                <strong>"Dice"</strong>" and "<strong>"IoU"</strong>" ignore the correctly predicted "
                "background altogether: they compare only the object you predicted with the true one. "
                "Dice uses the probabilities themselves (a soft overlap, so it can be trained "
                "on); IoU thresholds them at 0.5 first (a metric, with no useful gradient)."
            </p>
            <Formula block=true latex=FORMULA_DICE_IOU />
            <p>
                "Training sees batches, and the object's share changes from image to image. One "
                "pos_weight fits the average; to balance each image, weight its pixels by its own "
                "background ÷ object ratio (a per-pixel weight map: "<code>"sample_weight"</code>
                " in Keras, "<code>"weight="</code>" in PyTorch's "
                <code>"binary_cross_entropy_with_logits"</code>"). Keras' "<code>"Dice()"</code>
                " pools every pixel of the batch into one overlap, so a large object in one image "
                "drowns a small one in another; "<code>"Dice(axis=(1, 2, 3))"</code>" scores each "
                "image alone and averages the scores."
            </p>
            <p>
                "Keras has no "<code>"pos_weight"</code>", so the Keras program writes the weighted "
                "BCE as a loss function of its own. Keras calls every loss as "
                <code>"loss(y_true, y_pred)"</code>", the truth first, by position: a loss written "
                "the other way round, as the thread's "<code>"(y_pred, y_true)"</code>", gets the "
                "two swapped without any error."
            </p>
            <CodePanels programs />
            <p class="note">
                "BCE here is Keras' binary cross-entropy on probabilities, which clips p to [1e-7, 1 − 1e-7]: a "
                "pixel painted 0 on the object costs −ln(1e-7) ≈ 16.1 rather than infinity. The table "
                "computes in float64; Keras computes in float32, where 1 − 1e-7 rounds to 0.99999988, so a "
                "background pixel painted 1 costs 15.94 there instead of 16.12. The nerve-"
                "segmentation code the thread links uses a “smooth” Dice, (2Σyp + 1) / (Σy + Σp + 1), "
                "which differs from Keras' "<code>"Dice"</code>" mainly on nearly empty masks."
            </p>
        }
        .into_any()
    }

    // -----------------------------------------------------------------------------------
    // Step 4: the pixel inspector
    // -----------------------------------------------------------------------------------

    pub fn inspector() -> AnyView {
        let truth = StoredValue::new(inspector_truth());
        let original = StoredValue::new(inspector_logits());
        // The link carries only the pixels whose logits were edited.
        let logits = shared_codec(
            "edits",
            inspector_logits(),
            |l: &Vec<[f64; INSPECT_CLASSES]>| pixel_edits_to_link(&inspector_logits(), l),
            |text: &str| pixel_edits_from_link(&inspector_logits(), text),
            "pixel_z0_z1_z2 entries with logits within ±1000",
        );
        let selected = shared(
            "pixel",
            (4usize, 4usize),
            |(r, c)| *r < INSPECT_SIZE && *c < INSPECT_SIZE,
            "row_column inside the map",
        );
        let index = Memo::new(move |_| {
            let (r, c) = selected.get();
            r * INSPECT_SIZE + c
        });
        let z = Memo::new(move |_| {
            logits.with(|l| {
                l.get(index.get())
                    .map(|z| z.to_vec())
                    .unwrap_or_else(|| vec![0.0; INSPECT_CLASSES])
            })
        });
        let p = Memo::new(move |_| math::softmax(&z.get()));
        let predicted = Memo::new(move |_| {
            logits.with(|l| {
                l.iter()
                    .map(|z| predicted_class(&z[..]))
                    .collect::<Vec<_>>()
            })
        });
        let confidence = Memo::new(move |_| {
            logits.with(|l| {
                l.iter()
                    .map(|z| math::softmax(&z[..]).into_iter().fold(0.0, f64::max))
                    .collect::<Vec<_>>()
            })
        });
        let true_class =
            Signal::derive(move || truth.with_value(|t| t.get(index.get()).copied().unwrap_or(0)));
        report_task("find-wrong", move || {
            truth.with_value(|t| logits.with(|l| is_wrong_at(t, l, index.get())))
        });
        report_task("unsure", move || is_unsure(&z.get()));
        report_task("fix-wrong", move || {
            truth.with_value(|t| original.with_value(|o| logits.with(|l| fixed_pixels(t, o, l))))
                >= 1
        });
        let set_logit = Callback::new(move |(k, v): (usize, f64)| {
            let i = index.get_untracked();
            logits.update(|l| {
                if let Some(slot) = l.get_mut(i).and_then(|z| z.get_mut(k)) {
                    *slot = v;
                }
            });
        });
        let pixel_loss = Signal::derive(move || {
            math::sparse_categorical_crossentropy(true_class.get(), &z.get(), true)
                .unwrap_or(f64::NAN)
        });
        let map_loss = Signal::derive(move || {
            truth.with_value(|t| logits.with(|l| mean_pixel_cross_entropy(t, l)))
        });
        let wrong = Signal::derive(move || {
            truth
                .with_value(|t| predicted.with(|p| t.iter().zip(p).filter(|(a, b)| a != b).count()))
                as f64
        });
        let fixed = Signal::derive(move || {
            truth.with_value(|t| original.with_value(|o| logits.with(|l| fixed_pixels(t, o, l))))
                as f64
        });
        let names = Signal::derive(|| {
            INSPECT_CLASS_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        });
        let programs =
            Signal::derive(move || logits.with(|l| panels::inspector_programs(l, selected.get())));
        let prob = move |k: usize| {
            Signal::derive(move || p.with(|p| p.get(k).copied().unwrap_or(f64::NAN)))
        };
        let logit = move |k: usize| {
            Signal::derive(move || z.with(|z| z.get(k).copied().unwrap_or(f64::NAN)))
        };
        view! {
            <p>
                "A 3-class problem: background, a disc and a bar. The model's output has "
                "3 logits per pixel; the prediction map shows each pixel's argmax, faded where the "
                "top softmax probability is low. Click a pixel of the prediction (or focus the map "
                "and use the arrow keys) to see its logits and their softmax. Drag the logits to "
                "change that one pixel's prediction."
            </p>
            <MaskClassMap size=INSPECT_SIZE truth=Signal::derive(move || truth.get_value()) predicted confidence selected class_names=&INSPECT_CLASS_NAMES height=340 />
            <div class="two-charts">
                <figure>
                    <figcaption>{move || { let (r, c) = selected.get(); format!("Logits of pixel (row {r}, column {c})") }}</figcaption>
                    <LogitBars values=z on_change=set_logit range=Signal::derive(|| 6.0) labels=names testid="pixel-logits" height=220 />
                </figure>
                <figure>
                    <figcaption>"softmax over the 3 class channels"</figcaption>
                    <ProbabilityBars values=p labels=names y_label=Signal::derive(|| "softmax p".to_string()) testid="pixel-softmax" height=220 />
                </figure>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="This pixel's logits and softmax">
                <table class="numbers" data-testid="pixel-table">
                    <thead><tr><th scope="col"></th><th scope="col">"background"</th><th scope="col">"disc"</th><th scope="col">"bar"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"logit z"</th><td><Readout name="logit-0" value=logit(0) /></td><td><Readout name="logit-1" value=logit(1) /></td><td><Readout name="logit-2" value=logit(2) /></td></tr>
                        <tr><th scope="row">"softmax p"</th><td><Readout name="softmax-0" value=prob(0) /></td><td><Readout name="softmax-1" value=prob(1) /></td><td><Readout name="softmax-2" value=prob(2) /></td></tr>
                    </tbody>
                </table>
            </div>
            <p class="sums">
                "true class: " <Readout name="true-class" value=Signal::derive(move || true_class.get() as f64) />
                " · predicted: " <Readout name="predicted-class" value=Signal::derive(move || predicted_class(&z.get()) as f64) />
                " · this pixel's cross-entropy: " <Readout name="pixel-loss" value=pixel_loss />
            </p>
            <p class="sums">
                "whole map: mean cross-entropy " <Readout name="map-loss" value=map_loss />
                " · wrong pixels " <Readout name="wrong-pixels" value=wrong />
                " · pixels you fixed " <Readout name="fixed-pixels" value=fixed />
            </p>
            <p>
                "The loss of the whole map is just the mean of these per-pixel cross-entropies, "
                "which is why the framework losses accept (B, H, W, C) outputs unchanged. The "
                "wrong and unsure pixels sit on the edges of the shapes: that is where a "
                "segmentation model's errors live, and why IoU and Dice, which only look at the "
                "objects, show them much more clearly than pixel accuracy."
            </p>
            <CodePanels programs />
        }
        .into_any()
    }

    // -----------------------------------------------------------------------------------
    // Step 5: the one-channel softmax trap
    // -----------------------------------------------------------------------------------

    pub fn softmax_trap() -> AnyView {
        let features = StoredValue::new(trap_features());
        let truth = StoredValue::new(object_mask());
        // A link carries the steps trained; training is deterministic, so it is replayed,
        // in frame-sized slices (a step of the three models costs about 0.13 ms: 5,000 steps
        // at once would freeze the page for 0.65 s).
        let taken = shared(
            "n",
            0usize,
            |n| *n <= TRAP_LINK_STEPS,
            "a number of steps up to 5,000",
        );
        let catch_up = StoredValue::new((taken.get_untracked() > 0).then(|| taken.get_untracked()));
        let models = RwSignal::new(TrapSetup::ALL.map(TrapModel::new).to_vec());
        Effect::new(move |_| {
            let steps = models.with(|m| m.first().map(|m| m.steps).unwrap_or(0));
            // While replaying, the link keeps its target.
            if catch_up.get_value().is_none() {
                taken.set(steps);
            }
        });
        let playing = RwSignal::new(catch_up.get_value().is_some());
        let reports = Memo::new(move |_| {
            features.with_value(|f| {
                truth.with_value(|t| {
                    models.with(|ms| {
                        ms.iter()
                            .map(|m| m.report(f, t))
                            .collect::<Vec<TrapReport>>()
                    })
                })
            })
        });
        report_task("train-100", move || models.with(|m| trained_long_enough(m)));
        report_task("both-learn", move || {
            reports.with(|r| match r.as_slice() {
                [a, b, c] => crate::model::segmentation::correct_heads_learned(&[
                    a.clone(),
                    b.clone(),
                    c.clone(),
                ]),
                _ => false,
            })
        });
        let train = move |n: usize| {
            models.update(|ms| {
                features.with_value(|f| {
                    truth.with_value(|t| {
                        for m in ms.iter_mut() {
                            m.train(f, t, TRAP_LEARNING_RATE, n);
                        }
                    })
                })
            })
        };
        const PLAY_LIMIT: usize = 600;
        use_animation_frame(playing, move |_| {
            if let Some(target) = catch_up.get_value() {
                let start = now_ms();
                let mut steps = models.with_untracked(|m| m.first().map(|m| m.steps).unwrap_or(0));
                while steps < target && now_ms() - start < 6.0 {
                    let n = (target - steps).min(8);
                    train(n);
                    steps += n;
                }
                if steps >= target {
                    catch_up.set_value(None);
                    playing.set(false);
                }
                return;
            }
            train(3);
            if models.with_untracked(|m| m.first().map(|m| m.steps).unwrap_or(0)) >= PLAY_LIMIT {
                playing.set(false);
            }
        });
        let steps =
            Signal::derive(move || models.with(|m| m.first().map(|m| m.steps).unwrap_or(0)) as f64);
        let field = move |i: usize, f: fn(&TrapReport) -> f64| {
            Signal::derive(move || reports.with(|r| r.get(i).map(f).unwrap_or(f64::NAN)))
        };
        let maps = Signal::derive(move || {
            reports.with(|r| r.iter().map(|r| r.object_prob.clone()).collect::<Vec<_>>())
        });
        let trap_cce = Signal::derive(move || {
            reports.with(|r| {
                r.first()
                    .and_then(|r| r.categorical_loss)
                    .unwrap_or(f64::NAN)
            })
        });
        let label = Signal::derive(move || {
            reports.with(|r| {
                let ious: Vec<String> = r.iter().map(|r| format4(r.iou)).collect();
                format!(
                    "What each head predicts for the object mask after {} steps; IoU {}",
                    steps.get(),
                    ious.join(", ")
                )
            })
        });
        // One pixel, three heads.
        let z = shared_number("z", -2.0, -8.0, 8.0);
        let one_softmax = Signal::derive(move || math::softmax(&[z.get()])[0]);
        let one_sigmoid = Signal::derive(move || math::sigmoid(z.get()));
        let two_softmax = Signal::derive(move || math::softmax(&[0.0, z.get()])[1]);
        let programs = Signal::derive(move || panels::trap_programs(z.get()));
        let column = move |i: usize| {
            view! {
                <td>
                    <Readout name=format!("trap-min-{i}") value=field(i, |r| r.output_range.0) />
                    " … "
                    <Readout name=format!("trap-max-{i}") value=field(i, |r| r.output_range.1) />
                </td>
            }
        };
        let cell = move |i: usize, name: &'static str, f: fn(&TrapReport) -> f64| {
            view! { <td><Readout name=format!("{name}-{i}") value=field(i, f) /></td> }
        };
        view! {
            <p>
                "The thread's snippet offers two switches for the binary case, one in each "
                "comment: 1 output channel, and a sigmoid instead of the softmax. Flip only the "
                "first and the model compiles, runs and trains without any error (recent Keras 3 "
                "versions print one warning, easily lost in a training log). Below, the same "
                "feature map feeds three heads, each a 1 × 1 convolution trained by gradient "
                "descent on the object mask from step 3."
            </p>
            <Predict>
                <div class="controls">
                    <fieldset class="seg-range">
                        <legend>"One pixel's logit z"</legend>
                        <input type="range" min="-8" max="8" step="0.1" data-testid="trap-logit" aria-label="Logit z"
                            prop:value=move || z.get().to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    if v.is_finite() {
                                        z.set(((v * 10.0).round() / 10.0).clamp(-8.0, 8.0));
                                    }
                                }
                            } />
                        " z = " <Readout name="trap-logit" value=z />
                    </fieldset>
                </div>
                <p class="sums">
                    "softmax over 1 channel: " <Readout name="trap-softmax-1" value=one_softmax />
                    " · sigmoid: " <Readout name="trap-sigmoid" value=one_sigmoid />
                    " · softmax over 2 channels (0, z), object: " <Readout name="trap-softmax-2" value=two_softmax />
                </p>
                <div class="formula-pair">
                    <Formula block=true latex=FORMULA_TRAP />
                    <Formula block=true latex=FORMULA_TRAP_GRADIENT />
                </div>
                <div class="button-row training-controls" role="group" aria-label="Training controls">
                    <button type="button" data-testid="trap-play" aria-pressed=move || playing.get().to_string()
                        on:click=move |_| { catch_up.set_value(None); playing.update(|p| *p = !*p) }>
                        {move || if playing.get() { "Pause" } else { "Play" }}
                    </button>
                    <button type="button" data-testid="trap-train-10" on:click=move |_| { catch_up.set_value(None); playing.set(false); train(10); }>"Train 10 steps"</button>
                    <button type="button" data-testid="trap-train-100" on:click=move |_| { catch_up.set_value(None); playing.set(false); train(100); }>"Train 100 steps"</button>
                    <button type="button" data-testid="trap-reset" on:click=move |_| { catch_up.set_value(None); playing.set(false); models.set(TrapSetup::ALL.map(TrapModel::new).to_vec()); }>"Reset"</button>
                    <span>"steps: " <Readout name="trap-steps" value=steps /></span>
                </div>
                <MaskMaps size=PAINT_SIZE threshold=THRESHOLD titles=TrapSetup::ALL.iter().map(|s| s.name().to_string()).collect() maps truth=Signal::derive(move || truth.get_value()) label height=270 />
                <div class="table-scroll" tabindex="0" role="region" aria-label="What each head has learnt">
                    <table class="numbers" data-testid="trap-table">
                        <thead><tr><th scope="col"></th>{TrapSetup::ALL.iter().map(|s| view! { <th scope="col">{s.name()}</th> }).collect::<Vec<_>>()}</tr></thead>
                        <tbody>
                            <tr><th scope="row">"outputs (lowest … highest)"</th>{column(0)}{column(1)}{column(2)}</tr>
                            <tr><th scope="row">"training loss"</th>{cell(0, "trap-loss", |r| r.loss)}{cell(1, "trap-loss", |r| r.loss)}{cell(2, "trap-loss", |r| r.loss)}</tr>
                            <tr><th scope="row">"gradient length"</th>{cell(0, "trap-grad", |r| r.gradient_norm)}{cell(1, "trap-grad", |r| r.gradient_norm)}{cell(2, "trap-grad", |r| r.gradient_norm)}</tr>
                            <tr><th scope="row">"IoU (p > 0.5)"</th>{cell(0, "trap-iou", |r| r.iou)}{cell(1, "trap-iou", |r| r.iou)}{cell(2, "trap-iou", |r| r.iou)}</tr>
                        </tbody>
                    </table>
                </div>
                <p>
                    "The one-channel softmax says “object” for every pixel with probability "
                    "exactly 1, before and after training. Its loss never moves: binary "
                    "cross-entropy sits at the clipped ceiling on every background pixel, and "
                    "the thread's categorical cross-entropy even reports "
                    <Readout name="trap-cce" value=trap_cce />
                    ", a near-perfect score for a model that has learnt nothing. The sigmoid and "
                    "the two-channel softmax learn the same mask: softmax over (z₀, z₁) gives "
                    "the object σ(z₁ − z₀), a sigmoid of the difference."
                </p>
                <CodePanels programs />
            </Predict>
        }
        .into_any()
    }

    // -----------------------------------------------------------------------------------
    // Step 6: summary
    // -----------------------------------------------------------------------------------

    pub fn summary() -> AnyView {
        view! {
            <p>"The thread's question, answered for Keras 3 and PyTorch:"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Rules of thumb">
                <table class="summary" data-testid="summary-table">
                    <thead>
                        <tr>
                            <th scope="col">"set-up"</th>
                            <th scope="col">"last layer"</th>
                            <th scope="col">"output (Keras · PyTorch)"</th>
                            <th scope="col">"labels"</th>
                            <th scope="col">"loss"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">"binary, one channel"</th>
                            <td><code>"Conv2D(1, 1, activation=\"sigmoid\")"</code>" · "<code>"nn.Conv2d(k, 1, 1)"</code></td>
                            <td>"(B, H, W, 1) · (N, 1, H, W)"</td>
                            <td>"the 0/1 mask, same shape, float"</td>
                            <td><code>"BinaryCrossentropy"</code>" · "<code>"BCEWithLogitsLoss(pos_weight=…)"</code>", often plus Dice"</td>
                        </tr>
                        <tr>
                            <th scope="row">"binary, two channels"</th>
                            <td><code>"Conv2D(2, 1, activation=\"softmax\")"</code>" · "<code>"nn.Conv2d(k, 2, 1)"</code></td>
                            <td>"(B, H, W, 2) · (N, 2, H, W)"</td>
                            <td>"(B, H, W) integers, or one-hot"</td>
                            <td><code>"SparseCategoricalCrossentropy"</code>" (integers) or "<code>"CategoricalCrossentropy"</code>" (one-hot) · "<code>"CrossEntropyLoss(weight=…)"</code></td>
                        </tr>
                        <tr>
                            <th scope="row">"C classes"</th>
                            <td><code>"Conv2D(C, 1, activation=\"softmax\")"</code>" · "<code>"nn.Conv2d(k, C, 1)"</code></td>
                            <td>"(B, H, W, C) · (N, C, H, W)"</td>
                            <td>"(B, H, W) integers, or one-hot (channels first in PyTorch)"</td>
                            <td>"(sparse) categorical cross-entropy · "<code>"CrossEntropyLoss"</code></td>
                        </tr>
                        <tr class="mistake">
                            <th scope="row">"never"</th>
                            <td>"1 channel + softmax"</td>
                            <td>"1.0 everywhere"</td>
                            <td>"—"</td>
                            <td>"zero gradient: nothing learns"</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <ul class="rules">
                <li>"Keep one output per input pixel: stride 1 and "<code>"padding=\"same\""</code>" (or 1 × 1 kernels) in the last layer; no global pooling, no Dense over the flattened map."</li>
                <li>"Keras 3 needs no Reshape or Permute: softmax and the losses act on the last axis. The thread's Reshape((C, H·W)) + Permute((2, 1)) is right only on channels-first output (Keras 1 on Theano) and scrambles pixels on channels-last output. To move an axis, transpose (Permute, permute); never reshape."</li>
                <li>"With a small object, pixel accuracy says little (all background scores ≈ 96 % here). Report IoU or Dice of the object class; train with Dice, or BCE with pos_weight ≈ background ÷ object, or both."</li>
                <li><code>"nn.CrossEntropyLoss"</code>" and "<code>"nn.BCEWithLogitsLoss"</code>" take logits: no activation at the end of a PyTorch model ("<code>"nn.BCELoss"</code>" takes probabilities, "<code>"nn.NLLLoss"</code>" log-probabilities). In Keras, either an activation plus the default loss, or no activation and "<code>"from_logits=True"</code>"."</li>
                <li>"A loss of your own is called as "<code>"loss(y_true, y_pred)"</code>" in Keras, the truth first. When the object's share varies from image to image, weight each image by its own ratio, and score Dice per image ("<code>"Dice(axis=(1, 2, 3))"</code>"): Keras' "<code>"Dice()"</code>" pools the whole batch."</li>
            </ul>
        }
        .into_any()
    }
}

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
            assert!(crate::formula::to_mathml(f, true).is_ok(), "{f}");
        }
    }
}
