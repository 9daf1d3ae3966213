//! Saved sessions on disk.
//!
//! A [`Store`] owns a data folder laid out as:
//!
//! ```text
//! <data folder>/
//!   .lock                       held while a Store is open (see Store::open)
//!   sessions/<id>.ron           one file per session, written once, never changed
//!   sessions/<id>.note.ron      the session's note, the only thing that can change
//!   quarantine/                 files that could not be read, moved here untouched
//!   trash/<deleted-at>--<name>  deleted sessions and notes, kept for 30 days
//! ```
//!
//! Nothing here draws or talks to the network; the UI calls these functions and
//! shows the reports they return.
#![warn(missing_docs)]

pub mod error;
#[doc(hidden)]
pub mod fs;
pub mod location;
pub mod session;

use std::collections::BTreeMap;
use std::fs as stdfs;
use std::fs::{DirBuilder, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeDelta, Utc};

use crate::core::wording::count;

pub use error::StoreError;
#[doc(hidden)]
pub use fs::{FaultyFs, Fs, RealFs};
pub use session::{FORMAT_VERSION, NOTE_FORMAT_VERSION, Note, Session, SessionId};

use fs::{TEMP_PREFIX, WriteError};

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
    /// Holds a shared lock on the lock file while the store is open.
    _lock: File,
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
    /// Files that could not be read or moved, left in place.
    pub unreadable: Vec<Problem>,
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
            quarantine_dir,
        }
    }

    /// Sentences for the person about anything that did not load, empty when all
    /// went well. For example: "2 files could not be read and were moved to …".
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
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
        out
    }
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
    /// Sessions that were readable but could not be saved.
    pub failed: Vec<Problem>,
    /// Notes imported along with their sessions.
    pub notes_imported: usize,
}

impl ImportReport {
    /// One sentence for the person, such as "Imported 3 sessions; 2 were already here."
    pub fn message(&self) -> String {
        let mut text = format!("Imported {}", count(self.imported.len(), "session", "sessions"));
        if !self.duplicates.is_empty() {
            text.push_str(&format!("; {} already here", self.duplicates.len()));
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
    /// Opens the data folder `dir`, creating it and its `sessions/`, `quarantine/`
    /// and `trash/` folders (mode 0700 on Unix) as needed.
    ///
    /// Temp files left in `sessions/` by an interrupted save are removed, but only
    /// when no other Store (in this or another process) has the folder open, so a
    /// save in progress elsewhere is never disturbed. Drop a Store to release it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::with_fs(dir, Box::new(RealFs))
    }

    /// Like [`Store::open`], with the file operations of saves going through `fs`.
    /// For fault-injection tests.
    #[doc(hidden)]
    pub fn with_fs(dir: impl AsRef<Path>, fs: Box<dyn Fs>) -> Result<Store, StoreError> {
        let root = dir.as_ref().to_path_buf();
        let folder_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Folder { path, source }
        };
        if !root.is_dir() {
            private_dir_builder().recursive(true).create(&root).map_err(folder_err(&root))?;
        }
        let sessions = root.join(SESSIONS_DIR);
        let quarantine = root.join(QUARANTINE_DIR);
        let trash = root.join(TRASH_DIR);
        for sub in [&sessions, &quarantine, &trash] {
            make_private_dir(sub).map_err(folder_err(sub))?;
        }
        let lock_path = root.join(LOCK_FILE);
        let lock = open_lock_file(&lock_path).map_err(folder_err(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {
                clean_temp_files(&sessions);
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
        Ok(Store { root, sessions, quarantine, trash, fs, _lock: lock })
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
        let text = session.to_ron().map_err(|e| StoreError::Serialize {
            what: format!("the session {}", session.id),
            message: e.to_string(),
        })?;
        self.write_session_bytes(&session.id, text.as_bytes())
    }

    fn write_session_bytes(&self, id: &SessionId, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.session_path(id);
        if stdfs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::AlreadySaved { id: id.clone(), path });
        }
        match fs::write_new(self.fs.as_ref(), &self.sessions, &id.file_name(), bytes) {
            Ok(path) => Ok(path),
            Err(WriteError::Exists) => Err(StoreError::AlreadySaved { id: id.clone(), path }),
            Err(WriteError::Io(source)) => Err(StoreError::Save { path, source }),
        }
    }

    /// Reads every session in `sessions/`, newest first, with their notes.
    ///
    /// A file that does not parse is moved, untouched, into `quarantine/` (under a
    /// new name if that one is taken) and listed. A file from a newer format version
    /// is left in place and listed as newer. Everything else still loads.
    pub fn load_all(&self) -> LoadReport {
        let mut report = LoadReport::empty(self.quarantine.clone());
        let names = match list_ron_files(&self.sessions) {
            Ok(names) => names,
            Err(e) => {
                report
                    .unreadable
                    .push(Problem { path: self.sessions.clone(), reason: error::plain(&e) });
                return report;
            }
        };
        let (note_names, session_names): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|name| name.ends_with(NOTE_SUFFIX));
        let mut notes: BTreeMap<String, PathBuf> = note_names
            .into_iter()
            .map(|name| {
                let path = self.sessions.join(&name);
                (name, path)
            })
            .collect();

        // Reading and parsing is most of the work: spread it over the cores. Moving
        // files into quarantine and attaching notes stay sequential, below.
        let paths: Vec<PathBuf> = session_names.iter().map(|n| self.sessions.join(n)).collect();
        let parsed = parse_in_parallel(&paths);
        for (path, parsed) in paths.into_iter().zip(parsed) {
            let (text, parsed) = match parsed {
                Parsed::Io(e) => {
                    report.unreadable.push(Problem { path, reason: error::plain(&e) });
                    continue;
                }
                Parsed::NotText => {
                    self.quarantine_file(&path, NOT_TEXT.to_string(), &mut report);
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
                Ok(session) => {
                    let note = notes
                        .remove(&session.id.note_file_name())
                        .and_then(|note_path| self.load_note_file(&note_path, &mut report));
                    report.sessions.push(LoadedSession { session, path, note });
                }
                Err(err) => match session::probe_format_version(&text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(NewerFile {
                            path,
                            format_version: version,
                            session: None,
                        });
                    }
                    _ => self.quarantine_file(&path, err.to_string(), &mut report),
                },
            }
        }
        report.sessions.sort_by(|a, b| {
            b.session
                .started_at
                .cmp(&a.session.started_at)
                .then_with(|| b.session.id.cmp(&a.session.id))
        });
        report
    }

