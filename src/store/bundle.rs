//! A backup as one file: every session and note, with a format version, as RON.
//!
//! ```text
//! Backup(
//!     format_version: 1,
//!     app_version: "0.1.0",
//!     sessions: [
//!         (session: "Session(\n    format_version: 2, …", note: Some("Note(…")),
//!     ],
//! )
//! ```
//!
//! Each session and note is kept as the exact text of its file, so an import saves
//! the same bytes as the original (and a session from a newer format survives the
//! trip). The desktop writes and reads it like a backup folder; the browser build
//! offers it as one download and takes it back through a file picker.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::shown;
use super::read::{self, ReadError};
use super::session::{MAX_NOTE_FILE_BYTES, MAX_SESSION_FILE_BYTES, SessionId};
use super::{ImportReport, Problem, Store, StoreError};

/// The format version this build writes; files claiming a higher one are refused.
pub const BUNDLE_FORMAT_VERSION: u32 = 1;
/// The largest backup file read, in bytes.
pub const MAX_BUNDLE_BYTES: u64 = 512 * 1024 * 1024;

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Backup")]
pub struct Bundle {
    /// [`BUNDLE_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The version of the app that wrote it.
    pub app_version: String,
    /// The sessions, each with its note.
    pub sessions: Vec<BundleEntry>,
    /// Notes whose session file was not there (set aside, say): their session's id
    /// and the note file's text. Imported when that session is there.
    #[serde(default)]
    pub lone_notes: Vec<(String, String)>,
}

/// One session of a backup file, as the text of its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleEntry {
    /// The session file's text.
    pub session: String,
    /// The note file's text, if the session has a note.
    pub note: Option<String>,
}

impl Bundle {
    /// An empty backup of this build's format.
    pub fn new() -> Self {
        Bundle {
            format_version: BUNDLE_FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            sessions: Vec::new(),
            lone_notes: Vec::new(),
        }
    }

    /// The backup as RON text.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let pretty = ron::ser::PrettyConfig::new().struct_names(true).indentor("    ".to_string());
        ron::ser::to_string_pretty(self, pretty).map(|text| text + "\n")
    }

    /// Reads a backup; says why not, in plain words, without quoting its content.
    pub fn from_ron(text: &str) -> Result<Bundle, String> {
        let bundle: Bundle = ron::from_str(text).map_err(|e| {
            format!("it is not a backup file this version can read (line {})", e.span.start.line)
        })?;
        if bundle.format_version > BUNDLE_FORMAT_VERSION {
            return Err(format!(
                "it was written by a newer version of Tension Check (backup format {})",
                bundle.format_version
            ));
        }
        Ok(bundle)
    }
}

impl Default for Bundle {
    fn default() -> Self {
        Bundle::new()
    }
}

/// Whether `text` looks like a backup file rather than one session.
pub fn is_bundle(text: &str) -> bool {
    text.trim_start().starts_with("Backup")
}

impl Store {
    /// Every session and note as one backup file ([`Bundle`]): all of them, or an
    /// error naming every file that could not be read.
    pub(crate) fn backup_bytes(&self) -> Result<Vec<u8>, StoreError> {
        let listing = match super::list_ron_files(self.sessions_dir()) {
            Ok(listing) => listing,
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.is_read_only() => {
                Default::default()
            }
            Err(source) => {
                return Err(StoreError::Read { path: self.sessions_dir().to_path_buf(), source });
            }
        };
        let mut problems: Vec<Problem> = listing.odd_problems().collect();
        let names: BTreeSet<String> = listing.names.into_iter().collect();
        let mut bundle = Bundle::new();
        let mut read = |path: PathBuf, limit: u64| match self.read_here(&path, limit) {
            Ok(text) => Some(text),
            Err(e) => {
                problems.push(Problem { path, reason: e.reason() });
                None
            }
        };
        for name in names.iter().filter(|n| !super::is_note_file(n)) {
            let path = self.sessions_dir().join(name);
            let Some(session) = read(path.clone(), MAX_SESSION_FILE_BYTES) else { continue };
            let note_name = path.with_extension("note.ron");
            let note = note_name
                .file_name()
                .and_then(|n| n.to_str())
                .filter(|n| names.contains(*n))
                .and_then(|_| read(note_name.clone(), MAX_NOTE_FILE_BYTES));
            bundle.sessions.push(BundleEntry { session, note });
        }
        // A note whose session file is not here is still kept.
        for name in names.iter().filter(|n| super::is_note_file(n)) {
            let id = name.trim_end_matches(super::NOTE_SUFFIX);
            if !names.contains(&format!("{id}.ron"))
                && let Some(text) = read(self.sessions_dir().join(name), MAX_NOTE_FILE_BYTES)
            {
                bundle.lone_notes.push((id.to_string(), text));
            }
        }
        let dest = PathBuf::from("the backup file");
        if !problems.is_empty() {
            return Err(StoreError::Backup { dest, problems });
        }
        bundle.to_ron().map(String::into_bytes).map_err(|e| StoreError::Serialize {
            what: "the backup".to_string(),
            message: e.to_string(),
        })
    }

