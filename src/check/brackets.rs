//! The bracketed forms: `array([...], dtype=float32)`, `tensor([...], grad_fn=<...>)`, TF
//! tensors and nested lists or JSON, with the settings a framework prints after the array.

use super::parse::{
    ragged, too_many_classes, Layout, ParseError, Progress, Reader, Table, MAX_CLASSES, SUMMARISED,
};

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

impl Reader<'_> {
    /// Checks what precedes the first `[` (`array(`, `tensor(`, ...) and steps inside it.
    pub(super) fn bracket_start(&mut self, open: usize) -> Result<(), ParseError> {
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
        Ok(())
    }

    /// Reads rows (or numbers of a 1-D list) from the cursor until about `budget` numbers
    /// are read; the table once the closing ']' and what follows it are read.
    pub(super) fn bracket_rows(
        &mut self,
        open: usize,
        st: &mut Progress,
        budget: usize,
    ) -> Result<Option<Table>, ParseError> {
        let first = self.count;
        loop {
            if self.count - first >= budget {
                return Ok(None);
            }
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
                    if st.layout == Some(Layout::Vector) {
                        return Err(self.error(
                            self.pos,
                            "expected a number here, found '[': a row inside a list of numbers",
                        ));
                    }
                    st.layout = Some(Layout::Matrix);
                    let row_start = self.pos;
                    self.pos += 1;
                    let n = self.row(&mut st.values)?;
                    st.rows += 1;
                    let rows = st.rows;
                    match st.cols {
                        None => {
                            if n > MAX_CLASSES {
                                return Err(self.error(row_start, too_many_classes(n)));
                            }
                            st.cols = Some(n);
                        }
                        Some(c) if c != n => return Err(self.error(row_start, ragged(rows, n, c))),
                        _ => {}
                    }
                }
                Some(_) => {
                    if st.layout == Some(Layout::Matrix) {
                        if self.at_ellipsis() {
                            return Err(self.error(self.pos, SUMMARISED));
                        }
                        return Err(self.error(
                            self.pos,
                            format!(
                                "expected '[' (the next row) or ']', found {}",
                                self.found(self.pos)
                            ),
                        ));
                    }
                    st.layout = Some(Layout::Vector);
                    st.values.push(self.number()?);
                    self.expect_separator(b']')?;
                }
            }
        }
        self.suffix()?;
        let layout = st.layout.unwrap_or(Layout::Vector);
        let values = std::mem::take(&mut st.values);
        if values.is_empty() {
            return Err(self.error(open, "the array is empty: there are no numbers in it"));
        }
        let (rows, cols) = match layout {
            Layout::Vector => (values.len(), 1),
            Layout::Matrix => (st.rows, st.cols.unwrap_or(0)),
        };
        if cols == 0 {
            return Err(self.error(open, "the rows are empty: there are no numbers in them"));
        }
        Ok(Some(self.table(rows, cols, values, layout)))
    }

    pub(super) fn table(
        &self,
        rows: usize,
        cols: usize,
        values: Vec<f64>,
        layout: Layout,
    ) -> Table {
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
                    return Err(
                        self.error(start, format!("expected '{}' to close this", c as char))
                    );
                }
                self.pos += 1;
            }
            None => {
                while self.peek().is_some_and(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-')
                }) {
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
}
