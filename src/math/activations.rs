//! Activations: sigmoid, logit, softmax and friends in stable `f64` forms, and `argmax`.

use super::error::MathError;

/// The logistic sigmoid σ(x) = 1 / (1 + e^(−x)).
///
/// Matches Keras 3 `keras.activations.sigmoid` / `keras.ops.sigmoid` and PyTorch
/// `torch.sigmoid`.
///
/// Computed without overflow: for x ≥ 0 as 1 / (1 + e^(−x)), for x < 0 as e^x / (1 + e^x),
/// so e^(−x) is never formed for large negative x.
///
/// Edges: σ(0) = 0.5; σ(+∞) = 1; σ(−∞) = 0; for x ≥ 37 the result rounds to exactly 1.0
/// in `f64`, while for negative x it keeps full relative precision down to the subnormal
/// range (σ(−745) = 5e-324, σ(−800) = 0). NaN in, NaN out.
///
/// ```
/// use logit_lab::math::sigmoid;
/// assert_eq!(sigmoid(0.0), 0.5);
/// assert!((sigmoid(-40.0) - 4.248354255291589e-18).abs() < 1e-30);
/// ```
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// The derivative of the sigmoid, σ'(x) = σ(x)(1 − σ(x)).
///
/// Computed as σ(x)·σ(−x), so it stays accurate where 1 − σ(x) would round to 0.
/// No Keras or PyTorch function returns it directly; it is what autograd computes
/// through `torch.sigmoid` or `keras.ops.sigmoid`.
///
/// Edges: maximum 0.25 at x = 0; → 0 (never negative) as |x| → ∞; exactly 0 at ±∞.
/// NaN in, NaN out.
///
/// ```
/// use logit_lab::math::sigmoid_grad;
/// assert_eq!(sigmoid_grad(0.0), 0.25);
/// assert!(sigmoid_grad(40.0) > 0.0);
/// ```
pub fn sigmoid_grad(x: f64) -> f64 {
    sigmoid(x) * sigmoid(-x)
}

/// The logit (log-odds), the inverse of the sigmoid: logit(p) = ln(p / (1 − p)).
///
/// PyTorch: `torch.logit(p)` (with `eps=None`). Keras 3 has no logit function; the
/// statistics name is `scipy.special.logit`.
///
/// Accurate everywhere: for p in [0.25, 0.75] it is computed as ln1p((2p − 1)/(1 − p)),
/// whose inner steps are exact in floating point (no cancellation near p = 0.5);
/// elsewhere as ln(p) − ln1p(−p).
///
/// Edges: logit(0.5) = 0; logit(0) = −∞; logit(1) = +∞; NaN for p < 0, p > 1 or NaN.
/// logit(1e-7) ≈ −16.118, the bound of Keras' probability clipping.
///
/// ```
/// use logit_lab::math::logit;
/// assert_eq!(logit(0.0), f64::NEG_INFINITY);
/// assert_eq!(logit(1.0), f64::INFINITY);
/// assert!((logit(0.9) - 9f64.ln()).abs() < 1e-15);
/// ```
pub fn logit(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if (0.25..=0.75).contains(&p) {
        ((2.0 * p - 1.0) / (1.0 - p)).ln_1p()
    } else {
        p.ln() - (-p).ln_1p()
    }
}

/// softplus(x) = ln(1 + e^x), stable: max(x, 0) + ln1p(e^(−|x|)).
pub(crate) fn softplus(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// The sum of every value but the one at `skip` (in order, so it rounds like a plain sum).
pub(crate) fn sum_except(values: &[f64], skip: usize) -> f64 {
    values
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != skip)
        .map(|(_, v)| v)
        .sum()
}

/// `w · v`, except that a zero weight gives 0 even when `v` is infinite (the 0·ln 0 = 0
/// convention of cross-entropy).
pub(crate) fn wmul(w: f64, v: f64) -> f64 {
    if w == 0.0 {
        0.0
    } else {
        w * v
    }
}

