//! Every file is checked on load: limits on its content, regular files only, a size
//! cap, no links followed, duplicate ids listed once, and a read-only mode that
//! changes nothing.

use std::fs;
use std::path::Path;

use crate::common::*;
use tension_check::core::{Check, Leg, LegRecord, StepAnswer, StepId, grade};
use tension_check::store::session::{MAX_SESSION_FILE_BYTES, excerpt};
use tension_check::store::{Session, SessionId, SessionStore, Store, StoreError};

/// The text of a session with `legs` leg records, as RON, bypassing validation.
fn session_text_with_legs(id: &str, legs: usize) -> String {
    let mut session = session_with_id(id, "2026-11-10T10:00:00+01:00");
    let record = session.check.legs[0].clone();
    session.check.legs = (0..legs).map(|_| record.clone()).collect();
    session.to_ron().expect("ron")
}

fn with_intensity(id: &str, intensity: u8) -> String {
    let mut check = Check::new();
    let mut steps = std::collections::BTreeMap::new();
    steps.insert(StepId::A1, StepAnswer { intensity: Some(intensity), ..StepAnswer::default() });
    check.legs.push(LegRecord { leg: Leg::Left, reference: false, steps });
    let outcome = grade(&Check::new());
    let mut session = Session::new(check, outcome, time("2026-11-10T10:00:00+01:00"));
    session.id = SessionId::parse(id).expect("id");
    session.to_ron().expect("ron")
}

#[test]
fn content_outside_the_limits_is_refused_with_a_plain_reason() {
    assert!(Session::from_ron(&session_text_with_legs("two", 2)).is_err(), "the same leg twice");
    let mut two = session_with_id("ok", "2026-11-10T10:00:00+01:00");
    assert_eq!(two.check.legs.len(), 2);
    Session::from_ron(&two.to_ron().expect("ron")).expect("two different legs are fine");
    two.check.legs[1].leg = two.check.legs[0].leg;
    let err = Session::from_ron(&two.to_ron().expect("ron")).expect_err("same leg twice");
    assert!(err.to_string().contains("the same leg is recorded twice"), "{err}");

    let err = Session::from_ron(&session_text_with_legs("many", 7000)).expect_err("too many legs");
    assert!(err.to_string().contains("7000 leg records"), "{err}");

    Session::from_ron(&with_intensity("ten", 10)).expect("10 is the top of the scale");
    for bad in [11u8, 200, 255] {
        let err = Session::from_ron(&with_intensity("big", bad)).expect_err("out of range");
        assert!(err.to_string().contains("from 0 to 10"), "{err}");
    }
    let unknown_step = with_intensity("step", 3).replace("A1:", "Z9:").replace("A1 :", "Z9 :");
    assert!(unknown_step.contains("Z9"), "{unknown_step}");
    assert!(Session::from_ron(&unknown_step).is_err(), "an unknown step");
}

#[test]
fn errors_quote_no_more_than_a_short_escaped_excerpt() {
    // A huge identifier, a secret-looking first line, control characters.
    let huge = "a".repeat(200_000);
    let shadow = "root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
    let with_long_string =
        format!("Session(format_version: 1, app_version: 1, id: \"{}\")", "x".repeat(100_000));
    let evil_time = session_with_id("evil", "2026-11-10T10:00:00+01:00")
        .to_ron()
        .expect("ron")
        .replacen("started_at: \"", &format!("started_at: \"{}\u{1b}[2J", "z".repeat(5000)), 1);
    for text in [huge.as_str(), shadow, &with_long_string, &evil_time] {
        let err = Session::from_ron(text).expect_err("not a session").to_string();
        assert!(err.len() < 300, "{} bytes: {}", err.len(), excerpt(&err));
        assert!(!err.contains("root") && !err.contains("hash"), "{err}");
        assert!(!err.contains('\u{1b}'), "control characters are escaped: {err:?}");
        assert!(!err.contains(&"z".repeat(50)) && !err.contains(&"x".repeat(50)), "{err}");
    }
    assert_eq!(excerpt("a\u{1b}b"), "a\\u{1b}b");
    assert_eq!(excerpt(&"é".repeat(100)).chars().count(), 41);
}

