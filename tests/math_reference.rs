//! Every case of `tests/data/keras_reference.json` (exact values of the Keras 3 formulas,
//! cross-checked with Keras and scikit-learn) against `logit_lab::math`.
//!
//! Tolerance: |got − expected| ≤ 1e-9·|expected| + 1e-12, except `auc_keras` (Keras
//! accumulates in float32): 1e-5. Non-finite expected values must match exactly.
//! All failures are collected and reported together.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use logit_lab::math;
use serde_json::Value;

const TOTAL_CASES: usize = 721;

fn load() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/keras_reference.json"
    );
    let text = std::fs::read_to_string(path).expect("read keras_reference.json");
    serde_json::from_str(&text).expect("parse keras_reference.json")
}

/// A number, or one of the strings "inf", "-inf", "nan".
fn num(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| format!("bad number {n}")),
        Value::String(s) => match s.as_str() {
            "inf" => Ok(f64::INFINITY),
            "-inf" => Ok(f64::NEG_INFINITY),
            "nan" => Ok(f64::NAN),
            other => Err(format!("bad number string {other:?}")),
        },
        other => Err(format!("expected a number, got {other}")),
    }
}

fn field<'a>(case: &'a Value, key: &str) -> Result<&'a Value, String> {
    case.get(key)
        .ok_or_else(|| format!("missing field {key:?}"))
}

fn f(case: &Value, key: &str) -> Result<f64, String> {
    num(field(case, key)?)
}

fn vec_f(case: &Value, key: &str) -> Result<Vec<f64>, String> {
    field(case, key)?
        .as_array()
        .ok_or_else(|| format!("{key:?} is not an array"))?
        .iter()
        .map(num)
        .collect()
}

fn boolean(case: &Value, key: &str) -> Result<bool, String> {
    field(case, key)?
        .as_bool()
        .ok_or_else(|| format!("{key:?} is not a bool"))
}

fn uint(case: &Value, key: &str) -> Result<usize, String> {
    field(case, key)?
        .as_u64()
        .map(|u| u as usize)
        .ok_or_else(|| format!("{key:?} is not an unsigned integer"))
}

fn ok<T>(r: Result<T, math::MathError>) -> Result<T, String> {
    r.map_err(|e| format!("returned error: {e}"))
}

/// |got − expected| / tolerance: the case passes iff this is ≤ 1 (0 for matching
/// non-finite values, +∞ for mismatching ones).
fn error_ratio(got: f64, want: f64, auc: bool) -> f64 {
    if !want.is_finite() {
        let same = if want.is_nan() {
            got.is_nan()
        } else {
            got == want
        };
        return if same { 0.0 } else { f64::INFINITY };
    }
    let tol = if auc { 1e-5 } else { 1e-9 * want.abs() + 1e-12 };
    let r = (got - want).abs() / tol;
    if r.is_nan() {
        f64::INFINITY
    } else {
        r
    }
}

enum Got {
    Scalar(f64),
    Vector(Vec<f64>),
}

/// Runs the function a case names. `Ok(None)` means the name is unknown.
fn run(name: &str, c: &Value) -> Result<Option<Got>, String> {
    use Got::{Scalar, Vector};
    let got = match name {
        "softmax" => Vector(math::softmax(&vec_f(c, "z")?)),
        "log_softmax" => Vector(math::log_softmax(&vec_f(c, "z")?)),
        "log_sum_exp" => Scalar(math::log_sum_exp(&vec_f(c, "z")?)),
        "softmax_temperature" => Vector(ok(math::softmax_with_temperature(
            &vec_f(c, "z")?,
            f(c, "t")?,
        ))?),
        "sigmoid" => Scalar(math::sigmoid(f(c, "x")?)),
        "logit" => Scalar(math::logit(f(c, "p")?)),
        "binary_crossentropy" => Scalar(ok(math::binary_crossentropy(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
            boolean(c, "from_logits")?,
        ))?),
        "categorical_crossentropy" => Scalar(ok(math::categorical_crossentropy(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
            boolean(c, "from_logits")?,
            f(c, "label_smoothing")?,
        ))?),
        "sparse_categorical_crossentropy" => Scalar(ok(math::sparse_categorical_crossentropy(
            uint(c, "class")?,
            &vec_f(c, "y_pred")?,
            boolean(c, "from_logits")?,
        ))?),
        "mean_squared_error" => Scalar(ok(math::mean_squared_error(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
        ))?),
        "mean_absolute_error" => Scalar(ok(math::mean_absolute_error(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
        ))?),
        "dice_loss_keras" => Scalar(ok(math::dice_loss(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
        ))?),
        "dice_coef_smooth" => Scalar(ok(math::dice_coefficient(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
            f(c, "smooth")?,
        ))?),
        "grad_categorical_crossentropy_logits" => Vector(ok(
            math::categorical_crossentropy_grad_logits(&vec_f(c, "y_true")?, &vec_f(c, "z")?),
        )?),
        "grad_binary_crossentropy_logit" => Scalar(math::binary_crossentropy_grad_logit(
            f(c, "y_true")?,
            f(c, "z")?,
        )),
        "grad_mse_sigmoid_logit" => {
            Scalar(math::mse_sigmoid_grad_logit(f(c, "y_true")?, f(c, "z")?))
        }
        "binary_accuracy" | "precision" | "recall" | "f1" => {
            let (y, p, t) = (vec_f(c, "y_true")?, vec_f(c, "y_pred")?, f(c, "threshold")?);
            let r = match name {
                "binary_accuracy" => math::binary_accuracy(&y, &p, t),
                "precision" => math::precision(&y, &p, t),
                "recall" => math::recall(&y, &p, t),
                _ => math::f1_score(&y, &p, t),
            };
            Scalar(ok(r)?)
        }
        "roc_auc" => Scalar(ok(math::roc_auc(
            &vec_f(c, "y_true")?,
            &vec_f(c, "scores")?,
        ))?),
        "average_precision" => Scalar(ok(math::average_precision(
            &vec_f(c, "y_true")?,
            &vec_f(c, "scores")?,
        ))?),
        "auc_keras" => {
            let curve = field(c, "curve")?.as_str().unwrap_or("");
            if curve != "ROC" {
                return Err(format!("unsupported curve {curve:?}"));
            }
            Scalar(ok(math::keras_auc(
                &vec_f(c, "y_true")?,
                &vec_f(c, "scores")?,
                uint(c, "num_thresholds")?,
            ))?)
        }
        "categorical_accuracy" => Scalar(ok(math::categorical_accuracy(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
        ))?),
        "top_k_categorical_accuracy" => Scalar(ok(math::top_k_categorical_accuracy(
            &vec_f(c, "y_true")?,
            &vec_f(c, "y_pred")?,
            uint(c, "k")?,
        ))?),
        _ => return Ok(None),
    };
    Ok(Some(got))
}

