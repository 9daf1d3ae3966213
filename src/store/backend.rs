//! One interface to saved sessions, whatever keeps them: a data folder ([`Store`],
//! whose implementation is here), the browser's storage ([`super::browser`]), or
//! nothing at all ([`super::Unavailable`], with its reason).
//!
//! The operations are about sessions, not files, so that a back end without a file
//! system can offer all of them: a backup is one file of bytes ([`super::bundle`])
//! that any back end can write and read, and damaged entries are named, read and
//! removed by name. The person's settings are kept by the same back end.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, TimeDelta, Utc};

use super::settings::{self, SettingsError};
use super::{
    ExportReport, ImportReport, LoadReport, LoadedSession, Note, PurgeReport, Session, SessionId,
    Store, StoreError, Summaries, TrashEntry,
};
use crate::settings::Settings;

/// What kind of place keeps the sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// A data folder on disk.
    Files,
    /// The browser's storage.
    Browser,
    /// Nowhere: sessions can be neither saved nor read.
    Unavailable,
}

/// An entry that could not be read as a session or note and was set aside,
/// untouched (on disk: a file in `quarantine/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Its name, to pass to [`SessionStore::set_aside_bytes`] and
    /// [`SessionStore::remove_set_aside`].
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Where it is, for messages (a file path, or the browser's key).
    pub location: String,
}

/// Saved sessions, wherever they are kept. Every method reports failures in plain
/// words (a [`StoreError`], or the problems listed in a report); none panics.
pub trait SessionStore: Send + Sync + fmt::Debug {
    /// What kind of place this is.
    fn kind(&self) -> StoreKind;

    /// Where the sessions are, in words for messages, such as "the data folder
    /// /home/ana/.local/share/tension-check".
    fn describe(&self) -> String;

    /// Saves a new session; never replaces one with the same id.
    fn save(&self, session: &Session) -> Result<(), StoreError>;

    /// The summaries of every session, newest first, and what was left out: for
    /// lists, the history and trends, without loading every session in full.
    fn summaries(&self) -> Summaries;

    /// One session in full, with its note. [`StoreError::NotFound`] if it is not
    /// saved.
    fn load(&self, id: &SessionId) -> Result<LoadedSession, StoreError>;

    /// Every session in full, newest first, with their notes (for exports).
    fn load_all(&self) -> LoadReport;

    /// The note of a saved session, if it has one.
    fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError>;

    /// Sets the note of a saved session, edited now.
    fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError>;

    /// Moves a session and its note into the trash.
    fn delete(&self, id: &SessionId) -> Result<(), StoreError>;

    /// Brings back the most recently deleted session with this id, and its note.
    fn undo_delete(&self, id: &SessionId) -> Result<(), StoreError>;

    /// The deleted sessions and notes, newest deletion first.
    fn trash(&self) -> Result<Vec<TrashEntry>, StoreError>;

    /// Removes for good the trash entries deleted more than `max_age` before `now`.
    fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport;

    /// The entries that could not be read and were set aside.
    fn set_aside(&self) -> Result<Vec<SetAside>, StoreError>;

    /// The bytes of a set-aside entry, exactly as they were found (to save them
    /// somewhere else, or show them to someone who can help).
    fn set_aside_bytes(&self, name: &str) -> Result<Vec<u8>, StoreError>;

    /// Removes a set-aside entry for good, at the person's request.
    fn remove_set_aside(&self, name: &str) -> Result<(), StoreError>;

    /// A backup of every session and note as one file (see [`super::bundle`]): all
    /// of them or an error naming those that could not be read.
    fn backup_bytes(&self) -> Result<Vec<u8>, StoreError>;

    /// A backup written to `dest`: on disk, a new folder of session files (all or
    /// nothing). Back ends without folders refuse and say so.
    fn backup_to(&self, dest: &Path) -> Result<ExportReport, StoreError>;

    /// Imports sessions and notes from the bytes of a backup file or of one session
    /// file; `name` names it in the report.
    fn import_bytes(&self, bytes: &[u8], name: &str) -> ImportReport;

