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
}

/// What renders a page, as a bundle carries it (WebAssembly only; see [`BUNDLES`]).
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug)]
pub struct PageView {
    /// The page's slug.
    pub slug: &'static str,
    /// Renders the page.
    pub render: fn() -> leptos::prelude::AnyView,
}

/// One WebAssembly file of the app: a Cargo binary, built by Trunk, and the pages it can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The Cargo binary (and the prefix of Trunk's hashed file names).
    pub bin: &'static str,
    /// The slugs of the pages it carries (the first bundle also shows the home page).
    pub pages: &'static [&'static str],
}

/// The app in WebAssembly files of its own, loaded when a page of theirs is opened. One file
/// with every page was 736 KB gzip; a first visit now downloads the shell and the bundle its
/// address asks for (index.html's loader, written by `.ci/csp-hook.mjs` from
/// `src/bundles.json`, which a native test keeps equal to this table). Moving to a page of
/// another bundle reloads the page, which then loads that bundle.
pub const BUNDLES: &[Bundle] = &[MAIN, SOFTMAX_LOSSES, REGRESSION, ANOMALY, SEGMENTATION];

/// The home page, lesson 1 and the Playground (`src/main.rs`): where most visits start.
pub const MAIN: Bundle = Bundle {
    bin: "logit-lab",
    pages: &["logits", "playground"],
};
/// Lessons 2 and 3 (`src/bin/logit-lab-softmax-losses.rs`).
pub const SOFTMAX_LOSSES: Bundle = Bundle {
    bin: "logit-lab-softmax-losses",
    pages: &["softmax-or-sigmoid", "losses-and-metrics"],
};
/// Lesson 4 and "Check your outputs" (`src/bin/logit-lab-regression.rs`).
pub const REGRESSION: Bundle = Bundle {
    bin: "logit-lab-regression",
    pages: &["regression-output", "check"],
};
/// Lesson 5 (`src/bin/logit-lab-anomaly.rs`).
pub const ANOMALY: Bundle = Bundle {
    bin: "logit-lab-anomaly",
    pages: &["anomaly-detection"],
};
/// Lesson 6 (`src/bin/logit-lab-segmentation.rs`).
pub const SEGMENTATION: Bundle = Bundle {
    bin: "logit-lab-segmentation",
    pages: &["segmentation"],
};

/// The bundle that shows the page with this slug (the first for the home page and for
/// unknown slugs, which show "page not found").
pub fn bundle_of(slug: &str) -> &'static Bundle {
    BUNDLES
        .iter()
        .find(|b| b.pages.contains(&slug))
        .unwrap_or(&BUNDLES[0])
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

    /// `src/bundles.json` as the table says it (what index.html's loader reads).
    fn bundles_json() -> String {
        let rows: Vec<String> = BUNDLES
            .iter()
            .map(|b| {
                let pages: Vec<String> = b.pages.iter().map(|p| format!("\"{p}\"")).collect();
                format!(
                    "  {{ \"bin\": \"{}\", \"pages\": [{}] }}",
                    b.bin,
                    pages.join(", ")
                )
            })
            .collect();
        format!("[\n{}\n]\n", rows.join(",\n"))
    }

    #[test]
    fn every_page_is_in_one_bundle_that_is_built() {
        for page in PAGES {
            let carriers = BUNDLES
                .iter()
                .filter(|b| b.pages.contains(&page.slug))
                .count();
            assert_eq!(carriers, 1, "{} is in {carriers} bundles", page.slug);
            assert_eq!(
                bundle_of(page.slug)
                    .pages
                    .iter()
                    .filter(|&&s| s == page.slug)
                    .count(),
                1
            );
        }
        for b in BUNDLES {
            assert!(
                b.pages.iter().all(|s| find(s).is_some()),
                "{}: unknown page",
                b.bin
            );
        }
        assert_eq!(
            bundle_of("no-such-page"),
            &MAIN,
            "home and unknown pages: the main bundle"
        );
        let (cargo, html) = (
            include_str!("../../Cargo.toml"),
            include_str!("../../index.html"),
        );
        for (i, b) in BUNDLES.iter().enumerate() {
            assert!(
                cargo.contains(&format!("name = \"{}\"", b.bin)),
                "{}: no [[bin]]",
                b.bin
            );
            let link = format!("rel=\"rust\" data-bin=\"{}\"", b.bin);
            let at = html
                .find(&link)
                .unwrap_or_else(|| panic!("{}: no rust link", b.bin));
            let worker = html[at..]
                .split('>')
                .next()
                .unwrap_or("")
                .contains("data-type=\"worker\"");
            assert_eq!(
                worker,
                i > 0,
                "{}: only the first bundle is Trunk's main app",
                b.bin
            );
        }
    }

    #[test]
    fn the_loader_reads_the_bundles_as_the_table_says() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bundles.json");
        let want = bundles_json();
        if std::fs::read_to_string(&path).unwrap_or_default() != want {
            std::fs::write(&path, &want).unwrap();
            panic!("src/bundles.json was stale and has been rewritten: run the tests again");
        }
    }
}
