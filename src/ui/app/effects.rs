//! The disk work of the app's effects: run off the UI thread on the desktop, at once
//! in the browser, or at once on this thread for tests and the command line.

use super::*;
use crate::store::StoreKind;

impl App {
    pub(super) fn perform(&self, effect: Effect) -> Task<Message> {
        if let Effect::Exit = effect {
            return iced::exit();
        }
        match self.work(effect) {
            #[cfg(not(target_arch = "wasm32"))]
            Some(work) => Task::perform(
                async move {
                    tokio::task::spawn_blocking(work)
                        .await
                        .unwrap_or_else(|_| Message::Changed(Err("the task stopped".into())))
                },
                |message| message,
            ),
            // The browser has one thread and its storage is synchronous and fast.
            #[cfg(target_arch = "wasm32")]
            Some(work) => Task::done(work()),
            None => Task::none(),
        }
    }

    /// Handles a message and does any disk work at once, on this thread, feeding its
    /// answer back in. For tests and the command line.
    pub fn update_blocking(&mut self, message: Message) {
        let mut next = Some(message);
        while let Some(message) = next.take() {
            let effect = self.handle(message);
            next = self.work(effect).map(|work| work());
        }
    }

    /// The disk work of an effect, as a closure to run off the UI thread.
    fn work(&self, effect: Effect) -> Option<Box<dyn FnOnce() -> Message + Send>> {
        if let Effect::Exit = effect {
            return None;
        }
        if let Effect::Call(number) = effect {
            // Only the browser build shows call buttons: a phone opens its dialler.
            #[cfg(target_arch = "wasm32")]
            crate::web::call(number);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = number;
            return None;
        }
        if let Effect::SaveSettings(settings) = effect {
            let dir = self.settings_dir.clone()?;
            return Some(Box::new(move || Message::Exported {
                message: match prefs::save(&dir, &settings) {
                    Ok(_) => String::new(),
                    Err(e) => e.to_string(),
                },
                reload: false,
            }));
        }
        let store = self.store.clone();
        match effect {
            Effect::None | Effect::SaveSettings(_) | Effect::Exit | Effect::Call(_) => None,
            Effect::Save(session) => Some(Box::new(move || {
                let result = store.save(&session).map_err(|e| e.to_string());
                Message::Saved(session.id.clone(), result)
            })),
            Effect::Load => Some(Box::new(move || {
                let purge = store.purge_trash(Utc::now(), TimeDelta::days(30));
                let mut purged = Vec::new();
                let sessions = purge.removed.iter().filter(|p| !is_note(p)).count();
                if sessions > 0 {
                    purged.push(messages::trash_emptied(sessions));
                }
                // A store that keeps nothing says so once, in the load report.
                if store.kind() != StoreKind::Unavailable {
                    for problem in &purge.failed {
                        purged.push(messages::trash_not_emptied(
                            &problem.path.display().to_string(),
                            &problem.reason,
                        ));
                    }
                }
                Message::Loaded(Arc::new(Loaded { report: store.load_all(), purged }))
            })),
            Effect::SetNote(id, text) => Some(Box::new(move || {
                Message::Changed(
                    store
                        .set_note(&id, &text)
                        .map(|_| messages::NOTE_SAVED.to_string())
                        .map_err(|e| e.to_string()),
                )
            })),
            Effect::Delete(id) => Some(Box::new(move || {
                Message::Changed(
                    store.delete(&id).map(|_| String::new()).map_err(|e| e.to_string()),
                )
            })),
            Effect::Export { format, selection, folder } => {
                let sessions = self.history.clone().unwrap_or_default();
                Some(Box::new(move || {
                    // Nowhere to read sessions from: say why, as for every other action.
                    if let (StoreKind::Unavailable, Err(e)) = (store.kind(), store.backup_bytes()) {
                        let message = messages::not_possible(&e.to_string());
                        return Message::Exported { message, reload: false };
                    }
                    let message = export_files(&*store, &sessions, format, &selection, &folder)
                        .unwrap_or_else(|why| messages::not_saved(&why));
                    Message::Exported { message, reload: false }
                }))
            }
            Effect::Import(path) => Some(Box::new(move || {
                let report = store.import_from(&path);
                let message = match (store.kind(), report.failed.first()) {
                    (StoreKind::Unavailable, Some(problem)) => {
                        messages::not_possible(&problem.reason)
                    }
                    _ => report.message(),
                };
                Message::Exported { message, reload: true }
            })),
            Effect::Undo(id) => Some(Box::new(move || {
                Message::Changed(
                    store
                        .undo_delete(&id)
                        .map(|_| messages::RESTORED.to_string())
                        .map_err(|e| e.to_string()),
                )
            })),
        }
    }
}

