//! Helpers of the store tests: small file-system checks, and the shared sessions
//! and strategies of `tests/support` (re-exported here, so a test needs one `use`).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) use crate::support::build::*;
pub(crate) use crate::support::strategy::*;
use tension_check::store::Session;

/// The names of the temp files left in a folder.
pub(crate) fn temp_files(dir: &Path) -> Vec<String> {
    file_names(dir).into_iter().filter(|n| n.starts_with(".tmp-")).collect()
}

/// The sorted names of the files in a folder.
pub(crate) fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under `dir` with its bytes, keyed by its path relative to `dir`.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("readable folder") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path.is_dir() {
            for (sub, bytes) in snapshot(&path) {
                out.insert(PathBuf::from(entry.file_name()).join(sub), bytes);
            }
        } else {
            out.insert(PathBuf::from(entry.file_name()), fs::read(&path).expect("readable"));
        }
    }
    out
}

/// Equality that also compares the offsets of the times (DateTime's `==` compares
/// only the instants).
pub(crate) fn assert_same(a: &Session, b: &Session) {
    assert_eq!(a, b);
    assert_eq!(a.started_at.offset(), b.started_at.offset());
    assert_eq!(a.finished_at.offset(), b.finished_at.offset());
    assert_eq!(a.started_at.to_rfc3339(), b.started_at.to_rfc3339());
    assert_eq!(a.finished_at.to_rfc3339(), b.finished_at.to_rfc3339());
}