#[test]
fn oversized_binary_and_invalid_files_are_set_aside_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    store.save(&session_with_id("good", "2026-11-01T10:00:00+01:00")).expect("saves");
    let sessions = store.sessions_dir().to_path_buf();
    let mut huge = session_with_id("huge", "2026-11-02T10:00:00+01:00").to_ron().expect("ron");
    huge.push_str(&" ".repeat(MAX_SESSION_FILE_BYTES as usize));
    let bad: Vec<(&str, Vec<u8>)> = vec![
        ("huge.ron", huge.into_bytes()),
        ("legs.ron", session_text_with_legs("legs", 6600).into_bytes()),
        ("intensity.ron", with_intensity("intensity", 11).into_bytes()),
    ];
    for (name, bytes) in &bad {
        fs::write(sessions.join(name), bytes).expect("written");
    }
    let report = store.load_all();
    assert_eq!(report.sessions.len(), 1);
    assert_eq!(report.quarantined.len(), bad.len(), "{:?}", report.quarantined);
    for (name, bytes) in &bad {
        let entry = report
            .quarantined
            .iter()
            .find(|q| q.from == sessions.join(name))
            .unwrap_or_else(|| panic!("{name} not set aside"));
        assert_eq!(&fs::read(&entry.to).expect("kept"), bytes, "{name}");
        assert!(entry.reason.len() < 300, "{}", entry.reason);
    }
}

