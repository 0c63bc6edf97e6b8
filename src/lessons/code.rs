//! Code panels as data: complete Keras 3 and PyTorch programs filled with the numbers on
//! screen, and what each prints on every Keras backend. Host-compiled, so the test command
//! can export every panel (`tests/code_panels.rs`) and run it in the real frameworks
//! (`.ci/python/check_panels.py`).

use crate::model::rng::Rng;

/// Which Keras backends a printed value holds for (a bit set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backends(u8);

impl Backends {
    /// Keras on TensorFlow (the default backend).
    pub const TENSORFLOW: Backends = Backends(1);
    /// Keras on JAX.
    pub const JAX: Backends = Backends(2);
    /// Keras on PyTorch.
    pub const TORCH: Backends = Backends(4);
    /// JAX and PyTorch: the backends that take a softmax's output at face value.
    pub const JAX_AND_TORCH: Backends = Backends(6);
    /// Every backend (and plain PyTorch programs).
    pub const ALL: Backends = Backends(7);

    /// Whether `other`'s backends are all in this set.
    pub fn contains(self, other: Backends) -> bool {
        self.0 & other.0 == other.0
    }

    /// Backend names, as the checker spells them (`KERAS_BACKEND` values).
    pub fn names(self) -> Vec<&'static str> {
        [
            (Self::TENSORFLOW, "tensorflow"),
            (Self::JAX, "jax"),
            (Self::TORCH, "torch"),
        ]
        .into_iter()
        .filter(|(b, _)| self.contains(*b))
        .map(|(_, n)| n)
        .collect()
    }

    /// The learner's words for this set of backends.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "TensorFlow backend",
            2 => "JAX backend",
            4 => "PyTorch backend",
            6 => "JAX and PyTorch backends",
            3 => "TensorFlow and JAX backends",
            5 => "TensorFlow and PyTorch backends",
            _ => "every backend",
        }
    }
}

/// The framework a program is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// Keras 3 (run on each of its backends).
    Keras,
    /// PyTorch on its own.
    PyTorch,
}

impl Framework {
    /// The name the checker and the page use.
    pub fn id(self) -> &'static str {
        match self {
            Framework::Keras => "keras",
            Framework::PyTorch => "pytorch",
        }
    }
}

/// One printed line: `label: value`, where the value is a number or a list of numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// What the line shows, as the program labels it (no digits, no `": "`).
    pub label: String,
    /// The value for each group of backends: one entry when every backend agrees.
    pub values: Vec<(Backends, Vec<f64>)>,
    /// How the framework spells the value when it is not a plain number or list (a shape
    /// prints as `(8, 42, 42, 3)` in Keras, `torch.Size([8, 3, 42, 42])` in PyTorch); the
    /// checker still compares the numbers.
    pub spelled: Option<String>,
}

/// How a framework prints a tensor's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeStyle {
    /// A Python tuple, as `tuple(x.shape)` prints it: `(8, 42, 42, 3)`, `(5,)`.
    Tuple,
    /// PyTorch's `torch.Size([8, 3, 42, 42])`.
    TorchSize,
}

impl Printed {
    /// A line every backend prints alike.
    pub fn same(label: impl Into<String>, values: Vec<f64>) -> Printed {
        Printed {
            label: label.into(),
            values: vec![(Backends::ALL, values)],
            spelled: None,
        }
    }

    /// A tensor's shape, spelled as the framework prints it.
    pub fn shape(label: impl Into<String>, dims: &[usize], style: ShapeStyle) -> Printed {
        let list = dims
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let spelled = match (style, dims.len()) {
            (ShapeStyle::Tuple, 1) => format!("({list},)"),
            (ShapeStyle::Tuple, _) => format!("({list})"),
            (ShapeStyle::TorchSize, _) => format!("torch.Size([{list}])"),
        };
        Printed {
            label: label.into(),
            values: vec![(Backends::ALL, dims.iter().map(|d| *d as f64).collect())],
            spelled: Some(spelled),
        }
    }