    /// Imports the sessions and notes of a backup file, or one session file, given
    /// as bytes; `name` names it in the report. As [`Store::import_from`].
    pub(crate) fn import_bytes(&self, bytes: &[u8], name: &str) -> ImportReport {
        let mut report = ImportReport::default();
        let source = Path::new(name);
        if let Err(e) = self.writable() {
            report.failed.push(Problem { path: source.to_path_buf(), reason: e.to_string() });
            return report;
        }
        if bytes.len() as u64 > MAX_BUNDLE_BYTES {
            let reason = ReadError::TooLarge { limit: MAX_BUNDLE_BYTES }.reason();
            report.unreadable.push(Problem { path: source.to_path_buf(), reason });
            return report;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            let reason = read::NOT_TEXT.to_string();
            report.unreadable.push(Problem { path: source.to_path_buf(), reason });
            return report;
        };
        let mut ids = self.ids_here();
        if is_bundle(text) {
            self.import_bundle_text(text, source, &mut ids, &mut report);
        } else if text.len() as u64 > MAX_SESSION_FILE_BYTES {
            let reason = ReadError::TooLarge { limit: MAX_SESSION_FILE_BYTES }.reason();
            report.unreadable.push(Problem { path: source.to_path_buf(), reason });
        } else {
            self.import_session_text(text, source, &mut ids, &mut report);
        }
        report
    }

    /// Imports every entry of the backup text `text`, read from `source`.
    pub(crate) fn import_bundle_text(
        &self,
        text: &str,
        source: &Path,
        ids: &mut super::import::Here,
        report: &mut ImportReport,
    ) {
        let bundle = match Bundle::from_ron(text) {
            Ok(bundle) => bundle,
            Err(reason) => {
                report.unreadable.push(Problem { path: source.to_path_buf(), reason });
                return;
            }
        };
        for (n, entry) in bundle.sessions.iter().enumerate() {
            // Each entry is named by its place in the file.
            let label = PathBuf::from(format!("{} (session {})", shown(&source), n + 1));
            if entry.session.len() as u64 > MAX_SESSION_FILE_BYTES {
                let reason = ReadError::TooLarge { limit: MAX_SESSION_FILE_BYTES }.reason();
                report.unreadable.push(Problem { path: label, reason });
                continue;
            }
            let Some(id) = self.import_session_text(&entry.session, &label, ids, report) else {
                continue;
            };
            if let Some(note) = &entry.note {
                let label = PathBuf::from(format!("{} (note {})", shown(&source), n + 1));
                if note.len() as u64 > MAX_NOTE_FILE_BYTES {
                    let reason = format!(
                        "the note could not be read: {}",
                        ReadError::TooLarge { limit: MAX_NOTE_FILE_BYTES }.reason()
                    );
                    report.failed.push(Problem { path: label, reason });
                    continue;
                }
                self.import_note_text(note, &label, &id, report);
            }
        }
        for (id, note) in &bundle.lone_notes {
            let label = PathBuf::from(format!("{} (note of session {id})", shown(&source)));
            match SessionId::parse(id) {
                Ok(id) if ids.ids.contains(&id) && note.len() as u64 <= MAX_NOTE_FILE_BYTES => {
                    self.import_note_text(note, &label, &id, report)
                }
                _ => report.failed.push(Problem {
                    path: label,
                    reason: "the note's session is neither in the backup nor here".to_string(),
                }),
            }
        }
    }
}
