//! A note import killed at every point: before and after each file operation it
//! makes, a real child process is killed with SIGKILL, and the session must still
//! have a whole note (the old one or the new one), lose nothing, and take the new
//! note on the next import.
//!
//! The points are counted from a run without a kill (each operation through the
//! store's `Fs`, before and after it), so a change to the import's steps changes
//! the count, never the coverage.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::*;
use crate::support::child;
use tension_check::store::test_support::set_note_at;
use tension_check::store::{FaultyFs, Fs, Note, RealFs, SessionStore, Store};

const DIR_ENV: &str = "TENSION_CHECK_TEST_CRASH_NOTE_DIR";
const KILL_ENV: &str = "TENSION_CHECK_TEST_CRASH_NOTE_AT";

/// A file system that kills its own process at kill point `at`: point `2k` is just
/// before operation `k + 1`, point `2k + 1` just after it.
#[derive(Debug)]
pub(crate) struct KillAt {
    pub(crate) at: usize,
    pub(crate) calls: AtomicUsize,
}

impl KillAt {
    fn step<T>(&self, real: impl FnOnce() -> T) -> T {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        if self.at == 2 * n {
            die();
        }
        let out = real();
        if self.at == 2 * n + 1 {
            die();
        }
        out
    }
}

fn die() -> ! {
    // SAFETY: sends a signal to this process; no memory is involved.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
    loop {
        std::thread::park();
    }
}

impl Fs for KillAt {
    fn create_new(&self, path: &Path) -> io::Result<fs::File> {
        self.step(|| RealFs.create_new(path))
    }
    fn write_all(&self, file: &mut fs::File, bytes: &[u8]) -> io::Result<()> {
        self.step(|| RealFs.write_all(file, bytes))
    }
    fn sync_file(&self, file: &fs::File) -> io::Result<()> {
        self.step(|| RealFs.sync_file(file))
    }
    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step(|| RealFs.rename_no_replace(from, to))
    }
    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step(|| RealFs.rename_replace(from, to))
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.step(|| RealFs.remove(path))
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.step(|| RealFs.sync_dir(dir))
    }
    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        self.step(|| RealFs.create_dir(dir))
    }
    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        self.step(|| RealFs.remove_dir(dir))
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step(|| RealFs.hard_link(from, to))
    }
}

/// Not a test on its own: does nothing unless started by
/// `a_note_import_killed_at_every_point_keeps_a_whole_note`.
#[test]
fn crash_note_child() {
    let (Some(dir), Some(at)) = (std::env::var_os(DIR_ENV), std::env::var_os(KILL_ENV)) else {
        return;
    };
    let at: usize = at.to_string_lossy().parse().expect("a kill point");
    let dir = PathBuf::from(dir);
    let fs = KillAt { at, calls: AtomicUsize::new(0) };
    let store = Store::with_fs(dir.join("data"), Box::new(fs)).expect("child opens the store");
    let _ = store.import_from(&dir.join("src"));
}

const OLD: &str = "old note";
const NEW: &str = "newer note";

/// A data folder holding session `s` (with the old note when `with_note`), and a
/// source folder holding `s` with a newer note.
fn prepare(dir: &Path, with_note: bool) -> (String, Vec<u8>) {
    let root = dir.join("data");
    let store = Store::open(&root).expect("opens");
    let session = session_with_id("20261101T100000Z-0000abcd", "2026-11-01T10:00:00+01:00");
    let id = session.id.to_string();
    let ron = session.to_ron().expect("ron");
    if with_note {
        store.save(&session).expect("saved");
        set_note_at(&store, &session.id, OLD, time("2026-11-02T10:00:00+01:00")).expect("note");
    }
    drop(store);
    let src = dir.join("src");
    fs::create_dir_all(&src).expect("src");
    fs::write(src.join(format!("{id}.ron")), &ron).expect("written");
    let newer = Note::new(NEW, time("2026-11-03T10:00:00+01:00"));
    fs::write(src.join(format!("{id}.note.ron")), newer.to_ron().expect("ron")).expect("w");
    (id, ron.into_bytes())
}

