use chrono::{DateTime, TimeDelta, Utc};

use super::*;
use crate::core::{Check, grade};
use crate::store::browser::backup;

fn session(id: &str, started: &str) -> Session {
    let check = Check::new();
    let outcome = grade(&check);
    let mut session =
        Session::new(check, outcome, DateTime::parse_from_rfc3339(started).expect("test time"));
    session.id = SessionId::parse(id).expect("test id");
    session
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("test time").to_utc()
}

fn ids(files: &Files) -> Vec<String> {
    files.load_all().sessions.iter().map(|l| l.session.id.to_string()).collect()
}

#[test]
fn a_saved_session_loads_and_is_queued_once_for_indexeddb() {
    let files = Files::default();
    let s = session("a", "2026-01-02T10:00:00+01:00");
    assert_eq!(files.save(&s).expect("saved"), PathBuf::from("sessions/a.ron"));
    assert!(matches!(files.save(&s), Err(StoreError::AlreadySaved { .. })));
    let writes = files.take_writes();
    assert_eq!(writes.len(), 1);
    assert_eq!(writes[0].0, "sessions/a.ron");
    assert_eq!(Session::from_ron(writes[0].1.as_deref().expect("text")).expect("ron"), s);
    assert!(files.take_writes().is_empty());
    let older = session("b", "2026-01-01T10:00:00+01:00");
    files.save(&older).expect("saved");
    assert_eq!(ids(&files), ["a", "b"]);
}

#[test]
fn corrupt_and_newer_entries_are_set_aside_and_reported_during_one_visit() {
    let good = session("a", "2026-01-02T10:00:00Z").to_ron().expect("ron");
    let newer = good.replace(&format!("format_version: {FORMAT_VERSION}"), "format_version: 99");
    assert_ne!(newer, good);
    let files = Files::new([
        ("sessions/a.ron".to_string(), good),
        ("sessions/broken.ron".to_string(), "Session(format_version: 1, ch".to_string()),
        ("sessions/future.ron".to_string(), newer.replace("\"a\"", "\"future\"")),
    ]);
    let first = files.load_all();
    assert_eq!(first.sessions.len(), 1);
    assert_eq!(first.quarantined.len(), 1);
    assert_eq!(first.quarantined[0].to, PathBuf::from("set-aside/broken.ron"));
    assert_eq!(first.newer.len(), 1);
    assert_eq!(first.newer[0].format_version, 99);
    assert!(first.messages().iter().any(|m| m.contains(SET_ASIDE_PLACE)), "{first:?}");
    assert_eq!(files.load_all().left_out(), 2, "still listed during this visit");
    let mut entries_now: Vec<(String, String)> = files.set_aside();
    entries_now.extend(files.sessions_and_notes());
    let next_visit = Files::new(entries_now);
    let second = next_visit.load_all();
    assert_eq!(second.left_out(), 0, "not again on the next visit: {second:?}");
    assert_eq!(second.sessions.len(), 1);
    let aside: Vec<String> = files.set_aside().into_iter().map(|(k, _)| k).collect();
    assert_eq!(aside, ["set-aside/broken.ron", "set-aside/future.ron"]);
    files.take_writes();
    assert_eq!(files.remove_set_aside(), 2);
    assert!(files.set_aside().is_empty());
    assert_eq!(files.take_writes().len(), 2);
}

#[test]
fn a_set_aside_session_comes_back_once_the_app_reads_it() {
    let text = session("back", "2026-01-02T10:00:00Z").to_ron().expect("ron");
    let files = Files::new([("set-aside/back.ron".to_string(), text)]);
    assert_eq!(ids(&files), ["back"]);
    assert!(files.set_aside().is_empty());
}

