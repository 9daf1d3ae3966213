//! A backup killed at every point (before and after each file operation, a real
//! child process killed with SIGKILL): into a new folder and into one that holds
//! part of an earlier backup. Afterwards the folder is a whole backup, or is marked
//! unfinished (an import refuses it), or is not there; no temp file is left outside
//! it; and the next backup finishes it, leaving no temp file or marker.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crate::common::*;
use crate::crash_note::KillAt;
use crate::support::child;
use tension_check::store::{BACKUP_INCOMPLETE, FaultyFs, SessionStore, Store};

const DIR_ENV: &str = "TENSION_CHECK_TEST_CRASH_BACKUP_DIR";
const KILL_ENV: &str = "TENSION_CHECK_TEST_CRASH_BACKUP_AT";

/// Not a test on its own: does nothing unless started by
/// `a_backup_killed_at_every_point_is_whole_or_marked_unfinished`.
#[test]
fn crash_backup_child() {
    let (Some(dir), Some(at)) = (std::env::var_os(DIR_ENV), std::env::var_os(KILL_ENV)) else {
        return;
    };
    let at: usize = at.to_string_lossy().parse().expect("a kill point");
    let dir = PathBuf::from(dir);
    let fs = KillAt { at, calls: AtomicUsize::new(0) };
    let store = Store::with_fs(dir.join("data"), Box::new(fs)).expect("child opens the store");
    let _ = store.backup_to(&dir.join("backup"));
}

/// A data folder of three sessions, one with a note; with `partial`, a backup
/// folder already holding one of them.
fn prepare(dir: &Path, partial: bool) -> Vec<String> {
    let store = Store::open(dir.join("data")).expect("opens");
    for i in 0..3 {
        let s = session_with_id(&format!("s{i}"), &format!("2026-11-0{}T10:00:00Z", i + 1));
        store.save(&s).expect("saved");
    }
    store.set_note(&tension_check::store::SessionId::parse("s1").expect("id"), "n").expect("n");
    let names = file_names(store.sessions_dir());
    if partial {
        let backup = dir.join("backup");
        fs::create_dir(&backup).expect("mkdir");
        fs::copy(store.sessions_dir().join("s0.ron"), backup.join("s0.ron")).expect("copied");
    }
    names
}

fn operations(partial: bool) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    prepare(dir.path(), partial);
    let counter = Arc::new(FaultyFs::counting());
    let store = Store::with_fs(dir.path().join("data"), Box::new(counter.clone())).expect("opens");
    let before = counter.calls();
    store.backup_to(&dir.path().join("backup")).expect("backs up");
    counter.calls() - before
}

#[cfg(unix)]
#[test]
fn a_backup_killed_at_every_point_is_whole_or_marked_unfinished() {
    use std::os::unix::process::ExitStatusExt;
    let mut total = 0;
    for partial in [false, true] {
        let points = 2 * operations(partial);
        total += points;
        for at in 0..points {
            let what = format!("partial {partial}, kill point {at} of {points}");
            let dir = tempfile::tempdir().expect("temp dir");
            let names = prepare(dir.path(), partial);
            let backup = dir.path().join("backup");
            let there_before = if partial { file_names(&backup) } else { Vec::new() };
            let status = child::command("crash_backup::crash_backup_child")
                .env(DIR_ENV, dir.path())
                .env(KILL_ENV, at.to_string())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("child runs");
            assert_eq!(status.signal(), Some(libc::SIGKILL), "{what}: not killed");
            // Nothing beside the data folder and the backup folder.
            let mut beside = file_names(dir.path());
            beside.retain(|n| n != "data" && n != "backup");
            assert!(beside.is_empty(), "{what}: left beside them: {beside:?}");
            if backup.exists() {
                let real: Vec<String> =
                    file_names(&backup).into_iter().filter(|n| !n.starts_with('.')).collect();
                let marked = backup.join(BACKUP_INCOMPLETE).exists();
                // Marked unfinished, whole, or as it was before the backup began.
                assert!(
                    marked || real == names || real == there_before,
                    "{what}: a partial backup without a marker: {real:?}"
                );
                let store = Store::open(dir.path().join("other")).expect("opens");
                let report = store.import_from(&backup);
                if marked {
                    assert!(report.imported.is_empty() && !report.failed.is_empty(), "{what}");
                }
            }
            // The next backup finishes it.
            let store = Store::open(dir.path().join("data")).expect("reopens");
            let report = store.backup_to(&backup).expect("the next backup works");
            assert!(report.conflicts.is_empty(), "{what}: {report:?}");
            assert_eq!(file_names(&backup), names, "{what}: not whole, or temp files left");
        }
    }
    eprintln!("backup: {total} kill points, each killed and checked");
    assert!(total >= 20, "{total}");
}
