//! Reads what a model printed into a table of numbers: NumPy's repr and str, PyTorch and
//! TensorFlow tensors, nested lists and JSON, CSV and whitespace rows. Errors say where
//! (line and column) and what was expected, in the learner's words.

use std::fmt;

/// The most numbers the page takes.
pub const MAX_NUMBERS: usize = 1_000_000;
/// The most classes (columns) the page takes.
pub const MAX_CLASSES: usize = 1_000;

/// Whether the input was one number per sample (1-D) or rows of numbers (2-D).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A 1-D vector: one number per sample.
    Vector,
    /// Rows of numbers: one row per sample.
    Matrix,
}

/// A parsed array: `rows × cols` numbers, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Number of rows (samples).
    pub rows: usize,
    /// Number of columns (1 for a vector).
    pub cols: usize,
    /// The numbers, row by row.
    pub values: Vec<f64>,
    /// 1-D or 2-D as printed.
    pub layout: Layout,
    /// Half a unit in the last printed digit of the most precise number that has digits after
    /// its point (how far a value printed to fixed decimals can be from the one the model
    /// held); infinite when every number is whole.
    pub half_ulp: f64,
}

impl Table {
    /// Row `r` as a slice.
    pub fn row(&self, r: usize) -> &[f64] {
        &self.values[r * self.cols..(r + 1) * self.cols]
    }

    /// Every row, in order.
    pub fn row_iter(&self) -> impl Iterator<Item = &[f64]> {
        self.values.chunks(self.cols.max(1))
    }
}

/// Why the text could not be read, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// 1-based line of the problem (0 when it concerns the whole input).
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// What went wrong and what to do, for the learner.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(
                f,
                "Line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

/// The message for NumPy's and PyTorch's summarised arrays.
pub const SUMMARISED: &str = "this array is summarised ('...'): NumPy and PyTorch print only \
     the corners of a large array, and the page needs every number. Print the full array with \
     np.set_printoptions(threshold=np.inf) (NumPy, and what model.predict returns) or \
     torch.set_printoptions(profile=\"full\") (PyTorch), then paste it again.";

pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) count: usize,
    pub(super) half_ulp: f64,
}

/// What a parse keeps between its steps: the numbers read so far and the shape they make.
#[derive(Clone, Debug, Default)]
pub(super) struct Progress {
    pub(super) values: Vec<f64>,
    pub(super) cols: Option<usize>,
    pub(super) rows: usize,
    pub(super) layout: Option<Layout>,
    /// A line paused in the middle: its start, its end, the numbers read on it and whether
    /// a separator waits for its number.
    pub(super) line: Option<(usize, usize, usize, bool)>,
}

/// A parse that can pause: each [`Parser::step`] reads about `budget` numbers and returns,
/// so the page can read a million numbers in slices without freezing.
pub struct Parser {
    text: String,
    pos: usize,
    count: usize,
    half_ulp: f64,
    open: Option<usize>,
    started: bool,
    progress: Progress,
}

impl Parser {
    /// A parser for `text`, not started.
    pub fn new(text: String) -> Parser {
        let open = text.find('[');
        Parser {
            text,
            pos: 0,
            count: 0,
            half_ulp: f64::INFINITY,
            open,
            started: false,
            progress: Progress::default(),
        }
    }

    /// Whether the text holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// How much of the text has been read, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.pos as f64 / self.text.len() as f64
        }
    }

    /// Reads about `budget` more numbers; `Some` once the table (or the error) is known.
    pub fn step(&mut self, budget: usize) -> Option<Result<Table, ParseError>> {
        let mut r = Reader {
            text: &self.text,
            bytes: self.text.as_bytes(),
            pos: self.pos,
            count: self.count,
            half_ulp: self.half_ulp,
        };
        let mut result = None;
        if !self.started {
            self.started = true;
            r.skip_space();
            if r.pos == r.bytes.len() {
                result = Some(Err(ParseError {
                    line: 0,
                    column: 0,
                    message: "nothing to read yet: paste the numbers your model printed.".into(),
                }));
            } else if let Some(open) = self.open {
                result = r.bracket_start(open).err().map(Err);
            } else {
                r.pos = 0;
            }
        }
        if result.is_none() {
            let read = match self.open {
                Some(open) => r.bracket_rows(open, &mut self.progress, budget),
                None => r.rows_step(&mut self.progress, budget),
            };
            result = read.transpose();
        }
        self.pos = r.pos;
        self.count = r.count;
        self.half_ulp = r.half_ulp;
        result
    }
}