/// What a vector of logits looks like once NaN and infinities are taken into account.
enum Shape {
    Empty,
    HasNan,
    /// Some entries are +∞: they share the whole mass (count of them).
    PosInf(usize),
    /// Every entry is −∞.
    AllNegInf,
    /// The ordinary case: the first index of the (finite) maximum.
    Finite(usize),
}

fn classify(z: &[f64]) -> Shape {
    if z.is_empty() {
        return Shape::Empty;
    }
    if z.iter().any(|v| v.is_nan()) {
        return Shape::HasNan;
    }
    let pos_inf = z.iter().filter(|v| **v == f64::INFINITY).count();
    if pos_inf > 0 {
        return Shape::PosInf(pos_inf);
    }
    let mut arg = 0;
    for (i, &v) in z.iter().enumerate() {
        if v > z[arg] {
            arg = i;
        }
    }
    if z[arg] == f64::NEG_INFINITY {
        Shape::AllNegInf
    } else {
        Shape::Finite(arg)
    }
}

/// The shifted exponentials e_i = e^((z_i − max)/t) and rest = Σ_{i ≠ argmax} e_i.
/// Only for [`Shape::Finite`].
fn shifted_exps(z: &[f64], arg: usize, inv_t: Option<f64>) -> (Vec<f64>, f64) {
    let m = z[arg];
    let mut rest = 0.0;
    let e: Vec<f64> = z
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if i == arg {
                return 1.0;
            }
            let d = match inv_t {
                None => v - m,
                Some(t) => (v - m) / t,
            };
            let ei = d.exp();
            rest += ei;
            ei
        })
        .collect();
    (e, rest)
}

fn softmax_special(z: &[f64], shape: &Shape) -> Option<Vec<f64>> {
    let n = z.len();
    match *shape {
        Shape::Empty => Some(Vec::new()),
        Shape::HasNan => Some(vec![f64::NAN; n]),
        Shape::PosInf(k) => Some(
            z.iter()
                .map(|&v| {
                    if v == f64::INFINITY {
                        1.0 / k as f64
                    } else {
                        0.0
                    }
                })
                .collect(),
        ),
        Shape::AllNegInf => Some(vec![1.0 / n as f64; n]),
        Shape::Finite(_) => None,
    }
}

/// The softmax: p_i = e^(z_i) / Σ_j e^(z_j), computed as e^(z_i − max z) / Σ_j e^(z_j − max z).
///
/// Matches Keras 3 `keras.ops.softmax(z)` / `keras.activations.softmax` and PyTorch
/// `torch.softmax(z, dim=-1)`.
///
/// The max-shift is exact in real arithmetic (adding a constant to every logit changes
/// nothing) and means no exponential can overflow: the largest term is e^0 = 1. Huge
/// logits such as [10000.6, 9999.9, 9999.6] therefore give the right answer, and the
/// output is finite, non-negative and sums to 1 (to rounding) for any finite input.
///
/// Edges:
/// * empty input → empty output;
/// * one entry → `[1.0]`;
/// * a +∞ logit takes all the mass; several +∞ logits share it equally (they are tied
///   at the top); every other entry, −∞ included, gets 0;
/// * −∞ logits get exactly 0;
/// * all logits −∞: the true value is undefined (0/0). We return the uniform
///   distribution 1/n, the limit of n equal logits falling together, so the chart never
///   shows NaN;
/// * any NaN logit: every output is NaN (the distribution is undefined).
///
/// ```
/// use logit_lab::math::softmax;
/// let p = softmax(&[1000.0, 1000.0, 0.0]);
/// assert_eq!(p, vec![0.5, 0.5, 0.0]);
/// ```
pub fn softmax(z: &[f64]) -> Vec<f64> {
    let shape = classify(z);
    if let Some(v) = softmax_special(z, &shape) {
        return v;
    }
    let Shape::Finite(arg) = shape else {
        return vec![f64::NAN; z.len()];
    };
    let (e, rest) = shifted_exps(z, arg, None);
    let s = 1.0 + rest;
    e.into_iter().map(|ei| ei / s).collect()
}

