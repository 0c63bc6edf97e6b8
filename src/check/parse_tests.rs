//! Tests of the output parser: every format a framework prints, every error with its place,
//! and a property test that NumPy- and PyTorch-style printing parses back exactly.

use super::*;
use proptest::prelude::*;

fn ok(text: &str) -> Table {
    let short: String = text.chars().take(80).collect();
    parse(text).unwrap_or_else(|e| panic!("{short:?}: {e}"))
}

fn err(text: &str) -> ParseError {
    let short: String = text.chars().take(80).collect();
    parse(text).expect_err(&short)
}

#[test]
fn numpy_repr_and_str() {
    let t = ok("array([[ 2.1, -0.3],\n       [ 0.5,  1. ]], dtype=float32)");
    assert_eq!((t.rows, t.cols, t.layout), (2, 2, Layout::Matrix));
    assert_eq!(t.values, vec![2.1, -0.3, 0.5, 1.0]);
    let t = ok("[[ 2.1 -0.3]\n [ 0.5  1. ]]");
    assert_eq!(t.values, vec![2.1, -0.3, 0.5, 1.0]);
    let t = ok("array([1.e-05, 1.2345679e+02, nan, inf, -inf, -0.])");
    assert_eq!((t.rows, t.cols, t.layout), (6, 1, Layout::Vector));
    assert_eq!(t.values[0], 1e-5);
    assert_eq!(t.values[1], 123.45679);
    assert!(t.values[2].is_nan());
    assert_eq!(t.values[3], f64::INFINITY);
    assert_eq!(t.values[4], f64::NEG_INFINITY);
    let t = ok("array([0, 2, 1])");
    assert_eq!(t.values, vec![0.0, 2.0, 1.0]);
    // What Keras prints for model.predict, and TensorFlow's tensors.
    let t =
        ok("<tf.Tensor: shape=(1, 2), dtype=float32, numpy=array([[0.25, 0.75]], dtype=float32)>");
    assert_eq!(t.values, vec![0.25, 0.75]);
    let t = ok("tf.Tensor(\n[[0.25 0.75]], shape=(1, 2), dtype=float32)");
    assert_eq!(t.values, vec![0.25, 0.75]);
}

#[test]
fn pytorch_tensors() {
    let t = ok("tensor([[ 2.1000, -0.3000],\n        [ 1.0000e-04,  5.0000e+00]], grad_fn=<AddmmBackward0>)");
    assert_eq!(t.values, vec![2.1, -0.3, 1e-4, 5.0]);
    assert!((t.half_ulp - 0.5e-8).abs() < 1e-20);
    let t = ok("tensor([[0.1000, 0.9000]])");
    assert!((t.half_ulp - 0.5e-4).abs() < 1e-18);
    let t =
        ok("tensor([0.1000, 0.9000], device='cuda:0', dtype=torch.float64, requires_grad=True)");
    assert_eq!(t.values, vec![0.1, 0.9]);
    assert_eq!(t.layout, Layout::Vector);
}

#[test]
fn lists_json_csv_and_rows() {
    assert_eq!(ok("[[1, 2], [3, 4],]").values, vec![1.0, 2.0, 3.0, 4.0]);
    assert_eq!(ok("[[1e-3,NaN],[Infinity,-Infinity]]").values[0], 1e-3);
    let t = ok("0.1,0.9\n0.8,0.2\n");
    assert_eq!((t.rows, t.cols, t.layout), (2, 2, Layout::Matrix));
    let t = ok("0.1\t0.9\r\n0.8\t0.2");
    assert_eq!(t.values, vec![0.1, 0.9, 0.8, 0.2]);
    let t = ok("1 0 2 1");
    assert_eq!((t.rows, t.cols, t.layout), (4, 1, Layout::Vector));
    let t = ok("1\n0\n2\n");
    assert_eq!((t.rows, t.cols, t.layout), (3, 1, Layout::Vector));
    assert_eq!(ok("−1.5; 2").values, vec![-1.5, 2.0]);
}

#[test]
fn summarised_arrays_get_the_print_options() {
    let e = err("array([[0.1, 0.2, ..., 0.3],\n       [0.4, 0.5, ..., 0.6]], dtype=float32)");
    assert_eq!((e.line, e.column), (1, 19));
    assert!(e.message.contains("np.set_printoptions(threshold=np.inf)"));
    let e = err("array([[0.1, 0.2],\n       ...,\n       [0.4, 0.5]])");
    assert_eq!((e.line, e.column), (2, 8));
    assert!(e.message.contains("summarised"));
    assert!(err("0.1 0.2 ... 0.9").message.contains("threshold=np.inf"));
}

