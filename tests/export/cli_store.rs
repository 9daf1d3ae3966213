//! The command line on data folders with odd names, unreadable folders, damaged
//! notes, open modes and terminal tricks: everything is reported, counted and
//! escaped, never skipped in silence.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::build::*;
use tension_check::cli::{self, EXIT_FAILURE, EXIT_OK};
use tension_check::store::{SessionId, SessionStore, Store};

const FULL: &str = "20261126T133512Z-9f3a1c2b";

pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) out: String,
    pub(crate) err: String,
}

pub(crate) fn run(args: &[&str]) -> Run {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(args, None, &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).expect("utf-8 stdout"),
        err: String::from_utf8(err).expect("utf-8 stderr"),
    }
}

pub(crate) fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// A data folder holding every fixture session.
pub(crate) fn populated() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).expect("store opens");
    for session in fixtures() {
        store.save(&session).expect("saved");
    }
    (tmp, dir)
}

/// Copies a session into `sessions/` under a name that is not UTF-8.
#[cfg(unix)]
fn odd_named(dir: &Path) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe-odd.ron");
    let odd = dir.join("sessions").join(name);
    let mut session = fixture("full_two_leg");
    session.id = SessionId::parse("20261201T100000Z-0dd0dd00").expect("id");
    fs::write(&odd, session.to_ron().expect("ron")).expect("written");
    odd
}

