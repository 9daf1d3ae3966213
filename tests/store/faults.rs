//! Whatever file operation fails, a save either fully succeeds or leaves nothing.

use std::fs;
use std::io;
use std::sync::Arc;

use crate::common::*;
use tension_check::store::{FaultyFs, Store, StoreError};

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
    let path = store.save(&fresh_session()).expect("saves");
    assert!(path.is_file());
    assert!(temp_files(store.sessions_dir()).is_empty());
}

#[test]
fn a_note_edit_with_any_one_failing_operation_keeps_the_old_or_new_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = Store::open(dir.path()).expect("opens");
    let session = fresh_session();
    let session_path = seed.save(&session).expect("saves");
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
    let report = store.import(&src);
    assert!(report.imported.is_empty());
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert!(report.failed[0].reason.contains("the disk is full"), "{report:?}");
    assert!(file_names(store.sessions_dir()).is_empty());
}