    /// A line whose value on Keras' TensorFlow backend differs from JAX's and PyTorch's.
    /// Collapses to [`Printed::same`] when the two agree to 1e-12.
    pub fn by_backend(
        label: impl Into<String>,
        tensorflow: Vec<f64>,
        jax_and_torch: Vec<f64>,
    ) -> Printed {
        let agree = tensorflow.len() == jax_and_torch.len()
            && tensorflow
                .iter()
                .zip(&jax_and_torch)
                .all(|(a, b)| a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()));
        if agree {
            return Printed::same(label, jax_and_torch);
        }
        Printed {
            label: label.into(),
            values: vec![
                (Backends::JAX_AND_TORCH, jax_and_torch),
                (Backends::TENSORFLOW, tensorflow),
            ],
            spelled: None,
        }
    }

    /// The value on one backend.
    pub fn on(&self, backend: Backends) -> Option<&[f64]> {
        self.values
            .iter()
            .find(|(b, _)| b.contains(backend))
            .map(|(_, v)| v.as_slice())
    }
}

/// A complete program: copy, paste, run, and it prints [`Program::prints`].
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// Keras 3 or PyTorch.
    pub framework: Framework,
    /// The whole program, imports included, filled with the current numbers.
    pub code: String,
    /// What it prints, line by line.
    pub prints: Vec<Printed>,
    /// A remark shown under the code (why frameworks or backends differ, what has no twin).
    pub note: Option<String>,
}

impl Program {
    /// A Keras 3 program.
    pub fn keras(code: String, prints: Vec<Printed>) -> Program {
        Program {
            framework: Framework::Keras,
            code,
            prints,
            note: None,
        }
    }

    /// A PyTorch program.
    pub fn pytorch(code: String, prints: Vec<Printed>) -> Program {
        Program {
            framework: Framework::PyTorch,
            code,
            prints,
            note: None,
        }
    }

    /// A Keras program and a PyTorch one that print the same lines, in that order.
    pub fn twins(keras: String, pytorch: String, prints: Vec<Printed>) -> [Program; 2] {
        [
            Program::keras(keras, prints.clone()),
            Program::pytorch(pytorch, prints),
        ]
    }

    /// The same program with a note under it.
    pub fn with_note(mut self, note: impl Into<String>) -> Program {
        self.note = Some(note.into());
        self
    }

    /// Whether any line differs between backends.
    pub fn depends_on_backend(&self) -> bool {
        self.prints.iter().any(|p| p.values.len() > 1)
    }

    /// Every value printed on one backend, flattened in order (what the checker compares).
    pub fn flat_on(&self, backend: Backends) -> Vec<f64> {
        self.prints
            .iter()
            .flat_map(|p| p.on(backend).unwrap_or(&[]).iter().copied())
            .collect()
    }
}

/// One step's panels for the checker: its route and its programs for a state (the
/// step's default state for `None`, a seeded random state the widgets can reach otherwise).
#[derive(Clone, Copy)]
pub struct PanelSet {
    /// The page's slug.
    pub page: &'static str,
    /// The step's id (`""` for a page without steps, such as the Playground).
    pub step: &'static str,
    /// The step's programs (Keras first) for a state.
    pub make: fn(Option<u64>) -> Vec<Program>,
}

/// A step's state for a panel set: `default()` for `None`, `random(rng)` for a seed.
pub fn state_for<S>(
    seed: Option<u64>,
    default: impl FnOnce() -> S,
    random: impl FnOnce(&mut Rng) -> S,
) -> S {
    match seed {
        None => default(),
        Some(seed) => random(&mut Rng::new(
            seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED,
        )),
    }
}

/// A number rounded to `step` (as a slider or a drag would leave it).
pub fn snap(x: f64, step: f64) -> f64 {
    let v = (x / step).round() * step;
    // Print-friendly: strip binary noise such as 0.30000000000000004.
    format!("{v:.10}").parse().unwrap_or(v)
}

/// Logits a learner could leave on a chart of range ±`range`, rounded to `step`.
pub fn random_logits(rng: &mut Rng, n: usize, range: f64, step: f64) -> Vec<f64> {
    (0..n)
        .map(|_| snap(rng.range(-range, range), step))
        .collect()
}

