//! Two processes saving at once into one folder lose nothing.
//!
//! The test re-runs its own binary (std::env::current_exe) with an environment
//! variable set, filtered to the helper test `child_saver`, which then saves
//! sessions into the folder named by the variable and exits.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::Stdio;

use crate::common::*;
use crate::support::child;
use tension_check::store::{SessionStore, Store};

const DIR_ENV: &str = "TENSION_CHECK_TEST_CONCURRENT_DIR";
const SAVES_PER_CHILD: usize = 100;

/// Not a test on its own: does nothing unless started by `two_processes_saving_at_once`.
#[test]
fn child_saver() {
    let Some(dir) = std::env::var_os(DIR_ENV) else { return };
    let store = Store::open(&dir).expect("child opens the store");
    let mut out = std::io::stdout().lock();
    // The test harness may have printed "test child_saver ... " without a newline.
    writeln!(out).expect("stdout");
    for _ in 0..SAVES_PER_CHILD {
        let session = fresh_session();
        store.save(&session).expect("child saves");
        writeln!(out, "ACK {}", session.id).expect("stdout");
    }
    out.flush().expect("stdout");
}

#[test]
fn two_processes_saving_at_once_leave_every_session_loadable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let children: Vec<_> = (0..2)
        .map(|_| {
            child::command("concurrency::child_saver")
                .env(DIR_ENV, dir.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("child starts")
        })
        .collect();
    let mut acknowledged = BTreeSet::new();
    for child in children {
        let output = child.wait_with_output().expect("child ends");
        assert!(
            output.status.success(),
            "child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        let acks: Vec<&str> = stdout.lines().filter_map(|l| l.strip_prefix("ACK ")).collect();
        assert_eq!(acks.len(), SAVES_PER_CHILD, "{stdout}");
        acknowledged.extend(acks.into_iter().map(str::to_string));
    }
    assert_eq!(acknowledged.len(), 2 * SAVES_PER_CHILD, "ids must be unique");

    let store = Store::open(dir.path()).expect("opens");
    let report = store.load_all();
    assert!(report.quarantined.is_empty() && report.unreadable.is_empty());
    assert!(report.newer.is_empty());
    let loaded: BTreeSet<String> =
        report.sessions.iter().map(|s| s.session.id.as_str().to_string()).collect();
    assert_eq!(loaded, acknowledged);
    let expected = two_leg_check();
    assert!(report.sessions.iter().all(|s| s.session.check == expected));
    assert!(temp_files(store.sessions_dir()).is_empty());
}

#[test]
fn a_store_opened_untidied_keeps_others_out_until_it_has_removed_a_crashs_temp_files() {
    use std::fs::OpenOptions;
    let dir = tempfile::tempdir().expect("temp dir");
    Store::open(dir.path()).expect("made").save(&fresh_session()).expect("saved");
    // What a crash mid-save leaves: a temp file in the sessions folder.
    let sessions = dir.path().join("sessions");
    std::fs::write(sessions.join(".tmp-0123456789abcdef"), b"half a session").expect("write");
    let other = || OpenOptions::new().read(true).write(true).open(dir.path().join(".lock"));

    let store = Store::open_untidied(dir.path()).expect("opened");
    assert_eq!(temp_files(&sessions).len(), 1, "opening reads no folder and removes nothing");
    let probe = other().expect("lock file");
    assert!(probe.try_lock_shared().is_err(), "no other process may start saving yet");

    store.tidy();
    assert!(temp_files(&sessions).is_empty(), "the crash's temp file is gone");
    assert!(probe.try_lock_shared().is_ok(), "others share the folder from now on");
    probe.unlock().expect("unlocked");
    assert_eq!(store.summaries().sessions.len(), 1, "the saved session is still there");
    store.tidy(); // a second call has nothing to do
}