/// The log of the softmax: log_softmax(z)_i = z_i − log Σ_j e^(z_j).
///
/// Matches Keras 3 `keras.ops.log_softmax(z)` and PyTorch `torch.log_softmax(z, dim=-1)`.
/// This is the fused, stable path that `from_logits=True` / `CrossEntropyLoss` use.
///
/// Computed as (z_i − m) − ln1p(Σ_{j ≠ k} e^(z_j − m)) with m = z_k the maximum, so the
/// top class keeps full precision even when its log-probability is −1e-10, and no
/// exponential overflows. Finite for any finite input (e.g. −2408.3 where softmax
/// itself underflows to 0).
///
/// Edges: empty → empty; +∞ entries get −ln(k) for k of them, all others −∞; all −∞ →
/// −ln(n) everywhere (consistent with [`softmax`]'s uniform choice); any NaN → all NaN.
///
/// ```
/// use logit_lab::math::log_softmax;
/// let l = log_softmax(&[0.0, -1000.0]);
/// assert_eq!(l, vec![0.0, -1000.0]);
/// ```
pub fn log_softmax(z: &[f64]) -> Vec<f64> {
    let n = z.len();
    match classify(z) {
        Shape::Empty => Vec::new(),
        Shape::HasNan => vec![f64::NAN; n],
        Shape::PosInf(k) => {
            let l = -(k as f64).ln();
            z.iter()
                .map(|&v| {
                    if v == f64::INFINITY {
                        l
                    } else {
                        f64::NEG_INFINITY
                    }
                })
                .collect()
        }
        Shape::AllNegInf => vec![-(n as f64).ln(); n],
        Shape::Finite(arg) => {
            let m = z[arg];
            let (_, rest) = shifted_exps(z, arg, None);
            let off = rest.ln_1p();
            z.iter().map(|&v| (v - m) - off).collect()
        }
    }
}

/// Log-sum-exp: ln Σ_i e^(z_i), computed as m + ln1p(Σ_{i ≠ k} e^(z_i − m)) with m = z_k
/// the maximum.
///
/// Matches Keras 3 `keras.ops.logsumexp(z)` and PyTorch `torch.logsumexp(z, dim=-1)`.
///
/// Never overflows unless the result itself exceeds `f64::MAX`: log_sum_exp([1000, 1000])
/// = 1000 + ln 2. Always ≥ max(z).
///
/// Edges: empty → −∞ (the log of an empty sum, 0); any +∞ → +∞; all −∞ → −∞; any NaN →
/// NaN.
///
/// ```
/// use logit_lab::math::log_sum_exp;
/// assert_eq!(log_sum_exp(&[]), f64::NEG_INFINITY);
/// assert!((log_sum_exp(&[1000.0, 1000.0]) - (1000.0 + 2f64.ln())).abs() < 1e-12);
/// ```
pub fn log_sum_exp(z: &[f64]) -> f64 {
    match classify(z) {
        Shape::Empty | Shape::AllNegInf => f64::NEG_INFINITY,
        Shape::HasNan => f64::NAN,
        Shape::PosInf(_) => f64::INFINITY,
        Shape::Finite(arg) => {
            let (_, rest) = shifted_exps(z, arg, None);
            z[arg] + rest.ln_1p()
        }
    }
}

