//! Saving, the history list, a session's detail, notes, delete and undo, clicked
//! through by visible text at phone and desktop sizes.

mod common;

use common::{Driver, SIZES};
use tension_check::store::Store;
use tension_check::ui::Message;
use tension_check::ui::screens::detail;

/// Runs a red-flag check to its end (the quickest saved session).
fn emergency_check(d: &mut Driver) {
    d.tap("New check");
    d.tap("Yes");
    d.expect("Emergency");
}

/// Runs a short one-leg check that ends on "No notable tension".
fn quiet_check(d: &mut Driver) {
    d.pass_safety(false);
    d.set_up("Left", false);
    d.card(&[]);
    d.card(&["0"]);
    for _ in 0..4 {
        d.card(&["No change"]);
    }
    d.card(&[]);
    d.card(&["0", "No"]);
    d.card(&["No change", "No"]);
    d.expect("No notable tension");
}

#[test]
fn a_finished_check_is_saved_and_listed() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        emergency_check(&mut d);
        d.expect("Saved on this device.");
        d.tap("Done");
        quiet_check(&mut d);
        d.expect("Saved on this device.");
        d.tap("Done");

        let on_disk = Store::open(dir.path()).expect("store").load_all();
        assert_eq!(on_disk.sessions.len(), 2, "both sessions are on disk");
        drop(on_disk);

        d.tap("History");
        d.expect("History");
        d.expect("Emergency");
        d.expect("No notable tension");
        d.expect("Left leg · strongest 0/10");
        let history = d.app.history().expect("loaded");
        assert_eq!(history.len(), 2);
        assert!(history[0].session.started_at >= history[1].session.started_at, "newest first");
    }
}

#[test]
fn detail_shows_every_answer_and_keeps_a_note() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        quiet_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("No notable tension");
        d.expect("Why");
        d.expect("Left leg");
        d.expect("A2: intensity 0/10");
        d.expect("B3: No change · spread below knee: no");
        d.expect("All 11 answered No.");

        let id = d.app.history().expect("loaded")[0].session.id.clone();
        let store = Store::open(dir.path()).expect("store");
        let before = std::fs::read(store.session_path(&id)).expect("session file");
        d.send(Message::Detail(detail::Message::NoteChanged("after a long drive".into())));
        d.tap("Save note");
        let note = store.note(&id).expect("note readable").expect("note saved");
        assert_eq!(note.text, "after a long drive");
        let after = std::fs::read(store.session_path(&id)).expect("session file");
        assert_eq!(before, after, "the session file itself is never rewritten");
    }
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        emergency_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("Emergency");
        d.tap("Delete");
        d.expect("Move this session to the trash? You can undo this.");
        d.tap("Keep it");
        d.tap("Delete");
        d.tap("Delete session");
        d.expect("No sessions yet. Finished checks are saved here, on this device only.");
        assert!(d.sees("Undo"));
        assert_eq!(
            Store::open(dir.path()).expect("store").trash_entries().expect("trash").len(),
            1
        );
        d.tap("Undo");
        d.expect("Emergency");
        assert_eq!(d.app.history().expect("loaded").len(), 1);
    }
}

#[test]
fn a_failed_save_says_so_and_keeps_the_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the data folder should be: the store cannot open.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").expect("file");
    let mut d = Driver::with_data_dir(common::PHONE, &blocked);
    emergency_check(&mut d);
    assert!(!d.sees("Saved on this device."));
    d.expect("Retry saving");
    d.tap("Retry saving");
    d.expect("Emergency");
    d.expect("Retry saving");
}
