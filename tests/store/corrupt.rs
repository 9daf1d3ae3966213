//! Damaged files go to quarantine untouched, newer files stay put, and the rest loads.

use std::fs;
use std::path::PathBuf;

use crate::common::*;
use tension_check::store::{Session, SessionStore, Store};

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("random bytes");
    // Make sure it is not valid UTF-8 whatever the draw.
    bytes[0] = 0xff;
    bytes
}

#[test]
fn damaged_files_are_quarantined_byte_for_byte_and_newer_ones_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let good: Vec<Session> = (0..3)
        .map(|i| {
            session_with_id(&format!("good-{i}"), &format!("2026-11-0{}T10:00:00+01:00", i + 1))
        })
        .collect();
    for session in &good {
        store.save(session).expect("saves");
    }
    store.set_note(&good[0].id, "still attached").expect("note");

    let template = session_with_id("template", "2026-11-09T10:00:00+01:00").to_ron().expect("ron");
    let corrupt =
        template.replace("template", "corrupt").replacen("check: Check(", "check: Check(((", 1);
    let truncated = template.replace("template", "truncated")[..template.len() / 2].to_string();
    let current = tension_check::store::FORMAT_VERSION;
    let parseable_future = template.replace("template", "future-ok").replace(
        &format!("format_version: {current}"),
        &format!("format_version: {}", current + 1),
    );
    let broken_future = "Session(\n    format_version: 9,\n    app_version: \"9.0.0\",\n    \
                         wholly: new <syntax>\n";
    let bad_files: Vec<(&str, Vec<u8>)> = vec![
        ("corrupt.ron", corrupt.into_bytes()),
        ("truncated.ron", truncated.into_bytes()),
        ("empty.ron", Vec::new()),
        ("binary.ron", random_bytes(512)),
        ("wrong-shape.ron", b"Note(format_version: 1, text: \"\", edited_at: \"x\")".to_vec()),
        ("good-1.note.ron", b"Note(format_version: 1, text: \"unterminated)".to_vec()),
    ];
    let newer_files: Vec<(&str, Vec<u8>)> = vec![
        ("future-ok.ron", parseable_future.into_bytes()),
        ("future-broken.ron", broken_future.as_bytes().to_vec()),
    ];
    let sessions_dir = store.sessions_dir().to_path_buf();
    for (name, bytes) in bad_files.iter().chain(&newer_files) {
        fs::write(sessions_dir.join(name), bytes).expect("written");
    }
    // Other files in the folder are not sessions and are left alone.
    fs::write(sessions_dir.join("README.txt"), b"not a session").expect("written");

    let report = store.load_all();

    // The rest still loads, with notes.
    let ids: Vec<&str> = report.sessions.iter().map(|s| s.session.id.as_str()).collect();
    assert_eq!(ids, ["good-2", "good-1", "good-0"], "newest first");
    assert_eq!(report.sessions[2].note.as_ref().map(|n| n.text.as_str()), Some("still attached"));
    assert!(report.sessions[1].note.is_none(), "the broken note is not attached");
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);

    // Every damaged file moved, byte for byte, into quarantine.
    assert_eq!(report.quarantined.len(), bad_files.len(), "{:?}", report.quarantined);
    for (name, bytes) in &bad_files {
        let from = sessions_dir.join(name);
        assert!(!from.exists(), "{name} was left in sessions/");
        let entry = report
            .quarantined
            .iter()
            .find(|q| q.from == from)
            .unwrap_or_else(|| panic!("{name} is not in the report"));
        assert_eq!(entry.to, store.quarantine_dir().join(name));
        assert_eq!(&fs::read(&entry.to).expect("quarantined file"), bytes, "{name} changed");
        assert!(!entry.reason.is_empty());
    }

    // Newer files stay where they are, unchanged, and are reported.
    assert_eq!(report.newer.len(), 2, "{:?}", report.newer);
    for (name, bytes) in &newer_files {
        let path = sessions_dir.join(name);
        assert_eq!(&fs::read(&path).expect("left in place"), bytes, "{name} changed");
        assert!(report.newer.iter().any(|n| n.path == path));
    }
    let ok = report.newer.iter().find(|n| n.path.ends_with("future-ok.ron")).expect("listed");
    assert_eq!(ok.format_version, current + 1);
    assert!(ok.session.is_some(), "a readable newer session can be shown read-only");
    let broken =
        report.newer.iter().find(|n| n.path.ends_with("future-broken.ron")).expect("listed");
    assert_eq!(broken.format_version, 9);
    assert!(broken.session.is_none());
    assert_eq!(fs::read(sessions_dir.join("README.txt")).expect("left"), b"not a session");

    let messages = report.messages();
    let expected = format!(
        "6 files could not be read and were moved to {}.",
        store.quarantine_dir().display()
    );
    assert!(messages.contains(&expected), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("newer version")), "{messages:?}");

    // A second load finds nothing new to move, and changes nothing.
    let before = snapshot(dir.path());
    let again = store.load_all();
    assert!(again.quarantined.is_empty());
    assert_eq!(again.sessions.len(), 3);
    assert_eq!(again.newer.len(), 2);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn quarantine_never_overwrites_a_file_of_the_same_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let path = store.sessions_dir().join("broken.ron");
    let mut moved: Vec<PathBuf> = Vec::new();
    for round in 0..3u8 {
        fs::write(&path, [b'(', round]).expect("written");
        let report = store.load_all();
        assert_eq!(report.quarantined.len(), 1);
        moved.push(report.quarantined[0].to.clone());
    }
    assert_eq!(
        moved,
        [
            store.quarantine_dir().join("broken.ron"),
            store.quarantine_dir().join("broken-1.ron"),
            store.quarantine_dir().join("broken-2.ron"),
        ]
    );
    for (round, file) in moved.iter().enumerate() {
        assert_eq!(fs::read(file).expect("kept"), [b'(', round as u8]);
    }
}

#[test]
fn a_single_quarantined_file_is_reported_in_the_singular() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    fs::write(store.sessions_dir().join("x.ron"), b"").expect("written");
    let report = store.load_all();
    assert_eq!(
        report.messages(),
        [format!(
            "1 file could not be read and was moved to {}.",
            store.quarantine_dir().display()
        )]
    );
}

#[test]
fn a_large_folder_loads_in_parallel_with_damaged_files_among_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    for i in 0..150 {
        let day = 1 + i % 28;
        let session =
            session_with_id(&format!("bulk-{i:03}"), &format!("2026-10-{day:02}T08:00:00+02:00"));
        store.save(&session).expect("saves");
    }
    let sessions_dir = dir.path().join("sessions");
    for i in 0..7 {
        fs::write(sessions_dir.join(format!("broken-{i}.ron")), random_bytes(64 + i))
            .expect("write");
    }
    let report = store.load_all();
    assert_eq!(report.sessions.len(), 150);
    assert_eq!(report.quarantined.len(), 7);
    assert!(
        report.sessions.windows(2).all(|w| w[0].session.started_at >= w[1].session.started_at),
        "newest first after the parallel parse"
    );
}