/// Compares one case: `Ok(worst error ratio)`, or `Err` with a readable description.
fn check(name: &str, c: &Value) -> Result<f64, String> {
    let auc = name == "auc_keras";
    let want = field(c, "expected")?;
    let got = run(name, c)?.ok_or_else(|| format!("unknown fn {name:?}"))?;
    match (got, want) {
        (Got::Scalar(g), w) if !w.is_array() => {
            let w = num(w)?;
            let r = error_ratio(g, w, auc);
            if r <= 1.0 {
                Ok(r)
            } else {
                Err(format!("got {g:e}, expected {w:e}"))
            }
        }
        (Got::Vector(g), Value::Array(w)) => {
            let w: Vec<f64> = w.iter().map(num).collect::<Result<_, _>>()?;
            if g.len() != w.len() {
                return Err(format!("got {} values, expected {}", g.len(), w.len()));
            }
            let ratios: Vec<f64> = g
                .iter()
                .zip(&w)
                .map(|(g, w)| error_ratio(*g, *w, auc))
                .collect();
            let bad: Vec<String> = ratios
                .iter()
                .enumerate()
                .filter(|(_, r)| **r > 1.0)
                .map(|(i, _)| format!("[{i}] got {:e}, expected {:e}", g[i], w[i]))
                .collect();
            if bad.is_empty() {
                Ok(ratios.iter().copied().fold(0.0, f64::max))
            } else {
                Err(bad.join("; "))
            }
        }
        (Got::Scalar(_), _) => Err("got a scalar, expected an array".into()),
        (Got::Vector(_), _) => Err("got an array, expected a scalar".into()),
    }
}

#[test]
fn every_reference_case_matches() {
    let data = load();
    let cases = data["cases"].as_array().expect("`cases` array");
    // fn name -> (cases checked, worst error as a fraction of the tolerance)
    let mut per_fn: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0usize;
    for (i, c) in cases.iter().enumerate() {
        let name = match c.get("fn").and_then(Value::as_str) {
            Some(n) => n,
            None => {
                failures.push(format!("case {i}: no `fn` field"));
                continue;
            }
        };
        match check(name, c) {
            Ok(ratio) => {
                checked += 1;
                let entry = per_fn.entry(name.to_string()).or_default();
                entry.0 += 1;
                entry.1 = entry.1.max(ratio);
            }
            Err(e) => {
                let shown: String = c.to_string().chars().take(300).collect();
                failures.push(format!("case {i} ({name}): {e}\n    {shown}"));
            }
        }
    }
    println!("reference cases checked per fn (worst |error| / tolerance):");
    for (name, (n, worst)) in &per_fn {
        println!("  {name:40} {n:4}   {worst:.1e}");
    }
    println!("  {:40} {checked}", "total");
    assert!(
        failures.is_empty(),
        "{} of {} reference cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert_eq!(cases.len(), TOTAL_CASES, "the reference file changed size");
    assert_eq!(checked, TOTAL_CASES, "not every case was checked");
}
