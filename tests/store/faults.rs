//! Whatever file operation fails, a save either fully succeeds or leaves nothing.

use std::fs;
use std::io;
use std::sync::Arc;

use crate::common::*;
use tension_check::store::{FaultyFs, SessionStore, Store, StoreError};

/// The number of file operations a successful save makes.
fn ops_of_a_save() -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("creates the folders"));
    let counter = Arc::new(FaultyFs::counting());
    let store = Store::with_fs(dir.path(), Box::new(counter.clone())).expect("opens");
    assert_eq!(counter.calls(), 0, "opening a prepared folder makes no file operation");
    store.save(&fresh_session()).expect("saves");
    counter.calls()
}

#[test]
fn a_save_with_any_one_failing_operation_leaves_nothing_behind() {
    let ops = ops_of_a_save();
    assert_eq!(ops, 5, "create, write, fsync, rename, fsync folder");
    for kind in [io::ErrorKind::StorageFull, io::ErrorKind::PermissionDenied, io::ErrorKind::Other]
    {
        for n in 1..=ops {
            let dir = tempfile::tempdir().expect("temp dir");
            drop(Store::open(dir.path()).expect("creates the folders"));
            let store = Store::with_fs(dir.path(), Box::new(FaultyFs::fail_at_with(n, kind)))
                .expect("opens");
            let session = fresh_session();
            let final_path = store.session_path(&session.id);
            let err = store.save(&session).expect_err("the save must fail");
            let StoreError::Save { path, source } = &err else {
                panic!("operation {n}: unexpected error {err:?}");
            };
            assert_eq!(path, &final_path);
            assert_eq!(source.kind(), kind);
            let message = err.to_string();
            assert!(
                message.starts_with(&format!(
                    "Could not save the session to {}",
                    final_path.display()
                )),
                "{message}"
            );
            if kind == io::ErrorKind::StorageFull {
                assert!(message.ends_with(": the disk is full"), "{message}");
            }
            assert!(!final_path.exists(), "operation {n}: a file was left under the final name");
            assert_eq!(file_names(store.sessions_dir()), Vec::<String>::new(), "operation {n}");

            // The store is still usable and the id is still free.
            drop(store);
            let real = Store::open(dir.path()).expect("opens");
            let report = real.load_all();
            assert!(report.sessions.is_empty() && report.quarantined.is_empty());
            real.save(&session).expect("the same session saves once the fault is gone");
            assert_eq!(real.load_all().sessions.len(), 1);
        }
    }
    // A fault past the last operation is no fault.
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("creates the folders"));
    let store = Store::with_fs(dir.path(), Box::new(FaultyFs::fail_at(ops + 1))).expect("opens");
    let session = fresh_session();
    store.save(&session).expect("saves");
    assert!(store.session_path(&session.id).is_file());
    assert!(temp_files(store.sessions_dir()).is_empty());
}

#[test]
fn a_note_edit_with_any_one_failing_operation_keeps_the_old_or_new_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = Store::open(dir.path()).expect("opens");
    let session = fresh_session();
    seed.save(&session).expect("saves");
    let session_path = seed.session_path(&session.id);
    let session_bytes = fs::read(&session_path).expect("readable");
    let old = seed.set_note(&session.id, "old").expect("note");
    drop(seed);

    let counter = Arc::new(FaultyFs::counting());
    let counting = Store::with_fs(dir.path(), Box::new(counter.clone())).expect("opens");
    counting.set_note(&session.id, "old").expect("note");
    let ops = counter.calls();
    assert_eq!(ops, 5, "create, write, fsync, rename, fsync folder");
    drop(counting);

    for n in 1..=ops {
        let store = Store::with_fs(dir.path(), Box::new(FaultyFs::fail_at(n))).expect("opens");
        let result = store.set_note(&session.id, "new");
        let note = store.note(&session.id).expect("readable").expect("a note is there");
        match result {
            // The rename is the point of no return: after it, the edit is done.
            Ok(saved) => {
                assert_eq!(n, ops, "only the last flush may fail after the rename");
                assert_eq!(note, saved);
            }
            Err(err) => {
                assert!(matches!(err, StoreError::Note { .. }), "{err:?}");
                assert!(err.to_string().contains("the disk is full"), "{err}");
                assert_eq!(note.text, "old", "operation {n}: an error means the old note");
            }
        }
        assert!(temp_files(store.sessions_dir()).is_empty(), "operation {n}");
        assert_eq!(fs::read(&session_path).expect("readable"), session_bytes);
        // Put the old note back for the next round.
        drop(store);
        Store::open(dir.path()).expect("opens").set_note(&session.id, &old.text).expect("reset");
    }
}