/// Softmax with temperature: softmax(z / T).
///
/// Keras 3: `keras.ops.softmax(z / T)`; PyTorch: `torch.softmax(z / T, dim=-1)`.
///
/// Computed as softmax((z − max z) / T): the shift comes first, so a tiny T cannot turn
/// finite logits into ±∞ and break the ties. Low T sharpens towards one-hot on the
/// maximum (exactly tied maxima split the mass equally); high T flattens towards the
/// uniform distribution, which is only approached: at T = 10, z = [12, −12, 0] still
/// gives about [0.72, 0.07, 0.22]. T = 1 is the plain [`softmax`].
///
/// Errors: [`MathError::InvalidTemperature`] unless T is finite and > 0
/// ("temperature must be a positive number, got 0").
///
/// Edges: empty z → `Ok(vec![])`; infinities and NaN in z are handled as in [`softmax`]
/// (the temperature does not change how tied +∞ logits split).
///
/// ```
/// use logit_lab::math::softmax_with_temperature;
/// let p = softmax_with_temperature(&[3.0, 3.0, 1.0], 0.001).unwrap();
/// assert_eq!(p, vec![0.5, 0.5, 0.0]);
/// assert!(softmax_with_temperature(&[1.0], 0.0).is_err());
/// ```
pub fn softmax_with_temperature(z: &[f64], t: f64) -> Result<Vec<f64>, MathError> {
    if !(t.is_finite() && t > 0.0) {
        return Err(MathError::InvalidTemperature(t));
    }
    let shape = classify(z);
    if let Some(v) = softmax_special(z, &shape) {
        return Ok(v);
    }
    let Shape::Finite(arg) = shape else {
        return Ok(vec![f64::NAN; z.len()]);
    };
    let (e, rest) = shifted_exps(z, arg, Some(t));
    let s = 1.0 + rest;
    Ok(e.into_iter().map(|ei| ei / s).collect())
}

/// Shannon entropy in nats: H(p) = −Σ_i p_i ln p_i, with 0 · ln 0 = 0.
///
/// PyTorch: `torch.distributions.Categorical(probs=p).entropy()`; Keras 3 has no entropy
/// function (one writes `-keras.ops.sum(p * keras.ops.log(p))`, which gives NaN on a zero
/// probability where this function gives the limit 0).
///
/// The input is used as given (not renormalised). For a distribution over n classes the
/// value lies in [0, ln n]: 0 for one-hot, ln n for uniform.
///
/// Edges: empty → 0; an entry equal to 0 contributes 0; a negative or NaN entry makes
/// the result NaN (not a probability).
///
/// ```
/// use logit_lab::math::entropy;
/// assert_eq!(entropy(&[1.0, 0.0]), 0.0);
/// assert!((entropy(&[0.25; 4]) - 4f64.ln()).abs() < 1e-15);
/// ```
pub fn entropy(p: &[f64]) -> f64 {
    let h: f64 = p
        .iter()
        .map(|&q| {
            if q == 0.0 {
                0.0
            } else if q > 0.0 {
                -q * q.ln()
            } else {
                f64::NAN
            }
        })
        .sum();
    h + 0.0
}

