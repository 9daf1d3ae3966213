//! The app driven through iced_test's simulator by visible text, at phone and
//! desktop sizes: the guided check, history, keyboard, touch, settings, random taps
//! and rendered snapshots. One test binary, so the large UI link happens once.

// The helpers every test binary shares; each binary uses a part of them.
mod common;
mod contrast;
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod both_legs;
mod draft_kill;
mod flow;
mod fuzz;
mod guided;
mod hands_free;
mod history;
mod keyboard;
mod open_by_id;
mod phone;
mod settings;
mod snapshots;
mod touch;
