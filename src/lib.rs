//! Tension Check: a guided self-check that helps tell sciatic nerve tension from
//! hamstring tightness.
//!
//! - [`core`]: the protocol, answers and grading; pure, no UI and no I/O.
//! - [`store`]: saved sessions on disk: durable, write-once files, notes, trash,
//!   backup and import; no UI.
//! - [`ui`]: the iced application on top.

pub mod core;
pub mod store;
pub mod ui;
