//! A note that cannot be read never hides its session from the window: a damaged
//! note is set aside (moved, unchanged, into quarantine), a linked one left alone.

use std::fs;

use crate::common::*;
use tension_check::store::{SessionStore, Store};

#[test]
fn the_window_opens_a_session_whose_note_is_damaged_and_sets_the_note_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let session = fresh_session();
    store.save(&session).expect("saved");
    let note = store.note_path(&session.id);
    fs::write(&note, "Note(broken").expect("written");
    let loaded = SessionStore::load(&store, &session.id).expect("the session opens");
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.note, None);
    assert!(!note.exists(), "the damaged note is still beside the session");
    let aside = store.set_aside().expect("listed");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(store.set_aside_bytes(&aside[0].name).expect("bytes"), b"Note(broken");
}

#[cfg(unix)]
#[test]
fn the_window_opens_a_session_whose_note_is_a_link_and_leaves_the_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("opens");
    let session = fresh_session();
    store.save(&session).expect("saved");
    let outside = dir.path().join("outside.note.ron");
    fs::write(&outside, "anything").expect("written");
    let note = store.note_path(&session.id);
    std::os::unix::fs::symlink(&outside, &note).expect("link");
    let loaded = SessionStore::load(&store, &session.id).expect("the session opens");
    assert_eq!(loaded.note, None);
    assert!(fs::symlink_metadata(&note).is_ok_and(|m| m.file_type().is_symlink()));
    assert!(store.set_aside().expect("listed").is_empty());
}