#[cfg(unix)]
#[test]
fn fifos_links_and_folders_are_reported_never_followed_and_never_block() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("opens");
    let good = session_with_id("good", "2026-11-01T10:00:00+01:00");
    store.save(&good).expect("saves");
    let sessions = store.sessions_dir().to_path_buf();
    let outside = dir.path().join("outside.ron");
    fs::write(&outside, session_with_id("outside", "2026-11-02T10:00:00+01:00").to_ron().unwrap())
        .expect("written");
    make_fifo(&sessions.join("pipe.ron"));
    symlink(&outside, sessions.join("link.ron")).expect("link");
    symlink(dir.path().join("nowhere"), sessions.join("dangling.ron")).expect("link");
    fs::create_dir(sessions.join("folder.ron")).expect("mkdir");

    let report = store.load_all();
    let ids: Vec<&str> = report.sessions.iter().map(|l| l.session.id.as_str()).collect();
    assert_eq!(ids, ["good"], "the link is not followed");
    let reasons: Vec<String> =
        report.unreadable.iter().map(|p| format!("{}: {}", p.path.display(), p.reason)).collect();
    assert_eq!(report.unreadable.len(), 4, "{reasons:?}");
    let reason_of = |name: &str| {
        let p = report.unreadable.iter().find(|p| p.path == sessions.join(name));
        p.map(|p| p.reason.clone()).unwrap_or_else(|| panic!("{name}: {reasons:?}"))
    };
    assert!(reason_of("pipe.ron").contains("named pipe"));
    assert!(reason_of("link.ron").contains("symbolic link"));
    assert!(reason_of("dangling.ron").contains("symbolic link"));
    assert!(reason_of("folder.ron").contains("a folder"));
    // All left in place.
    assert!(fs::symlink_metadata(sessions.join("link.ron")).is_ok());
    assert!(sessions.join("pipe.ron").exists());

    // A link under a session's own name is not "already here".
    let linked = session_with_id("linked", "2026-11-03T10:00:00+01:00");
    symlink(dir.path().join("nowhere"), store.session_path(&linked.id)).expect("link");
    let err = store.save(&linked).expect_err("refused");
    assert!(matches!(err, StoreError::Symlink { .. }), "{err:?}");
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    fs::write(src.join("linked.ron"), linked.to_ron().expect("ron")).expect("written");
    let import = store.import_from(&src);
    assert_eq!(import.failed.len(), 1, "{import:?}");
    assert!(import.duplicates.is_empty());

    // Importing a FIFO returns at once with a plain reason.
    make_fifo(&src.join("pipe.ron"));
    let import = store.import_from(&src.join("pipe.ron"));
    assert!(import.unreadable[0].reason.contains("named pipe"), "{import:?}");
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn symlinked_store_folders_are_refused_not_written_through() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    for name in ["sessions", "quarantine", "trash", ".lock"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("data");
        drop(Store::open(&root).expect("opens"));
        let target = dir.path().join("elsewhere");
        fs::create_dir(&target).expect("mkdir");
        fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = root.join(name);
        if path.is_dir() {
            fs::remove_dir(&path).expect("rmdir");
        } else {
            fs::remove_file(&path).expect("rm");
        }
        let link_target = if name == ".lock" { target.join("lockfile") } else { target.clone() };
        symlink(&link_target, &path).expect("link");
        let err = Store::open(&root).expect_err("refused");
        assert!(matches!(err, StoreError::Symlink { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        let mode = fs::metadata(&target).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "{name}: the target's mode is not changed");
        assert!(!target.join("lockfile").exists(), "{name}: the link's target is not created");
    }
}

#[test]
fn duplicate_ids_are_listed_once_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let session = session_with_id("dup", "2026-11-01T10:00:00+01:00");
    store.save(&session).expect("saves");
    let path = store.session_path(&session.id);
    let copy = store.sessions_dir().join("copy-of-dup.ron");
    fs::copy(&path, &copy).expect("copied");
    let report = store.load_all();
    assert_eq!(report.sessions.len(), 1);
    assert_eq!(report.sessions[0].path, path, "the file named after its id wins");
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].path, copy);
    assert!(copy.exists(), "left in place");
    assert!(report.messages().iter().any(|m| m.contains("listed once")));

    // Import compares ids, not file names.
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    fs::write(src.join("renamed.ron"), session.to_ron().expect("ron")).expect("written");
    let import = store.import_from(&src);
    assert!(import.imported.is_empty(), "{import:?}");
    assert_eq!(import.duplicates, vec![session.id.clone()]);
    // Twice in one import folder: imported once.
    let other = session_with_id("other", "2026-11-02T10:00:00+01:00");
    fs::write(src.join("a.ron"), other.to_ron().expect("ron")).expect("written");
    fs::write(src.join("b.ron"), other.to_ron().expect("ron")).expect("written");
    let import = store.import_from(&src);
    assert_eq!(import.imported, vec![other.id.clone()]);
    assert_eq!(import.duplicates.len(), 2);
}

#[test]
fn import_brings_notes_in_also_for_sessions_already_here() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("opens");
    let session = session_with_id("noted", "2026-11-01T10:00:00+01:00");
    store.save(&session).expect("saves");
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    fs::write(src.join("noted.ron"), session.to_ron().expect("ron")).expect("written");
    let note = tension_check::store::Note::new("added later", time("2026-11-05T10:00:00+01:00"));
    fs::write(src.join("noted.note.ron"), note.to_ron().expect("ron")).expect("written");
    let report = store.import_from(&src);
    assert_eq!(report.duplicates, vec![session.id.clone()]);
    assert_eq!(report.notes_imported, 1, "{report:?}");
    assert_eq!(store.note(&session.id).expect("reads"), Some(note.clone()));
    assert!(report.message().contains("1 note"), "{}", report.message());

    // Importing again changes nothing; an older note does not replace a newer one.
    let again = store.import_from(&src);
    assert_eq!(again.notes_imported, 0);
    let older = tension_check::store::Note::new("older", time("2026-11-02T10:00:00+01:00"));
    fs::write(src.join("noted.note.ron"), older.to_ron().expect("ron")).expect("written");
    assert_eq!(store.import_from(&src).notes_imported, 0);
    assert_eq!(store.note(&session.id).expect("reads"), Some(note.clone()));
    // A newer one does, and the one it replaces goes to the trash.
    let newer = tension_check::store::Note::new("newer", time("2026-11-09T10:00:00+01:00"));
    fs::write(src.join("noted.note.ron"), newer.to_ron().expect("ron")).expect("written");
    assert_eq!(store.import_from(&src).notes_imported, 1);
    assert_eq!(store.note(&session.id).expect("reads"), Some(newer));
    let trash = store.trash().expect("trash");
    assert!(trash.iter().any(|e| e.is_note && e.id == session.id));

    // A note that cannot be read is a failure, reported.
    fs::write(src.join("noted.note.ron"), "Note(text: ").expect("written");
    let report = store.import_from(&src);
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert!(report.message().contains("could not be imported"), "{}", report.message());
}

