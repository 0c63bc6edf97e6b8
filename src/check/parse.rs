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
    /// Half a unit in the last printed digit of the least precise number (how far a printed
    /// value can be from the one the model held).
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

/// Prefixes a framework prints before the first `[`.
const PREFIXES: [&str; 8] = [
    "array(",
    "np.array(",
    "numpy.array(",
    "tensor(",
    "torch.tensor(",
    "tf.Tensor(",
    "tf.constant(",
    "Array(",
];

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    count: usize,
    half_ulp: f64,
}

/// Parses `text` into a table, or says where and why it cannot.
pub fn parse(text: &str) -> Result<Table, ParseError> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        count: 0,
        half_ulp: 0.0,
    };
    r.skip_space();
    if r.pos == r.bytes.len() {
        return Err(ParseError {
            line: 0,
            column: 0,
            message: "nothing to read yet: paste the numbers your model printed.".into(),
        });
    }
    match text.find('[') {
        Some(open) => r.bracketed(open),
        None => r.rows(),
    }
}

impl Reader<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> ParseError {
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
    fn found(&self, at: usize) -> String {
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

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn at_ellipsis(&self) -> bool {
        self.text[self.pos..].starts_with("...") || self.text[self.pos..].starts_with('…')
    }

    /// One number at the cursor (a sign, digits, a point, an exponent; `nan`, `inf`).
    fn number(&mut self) -> Result<f64, ParseError> {
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
                if (c == '+' || c == '-') && !(i > 0 && matches!(body.as_bytes()[i - 1], b'e' | b'E'))
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
                    self.half_ulp = self.half_ulp.max(half);
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

    /// `array([...], dtype=float32)`, `tensor([...], grad_fn=<...>)`, `[[1, 2], [3, 4]]`.
    fn bracketed(&mut self, open: usize) -> Result<Table, ParseError> {
        let prefix = self.text[..open].trim();
        let known = prefix.is_empty()
            || PREFIXES.contains(&prefix)
            || (prefix.starts_with("<tf.Tensor:") && prefix.ends_with("array("));
        if !known {
            let at = self.text.len() - self.text.trim_start().len();
            return Err(self.error(
                at,
                format!(
                    "expected '[' or a number, found {}: paste the array as printed \
                     (array(...), tensor(...), a list, or rows of numbers)",
                    self.found(at)
                ),
            ));
        }
        self.pos = open + 1;
        let mut values = Vec::new();
        let mut cols: Option<usize> = None;
        let mut rows = 0usize;
        let mut layout: Option<Layout> = None;
        loop {
            self.skip_separators();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => {
                    return Err(self.error(
                        self.pos,
                        "the array ends too early: expected ']' (is part of it missing?)",
                    ))
                }
                Some(b'[') => {
                    if layout == Some(Layout::Vector) {
                        return Err(
                            self.error(self.pos, "expected a number here, found '[': a row inside a list of numbers")
                        );
                    }
                    layout = Some(Layout::Matrix);
                    let row_start = self.pos;
                    self.pos += 1;
                    let n = self.row(&mut values)?;
                    rows += 1;
                    match cols {
                        None => {
                            if n > MAX_CLASSES {
                                return Err(self.error(row_start, too_many_classes(n)));
                            }
                            cols = Some(n);
                        }
                        Some(c) if c != n => {
                            return Err(self.error(
                                row_start,
                                format!(
                                    "row {rows} has {n} numbers but the rows before it have {c}: \
                                     every row needs the same number of columns"
                                ),
                            ))
                        }
                        _ => {}
                    }
                }
                Some(_) => {
                    if layout == Some(Layout::Matrix) {
                        if self.at_ellipsis() {
                            return Err(self.error(self.pos, SUMMARISED));
                        }
                        return Err(self.error(
                            self.pos,
                            format!("expected '[' (the next row) or ']', found {}", self.found(self.pos)),
                        ));
                    }
                    layout = Some(Layout::Vector);
                    values.push(self.number()?);
                    self.expect_separator(b']')?;
                }
            }
        }
        self.suffix()?;
        let layout = layout.unwrap_or(Layout::Vector);
        if values.is_empty() {
            return Err(self.error(open, "the array is empty: there are no numbers in it"));
        }
        let (rows, cols) = match layout {
            Layout::Vector => (values.len(), 1),
            Layout::Matrix => (rows, cols.unwrap_or(0)),
        };
        if cols == 0 {
            return Err(self.error(open, "the rows are empty: there are no numbers in them"));
        }
        Ok(self.table(rows, cols, values, layout))
    }

    fn table(&self, rows: usize, cols: usize, values: Vec<f64>, layout: Layout) -> Table {
        Table {
            rows,
            cols,
            values,
            layout,
            half_ulp: self.half_ulp,
        }
    }

    /// Whitespace and at most one comma.
    fn skip_separators(&mut self) {
        self.skip_space();
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_space();
        }
    }

