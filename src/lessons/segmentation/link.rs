//! Lesson 6's widget state in a step's link: set-up, flatten choice, edited pixels, trap steps.

use crate::link::LinkValue;
use crate::model::segmentation::{
    Flatten, Framework, Head, LabelFormat, LastLayer, ShapeSetup, INSPECT_CLASSES,
};

crate::link_enum!(Framework { Framework::Keras => "keras", Framework::PyTorch => "pytorch" });
crate::link_enum!(Head { Head::Softmax => "softmax", Head::Sigmoid => "sigmoid" });
crate::link_enum!(LabelFormat { LabelFormat::OneHot => "onehot", LabelFormat::Sparse => "sparse" });
crate::link_enum!(LastLayer {
    LastLayer::ThreadCall => "thread",
    LastLayer::Valid3 => "valid3",
    LastLayer::Same3 => "same3",
    LastLayer::OneByOne => "1x1",
});
crate::link_enum!(Flatten {
    Flatten::ThreadReshapePermute => "thread",
    Flatten::ReshapePixelsFirst => "pixels-first",
    Flatten::NoReshape => "none",
});

/// In a link: `framework_head_labels_classes_layer_batch_height_width`, e.g.
/// `keras_softmax_onehot_3_thread_8_128_128`; sizes must be 1 to 100,000 (classes 1 to 8).
impl LinkValue for ShapeSetup {
    fn to_link(&self) -> String {
        [
            self.framework.to_link(),
            self.head.to_link(),
            self.labels.to_link(),
            self.classes.to_string(),
            self.last_layer.to_link(),
            self.batch.to_string(),
            self.height.to_string(),
            self.width.to_string(),
        ]
        .join("_")
    }
    fn from_link(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split('_').collect();
        let [framework, head, labels, classes, layer, batch, height, width] = p.as_slice() else {
            return None;
        };
        let size = |t: &str| usize::from_link(t).filter(|n| (1..=100_000).contains(n));
        Some(ShapeSetup {
            framework: Framework::from_link(framework)?,
            head: Head::from_link(head)?,
            labels: LabelFormat::from_link(labels)?,
            classes: usize::from_link(classes).filter(|c| (1..=8).contains(c))?,
            last_layer: LastLayer::from_link(layer)?,
            batch: size(batch)?,
            height: size(height)?,
            width: size(width)?,
        })
    }
}

/// The inspector's edited pixels for a link: `pixel_z0_z1_z2` for every pixel whose logits
/// differ from `original`, comma-separated (empty when nothing was edited).
pub fn pixel_edits_to_link(
    original: &[[f64; INSPECT_CLASSES]],
    current: &[[f64; INSPECT_CLASSES]],
) -> String {
    original
        .iter()
        .zip(current)
        .enumerate()
        .filter(|(_, (o, c))| o != c)
        .map(|(i, (_, c))| {
            std::iter::once(i.to_string())
                .chain(c.iter().map(|z| z.to_link()))
                .collect::<Vec<_>>()
                .join("_")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// `original` with a link's edits applied, or `None` if any entry is malformed, names a
/// pixel outside the map, or holds a logit that is not finite or beyond ±1000.
pub fn pixel_edits_from_link(
    original: &[[f64; INSPECT_CLASSES]],
    text: &str,
) -> Option<Vec<[f64; INSPECT_CLASSES]>> {
    let mut out = original.to_vec();
    for entry in text.split(',').filter(|e| !e.trim().is_empty()) {
        let mut parts = entry.split('_');
        let i = usize::from_link(parts.next()?)?;
        let mut z = [0.0; INSPECT_CLASSES];
        for slot in &mut z {
            *slot = f64::from_link(parts.next()?).filter(|v| v.abs() <= 1000.0)?;
        }
        if parts.next().is_some() {
            return None;
        }
        *out.get_mut(i)? = z;
    }
    Some(out)
}

/// The most trap steps a shared link may ask to replay (about 0.65 s of work, in slices).
pub const TRAP_LINK_STEPS: usize = 5_000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segmentation::inspector_logits;

    #[test]
    fn inspector_edits_survive_a_link() {
        let original = inspector_logits();
        assert_eq!(pixel_edits_to_link(&original, &original), "");
        assert_eq!(pixel_edits_from_link(&original, ""), Some(original.clone()));
        let mut edited = original.clone();
        edited[5] = [1.5, -0.25, 0.1 + 0.2];
        edited[143] = [-6.0, 6.0, 0.0];
        let text = pixel_edits_to_link(&original, &edited);
        assert_eq!(text, "5_1.5_-0.25_0.30000000000000004,143_-6.0_6.0_0.0");
        assert_eq!(pixel_edits_from_link(&original, &text), Some(edited));
        for bad in [
            "144_1_2_3",
            "5_1_2",
            "5_1_2_3_4",
            "5_1_NaN_3",
            "5_1_2_1e9",
            "x_1_2_3",
        ] {
            assert_eq!(pixel_edits_from_link(&original, bad), None, "{bad}");
        }
    }

    #[test]
    fn a_shape_setup_survives_a_link() {
        let mut s = ShapeSetup::start();
        assert_eq!(s.to_link(), "keras_softmax_onehot_3_thread_8_128_128");
        s.framework = Framework::PyTorch;
        s.last_layer = LastLayer::OneByOne;
        s.classes = 5;
        assert_eq!(ShapeSetup::from_link(&s.to_link()), Some(s));
        for bad in [
            "keras_softmax_onehot_9_thread_8_128_128",
            "keras_softmax_onehot_3_thread_0_128_128",
            "keras_softmax",
        ] {
            assert_eq!(ShapeSetup::from_link(bad), None, "{bad}");
        }
    }

    /// Every value is written as its name and read back from it.
    fn named<T: LinkValue + PartialEq + std::fmt::Debug + Copy>(names: &[(T, &str)]) {
        for (value, name) in names {
            assert_eq!(value.to_link(), *name);
            assert_eq!(T::from_link(name), Some(*value));
        }
    }

    #[test]
    fn the_choices_keep_their_link_names() {
        named(&[
            (LastLayer::ThreadCall, "thread"),
            (LastLayer::Valid3, "valid3"),
            (LastLayer::Same3, "same3"),
            (LastLayer::OneByOne, "1x1"),
        ]);
        named(&[
            (Flatten::ThreadReshapePermute, "thread"),
            (Flatten::ReshapePixelsFirst, "pixels-first"),
            (Flatten::NoReshape, "none"),
        ]);
        named(&[(Framework::Keras, "keras"), (Framework::PyTorch, "pytorch")]);
        named(&[(Head::Softmax, "softmax"), (Head::Sigmoid, "sigmoid")]);
        named(&[
            (LabelFormat::OneHot, "onehot"),
            (LabelFormat::Sparse, "sparse"),
        ]);
    }
}