#[test]
fn a_read_only_store_creates_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    assert!(Store::open_read_only(&root).is_err(), "a missing folder is an error");
    assert!(!root.exists());
    fs::create_dir(&root).expect("mkdir");
    let empty = Store::open_read_only(&root).expect("opens");
    assert!(empty.load_all().sessions.is_empty());
    assert!(empty.trash().expect("empty").is_empty());
    assert_eq!(file_names(&root), Vec::<String>::new(), "no folder, no lock file");
    drop(empty);

    let writer = Store::open(&root).expect("opens");
    let session = session_with_id("ro", "2026-11-01T10:00:00+01:00");
    writer.save(&session).expect("saves");
    drop(writer);
    fs::write(root.join("sessions/broken.ron"), "Session(").expect("written");
    let before = snapshot(&root);
    let store = Store::open_read_only(&root).expect("opens");
    let report = store.load_all();
    assert_eq!(report.sessions.len(), 1);
    assert_eq!(report.unreadable.len(), 1, "reported, not moved");
    assert!(matches!(store.save(&fresh_session()), Err(StoreError::ReadOnly { .. })));
    assert!(matches!(store.set_note(&session.id, "x"), Err(StoreError::ReadOnly { .. })));
    assert!(matches!(store.delete(&session.id), Err(StoreError::ReadOnly { .. })));
    assert!(!store.import_from(dir.path()).failed.is_empty());
    let backup = dir.path().join("backup");
    store.backup_to(&backup).expect("a backup only reads the store");
    assert_eq!(snapshot(&root), before, "nothing in the data folder changed");
}

#[test]
fn a_backup_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("opens");
    for i in 0..3 {
        store
            .save(&session_with_id(&format!("b{i}"), &format!("2026-11-0{}T10:00:00Z", i + 1)))
            .expect("saves");
    }
    let mut big = b"Session(".to_vec();
    big.resize(MAX_SESSION_FILE_BYTES as usize + 10, b' ');
    fs::write(store.sessions_dir().join("zz-big.ron"), &big).expect("written");
    let dest = dir.path().join("backup");
    let err = store.backup_to(&dest).expect_err("one file cannot be read");
    assert!(matches!(&err, StoreError::Backup { problems, .. } if problems.len() == 1), "{err:?}");
    assert!(err.to_string().starts_with("Nothing was written to"), "{err}");
    assert!(!dest.exists(), "no partial backup");
    assert_eq!(file_names(dir.path()), ["data"], "no temp folder left");
    fs::remove_file(store.sessions_dir().join("zz-big.ron")).expect("rm");
    let report = store.backup_to(&dest).expect("backs up");
    assert_eq!(report.copied.len(), 3);
    // A folder with a conflicting file: nothing copied.
    let other = dir.path().join("other");
    fs::create_dir(&other).expect("mkdir");
    fs::write(other.join("b0.ron"), "mine").expect("written");
    let report = store.backup_to(&other).expect("reports");
    assert_eq!(report.conflicts.len(), 1);
    assert!(report.copied.is_empty());
    assert_eq!(file_names(&other), ["b0.ron"]);
}

