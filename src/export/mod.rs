//! Exports for a physical therapist: a printable report (PDF, HTML) with a trend
//! chart, a CSV of every answer, a session as plain text (the command line's
//! `show`), and the trend data the app's chart draws. [`Format`] lists the formats.
//!
//! [`render`] is the one entry point from sessions to the bytes of an export in any
//! format, with the rule that names its file ([`file_name`]). Everything here is a
//! pure function from sessions to text, except [`write`] and [`write_first_free`],
//! which put that text in a file durably.

pub mod answers;
pub mod chart;
pub mod csv;
pub mod format;
pub mod html;
pub mod pdf;
pub mod render;
pub mod report;
pub mod select;
pub mod style;
pub mod svg;
pub mod text;
pub mod trend;
pub mod words;

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::store::error::{plain, shown};
use crate::store::fs::{RealFs, WriteError, clean_temp_files, write_new, write_replace};
use crate::store::{LoadedSession, Session};

pub use format::{Format, UnknownFormat};
pub use render::{
    NotAReport, Rendered, backup_folder_name, file_name, file_names, render, write_first_free,
};
pub use select::Selection;
pub use trend::{Trend, trend_points};

/// A session to export, with its note if it has one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    /// The session.
    pub session: &'a Session,
    /// The text of its note, if any.
    pub note: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// A session without a note.
    pub fn new(session: &'a Session) -> Self {
        Entry { session, note: None }
    }

    /// A session with a note.
    pub fn with_note(session: &'a Session, note: &'a str) -> Self {
        Entry { session, note: Some(note) }
    }
}

impl<'a> From<&'a Session> for Entry<'a> {
    fn from(session: &'a Session) -> Self {
        Entry::new(session)
    }
}

impl<'a> From<&'a LoadedSession> for Entry<'a> {
    fn from(loaded: &'a LoadedSession) -> Self {
        Entry { session: &loaded.session, note: loaded.note.as_ref().map(|n| n.text.as_str()) }
    }
}

/// Why an export file could not be written.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The file exists and overwriting was not asked for. Nothing was changed.
    #[error("{} already exists; it was left as it is (choose another name, or allow replacing it)", shown(&path))]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The folder to write into does not exist.
    #[error("The folder {} does not exist", shown(&path))]
    NoFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The path names a folder, not a file.
    #[error("{} is a folder; give the name of a file to write", shown(&path))]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// Writing failed. Nothing is left under the file's name (unless a previous file
    /// was there, which is then unchanged).
    #[error("Could not write {}: {}", shown(&path), plain(source))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// Every name [`file_names`] gives for the day was taken in the folder.
    #[error("{} already holds {} exports of the day", shown(&folder), render::MAX_SAME_DAY)]
    NoFreeName {
        /// The folder.
        folder: PathBuf,
    },
}

/// Writes `bytes` to the file `path` durably: to a temp file in the same folder,
/// flushed to disk, then given its final name, and the folder flushed.
///
/// An existing file is never overwritten unless `replace` is true; then it is
/// replaced atomically (a reader sees the old file or the new one, never a mix).
/// The folder must exist. Returns the path written.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> Result<PathBuf, ExportError> {
    let io_err = |source| ExportError::Io { path: path.to_path_buf(), source };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Err(ExportError::IsFolder { path: path.to_path_buf() });
    };
    if path.is_dir() {
        return Err(ExportError::IsFolder { path: path.to_path_buf() });
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(ExportError::NoFolder { path: dir });
    }
    // The temp file of an export is written in the folder of the file; those a
    // stopped export left there (named as only the app names them) go now.
    clean_temp_files(&RealFs, &dir);
    if replace {
        write_replace(&RealFs, &dir, name, bytes).map_err(io_err)
    } else {
        match write_new(&RealFs, &dir, name, bytes) {
            Ok(path) => Ok(path),
            Err(WriteError::Exists) => Err(ExportError::Exists { path: path.to_path_buf() }),
            Err(WriteError::Io(source)) => Err(io_err(source)),
        }
    }
}

/// Escapes text for HTML and SVG, in element content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newlines are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
    }
}
