//! The command line on data folders with odd names, unreadable folders, damaged
//! notes, open modes and terminal tricks: everything is reported, counted and
//! escaped, never skipped in silence.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;
use tension_check::cli::{self, EXIT_FAILURE};
use tension_check::store::{SessionId, Store};

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