#[test]
fn an_import_that_cannot_save_reports_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("created");
    let session = fresh_session();
    fs::write(src.join("a.ron"), session.to_ron().expect("ron")).expect("written");
    Store::open(dir.path().join("store")).expect("creates the folders");
    let store =
        Store::with_fs(dir.path().join("store"), Box::new(FaultyFs::fail_at(3))).expect("opens");
    let report = store.import_from(&src);
    assert!(report.imported.is_empty());
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert!(report.failed[0].reason.contains("the disk is full"), "{report:?}");
    assert!(file_names(store.sessions_dir()).is_empty());
}

// Every operation, every fault plan: fail step N (before or after the real call),
// fail every step from N on (so the cleanup fails too), fail every N-th step.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{TimeDelta, Utc};
use tension_check::store::test_support::delete_at;
use tension_check::store::{Note, SessionId, TRASH_MAX_AGE};

/// The fault plans tried for step `n`.
fn plans(n: usize) -> Vec<(String, FaultyFs)> {
    vec![
        (format!("step {n} fails"), FaultyFs::fail_at(n)),
        (format!("step {n} fails after doing its work"), FaultyFs::fail_at(n).after()),
        (format!("every step from {n} fails"), FaultyFs::fail_from(n)),
        (format!("every step from {n} fails after its work"), FaultyFs::fail_from(n).after()),
        (format!("every {n}th step fails"), FaultyFs::fail_every(n)),
    ]
}

/// Every file under `dir` (recursively) whose name is not a temp file's.
fn real_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| {
            !path.components().any(|c| c.as_os_str().to_string_lossy().starts_with(".tmp-"))
                && path.file_name().is_some_and(|n| n != ".lock" && n != "index.tsv")
        })
        .collect()
}

/// Every byte string that was in the data folder before is still somewhere in it.
fn nothing_lost(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    for (path, bytes) in before {
        assert!(
            after.values().any(|b| b == bytes),
            "{what}: the bytes of {} are gone",
            path.display()
        );
    }
}

/// Every file under a final name in `sessions/` is a complete session or note (or
/// one of the files that were there before, such as a damaged one).
fn nothing_half_written(root: &Path, before: &BTreeMap<PathBuf, Vec<u8>>, what: &str) {
    for (path, bytes) in real_files(root) {
        if before.get(&path) == Some(&bytes) || before.values().any(|b| *b == bytes) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap_or_default();
        let name = path.to_string_lossy();
        let whole = if name.ends_with(".note.ron") {
            Note::from_ron(&text).is_ok()
        } else {
            tension_check::store::Session::from_ron(&text).is_ok()
        };
        assert!(whole, "{what}: {name} is half-written");
    }
}

/// A prepared data folder: two sessions, one with a note, one in the trash with its
/// note, and a damaged file. Returns the folder and the ids.
fn prepared() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    let store = Store::open(&root).expect("opens");
    let a = session_with_id("keep-a", "2026-11-01T10:00:00+01:00");
    let b = session_with_id("keep-b", "2026-11-02T10:00:00+01:00");
    let gone = session_with_id("gone", "2026-10-01T10:00:00+01:00");
    for s in [&a, &b, &gone] {
        store.save(s).expect("saves");
    }
    store.set_note(&a.id, "note of a").expect("note");
    store.set_note(&gone.id, "note of gone").expect("note");
    delete_at(&store, &gone.id, Utc::now() - TimeDelta::days(40)).expect("deleted");
    drop(store);
    (dir, root)
}

