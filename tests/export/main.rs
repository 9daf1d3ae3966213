//! What leaves the app: the clinician report (HTML), CSV, the trend chart, the
//! date-range selection, and the command line.

// The helpers every test binary shares; each binary uses a part of them.
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod cli;
mod cli_store;
mod csv;
mod every_result;
mod html;
mod mutation;
mod pdf;
mod select;
mod trend;
