//! Tension Check: a guided self-check that helps tell sciatic nerve tension from
//! hamstring tightness.
//!
//! - [`core`]: the protocol, answers and grading; pure, no UI and no I/O.
//! - [`store`]: saved sessions on disk: durable, write-once files, notes, trash,
//!   backup and import; no UI.
//! - [`export`]: the clinician report (HTML), CSV and trend data; pure text.
//! - [`settings`]: theme and text size, in `settings.ron`.
//! - [`cli`]: the command line (`list`, `show`, `export`, `import`).
//! - [`ui`]: the iced application on top.

// On the web a File has no Drop, so closing it early with drop() is a no-op there.
#![cfg_attr(target_arch = "wasm32", allow(clippy::drop_non_drop))]

pub mod cli;
pub mod core;
pub mod export;
pub mod settings;
pub mod store;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