fn id(text: &str) -> SessionId {
    SessionId::parse(text).expect("id")
}

/// Runs `op` with every fault plan at every step of it, then checks the common
/// promises and `outcome_true`. `op` returns a description of what it reported.
fn every_fault<R: std::fmt::Debug>(
    name: &str,
    may_change: &str,
    setup: impl Fn(&Path),
    op: impl Fn(&Store, &Path) -> R,
    outcome_true: impl Fn(&R, &Path, &str),
) {
    // Count the steps of a run without faults.
    let (_dir, root) = prepared();
    setup(&root);
    let counter = Arc::new(FaultyFs::counting());
    let store = Store::with_fs(&root, Box::new(counter.clone())).expect("opens");
    let opened = counter.calls();
    let result = op(&store, &root);
    let steps = counter.calls() - opened;
    assert!(steps > 0, "{name} makes no file operation: {result:?}");
    drop(store);
    let mut runs = 0;
    for n in 1..=steps + 1 {
        for (plan, faulty) in plans(n) {
            let (dir, root) = prepared();
            setup(&root);
            let before = real_files(&root);
            let faulty = Arc::new(faulty);
            // Opening a prepared folder makes no file operation, so faults count
            // from the first step of the operation.
            let store = Store::with_fs(&root, Box::new(faulty.clone())).expect("opens");
            assert_eq!(faulty.calls(), 0);
            let what = format!("{name}, {plan}");
            let result = op(&store, &root);
            drop(store);
            let after = real_files(&root);
            let keep: BTreeMap<PathBuf, Vec<u8>> = before
                .iter()
                .filter(|(p, _)| may_change.is_empty() || !p.starts_with(may_change))
                .map(|(p, b)| (p.clone(), b.clone()))
                .collect();
            nothing_lost(&keep, &after, &what);
            nothing_half_written(&root, &before, &what);
            outcome_true(&result, &root, &what);
            // The folder still opens and loads, temp files are cleaned up.
            let again = Store::open(&root).expect("reopens");
            let _ = again.load_all();
            assert!(temp_files(again.sessions_dir()).is_empty(), "{what}: temp files left");
            runs += 1;
            drop(dir);
        }
    }
    assert_eq!(runs, (steps + 1) * 5, "{name}");
}

fn no_setup(_: &Path) {}

#[test]
fn every_fault_in_a_save_tells_the_truth() {
    let session = session_with_id("new-one", "2026-11-05T10:00:00+01:00");
    let bytes = session.to_ron().expect("ron").into_bytes();
    every_fault(
        "save",
        "",
        no_setup,
        |store, _| store.save(&session).map_err(|e| e.to_string()),
        |result, root, what| {
            let path = root.join("sessions/new-one.ron");
            match result {
                Ok(_) => assert_eq!(fs::read(&path).ok().as_ref(), Some(&bytes), "{what}"),
                Err(e) => assert!(!path.exists(), "{what}: reported {e} but the file is there"),
            }
        },
    );
}

#[test]
fn every_fault_in_a_note_edit_tells_the_truth() {
    every_fault(
        "note",
        "sessions/keep-a.note.ron",
        no_setup,
        |store, _| {
            store.set_note(&id("keep-a"), "edited").map(|n| n.text).map_err(|e| e.to_string())
        },
        |result, root, what| {
            let store = Store::open_read_only(root).expect("opens");
            let note = store.note(&id("keep-a")).expect("readable").expect("a note");
            match result {
                Ok(_) => assert_eq!(note.text, "edited", "{what}"),
                Err(e) => assert_eq!(note.text, "note of a", "{what}: {e}"),
            }
        },
    );
}

