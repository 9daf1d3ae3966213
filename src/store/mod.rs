//! Saved sessions on disk.
//!
//! A [`Store`] owns a data folder laid out as:
//!
//! ```text
//! <data folder>/
//!   .lock                       held while a writable Store is open (see Store::open)
//!   index.tsv                   summaries of the sessions, a rebuildable cache (index.rs)
//!   sessions/<id>.ron           one file per session, written once, never changed
//!   sessions/<id>.note.ron      the session's note, the only thing that can change
//!   quarantine/                 files that could not be read, moved here untouched
//!   trash/<deleted-at>--<name>  deleted sessions and notes, kept for 30 days
//! ```
//!
//! Nothing here draws or talks to the network; the UI calls these functions and
//! shows the reports they return.
//!
//! Rules kept everywhere:
//!
//! - Files are read only if they are regular files, never through a symbolic link
//!   inside the data folder, and only up to a size cap (a named pipe never blocks a
//!   read). Every session is checked against the limits of [`Session::validate`].
//! - A file that does not read as a session is moved, byte for byte, into
//!   `quarantine/` (by a writable store) and reported; nothing is ever overwritten
//!   or deleted, except trash entries older than [`TRASH_MAX_AGE`] by
//!   [`SessionStore::purge_trash`].
//! - A store opened with [`Store::open_read_only`] creates and changes nothing.
//! - Folder modes are set only on folders the store creates (0700); a data folder
//!   found open to other users is reported in [`Store::warnings`], not changed.
#![warn(missing_docs)]

pub mod backend;
mod backup;
pub mod browser;
pub mod bundle;
mod draft;
pub mod error;
#[cfg(feature = "test-support")]
mod faulty;
#[doc(hidden)]
pub mod fs;
pub(crate) mod import;
pub mod index;
mod load;
pub mod location;
mod moves;
pub mod names;
mod notes;
mod open;
mod os;
pub mod read;
mod reports;
pub mod session;
mod sessions;
mod set_aside;
pub mod settings;
mod summaries;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod test_support;
mod trash;
mod unavailable;
mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::fs as stdfs;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeDelta, Utc};

use crate::core::wording::count;

pub use backend::{SessionStore, SetAside, StoreKind};
pub use backup::BACKUP_INCOMPLETE;
pub use draft::DRAFT_FILE;
pub use error::StoreError;
use error::shown;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use faulty::FaultyFs;
#[doc(hidden)]
pub use fs::{Fs, RealFs};
pub use index::{INDEX_FILE, LegRatings, SessionSummary};
pub use notes::NOTES_LOCK_FILE;
pub use reports::{
    ExportReport, ImportReport, LoadReport, LoadedSession, NewerFile, Problem, PurgeReport,
    Quarantined, Summaries, TrashEntry,
};
pub use session::{
    FORMAT_VERSION, FileError, NOTE_FORMAT_VERSION, NOTE_SUFFIX, Note, Session, SessionId,
    is_note_file,
};
pub use unavailable::Unavailable;

use fs::WriteError;
use load::{keep_one_per_id, list_ron_files};
use read::ReadError;
use session::{MAX_NOTE_FILE_BYTES, MAX_SESSION_FILE_BYTES};
use trash::is_regular_file;

/// Reads a text file of the data folder through `fs` (see [`Fs::read`]).
pub(crate) fn read_text_with(fs: &dyn Fs, path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = fs.read(path, limit)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

/// The subfolder holding session and note files.
pub const SESSIONS_DIR: &str = "sessions";
/// The subfolder holding files that could not be read.
pub const QUARANTINE_DIR: &str = "quarantine";
/// The subfolder holding deleted sessions and notes.
pub const TRASH_DIR: &str = "trash";
/// The lock file in the data folder.
pub const LOCK_FILE: &str = ".lock";
/// How long deleted sessions stay in the trash before [`SessionStore::purge_trash`] may
/// remove them.
pub const TRASH_MAX_AGE: TimeDelta = TimeDelta::days(30);

/// How a trash entry's name gives the time of its deletion (UTC), as in
/// `trash/20261126T133512Z--<name>` (and the browser's `trash/` keys).
pub const TRASH_TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// A data folder of saved sessions. Its own methods open it and name its folders and
/// files; what it keeps (sessions, notes, the trash, backups, settings) is reached
/// through [`SessionStore`], as for every back end.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    sessions: PathBuf,
    quarantine: PathBuf,
    trash: PathBuf,
    fs: Box<dyn Fs>,
    /// Whether the store was opened with [`Store::open_read_only`].
    read_only: bool,
    /// Whether a read-only store may still rewrite `index.tsv` (see
    /// [`Store::keeping_index`]).
    index_writes: bool,
    /// Things about the folder the person should know, such as a data folder
    /// other users can change.
    warnings: Vec<String>,
    /// Holds a shared lock on the lock file while a writable store is open (an
    /// exclusive one until [`Store::tidy`] when opened with [`Store::open_untidied`]).
    lock: Option<File>,
    /// Whether temp files left by a crash are still to be removed, under the
    /// exclusive lock this store holds until then.
    tidy_pending: std::sync::atomic::AtomicBool,
}

impl Store {
    /// Whether the store was opened with [`Store::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Things about the data folder the person should know, in plain sentences,
    /// such as a data folder that other users can change. Also part of every
    /// [`LoadReport`].
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        if self.read_only { Err(StoreError::ReadOnly { path: self.root.clone() }) } else { Ok(()) }
    }

    pub(crate) fn fs(&self) -> &dyn Fs {
        self.fs.as_ref()
    }

    /// Reads a text file of the data folder through the store's file operations
    /// (see [`Fs::read`]).
    pub(crate) fn read_here(&self, path: &Path, limit: u64) -> Result<String, ReadError> {
        read_text_with(self.fs.as_ref(), path, limit)
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.root
    }

    /// The folder of session and note files.
    pub fn sessions_dir(&self) -> &Path {
        &self.sessions
    }

    /// The folder where unreadable files are moved.
    pub fn quarantine_dir(&self) -> &Path {
        &self.quarantine
    }

    /// The folder of deleted sessions.
    pub fn trash_dir(&self) -> &Path {
        &self.trash
    }

    /// Where the session with this id is (or would be) saved.
    pub fn session_path(&self, id: &SessionId) -> PathBuf {
        self.sessions.join(id.file_name())
    }

    /// Where the note of this session is (or would be) saved.
    pub fn note_path(&self, id: &SessionId) -> PathBuf {
        self.sessions.join(id.note_file_name())
    }
}
