//! The browser's entries behind the app's one interface to saved sessions
//! ([`SessionStore`]), so the browser build offers what the desktop does.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, TimeDelta, Utc};

use super::backup;
use super::files::{Files, SET_ASIDE, SETTINGS, TRASH};
use crate::settings::Settings;
use crate::store::settings::SettingsError;
use crate::store::{
    ExportReport, ImportReport, LoadReport, LoadedSession, Note, Problem, PurgeReport, Session,
    SessionId, SessionStore, SessionSummary, SetAside, StoreError, StoreKind, Summaries,
    TRASH_TIME_FORMAT, TrashEntry, is_note_file,
};

/// Folders do not exist in a browser: backups and imports are files of bytes.
fn no_folders() -> StoreError {
    StoreError::Unavailable {
        reason: "the browser version keeps no folders; a backup is one file to download"
            .to_string(),
    }
}

impl SessionStore for Files {
    fn kind(&self) -> StoreKind {
        StoreKind::Browser
    }

    fn describe(&self) -> String {
        "this browser's storage".to_string()
    }

    fn save(&self, session: &Session) -> Result<(), StoreError> {
        Files::save(self, session).map(drop)
    }

    fn summaries(&self) -> Summaries {
        let report = Files::load_all(self);
        let sessions = report.sessions.iter().map(|l| SessionSummary::of(&l.session)).collect();
        Summaries { sessions, report: LoadReport { sessions: Vec::new(), ..report } }
    }

    fn load(&self, id: &SessionId) -> Result<LoadedSession, StoreError> {
        Files::load_all(self)
            .sessions
            .into_iter()
            .find(|l| &l.session.id == id)
            .ok_or_else(|| StoreError::NotFound { id: id.clone() })
    }

    fn load_all(&self) -> LoadReport {
        Files::load_all(self)
    }

    fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        SessionStore::load(self, id).map(|l| l.note)
    }

    fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
        Files::set_note(self, id, text, Local::now().fixed_offset())
    }

    fn delete(&self, id: &SessionId) -> Result<(), StoreError> {
        Files::delete(self, id, Utc::now()).map(drop)
    }

    fn undo_delete(&self, id: &SessionId) -> Result<(), StoreError> {
        Files::undo_delete(self, id).map(drop)
    }

    fn trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
        let mut entries: Vec<TrashEntry> = self
            .keys_under(TRASH)
            .into_iter()
            .filter_map(|key| {
                let (stamp, name) = key[TRASH.len()..].split_once("--")?;
                let stamp = stamp.split('.').next()?;
                let deleted_at =
                    chrono::NaiveDateTime::parse_from_str(stamp, TRASH_TIME_FORMAT).ok()?.and_utc();
                let is_note = is_note_file(name);
                let id = SessionId::parse(name.trim_end_matches(".ron").trim_end_matches(".note"))
                    .ok()?;
                Some(TrashEntry { path: PathBuf::from(&key), id, is_note, deleted_at })
            })
            .collect();
        entries.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(b.path.cmp(&a.path)));
        Ok(entries)
    }

    fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        Files::purge_trash(self, now, max_age)
    }

    fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
        Ok(Files::set_aside(self)
            .into_iter()
            .map(|(key, text)| SetAside {
                name: key[SET_ASIDE.len()..].to_string(),
                size: text.len() as u64,
                location: key,
            })
            .collect())
    }

    fn set_aside_bytes(&self, name: &str) -> Result<Vec<u8>, StoreError> {
        self.get(&format!("{SET_ASIDE}{name}"))
            .map(String::into_bytes)
            .ok_or_else(|| StoreError::NotSetAside { name: name.to_string() })
    }

    fn remove_set_aside(&self, name: &str) -> Result<(), StoreError> {
        let key = format!("{SET_ASIDE}{name}");
        if self.get(&key).is_none() {
            return Err(StoreError::NotSetAside { name: name.to_string() });
        }
        self.remove(&key);
        Ok(())
    }

    fn backup_bytes(&self) -> Result<Vec<u8>, StoreError> {
        backup::backup(self).map(|(text, _)| text.into_bytes())
    }

    fn backup_to(&self, _: &Path) -> Result<ExportReport, StoreError> {
        Err(no_folders())
    }

    fn import_bytes(&self, bytes: &[u8], name: &str) -> ImportReport {
        match std::str::from_utf8(bytes) {
            Ok(text) => backup::import(self, name, text),
            Err(_) => ImportReport {
                unreadable: vec![Problem { path: name.into(), reason: "it is not text".into() }],
                ..ImportReport::default()
            },
        }
    }

    fn import_from(&self, path: &Path) -> ImportReport {
        ImportReport {
            failed: vec![Problem { path: path.to_path_buf(), reason: no_folders().to_string() }],
            ..ImportReport::default()
        }
    }

    fn draft(&self) -> Result<Option<String>, StoreError> {
        Ok(self.get(DRAFT_ENTRY))
    }

    fn keep_draft(&self, text: Option<&str>) -> Result<(), StoreError> {
        // Queued, and written to IndexedDB with the next flush (see `page::flush`).
        match text {
            Some(text) => self.put(DRAFT_ENTRY, text.to_string()),
            None => self.remove(DRAFT_ENTRY),
        }
        Ok(())
    }

    fn load_settings(&self) -> (Settings, Option<String>) {
        let Some(text) = self.get(SETTINGS) else { return (Settings::default(), None) };
        match Settings::from_ron(&text) {
            Some(settings) => (settings, None),
            None => (
                Settings::default(),
                Some("Your saved settings could not be read; the defaults are in use.".to_string()),
            ),
        }
    }

    fn save_settings(&self, settings: &Settings) -> Result<(), SettingsError> {
        // Queued, and written to IndexedDB with the next flush (see `page::flush`).
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new())
            .map_err(|e| SettingsError::Encode(e.to_string()))?;
        self.put(SETTINGS, text);
        Ok(())
    }
}

/// The entry of the check in progress: the same one `page::draft` reads.
const DRAFT_ENTRY: &str = crate::store::DRAFT_FILE;
