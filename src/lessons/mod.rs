//! The registry: every page the app offers, in navigation order. The navigation, the routes
//! and the tests all iterate [`PAGES`]; adding a lesson means writing its module and adding
//! one line here.

pub mod playground_page;

/// A page in the registry.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    /// URL slug: the page lives at `#/<slug>`.
    pub slug: &'static str,
    /// Title shown on the page and in the browser tab.
    pub title: &'static str,
    /// Short label for the navigation.
    pub nav_label: &'static str,
    /// One sentence for the home page: what the learner will find out.
    pub blurb: &'static str,
    /// Renders the page.
    #[cfg(target_arch = "wasm32")]
    pub view: fn() -> leptos::prelude::AnyView,
}

/// Every page, in navigation order.
pub const PAGES: &[Page] = &[playground_page::PAGE];

/// The page with this slug.
pub fn find(slug: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let mut seen = std::collections::HashSet::new();
        for page in PAGES {
            assert!(seen.insert(page.slug), "duplicate slug {}", page.slug);
            assert!(page
                .slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            assert!(!page.title.is_empty() && !page.blurb.is_empty());
            assert_eq!(find(page.slug).map(|p| p.slug), Some(page.slug));
        }
    }
}
