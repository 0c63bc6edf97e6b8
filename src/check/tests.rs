//! Tests of the diagnosis rules: every kind, task and warning, and the loss and metric values
//! against numbers worked out here independently.

use super::*;

fn run(outputs: &str, labels: &str) -> Diagnosis {
    let o = check(outputs, labels);
    assert_eq!(o.outputs_error, None);
    assert_eq!(o.labels_error, None);
    o.diagnosis.unwrap()
}

fn kinds(d: &Diagnosis) -> (&str, &str, &str) {
    (d.outputs.kind.id(), d.labels.kind.id(), d.task.kind.id())
}

fn codes(d: &Diagnosis) -> Vec<&str> {
    d.warnings.iter().map(|w| w.code).collect()
}

fn loss(d: &Diagnosis, id: &str) -> f64 {
    let r = d.report.as_ref().expect("a report");
    *r.loss(id)
        .unwrap_or_else(|| panic!("no {id}"))
        .value
        .as_ref()
        .unwrap()
}

fn metric(d: &Diagnosis, name: &str) -> f64 {
    let r = d.report.as_ref().expect("a report");
    *r.metrics
        .iter()
        .find(|m| m.name == name)
        .unwrap()
        .value
        .as_ref()
        .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

/// −ln softmax(z)[k], written out independently of `crate::math`.
fn nll(z: &[f64], k: usize) -> f64 {
    let s: f64 = z.iter().map(|v| v.exp()).sum();
    s.ln() - z[k]
}

#[test]
fn logits_with_class_indices_are_a_clean_multi_class_model() {
    let d = run(
        "tensor([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]], grad_fn=<AddmmBackward0>)",
        "tensor([0, 2])",
    );
    assert_eq!(kinds(&d), ("logits", "sparse", "multi-class"));
    assert!(
        d.outputs.reason.contains("outside [0, 1]"),
        "{}",
        d.outputs.reason
    );
    assert!(codes(&d).is_empty(), "{:?}", codes(&d));
    let expected = (nll(&[2.0, -1.0, 0.5], 0) + nll(&[0.1, 0.2, 3.0], 2)) / 2.0;
    assert!(close(loss(&d, "sparse_categorical_crossentropy"), expected));
    assert!(close(loss(&d, "categorical_crossentropy"), expected));
    let r = d.report.as_ref().unwrap();
    assert_eq!(
        r.recommended().unwrap().name,
        "sparse_categorical_crossentropy"
    );
    assert!(r.recommended().unwrap().from_logits);
    assert_eq!(metric(&d, "sparse_categorical_accuracy"), 1.0);
}

#[test]
fn softmax_rows_with_one_hot_labels_invite_the_from_logits_mistake() {
    let d = run(
        "array([[0.7, 0.2, 0.1],\n       [0.1, 0.3, 0.6]], dtype=float32)",
        "[[1, 0, 0], [0, 1, 0]]",
    );
    assert_eq!(
        kinds(&d),
        ("softmax-probabilities", "one-hot", "multi-class")
    );
    assert!(
        d.outputs.reason.contains("every row sums to 1 within 1e-6"),
        "{}",
        d.outputs.reason
    );
    assert_eq!(codes(&d), vec!["probabilities-passed-as-logits"]);
    assert_eq!(d.warnings[0].severity, Severity::Check);
    let right = (-(0.7f64.ln()) - 0.3f64.ln()) / 2.0;
    assert!((loss(&d, "categorical_crossentropy") - right).abs() < 1e-9);
    let wrong = (nll(&[0.7, 0.2, 0.1], 0) + nll(&[0.1, 0.3, 0.6], 1)) / 2.0;
    assert!(close(loss(&d, "categorical_crossentropy-as-logits"), wrong));
    assert!(d.warnings[0]
        .message
        .contains(&crate::format::format4(wrong)));
    assert_eq!(metric(&d, "categorical_accuracy"), 0.5);
}

#[test]
fn double_softmax_is_caught_by_its_ceiling() {
    let soft = |z: &[f64]| crate::math::softmax(z);
    let rows = [
        soft(&soft(&[4.0, 0.0, -2.0])),
        soft(&soft(&[-1.0, 3.0, 0.0])),
    ];
    let text = format!("{:?}", rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
    let d = run(&text, "");
    assert_eq!(kinds(&d), ("softmax-probabilities", "none", "multi-class"));
    assert!(codes(&d).contains(&"double-softmax"));
    let ceiling = std::f64::consts::E / (std::f64::consts::E + 2.0);
    assert!(close(diagnose::double_softmax_ceiling(3), ceiling));
    // One softmax of the same logits is far above the ceiling: no warning.
    let once = format!("{:?}", vec![soft(&[4.0, 0.0, -2.0])]);
    assert!(!codes(&run(&once, "")).contains(&"double-softmax"));
}

#[test]
fn multi_label_outputs_and_their_mistakes() {
    let d = run("0.9 0.8 0.1\n0.2 0.7 0.6", "1 1 0\n0 1 1");
    assert_eq!(
        kinds(&d),
        ("sigmoid-probabilities", "multi-hot", "multi-label")
    );
    assert!(codes(&d).contains(&"cce-on-multi-hot"));
    assert!(!codes(&d).contains(&"softmax-on-multi-label"));
    let bce = |y: f64, p: f64| -(y * p.ln() + (1.0 - y) * (1.0 - p).ln());
    let expected = ((bce(1.0, 0.9) + bce(1.0, 0.8) + bce(0.0, 0.1)) / 3.0
        + (bce(0.0, 0.2) + bce(1.0, 0.7) + bce(1.0, 0.6)) / 3.0)
        / 2.0;
    assert!((loss(&d, "binary_crossentropy") - expected).abs() < 1e-9);
    assert_eq!(metric(&d, "binary_accuracy"), 1.0);
    assert_eq!(
        d.report.as_ref().unwrap().recommended().unwrap().name,
        "binary_crossentropy"
    );

    let d = run(
        "[[0.5, 0.4, 0.1], [0.1, 0.45, 0.45]]",
        "[[1, 1, 0], [0, 1, 1]]",
    );
    assert_eq!(
        kinds(&d),
        ("softmax-probabilities", "multi-hot", "multi-label")
    );
    let c = codes(&d);
    assert!(
        c.contains(&"softmax-on-multi-label") && c.contains(&"cce-on-multi-hot"),
        "{c:?}"
    );
}

#[test]
fn binary_outputs_as_probabilities_and_as_logits() {
    let d = run(
        "array([[0.9],\n       [0.2],\n       [0.6]], dtype=float32)",
        "[1, 0, 0]",
    );
    assert_eq!(kinds(&d), ("binary-probabilities", "binary", "binary"));
    let expected = -(0.9f64.ln() + 0.8f64.ln() + 0.4f64.ln()) / 3.0;
    assert!((loss(&d, "binary_crossentropy") - expected).abs() < 1e-9);
    assert_eq!(metric(&d, "binary_accuracy"), 2.0 / 3.0);
    assert_eq!(metric(&d, "roc_auc"), 1.0);

    let d = run("[2.5, -1.0, 0.3]", "1\n0\n1");
    assert_eq!(kinds(&d), ("binary-logits", "binary", "binary"));
    let sp = |x: f64| (1.0 + x.exp()).ln();
    let expected = (sp(-2.5) + sp(-1.0) + sp(-0.3)) / 3.0;
    assert!(close(loss(&d, "binary_crossentropy"), expected));
    assert!(codes(&d).is_empty());
}

#[test]
fn labels_that_do_not_fit() {
    let d = run("[[1, 2, 3], [0, 1, 2]]", "[0, 3]");
    assert_eq!(codes(&d), vec!["label-out-of-range"]);
    assert!(
        d.warnings[0].message.contains("sample 2: 3"),
        "{}",
        d.warnings[0].message
    );
    assert!(d.report.is_none());
    let d = run("[0.2, 0.7]", "[0, 2]");
    assert_eq!(
        codes(&d),
        vec!["label-out-of-range", "probabilities-passed-as-logits"]
    );
    let d = run("[[1, 2, 3], [0, 1, 2]]", "[0, 1, 2]");
    assert_eq!(codes(&d), vec!["shape-mismatch"]);
    assert!(d.warnings[0].message.contains("2 output rows but 3 labels"));
    let d = run("[[1, 2, 3], [0, 1, 2]]", "[[0, 1], [1, 0]]");
    assert_eq!(codes(&d), vec!["shape-mismatch"]);
    assert!(d.warnings[0].message.contains("2 columns"));
}

#[test]
fn non_finite_values_are_located_and_stop_the_losses() {
    let d = run("[[3.0, nan], [inf, 0.5]]", "[0, 1]");
    assert_eq!(kinds(&d).0, "logits");
    assert_eq!(codes(&d), vec!["non-finite"]);
    assert!(
        d.warnings[0]
            .message
            .contains("row 1, column 2; row 2, column 1"),
        "{}",
        d.warnings[0].message
    );
    assert!(d.report.is_none());
}

#[test]
fn probabilities_at_exactly_zero_or_one_in_float32_are_saturated() {
    let d = run("[[1.0, 0.0], [0.999999999, 0.000000001]]", "[1, 0]");
    assert_eq!(kinds(&d).0, "softmax-probabilities");
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == "saturated")
        .expect("saturated");
    assert!(
        w.message.contains("3 probabilities") && w.message.contains("16.12"),
        "{}",
        w.message
    );
    // Keras clips: the wrong, certain first row costs −ln(1e-7) = 16.118.
    let first = 16.11809565095832;
    assert!(loss(&d, "sparse_categorical_crossentropy") > first / 2.0);
    assert!(!codes(&run("[[0.99, 0.01]]", "")).contains(&"saturated"));
}

#[test]
fn printed_precision_widens_the_sum_tolerance() {
    // PyTorch prints 4 decimals: 0.3333 × 3 sums to 0.9999.
    let d = run(
        "tensor([[0.3333, 0.3333, 0.3333], [0.1000, 0.2000, 0.7000]])",
        "",
    );
    assert_eq!(d.outputs.kind, OutputsKind::SoftmaxProbabilities);
    assert!(d.outputs.reason.contains("1.5e-4"), "{}", d.outputs.reason);
    let d = run("[[0.3, 0.3, 0.3]]", "");
    assert_eq!(d.outputs.kind, OutputsKind::SigmoidProbabilities);
    assert!(
        d.outputs.reason.contains("row 1 sums to 0.9"),
        "{}",
        d.outputs.reason
    );
}

#[test]
fn without_labels_the_task_follows_the_outputs() {
    let d = run("[[1.5, -0.2], [0.3, 2.2]]", "");
    assert_eq!(kinds(&d), ("logits", "none", "multi-class"));
    assert!(d.task.reason.contains("paste labels"));
    assert!(d.report.is_none() && codes(&d).is_empty());
    let d = run("[[0.9, 0.8], [0.3, 0.1]]", "");
    assert_eq!(kinds(&d), ("sigmoid-probabilities", "none", "multi-label"));
    assert_eq!(codes(&d), vec!["probabilities-passed-as-logits"]);
}

#[test]
fn labels_in_an_unreadable_format_say_why() {
    let o = check("[[1, 2], [3, 4]]", "[0, 0.5]");
    assert!(
        o.labels_error.as_deref().unwrap().contains("mix formats"),
        "{:?}",
        o.labels_error
    );
    assert_eq!(o.diagnosis.unwrap().labels.kind, LabelsKind::None);
    let o = check("[[1, 2], [3, 4]]", "[[0, 2], [1, 0]]");
    assert!(o
        .labels_error
        .unwrap()
        .contains("row 1, column 2: 2 is neither 0 nor 1"));
    let o = check("[[1, 2], [3, 4]]", "[0, 1");
    assert!(o
        .labels_error
        .unwrap()
        .starts_with("Labels: Line 1, column 6"));
    let o = check("...", "");
    assert!(o
        .outputs_error
        .unwrap()
        .contains("np.set_printoptions(threshold=np.inf)"));
}

#[test]
fn many_classes_get_top_k_and_every_metric_is_finite() {
    let rows: Vec<Vec<f64>> = (0..4)
        .map(|r| (0..8).map(|c| ((r * 8 + c) % 5) as f64 - 2.0).collect())
        .collect();
    let d = run(&format!("{rows:?}"), "[0, 1, 2, 3]");
    let r = d.report.as_ref().unwrap();
    assert!(r
        .metrics
        .iter()
        .any(|m| m.name == "top_k_categorical_accuracy"));
    for m in &r.metrics {
        assert!(
            m.value.as_ref().is_ok_and(|v| v.is_finite()),
            "{}: {:?}",
            m.name,
            m.value
        );
    }
    for l in &r.losses {
        assert!(
            l.value.as_ref().is_ok_and(|v| v.is_finite()),
            "{}: {:?}",
            l.id,
            l.value
        );
    }
}

/// 10,000 rows × 100 logits as NumPy prints them, and a class index per row.
fn a_million_numbers() -> (String, String) {
    let mut text = String::from("array([");
    for r in 0..10_000 {
        let row: Vec<String> = (0..100)
            .map(|c| format!("{:.6}", ((r * 31 + c * 17) % 97) as f64 / 13.0 - 3.0))
            .collect();
        text.push_str(&format!("[{}],\n", row.join(", ")));
    }
    text.push_str("], dtype=float32)");
    let labels: Vec<String> = (0..10_000).map(|r| (r % 100).to_string()).collect();
    (text, labels.join(" "))
}

/// Times the whole check of 10,000 rows × 100 classes (run with `--release --ignored`).
#[test]
#[ignore]
fn bench_a_million_numbers() {
    let (text, labels) = a_million_numbers();
    let t0 = std::time::Instant::now();
    let table = parse(&text).unwrap();
    let t1 = t0.elapsed();
    let l = Labels::from_table(&parse(&labels).unwrap()).unwrap();
    let t2 = t0.elapsed();
    let d = diagnose(&table, Some(&l));
    let t3 = t0.elapsed();
    eprintln!(
        "parse {t1:?}, labels {:?}, diagnose+report {:?}, outputs {}",
        t2 - t1,
        t3 - t2,
        d.outputs.kind.id()
    );
}

/// Times each stage at two sizes: the ratio shows whether a stage grows faster than linearly.
#[test]
#[ignore]
fn stages_grow_linearly() {
    for rows in [1_000usize, 2_000, 4_000] {
        let mut text = String::from("array([");
        for r in 0..rows {
            let row: Vec<String> = (0..100)
                .map(|c| format!("{:.6}", ((r * 31 + c * 17) % 97) as f64 / 13.0 - 3.0))
                .collect();
            text.push_str(&format!("[{}],\n", row.join(", ")));
        }
        text.push_str("], dtype=float32)");
        let labels: Vec<String> = (0..rows).map(|r| (r % 100).to_string()).collect();
        let labels = labels.join(" ");
        let t = std::time::Instant::now();
        let table = parse(&text).unwrap();
        let parse_t = t.elapsed();
        let l = Labels::from_table(&parse(&labels).unwrap()).unwrap();
        let t = std::time::Instant::now();
        let mut d = diagnose::diagnose_start(&table, Some(&l));
        let start_t = t.elapsed();
        let mut times = Vec::new();
        let task = d.task.kind;
        let r = d.report.as_mut().unwrap();
        loop {
            let t = std::time::Instant::now();
            let done = report_step(r, &table, &l, task, 20_000);
            times.push(t.elapsed().as_millis());
            if done {
                break;
            }
        }
        eprintln!("{rows} rows: parse {parse_t:?}, start {start_t:?}, steps {times:?}");
    }
}

/// Times each slice of a job on 10,000 rows × 100 classes as the page runs it (20,000
/// numbers' budget) and prints the slowest (run with `--release --ignored`): the page must
/// keep every slice far under 100 ms.
#[test]
#[ignore]
fn slowest_slices_of_a_million_numbers() {
    let (text, labels) = a_million_numbers();
    let mut job = super::Job::new(text, labels);
    let mut slices = Vec::new();
    let mut before = String::from("start");
    loop {
        let t = std::time::Instant::now();
        let step = job.step(20_000);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let now = match &step {
            super::Step::Working(m) => m.clone(),
            super::Step::Done(_) => "done".to_string(),
        };
        slices.push((ms, format!("{before} → {now}")));
        before = now;
        if matches!(step, super::Step::Done(_)) {
            break;
        }
    }
    slices.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, what) in slices.iter().take(8) {
        eprintln!("{ms:7.2} ms  {what}");
    }
}
