//! One module per screen. Each has its own state, messages, `update` and `view`,
//! and tells the app what to do next through an `Action`.

pub mod check;
pub mod detail;
pub mod exercises;
pub mod export;
pub mod history;
pub mod home;
pub mod intro;
pub mod result;
pub mod safety;
pub mod settings;
pub mod setup;
pub mod trends;
