//! The browser's saved sessions: the same RON texts as the desktop's files, held as
//! named entries (`sessions/<id>.ron`, `sessions/<id>.note.ron`, `trash/…`,
//! `set-aside/…`, `settings.ron`) in an in-memory copy of the browser's IndexedDB.
//!
//! Every change is made to the copy at once and queued as a write; the browser build
//! hands the queue to IndexedDB (see `crate::web::page`) and reports the change done only once
//! IndexedDB has it. Nothing here touches the browser, so it is tested natively.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

use crate::store::session::{FORMAT_VERSION, probe_format_version};
use crate::store::{
    LoadReport, LoadedSession, NewerFile, Note, PurgeReport, Quarantined, Session, SessionId,
    StoreError, TRASH_TIME_FORMAT, is_note_file,
};

/// Where a session lives.
pub const SESSIONS: &str = "sessions/";
/// Where deleted sessions and notes wait, as `trash/<time>--<name>`.
pub const TRASH: &str = "trash/";
/// Where entries that could not be read, or that a newer version wrote, are kept.
pub const SET_ASIDE: &str = "set-aside/";
/// The person's settings.
pub const SETTINGS: &str = crate::store::settings::FILE;
/// How set-aside entries are named in messages: the place the person finds them.
pub const SET_ASIDE_PLACE: &str = "“Set aside” on the Export screen";

/// One change for IndexedDB: the entry's new text, or `None` to remove it.
pub type Write = (String, Option<String>);

/// The entries and the writes not yet handed to IndexedDB.
#[derive(Debug, Default)]
struct Inner {
    entries: BTreeMap<String, String>,
    queued: Vec<Write>,
    /// What this visit set aside, listed in every load until the page is left, so
    /// that the person sees it wherever the app shows the load's messages.
    found: (Vec<Quarantined>, Vec<NewerFile>),
}

impl Inner {
    fn put(&mut self, key: String, text: String) {
        self.entries.insert(key.clone(), text.clone());
        self.queued.push((key, Some(text)));
    }

    fn remove(&mut self, key: &str) -> Option<String> {
        let text = self.entries.remove(key)?;
        self.queued.push((key.to_string(), None));
        Some(text)
    }

    /// Moves an entry to a name not yet taken, `to` or `to` with a number.
    fn rename(&mut self, from: &str, to: &str) -> Option<String> {
        let text = self.entries.get(from)?.clone();
        let target = free_name(&self.entries, to);
        self.remove(from);
        self.put(target.clone(), text);
        Some(target)
    }