    /// Imports from `path`: a backup folder, a backup file or one session file.
    /// Back ends without files refuse and say so in the report.
    fn import_from(&self, path: &Path) -> ImportReport;

    /// The check in progress kept by [`SessionStore::keep_draft`] (a
    /// [`crate::core::Draft`] as RON), if any.
    fn draft(&self) -> Result<Option<String>, StoreError>;

    /// Keeps the check in progress (RON), replacing the one kept, or drops it with
    /// `None` once the check has ended.
    fn keep_draft(&self, text: Option<&str>) -> Result<(), StoreError>;

    /// The person's settings, and a sentence if the kept ones could not be read (the
    /// defaults are then in use).
    fn load_settings(&self) -> (Settings, Option<String>);

    /// Keeps the person's settings, replacing those kept.
    fn save_settings(&self, settings: &Settings) -> Result<(), SettingsError>;
}

impl SessionStore for Store {
    fn kind(&self) -> StoreKind {
        StoreKind::Files
    }

    fn describe(&self) -> String {
        format!("the data folder {}", self.dir().display())
    }

    fn save(&self, session: &Session) -> Result<(), StoreError> {
        Store::save(self, session).map(drop)
    }

    fn summaries(&self) -> Summaries {
        Store::summaries(self)
    }

    fn load(&self, id: &SessionId) -> Result<LoadedSession, StoreError> {
        let (path, session) =
            self.find_session(id)?.ok_or_else(|| StoreError::NotFound { id: id.clone() })?;
        // A note that cannot be read never hides its session: a damaged one is set
        // aside (in a writable store), a link or an unreadable one is left as it is.
        let note = Store::note(self, id).unwrap_or_else(|e| {
            if let StoreError::NoteUnreadable { path, .. } = &e
                && !self.is_read_only()
                && super::trash::is_regular_file(path)
            {
                self.set_aside_note(path, e.to_string());
            }
            None
        });
        Ok(LoadedSession { session, path, note })
    }

    fn load_all(&self) -> LoadReport {
        Store::load_all(self)
    }

    fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        Store::note(self, id)
    }

    fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
        Store::set_note(self, id, text)
    }

    fn delete(&self, id: &SessionId) -> Result<(), StoreError> {
        Store::delete(self, id).map(drop)
    }

    fn undo_delete(&self, id: &SessionId) -> Result<(), StoreError> {
        Store::undo_delete(self, id).map(drop)
    }

    fn trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
        Store::trash(self)
    }

    fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        Store::purge_trash(self, now, max_age)
    }

    fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
        Store::set_aside(self)
    }

    fn set_aside_bytes(&self, name: &str) -> Result<Vec<u8>, StoreError> {
        Store::set_aside_bytes(self, name)
    }

    fn remove_set_aside(&self, name: &str) -> Result<(), StoreError> {
        Store::remove_set_aside(self, name)
    }

    fn backup_bytes(&self) -> Result<Vec<u8>, StoreError> {
        Store::backup_bytes(self)
    }

    fn backup_to(&self, dest: &Path) -> Result<ExportReport, StoreError> {
        Store::backup_to(self, dest)
    }

    fn import_bytes(&self, bytes: &[u8], name: &str) -> ImportReport {
        Store::import_bytes(self, bytes, name)
    }

    fn import_from(&self, path: &Path) -> ImportReport {
        Store::import_from(self, path)
    }

    fn draft(&self) -> Result<Option<String>, StoreError> {
        Store::draft(self)
    }

    fn keep_draft(&self, text: Option<&str>) -> Result<(), StoreError> {
        Store::keep_draft(self, text)
    }

    fn load_settings(&self) -> (Settings, Option<String>) {
        // A store opened to read only leaves even a broken settings file as it is.
        if self.is_read_only() {
            settings::load_untouched(self.dir())
        } else {
            settings::load(self.dir())
        }
    }

    fn save_settings(&self, settings: &Settings) -> Result<(), SettingsError> {
        self.writable()?;
        settings::save_with(self.fs(), self.dir(), settings).map(drop)
    }
}
