//! Routing from the URL's hash, so every page has an address that survives a reload on any
//! static host, from any sub-folder (GitHub Pages serves the app from `/<repo>/`), with no
//! server-side rewrite: `#/`, `#/playground?z=2,1,0.5`, `#/lesson/<slug>/<step>`.

/// Where the learner is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The welcome page with the list of lessons.
    Home,
    /// A page from the registry (the Playground, or a lesson), with an optional step.
    Page {
        /// The page's slug in the registry.
        slug: String,
        /// A step id within a lesson, if the URL named one.
        step: Option<String>,
    },
    /// Anything else: shown as a friendly "not found" page with links.
    NotFound(String),
}

impl Route {
    /// Parses a `location.hash` value (`"#/playground?z=1,2"`). The query part is ignored
    /// here: see [`query_of`].
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            [slug] => Route::Page {
                slug: slug.to_string(),
                step: None,
            },
            [slug, step] => Route::Page {
                slug: slug.to_string(),
                step: Some(step.to_string()),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }
}

/// The hash link for a registry page.
pub fn page_href(slug: &str) -> String {
    format!("#/{slug}")
}

/// The hash link for a step of a lesson.
pub fn step_href(slug: &str, step: &str) -> String {
    format!("#/{slug}/{step}")
}

/// The query string of a hash (`"#/playground?z=1,2"` → `"z=1,2"`), empty if none.
pub fn query_of(hash: &str) -> &str {
    hash.split_once('?').map(|(_, q)| q).unwrap_or("")
}

/// Splits a query string into key/value pairs, percent-decoding both. Malformed pieces are
/// kept as best as possible: a missing `=` gives an empty value.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes are kept literally.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_routes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(
            Route::parse("#/playground?z=1,2"),
            Route::Page {
                slug: "playground".into(),
                step: None
            }
        );
        assert_eq!(
            Route::parse("#/logits/shift"),
            Route::Page {
                slug: "logits".into(),
                step: Some("shift".into())
            }
        );
        assert!(matches!(Route::parse("#/a/b/c"), Route::NotFound(_)));
    }

    #[test]
    fn decodes_queries() {
        assert_eq!(query_of("#/playground?z=1,2&t=0.5"), "z=1,2&t=0.5");
        assert_eq!(query_of("#/playground"), "");
        assert_eq!(
            parse_query("z=1%2C2&x&t=%zz"),
            vec![
                ("z".to_string(), "1,2".to_string()),
                ("x".to_string(), String::new()),
                ("t".to_string(), "%zz".to_string())
            ]
        );
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("a%4"), "a%4");
        assert_eq!(percent_decode("%E2%88%92"), "−");
    }
}