    fn under(&self, prefix: &str) -> Vec<(String, String)> {
        self.entries
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// `name`, or `name` with `.2`, `.3`… before its extension, whichever is free.
fn free_name(entries: &BTreeMap<String, String>, name: &str) -> String {
    if !entries.contains_key(name) {
        return name.to_string();
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..)
        .map(|n| format!("{stem}.{n}.{ext}"))
        .find(|candidate| !entries.contains_key(candidate))
        .unwrap_or_else(|| name.to_string())
}

/// The browser's sessions, notes, trash and settings (see the module's text).
#[derive(Debug, Default)]
pub struct Files {
    inner: Mutex<Inner>,
}

impl Files {
    /// The entries as IndexedDB holds them.
    pub fn new(entries: impl IntoIterator<Item = (String, String)>) -> Files {
        let inner = Inner { entries: entries.into_iter().collect(), ..Inner::default() };
        Files { inner: Mutex::new(inner) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave half a change: each change
        // is made with a few map operations that do not panic.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The writes made since the last call, in order, for IndexedDB.
    pub fn take_writes(&self) -> Vec<Write> {
        std::mem::take(&mut self.lock().queued)
    }

    /// The text of one entry.
    pub fn get(&self, key: &str) -> Option<String> {
        self.lock().entries.get(key).cloned()
    }

    /// Sets one entry (the settings).
    pub fn put(&self, key: &str, text: String) {
        self.lock().put(key.to_string(), text);
    }

    /// Removes one entry, if it is there.
    pub fn remove(&self, key: &str) {
        self.lock().remove(key);
    }

    /// Saves a new session; a session already saved under its id is never replaced.
    pub(crate) fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let key = format!("{SESSIONS}{}", session.id.file_name());
        let text = session.to_ron().map_err(|e| StoreError::Serialize {
            what: format!("the session {}", session.id),
            message: e.to_string(),
        })?;
        let mut inner = self.lock();
        if inner.entries.contains_key(&key) {
            return Err(StoreError::AlreadySaved { id: session.id.clone(), path: key.into() });
        }
        inner.put(key.clone(), text);
        Ok(PathBuf::from(key))
    }

    /// Every session with its note, newest first. Entries that do not read as a
    /// session, and sessions from a newer version of the app, are moved under
    /// `set-aside/` unchanged and reported during this visit (every load lists them
    /// until the page is left; the next visit does not). Set-aside entries from a newer version come back by themselves once
    /// the app can read them.
    pub(crate) fn load_all(&self) -> LoadReport {
        let mut report = LoadReport::empty(PathBuf::from(SET_ASIDE_PLACE));
        let mut inner = self.lock();
        for (key, text) in inner.under(SET_ASIDE) {
            let name = &key[SET_ASIDE.len()..];
            let readable = Session::from_ron(&text)
                .is_ok_and(|s| s.format_version <= FORMAT_VERSION && name.ends_with(".ron"));
            let home = format!("{SESSIONS}{}", original_name(name));
            if readable && !inner.entries.contains_key(&home) {
                inner.rename(&key, &home);
            }
        }
        let mut sessions = Vec::new();
        for (key, text) in inner.under(SESSIONS) {
            if is_note_file(&key) {
                continue;
            }
            let name = &key[SESSIONS.len()..];
            let aside = format!("{SET_ASIDE}{name}");
            match Session::from_ron(&text) {
                Ok(session) if session.format_version <= FORMAT_VERSION => {
                    sessions.push((key, session));
                }
                parsed => {
                    let version = parsed
                        .as_ref()
                        .map(|s| s.format_version)
                        .ok()
                        .or_else(|| probe_format_version(&text))
                        .filter(|v| *v > FORMAT_VERSION);
                    let Some(to) = inner.rename(&key, &aside) else { continue };
                    match (version, parsed) {
                        (Some(format_version), parsed) => report.newer.push(NewerFile {
                            path: to.into(),
                            format_version,
                            session: parsed.ok(),
                        }),
                        (None, Err(e)) => report.quarantined.push(Quarantined {
                            from: key.into(),
                            to: to.into(),
                            reason: e.to_string(),
                        }),
                        (None, Ok(_)) => {}
                    }
                }
            }
        }
        for (key, session) in sessions {
            let note_key = format!("{SESSIONS}{}", session.id.note_file_name());
            let note = match inner.entries.get(&note_key).map(|t| Note::from_ron(t)) {
                Some(Ok(note)) => Some(note),
                Some(Err(e)) => {
                    let aside = format!("{SET_ASIDE}{}", session.id.note_file_name());
                    if let Some(to) = inner.rename(&note_key, &aside) {
                        report.quarantined.push(Quarantined {
                            from: note_key.into(),
                            to: to.into(),
                            reason: e.to_string(),
                        });
                    }
                    None
                }
                None => None,
            };
            report.sessions.push(LoadedSession { session, path: key.into(), note });
        }
        inner.found.0.append(&mut report.quarantined);
        inner.found.1.append(&mut report.newer);
        report.quarantined = inner.found.0.clone();
        report.newer = inner.found.1.clone();
        report.sessions.sort_by(|a, b| {
            b.session.started_at.cmp(&a.session.started_at).then(b.session.id.cmp(&a.session.id))
        });
        report
    }

    /// Sets the note of a saved session.
    pub(crate) fn set_note(
        &self,
        id: &SessionId,
        text: &str,
        edited_at: DateTime<FixedOffset>,
    ) -> Result<Note, StoreError> {
        let mut inner = self.lock();
        if !inner.entries.contains_key(&format!("{SESSIONS}{}", id.file_name())) {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let note = Note::new(text, edited_at);
        let ron = note.to_ron_of(id)?;
        inner.put(format!("{SESSIONS}{}", id.note_file_name()), ron);
        Ok(note)
    }

    /// Moves a session and its note into the trash; returns their new names.
    pub(crate) fn delete(
        &self,
        id: &SessionId,
        now: DateTime<Utc>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        let mut inner = self.lock();
        let stamp = now.format(TRASH_TIME_FORMAT);
        let mut moved = Vec::new();
        for name in [id.file_name(), id.note_file_name()] {
            let from = format!("{SESSIONS}{name}");
            if let Some(to) = inner.rename(&from, &format!("{TRASH}{stamp}--{name}")) {
                moved.push(PathBuf::from(to));
            } else if moved.is_empty() {
                return Err(StoreError::NotFound { id: id.clone() });
            }
        }
        Ok(moved)
    }

    /// Brings back the most recently deleted session with this id, with its note.
    pub(crate) fn undo_delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        let mut inner = self.lock();
        let session_to = format!("{SESSIONS}{}", id.file_name());
        if inner.entries.contains_key(&session_to) {
            return Err(StoreError::AlreadySaved { id: id.clone(), path: session_to.into() });
        }
        let Some(from) = inner
            .under(TRASH)
            .into_iter()
            .map(|(k, _)| k)
            .rfind(|k| trash_parts(k).is_some_and(|(_, name)| name == id.file_name()))
        else {
            return Err(StoreError::NotInTrash { id: id.clone() });
        };
        let mut restored =
            vec![PathBuf::from(inner.rename(&from, &session_to).unwrap_or_default())];
        let stamp = trash_parts(&from).map(|(stamp, _)| stamp.to_string()).unwrap_or_default();
        let note_to = format!("{SESSIONS}{}", id.note_file_name());
        let note_from = format!("{TRASH}{stamp}--{}", id.note_file_name());
        if !inner.entries.contains_key(&note_to)
            && let Some(to) = inner.rename(&note_from, &note_to)
        {
            restored.push(to.into());
        }
        Ok(restored)
    }

    /// Removes for good what was deleted more than `max_age` before `now`.
    pub(crate) fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        let mut report = PurgeReport::default();
        let mut inner = self.lock();
        for (key, _) in inner.under(TRASH) {
            let deleted = trash_parts(&key).and_then(|(stamp, _)| {
                chrono::NaiveDateTime::parse_from_str(stamp, TRASH_TIME_FORMAT).ok()
            });
            if let Some(deleted) = deleted
                && now.naive_utc().signed_duration_since(deleted) > max_age
            {
                inner.remove(&key);
                report.removed.push(key.into());
            }
        }
        report
    }

    /// The entries set aside: name and text, to download or remove.
    pub(crate) fn set_aside(&self) -> Vec<(String, String)> {
        self.lock().under(SET_ASIDE)
    }

    /// Removes every set-aside entry for good; returns how many.
    pub fn remove_set_aside(&self) -> usize {
        let mut inner = self.lock();
        let keys: Vec<String> = inner.under(SET_ASIDE).into_iter().map(|(k, _)| k).collect();
        keys.iter().filter(|k| inner.remove(k).is_some()).count()
    }

    /// Every saved session and note (not the trash), name and text, for a backup.
    pub(crate) fn sessions_and_notes(&self) -> Vec<(String, String)> {
        self.lock().under(SESSIONS)
    }

    /// Adds a note from an import, keeping a newer note already here.
    pub(crate) fn import_note(&self, id: &SessionId, note: &Note) -> Result<bool, StoreError> {
        let key = format!("{SESSIONS}{}", id.note_file_name());
        let mut inner = self.lock();
        let current = inner.entries.get(&key).and_then(|t| Note::from_ron(t).ok());
        if current.is_some_and(|c| c.edited_at >= note.edited_at) {
            return Ok(false);
        }
        let ron = note.to_ron_of(id)?;
        inner.put(key, ron);
        Ok(true)
    }

    /// The names of the entries under `prefix`.
    pub(crate) fn keys_under(&self, prefix: &str) -> Vec<String> {
        self.lock().under(prefix).into_iter().map(|(k, _)| k).collect()
    }

    /// Whether a session with this id is saved.
    pub(crate) fn has(&self, id: &SessionId) -> bool {
        self.lock().entries.contains_key(&format!("{SESSIONS}{}", id.file_name()))
    }
}

/// The trash entry `trash/<stamp>[.n]--<name>` as its time stamp and name.
fn trash_parts(key: &str) -> Option<(&str, &str)> {
    let (stamp, name) = key.strip_prefix(TRASH)?.split_once("--")?;
    Some((stamp.split('.').next().unwrap_or(stamp), name))
}

/// The name a set-aside entry had, without the `.2` a clash added.
fn original_name(name: &str) -> String {
    let Some(stem) = name.strip_suffix(".ron") else { return name.to_string() };
    match stem.rsplit_once('.') {
        Some((before, n)) if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() => {
            format!("{before}.ron")
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