#[test]
fn errors_name_the_place_and_what_was_expected() {
    assert_eq!(err("").line, 0);
    assert!(err("   \n ").message.contains("nothing to read"));
    let e = err("hello");
    assert_eq!((e.line, e.column), (1, 1));
    assert!(
        e.message.contains("expected a number, found 'hello'"),
        "{}",
        e.message
    );
    let e = err("print(x) [1, 2]");
    assert!(
        e.message.contains("expected '[' or a number"),
        "{}",
        e.message
    );
    let e = err("[[0.1, 0.9],\n [0.2, 0.8");
    assert!(e.message.contains("ends too early"), "{}", e.message);
    assert_eq!(e.line, 2);
    let e = err("[[1, 2], [3, 4, 5]]");
    assert_eq!((e.line, e.column), (1, 10));
    assert!(e
        .message
        .contains("row 2 has 3 numbers but the rows before it have 2"));
    let e = err("1,2\n3\n");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.contains("row 2 has 1 numbers"));
    let e = err("[[[1, 2]]]");
    assert!(e.message.contains("more than two dimensions"));
    let e = err("[1, [2]]");
    assert!(e.message.contains("found '['"));
    let e = err("[0.1, 0.2x]");
    assert!(e.message.contains("'0.2x'"), "{}", e.message);
    let e = err("[1, 2] hello");
    assert!(e.message.contains("after the array"), "{}", e.message);
    let e = err("1,,2");
    assert_eq!((e.line, e.column), (1, 3));
    assert!(err("[]").message.contains("empty"));
    assert!(err("[[], []]").message.contains("empty"));
}

#[test]
fn limits_on_classes_and_numbers() {
    let wide = format!("[[{}]]", vec!["0.5"; MAX_CLASSES + 1].join(", "));
    assert!(err(&wide).message.contains("at most 1000 columns"));
    let wide_csv =
        vec!["1"; MAX_CLASSES + 1].join(",") + "\n" + &vec!["1"; MAX_CLASSES + 1].join(",");
    assert!(err(&wide_csv).message.contains("at most 1000 columns"));
    let many = "0 ".repeat(MAX_NUMBERS + 1);
    let e = err(&many);
    assert!(
        e.message.contains("more than 1000000 numbers"),
        "{}",
        e.message
    );
    assert_eq!(ok(&"0 ".repeat(MAX_NUMBERS)).values.len(), MAX_NUMBERS);
}

/// NumPy's repr of a float: shortest round-trip digits, a trailing '.' for whole numbers,
/// scientific notation as `1.2345e-05`.
fn numpy_float(x: f32, scientific: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if scientific {
        let s = format!("{x:e}");
        let (m, e) = s.split_once('e').unwrap();
        let m = if m.contains('.') {
            m.to_string()
        } else {
            format!("{m}.")
        };
        let e: i32 = e.parse().unwrap();
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let s = format!("{x}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.")
        }
    }
}

/// PyTorch's fixed 4-decimal or `1.2345e+02` style.
fn torch_float(x: f32, scientific: bool) -> String {
    if !x.is_finite() {
        return numpy_float(x, false);
    }
    if scientific {
        let s = format!("{x:.4e}");
        let (m, e) = s.split_once('e').unwrap();
        let e: i32 = e.parse().unwrap();
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        format!("{x:.4}")
    }
}

fn float_strategy() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => -1e6f32..1e6f32,
        4 => 0f32..1f32,
        2 => prop::num::f32::NORMAL,
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(f32::NEG_INFINITY),
        1 => Just(0.0f32),
    ]
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

proptest! {
    #[test]
    fn numpy_and_pytorch_printing_parses_back(
        rows in 1usize..5,
        cols in 1usize..6,
        seed in prop::collection::vec(float_strategy(), 30),
        scientific in any::<bool>(),
        style in 0usize..4,
    ) {
        let cells: Vec<f32> = (0..rows * cols).map(|i| seed[i % seed.len()]).collect();
        let torch = style == 3;
        let text_of = |x: f32| if torch { torch_float(x, scientific) } else { numpy_float(x, scientific) };
        let row_text = |r: usize, sep: &str| {
            (0..cols).map(|c| format!("{:>12}", text_of(cells[r * cols + c]))).collect::<Vec<_>>().join(sep)
        };
        let body = (0..rows).map(|r| format!("[{}]", row_text(r, if style == 1 { " " } else { ", " })))
            .collect::<Vec<_>>().join(if style == 1 { "\n " } else { ",\n       " });
        let text = match style {
            0 => format!("array([{body}], dtype=float32)"),
            1 => format!("[{body}]"),
            2 => format!("[{body}]"),
            _ => format!("tensor([{body}], grad_fn=<SoftmaxBackward0>)"),
        };
        let t = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!((t.rows, t.cols), (rows, cols));
        for (i, &x) in cells.iter().enumerate() {
            // The number the text says, read independently by Rust's own parser.
            let printed: f64 = text_of(x).trim().parse().expect("Rust reads what was printed");
            prop_assert!(same(t.values[i], printed), "{} vs {} in {}", t.values[i], printed, text);
            if !torch {
                // NumPy prints the shortest digits that round-trip: the float32 comes back.
                prop_assert!(same(t.values[i] as f32 as f64, x as f64));
            }
        }
    }
}

#[test]
fn a_parse_in_small_steps_reads_the_same_table_and_the_same_errors() {
    for text in [
        "array([[ 2.1, -0.3],\n       [ 0.5,  1. ]], dtype=float32)",
        "0.1,0.9\n\n0.8,0.2\n0.3,0.7",
        "[1, 2, 3, 4, 5, 6, 7]",
        "1 2 3\n4 5",
        "[[1, 2], [3, 4], [5]]",
        "",
    ] {
        let whole = parse(text);
        let mut p = Parser::new(text.to_string());
        let mut steps = 0;
        let stepped = loop {
            steps += 1;
            if let Some(done) = p.step(1) {
                break done;
            }
            assert!(p.fraction() <= 1.0);
        };
        assert_eq!(stepped, whole, "{text:?}");
        assert!(steps > 1 || text.is_empty(), "{text:?}");
    }
}