/// Parses `text` into a table, or says where and why it cannot.
pub fn parse(text: &str) -> Result<Table, ParseError> {
    let mut parser = Parser::new(text.to_string());
    loop {
        if let Some(done) = parser.step(usize::MAX) {
            return done;
        }
    }
}

impl Reader<'_> {
    pub(super) fn error(&self, at: usize, message: impl Into<String>) -> ParseError {
        let at = at.min(self.text.len());
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }

    /// What stands at `at`, quoted for a message.
    pub(super) fn found(&self, at: usize) -> String {
        match self.text[at..].chars().next() {
            None => "the end of the text".into(),
            Some(_) => {
                let word: String = self.text[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']'))
                    .take(12)
                    .collect();
                let word = if word.is_empty() {
                    self.text[at..].chars().next().unwrap_or(' ').to_string()
                } else {
                    word
                };
                format!("'{word}'")
            }
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    pub(super) fn at_ellipsis(&self) -> bool {
        self.text[self.pos..].starts_with("...") || self.text[self.pos..].starts_with('…')
    }

    /// One number at the cursor (a sign, digits, a point, an exponent; `nan`, `inf`).
    pub(super) fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        if self.at_ellipsis() {
            return Err(self.error(start, SUMMARISED));
        }
        let rest = &self.text[start..];
        let (negative, sign_len) = if rest.starts_with('−') {
            (true, '−'.len_utf8())
        } else if rest.starts_with('-') {
            (true, 1)
        } else if rest.starts_with('+') {
            (false, 1)
        } else {
            (false, 0)
        };
        let body = &rest[sign_len..];
        let word: &str = {
            let end = body
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')))
                .unwrap_or(body.len());
            // A '+'/'-' only continues a number right after an exponent's 'e'.
            let mut cut = end;
            for (i, c) in body[..end].char_indices() {
                if (c == '+' || c == '-')
                    && !(i > 0 && matches!(body.as_bytes()[i - 1], b'e' | b'E'))
                {
                    cut = i;
                    break;
                }
            }
            &body[..cut]
        };
        let lower = word.to_ascii_lowercase();
        let magnitude = match lower.as_str() {
            "nan" => f64::NAN,
            "inf" | "infinity" => f64::INFINITY,
            _ => match plain_number(word) {
                Some((v, half)) => {
                    if half > 0.0 {
                        self.half_ulp = self.half_ulp.min(half);
                    }
                    v
                }
                None => {
                    let expected = if word.is_empty() && sign_len == 0 {
                        format!("expected a number, found {}", self.found(start))
                    } else {
                        format!(
                            "expected a number, found {}",
                            self.found(start).replace('−', "-")
                        )
                    };
                    return Err(self.error(start, expected));
                }
            },
        };
        self.pos = start + sign_len + word.len();
        self.count += 1;
        if self.count > MAX_NUMBERS {
            return Err(self.error(
                start,
                format!(
                    "more than {MAX_NUMBERS} numbers: the page takes at most a million \
                     (for example 10,000 rows of 100 classes). Paste a sample of the rows."
                ),
            ));
        }
        Ok(if negative { -magnitude } else { magnitude })
    }

    /// CSV, tab- or space-separated rows, one sample per line: reads whole lines from the
    /// cursor until about `budget` numbers are read; the table once the text ends.
    pub(super) fn rows_step(
        &mut self,
        st: &mut Progress,
        budget: usize,
    ) -> Result<Option<Table>, ParseError> {
        let first = self.count;
        while self.pos < self.text.len() || st.line.is_some() {
            let (start, end, mut n, mut need_value) = match st.line.take() {
                Some(paused) => paused,
                None => {
                    if self.count - first >= budget {
                        return Ok(None);
                    }
                    let start = self.pos;
                    let end = self.text[start..]
                        .find('\n')
                        .map_or(self.text.len(), |i| start + i);
                    if self.text[start..end].trim().is_empty() {
                        self.pos = (end + 1).min(self.text.len());
                        continue;
                    }
                    (start, end, 0, false)
                }
            };
            let next = end + 1;
            loop {
                if self.count - first >= budget {
                    st.line = Some((start, end, n, need_value));
                    return Ok(None);
                }
                while self.pos < end && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\r') {
                    self.pos += 1;
                }
                if self.pos >= end {
                    if need_value {
                        return Err(self.error(self.pos, "expected a number after the separator"));
                    }
                    break;
                }
                if matches!(self.bytes[self.pos], b',' | b';') {
                    if n == 0 || need_value {
                        return Err(self.error(self.pos, "expected a number before this separator"));
                    }
                    need_value = true;
                    self.pos += 1;
                    continue;
                }
                st.values.push(self.number()?);
                n += 1;
                need_value = false;
                if self.pos < end
                    && !matches!(self.bytes[self.pos], b' ' | b'\t' | b'\r' | b',' | b';')
                {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected ',' or a space after a number, found {}",
                            self.found(self.pos)
                        ),
                    ));
                }
            }
            st.rows += 1;
            let rows = st.rows;
            match st.cols {
                None => st.cols = Some(n),
                Some(c) if rows == 2 && c > MAX_CLASSES && c == n => {
                    return Err(self.error(0, too_many_classes(c)));
                }
                Some(c) if c != n => return Err(self.error(start, ragged(rows, n, c))),
                _ => {}
            }
            self.pos = next.min(self.text.len());
        }
        let cols = st.cols.unwrap_or(1).max(1);
        let values = std::mem::take(&mut st.values);
        if st.rows == 1 || cols == 1 {
            let n = values.len();
            Ok(Some(self.table(n, 1, values, Layout::Vector)))
        } else {
            Ok(Some(self.table(st.rows, cols, values, Layout::Matrix)))
        }
    }
}

