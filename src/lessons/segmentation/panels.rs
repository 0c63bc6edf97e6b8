//! The step's code panels as complete Keras 3 and PyTorch programs (host-compiled, so the
//! test command runs every one of them in the real frameworks).

use crate::lessons::code::PanelSet;

/// Every panel set of this page, for the checker.
pub const PANELS: &[PanelSet] = &[];
