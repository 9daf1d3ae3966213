//! Killing a process in the middle of saving never loses an acknowledged session
//! and never leaves a damaged file.
//!
//! The test re-runs its own binary (std::env::current_exe) with an environment
//! variable set, filtered to the helper test `crash_child`. The child saves
//! sessions in a loop and prints each id only after its save returned Ok. The parent
//! kills it with SIGKILL (Child::kill on Unix) after a random 0-30 ms, then reopens
//! the store and checks every acknowledged session.

use std::fs;
use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::support::child;
use crate::support::rng::Rng;
use tension_check::core::grade;
use tension_check::store::{SessionStore, Store};

const DIR_ENV: &str = "TENSION_CHECK_TEST_CRASH_DIR";
const ROUNDS: usize = 200;

/// Not a test on its own: does nothing unless started by `killed_saves_never_lose_acknowledged_sessions`.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(DIR_ENV) else { return };
    let store = Store::open(&dir).expect("child opens the store");
    let mut out = std::io::stdout().lock();
    child::say_ready(&mut out);
    loop {
        let session = fresh_session();
        store.save(&session).expect("child saves");
        writeln!(out, "ACK {}", session.id).expect("stdout");
        out.flush().expect("stdout");
    }
}

#[test]
fn killed_saves_never_lose_acknowledged_sessions() {
    // Seeded from the system, so every run tries other timings.
    let (mut rng, seed) = Rng::from_system();
    eprintln!("crash test seed: {seed:#x}");

    let dir = tempfile::tempdir().expect("temp dir");
    let expected_check = two_leg_check();
    let expected_outcome = grade(&expected_check);
    let started = Instant::now();
    let mut total_acked = 0;
    let mut total_found = 0;
    let mut temps_cleaned = 0;

    for round in 0..ROUNDS {
        let (mut child, mut reader) = child::start_ready(
            child::command("crash::crash_child").env(DIR_ENV, dir.path()),
            &format!("round {round}"),
        );
        let mut line = String::new();
        std::thread::sleep(Duration::from_micros(rng.next() % 30_001));
        child.kill().expect("kill");
        child.wait().expect("reaped");

        let mut acked = Vec::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).expect("child output") == 0 {
                break;
            }
            // Only whole lines count as acknowledged.
            if let Some(id) = line.strip_suffix('\n').and_then(|l| l.strip_prefix("ACK ")) {
                acked.push(id.to_string());
            }
        }

        temps_cleaned += temp_files(&dir.path().join("sessions")).len();
        let store = Store::open(dir.path()).expect("reopens");
        assert!(temp_files(store.sessions_dir()).is_empty(), "round {round}: temp files left");
        let report = store.load_all();
        assert!(report.quarantined.is_empty(), "round {round}: {:?}", report.quarantined);
        assert!(report.unreadable.is_empty() && report.newer.is_empty(), "round {round}");
        assert!(file_names(store.quarantine_dir()).is_empty());
        for id in &acked {
            let loaded =
                report.sessions.iter().find(|s| s.session.id.as_str() == id).unwrap_or_else(|| {
                    panic!("round {round}: acknowledged session {id} is missing")
                });
            assert_eq!(loaded.session.check, expected_check);
            assert_eq!(loaded.session.outcome, expected_outcome);
        }
        total_acked += acked.len();
        total_found += report.sessions.len();
        // Every file in sessions/ parsed (nothing was quarantined). Clear them so
        // the folder stays small and every round checks only its own saves.
        for loaded in &report.sessions {
            fs::remove_file(&loaded.path).expect("cleared");
        }
        drop(store);
    }
    eprintln!(
        "crash test: {ROUNDS} kills in {:.1?}; {total_acked} acknowledged saves, \
         {total_found} sessions found, {temps_cleaned} temp files cleaned",
        started.elapsed()
    );
    assert!(total_acked > 0, "no save was ever acknowledged; the test proved nothing");
}