#[test]
fn summaries_come_from_the_index_for_unchanged_files_and_from_the_file_otherwise() {
    use tension_check::store::INDEX_FILE;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    for i in 0..5 {
        store
            .save(&session_with_id(&format!("s{i}"), &format!("2026-11-0{}T10:00:00Z", i + 1)))
            .expect("saves");
    }
    // No index yet: every file is read, and a writable store writes the index.
    let read_only = Store::open_read_only(dir.path()).expect("opens");
    assert_eq!(read_only.summaries().sessions.len(), 5);
    assert!(!dir.path().join(INDEX_FILE).exists(), "a read-only store writes no index");
    let first = store.summaries();
    assert_eq!(first.sessions.len(), 5);
    let index_path = dir.path().join(INDEX_FILE);
    let text = fs::read_to_string(&index_path).expect("summaries write the index");
    assert_eq!(text.lines().count(), 6);
    let loaded = store.load_all();
    assert_eq!(fs::read_to_string(&index_path).expect("index"), text, "the same index");
    assert_eq!(store.summaries().sessions, first.sessions);
    assert_eq!(first.sessions[0].id.as_str(), "s4", "newest first");
    assert_eq!(first.sessions[0].tier, loaded.sessions[0].session.outcome.tier);

    // Proof that unchanged files are not read: a changed summary in the index is
    // believed while the file's size, time and inode match…
    let tampered: String = text
        .lines()
        .map(|line| {
            if line.starts_with("s0.ron\t") {
                let mut fields: Vec<&str> = line.split('\t').collect();
                fields[8] = "8";
                fields.join("\t")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&index_path, tampered).expect("written");
    let s0 = |store: &Store| {
        store.summaries().sessions.into_iter().find(|s| s.id.as_str() == "s0").expect("s0")
    };
    assert_eq!(s0(&store).tier, tension_check::core::Tier::Unclear);
    // …and a file that changed is read again.
    let path = store.sessions_dir().join("s0.ron");
    let bytes = fs::read(&path).expect("read");
    fs::remove_file(&path).expect("rm");
    fs::write(&path, &bytes).expect("written");
    assert_eq!(s0(&store).tier, loaded.sessions[4].session.outcome.tier);

    // A removed file drops out; a damaged index is ignored; a read-only store reads
    // the index but never writes it.
    fs::remove_file(store.sessions_dir().join("s1.ron")).expect("rm");
    assert_eq!(store.summaries().sessions.len(), 4);
    assert_eq!(fs::read_to_string(&index_path).expect("index").lines().count(), 5, "s1 dropped");
    fs::write(&index_path, "garbage\n\0\0").expect("written");
    let _ = read_only.load_all();
    assert_eq!(read_only.summaries().sessions.len(), 4);
    assert_eq!(fs::read(&index_path).expect("read"), b"garbage\n\0\0");
    assert_eq!(store.summaries().sessions.len(), 4);
    assert_eq!(fs::read_to_string(&index_path).expect("rebuilt").lines().count(), 5);
}

#[cfg(unix)]
#[test]
fn a_settings_file_that_is_a_pipe_or_a_link_never_blocks_the_start() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    make_fifo(&dir.path().join("settings.ron"));
    let (_, notice) = tension_check::store::settings::load(dir.path());
    assert!(notice.expect("told").contains("named pipe"));
    fs::remove_file(dir.path().join("settings.ron")).expect("rm");
    symlink("/etc/passwd", dir.path().join("settings.ron")).expect("link");
    let (_, notice) = tension_check::store::settings::load(dir.path());
    assert!(notice.expect("told").contains("symbolic link"));
}
