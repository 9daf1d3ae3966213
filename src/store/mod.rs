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
//!   [`Store::purge_trash`].
//! - A store opened with [`Store::open_read_only`] creates and changes nothing.
//! - Folder modes are set only on folders the store creates (0700); a data folder
//!   found open to other users is reported in [`Store::warnings`], not changed.
#![warn(missing_docs)]

pub mod backend;
pub mod bundle;
pub mod error;
#[doc(hidden)]
pub mod fs;
pub mod index;
pub mod location;
pub mod names;
pub mod read;
pub mod session;
mod set_aside;

use std::collections::{BTreeMap, BTreeSet};
use std::fs as stdfs;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeDelta, Utc};

use crate::core::wording::count;

pub use backend::{SessionStore, SetAside, StoreKind, Unavailable};
pub use error::StoreError;
#[doc(hidden)]
pub use fs::{FaultyFs, Fs, RealFs};
pub use index::{INDEX_FILE, SessionSummary};
pub use session::{FORMAT_VERSION, FileError, NOTE_FORMAT_VERSION, Note, Session, SessionId};

use fs::{TEMP_PREFIX, WriteError};
use read::ReadError;
use session::{MAX_NOTE_FILE_BYTES, MAX_SESSION_FILE_BYTES};

/// The subfolder holding session and note files.
pub const SESSIONS_DIR: &str = "sessions";
/// The subfolder holding files that could not be read.
pub const QUARANTINE_DIR: &str = "quarantine";
/// The subfolder holding deleted sessions and notes.
pub const TRASH_DIR: &str = "trash";
/// The lock file in the data folder.
pub const LOCK_FILE: &str = ".lock";
/// How long deleted sessions stay in the trash before [`Store::purge_trash`] may
/// remove them.
pub const TRASH_MAX_AGE: TimeDelta = TimeDelta::days(30);

const NOTE_SUFFIX: &str = ".note.ron";
const TRASH_TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// A data folder of saved sessions.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    sessions: PathBuf,
    quarantine: PathBuf,
    trash: PathBuf,
    fs: Box<dyn Fs>,
    /// Whether the store was opened with [`Store::open_read_only`].
    read_only: bool,
    /// Things about the folder the person should know, such as a data folder
    /// other users can change.
    warnings: Vec<String>,
    /// Holds a shared lock on the lock file while a writable store is open.
    _lock: Option<File>,
}

/// A session read from disk, with its note.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSession {
    /// The session.
    pub session: Session,
    /// Its file.
    pub path: PathBuf,
    /// Its note, if one was written.
    pub note: Option<Note>,
}

/// A file that could not be read and was moved, untouched, into quarantine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// Where it was.
    pub from: PathBuf,
    /// Where it is now.
    pub to: PathBuf,
    /// Why it could not be read.
    pub reason: String,
}

/// A file written by a newer version of the app. It is left where it is, unchanged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewerFile {
    /// The file.
    pub path: PathBuf,
    /// The format version it claims.
    pub format_version: u32,
    /// The session, when this build could still read it (to show read-only).
    pub session: Option<Session>,
}

/// A file that was left where it is because of a problem, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong, in plain words.
    pub reason: String,
}

/// What [`Store::load_all`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    /// The sessions that loaded, newest first.
    pub sessions: Vec<LoadedSession>,
    /// Files that did not parse and were moved into quarantine.
    pub quarantined: Vec<Quarantined>,
    /// Files from a newer version of the app, left in place.
    pub newer: Vec<NewerFile>,
    /// Files that could not be read or moved, left in place (in a read-only store,
    /// also the damaged files a writable one would have moved into quarantine).
    pub unreadable: Vec<Problem>,
    /// Files holding a session whose id is already listed from another file; left
    /// in place, listed once.
    pub duplicates: Vec<Problem>,
    /// Things about the data folder the person should know (see [`Store::warnings`]).
    pub warnings: Vec<String>,
    /// The quarantine folder, to name in messages.
    pub quarantine_dir: PathBuf,
}

impl LoadReport {
    /// A report of nothing loaded yet, naming `quarantine_dir` in its messages.
    pub fn empty(quarantine_dir: PathBuf) -> Self {
        LoadReport {
            sessions: Vec::new(),
            quarantined: Vec::new(),
            newer: Vec::new(),
            unreadable: Vec::new(),
            duplicates: Vec::new(),
            warnings: Vec::new(),
            quarantine_dir,
        }
    }

    /// How many files were left out: set aside, newer or unreadable. (A duplicate
    /// is not counted: its session is there, from the other file.)
    pub fn left_out(&self) -> usize {
        self.quarantined.len() + self.newer.len() + self.unreadable.len()
    }

    /// One sentence per file that was left out, naming it and saying why, such as
    /// "Set aside: … could not be read (…) and was moved to …".
    pub fn details(&self) -> Vec<String> {
        let mut out = self.warnings.clone();
        for q in &self.quarantined {
            out.push(format!(
                "Set aside: {} could not be read ({}) and was moved, unchanged, to {}.",
                q.from.display(),
                q.reason,
                q.to.display()
            ));
        }
        for newer in &self.newer {
            out.push(format!(
                "Left out: {} was saved by a newer version of Tension Check (format {}); it was left as it is.",
                newer.path.display(),
                newer.format_version
            ));
        }
        for problem in &self.unreadable {
            out.push(format!("Left out: {}: {}.", problem.path.display(), problem.reason));
        }
        for problem in &self.duplicates {
            out.push(format!("Listed once: {}: {}.", problem.path.display(), problem.reason));
        }
        out
    }

    /// Sentences for the person about anything that did not load, empty when all
    /// went well. For example: "2 files could not be read and were moved to …".
    pub fn messages(&self) -> Vec<String> {
        let mut out = self.warnings.clone();
        match self.quarantined.len() {
            0 => {}
            1 => out.push(format!(
                "1 file could not be read and was moved to {}.",
                self.quarantine_dir.display()
            )),
            n => out.push(format!(
                "{n} files could not be read and were moved to {}.",
                self.quarantine_dir.display()
            )),
        }
        match self.newer.len() {
            0 => {}
            1 => out.push(
                "1 session was saved by a newer version of Tension Check and was left as it is."
                    .to_string(),
            ),
            n => out.push(format!(
                "{n} sessions were saved by a newer version of Tension Check and were left as they are."
            )),
        }
        for problem in &self.unreadable {
            out.push(format!("Could not read {}: {}.", problem.path.display(), problem.reason));
        }
        match self.duplicates.len() {
            0 => {}
            1 => out.push(
                "1 file holds a session that is already listed from another file; it is listed once."
                    .to_string(),
            ),
            n => out.push(format!(
                "{n} files hold sessions that are already listed from other files; each is listed once."
            )),
        }
        out
    }
}

