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

    /// Marks a task done (and saves), if it was not already. What another tab stored in the
    /// meantime is kept: the save adds to the stored set instead of overwriting it.
    pub fn mark(&self, key: String) {
        if self.0.with_untracked(|d| d.contains(&key)) {
            return;
        }
        let mut done = stored().unwrap_or_else(|| self.0.get_untracked());
        done.insert(key);
        save(&done);
        self.0.set(done);
    }

    /// Forgets every task and predict answer of one lesson.
    pub fn reset(&self, lesson: &Lesson) {
        let keys: BTreeSet<String> = lesson
            .task_keys()
            .into_iter()
            .chain(lesson.predict_keys())
            .collect();
        let mut done = stored().unwrap_or_else(|| self.0.get_untracked());
        done.retain(|k| !keys.contains(k));
        save(&done);
        self.0.set(done);
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

/// The progress stored now (corrupt values are ignored), or `None` without storage.
fn stored() -> Option<BTreeSet<String>> {
    let storage = window().local_storage().ok().flatten()?;
    let text = storage
        .get_item(progress::STORAGE_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    Some(progress::parse(&text, &all_task_keys()))
}

fn save(done: &BTreeSet<String>) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(progress::STORAGE_KEY, &progress::serialise(done));
    }
}

/// Loads stored progress and provides [`Progress`]. Another tab's saves (a task done, a
/// lesson reset) arrive as `storage` events and show here at once.
pub fn provide_progress() -> Progress {
    let p = Progress(RwSignal::new(stored().unwrap_or_default()));
    provide_context(p);
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k == progress::STORAGE_KEY) {
            if let Some(done) = stored() {
                p.0.set(done);
            }
        }
    });
    // The progress lives as long as the page; the listener with it.
    std::mem::forget(listener);
    p
}

/// The progress context.
pub fn use_progress() -> Progress {
    use_context::<Progress>().unwrap_or_else(|| Progress(RwSignal::new(BTreeSet::new())))
}
