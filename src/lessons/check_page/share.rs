//! The check page's optional link: the pasted text in the address, only when it is small
//! (under [`SHARE_LIMIT`] bytes), since it may be private and a link carries it in the clear.

/// The largest input (outputs and labels together, in bytes) a link may carry.
pub const SHARE_LIMIT: usize = 2048;

/// Percent-encodes everything but unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The query for a link that refills both textareas, or `None` when the input is too large
/// to share.
pub fn share_query(outputs: &str, labels: &str) -> Option<String> {
    if outputs.len() + labels.len() >= SHARE_LIMIT {
        return None;
    }
    let mut q = format!("o={}", percent_encode(outputs));
    if !labels.trim().is_empty() {
        q.push_str(&format!("&l={}", percent_encode(labels)));
    }
    Some(q)
}

/// The textareas' text from a link's query (empty when absent).
pub fn from_query(query: &str) -> (String, String) {
    let pairs = crate::routes::parse_query(query);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    (get("o"), get("l"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_inputs_round_trip_and_large_ones_are_not_shared() {
        let outputs = "array([[ 2.1, -0.3]], dtype=float32)\n+1e-5 & 50%";
        let q = share_query(outputs, "[0]").unwrap();
        assert!(!q.contains(' ') && !q.contains('\n') && !q.contains('+'));
        assert_eq!(from_query(&q), (outputs.to_string(), "[0]".to_string()));
        assert_eq!(share_query(&"1 ".repeat(1024), ""), None);
        assert_eq!(from_query(""), (String::new(), String::new()));
    }
}