/// What [`Store::summaries`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Summaries {
    /// The summaries of the sessions that load, newest first.
    pub sessions: Vec<SessionSummary>,
    /// The files left out, as in [`Store::load_all`] (its `sessions` stay empty).
    pub report: LoadReport,
}

/// A deleted session or note in the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    /// The file in the trash.
    pub path: PathBuf,
    /// The session it belongs to.
    pub id: SessionId,
    /// Whether it is the note rather than the session.
    pub is_note: bool,
    /// When it was deleted.
    pub deleted_at: DateTime<Utc>,
}

/// What [`Store::purge_trash`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// The files removed for good.
    pub removed: Vec<PathBuf>,
    /// Files that were old enough but could not be removed.
    pub failed: Vec<Problem>,
}

/// What [`Store::export_backup`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// The files written into the backup folder.
    pub copied: Vec<PathBuf>,
    /// Files already in the backup folder with the same bytes, left as they are.
    pub already_there: Vec<PathBuf>,
    /// Files whose name is taken in the backup folder by different bytes; not copied,
    /// nothing overwritten.
    pub conflicts: Vec<PathBuf>,
}

/// What [`Store::import`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Sessions added to the store.
    pub imported: Vec<SessionId>,
    /// Sessions skipped because a session with the same id is already saved.
    pub duplicates: Vec<SessionId>,
    /// Files that are not readable sessions; not imported.
    pub unreadable: Vec<Problem>,
    /// Files written by a newer version of the app; not imported.
    pub newer: Vec<PathBuf>,
    /// Sessions or notes that were readable but could not be saved, and notes that
    /// could not be read.
    pub failed: Vec<Problem>,
    /// Notes imported along with their sessions (also for sessions already here).
    pub notes_imported: usize,
}

impl ImportReport {
    /// One sentence for the person, such as "Imported 3 sessions; 2 were already here."
    pub fn message(&self) -> String {
        let mut text = format!("Imported {}", count(self.imported.len(), "session", "sessions"));
        if !self.duplicates.is_empty() {
            text.push_str(&format!("; {} already here", self.duplicates.len()));
        }
        if self.notes_imported > 0 {
            text.push_str(&format!("; {}", count(self.notes_imported, "note", "notes")));
        }
        let skipped = self.unreadable.len() + self.newer.len() + self.failed.len();
        if skipped > 0 {
            text.push_str(&format!("; {} could not be imported", count(skipped, "file", "files")));
        }
        text.push('.');
        text
    }
}

