//! What the test binaries share, each defined once: the random source, the child
//! process that a test kills, the sessions it builds and the proptest strategies.
//!
//! Every test binary under `tests/` includes this folder as its `support` module:
//!
//! ```ignore
//! #[allow(dead_code)] // each binary uses a part of it
//! #[path = "../support/mod.rs"]
//! mod support;
//! ```
//!
//! (Cargo finds no test target here: it builds `tests/*.rs` and `tests/*/main.rs`.)

pub(crate) mod build;
pub(crate) mod child;
pub(crate) mod rng;
pub(crate) mod strategy;
