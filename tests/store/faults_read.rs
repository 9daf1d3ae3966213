//! Imports under injected faults at every step, reads included: a file here that
//! cannot be read is never taken for "not there" (no second copy of a session),
//! and a note replaced by an import is the old one or the new one, never lost.
//! Also concurrent imports of notes: the note edited last wins, and identical
//! notes are already there.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::common::*;
use tension_check::store::test_support::set_note_at;
use tension_check::store::{FaultyFs, ImportReport, Note, Session, SessionStore, Store};

const ID: &str = "20261101T100000Z-0000abcd";
const OLD: &str = "old note";
const NEW: &str = "newer note";

/// A data folder with session `ID` saved under another file name (`copy.ron`, as a
/// person copying files in would) when `other_name`, else under its own, with an
/// old note; and a source folder with the same session and a newer note.
fn prepare(other_name: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    let session = session_with_id(ID, "2026-11-01T10:00:00+01:00");
    let store = Store::open(&root).expect("opens");
    store.save(&session).expect("saved");
    set_note_at(&store, &session.id, OLD, time("2026-11-02T10:00:00+01:00")).expect("note");
    drop(store);
    if other_name {
        let sessions = root.join("sessions");
        fs::rename(sessions.join(format!("{ID}.ron")), sessions.join("copy.ron")).expect("moved");
    }
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("src");
    fs::write(src.join(format!("{ID}.ron")), session.to_ron().expect("ron")).expect("written");
    let newer = Note::new(NEW, time("2026-11-03T10:00:00+01:00"));
    fs::write(src.join(format!("{ID}.note.ron")), newer.to_ron().expect("ron")).expect("w");
    (dir, root, src)
}

/// Every regular file under `dir`, recursively, but temp files and lock files.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            !name
                .is_some_and(|n| n.starts_with(".tmp-") || n.ends_with(".lock") || n == "index.tsv")
        })
        .collect()
}

/// The session files in `sessions/` that hold `ID`.
fn copies(root: &Path) -> usize {
    let Ok(read) = fs::read_dir(root.join("sessions")) else { return 0 };
    read.flatten()
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".note.ron"))
        .filter_map(|e| fs::read_to_string(e.path()).ok())
        .filter(|t| Session::from_ron(t).is_ok_and(|s| s.id.to_string() == ID))
        .count()
}

fn note_text(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join("sessions").join(format!("{ID}.note.ron"))).ok()?;
    Some(Note::from_ron(&text).expect("a whole note").text)
}

/// The fault plans: each write step failing (before or after its work, or every
/// step from it on), and each read failing.
fn plans(writes: usize, reads: usize) -> Vec<(String, FaultyFs)> {
    let mut plans = Vec::new();
    for n in 1..=writes + 1 {
        plans.push((format!("write step {n} fails"), FaultyFs::fail_at(n)));
        plans.push((format!("write step {n} fails after its work"), FaultyFs::fail_at(n).after()));
        plans.push((format!("every write step from {n} fails"), FaultyFs::fail_from(n)));
    }
    for n in 1..=reads + 1 {
        let fail = FaultyFs::counting().failing_reads(move |i, _| i == n);
        plans.push((format!("read {n} fails"), fail));
    }
    plans
}

/// Runs an import of the prepared folders under every plan and checks the promises.
fn every_fault(other_name: bool, check: impl Fn(&ImportReport, &Path, &str)) -> usize {
    let (_dir, root, src) = prepare(other_name);
    let counter = Arc::new(FaultyFs::counting());
    let store = Store::with_fs(&root, Box::new(counter.clone())).expect("opens");
    let report = store.import_from(&src);
    assert_eq!(report.notes_imported, 1, "{report:?}");
    let (writes, reads) = (counter.calls(), counter.reads());
    assert!(reads > 0, "the import read nothing through the store's file operations");
    drop(store);
    let plans = plans(writes, reads);
    let runs = plans.len();
    for (plan, faulty) in plans {
        let what = format!("other name {other_name}, {plan}");
        let (_dir, root, src) = prepare(other_name);
        let before = files(&root);
        let store = Store::with_fs(&root, Box::new(faulty)).expect("opens");
        let report = store.import_from(&src);
        drop(store);
        let after = files(&root);
        for (path, bytes) in &before {
            assert!(after.values().any(|b| b == bytes), "{what}: {} lost", path.display());
        }
        assert_eq!(copies(&root), 1, "{what}: the session is saved twice: {report:?}");
        let text = note_text(&root);
        assert!(text.as_deref() == Some(OLD) || text.as_deref() == Some(NEW), "{what}: {text:?}");
        assert_eq!(report.notes_imported == 1, text.as_deref() == Some(NEW), "{what}: {report:?}");
        if text.as_deref() == Some(OLD) {
            assert!(!report.failed.is_empty(), "{what}: the note left out in silence: {report:?}");
        }
        check(&report, &root, &what);
        let again = Store::open(&root).expect("reopens");
        assert!(temp_files(again.sessions_dir()).is_empty(), "{what}: temp files left");
    }
    runs
}