impl Store {
    /// Opens the data folder `dir` for reading and writing, creating it and its
    /// `sessions/`, `quarantine/` and `trash/` folders (mode 0700 on Unix) as needed.
    /// Folders that exist keep their modes; see [`Store::warnings`].
    ///
    /// A `sessions/`, `quarantine/`, `trash/` or `.lock` that is a symbolic link is
    /// an error: nothing is written through a link inside the data folder.
    ///
    /// Temp files left in `sessions/` by an interrupted save are removed, but only
    /// when no other Store (in this or another process) has the folder open, so a
    /// save in progress elsewhere is never disturbed. Drop a Store to release it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::with_fs(dir, Box::new(RealFs))
    }

    /// Opens the data folder `dir` to read only: nothing is created, moved, locked
    /// or changed in any way. Damaged files are reported and left where they are;
    /// every change (save, note, delete, import…) fails with
    /// [`StoreError::ReadOnly`]. A data folder without `sessions/` reads as empty.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        let root = dir.as_ref().to_path_buf();
        let meta = stdfs::metadata(&root)
            .map_err(|source| StoreError::Folder { path: root.clone(), source })?;
        if !meta.is_dir() {
            return Err(StoreError::Folder {
                path: root,
                source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
            });
        }
        let mut warnings = Vec::new();
        check_private(&root, &meta, &mut warnings);
        let sessions = root.join(SESSIONS_DIR);
        match stdfs::symlink_metadata(&sessions) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Symlink { path: sessions });
            }
            _ => {}
        }
        Ok(Store {
            quarantine: root.join(QUARANTINE_DIR),
            trash: root.join(TRASH_DIR),
            sessions,
            root,
            fs: Box::new(RealFs),
            read_only: true,
            warnings,
            _lock: None,
        })
    }

    /// Like [`Store::open`], with the file operations going through `fs`. For
    /// fault-injection tests.
    #[doc(hidden)]
    pub fn with_fs(dir: impl AsRef<Path>, fs: Box<dyn Fs>) -> Result<Store, StoreError> {
        let root = dir.as_ref().to_path_buf();
        let folder_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Folder { path, source }
        };
        let mut warnings = Vec::new();
        // The data folder itself may be a link the person set up (to another disk,
        // say): it is followed. Links inside it are not.
        match stdfs::metadata(&root) {
            Ok(meta) if meta.is_dir() => check_private(&root, &meta, &mut warnings),
            Ok(_) => {
                return Err(StoreError::Folder {
                    path: root,
                    source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_private_dirs(fs.as_ref(), &root).map_err(folder_err(&root))?;
            }
            Err(e) => return Err(folder_err(&root)(e)),
        }
        let sessions = root.join(SESSIONS_DIR);
        let quarantine = root.join(QUARANTINE_DIR);
        let trash = root.join(TRASH_DIR);
        for sub in [&sessions, &quarantine, &trash] {
            match stdfs::symlink_metadata(sub) {
                Ok(m) if m.file_type().is_symlink() => {
                    return Err(StoreError::Symlink { path: sub.clone() });
                }
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(folder_err(sub)(io::Error::new(
                        io::ErrorKind::NotADirectory,
                        "not a folder",
                    )));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    match fs::create_private_dir(fs.as_ref(), sub) {
                        Ok(()) => {}
                        // Made meanwhile by another process.
                        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && sub.is_dir() => {}
                        Err(e) => return Err(folder_err(sub)(e)),
                    }
                }
                Err(e) => return Err(folder_err(sub)(e)),
            }
        }
        let lock_path = root.join(LOCK_FILE);
        let lock = open_lock_file(&lock_path).map_err(|e| {
            if is_symlink_refusal(&e) {
                StoreError::Symlink { path: lock_path.clone() }
            } else {
                folder_err(&lock_path)(e)
            }
        })?;
        match lock.try_lock() {
            Ok(()) => {
                clean_temp_files(fs.as_ref(), &sessions);
                // The index is rewritten through a temp file in the data folder.
                clean_temp_files(fs.as_ref(), &root);
                lock.unlock().map_err(folder_err(&lock_path))?;
                lock.lock_shared().map_err(folder_err(&lock_path))?;
            }
            Err(TryLockError::WouldBlock) => {
                lock.lock_shared().map_err(folder_err(&lock_path))?;
            }
            // Locks not supported here (some network shares): work without one and
            // leave temp files alone, since another process might be saving.
            Err(TryLockError::Error(_)) => {}
        }
        Ok(Store {
            root,
            sessions,
            quarantine,
            trash,
            fs,
            read_only: false,
            warnings,
            _lock: Some(lock),
        })
    }

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

    /// Saves a new session durably and returns its file.
    ///
    /// The file is written to a temp file, flushed to disk, then given its final
    /// name without overwriting anything, and the folder is flushed. If any step
    /// fails, nothing is left under the final name and the temp file is removed.
    /// An id that is already saved is an error: saved sessions are never replaced.
    pub fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        self.writable()?;
        let text = session.to_ron().map_err(|e| StoreError::Serialize {
            what: format!("the session {}", session.id),
            message: e.to_string(),
        })?;
        self.write_session_bytes(&session.id, text.as_bytes())
    }

    fn write_session_bytes(&self, id: &SessionId, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.session_path(id);
        match stdfs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(StoreError::Symlink { path }),
            Ok(_) => return Err(StoreError::AlreadySaved { id: id.clone(), path }),
            Err(_) => {}
        }
        match fs::write_new(self.fs.as_ref(), &self.sessions, &id.file_name(), bytes) {
            Ok(path) => Ok(path),
            Err(WriteError::Exists) => Err(StoreError::AlreadySaved { id: id.clone(), path }),
            Err(WriteError::Io(source)) => Err(StoreError::Save { path, source }),
        }
    }

    /// Reads every session in `sessions/`, newest first, with their notes.
    ///
    /// Each file is read only if it is a regular file (not through a link), up to
    /// a size cap, and checked against [`Session::validate`]. A file that does not
    /// read as a session is moved, untouched, into `quarantine/` (under a new name
    /// if that one is taken) and listed; in a read-only store it is listed and left
    /// where it is. A file from a newer format version is left in place and listed
    /// as newer. A second file holding an id already listed is listed as a
    /// duplicate and left in place. Everything else still loads.
    pub fn load_all(&self) -> LoadReport {
        self.load(!self.read_only)
    }

    fn load(&self, set_aside: bool) -> LoadReport {
        let (mut report, session_names, mut notes) = match self.scan() {
            Ok(scan) => scan,
            Err(report) => return *report,
        };
        let found = self.parse_names(&session_names, set_aside, &mut report);
        let kept = keep_one_per_id(found, |s| &s.id, &mut report);
        for (path, session) in kept {
            let note = notes
                .remove(&session.id.note_file_name())
                .and_then(|note_path| self.load_note_file(&note_path, set_aside, &mut report));
            report.sessions.push(LoadedSession { session, path, note });
        }
        report.sessions.sort_by(|a, b| {
            b.session
                .started_at
                .cmp(&a.session.started_at)
                .then_with(|| b.session.id.cmp(&a.session.id))
        });
        if set_aside && !self.read_only {
            self.write_index(&report.sessions);
        }
        report
    }

    /// The summaries of every session, newest first, for a list or a history:
    /// files unchanged since the index was written are only checked (size, time,
    /// inode), not read; the others are read and checked in full, as by
    /// [`Store::load_all`] (and set aside, in a writable store). Notes are not
    /// read. The report lists what was left out; its `sessions` stay empty.
    pub fn summaries(&self) -> Summaries {
        self.summaries_with(!self.read_only)
    }

    fn summaries_with(&self, set_aside: bool) -> Summaries {
        let (mut report, session_names, _) = match self.scan() {
            Ok(scan) => scan,
            Err(report) => return Summaries { sessions: Vec::new(), report: *report },
        };
        let mut index = self.read_index();
        let mut all: Vec<(PathBuf, SessionSummary)> = Vec::with_capacity(session_names.len());
        let mut to_parse = Vec::new();
        for name in session_names {
            let path = self.sessions.join(&name);
            match index.remove(&name) {
                Some((stamp, summary)) if index::Stamp::of(&path) == Some(stamp) => {
                    all.push((path, summary))
                }
                _ => to_parse.push(name),
            }
        }
        let found = self.parse_names(&to_parse, set_aside, &mut report);
        all.extend(found.into_iter().map(|(path, session)| (path, SessionSummary::of(&session))));
        let mut sessions: Vec<SessionSummary> =
            keep_one_per_id(all, |s| &s.id, &mut report).into_iter().map(|(_, s)| s).collect();
        sessions.sort_by(|a, b| b.started_at.cmp(&a.started_at).then_with(|| b.id.cmp(&a.id)));
        Summaries { sessions, report }
    }

    fn read_index(&self) -> index::Index {
        read::read_text(&self.root.join(INDEX_FILE), false, index::MAX_INDEX_BYTES)
            .ok()
            .and_then(|text| index::from_text(&text))
            .unwrap_or_default()
    }

    /// Rewrites the index when it differs from these sessions. Best effort: the
    /// index is a cache, rebuilt whenever it does not match.
    fn write_index(&self, sessions: &[LoadedSession]) {
        let index: index::Index = sessions
            .iter()
            .filter_map(|l| {
                let name = l.path.file_name()?.to_str()?.to_string();
                let stamp = index::Stamp::of(&l.path)?;
                Some((name, (stamp, SessionSummary::of(&l.session))))
            })
            .collect();
        if self.read_index() != index {
            let text = index::to_text(&index);
            let _ = fs::write_replace(self.fs.as_ref(), &self.root, INDEX_FILE, text.as_bytes());
        }
    }

    /// The report to fill, the session file names and the note files in
    /// `sessions/`, or the report of why the folder cannot be read.
    #[allow(clippy::type_complexity)]
    fn scan(
        &self,
    ) -> Result<(LoadReport, Vec<String>, BTreeMap<String, PathBuf>), Box<LoadReport>> {
        let mut report = LoadReport::empty(self.quarantine.clone());
        report.warnings = self.warnings.clone();
        let names = match list_ron_files(&self.sessions) {
            Ok(names) => names,
            // A read-only store of a folder with no sessions yet.
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => {
                return Err(Box::new(report));
            }
            Err(e) => {
                report
                    .unreadable
                    .push(Problem { path: self.sessions.clone(), reason: error::plain(&e) });
                return Err(Box::new(report));
            }
        };
        let (note_names, session_names): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|name| name.ends_with(NOTE_SUFFIX));
        let notes = note_names
            .into_iter()
            .map(|name| {
                let path = self.sessions.join(&name);
                (name, path)
            })
            .collect();
        Ok((report, session_names, notes))
    }

    /// Reads and checks the session files `names`; returns those that load and
    /// reports (and, with `set_aside`, moves into quarantine) the others.
    fn parse_names(
        &self,
        names: &[String],
        set_aside: bool,
        report: &mut LoadReport,
    ) -> Vec<(PathBuf, Session)> {
        // Reading and parsing is most of the work: spread it over the cores. Moving
        // files into quarantine stays sequential, below.
        let paths: Vec<PathBuf> = names.iter().map(|n| self.sessions.join(n)).collect();
        let parsed = parse_in_parallel(&paths);
        let mut found: Vec<(PathBuf, Session)> = Vec::new();
        for (path, parsed) in paths.into_iter().zip(parsed) {
            let (text, parsed) = match parsed {
                Parsed::Failed(e) if e.is_damaged() => {
                    self.set_aside(&path, e.reason(), set_aside, report);
                    continue;
                }
                Parsed::Failed(e) => {
                    report.unreadable.push(Problem {
                        path,
                        reason: format!("{}; it was left where it is", e.reason()),
                    });
                    continue;
                }
                Parsed::Panicked => {
                    report.unreadable.push(Problem {
                        path,
                        reason: "reading it failed unexpectedly; it was left where it is".into(),
                    });
                    continue;
                }
                Parsed::Text(text, parsed) => (text, parsed),
            };
            match *parsed {
                Ok(session) if session.format_version > FORMAT_VERSION => {
                    report.newer.push(NewerFile {
                        path,
                        format_version: session.format_version,
                        session: Some(session),
                    });
                }
                Ok(session) => found.push((path, session)),
                Err(err) => match session::probe_format_version(&text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(NewerFile {
                            path,
                            format_version: version,
                            session: None,
                        });
                    }
                    _ => self.set_aside(&path, err.to_string(), set_aside, report),
                },
            }
        }
        found
    }

    /// The saved session with this id, read from `sessions/<id>.ron` (never
    /// through a link, checked like every load, nothing moved); its note is read
    /// with [`Store::note`]. `Ok(None)` when that file does not exist or holds
    /// another id.
    pub fn load_session(&self, id: &SessionId) -> Result<Option<Session>, StoreError> {
        let path = self.session_path(id);
        let text = match read::read_text(&path, false, MAX_SESSION_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(StoreError::Unreadable { path, reason: e.reason() }),
        };
        let session = Session::from_ron(&text)
            .map_err(|e| StoreError::Unreadable { path: path.clone(), reason: e.to_string() })?;
        Ok(Some(session).filter(|s| s.id == *id))
    }

    /// Reads a note file; sets it aside if it does not parse (unless it is from a
    /// newer version, then it is left and listed as newer).
    fn load_note_file(
        &self,
        path: &Path,
        set_aside: bool,
        report: &mut LoadReport,
    ) -> Option<Note> {
        let text = match read::read_text(path, false, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_damaged() => {
                self.set_aside(path, e.reason(), set_aside, report);
                return None;
            }
            Err(e) => {
                report.unreadable.push(Problem {
                    path: path.to_path_buf(),
                    reason: format!("{}; it was left where it is", e.reason()),
                });
                return None;
            }
        };
        match Note::from_ron(&text) {
            Ok(note) => Some(note),
            Err(err) => {
                match session::probe_format_version(&text) {
                    Some(version) if version > NOTE_FORMAT_VERSION => {
                        report.newer.push(NewerFile {
                            path: path.to_path_buf(),
                            format_version: version,
                            session: None,
                        })
                    }
                    _ => self.set_aside(path, err.to_string(), set_aside, report),
                }
                None
            }
        }
    }

    /// Moves a damaged file into quarantine, or (when `move_it` is false, as in a
    /// read-only store) only reports it.
    fn set_aside(&self, path: &Path, reason: String, move_it: bool, report: &mut LoadReport) {
        if !move_it {
            report.unreadable.push(Problem {
                path: path.to_path_buf(),
                reason: format!("{reason}; it was left where it is"),
            });
            return;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match fs::move_no_clobber(self.fs.as_ref(), path, &self.quarantine, &name) {
            Ok(to) => report.quarantined.push(Quarantined { from: path.to_path_buf(), to, reason }),
            Err(e) => report.unreadable.push(Problem {
                path: path.to_path_buf(),
                reason: format!(
                    "{reason}; it could not be moved to {}: {}; it was left where it is",
                    self.quarantine.display(),
                    error::plain(&e)
                ),
            }),
        }
    }

    /// The note of a saved session, if it has one.
    pub fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        let path = self.note_path(id);
        let text = match read::read_text(&path, false, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(ReadError::Io(source)) => return Err(StoreError::Read { path, source }),
            Err(e) => return Err(StoreError::NoteUnreadable { path, message: e.reason() }),
        };
        Note::from_ron(&text)
            .map(Some)
            .map_err(|e| StoreError::NoteUnreadable { path, message: e.to_string() })
    }

    /// Sets the note of a saved session to `text`, edited now.
    pub fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
        self.set_note_at(id, text, Local::now().fixed_offset())
    }

    /// Sets the note of a saved session to `text`, edited at `edited_at`.
    ///
    /// The note file is replaced atomically (temp file, flush, rename, flush the
    /// folder): after a crash it holds either the old note or the new one. An error
    /// means the old note is unchanged; once the rename is done the edit is
    /// reported done. The session file itself is never touched.
    pub fn set_note_at(
        &self,
        id: &SessionId,
        text: &str,
        edited_at: DateTime<FixedOffset>,
    ) -> Result<Note, StoreError> {
        self.writable()?;
        if !is_regular_file(&self.session_path(id)) {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let note = Note::new(text, edited_at);
        let ron = note.to_ron().map_err(|e| StoreError::Serialize {
            what: format!("the note of session {id}"),
            message: e.to_string(),
        })?;
        fs::write_replace(self.fs.as_ref(), &self.sessions, &id.note_file_name(), ron.as_bytes())
            .map_err(|source| StoreError::Note { path: self.note_path(id), source })?;
        Ok(note)
    }

    /// Moves a session, and its note, into the trash. Nothing is deleted; see
    /// [`Store::undo_delete`] and [`Store::purge_trash`]. Returns the trash files.
    pub fn delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        self.delete_at(id, Utc::now())
    }

    /// Like [`Store::delete`], recording `now` as the deletion time.
    ///
    /// An error means nothing was moved. If the note cannot follow the session
    /// into the trash and the session cannot be put back either, the session stays
    /// in the trash (deleted, as asked) and the note stays beside where it was.
    pub fn delete_at(
        &self,
        id: &SessionId,
        now: DateTime<Utc>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        self.writable()?;
        let session_path = self.session_path(id);
        if !is_regular_file(&session_path) {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let stamp = now.format(TRASH_TIME_FORMAT).to_string();
        let session_trash = self.move_to_trash(&session_path, &stamp, &id.file_name())?;
        let mut moved = vec![session_trash.clone()];
        let note_path = self.note_path(id);
        if is_regular_file(&note_path) {
            match self.move_to_trash(&note_path, &stamp, &id.note_file_name()) {
                Ok(to) => moved.push(to),
                Err(err) => {
                    // Put the session back so that nothing changed, as the error says.
                    if fs::move_exact(self.fs.as_ref(), &session_trash, &session_path).is_ok() {
                        return Err(err);
                    }
                }
            }
        }
        Ok(moved)
    }

    fn move_to_trash(&self, from: &Path, stamp: &str, name: &str) -> Result<PathBuf, StoreError> {
        let names = (0..names::MAX_TRIES).map(|n| match n {
            0 => format!("{stamp}--{name}"),
            n => format!("{stamp}.{n}--{name}"),
        });
        let moved = names::first_free(
            names,
            |trash_name| {
                let to = self.trash.join(trash_name);
                fs::move_exact(self.fs.as_ref(), from, &to)
                    .map(|()| to.clone())
                    .map_err(|source| StoreError::Move { from: from.to_path_buf(), to, source })
            },
            |e| matches!(e, StoreError::Move { source, .. } if source.kind() == io::ErrorKind::AlreadyExists),
        );
        moved.unwrap_or_else(|| {
            Err(StoreError::Move {
                from: from.to_path_buf(),
                to: self.trash.clone(),
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "too many files with that name",
                ),
            })
        })
    }

    /// Every deleted session and note in the trash, newest deletion first. Files in
    /// the trash that the store did not put there (or that are not regular files)
    /// are left out.
    pub fn trash_entries(&self) -> Result<Vec<TrashEntry>, StoreError> {
        let read = match stdfs::read_dir(&self.trash) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => {
                return Ok(Vec::new());
            }
            Err(source) => return Err(StoreError::Read { path: self.trash.clone(), source }),
        };
        let mut entries: Vec<(TrashEntry, u32)> = read
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                parse_trash_name(&name).map(|(id, is_note, deleted_at, n)| {
                    (TrashEntry { path: entry.path(), id, is_note, deleted_at }, n)
                })
            })
            .collect();
        entries.sort_by(|(a, an), (b, bn)| {
            b.deleted_at.cmp(&a.deleted_at).then(bn.cmp(an)).then(b.path.cmp(&a.path))
        });
        Ok(entries.into_iter().map(|(entry, _)| entry).collect())
    }

    /// Brings back the most recently deleted session with this id, and the note
    /// deleted with it. Fails, changing nothing, if the id is saved again meanwhile
    /// or the note cannot come back with it (unless a newer note was written
    /// meanwhile: that one is kept and the old one stays in the trash). Returns the
    /// restored files.
    pub fn undo_delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        self.writable()?;
        let entries = self.trash_entries()?;
        let Some(session_entry) = entries.iter().find(|e| &e.id == id && !e.is_note) else {
            return Err(StoreError::NotInTrash { id: id.clone() });
        };
        let to = self.session_path(id);
        match fs::move_exact(self.fs.as_ref(), &session_entry.path, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::AlreadySaved { id: id.clone(), path: to });
            }
            Err(source) => {
                return Err(StoreError::Move { from: session_entry.path.clone(), to, source });
            }
        }
        let mut restored = vec![to.clone()];
        let note_entry = entries
            .iter()
            .find(|e| &e.id == id && e.is_note && e.deleted_at == session_entry.deleted_at);
        if let Some(note_entry) = note_entry {
            let note_to = self.note_path(id);
            match fs::move_exact(self.fs.as_ref(), &note_entry.path, &note_to) {
                Ok(()) => restored.push(note_to),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    // Put the session back beside its note, so nothing changed.
                    if fs::move_exact(self.fs.as_ref(), &to, &session_entry.path).is_ok() {
                        return Err(StoreError::Move {
                            from: note_entry.path.clone(),
                            to: note_to,
                            source,
                        });
                    }
                }
            }
        }
        Ok(restored)
    }

    /// Removes for good the trash entries deleted more than `max_age` before `now`
    /// (normally [`TRASH_MAX_AGE`]), and says which, so the UI can tell the person.
    pub fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        let mut report = PurgeReport::default();
        if let Err(e) = self.writable() {
            report.failed.push(Problem { path: self.trash.clone(), reason: e.to_string() });
            return report;
        }
        let entries = match self.trash_entries() {
            Ok(entries) => entries,
            Err(e) => {
                report.failed.push(Problem { path: self.trash.clone(), reason: e.to_string() });
                return report;
            }
        };
        for entry in entries {
            if now.signed_duration_since(entry.deleted_at) > max_age {
                match self.fs.remove(&entry.path) {
                    Ok(()) => report.removed.push(entry.path),
                    // Removed although an error was reported.
                    Err(_) if stdfs::symlink_metadata(&entry.path).is_err() => {
                        report.removed.push(entry.path)
                    }
                    Err(e) => {
                        report.failed.push(Problem { path: entry.path, reason: error::plain(&e) })
                    }
                }
            }
        }
        if !report.removed.is_empty() {
            // If this flush fails, a crash could bring a removed file back: no loss.
            let _ = self.fs.sync_dir(&self.trash);
        }
        report
    }

    /// Copies every session and note file, byte for byte, into `dest_dir`: all of
    /// them or none.
    ///
    /// Every file is read first; if any cannot be read (a link, a named pipe, too
    /// large…), nothing is written and the error lists them all. A new `dest_dir` is
    /// filled as a temp folder beside it and renamed into place once complete. In a
    /// folder that exists, files already there with the same bytes are counted;
    /// if a name is taken by different bytes, nothing is copied and the report
    /// lists the conflicts. Each copy is flushed to disk; nothing is overwritten.
    pub fn export_backup(&self, dest_dir: impl AsRef<Path>) -> Result<ExportReport, StoreError> {
        let dest = dest_dir.as_ref();
        let names = match list_ron_files(&self.sessions) {
            Ok(names) => names,
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => Vec::new(),
            Err(source) => return Err(StoreError::Read { path: self.sessions.clone(), source }),
        };
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for name in names {
            let from = self.sessions.join(&name);
            match read::read_bytes(&from, false, MAX_SESSION_FILE_BYTES.max(MAX_NOTE_FILE_BYTES)) {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) => problems.push(Problem { path: from, reason: e.reason() }),
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Backup { dest: dest.to_path_buf(), problems });
        }
        match stdfs::metadata(dest) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => self.backup_into_new(dest, &files),
            Ok(meta) if meta.is_dir() => self.backup_into_existing(dest, &files),
            Ok(_) => Err(StoreError::Export {
                from: self.sessions.clone(),
                to: dest.to_path_buf(),
                source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
            }),
            Err(source) => Err(StoreError::Export {
                from: self.sessions.clone(),
                to: dest.to_path_buf(),
                source,
            }),
        }
    }

    fn backup_into_new(
        &self,
        dest: &Path,
        files: &[(String, Vec<u8>)],
    ) -> Result<ExportReport, StoreError> {
        let fs = self.fs.as_ref();
        let export_err = |from: &Path, source| StoreError::Export {
            from: from.to_path_buf(),
            to: dest.to_path_buf(),
            source,
        };
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_private_dirs(fs, &parent).map_err(|e| export_err(&parent, e))?;
        let tmp = parent.join(format!("{TEMP_PREFIX}backup-{}", session::random_hex(8)));
        fs::create_private_dir(fs, &tmp).map_err(|e| export_err(&tmp, e))?;
        let mut written = Vec::new();
        let result = (|| {
            for (name, bytes) in files {
                match fs::write_new(fs, &tmp, name, bytes) {
                    Ok(path) => written.push(path),
                    Err(WriteError::Exists) => {
                        let e = io::Error::new(io::ErrorKind::AlreadyExists, "a name came twice");
                        return Err(export_err(&self.sessions.join(name), e));
                    }
                    Err(WriteError::Io(e)) => return Err(export_err(&self.sessions.join(name), e)),
                }
            }
            match fs.rename_no_replace(&tmp, dest) {
                Ok(()) => Ok(()),
                Err(_) if stdfs::symlink_metadata(&tmp).is_err() && dest.is_dir() => Ok(()),
                Err(e) => Err(export_err(&tmp, e)),
            }
        })();
        match result {
            Ok(()) => {
                // The backup is complete under its name; a failed flush cannot undo that.
                let _ = fs.sync_dir(&parent);
                Ok(ExportReport {
                    copied: files.iter().map(|(name, _)| dest.join(name)).collect(),
                    ..ExportReport::default()
                })
            }
            Err(err) => {
                for path in &written {
                    let _ = fs.remove(path);
                }
                // A temp folder that cannot be removed is left with its temp name,
                // never mistaken for the backup.
                let _ = fs.remove_dir(&tmp);
                Err(err)
            }
        }
    }

    fn backup_into_existing(
        &self,
        dest: &Path,
        files: &[(String, Vec<u8>)],
    ) -> Result<ExportReport, StoreError> {
        let fs = self.fs.as_ref();
        let mut report = ExportReport::default();
        let mut to_copy = Vec::new();
        for (name, bytes) in files {
            let existing = dest.join(name);
            if stdfs::symlink_metadata(&existing).is_err() {
                to_copy.push((name, bytes));
            } else if read::read_bytes(&existing, false, bytes.len() as u64)
                .is_ok_and(|old| &old == bytes)
            {
                report.already_there.push(existing);
            } else {
                report.conflicts.push(existing);
            }
        }
        if !report.conflicts.is_empty() {
            return Ok(report);
        }
        for (name, bytes) in to_copy {
            match fs::write_new(fs, dest, name, bytes) {
                Ok(path) => report.copied.push(path),
                Err(err) => {
                    // All or nothing: take back what this backup wrote.
                    for path in &report.copied {
                        let _ = fs.remove(path);
                    }
                    let _ = fs.sync_dir(dest);
                    let source = match err {
                        WriteError::Exists => io::Error::new(
                            io::ErrorKind::AlreadyExists,
                            "a file with that name appeared meanwhile",
                        ),
                        WriteError::Io(e) => e,
                    };
                    return Err(StoreError::Export {
                        from: self.sessions.join(name),
                        to: dest.to_path_buf(),
                        source,
                    });
                }
            }
        }
        Ok(report)
    }

    /// Imports sessions from a folder of session files (such as a backup) or from a
    /// single `.ron` file.
    ///
    /// Each file that reads as a session is saved as it is, byte for byte, unless a
    /// session with the same id is already saved, under any file name (then it is
    /// counted as a duplicate). A note beside it (`<name>.note.ron`) comes along,
    /// also for a session already here: when there is no note yet, or the imported
    /// one was edited later (the one it replaces goes to the trash). Files that do
    /// not read as sessions or notes, from a newer version, or that cannot be saved,
    /// are listed. Links inside a folder are not followed; a single file named by
    /// the person may be one.
    pub fn import(&self, src: &Path) -> ImportReport {
        let mut report = ImportReport::default();
        if let Err(e) = self.writable() {
            report.failed.push(Problem { path: src.to_path_buf(), reason: e.to_string() });
            return report;
        }
        let (files, follow): (Vec<PathBuf>, bool) = match stdfs::metadata(src) {
            Ok(meta) if meta.is_dir() => match list_ron_files(src) {
                Ok(names) => (
                    names
                        .into_iter()
                        .filter(|name| !name.ends_with(NOTE_SUFFIX))
                        .map(|name| src.join(name))
                        .collect(),
                    false,
                ),
                Err(e) => {
                    report
                        .unreadable
                        .push(Problem { path: src.to_path_buf(), reason: error::plain(&e) });
                    return report;
                }
            },
            Ok(_) => (vec![src.to_path_buf()], true),
            Err(e) => {
                report
                    .unreadable
                    .push(Problem { path: src.to_path_buf(), reason: error::plain(&e) });
                return report;
            }
        };
        let mut ids = self.ids_here();
        for path in files {
            self.import_file(&path, follow, &mut ids, &mut report);
        }
        report
    }

    /// The ids already here, under any file name (from the index where it is up to
    /// date; nothing is moved).
    pub(crate) fn ids_here(&self) -> BTreeSet<SessionId> {
        let here = self.summaries_with(false);
        let mut ids: BTreeSet<SessionId> = here.sessions.into_iter().map(|s| s.id).collect();
        ids.extend(here.report.newer.into_iter().filter_map(|n| n.session.map(|s| s.id)));
        ids
    }

    fn import_file(
        &self,
        path: &Path,
        follow: bool,
        ids: &mut BTreeSet<SessionId>,
        report: &mut ImportReport,
    ) {
        let limit = if follow { bundle::MAX_BUNDLE_BYTES } else { MAX_SESSION_FILE_BYTES };
        let text = match read::read_text(path, follow, limit) {
            Ok(text) => text,
            Err(e) => {
                report.unreadable.push(Problem { path: path.to_path_buf(), reason: e.reason() });
                return;
            }
        };
        if bundle::is_bundle(&text) {
            return self.import_bundle_text(&text, path, ids, report);
        }
        if text.len() as u64 > MAX_SESSION_FILE_BYTES {
            let reason = read::ReadError::TooLarge { limit: MAX_SESSION_FILE_BYTES }.reason();
            report.unreadable.push(Problem { path: path.to_path_buf(), reason });
            return;
        }
        let Some(id) = self.import_session_text(&text, path, ids, report) else { return };
        let note_src = path.with_extension("note.ron");
        let note = match read::read_text(&note_src, false, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return,
            Err(e) => {
                let reason = format!("the note could not be read: {}", e.reason());
                report.failed.push(Problem { path: note_src, reason });
                return;
            }
        };
        self.import_note_text(&note, &note_src, &id, report);
    }

    /// Saves the session in `text` (from `source`) byte for byte unless its id is
    /// already here. Returns its id when the session is here afterwards (imported or
    /// already there), so its note can follow.
    pub(crate) fn import_session_text(
        &self,
        text: &str,
        source: &Path,
        ids: &mut BTreeSet<SessionId>,
        report: &mut ImportReport,
    ) -> Option<SessionId> {
        let session = match Session::from_ron(text) {
            Ok(session) if session.format_version > FORMAT_VERSION => {
                report.newer.push(source.to_path_buf());
                return None;
            }
            Ok(session) => session,
            Err(err) => {
                match session::probe_format_version(text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(source.to_path_buf())
                    }
                    _ => report
                        .unreadable
                        .push(Problem { path: source.to_path_buf(), reason: err.to_string() }),
                }
                return None;
            }
        };
        let id = session.id;
        if ids.contains(&id) {
            report.duplicates.push(id.clone());
            return Some(id);
        }
        match self.write_session_bytes(&id, text.as_bytes()) {
            Ok(_) => {
                ids.insert(id.clone());
                report.imported.push(id.clone());
                Some(id)
            }
            Err(StoreError::AlreadySaved { .. }) => {
                report.duplicates.push(id.clone());
                Some(id)
            }
            Err(e) => {
                report.failed.push(Problem { path: source.to_path_buf(), reason: e.to_string() });
                None
            }
        }
    }

    /// Brings in the note in `text` (from `source`) for session `id`: when it has
    /// none yet, or this one was edited later (the one it replaces goes to the trash).
    pub(crate) fn import_note_text(
        &self,
        text: &str,
        src: &Path,
        id: &SessionId,
        report: &mut ImportReport,
    ) {
        let fail = |report: &mut ImportReport, reason: String| {
            report.failed.push(Problem { path: src.to_path_buf(), reason })
        };
        let note = match Note::from_ron(text) {
            Ok(note) => note,
            Err(err) => {
                match session::probe_format_version(text) {
                    Some(v) if v > NOTE_FORMAT_VERSION => report.newer.push(src.to_path_buf()),
                    _ => fail(report, format!("the note could not be read: {err}")),
                }
                return;
            }
        };
        let name = id.note_file_name();
        let current = match self.note(id) {
            Ok(current) => current,
            Err(e) => {
                return fail(
                    report,
                    format!("the note already here could not be read, so it was kept: {e}"),
                );
            }
        };
        let replaced = match current {
            None => None,
            Some(current) if current == note || current.edited_at >= note.edited_at => return,
            Some(_) => {
                let stamp = Utc::now().format(TRASH_TIME_FORMAT).to_string();
                match self.move_to_trash(&self.note_path(id), &stamp, &name) {
                    Ok(trashed) => Some(trashed),
                    Err(e) => {
                        return fail(report, format!("the note here could not be replaced: {e}"));
                    }
                }
            }
        };
        match fs::write_new(self.fs.as_ref(), &self.sessions, &name, text.as_bytes()) {
            Ok(_) => report.notes_imported += 1,
            Err(err) => {
                let why = match err {
                    WriteError::Exists => "a note was saved meanwhile".to_string(),
                    WriteError::Io(e) => error::plain(&e),
                };
                let kept = match replaced {
                    None => String::new(),
                    Some(trashed) => {
                        match fs::move_exact(self.fs.as_ref(), &trashed, &self.note_path(id)) {
                            Ok(()) => "; the note that was here is unchanged".to_string(),
                            Err(_) => format!(
                                "; the note that was here is in the trash at {}",
                                trashed.display()
                            ),
                        }
                    }
                };
                fail(report, format!("the note could not be saved: {why}{kept}"));
            }
        }
    }
}

