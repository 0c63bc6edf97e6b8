//! Python text the programs share: long lists, pictures, labels and the test set's kinds.

use crate::lessons::code::py;
use crate::model::anomaly::{Dataset, Kind, SIDE};

/// Rows of `per_row` items, indented, for a long Python list.
fn block(items: &[String], per_row: usize) -> String {
    let rows: Vec<String> = items
        .chunks(per_row.max(1))
        .map(|c| format!("    {},", c.join(", ")))
        .collect();
    format!("[\n{}\n]", rows.join("\n"))
}

/// A long list of numbers for Python, ten a row.
pub(super) fn py_block(values: &[f64]) -> String {
    block(&values.iter().map(|v| py(*v)).collect::<Vec<_>>(), 10)
}

/// A picture as a Python 12×12 list of rows, each value written by `cell`.
pub(super) fn py_grid<T: Copy>(values: &[T], cell: impl Fn(T) -> String) -> String {
    let rows: Vec<String> = values
        .chunks(SIDE)
        .map(|r| {
            format!(
                "[{}]",
                r.iter().map(|v| cell(*v)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    block(&rows, 1)
}

/// A picture as a Python 12×12 list of rows, each number with `decimals` decimals.
pub(super) fn py_picture(values: &[f64], decimals: usize) -> String {
    py_grid(values, |v| format!("{v:.decimals$}"))
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
pub(super) fn py_labels(labels: &[f64]) -> String {
    runs(labels)
        .iter()
        .map(|(y, n)| format!("[{}] * {n}", *y as i64))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The test pictures' kinds, as a NumPy expression.
pub(super) fn py_kinds(kinds: &[Kind]) -> String {
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
pub(super) fn a_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Normal => "a good part",
        Kind::Scratch => "a scratch",
        Kind::Spot => "a spot",
        Kind::MissingPiece => "a missing piece",
    }
}

/// How the test set is laid out, in words.
pub(super) fn layout(kinds: &[Kind]) -> String {
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

pub(super) fn test_kinds(labels: &[f64]) -> Vec<Kind> {
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