/// The message for row `row` with `n` numbers after rows of `c`.
pub(super) fn ragged(row: usize, n: usize, c: usize) -> String {
    format!(
        "row {row} has {n} numbers but the rows before it have {c}: every row needs the same \
         number of columns"
    )
}

pub(super) fn too_many_classes(n: usize) -> String {
    format!(
        "a row has {n} numbers, more than {MAX_CLASSES} classes: the page takes at most \
         {MAX_CLASSES} columns (one per class). Is the array transposed?"
    )
}

/// A decimal number (`2.1`, `-0.`, `.5`, `1.e-05`, `1.2345679e+02`) and half a unit in its
/// last digit; `None` if it is not one.
fn plain_number(word: &str) -> Option<(f64, f64)> {
    let (mantissa, exponent) = match word.find(['e', 'E']) {
        Some(i) => (&word[..i], Some(&word[i + 1..])),
        None => (word, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let exp: i32 = match exponent {
        None => 0,
        Some(e) => {
            let body = e.strip_prefix(['+', '-']).unwrap_or(e);
            if body.is_empty() || !digits(body) || body.len() > 4 {
                return None;
            }
            e.parse().ok()?
        }
    };
    // Rust reads every form checked above (`1.`, `.5`, `1.e-05`) as it stands.
    let v: f64 = word.parse().ok()?;
    // Whole numbers (`1.`, `0`) are exact as printed; only digits after a point round.
    let half = if frac.is_empty() {
        0.0
    } else {
        0.5 * 10f64.powi(exp - frac.len() as i32)
    };
    Some((v, half))
}

// Host only: proptest is not a wasm32 dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "parse_tests.rs"]
mod tests;