/// One entry per id: the file named after its id wins, then the first name; the
/// others are reported as duplicates and left in place.
fn keep_one_per_id<T>(
    mut found: Vec<(PathBuf, T)>,
    id_of: impl Fn(&T) -> &SessionId,
    report: &mut LoadReport,
) -> Vec<(PathBuf, T)> {
    found.sort_by(|(a_path, a), (b_path, b)| {
        id_of(a)
            .cmp(id_of(b))
            .then_with(|| named_after_id(b_path, id_of(b)).cmp(&named_after_id(a_path, id_of(a))))
            .then_with(|| a_path.cmp(b_path))
    });
    let mut kept: Vec<(PathBuf, T)> = Vec::with_capacity(found.len());
    for (path, item) in found {
        if let Some((kept_path, last)) = kept.last()
            && id_of(last) == id_of(&item)
        {
            report.duplicates.push(Problem {
                reason: format!(
                    "it holds session {}, which is already listed from {}; it was left as it is",
                    id_of(&item),
                    kept_path.display()
                ),
                path,
            });
            continue;
        }
        kept.push((path, item));
    }
    kept
}

/// Whether `path` is a regular file (a link is not followed).
fn is_regular_file(path: &Path) -> bool {
    stdfs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Whether the file at `path` is named `<id>.ron`.
fn named_after_id(path: &Path, id: &SessionId) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy() == id.file_name())
}