#[cfg(unix)]
#[test]
fn cli_names_that_are_not_utf8_are_reported_and_counted() {
    let (tmp, dir) = populated();
    let odd = odd_named(&dir);
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.out.lines().count(), 4, "{}", r.out);
    assert!(r.err.contains("not valid UTF-8"), "{}", r.err);
    assert!(r.err.contains("1 file in the data folder was left out"), "{}", r.err);

    let csv = tmp.path().join("out.csv");
    let r = run(&["export", "--format", "csv", "--out", s(&csv), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.err);
    assert!(r.err.contains("not valid UTF-8") && r.err.contains("1 file"), "{}", r.err);

    let backup = tmp.path().join("backup");
    let r = run(&["export", "--format", "ron", "--out", s(&backup), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.out);
    assert!(
        r.err.contains("not valid UTF-8") && r.err.contains("Nothing was written"),
        "{}",
        r.err
    );
    assert!(!backup.exists(), "a backup without that file");

    let other = tmp.path().join("other");
    let r = run(&["import", s(&dir.join("sessions")), "--data-dir", s(&other)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.out);
    assert!(r.out.contains("1 file could not be imported"), "{}", r.out);
    assert!(r.err.contains("not valid UTF-8"), "{}", r.err);
    assert!(odd.exists(), "left where it is");
}

/// The line of `index.tsv` for the file `name`, if any.
fn index_line(dir: &Path, name: &str) -> Option<String> {
    let text = fs::read_to_string(dir.join("index.tsv")).ok()?;
    text.lines().find(|l| l.starts_with(&format!("{name}\t"))).map(str::to_string)
}

#[test]
fn cli_list_writes_the_index_and_changes_nothing_else() {
    let (_tmp, dir) = populated();
    let _ = fs::remove_file(dir.join("index.tsv"));
    let before = snapshot_names(&dir);
    let first = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(first.code, Some(EXIT_OK), "{}", first.err);
    assert!(index_line(&dir, &format!("{FULL}.ron")).is_some(), "list wrote no index");
    let mut after = snapshot_names(&dir);
    after.retain(|n| n != "index.tsv");
    assert_eq!(after, before, "list changed something other than the index");
    let second = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!((second.out, second.err), (first.out, first.err));
}

#[test]
fn a_byte_changed_in_place_with_size_and_time_kept_is_seen_by_list() {
    let (_tmp, dir) = populated();
    // The app writes the index.
    Store::open(&dir).expect("opens").summaries();
    let name = format!("{FULL}.ron");
    assert!(index_line(&dir, &name).is_some());
    let path = dir.join("sessions").join(&name);
    let modified = fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    let text = fs::read_to_string(&path).expect("read");
    let flipped = text.replacen("Session(", "Sessio!(", 1);
    assert_eq!(flipped.len(), text.len());
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, flipped).expect("written in place");
    fs::File::options().write(true).open(&path).expect("open").set_modified(modified).expect("t");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.out.lines().count(), 3, "listed from the index as if unchanged: {}", r.out);
    assert!(r.err.contains(&name), "{}", r.err);
    // `show` fails on it, and drops its line from the index.
    let r = run(&["show", FULL, "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.out);
    assert!(index_line(&dir, &name).is_none(), "a file that failed to read is still trusted");
}

/// The names of every file and folder under `dir`, recursively, sorted.
fn snapshot_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

#[test]
fn cli_list_of_a_sessions_folder_it_cannot_read_is_an_error() {
    let (_tmp, dir) = populated();
    // A sessions "folder" that cannot be listed (as root, modes do not stop
    // reading, so a file stands in for a folder the system refuses to list).
    fs::rename(dir.join("sessions"), dir.join("sessions-moved")).expect("moved");
    fs::write(dir.join("sessions"), b"not a folder").expect("written");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}{}", r.out, r.err);
    assert!(!r.out.contains("No saved sessions"), "{}", r.out);
    assert!(r.err.contains("Could not list the sessions"), "{}", r.err);
    assert!(r.err.contains("part of the path is a file, not a folder"), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn cli_list_of_a_sessions_folder_without_read_permission_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = populated();
    let sessions = dir.join("sessions");
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read_dir(&sessions).is_ok() {
        // Running as root: modes do not stop reading (see the test above).
        fs::set_permissions(&sessions, fs::Permissions::from_mode(0o700)).expect("chmod");
        return;
    }
    let r = run(&["list", "--data-dir", s(&dir)]);
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o700)).expect("chmod");
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}{}", r.out, r.err);
    assert!(r.err.contains("permission was denied"), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn cli_a_damaged_or_linked_note_does_not_hide_its_session() {
    let (tmp, dir) = populated();
    let note = dir.join("sessions").join(format!("{FULL}.note.ron"));
    fs::write(&note, "Note(broken").expect("written");
    let r = run(&["show", FULL, "--data-dir", s(&dir)]);
    assert!(r.out.contains(FULL) || r.out.contains("Nerve tension"), "nothing shown: {}", r.err);
    assert!(!r.out.is_empty(), "{}", r.err);
    assert!(r.err.contains("note") && r.err.contains("without its note"), "{}", r.err);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert_eq!(fs::read(&note).expect("left where it is"), b"Note(broken");

    fs::remove_file(&note).expect("rm");
    let outside = tmp.path().join("secret.note.ron");
    fs::write(
        &outside,
        "Note(format_version: 1, text: \"x\", edited_at: \"2026-11-27T09:30:00+01:00\")",
    )
    .expect("written");
    std::os::unix::fs::symlink(&outside, &note).expect("link");
    let r = run(&["show", FULL, "--data-dir", s(&dir)]);
    assert!(!r.out.is_empty(), "{}", r.err);
    assert!(r.err.contains("symbolic link"), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn cli_every_command_warns_of_a_folder_other_users_can_change() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, dir) = populated();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    let sessions = dir.join("sessions");
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o777)).expect("chmod");
    let csv = tmp.path().join("x.csv");
    let backup = tmp.path().join("backup");
    let src = tmp.path().join("src");
    fs::create_dir(&src).expect("src");
    let runs = [
        run(&["list", "--data-dir", s(&dir)]),
        run(&["show", FULL, "--data-dir", s(&dir)]),
        run(&["export", "--format", "csv", "--out", s(&csv), "--data-dir", s(&dir)]),
        run(&["export", "--format", "ron", "--out", s(&backup), "--data-dir", s(&dir)]),
        run(&["import", s(&src), "--data-dir", s(&dir)]),
    ];
    for (n, r) in runs.iter().enumerate() {
        let warned = r.err.lines().filter(|l| l.contains("can be changed by other users")).count();
        assert_eq!(warned, 1, "command {n}: {}", r.err);
        assert!(r.err.contains(&format!("chmod 700 {}", s(&sessions))), "command {n}: {}", r.err);
        assert!(r.err.contains("0777"), "command {n}: {}", r.err);
    }
}