#[test]
fn an_import_with_a_session_here_under_another_name_never_saves_it_twice() {
    let runs = every_fault(true, |report, root, what| {
        assert!(report.imported.is_empty(), "{what}: {report:?}");
        assert!(!root.join("sessions").join(format!("{ID}.ron")).exists(), "{what}");
    });
    assert!(runs > 10, "{runs}");
}

#[test]
fn a_note_replaced_by_an_import_is_the_old_or_the_new_at_every_step() {
    let runs = every_fault(false, |report, _, what| {
        assert!(report.imported.is_empty(), "{what}: {report:?}");
    });
    assert!(runs > 10, "{runs}");
}

#[test]
fn a_read_error_on_a_file_here_is_an_error_not_a_missing_session() {
    let (_dir, root, src) = prepare(true);
    let faulty = FaultyFs::counting().failing_reads(|_, path| path.ends_with("copy.ron"));
    let store = Store::with_fs(&root, Box::new(faulty)).expect("opens");
    let report = store.import_from(&src);
    assert!(report.imported.is_empty(), "{report:?}");
    let failed = report.failed.iter().find(|p| p.path.ends_with(format!("{ID}.ron")));
    let failed = failed.unwrap_or_else(|| panic!("not reported: {report:?}"));
    assert!(failed.reason.contains("copy.ron") && failed.reason.contains("could not be read"));
    assert_eq!(copies(&root), 1);
}

/// Three imports at once of notes for the same sessions, each from its own store
/// (as three processes would): the note edited last is the one kept.
#[test]
fn concurrent_note_imports_keep_the_latest_edit() {
    const SESSIONS: usize = 40;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    let store = Store::open(&root).expect("opens");
    let sessions: Vec<Session> = (0..SESSIONS).map(|_| fresh_session()).collect();
    for s in &sessions {
        store.save(s).expect("saved");
        set_note_at(&store, &s.id, "first", time("2026-11-01T10:00:00+01:00")).expect("note");
    }
    drop(store);
    let srcs: Vec<PathBuf> = (1..=3)
        .map(|k| {
            let src = dir.path().join(format!("src{k}"));
            fs::create_dir(&src).expect("src");
            for s in &sessions {
                fs::write(src.join(format!("{}.ron", s.id)), s.to_ron().expect("ron")).expect("w");
                let at = time(&format!("2026-11-0{}T10:00:00+01:00", k + 1));
                let note = Note::new(format!("edit {k}"), at);
                fs::write(src.join(format!("{}.note.ron", s.id)), note.to_ron().expect("ron"))
                    .expect("w");
            }
            src
        })
        .collect();
    let reports: Vec<ImportReport> = std::thread::scope(|scope| {
        let handles: Vec<_> = srcs
            .iter()
            .map(|src| {
                let root = root.clone();
                scope.spawn(move || Store::open(&root).expect("opens").import_from(src))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("import")).collect()
    });
    for (k, report) in reports.iter().enumerate() {
        assert!(report.failed.is_empty(), "import {}: {report:?}", k + 1);
    }
    let store = Store::open_read_only(&root).expect("opens");
    for s in &sessions {
        let note = store.note(&s.id).expect("readable").expect("a note");
        assert_eq!(note.text, "edit 3", "{}", s.id);
    }
}

/// Three imports at once of byte-identical notes: none fails, each note is saved
/// once and counted as already there by the others.
#[test]
fn concurrent_imports_of_identical_notes_all_succeed() {
    const SESSIONS: usize = 40;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("src");
    let sessions: Vec<Session> = (0..SESSIONS).map(|_| fresh_session()).collect();
    let store = Store::open(&root).expect("opens");
    for s in &sessions {
        store.save(s).expect("saved");
        fs::write(src.join(format!("{}.ron", s.id)), s.to_ron().expect("ron")).expect("w");
        let note = Note::new("the same", time("2026-11-02T10:00:00+01:00"));
        fs::write(src.join(format!("{}.note.ron", s.id)), note.to_ron().expect("ron")).expect("w");
    }
    drop(store);
    let reports: Vec<ImportReport> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..3)
            .map(|_| {
                let (root, src) = (root.clone(), src.clone());
                scope.spawn(move || Store::open(&root).expect("opens").import_from(&src))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("import")).collect()
    });
    for report in &reports {
        assert!(report.failed.is_empty(), "{report:?}");
    }
    let saved: usize = reports.iter().map(|r| r.notes_imported).sum();
    let there: usize = reports.iter().map(|r| r.notes_already_there).sum();
    assert_eq!((saved, there), (SESSIONS, 2 * SESSIONS), "{reports:?}");
}
