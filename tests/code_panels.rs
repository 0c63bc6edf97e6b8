//! Every code panel of every step, for its default state and three seeded random states:
//! checked for shape here, then written to `target/code-panels.json` for
//! `.ci/python/check_panels.py`, which runs each program in real Keras (TensorFlow, JAX and
//! PyTorch backends) and PyTorch and compares what it prints with what the page shows.

#![cfg(not(target_arch = "wasm32"))]

use logit_lab::lessons::code::{Backends, Framework, PanelSet, Program};
use logit_lab::lessons::{find, panel_sets, PAGES};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The states each step is exported in: its default, then three seeds.
const STATES: [Option<u64>; 4] = [None, Some(1), Some(2), Some(3)];

fn route(set: &PanelSet) -> String {
    if set.step.is_empty() {
        format!("#/{}", set.page)
    } else {
        format!("#/{}/{}", set.page, set.step)
    }
}

fn program_json(set: &PanelSet, state: Option<u64>, p: &Program) -> Value {
    let prints: Vec<Value> = p
        .prints
        .iter()
        .map(|line| {
            json!({
                "label": line.label,
                "values": line.values.iter().map(|(b, v)| json!({
                    "backends": b.names(),
                    "values": v.iter().map(|x| if x.is_finite() { json!(x) } else { json!(x.to_string()) }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "route": route(set),
        "state": state.map_or("default".to_string(), |s| format!("seed {s}")),
        "framework": p.framework.id(),
        "code": p.code,
        "prints": prints,
    })
}

fn check_shape(where_: &str, p: &Program) {
    assert!(
        p.code.contains("import "),
        "{where_}: a complete program starts with its imports"
    );
    assert!(
        p.code.contains("print("),
        "{where_}: the program prints what the page shows"
    );
    assert!(!p.prints.is_empty(), "{where_}: nothing printed");
    for line in &p.prints {
        assert!(
            !line.label.contains(": ") && !line.label.chars().any(|c| c.is_ascii_digit()),
            "{where_}: label {:?} must hold no digits and no \": \" (the checker reads values after it)",
            line.label
        );
        assert!(
            p.code.contains(&format!("\"{}:\"", line.label)),
            "{where_}: the program never prints the label {:?}",
            line.label
        );
        for backend in [Backends::TENSORFLOW, Backends::JAX, Backends::TORCH] {
            assert!(
                line.on(backend).is_some(),
                "{where_}: {:?} has no value on {backend:?}",
                line.label
            );
        }
        if p.framework == Framework::PyTorch {
            assert_eq!(line.values.len(), 1, "{where_}: PyTorch has no backends");
        }
    }
    if p.framework == Framework::Keras {
        assert!(
            !p.code.contains(".numpy()"),
            "{where_}: JAX arrays have no .numpy(); use keras.ops.convert_to_numpy"
        );
    }
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// How many `<CodePanels` a page's folder places (each must be a registered panel set): the
/// folder is the one under `src/lessons/` whose `mod.rs` declares the page's slug.
fn panels_placed(page: &str) -> usize {
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lessons");
    let declares = format!("slug: \"{page}\"");
    let dir = std::fs::read_dir(&lessons)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|d| std::fs::read_to_string(d.join("mod.rs")).is_ok_and(|t| t.contains(&declares)))
        .unwrap_or_else(|| panic!("no folder under src/lessons declares the page {page}"));
    let mut files = Vec::new();
    source_files(&dir, &mut files);
    files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .matches("<CodePanels")
                .count()
        })
        .sum()
}

#[test]
fn every_panel_is_registered_and_well_formed_and_exported() {
    let sets: Vec<&PanelSet> = panel_sets().collect();
    let mut out = Vec::new();
    for set in &sets {
        let page = find(set.page).unwrap_or_else(|| panic!("no page {}", set.page));
        if let Some(lesson) = page.lesson {
            assert!(
                lesson.steps.iter().any(|s| s.id == set.step),
                "{}: no such step",
                route(set)
            );
        }
        let mut codes = Vec::new();
        for state in STATES {
            let programs = (set.make)(state);
            assert!(
                programs.iter().any(|p| p.framework == Framework::Keras)
                    && programs.iter().any(|p| p.framework == Framework::PyTorch),
                "{}: a Keras and a PyTorch program",
                route(set)
            );
            for p in &programs {
                let where_ = format!("{} ({state:?}, {})", route(set), p.framework.id());
                check_shape(&where_, p);
                out.push(program_json(set, state, p));
            }
            codes.push(programs.iter().map(|p| p.code.clone()).collect::<String>());
        }
        assert!(
            codes[1..].iter().any(|c| *c != codes[0]),
            "{}: the seeded states never differ from the default",
            route(set)
        );
    }
    for page in PAGES {
        let registered = sets.iter().filter(|s| s.page == page.slug).count();
        assert_eq!(
            registered,
            panels_placed(page.slug),
            "{}: every <CodePanels> on the page has a registered panel set in its panels.rs",
            page.slug
        );
    }
    // Beside the sources even when CARGO_TARGET_DIR points elsewhere (the checker reads it here).
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target).unwrap();
    let path = target.join("code-panels.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&json!({ "programs": out })).unwrap(),
    )
    .unwrap();
    eprintln!("wrote {} programs to {}", out.len(), path.display());
}