/// The names of the `.ron` entries in `dir` (not temp or hidden files), sorted.
/// Entries of every type are listed, so links, folders and named pipes with such
/// names are reported by whoever reads them rather than skipped in silence.
fn list_ron_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in stdfs::read_dir(dir)? {
        let entry = entry?;
        let Ok(name) = entry.file_name().into_string() else { continue };
        if name.starts_with('.') || !name.ends_with(".ron") {
            continue;
        }
        names.push(name);
    }
    names.sort();
    Ok(names)
}

/// Parses `<yyyymmddThhmmssZ>[.<n>]--<id>.ron` or `...--<id>.note.ron`.
fn parse_trash_name(name: &str) -> Option<(SessionId, bool, DateTime<Utc>, u32)> {
    let (stamp, original) = name.split_once("--")?;
    let (stamp, n) = match stamp.split_once('.') {
        Some((stamp, n)) => (stamp, n.parse().ok()?),
        None => (stamp, 0),
    };
    let deleted_at = NaiveDateTime::parse_from_str(stamp, TRASH_TIME_FORMAT).ok()?.and_utc();
    let (id, is_note) = match original.strip_suffix(NOTE_SUFFIX) {
        Some(id) => (id, true),
        None => (original.strip_suffix(".ron")?, false),
    };
    Some((SessionId::parse(id).ok()?, is_note, deleted_at, n))
}

