//! The `SessionStore` interface: the file store through it, the one-file backup,
//! set-aside files, and the unavailable store.

use std::fs;
use std::sync::Arc;

use tension_check::store::{
    QUARANTINE_DIR, SessionStore, Store, StoreError, StoreKind, Unavailable,
};

use crate::common::session_with_id;

fn stores() -> (tempfile::TempDir, Arc<dyn SessionStore>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    (dir, Arc::new(store))
}

#[test]
fn the_file_store_saves_lists_loads_and_deletes_through_the_interface() {
    let (_dir, store) = stores();
    assert_eq!(store.kind(), StoreKind::Files);
    assert!(store.describe().contains("data folder"), "{}", store.describe());
    let a = session_with_id("a1", "2026-01-02T10:00:00+01:00");
    let b = session_with_id("b2", "2026-03-04T10:00:00+01:00");
    store.save(&a).expect("save a");
    store.save(&b).expect("save b");
    assert!(matches!(store.save(&a), Err(StoreError::AlreadySaved { .. })));
    let ids: Vec<_> = store.summaries().sessions.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, [b.id.clone(), a.id.clone()], "newest first");
    store.set_note(&a.id, "sore after running").expect("note");
    let loaded = store.load(&a.id).expect("load a");
    assert_eq!(loaded.session, a);
    assert_eq!(loaded.note.map(|n| n.text).as_deref(), Some("sore after running"));
    store.delete(&a.id).expect("delete");
    assert!(matches!(store.load(&a.id), Err(StoreError::NotFound { .. })));
    assert_eq!(store.trash().expect("trash").len(), 2, "session and note");
    store.undo_delete(&a.id).expect("undo");
    assert_eq!(store.load_all().sessions.len(), 2);
}

#[test]
fn a_one_file_backup_brings_every_session_and_note_back_byte_for_byte() {
    let (from_dir, from) = stores();
    let a = session_with_id("a1", "2026-01-02T10:00:00+01:00");
    let b = session_with_id("b2", "2026-03-04T10:00:00+01:00");
    from.save(&a).expect("save");
    from.save(&b).expect("save");
    from.set_note(&b.id, "both legs tight").expect("note");
    let bytes = from.backup_bytes().expect("backup");
    let text = String::from_utf8(bytes.clone()).expect("text");
    assert!(text.starts_with("Backup("), "{}", &text[..40]);

    let (to_dir, to) = stores();
    let report = to.import_bytes(&bytes, "backup.ron");
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert_eq!(report.notes_imported, 1);
    for name in ["a1.ron", "b2.ron", "b2.note.ron"] {
        let original = fs::read(from_dir.path().join("sessions").join(name)).expect("original");
        let copy = fs::read(to_dir.path().join("sessions").join(name)).expect("copy");
        assert_eq!(original, copy, "{name}");
    }
    // Again: all already here, nothing doubled.
    let again = to.import_bytes(&bytes, "backup.ron");
    assert_eq!((again.imported.len(), again.duplicates.len()), (0, 2), "{again:?}");

    // The same file through a path.
    let (_third_dir, third) = stores();
    let file = to_dir.path().join("backup.ron");
    fs::write(&file, &bytes).expect("write");
    let report = third.import_from(&file);
    assert_eq!((report.imported.len(), report.notes_imported), (2, 1), "{report:?}");
}

#[test]
fn a_damaged_backup_file_is_reported_not_imported() {
    let (_dir, store) = stores();
    let report = store.import_bytes(b"Backup(format_version: 1, sessions: [", "cut.ron");
    assert!(report.imported.is_empty());
    assert_eq!(report.unreadable.len(), 1, "{report:?}");
    let newer = store
        .import_bytes(b"Backup(format_version: 99, app_version: \"9\", sessions: [])", "newer.ron");
    assert!(newer.unreadable[0].reason.contains("newer version"), "{newer:?}");
    let binary = store.import_bytes(&[0xff, 0xfe, 0x00], "x.bin");
    assert_eq!(binary.unreadable.len(), 1);
}