#[test]
fn delete_moves_session_and_note_to_the_trash_and_undo_brings_both_back() {
    let files = Files::default();
    let s = session("a", "2026-01-02T10:00:00Z");
    files.save(&s).expect("saved");
    let edited = DateTime::parse_from_rfc3339("2026-01-03T10:00:00+01:00").expect("time");
    files.set_note(&s.id, "left calf", edited).expect("note");
    assert_eq!(
        files.load_all().sessions[0].note.as_ref().map(|n| n.text.as_str()),
        Some("left calf")
    );
    let moved = files.delete(&s.id, at("2026-01-04T08:00:00Z")).expect("deleted");
    assert_eq!(moved.len(), 2);
    assert!(ids(&files).is_empty());
    assert!(matches!(files.set_note(&s.id, "x", edited), Err(StoreError::NotFound { .. })));
    files.undo_delete(&s.id).expect("restored");
    let loaded = files.load_all();
    assert_eq!(loaded.sessions.len(), 1);
    assert_eq!(loaded.sessions[0].note.as_ref().map(|n| n.text.as_str()), Some("left calf"));
    assert!(matches!(files.undo_delete(&s.id), Err(StoreError::AlreadySaved { .. })));
}

#[test]
fn purge_removes_only_what_was_deleted_long_enough_ago() {
    let files = Files::default();
    for (id, day) in [("old", "2026-01-01"), ("new", "2026-02-20")] {
        let s = session(id, "2025-12-01T10:00:00Z");
        files.save(&s).expect("saved");
        files.delete(&s.id, at(&format!("{day}T10:00:00Z"))).expect("deleted");
    }
    let report = files.purge_trash(at("2026-03-01T10:00:00Z"), TimeDelta::days(30));
    assert_eq!(report.removed, [PathBuf::from("trash/20260101T100000Z--old.ron")]);
    assert!(files.undo_delete(&SessionId::parse("new").expect("id")).is_ok());
    assert!(files.undo_delete(&SessionId::parse("old").expect("id")).is_err());
}

#[test]
fn a_backup_imports_into_an_empty_browser_with_its_notes() {
    let files = Files::default();
    for id in ["a", "b"] {
        files.save(&session(id, "2026-01-02T10:00:00Z")).expect("saved");
    }
    let edited = DateTime::parse_from_rfc3339("2026-01-03T10:00:00Z").expect("time");
    files.set_note(&SessionId::parse("a").expect("id"), "note a", edited).expect("note");
    let (text, count) = backup::backup(&files).expect("backup");
    assert!(text.starts_with("Backup("), "the desktop's backup format");
    assert_eq!(count, 2);

    let other = Files::default();
    let report = backup::import(&other, "backup.ron", &text);
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert_eq!(report.notes_imported, 1);
    assert_eq!(ids(&other), ids(&files));
    let again = backup::import(&other, "backup.ron", &text);
    assert!(again.imported.is_empty());
    assert_eq!(again.duplicates.len(), 2);

    let one = session("c", "2026-01-05T10:00:00Z").to_ron().expect("ron");
    assert_eq!(backup::import(&other, "c.ron", &one).imported.len(), 1);
    let junk = backup::import(&other, "photo.jpg", "not a session");
    assert_eq!(junk.unreadable.len(), 1);
    assert_eq!(ids(&other).len(), 3);
}

#[test]
fn settings_are_one_entry_and_a_broken_one_gives_the_defaults() {
    use crate::settings::{Settings, ThemeChoice};
    use crate::store::SessionStore;
    let files = Files::default();
    assert_eq!(files.load_settings(), (Settings::default(), None));
    let dark = Settings { theme: ThemeChoice::Dark, scale_percent: 900, ..Settings::default() };
    files.save_settings(&dark).expect("kept");
    assert_eq!(files.take_writes().len(), 1, "one write for IndexedDB");
    let (loaded, notice) = files.load_settings();
    assert_eq!((loaded.theme, loaded.scale_percent, notice), (ThemeChoice::Dark, 200, None));
    files.put(SETTINGS, "(theme: Purple".to_string());
    let (loaded, notice) = files.load_settings();
    assert_eq!(loaded, Settings::default());
    assert!(notice.is_some_and(|n| n.contains("defaults")));
}
