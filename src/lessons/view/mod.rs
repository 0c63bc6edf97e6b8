//! The lesson page (WebAssembly only): the question, a step list with done marks, one step
//! at a time with its own URL, tasks checked live and remembered, predict-then-reveal,
//! formulas and the thread's corrections.

mod page;
mod parts;
mod progress;
mod step_state;
mod table;

pub use page::{is_typing, render_lesson};
pub use parts::{ClassChips, Formula, Labelled, LogitsBeside, PlayButton, Predict, ReadoutLine};
pub use progress::{provide_progress, use_progress, Progress};
pub use step_state::{
    class_labels, hold_link_while, link_value, logits_state, report_task, report_tasks_on,
    share_derived, shared, shared_codec, shared_number, use_revealed,
};
pub use table::{cell, row, Cell, DataTable, Row, SummaryTable};
