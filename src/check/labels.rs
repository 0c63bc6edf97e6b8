//! Labels as the page reads them: class indices (or 0/1) per sample, or rows of 0 and 1.

use super::parse::Table;

/// Labels read from a pasted table.
#[derive(Clone, Debug, PartialEq)]
pub enum Labels {
    /// One whole number per sample: a class index, or 0/1 for a binary output.
    Indices(Vec<i64>),
    /// One row of 0 and 1 per sample (one-hot or multi-hot).
    Rows {
        /// Columns per row.
        cols: usize,
        /// The 0s and 1s, row by row.
        values: Vec<f64>,
    },
}

impl Labels {
    /// Reads labels from a parsed table, or says which value breaks the format.
    pub fn from_table(t: &Table) -> Result<Labels, String> {
        if t.cols == 1 {
            let mut out = Vec::with_capacity(t.values.len());
            for (i, &v) in t.values.iter().enumerate() {
                if !v.is_finite() || v.fract() != 0.0 || v.abs() > 1e9 {
                    let whole = t.values.iter().filter(|x| x.fract() == 0.0).count();
                    let mixed = if whole > 0 {
                        " The labels mix formats: the others are whole numbers."
                    } else {
                        ""
                    };
                    return Err(format!(
                        "Labels, sample {}: {v} is not a class index.{mixed} Labels must be \
                         class indices (0, 1, 2, …), 0/1 per sample, or rows of 0 and 1 \
                         (one-hot or multi-hot). Soft labels are not supported here.",
                        i + 1
                    ));
                }
                out.push(v as i64);
            }
            return Ok(Labels::Indices(out));
        }
        if let Some(i) = t.values.iter().position(|&v| v != 0.0 && v != 1.0) {
            return Err(format!(
                "Labels, row {}, column {}: {} is neither 0 nor 1. Label rows must be one-hot \
                 or multi-hot (only 0 and 1); class indices go one per sample.",
                i / t.cols + 1,
                i % t.cols + 1,
                t.values[i]
            ));
        }
        Ok(Labels::Rows {
            cols: t.cols,
            values: t.values.clone(),
        })
    }

    /// How many samples the labels are for.
    pub fn samples(&self) -> usize {
        match self {
            Labels::Indices(ix) => ix.len(),
            Labels::Rows { cols, values } => values.len() / cols.max(&1),
        }
    }

    /// The targets as rows of `c` numbers (a class index becomes a one-hot row; with
    /// `c == 1`, 0/1 per sample).
    pub fn dense(&self, c: usize) -> Vec<f64> {
        match self {
            Labels::Rows { values, .. } => values.clone(),
            Labels::Indices(ix) if c == 1 => ix.iter().map(|&i| i as f64).collect(),
            Labels::Indices(ix) => {
                let mut out = vec![0.0; ix.len() * c];
                for (r, &i) in ix.iter().enumerate() {
                    if i >= 0 && (i as usize) < c {
                        out[r * c + i as usize] = 1.0;
                    }
                }
                out
            }
        }
    }

    /// One class index per sample: the index itself, or the first 1 of a row.
    pub fn indices(&self) -> Vec<usize> {
        match self {
            Labels::Indices(ix) => ix.iter().map(|&i| i.max(0) as usize).collect(),
            Labels::Rows { cols, values } => values
                .chunks(*cols)
                .map(|r| r.iter().position(|&v| v == 1.0).unwrap_or(0))
                .collect(),
        }
    }
}
