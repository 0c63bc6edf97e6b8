//! The widget states of lesson 3 that a link carries as words: the labels' spelling (step 1)
//! and the shape of the targets (step 6).

/// How step 1 writes the true label(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// One-hot vector: exactly one class.
    OneHot,
    /// Integer class index: exactly one class.
    Sparse,
    /// Multi-hot vector: any subset of labels.
    MultiHot,
}

crate::link_enum!(Spelling {
    Spelling::OneHot => "onehot",
    Spelling::Sparse => "sparse",
    Spelling::MultiHot => "multihot",
});

/// How a target tensor is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetShape {
    /// (B, C), one 1 per row.
    OneHot,
    /// (B, C), any number of 1s per row.
    MultiHot,
    /// (B,): an integer class per sample.
    Integer,
    /// (B, 1): an integer class per sample, as a column.
    IntegerColumn,
}

crate::link_enum!(TargetShape {
    TargetShape::OneHot => "onehot",
    TargetShape::MultiHot => "multihot",
    TargetShape::Integer => "integer",
    TargetShape::IntegerColumn => "column",
});
