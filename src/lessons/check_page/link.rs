//! A pasted row as a Playground link (`#/playground?z=…`): its logits (ln p for softmax
//! probabilities, logit(p) for sigmoid ones; a single output z becomes the pair [0, z], whose
//! softmax is σ(z)), its label, and the output that fits the task.

use crate::check::calibration::row_logits;
use crate::check::{Diagnosis, Labels, OutputsKind, Table, Task};
use crate::playground::{Head, Labels as PlaygroundLabels, PlaygroundState, MAX_CLASSES};

/// The axis ranges the Playground offers.
const RANGES: [f64; 4] = [12.0, 30.0, 120.0, 1000.0];

/// The Playground query for row `r` (0-based), or why it cannot open there.
pub fn playground_query(
    t: &Table,
    labels: Option<&Labels>,
    d: &Diagnosis,
    r: usize,
) -> Result<String, String> {
    if r >= t.rows {
        return Err(format!(
            "There is no row {}: rows run from 1 to {}.",
            r + 1,
            t.rows
        ));
    }
    if t.cols > MAX_CLASSES {
        return Err(format!(
            "The Playground takes 2 to {MAX_CLASSES} classes; these rows have {}.",
            t.cols
        ));
    }
    let row = t.row(r);
    if row.iter().any(|v| !v.is_finite()) {
        return Err(format!("Row {} holds NaN or ∞: nothing to show.", r + 1));
    }
    let binary = t.cols == 1;
    let logits = d.outputs.kind.are_logits();
    let softmax = d.outputs.kind == OutputsKind::SoftmaxProbabilities;
    let mut z = row_logits(row, logits, softmax);
    if binary {
        z = vec![0.0, z[0]];
    }
    let target = labels.map(|l| l.dense(t.cols)).map(|y| {
        if binary {
            let k = y[r] as usize;
            vec![(k == 0) as u8 as f64, (k == 1) as u8 as f64]
        } else {
            y[r * t.cols..(r + 1) * t.cols].to_vec()
        }
    });
    let (labels, head) = match (d.task.kind, target) {
        (Task::MultiLabel, Some(y)) => (
            PlaygroundLabels::MultiHot(y.iter().map(|&v| v == 1.0).collect()),
            Head::Sigmoid,
        ),
        (Task::MultiLabel, None) => (PlaygroundLabels::OneHot(0), Head::Sigmoid),
        (_, Some(y)) => (
            PlaygroundLabels::OneHot(y.iter().position(|&v| v == 1.0).unwrap_or(0)),
            Head::Softmax,
        ),
        (_, None) => (PlaygroundLabels::OneHot(0), Head::Softmax),
    };
    let top = z.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let range = RANGES.into_iter().find(|&r| top <= r).unwrap_or(1000.0);
    let state = PlaygroundState {
        logits: z,
        labels,
        head,
        range,
        ..PlaygroundState::default()
    };
    Ok(state.to_query())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;

    #[test]
    fn rows_open_in_the_playground_with_their_logits_and_label() {
        let o = check("[[2.5, -1.0, 0.5], [0.1, 0.2, 40.0]]", "[0, 2]");
        let (t, d) = (o.outputs.unwrap(), o.diagnosis.unwrap());
        let q = playground_query(&t, o.labels.as_ref(), &d, 1).unwrap();
        assert!(q.starts_with("z=0.1,0.2,40.0&y=onehot:2"), "{q}");
        assert!(q.contains("range=120.0"), "{q}");
        let back = PlaygroundState::from_query(&q).unwrap();
        assert_eq!(back.logits, vec![0.1, 0.2, 40.0]);
        assert!(playground_query(&t, None, &d, 2).is_err());
    }

    #[test]
    fn probabilities_and_single_outputs_become_logits() {
        let o = check("[0.5, 0.8807970779778823]", "[0, 1]");
        let (t, d) = (o.outputs.unwrap(), o.diagnosis.unwrap());
        let q = playground_query(&t, o.labels.as_ref(), &d, 1).unwrap();
        let s = PlaygroundState::from_query(&q).unwrap();
        assert_eq!(s.logits[0], 0.0);
        assert!((s.logits[1] - 2.0).abs() < 1e-3, "{q}");
        assert_eq!(s.labels, PlaygroundLabels::OneHot(1));
        let o = check("[[0.9, 0.8, 0.1]]", "[[1, 1, 0]]");
        let (t, d) = (o.outputs.unwrap(), o.diagnosis.unwrap());
        let s =
            PlaygroundState::from_query(&playground_query(&t, o.labels.as_ref(), &d, 0).unwrap())
                .unwrap();
        assert_eq!(s.head, Head::Sigmoid);
        assert_eq!(
            s.labels,
            PlaygroundLabels::MultiHot(vec![true, true, false])
        );
        let wide = format!("[[{}]]", ["0.5"; 11].join(","));
        let o = check(&wide, "");
        assert!(playground_query(
            o.outputs.as_ref().unwrap(),
            None,
            o.diagnosis.as_ref().unwrap(),
            0
        )
        .unwrap_err()
        .contains("2 to 10"));
    }
}
