//! The disk work of the app's effects: run off the UI thread on the desktop, in the
//! browser at once on its copy of the entries and reported once IndexedDB has them
//! (see `browser`), or at once on this thread for tests and the command line.

use super::*;
use crate::store::StoreKind;

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
                    tokio::task::spawn_blocking(move || on_own_thread(work, background))
                        .await
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| Message::Changed(Err("the task stopped".into())))
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
        let store = self.store.clone();
        if let Effect::SaveSettings(settings) = effect {
            return Some(Box::new(move || Message::Exported {
                message: match store.save_settings(&settings) {
                    Ok(()) => String::new(),
                    Err(e) => e.to_string(),
                },
                reload: false,
            }));
        }
        // The session on show is read again with the history, to show what is saved.
        let open = match &self.screen {
            Screen::Detail(state) if !state.is_loading() => Some(state.id().clone()),
            _ => None,
        };
        match effect {
            Effect::None | Effect::SaveSettings(_) | Effect::Exit | Effect::Call(_) => None,
            Effect::Save(session) => Some(Box::new(move || {
                let result = store.save(&session).map_err(|e| e.to_string());
                Message::Saved(session.id.clone(), result)
            })),
            Effect::Load | Effect::Preload => Some(Box::new(move || {
                let purge = store.purge_trash(Utc::now(), crate::store::TRASH_MAX_AGE);
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
                let summaries = store.summaries();
                release_free_memory();
                let opened = open.map(|id| {
                    let result = open_session(&*store, &id);
                    (id, result)
                });
                Message::Loaded(Arc::new(Loaded { summaries, purged, opened }))
            })),
            Effect::Open(id) => Some(Box::new(move || {
                let result = open_session(&*store, &id);
                Message::Opened(id, result)
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
                Some(Box::new(move || {
                    // Nowhere to read sessions from: say why, as for every other action.
                    if let (StoreKind::Unavailable, Err(e)) = (store.kind(), store.backup_bytes()) {
                        let message = messages::not_possible(&e.to_string());
                        return Message::Exported { message, reload: false };
                    }
                    let message = export_files(&*store, format, &selection, &folder)
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
            Effect::SetAside { remove: true } => Some(Box::new(move || {
                let names = store.set_aside().unwrap_or_default();
                let failed: Vec<String> = names
                    .iter()
                    .filter_map(|entry| store.remove_set_aside(&entry.name).err())
                    .map(|e| e.to_string())
                    .collect();
                let message = match failed.first() {
                    Some(why) => messages::failed(why),
                    None => format!("Removed {} set-aside entries.", names.len()),
                };
                Message::Exported { message, reload: false }
            })),
            // Handing the entries over is the browser's (a download).
            Effect::SetAside { remove: false } => None,
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
    format: export::Format,
    selection: &Selection,
    folder: &std::path::Path,
) -> Result<String, String> {
    if !folder.is_dir() {
        return Err(messages::no_such_folder(&folder.display().to_string()));
    }
    let now = Local::now().fixed_offset();
    if format == export::Format::Backup {
        let target = folder.join(crate::export::backup_folder_name(now));
        let report = store.backup_to(&target).map_err(|e| e.to_string())?;
        let files = report.copied.len() + report.already_there.len();
        return Ok(messages::backed_up(files, &target.display().to_string()));
    }
    // Reports need every answer: the sessions are read in full here, off the UI thread.
    let sessions = store.load_all().sessions;
    let (rendered, count) = report_bytes(&sessions, format, selection)?;
    match crate::export::write_first_free(folder, &rendered, now) {
        Ok(path) => Ok(messages::exported(count, &path.display().to_string())),
        Err(crate::export::ExportError::NoFreeName { .. }) => {
            Err(messages::TOO_MANY_EXPORTS.to_string())
        }
        Err(error) => Err(error.to_string()),
    }
}

/// The report (PDF, HTML) or table (CSV) of the chosen sessions, and how many
/// sessions it holds.
pub(super) fn report_bytes(
    sessions: &[LoadedSession],
    format: export::Format,
    selection: &Selection,
) -> Result<(crate::export::Rendered, usize), String> {
    let entries: Vec<Entry<'_>> =
        sessions.iter().map(Entry::from).filter(|e| selection.matches(e.session)).collect();
    if entries.is_empty() {
        return Err(messages::NOTHING_TO_EXPORT.to_string());
    }
    // A backup holds the session files themselves, not a report of them.
    let rendered = crate::export::render(format, &entries, Local::now().fixed_offset())
        .map_err(|e| messages::not_possible(&e.to_string()))?;
    Ok((rendered, entries.len()))
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

/// Runs `work` on a thread that ends with it (if `background`, at a lower priority
/// and after [`PRELOAD_DELAY`]), and its answer (`None` if the thread could not
/// start or the work panicked). A pooled thread would keep the allocator's cache of
/// the pieces the work freed for the app's whole life, holding pages of a
/// 10,000-session load in use; a thread that ends gives them back to the allocator,
/// and [`release_free_memory`] to the system. A thread costs some 50 µs, against
/// milliseconds of disk work.
#[cfg(not(target_arch = "wasm32"))]
fn on_own_thread(work: Box<dyn FnOnce() -> Message + Send>, background: bool) -> Option<Message> {
    let run = move || {
        if background {
            background_priority();
            std::thread::sleep(PRELOAD_DELAY);
        }
        work()
    };
    std::thread::Builder::new().name("disk work".into()).spawn(run).ok()?.join().ok()
}

/// How long background work waits once the first frame is on screen: the window
/// settles (mapped, exposed, the first redraws) before the disk is read.
#[cfg(not(target_arch = "wasm32"))]
const PRELOAD_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// Lowers the priority of the calling thread (one that ends with its work: see
/// `on_own_thread` and [`tidy_in_background`]), so that background reading never
/// takes time from drawing the window or answering a tap. Best effort: if the
/// system refuses, the work runs at the normal priority.
fn background_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes no pointers; on Linux, `who` 0 with PRIO_PROCESS is
    // the calling thread alone.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Tidies the data folder (see [`Store::tidy`]) on a thread of its own at a lower
/// priority, so that reading the sessions folder never delays the first frame; if
/// no thread can be started (as in a browser), at once.
pub(super) fn tidy_in_background(store: Arc<Store>) {
    let on_thread = store.clone();
    let started = std::thread::Builder::new().name("tidy".into()).spawn(move || {
        background_priority();
        on_thread.tidy();
    });
    if started.is_err() {
        store.tidy();
    }
}

/// The summaries a load read, copied into one block of the UI thread's memory. Read
/// on a worker thread, they lie scattered between the index's and the folder
/// listing's freed pieces, which keeps whole pages of the worker's memory in use;
/// copied (56 bytes and an id each, 10,000 in about 1 MiB), the worker's
/// memory is all free and handed back.
pub(super) fn settle(sessions: Vec<SessionSummary>) -> Vec<SessionSummary> {
    let mut settled = Vec::with_capacity(sessions.len());
    settled.extend(sessions.iter().cloned());
    drop(sessions);
    release_free_memory();
    settled
}

/// Hands memory freed after a load back to the system. Reading the summaries of
/// 10,000 sessions briefly holds the index and every file name (a few MiB, freed
/// at once); glibc keeps freed memory of a worker thread's arena, so without this
/// the app's resident memory stays that much higher for its whole life.
pub(super) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator to the system;
    // it takes no pointers and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Session `id` read in full for the detail screen, or why not in plain words.
fn open_session(store: &dyn SessionStore, id: &SessionId) -> Result<Box<LoadedSession>, String> {
    match store.load(id) {
        Ok(loaded) => Ok(Box::new(loaded)),
        Err(crate::store::StoreError::NotFound { .. }) => Err(messages::SESSION_GONE.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn is_note(path: &std::path::Path) -> bool {
    crate::store::is_note_file(&path.to_string_lossy())
}