#[test]
fn every_fault_in_a_delete_tells_the_truth() {
    every_fault(
        "trash",
        "",
        no_setup,
        |store, _| {
            // What the trash holds of the session once it is reported deleted.
            let trashed = |()| -> Vec<PathBuf> {
                let entries = store.trash().expect("trash readable");
                entries.into_iter().filter(|e| e.id == id("keep-a")).map(|e| e.path).collect()
            };
            store.delete(&id("keep-a")).map(trashed).map_err(|e| e.to_string())
        },
        |result, root, what| {
            let session = root.join("sessions/keep-a.ron");
            let note = root.join("sessions/keep-a.note.ron");
            match result {
                Ok(moved) => {
                    assert!(!session.exists(), "{what}: reported deleted but still listed");
                    assert!(!moved.is_empty(), "{what}: reported deleted but not in the trash");
                    assert!(moved.iter().all(|p| p.exists()), "{what}: {moved:?}");
                }
                Err(e) => {
                    assert!(session.exists() && note.exists(), "{what}: reported {e} but moved")
                }
            }
        },
    );
}

#[test]
fn every_fault_in_an_undo_tells_the_truth() {
    every_fault(
        "restore",
        "",
        no_setup,
        |store, _| store.undo_delete(&id("gone")).map_err(|e| e.to_string()),
        |result, root, what| {
            let session = root.join("sessions/gone.ron");
            let note = root.join("sessions/gone.note.ron");
            match result {
                Ok(()) => {
                    assert!(session.exists(), "{what}: not restored");
                    // The note comes back with it, or stays in the trash, not lost.
                    let _ = note;
                }
                Err(e) => assert!(!session.exists(), "{what}: reported {e} but restored"),
            }
        },
    );
}

#[test]
fn every_fault_in_a_purge_tells_the_truth() {
    every_fault(
        "purge",
        "trash",
        no_setup,
        |store, _| store.purge_trash(Utc::now(), TRASH_MAX_AGE),
        |report, _, what| {
            assert!(report.removed.iter().all(|p| !p.exists()), "{what}: {report:?}");
            assert!(report.failed.iter().all(|p| p.path.exists()), "{what}: {report:?}");
        },
    );
}

#[test]
fn every_fault_in_a_quarantine_tells_the_truth() {
    every_fault(
        "quarantine",
        "",
        |root| fs::write(root.join("sessions/broken.ron"), "Session(broken").expect("written"),
        |store, _| store.load_all(),
        |report, root, what| {
            let from = root.join("sessions/broken.ron");
            for q in &report.quarantined {
                assert!(!q.from.exists(), "{what}: still in sessions/");
                assert_eq!(fs::read(&q.to).expect("there"), b"Session(broken", "{what}");
            }
            for p in &report.unreadable {
                assert!(p.path.exists(), "{what}: reported left in place, but gone");
            }
            assert_eq!(report.quarantined.len() + report.unreadable.len(), 1, "{what}");
            assert_eq!(report.sessions.len(), 2, "{what}");
            let _ = from;
        },
    );
}