    /// Reads a note file; quarantines it if it does not parse (unless it is from a
    /// newer version, then it is left and listed as newer).
    fn load_note_file(&self, path: &Path, report: &mut LoadReport) -> Option<Note> {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(ReadError::Io(e)) => {
                report
                    .unreadable
                    .push(Problem { path: path.to_path_buf(), reason: error::plain(&e) });
                return None;
            }
            Err(ReadError::NotText) => {
                self.quarantine_file(path, NOT_TEXT.to_string(), report);
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
                    _ => self.quarantine_file(path, err.to_string(), report),
                }
                None
            }
        }
    }

    fn quarantine_file(&self, path: &Path, reason: String, report: &mut LoadReport) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match fs::move_no_clobber(path, &self.quarantine, &name) {
            Ok(to) => report.quarantined.push(Quarantined { from: path.to_path_buf(), to, reason }),
            Err(e) => report.unreadable.push(Problem {
                path: path.to_path_buf(),
                reason: format!(
                    "{reason}; it could not be moved to {}: {}",
                    self.quarantine.display(),
                    error::plain(&e)
                ),
            }),
        }
    }

    /// The note of a saved session, if it has one.
    pub fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        let path = self.note_path(id);
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(ReadError::Io(source)) => return Err(StoreError::Read { path, source }),
            Err(ReadError::NotText) => {
                return Err(StoreError::NoteUnreadable { path, message: NOT_TEXT.to_string() });
            }
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
    /// folder): after a crash it holds either the old note or the new one. The
    /// session file itself is never touched.
    pub fn set_note_at(
        &self,
        id: &SessionId,
        text: &str,
        edited_at: DateTime<FixedOffset>,
    ) -> Result<Note, StoreError> {
        if !self.session_path(id).is_file() {
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
    pub fn delete_at(
        &self,
        id: &SessionId,
        now: DateTime<Utc>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        let session_path = self.session_path(id);
        if !session_path.is_file() {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let stamp = now.format(TRASH_TIME_FORMAT).to_string();
        let mut moved = vec![self.move_to_trash(&session_path, &stamp, &id.file_name())?];
        let note_path = self.note_path(id);
        if note_path.is_file() {
            moved.push(self.move_to_trash(&note_path, &stamp, &id.note_file_name())?);
        }
        Ok(moved)
    }

    fn move_to_trash(&self, from: &Path, stamp: &str, name: &str) -> Result<PathBuf, StoreError> {
        for n in 0..10_000u32 {
            let trash_name =
                if n == 0 { format!("{stamp}--{name}") } else { format!("{stamp}.{n}--{name}") };
            let to = self.trash.join(trash_name);
            match fs::move_exact_no_clobber(from, &to) {
                Ok(()) => return Ok(to),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(source) => {
                    return Err(StoreError::Move { from: from.to_path_buf(), to, source });
                }
            }
        }
        Err(StoreError::Move {
            from: from.to_path_buf(),
            to: self.trash.clone(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "too many files with that name"),
        })
    }

    /// Every deleted session and note in the trash, newest deletion first. Files in
    /// the trash that the store did not put there are left out.
    pub fn trash_entries(&self) -> Result<Vec<TrashEntry>, StoreError> {
        let read = stdfs::read_dir(&self.trash)
            .map_err(|source| StoreError::Read { path: self.trash.clone(), source })?;
        let mut entries: Vec<(TrashEntry, u32)> = read
            .filter_map(Result::ok)
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
    /// deleted with it. Fails, changing nothing, if the id is saved again meanwhile.
    /// Returns the restored files.
    pub fn undo_delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        let entries = self.trash_entries()?;
        let Some(session_entry) = entries.iter().find(|e| &e.id == id && !e.is_note) else {
            return Err(StoreError::NotInTrash { id: id.clone() });
        };
        let to = self.session_path(id);
        match fs::move_exact_no_clobber(&session_entry.path, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::AlreadySaved { id: id.clone(), path: to });
            }
            Err(source) => {
                return Err(StoreError::Move { from: session_entry.path.clone(), to, source });
            }
        }
        let mut restored = vec![to];
        let note_entry = entries
            .iter()
            .find(|e| &e.id == id && e.is_note && e.deleted_at == session_entry.deleted_at);
        if let Some(note_entry) = note_entry {
            let to = self.note_path(id);
            // A note written meanwhile is kept; the old one then stays in the trash.
            match fs::move_exact_no_clobber(&note_entry.path, &to) {
                Ok(()) => restored.push(to),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    return Err(StoreError::Move { from: note_entry.path.clone(), to, source });
                }
            }
        }
        Ok(restored)
    }

    /// Removes for good the trash entries deleted more than `max_age` before `now`
    /// (normally [`TRASH_MAX_AGE`]), and says which, so the UI can tell the person.
    pub fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        let mut report = PurgeReport::default();
        let entries = match self.trash_entries() {
            Ok(entries) => entries,
            Err(e) => {
                report.failed.push(Problem { path: self.trash.clone(), reason: e.to_string() });
                return report;
            }
        };
        for entry in entries {
            if now.signed_duration_since(entry.deleted_at) > max_age {
                match stdfs::remove_file(&entry.path) {
                    Ok(()) => report.removed.push(entry.path),
                    Err(e) => {
                        report.failed.push(Problem { path: entry.path, reason: error::plain(&e) })
                    }
                }
            }
        }
        if !report.removed.is_empty() {
            let _ = fs::sync_dir(&self.trash);
        }
        report
    }

    /// Copies every session and note file, byte for byte, into `dest_dir` (created
    /// if needed). Each copy is flushed to disk; nothing in `dest_dir` is overwritten.
    pub fn export_backup(&self, dest_dir: impl AsRef<Path>) -> Result<ExportReport, StoreError> {
        let dest = dest_dir.as_ref();
        let export_err = |from: &Path, source| StoreError::Export {
            from: from.to_path_buf(),
            to: dest.to_path_buf(),
            source,
        };
        private_dir_builder().recursive(true).create(dest).map_err(|e| export_err(dest, e))?;
        let names = list_ron_files(&self.sessions)
            .map_err(|source| StoreError::Read { path: self.sessions.clone(), source })?;
        let mut report = ExportReport::default();
        for name in names {
            let from = self.sessions.join(&name);
            let bytes = stdfs::read(&from).map_err(|e| export_err(&from, e))?;
            match fs::write_new(&RealFs, dest, &name, &bytes) {
                Ok(path) => report.copied.push(path),
                Err(WriteError::Exists) => {
                    let existing = dest.join(&name);
                    if stdfs::read(&existing).is_ok_and(|old| old == bytes) {
                        report.already_there.push(existing);
                    } else {
                        report.conflicts.push(existing);
                    }
                }
                Err(WriteError::Io(e)) => return Err(export_err(&from, e)),
            }
        }
        Ok(report)
    }

    /// Imports sessions from a folder of session files (such as a backup) or from a
    /// single `.ron` file.
    ///
    /// Each file that reads as a session is saved as it is, byte for byte, unless a
    /// session with the same id is already saved (then it is counted as a duplicate).
    /// A note beside it (`<name>.note.ron`) comes along. Files that do not read as
    /// sessions, or are from a newer version, are listed and not imported.
    pub fn import(&self, src: &Path) -> ImportReport {
        let mut report = ImportReport::default();
        let files: Vec<PathBuf> = if src.is_dir() {
            match list_ron_files(src) {
                Ok(names) => names
                    .into_iter()
                    .filter(|name| !name.ends_with(NOTE_SUFFIX))
                    .map(|name| src.join(name))
                    .collect(),
                Err(e) => {
                    report
                        .unreadable
                        .push(Problem { path: src.to_path_buf(), reason: error::plain(&e) });
                    return report;
                }
            }
        } else {
            vec![src.to_path_buf()]
        };
        for path in files {
            self.import_file(&path, &mut report);
        }
        report
    }

    fn import_file(&self, path: &Path, report: &mut ImportReport) {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(ReadError::Io(e)) => {
                report
                    .unreadable
                    .push(Problem { path: path.to_path_buf(), reason: error::plain(&e) });
                return;
            }
            Err(ReadError::NotText) => {
                report
                    .unreadable
                    .push(Problem { path: path.to_path_buf(), reason: NOT_TEXT.into() });
                return;
            }
        };
        let session = match Session::from_ron(&text) {
            Ok(session) if session.format_version > FORMAT_VERSION => {
                report.newer.push(path.to_path_buf());
                return;
            }
            Ok(session) => session,
            Err(err) => {
                match session::probe_format_version(&text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(path.to_path_buf())
                    }
                    _ => report
                        .unreadable
                        .push(Problem { path: path.to_path_buf(), reason: err.to_string() }),
                }
                return;
            }
        };
        let id = session.id;
        match self.write_session_bytes(&id, text.as_bytes()) {
            Ok(_) => {}
            Err(StoreError::AlreadySaved { .. }) => {
                report.duplicates.push(id);
                return;
            }
            Err(e) => {
                report.failed.push(Problem { path: path.to_path_buf(), reason: e.to_string() });
                return;
            }
        }
        let note_src = path.with_extension("note.ron");
        if let Ok(note_text) = stdfs::read_to_string(&note_src)
            && Note::from_ron(&note_text).is_ok()
            && fs::write_new(
                self.fs.as_ref(),
                &self.sessions,
                &id.note_file_name(),
                note_text.as_bytes(),
            )
            .is_ok()
        {
            report.notes_imported += 1;
        }
        report.imported.push(id);
    }
}

