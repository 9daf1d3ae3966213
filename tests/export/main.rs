//! What leaves the app: the clinician report (HTML), CSV, the trend chart, the
//! date-range selection, and the command line.

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