#[test]
fn every_fault_in_an_import_tells_the_truth() {
    every_fault(
        "import",
        "",
        |root| {
            let src = root.parent().expect("parent").join("src");
            fs::create_dir_all(&src).expect("mkdir");
            let s = session_with_id("imported", "2026-11-07T10:00:00+01:00");
            fs::write(src.join("imported.ron"), s.to_ron().expect("ron")).expect("written");
            let note = Note::new("imported note", time("2026-11-08T10:00:00+01:00"));
            fs::write(src.join("imported.note.ron"), note.to_ron().expect("ron")).expect("w");
            // A newer note for a session already here.
            let a = session_with_id("keep-a", "2026-11-01T10:00:00+01:00");
            fs::write(src.join("keep-a.ron"), a.to_ron().expect("ron")).expect("written");
            let newer = Note::new("newer note of a", time("2099-01-01T10:00:00+01:00"));
            fs::write(src.join("keep-a.note.ron"), newer.to_ron().expect("ron")).expect("w");
        },
        |store, root| store.import_from(&root.parent().expect("parent").join("src")),
        |report, root, what| {
            let store = Store::open_read_only(root).expect("opens");
            let imported = id("imported");
            let here = root.join("sessions/imported.ron").exists();
            assert_eq!(report.imported.contains(&imported), here, "{what}: {report:?}");
            let notes_here = [
                store.note(&imported).ok().flatten().is_some_and(|n| n.text == "imported note"),
                store
                    .note(&id("keep-a"))
                    .ok()
                    .flatten()
                    .is_some_and(|n| n.text == "newer note of a"),
            ];
            let count = notes_here.iter().filter(|x| **x).count();
            assert_eq!(report.notes_imported, count, "{what}: {report:?}");
            // Each note not brought in is reported as a failure.
            let failed = |name: &str| report.failed.iter().any(|p| p.path.ends_with(name));
            assert!(
                notes_here[1] || failed("keep-a.note.ron"),
                "{what}: a note left out in silence: {report:?}"
            );
            assert!(
                !here || notes_here[0] || failed("imported.note.ron"),
                "{what}: a note left out in silence: {report:?}"
            );
            // The note that was here is kept, replaced, or (reported) in the trash.
            match store.note(&id("keep-a")).expect("readable") {
                Some(a) => assert!(a.text == "note of a" || a.text == "newer note of a", "{what}"),
                None => assert!(
                    report.failed.iter().any(|p| p.reason.contains("in the trash")),
                    "{what}: {report:?}"
                ),
            }
        },
    );
}

#[test]
fn every_fault_in_a_backup_tells_the_truth() {
    every_fault(
        "backup",
        "",
        no_setup,
        |store, root| store.backup_to(&root.parent().expect("parent").join("backup")),
        |result, root, what| {
            let dest = root.parent().expect("parent").join("backup");
            match result {
                Ok(report) => {
                    for path in &report.copied {
                        let name = path.file_name().expect("name");
                        assert_eq!(
                            fs::read(path).expect("copied"),
                            fs::read(root.join("sessions").join(name)).expect("original"),
                            "{what}"
                        );
                    }
                    assert_eq!(report.copied.len(), 3, "{what}");
                }
                // Taken back, or (when even that failed) marked as not finished,
                // which an import refuses and the next backup finishes.
                Err(e) => assert!(
                    !dest.exists()
                        || dest.join(tension_check::store::BACKUP_INCOMPLETE).exists()
                        || fs::read_dir(&dest)
                            .expect("readable")
                            .flatten()
                            .all(|e| e.file_name().to_string_lossy().starts_with(".tmp-")),
                    "{what}: reported {e} but a backup is there"
                ),
            }
            // No temp folder with a backup's name prefix is ever taken for one.
            assert!(!root.parent().expect("parent").join("backup.partial").exists());
        },
    );
}

#[test]
fn every_fault_in_a_settings_save_tells_the_truth() {
    use tension_check::settings::Settings;
    use tension_check::store::settings;
    let old = Settings { scale_percent: 120, ..Settings::default() };
    let new = Settings { scale_percent: 150, ..Settings::default() };
    let counter = Arc::new(FaultyFs::counting());
    let dir = tempfile::tempdir().expect("temp dir");
    settings::save(dir.path(), &old).expect("saves");
    settings::save_with(counter.as_ref(), dir.path(), &new).expect("saves");
    let steps = counter.calls();
    assert_eq!(steps, 5, "create, write, fsync, rename, fsync folder");
    for n in 1..=steps + 1 {
        for (plan, faulty) in plans(n) {
            let dir = tempfile::tempdir().expect("temp dir");
            settings::save(dir.path(), &old).expect("saves");
            let result = settings::save_with(&faulty, dir.path(), &new);
            let (loaded, notice) = settings::load(dir.path());
            assert!(notice.is_none(), "{plan}: {notice:?}");
            match result {
                Ok(_) => assert_eq!(loaded, new, "{plan}"),
                Err(e) => assert_eq!(loaded, old, "{plan}: {e}"),
            }
        }
    }
}
