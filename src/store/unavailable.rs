//! The back end that keeps nothing: no data folder could be opened, or the browser's
//! storage cannot be used. Every operation fails with the reason, in plain words.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};

use super::backend::{SessionStore, SetAside, StoreKind};
use super::settings::{self, SettingsError};
use super::{
    ExportReport, ImportReport, LoadReport, LoadedSession, Note, Problem, PurgeReport, Session,
    SessionId, StoreError, Summaries, TrashEntry,
};
use crate::settings::Settings;

/// No place to keep sessions (no data folder could be opened, say): every
/// operation fails with the reason, in plain words. The person's settings may still
/// be kept elsewhere (see [`Unavailable::keeping_settings_in`]).
#[derive(Debug, Clone)]
pub struct Unavailable {
    reason: String,
    settings: SettingsPlace,
}

/// Where an [`Unavailable`] store keeps the person's settings all the same.
#[derive(Debug, Clone)]
enum SettingsPlace {
    /// Nowhere: the defaults, and a change is kept for this run only, without a word.
    Nowhere,
    /// In `settings.ron` in this folder: a data folder whose sessions cannot be kept.
    Folder(PathBuf),
    /// With another back end: the browser's storage, whose sessions cannot be kept.
    With(Arc<dyn SessionStore>),
}

impl Unavailable {
    /// A store that is unavailable because of `reason`, a plain sentence such as
    /// "Could not prepare the data folder /x: permission denied". It keeps no
    /// settings either.
    pub fn new(reason: impl Into<String>) -> Self {
        Unavailable { reason: reason.into(), settings: SettingsPlace::Nowhere }
    }

    /// The same, keeping the person's settings in `settings.ron` in the folder `dir`
    /// (the data folder that could not be opened for sessions).
    pub fn keeping_settings_in(self, dir: PathBuf) -> Self {
        Unavailable { settings: SettingsPlace::Folder(dir), ..self }
    }

    /// The same, keeping the person's settings with `store` (the browser's storage,
    /// which cannot keep sessions).
    pub fn keeping_settings_with(self, store: Arc<dyn SessionStore>) -> Self {
        Unavailable { settings: SettingsPlace::With(store), ..self }
    }

    /// Why.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    fn error(&self) -> StoreError {
        StoreError::Unavailable { reason: self.reason.clone() }
    }

    fn problem(&self, what: &str) -> Problem {
        Problem { path: what.into(), reason: self.reason.clone() }
    }
}

impl SessionStore for Unavailable {
    fn kind(&self) -> StoreKind {
        StoreKind::Unavailable
    }

    fn describe(&self) -> String {
        format!("no place to keep sessions ({})", self.reason)
    }

    fn save(&self, _: &Session) -> Result<(), StoreError> {
        Err(self.error())
    }

    fn summaries(&self) -> Summaries {
        Summaries { sessions: Vec::new(), report: self.load_all() }
    }

    fn load(&self, _: &SessionId) -> Result<LoadedSession, StoreError> {
        Err(self.error())
    }

    fn load_all(&self) -> LoadReport {
        let mut report = LoadReport::empty(Default::default());
        report
            .warnings
            .push(crate::core::wording::screens::messages::history_unavailable(&self.reason));
        report
    }

    fn note(&self, _: &SessionId) -> Result<Option<Note>, StoreError> {
        Err(self.error())
    }

    fn set_note(&self, _: &SessionId, _: &str) -> Result<Note, StoreError> {
        Err(self.error())
    }

    fn delete(&self, _: &SessionId) -> Result<(), StoreError> {
        Err(self.error())
    }

    fn undo_delete(&self, _: &SessionId) -> Result<(), StoreError> {
        Err(self.error())
    }

    fn trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
        Err(self.error())
    }

    fn purge_trash(&self, _: DateTime<Utc>, _: TimeDelta) -> PurgeReport {
        PurgeReport { removed: Vec::new(), failed: vec![self.problem("the trash")] }
    }

    fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
        Err(self.error())
    }

    fn set_aside_bytes(&self, _: &str) -> Result<Vec<u8>, StoreError> {
        Err(self.error())
    }

    fn remove_set_aside(&self, _: &str) -> Result<(), StoreError> {
        Err(self.error())
    }

    fn backup_bytes(&self) -> Result<Vec<u8>, StoreError> {
        Err(self.error())
    }

    fn backup_to(&self, _: &Path) -> Result<ExportReport, StoreError> {
        Err(self.error())
    }

    fn import_bytes(&self, _: &[u8], name: &str) -> ImportReport {
        ImportReport { failed: vec![self.problem(name)], ..ImportReport::default() }
    }

    fn import_from(&self, path: &Path) -> ImportReport {
        ImportReport {
            failed: vec![Problem { path: path.to_path_buf(), reason: self.reason.clone() }],
            ..ImportReport::default()
        }
    }

    fn draft(&self) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    fn keep_draft(&self, _: Option<&str>) -> Result<(), StoreError> {
        Err(self.error())
    }

    fn load_settings(&self) -> (Settings, Option<String>) {
        match &self.settings {
            SettingsPlace::Nowhere => (Settings::default(), None),
            SettingsPlace::Folder(dir) => settings::load(dir),
            SettingsPlace::With(store) => store.load_settings(),
        }
    }

    fn save_settings(&self, settings: &Settings) -> Result<(), SettingsError> {
        match &self.settings {
            SettingsPlace::Nowhere => Ok(()),
            SettingsPlace::Folder(dir) => settings::save(dir, settings).map(drop),
            SettingsPlace::With(store) => store.save_settings(settings),
        }
    }
}