#[test]
fn set_aside_files_are_listed_read_back_exactly_and_removed_on_request() {
    let (dir, store) = stores();
    let damaged = b"Session(format_version: 2, \xffnot finished";
    fs::write(dir.path().join("sessions").join("bad.ron"), damaged).expect("write");
    let report = store.load_all();
    assert_eq!(report.quarantined.len(), 1, "{:?}", report.details());
    let entries = store.set_aside().expect("list");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].name, "bad.ron");
    assert_eq!(entries[0].size, damaged.len() as u64);
    assert_eq!(store.set_aside_bytes("bad.ron").expect("bytes"), damaged);
    for bad in ["../index.tsv", "", "..", "a/b"] {
        assert!(matches!(store.set_aside_bytes(bad), Err(StoreError::NotSetAside { .. })), "{bad}");
    }
    store.remove_set_aside("bad.ron").expect("remove");
    assert!(store.set_aside().expect("list").is_empty());
    assert!(!dir.path().join(QUARANTINE_DIR).join("bad.ron").exists());
    assert!(matches!(store.remove_set_aside("bad.ron"), Err(StoreError::NotSetAside { .. })));
}

#[test]
fn an_unavailable_store_gives_its_reason_for_everything() {
    let reason = "Could not prepare the data folder /nowhere: permission denied";
    let store: Arc<dyn SessionStore> = Arc::new(Unavailable::new(reason));
    let session = session_with_id("a1", "2026-01-02T10:00:00+01:00");
    assert_eq!(store.kind(), StoreKind::Unavailable);
    let errors = [
        store.save(&session).err(),
        store.load(&session.id).err(),
        store.note(&session.id).err(),
        store.set_note(&session.id, "x").err(),
        store.delete(&session.id).err(),
        store.undo_delete(&session.id).err(),
        store.trash().err(),
        store.set_aside().err(),
        store.backup_bytes().err(),
    ];
    for error in errors {
        assert_eq!(error.map(|e| e.to_string()).as_deref(), Some(reason));
    }
    let summaries = store.summaries();
    assert!(summaries.sessions.is_empty());
    assert!(summaries.report.messages().iter().any(|m| m.contains(reason)));
    assert_eq!(store.import_bytes(b"x", "x.ron").failed[0].reason, reason);
}

#[test]
fn settings_are_kept_by_the_same_back_end_as_the_sessions() {
    use tension_check::settings::{Settings, ThemeChoice};
    use tension_check::store::settings::FILE;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let dark = Settings { theme: ThemeChoice::Dark, scale_percent: 150, ..Settings::default() };
    store.save_settings(&dark).expect("saved");
    assert_eq!(store.load_settings(), (dark.clone(), None));
    assert!(dir.path().join(FILE).is_file());
    drop(store);

    // A data folder whose sessions cannot be kept still keeps the settings.
    let elsewhere = Unavailable::new("no sessions").keeping_settings_in(dir.path().to_path_buf());
    assert_eq!(elsewhere.load_settings(), (dark.clone(), None));
    // Without a folder, the defaults, and a change is not kept.
    let nowhere = Unavailable::new("nowhere");
    nowhere.save_settings(&dark).expect("nothing to keep");
    assert_eq!(nowhere.load_settings(), (Settings::default(), None));

    // A store opened to read only refuses to save and leaves a broken file as it is.
    fs::write(dir.path().join(FILE), "(theme: Purple").expect("write");
    let read_only = Store::open_read_only(dir.path()).expect("open");
    assert!(read_only.save_settings(&dark).is_err());
    let (settings, notice) = read_only.load_settings();
    assert_eq!(settings, Settings::default());
    assert!(notice.is_some_and(|n| n.contains("defaults")));
    assert_eq!(fs::read_to_string(dir.path().join(FILE)).expect("kept"), "(theme: Purple");
}