/// Adds a warning when the folder can be changed by other users. The mode is
/// left as it is: the person may have set it so on purpose.
fn check_private(dir: &Path, meta: &stdfs::Metadata, warnings: &mut Vec<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o022 != 0 {
            warnings.push(format!(
                "The data folder {} can be changed by other users (its mode is {mode:04o}). \
                 To keep your sessions private, run: chmod 700 {}",
                dir.display(),
                dir.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta, warnings);
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if stdfs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "a symbolic link"));
    }
    options.open(path)
}

fn is_symlink_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::InvalidInput
    }
}

/// Whether `name` is exactly what [`fs::temp_name`] makes: the prefix and 16 hex
/// digits. Nothing else is ever removed as a temp file.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Removes temp files left by interrupted saves. Best effort: a file that cannot be
/// removed now is tried again next time.
fn clean_temp_files(fs: &dyn Fs, dir: &Path) {
    let Ok(read) = stdfs::read_dir(dir) else { return };
    let mut removed = false;
    for entry in read.filter_map(Result::ok) {
        if is_temp_name(&entry.file_name().to_string_lossy())
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs.remove(&entry.path()).is_ok()
        {
            removed = true;
        }
    }
    if removed {
        let _ = fs.sync_dir(dir);
    }
}

/// A session file, read and parsed.
enum Parsed {
    Failed(ReadError),
    Panicked,
    Text(String, Box<Result<Session, FileError>>),
}

