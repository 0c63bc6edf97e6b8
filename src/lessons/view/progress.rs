//! Which tasks a learner has done: loaded from and saved to `localStorage`, provided as context.

use super::super::{all_task_keys, Lesson};
use crate::progress;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Tasks done so far (sticky), loaded from and saved to `localStorage`.
#[derive(Clone, Copy)]
pub struct Progress(pub RwSignal<BTreeSet<String>>);

impl Progress {
    /// Whether a task key is done.
    pub fn is_done(&self, key: &str) -> bool {
        self.0.with(|d| d.contains(key))
    }

    /// Marks a task done (and saves), if it was not already.
    pub fn mark(&self, key: String) {
        if self.0.with_untracked(|d| d.contains(&key)) {
            return;
        }
        self.0.update(|d| {
            d.insert(key);
        });
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(
                progress::STORAGE_KEY,
                &progress::serialise(&self.0.get_untracked()),
            );
        }
    }

    /// Forgets every task and predict answer of one lesson.
    pub fn reset(&self, lesson: &Lesson) {
        let keys: BTreeSet<String> = lesson
            .task_keys()
            .into_iter()
            .chain(lesson.predict_keys())
            .collect();
        self.0.update(|d| d.retain(|k| !keys.contains(k)));
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(
                progress::STORAGE_KEY,
                &progress::serialise(&self.0.get_untracked()),
            );
        }
    }

    /// (done, total) for a lesson.
    pub fn count(&self, lesson: &Lesson) -> (usize, usize) {
        let keys = lesson.task_keys();
        let done = self
            .0
            .with(|d| keys.iter().filter(|k| d.contains(*k)).count());
        (done, keys.len())
    }
}

/// Loads stored progress (corrupt values are ignored) and provides [`Progress`].
pub fn provide_progress() -> Progress {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(progress::STORAGE_KEY).ok().flatten())
        .unwrap_or_default();
    let p = Progress(RwSignal::new(progress::parse(&stored, &all_task_keys())));
    provide_context(p);
    p
}

/// The progress context.
pub fn use_progress() -> Progress {
    use_context::<Progress>().unwrap_or_else(|| Progress(RwSignal::new(BTreeSet::new())))
}
