//! The registry: every page the app offers, in navigation order. The navigation, the routes
//! and the tests all iterate [`PAGES`]; adding a lesson means writing its module and adding
//! one line here.

pub mod anomaly;
pub mod check_page;
pub mod code;
#[cfg(target_arch = "wasm32")]
pub mod code_view;
pub mod lesson;
pub mod logits;
pub mod losses_metrics;
pub mod playground_page;
pub mod regression;
pub mod runner;
pub mod segmentation;
pub mod softmax_sigmoid;
#[cfg(target_arch = "wasm32")]
pub mod view;

pub use lesson::{Correction, Lesson, PredictInfo, Step, TaskInfo};

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
    /// The lesson behind the page (`None` for the Playground).
    pub lesson: Option<&'static Lesson>,
    /// Renders the page.
    #[cfg(target_arch = "wasm32")]
    pub view: fn() -> leptos::prelude::AnyView,
}

/// Every page, in navigation order.
pub const PAGES: &[Page] = &[
    logits::PAGE,
    softmax_sigmoid::PAGE,
    losses_metrics::PAGE,
    regression::PAGE,
    anomaly::PAGE,
    segmentation::PAGE,
    check_page::PAGE,
    playground_page::PAGE,
];

/// Every page's code panel sets, in navigation order (the checker runs them all).
pub fn panel_sets() -> impl Iterator<Item = &'static code::PanelSet> {
    [
        logits::panels::PANELS,
        softmax_sigmoid::panels::PANELS,
        losses_metrics::panels::PANELS,
        regression::panels::PANELS,
        anomaly::panels::PANELS,
        segmentation::panels::PANELS,
        check_page::panels::PANELS,
        playground_page::panels::PANELS,
    ]
    .into_iter()
    .flatten()
}

/// Every lesson in the registry, in order.
pub fn lessons() -> impl Iterator<Item = &'static Lesson> {
    PAGES.iter().filter_map(|p| p.lesson)
}

/// Every progress key the app knows: done tasks and predict answers (stored progress is
/// filtered by it).
pub fn all_task_keys() -> std::collections::BTreeSet<String> {
    lessons()
        .flat_map(|l| l.task_keys().into_iter().chain(l.predict_keys()))
        .collect()
}

/// The page with this slug.
pub fn find(slug: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_shell_links_every_page_in_order() {
        // index.html paints the navigation before the WebAssembly has loaded.
        let html = include_str!("../../index.html");
        let nav = &html[html.find("<nav").expect("a <nav> in index.html")..];
        let nav = &nav[..nav.find("</nav>").expect("</nav>")];
        let links: Vec<(String, String)> = nav
            .split("<a href=\"")
            .skip(1)
            .map(|a| {
                let (href, rest) = a.split_once("\">").expect("href");
                let label = rest.split("</a>").next().expect("</a>");
                (href.to_string(), label.replace("&amp;", "&"))
            })
            .collect();
        let mut expected = vec![("#/".to_string(), "Home".to_string())];
        expected.extend(
            PAGES
                .iter()
                .map(|p| (crate::routes::page_href(p.slug), p.nav_label.to_string())),
        );
        assert_eq!(links, expected);
    }

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
            if let Some(lesson) = page.lesson {
                assert_eq!(lesson.slug, page.slug, "a lesson lives at its page's slug");
            }
        }
    }

    #[test]
    fn predict_answers_are_known_progress_keys_apart_from_tasks() {
        let known = all_task_keys();
        for lesson in lessons() {
            let tasks: std::collections::HashSet<String> = lesson.task_keys().into_iter().collect();
            for key in lesson.predict_keys() {
                assert!(known.contains(&key) && !tasks.contains(&key), "{key}");
            }
            let (_, total) = (0, lesson.task_count());
            assert_eq!(
                lesson.task_keys().len(),
                total,
                "answers are not counted as tasks"
            );
        }
        assert_eq!(
            lesson::predict_key("logits", "shift", 1),
            "logits/shift/predict=1"
        );
    }

    #[test]
    fn every_lesson_is_complete() {
        for lesson in lessons() {
            let name = lesson.slug;
            assert!(lesson.steps.len() >= 4, "{name}: needs at least 4 steps");
            assert!(!lesson.question.is_empty() && !lesson.thread.is_empty());
            let predicts = lesson.steps.iter().filter(|s| s.predict.is_some()).count();
            assert!(predicts >= 1, "{name}: needs a predict-then-reveal step");
            let corrections: usize = lesson.steps.iter().map(|s| s.corrections.len()).sum();
            assert!(corrections >= 1, "{name}: needs a correction callout");
            assert!(lesson.task_count() >= 3, "{name}: needs tasks");
            let mut ids = std::collections::HashSet::new();
            for step in lesson.steps {
                assert!(ids.insert(step.id), "{name}: duplicate step id {}", step.id);
                assert!(step
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
                let mut task_ids = std::collections::HashSet::new();
                for task in step.tasks {
                    assert!(
                        task_ids.insert(task.id),
                        "{name}/{}: duplicate task {}",
                        step.id,
                        task.id
                    );
                    assert!(!task.text.is_empty());
                }
                if let Some(p) = step.predict {
                    assert!(
                        p.choices.len() >= 2 && p.answer < p.choices.len(),
                        "{name}/{}",
                        step.id
                    );
                    assert!(!p.explanation.is_empty());
                }
            }
        }
    }
}