/// The text of the note in `sessions/`, if there is one; panics on a damaged one.
fn note_text(root: &Path, id: &str) -> Option<String> {
    let bytes = fs::read(root.join("sessions").join(format!("{id}.note.ron"))).ok()?;
    let text = String::from_utf8(bytes).expect("utf-8 note");
    Some(Note::from_ron(&text).expect("a whole note").text)
}

/// Every note text in the trash.
fn trashed_notes(root: &Path) -> Vec<String> {
    let Ok(read) = fs::read_dir(root.join("trash")) else { return Vec::new() };
    read.flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".note.ron"))
        .filter_map(|e| fs::read_to_string(e.path()).ok())
        .filter_map(|t| Note::from_ron(&t).ok())
        .map(|n| n.text)
        .collect()
}

/// How many file operations a clean import makes in this scenario.
fn operations(with_note: bool) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    prepare(dir.path(), with_note);
    let counter = Arc::new(FaultyFs::counting());
    let store = Store::with_fs(dir.path().join("data"), Box::new(counter.clone())).expect("opens");
    let before = counter.calls();
    let report = store.import_from(&dir.path().join("src"));
    assert_eq!(report.notes_imported, 1, "{report:?}");
    counter.calls() - before
}

#[cfg(unix)]
#[test]
fn a_note_import_killed_at_every_point_keeps_a_whole_note() {
    use std::os::unix::process::ExitStatusExt;
    let mut points_total = 0;
    for with_note in [true, false] {
        let ops = operations(with_note);
        let points = 2 * ops;
        points_total += points;
        eprintln!(
            "note import ({}): {ops} file operations, {points} kill points",
            if with_note { "replacing a note" } else { "a new session and note" }
        );
        for at in 0..points {
            let what = format!("with_note {with_note}, kill point {at} of {points}");
            let dir = tempfile::tempdir().expect("temp dir");
            let (id, session_bytes) = prepare(dir.path(), with_note);
            let root = dir.path().join("data");
            let status = child::command("crash_note::crash_note_child")
                .env(DIR_ENV, dir.path())
                .env(KILL_ENV, at.to_string())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("child runs");
            assert_eq!(status.signal(), Some(libc::SIGKILL), "{what}: the child was not killed");

            let session_path = root.join("sessions").join(format!("{id}.ron"));
            let session_here = session_path.exists();
            if with_note {
                // At every instant the session has a whole note: the old or the new.
                let text = note_text(&root, &id);
                assert!(
                    text.as_deref() == Some(OLD) || text.as_deref() == Some(NEW),
                    "{what}: the note in sessions/ is {text:?}"
                );
                // The old note is never lost: in place, or in the trash.
                assert!(
                    text.as_deref() == Some(OLD) || trashed_notes(&root).iter().any(|t| t == OLD),
                    "{what}: the old note is gone"
                );
            } else if !session_here {
                assert_eq!(note_text(&root, &id), None, "{what}: a note without its session");
            }
            if session_here {
                assert_eq!(fs::read(&session_path).expect("session"), session_bytes, "{what}");
            }
            // The folder reopens clean and the next import brings the newer note.
            let store = Store::open(&root).expect("reopens");
            assert!(temp_files(store.sessions_dir()).is_empty(), "{what}: temp files left");
            let report = store.load_all();
            assert!(report.quarantined.is_empty() && report.unreadable.is_empty(), "{what}");
            let again = store.import_from(&dir.path().join("src"));
            assert!(again.failed.is_empty(), "{what}: {again:?}");
            assert_eq!(note_text(&root, &id).as_deref(), Some(NEW), "{what}: {again:?}");
        }
    }
    eprintln!("note import: {points_total} kill points in all, each killed and checked");
    assert!(points_total >= 20, "only {points_total} kill points");
}
