//! The layers stay in their rooms: no file in `src/` over 500 lines (nor any other file of
//! ours: tests, e2e specs, benchmarks, styles, CI scripts), each opening with a `//!`
//! line saying what it holds; nothing below the shell imports it; the model knows no URL
//! format; the URL layer imports neither the shell nor the lessons.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file of ours (not installed packages, build output or test results) whose extension
/// is one we write code in, under `dir`.
fn project_files(dir: &Path, out: &mut Vec<PathBuf>) {
    const SKIP: [&str; 6] = ["node_modules", "results", "target", "dist", "venv", ".venv"];
    const CODE: [&str; 9] = ["rs", "ts", "mjs", "js", "css", "py", "sh", "html", "toml"];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !SKIP.contains(&name.as_str()) {
                project_files(&path, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| CODE.contains(&e.to_string_lossy().as_ref()))
        {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 500)
        .map(|(name, text)| format!("{name}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these files: {long:#?}");
}

#[test]
fn no_project_file_is_over_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests", "e2e", "style", ".ci", ".github"] {
        project_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the walk found only {files:?}");
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).ok()?.lines().count();
            (lines > 500).then(|| format!("{}: {lines} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:#?}");
}

#[test]
fn every_source_file_says_what_it_holds() {
    let silent: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(name, _)| name)
        .collect();
    assert!(silent.is_empty(), "add a `//!` line to: {silent:#?}");
}

#[test]
fn data_flows_one_way() {
    for (name, text) in sources() {
        let shell = name == "src/app.rs" || name == "src/main.rs" || name == "src/lib.rs";
        if !shell {
            assert!(
                !text.contains("crate::app"),
                "{name} imports the shell (src/app.rs): the shell sits on top"
            );
        }
        // The check page's reading and diagnosis sit with the model: pure, host-tested.
        if name.starts_with("src/model/")
            || name.starts_with("src/math/")
            || name.starts_with("src/check/")
        {
            for word in [
                "crate::link",
                "LinkValue",
                "link_enum!",
                "crate::lessons",
                "leptos",
            ] {
                assert!(
                    !text.contains(word),
                    "{name} uses {word}: the model and the maths know no URL, page or UI"
                );
            }
        }
        if name == "src/routes.rs" || name == "src/link.rs" || name == "src/url_sync.rs" {
            for word in ["crate::lessons", "crate::widgets"] {
                assert!(
                    !text.contains(word),
                    "{name} uses {word}: the URL layer sits below the pages"
                );
            }
        }
        if name.starts_with("src/widgets/") || name.starts_with("src/chart/") {
            assert!(
                !text.contains("crate::lessons"),
                "{name} imports a lesson: widgets take what they need as props"
            );
        }
    }
}