const NOT_TEXT: &str = "it holds binary data, not text";

enum ReadError {
    Io(io::Error),
    NotText,
}

fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = stdfs::read(path).map_err(ReadError::Io)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

/// The names of the `.ron` files in `dir` (not temp or hidden files), sorted.
fn list_ron_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in stdfs::read_dir(dir)? {
        let entry = entry?;
        let Ok(name) = entry.file_name().into_string() else { continue };
        if name.starts_with('.') || !name.ends_with(".ron") {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            names.push(name);
        }
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

fn private_dir_builder() -> DirBuilder {
    #[allow(unused_mut)]
    let mut builder = DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
}

/// Creates `dir` (mode 0700 on Unix) or, if it exists, sets it to 0700.
fn make_private_dir(dir: &Path) -> io::Result<()> {
    match private_dir_builder().create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        stdfs::set_permissions(dir, stdfs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Removes temp files left by interrupted saves. Best effort: a file that cannot be
/// removed now is tried again next time.
fn clean_temp_files(dir: &Path) {
    let Ok(read) = stdfs::read_dir(dir) else { return };
    let mut removed = false;
    for entry in read.filter_map(Result::ok) {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && stdfs::remove_file(entry.path()).is_ok()
        {
            removed = true;
        }
    }
    if removed {
        let _ = fs::sync_dir(dir);
    }
}

/// A session file, read and parsed.
enum Parsed {
    Io(io::Error),
    NotText,
    Text(String, Box<Result<Session, ron::error::SpannedError>>),
}

fn parse_one(path: &Path) -> Parsed {
    match read_text(path) {
        Ok(text) => {
            let parsed = Session::from_ron(&text);
            Parsed::Text(text, Box::new(parsed))
        }
        Err(ReadError::Io(e)) => Parsed::Io(e),
        Err(ReadError::NotText) => Parsed::NotText,
    }
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
                // A parser thread cannot panic on bad input, but if one did, parse its
                // share again here rather than lose those sessions.
                Err(_) => out.extend(part.iter().map(|p| parse_one(p))),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
