//! The session store: round trips, damaged and newer files, crashes mid-save,
//! concurrent writers and injected file-system faults.

// The helpers every test binary shares; each binary uses a part of them.
mod common;
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod backend;
mod concurrency;
mod corrupt;
mod crash;
mod crash_backup;
mod crash_note;
mod crash_ops;
mod faults;
mod faults_read;
mod notes;
mod roundtrip;
mod validation;