/// The state of a step that is only its logits: `start` without a seed; with one, as many
/// random logits on a chart of range ±`range`, rounded to `step`.
pub fn logits_for(seed: Option<u64>, start: &[f64], range: f64, step: f64) -> Vec<f64> {
    state_for(
        seed,
        || start.to_vec(),
        |r| random_logits(r, start.len(), range, step),
    )
}

/// A number for Python code: full precision, `float("inf")` and `float("nan")` spelled out.
pub fn py(x: f64) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else if x.is_nan() {
        "float(\"nan\")".into()
    } else if x > 0.0 {
        "float(\"inf\")".into()
    } else {
        "-float(\"inf\")".into()
    }
}

/// A list of numbers for Python code: `[2.0, 1.0, 0.5]`.
pub fn py_list(v: &[f64]) -> String {
    format!(
        "[{}]",
        v.iter().map(|x| py(*x)).collect::<Vec<_>>().join(", ")
    )
}

/// A list of integers for Python code: `[0, 2, 1]`.
pub fn py_ints(v: &[usize]) -> String {
    format!(
        "[{}]",
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A matrix (rows of numbers) for Python code: `[[1.0, 0.0], [0.0, 1.0]]`.
pub fn py_rows(rows: &[Vec<f64>]) -> String {
    format!(
        "[{}]",
        rows.iter()
            .map(|r| py_list(r))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backends_cover_and_name() {
        assert!(Backends::ALL.contains(Backends::JAX));
        assert!(!Backends::JAX_AND_TORCH.contains(Backends::TENSORFLOW));
        assert_eq!(Backends::JAX_AND_TORCH.names(), vec!["jax", "torch"]);
        assert_eq!(Backends::JAX_AND_TORCH.label(), "JAX and PyTorch backends");
    }

    #[test]
    fn by_backend_collapses_when_equal() {
        let p = Printed::by_backend("loss", vec![1.0], vec![1.0]);
        assert_eq!(p.values.len(), 1);
        let p = Printed::by_backend("loss", vec![0.4644], vec![0.8267]);
        assert_eq!(p.on(Backends::TENSORFLOW), Some(&[0.4644][..]));
        assert_eq!(p.on(Backends::TORCH), Some(&[0.8267][..]));
    }

    #[test]
    fn shapes_are_spelled_as_the_frameworks_print_them() {
        let keras = Printed::shape("output shape", &[8, 42, 42, 3], ShapeStyle::Tuple);
        assert_eq!(keras.spelled.as_deref(), Some("(8, 42, 42, 3)"));
        assert_eq!(keras.on(Backends::JAX), Some(&[8.0, 42.0, 42.0, 3.0][..]));
        let one = Printed::shape("labels shape", &[5], ShapeStyle::Tuple);
        assert_eq!(one.spelled.as_deref(), Some("(5,)"));
        let torch = Printed::shape("output shape", &[8, 3, 42, 42], ShapeStyle::TorchSize);
        assert_eq!(torch.spelled.as_deref(), Some("torch.Size([8, 3, 42, 42])"));
    }

    #[test]
    fn numbers_for_python() {
        assert_eq!(py_list(&[2.0, -0.5]), "[2.0, -0.5]");
        assert_eq!(py(f64::INFINITY), "float(\"inf\")");
        assert_eq!(py_rows(&[vec![1.0], vec![0.0]]), "[[1.0], [0.0]]");
        assert_eq!(snap(0.1 + 0.2, 0.1), 0.3);
        let mut a = Rng::new(1);
        let z = random_logits(&mut a, 3, 12.0, 0.1);
        assert!(z
            .iter()
            .all(|v| v.abs() <= 12.0 && (v * 10.0 - (v * 10.0).round()).abs() < 1e-9));
        assert_eq!(state_for(None, || 1, |_| 2), 1);
        assert_eq!(state_for(Some(3), || 1, |_| 2), 2);
    }
}