/// Index of the first maximum; a NaN counts as the maximum (NumPy / JAX `argmax`), and an
/// empty slice gives 0.
pub fn argmax(v: &[f64]) -> usize {
    if let Some(i) = v.iter().position(|x| x.is_nan()) {
        return i;
    }
    let mut k = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[k] {
            k = i;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmax_takes_the_first_maximum_and_nan_wins() {
        assert_eq!(argmax(&[]), 0);
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
        assert_eq!(argmax(&[1.0, f64::NAN, f64::INFINITY]), 1);
    }

    #[test]
    fn logit_edges() {
        assert_eq!(logit(0.0), f64::NEG_INFINITY);
        assert_eq!(logit(1.0), f64::INFINITY);
        assert!(logit(-0.1).is_nan());
        assert!(logit(1.1).is_nan());
        assert!(logit(f64::NAN).is_nan());
        assert_eq!(logit(0.5), 0.0);
        // Near 0.5 the ln1p form keeps full relative precision.
        let p = 0.5 + 1e-12;
        let want = 4e-12; // logit(0.5 + d) ≈ 4d
        assert!(((logit(p) - want) / want).abs() < 1e-3);
    }

    #[test]
    fn sigmoid_edges() {
        assert_eq!(sigmoid(f64::INFINITY), 1.0);
        assert_eq!(sigmoid(f64::NEG_INFINITY), 0.0);
        assert!(sigmoid(f64::NAN).is_nan());
        assert_eq!(sigmoid(-745.0), 5e-324);
        assert_eq!(sigmoid(-800.0), 0.0);
        assert_eq!(sigmoid_grad(f64::INFINITY), 0.0);
    }

    #[test]
    fn round_trip_logit_of_softmax_is_not_z() {
        let p = softmax(&[2.0, 1.0, 0.5]);
        let back: Vec<f64> = p.iter().map(|&q| logit(q)).collect();
        let want = [0.53, -1.20, -1.81];
        for (b, w) in back.iter().zip(want) {
            assert!((b - w).abs() < 0.005, "{back:?}");
        }
    }

    #[test]
    fn two_class_softmax_is_sigmoid_of_difference() {
        for &(a, b) in &[(2.0, -1.0), (-30.0, 5.0), (700.0, -700.0), (0.3, 0.3)] {
            let p = softmax(&[a, b]);
            let s = sigmoid(a - b);
            assert!((p[0] - s).abs() <= 1e-15 * s.max(1e-300), "{a} {b}");
        }
        // Keras' docs: sigmoid is a two-element softmax whose second element is zero.
        for &z in &[-40.0, -3.0, 0.0, 2.5, 36.0] {
            assert!((softmax(&[z, 0.0])[0] - sigmoid(z)).abs() < 1e-16);
        }
    }

    #[test]
    fn softmax_infinities_and_empty() {
        assert!(softmax(&[]).is_empty());
        assert_eq!(
            softmax(&[f64::INFINITY, 1.0, f64::INFINITY, f64::NEG_INFINITY]),
            vec![0.5, 0.0, 0.5, 0.0]
        );
        assert_eq!(
            softmax(&[f64::NEG_INFINITY, f64::NEG_INFINITY]),
            vec![0.5, 0.5]
        );
        assert!(softmax(&[1.0, f64::NAN]).iter().all(|v| v.is_nan()));
        assert_eq!(softmax(&[f64::NEG_INFINITY, 3.0]), vec![0.0, 1.0]);
        assert_eq!(
            log_softmax(&[f64::NEG_INFINITY, 3.0]),
            vec![f64::NEG_INFINITY, 0.0]
        );
        assert_eq!(
            log_softmax(&[f64::INFINITY, 2.0]),
            vec![0.0, f64::NEG_INFINITY]
        );
        assert_eq!(log_sum_exp(&[f64::NEG_INFINITY]), f64::NEG_INFINITY);
        assert_eq!(log_sum_exp(&[1.0, f64::INFINITY]), f64::INFINITY);
        assert!(log_sum_exp(&[1.0, f64::NAN]).is_nan());
        assert_eq!(log_sum_exp(&[f64::MAX, f64::MAX]), f64::MAX);
    }

    #[test]
    fn temperature() {
        let p = softmax_with_temperature(&[12.0, -12.0, 0.0], 10.0).unwrap();
        assert!((p[0] - 0.72).abs() < 0.005 && (p[1] - 0.07).abs() < 0.005);
        assert!((p[2] - 0.22).abs() < 0.005);
        let p = softmax_with_temperature(&[1.0, 5.0, 5.0], 1e-300).unwrap();
        assert_eq!(p, vec![0.0, 0.5, 0.5]);
        let p = softmax_with_temperature(&[1.0, 5.0, -3.0], 1e300).unwrap();
        for q in p {
            assert!((q - 1.0 / 3.0).abs() < 1e-15);
        }
        for t in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let err = softmax_with_temperature(&[1.0], t).unwrap_err();
            assert!(matches!(err, MathError::InvalidTemperature(_)));
            assert!(err
                .to_string()
                .starts_with("temperature must be a positive number"));
        }
        assert!(softmax_with_temperature(&[], 1.0).unwrap().is_empty());
    }

    #[test]
    fn entropy_edges() {
        assert_eq!(entropy(&[]), 0.0);
        assert_eq!(entropy(&[0.0, 1.0, 0.0]), 0.0);
        assert!(entropy(&[-0.5, 1.5]).is_nan());
        assert!((entropy(&[0.5, 0.5]) - 2f64.ln()).abs() < 1e-16);
    }
}