/// Writes the chosen sessions into `folder`; returns a sentence saying what was written.
fn export_files(
    store: &dyn SessionStore,
    sessions: &[LoadedSession],
    format: export::Format,
    selection: &Selection,
    folder: &std::path::Path,
) -> Result<String, String> {
    if !folder.is_dir() {
        return Err(messages::no_such_folder(&folder.display().to_string()));
    }
    let stamp = Local::now().format("%Y-%m-%d").to_string();
    if format == export::Format::Backup {
        let target =
            folder.join(format!("tension-check-backup-{}", Local::now().format("%Y-%m-%d-%H%M%S")));
        let report = store.backup_to(&target).map_err(|e| e.to_string())?;
        let files = report.copied.len() + report.already_there.len();
        return Ok(messages::backed_up(files, &target.display().to_string()));
    }
    let entries: Vec<Entry<'_>> =
        sessions.iter().map(Entry::from).filter(|e| selection.matches(e.session)).collect();
    if entries.is_empty() {
        return Err(messages::NOTHING_TO_EXPORT.to_string());
    }
    let now = Local::now().fixed_offset();
    let (bytes, extension) = match format {
        export::Format::Pdf => (crate::export::pdf::report_pdf(&entries, now), "pdf"),
        export::Format::Html => {
            (crate::export::html::report_html(&entries, now).into_bytes(), "html")
        }
        _ => (crate::export::csv::sessions_csv(&entries).into_bytes(), "csv"),
    };
    for n in 1..=100 {
        let name = match n {
            1 => format!("tension-check-{stamp}.{extension}"),
            n => format!("tension-check-{stamp}-{n}.{extension}"),
        };
        match crate::export::write(&folder.join(name), &bytes, false) {
            Ok(path) => {
                return Ok(messages::exported(entries.len(), &path.display().to_string()));
            }
            Err(crate::export::ExportError::Exists { .. }) => continue,
            Err(error) => return Err(error.to_string()),
        }
    }
    Err(messages::TOO_MANY_EXPORTS.to_string())
}

/// The person's usual folders that exist, offered on the export screen with one
/// tap each: Documents, Downloads, Desktop, then the home folder.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn export_places() -> Vec<export::Place> {
    use crate::core::wording::screens::export as words;
    let mut places: Vec<export::Place> = Vec::new();
    let mut add = |label: &'static str, dir: Option<&std::path::Path>| {
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            let path = dir.display().to_string();
            if !places.iter().any(|p| p.path == path) {
                places.push(export::Place { label, path });
            }
        }
    };
    if let Some(dirs) = directories::UserDirs::new() {
        add(words::DOCUMENTS, dirs.document_dir());
        add(words::DOWNLOADS, dirs.download_dir());
        add(words::DESKTOP, dirs.desktop_dir());
        add(words::HOME, Some(dirs.home_dir()));
    }
    places
}

/// The browser build saves nothing to folders.
#[cfg(target_arch = "wasm32")]
pub(super) fn export_places() -> Vec<export::Place> {
    Vec::new()
}

fn is_note(path: &std::path::Path) -> bool {
    path.to_string_lossy().ends_with(".note.ron")
}

/// The browser build's localStorage, until the browser back end implements every
/// operation: saving and loading go to `crate::web`; the rest is not available there.
#[cfg(target_arch = "wasm32")]
#[derive(Debug)]
pub(super) struct LocalStorage;

#[cfg(target_arch = "wasm32")]
mod local_storage {
    use std::path::Path;

    use chrono::{DateTime, TimeDelta, Utc};

    use super::LocalStorage;
    use crate::core::wording::screens::messages::NOT_IN_BROWSER;
    use crate::store::{
        ExportReport, ImportReport, LoadReport, LoadedSession, Note, PurgeReport, Session,
        SessionId, SessionStore, SessionSummary, SetAside, StoreError, StoreKind, Summaries,
        TrashEntry, Unavailable,
    };

    fn not_here() -> Unavailable {
        Unavailable::new(NOT_IN_BROWSER)
    }

    impl SessionStore for LocalStorage {
        fn kind(&self) -> StoreKind {
            StoreKind::Browser
        }
        fn describe(&self) -> String {
            "this browser's storage".to_string()
        }
        fn save(&self, session: &Session) -> Result<(), StoreError> {
            crate::web::save(session).map(drop).map_err(|reason| StoreError::Unavailable { reason })
        }
        fn summaries(&self) -> Summaries {
            let report = crate::web::load_all();
            let sessions = report.sessions.iter().map(|l| SessionSummary::of(&l.session)).collect();
            Summaries { sessions, report: LoadReport { sessions: Vec::new(), ..report } }
        }
        fn load(&self, id: &SessionId) -> Result<LoadedSession, StoreError> {
            crate::web::load_all()
                .sessions
                .into_iter()
                .find(|l| &l.session.id == id)
                .ok_or_else(|| StoreError::NotFound { id: id.clone() })
        }
        fn load_all(&self) -> LoadReport {
            crate::web::load_all()
        }
        fn note(&self, _: &SessionId) -> Result<Option<Note>, StoreError> {
            Ok(None)
        }
        fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
            not_here().set_note(id, text)
        }
        fn delete(&self, id: &SessionId) -> Result<(), StoreError> {
            not_here().delete(id)
        }
        fn undo_delete(&self, id: &SessionId) -> Result<(), StoreError> {
            not_here().undo_delete(id)
        }
        fn trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
            Ok(Vec::new())
        }
        fn purge_trash(&self, _: DateTime<Utc>, _: TimeDelta) -> PurgeReport {
            PurgeReport::default()
        }
        fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
            Ok(Vec::new())
        }
        fn set_aside_bytes(&self, name: &str) -> Result<Vec<u8>, StoreError> {
            not_here().set_aside_bytes(name)
        }
        fn remove_set_aside(&self, name: &str) -> Result<(), StoreError> {
            not_here().remove_set_aside(name)
        }
        fn backup_bytes(&self) -> Result<Vec<u8>, StoreError> {
            not_here().backup_bytes()
        }
        fn backup_to(&self, dest: &Path) -> Result<ExportReport, StoreError> {
            not_here().backup_to(dest)
        }
        fn import_bytes(&self, bytes: &[u8], name: &str) -> ImportReport {
            not_here().import_bytes(bytes, name)
        }
        fn import_from(&self, path: &Path) -> ImportReport {
            not_here().import_from(path)
        }
    }
}
