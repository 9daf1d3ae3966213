//! Tension Check: a guided self-check that helps tell sciatic nerve tension from
//! hamstring tightness.
//!
//! - [`core`]: the protocol, answers and grading; pure, no UI and no I/O.
//! - [`ui`]: the iced application on top.

pub mod core;
pub mod ui;