    /// After a number: whitespace, a comma, or the closing bracket must follow.
    fn expect_separator(&mut self, close: u8) -> Result<(), ParseError> {
        match self.peek() {
            Some(b) if b.is_ascii_whitespace() || b == b',' || b == close => Ok(()),
            None => Ok(()),
            Some(_) => Err(self.error(
                self.pos,
                format!(
                    "expected ',', a space or ']' after a number, found {}",
                    self.found(self.pos)
                ),
            )),
        }
    }

    /// The numbers of one row, after its '['; returns how many.
    fn row(&mut self, values: &mut Vec<f64>) -> Result<usize, ParseError> {
        let mut n = 0;
        loop {
            self.skip_separators();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(n);
                }
                None => {
                    return Err(self.error(
                        self.pos,
                        "the array ends too early: expected ']' (is part of it missing?)",
                    ))
                }
                Some(b'[') => {
                    return Err(self.error(
                        self.pos,
                        "expected a number, found '[': the array has more than two dimensions. \
                         The page takes one row per sample; reshape to (samples, classes) first.",
                    ))
                }
                Some(_) => {
                    values.push(self.number()?);
                    n += 1;
                    if n > MAX_CLASSES {
                        return Err(self.error(self.pos, too_many_classes(n)));
                    }
                    self.expect_separator(b']')?;
                }
            }
        }
    }

    /// What may follow the array: `, dtype=float32)`, `, grad_fn=<SoftmaxBackward0>)`,
    /// `, device='cuda:0')`, `, shape=(2, 3)`, `)`, `>`.
    fn suffix(&mut self) -> Result<(), ParseError> {
        loop {
            self.skip_space();
            let Some(b) = self.peek() else { return Ok(()) };
            match b {
                b',' | b')' | b'>' => self.pos += 1,
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    let start = self.pos;
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
                    {
                        self.pos += 1;
                    }
                    self.skip_space();
                    if self.peek() != Some(b'=') {
                        return Err(self.unexpected_after(start));
                    }
                    self.pos += 1;
                    self.skip_space();
                    self.setting_value()?;
                }
                _ => return Err(self.unexpected_after(self.pos)),
            }
        }
    }

    /// A setting's value: `<...>`, `'...'`, `(...)` or a word such as `torch.float64`.
    fn setting_value(&mut self) -> Result<(), ParseError> {
        let close = match self.peek() {
            Some(b'<') => Some(b'>'),
            Some(b'(') => Some(b')'),
            Some(q @ (b'\'' | b'"')) => Some(q),
            _ => None,
        };
        match close {
            Some(c) => {
                let start = self.pos;
                self.pos += 1;
                while self.peek().is_some_and(|b| b != c) {
                    self.pos += 1;
                }
                if self.peek().is_none() {
                    return Err(self.error(start, format!("expected '{}' to close this", c as char)));
                }
                self.pos += 1;
            }
            None => {
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-'))
                {
                    self.pos += 1;
                }
            }
        }
        Ok(())
    }

    fn unexpected_after(&self, at: usize) -> ParseError {
        self.error(
            at,
            format!(
                "unexpected {} after the array: expected the end, ')' or a setting such as \
                 dtype=float32 (paste one array at a time)",
                self.found(at)
            ),
        )
    }

    /// CSV, tab- or space-separated rows, one sample per line.
    fn rows(&mut self) -> Result<Table, ParseError> {
        let mut values = Vec::new();
        let mut cols: Option<usize> = None;
        let mut rows = 0usize;
        let mut line_start = 0usize;
        for line in self.text.split('\n') {
            let start = line_start;
            line_start += line.len() + 1;
            if line.trim().is_empty() {
                continue;
            }
            self.pos = start;
            let end = start + line.len();
            let mut n = 0usize;
            let mut need_value = false;
            loop {
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
                values.push(self.number()?);
                n += 1;
                need_value = false;
                if self.pos < end
                    && !matches!(self.bytes[self.pos], b' ' | b'\t' | b'\r' | b',' | b';')
                {
                    return Err(self.error(
                        self.pos,
                        format!("expected ',' or a space after a number, found {}", self.found(self.pos)),
                    ));
                }
            }
            rows += 1;
            match cols {
                None => cols = Some(n),
                Some(c) if rows == 2 && c > MAX_CLASSES && c == n => {
                    return Err(self.error(0, too_many_classes(c)));
                }
                Some(c) if c != n => {
                    return Err(self.error(
                        start,
                        format!(
                            "row {rows} has {n} numbers but the rows before it have {c}: \
                             every row needs the same number of columns"
                        ),
                    ))
                }
                _ => {}
            }
        }
        let cols = cols.unwrap_or(1).max(1);
        if rows == 1 || cols == 1 {
            let n = values.len();
            Ok(self.table(n, 1, values, Layout::Vector))
        } else {
            Ok(self.table(rows, cols, values, Layout::Matrix))
        }
    }
}

fn too_many_classes(n: usize) -> String {
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
    let normal = format!(
        "{}.{}e{}",
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac },
        exp
    );
    let v: f64 = normal.parse().ok()?;
    let half = 0.5 * 10f64.powi(exp - frac.len() as i32);
    Some((v, half))
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
