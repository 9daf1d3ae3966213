//! Tension Check: a guided self-check that helps tell sciatic nerve tension from
//! hamstring tightness.
//!
//! - [`core`]: the protocol, answers, grading and wording; pure, no UI and no I/O
//!   (the `tension-check-core` crate in `crates/core`, whose dependencies keep it so).
//! - [`store`]: saved sessions on disk (durable, write-once files, notes, trash,
//!   backup and import) or in the browser's storage, behind one trait; no UI.
//! - [`export`]: the clinician report (HTML), CSV and trend data; pure text.
//! - [`settings`]: theme and text size, in `settings.ron`.
//! - [`sound`]: the voice and the tones that guide a check, behind one interface with a
//!   silent back end; [`clock`]: the time, or a test's.
//! - [`cli`]: the command line (`list`, `show`, `export`, `import`).
//! - [`ui`]: the iced application on top.
//! - [`web`]: the browser build's bridge to the page (IndexedDB, files, voice).

// On the web a File has no Drop, so closing it early with drop() is a no-op there.
#![cfg_attr(target_arch = "wasm32", allow(clippy::drop_non_drop))]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
/// The pure core, from its own crate (`crates/core`): see [`tension_check_core`].
pub use tension_check_core as core;
pub mod clock;
pub mod export;
pub mod settings;
pub mod sound;
pub mod store;
pub mod ui;
pub mod web;
