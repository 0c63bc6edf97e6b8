//! "Check your outputs": reading what a learner's model printed and saying what the numbers
//! are, which mistakes they show and what Keras would report. Pure and host-tested; the page
//! itself is `lessons::check_page`.

mod brackets;
pub mod parse;

pub use parse::{parse, Layout, ParseError, Table, MAX_CLASSES, MAX_NUMBERS};