fn parse_one(path: &Path) -> Parsed {
    // Parsing cannot panic on bad input, but if it ever did, that one file is
    // reported and left in place rather than taking the whole list down.
    std::panic::catch_unwind(|| match read::read_text(path, false, MAX_SESSION_FILE_BYTES) {
        Ok(text) => {
            let parsed = Session::from_ron(&text);
            Parsed::Text(text, Box::new(parsed))
        }
        Err(e) => Parsed::Failed(e),
    })
    .unwrap_or(Parsed::Panicked)
}

/// Reads and parses `paths` on every core, keeping their order.
fn parse_in_parallel(paths: &[PathBuf]) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || paths.len() < 64 {
        return paths.iter().map(|p| parse_one(p)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|p| parse_one(p)).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(paths.len());
        for (handle, part) in handles.into_iter().zip(paths.chunks(chunk)) {
            match handle.join() {
                Ok(parsed) => out.extend(parsed),
                // Not retried here, where it would fail the same way: reported.
                Err(_) => out.extend(part.iter().map(|_| Parsed::Panicked)),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_stores_own_temp_names_count_as_temp_files() {
        assert!(is_temp_name(&fs::temp_name()));
        assert!(is_temp_name(".tmp-0123456789abcdef"));
        for other in
            [".tmp-", ".tmp-notes.txt", ".tmp-0123456789abcdef0", ".tmp-backup-0123456789abcdef"]
        {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn import_message_counts_in_singular_and_plural() {
        let mut report = ImportReport::default();
        assert_eq!(report.message(), "Imported 0 sessions.");
        report.newer.push(PathBuf::from("a.ron"));
        assert_eq!(report.message(), "Imported 0 sessions; 1 file could not be imported.");
        report.unreadable.push(Problem { path: "b.ron".into(), reason: "empty".into() });
        assert_eq!(report.message(), "Imported 0 sessions; 2 files could not be imported.");
    }
}
