//! The disk work of the app's effects, one function per kind: run off the UI thread
//! on the desktop, in the browser at once on its copy of the entries and reported
//! once IndexedDB has them (see `browser`), or at once on this thread for tests and
//! the command line. Reading the history is in `history_load`.

use super::history_load::{self, Work};
use super::report;
use super::*;
use crate::store::StoreKind;
use crate::ui::outcome::{Failure, Notice};

impl App {
    pub(super) fn perform(&self, effect: Effect) -> Task<Message> {
        if let Effect::Exit = effect {
            return iced::exit();
        }
        #[cfg(target_arch = "wasm32")]
        let effect = match self.browser_task(effect) {
            Ok(task) => return task,
            Err(effect) => effect,
        };
        // Reading the history is background work: it never competes with the window.
        #[cfg(not(target_arch = "wasm32"))]
        let background = matches!(effect, Effect::Preload);
        match self.work(effect) {
            #[cfg(not(target_arch = "wasm32"))]
            Some(work) => Task::perform(
                async move {
                    tokio::task::spawn_blocking(move || {
                        history_load::on_own_thread(work, background)
                    })
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or(Message::WorkStopped)
                },
                |message| message,
            ),
            // The browser changes its copy of the entries at once; the change is
            // reported once IndexedDB has it.
            #[cfg(target_arch = "wasm32")]
            Some(work) => Task::perform(super::browser::stored(work()), |message| message),
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
    fn work(&self, effect: Effect) -> Option<Work> {
        let store = self.store.clone();
        match effect {
            Effect::None | Effect::Exit => None,
            Effect::Call(number) => {
                call(number);
                None
            }
            Effect::SaveSettings(settings) => self.save_settings(settings),
            Effect::Load | Effect::Preload => {
                // The session on show is read again with the history, to show what
                // is saved.
                let open = match &self.screen {
                    Screen::Detail(state) if !state.is_loading() => Some(state.id().clone()),
                    _ => None,
                };
                Some(history_load::load(store, open))
            }
            Effect::Save(session) => Some(Box::new(move || {
                let result = store.save(&session).map_err(Failure::from);
                Message::Saved(session.id.clone(), result)
            })),
            Effect::Open(id) => Some(Box::new(move || {
                let result = history_load::open_session(&*store, &id);
                Message::Opened(id, result)
            })),
            Effect::SetNote(id, text) => Some(Box::new(move || {
                Message::NoteSaved(store.set_note(&id, &text).map(drop).map_err(Failure::from))
            })),
            Effect::Delete(id) => Some(Box::new(move || {
                Message::Deleted(store.delete(&id).map(drop).map_err(Failure::from))
            })),
            Effect::Undo(id) => Some(Box::new(move || {
                Message::Restored(store.undo_delete(&id).map(drop).map_err(Failure::from))
            })),
            Effect::Export { format, selection, folder } => Some(Box::new(move || {
                Message::Exported(export_files(&*store, format, &selection, &folder))
            })),
            Effect::Import(path) => {
                Some(Box::new(move || Message::Imported(import(&*store, &path))))
            }
            Effect::RemoveSetAside => {
                Some(Box::new(move || Message::SetAsideRemoved(remove_set_aside(&*store))))
            }
            // Handing the entries over is the browser's (a download).
            Effect::HandOverSetAside => None,
        }
    }

    /// Saves the settings (the desktop's settings file, or the browser's storage).
    fn save_settings(&self, settings: Settings) -> Option<Work> {
        let store = self.store.clone();
        Some(Box::new(move || {
            Message::SettingsSaved(store.save_settings(&settings).map_err(Failure::from))
        }))
    }
}

/// Opens the phone's dialler on an emergency number: only the browser build shows
/// call buttons.
fn call(number: &'static str) {
    #[cfg(target_arch = "wasm32")]
    crate::web::call(number);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = number;
}

/// Why nothing can be read where no store keeps sessions, if so. Only such a store is
/// asked (its backup fails with the reason); a real one is not read for it.
fn unavailable(store: &dyn SessionStore) -> Option<Failure> {
    if store.kind() != StoreKind::Unavailable {
        return None;
    }
    store.backup_bytes().err().map(|e| Failure::Unavailable(e.to_string().into()))
}

/// Writes the chosen sessions into `folder`; says what was written.
fn export_files(
    store: &dyn SessionStore,
    format: export::Format,
    selection: &Selection,
    folder: &std::path::Path,
) -> Result<Notice, Failure> {
    // Nowhere to read sessions from: say why, as for every other action.
    if let Some(why) = unavailable(store) {
        return Err(why);
    }
    if !folder.is_dir() {
        return Err(Failure::NoSuchFolder(folder.to_path_buf()));
    }
    let now = Local::now().fixed_offset();
    if format == export::Format::Backup {
        let target = folder.join(crate::export::backup_folder_name(now));
        let report = store.backup_to(&target)?;
        let files = report.copied.len() + report.already_there.len();
        return Ok(messages::backed_up(files, &target.display().to_string()).into());
    }
    // Reports need every answer: the sessions are read in full here, off the UI thread.
    let sessions = store.load_all().sessions;
    let (rendered, count) = report::report_bytes(&sessions, format, selection)?;
    match crate::export::write_first_free(folder, &rendered, now) {
        Ok(path) => Ok(messages::exported(count, &path.display().to_string()).into()),
        Err(crate::export::ExportError::NoFreeName { .. }) => Err(Failure::TooManyExports),
        Err(error) => Err(error.into()),
    }
}

/// Imports the sessions of the file or folder at `path`; says what it found.
fn import(store: &dyn SessionStore, path: &std::path::Path) -> Result<Notice, Failure> {
    let report = store.import_from(path);
    match (store.kind(), report.failed.first()) {
        (StoreKind::Unavailable, Some(problem)) => {
            Err(Failure::Unavailable(problem.reason.as_str().into()))
        }
        _ => Ok(report.message().into()),
    }
}

/// Removes every set-aside entry for good; how many there were.
fn remove_set_aside(store: &dyn SessionStore) -> Result<usize, Failure> {
    let names = store.set_aside().unwrap_or_default();
    // Each is tried, so one that cannot be removed does not keep the others.
    let failed: Vec<_> =
        names.iter().filter_map(|entry| store.remove_set_aside(&entry.name).err()).collect();
    match failed.into_iter().next() {
        Some(why) => Err(why.into()),
        None => Ok(names.len()),
    }
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