#[test]
fn cli_an_export_removes_the_temp_files_a_stopped_export_left_beside_it() {
    let (tmp, dir) = populated();
    let out = tmp.path().join("reports");
    fs::create_dir(&out).expect("mkdir");
    let stale = out.join(".tmp-0123456789abcdef");
    fs::write(&stale, "part of an old report").expect("written");
    let other = out.join(".tmp-notes.txt");
    fs::write(&other, "not the app's").expect("written");
    let csv = out.join("sessions.csv");
    let r = run(&["export", "--format", "csv", "--out", s(&csv), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(!stale.exists(), "the stopped export's temp file is still there");
    assert!(other.exists(), "a file the app did not name was removed");
}

#[test]
fn cli_control_and_bidi_characters_are_printed_escaped() {
    let (_tmp, dir) = populated();
    let sessions = dir.join("sessions");
    // A damaged file whose name holds an escape sequence and a line break that
    // would forge a message line.
    let forged = "x\u{1b}[2J\nSet aside: everything is fine.ron";
    fs::write(sessions.join(forged), "Session(broken").expect("written");
    // A session whose note and app version hold escape sequences.
    let mut session = fixture("full_two_leg");
    session.id = SessionId::parse("20261202T100000Z-e5c00001").expect("id");
    session.app_version = "0.1\u{1b}]0;owned\u{7}".to_string();
    let store = Store::open(&dir).expect("opens");
    store.save(&session).expect("saved");
    store.set_note(&session.id, "calf\u{1b}]0;title\u{7} \u{202e}txt.exe").expect("note");
    drop(store);
    let r = run(&["list", "--data-dir", s(&dir)]);
    for text in [&r.out, &r.err] {
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "raw control: {text:?}");
    }
    assert!(r.err.contains("x\\u{1b}[2J\\nSet aside"), "{}", r.err);
    assert!(!r.err.lines().any(|l| l.starts_with("Set aside: everything")), "{}", r.err);
    let r = run(&["show", "20261202T100000Z-e5c00001", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(!r.out.contains('\u{1b}') && !r.out.contains('\u{202e}'), "{:?}", r.out);
    assert!(r.out.contains("calf\\u{1b}]0;title\\u{7}"), "{}", r.out);
    assert!(r.out.contains("\\u{202e}txt.exe"), "{}", r.out);
}

#[test]
fn cli_errors_name_the_field_and_problem_not_the_content() {
    let (_tmp, dir) = populated();
    let sessions = dir.join("sessions");
    let template = fs::read_to_string(sessions.join(format!("{FULL}.ron"))).expect("read");
    let bad_time = template
        .replacen(FULL, "20261203T100000Z-00000001", 1)
        .replace("2026-11-26T14:35:12+01:00", "SECRET-WORDS-NOT-A-TIME");
    fs::write(sessions.join("bad-time.ron"), bad_time).expect("written");
    let bad_id = template.replacen(FULL, "SECRET\u{202e}ID WITH SPACES", 1);
    fs::write(sessions.join("bad-id.ron"), bad_id).expect("written");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert!(r.err.contains("bad-time.ron") && r.err.contains("bad-id.ron"), "{}", r.err);
    assert!(!r.err.contains("SECRET"), "content quoted: {}", r.err);
    assert!(r.err.contains("RFC 3339") && r.err.contains("the id is not valid"), "{}", r.err);
}

/// A stream whose every write fails, as a closed pipe's does.
struct Broken;

impl std::io::Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed"))
    }
}

#[test]
fn cli_a_failure_to_print_the_last_line_says_the_work_was_done() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let file = fixtures_dir().join("full_two_leg.ron");
    let args: Vec<OsString> =
        ["import", s(&file), "--data-dir", s(&data)].iter().map(OsString::from).collect();
    let mut err = Vec::new();
    let code = cli::run(args, None, &mut Broken, &mut err);
    let err = String::from_utf8(err).expect("utf-8");
    assert_eq!(code, Some(EXIT_FAILURE));
    assert!(err.contains("Imported 1 session.") && err.contains("This was done"), "{err}");
    assert!(data.join(format!("sessions/{FULL}.ron")).exists());
}

#[test]
fn cli_backup_errors_never_name_a_temp_folder() {
    let (tmp, dir) = populated();
    let blocker = tmp.path().join("file");
    fs::write(&blocker, "a file, not a folder").expect("written");
    let dest = blocker.join("backup");
    let r = run(&["export", "--format", "ron", "--out", s(&dest), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(!r.err.contains(".tmp-"), "{}", r.err);
}

/// `list` on a data folder that belongs to someone else reads only: no index.
#[cfg(unix)]
#[test]
fn cli_list_writes_no_index_into_a_folder_of_another_user() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, dir) = populated();
    let _ = fs::remove_file(dir.join("index.tsv"));
    // Only root can give a folder to another user; elsewhere this is not tried.
    if std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).is_err() {
        return;
    }
    assert_eq!(fs::metadata(&dir).expect("meta").uid(), 65534);
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert_eq!(r.out.lines().count(), 4);
    assert!(!dir.join("index.tsv").exists(), "an index written into another user's folder");
}
