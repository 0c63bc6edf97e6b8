//! Which tasks a learner has done, as kept in `localStorage`: a version line, then one
//! `lesson/step/task` key per line. Anything unexpected (another version, unknown keys,
//! junk, a huge value) is ignored, never fatal.

use std::collections::BTreeSet;

/// The storage key.
pub const STORAGE_KEY: &str = "logit-lab.progress";
const VERSION: &str = "v1";
/// Stored values longer than this are ignored as corrupt.
const MAX_LEN: usize = 64 * 1024;

/// Reads stored progress, keeping only keys in `known`.
pub fn parse(stored: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    if stored.len() > MAX_LEN {
        return BTreeSet::new();
    }
    let mut lines = stored.lines();
    if lines.next() != Some(VERSION) {
        return BTreeSet::new();
    }
    lines
        .map(str::trim)
        .filter(|l| known.contains(*l))
        .map(str::to_string)
        .collect()
}

/// The text to store.
pub fn serialise(done: &BTreeSet<String>) -> String {
    let mut out = String::from(VERSION);
    for key in done {
        out.push('\n');
        out.push_str(key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> BTreeSet<String> {
        ["a/b/c", "a/b/d"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn round_trips() {
        let done: BTreeSet<String> = ["a/b/c".to_string()].into();
        assert_eq!(parse(&serialise(&done), &known()), done);
    }

    #[test]
    fn ignores_corrupt_values() {
        assert!(parse("", &known()).is_empty());
        assert!(parse("{\"json\": true}", &known()).is_empty());
        assert!(parse("v2\na/b/c", &known()).is_empty());
        assert_eq!(parse("v1\nx/y/z\n<script>\na/b/d", &known()).len(), 1);
        assert!(parse(&format!("v1\n{}", "a".repeat(MAX_LEN)), &known()).is_empty());
    }
}
