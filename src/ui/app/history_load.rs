//! Reading the history: the load itself (trash purged first, the session on show
//! read again), and what keeps it from costing the window anything: background
//! threads that end with their work, at a lower priority, and the allocator tuning
//! that hands a large load's memory back to the system.

use super::*;
use crate::store::StoreKind;
use crate::ui::outcome::Failure;

/// Disk work, to run off the UI thread; its answer is a message.
pub(super) type Work = Box<dyn FnOnce() -> Message + Send>;

/// Reads the summaries of every session (after emptying the trash of what is old),
/// and session `open` in full, if the detail screen shows one.
pub(super) fn load(store: Arc<dyn SessionStore>, open: Option<SessionId>) -> Work {
    Box::new(move || {
        let purged = purge_trash(&*store);
        let summaries = store.summaries();
        release_free_memory();
        let opened = open.map(|id| {
            let result = open_session(&*store, &id);
            (id, result)
        });
        Message::Loaded(Arc::new(Loaded { summaries, purged, opened }))
    })
}

/// Empties the trash of sessions deleted more than
/// [`TRASH_MAX_AGE`](crate::store::TRASH_MAX_AGE) ago; sentences
/// about what was removed or could not be.
fn purge_trash(store: &dyn SessionStore) -> Vec<String> {
    let purge = store.purge_trash(Utc::now(), crate::store::TRASH_MAX_AGE);
    let mut purged = Vec::new();
    let sessions =
        purge.removed.iter().filter(|p| !crate::store::is_note_file(&p.to_string_lossy())).count();
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
    purged
}

/// Session `id` read in full for the detail screen, or why not.
pub(super) fn open_session(
    store: &dyn SessionStore,
    id: &SessionId,
) -> Result<Box<LoadedSession>, Failure> {
    match store.load(id) {
        Ok(loaded) => Ok(Box::new(loaded)),
        Err(crate::store::StoreError::NotFound { .. }) => Err(Failure::SessionGone),
        Err(e) => Err(e.into()),
    }
}

/// Runs `work` on a thread that ends with it (if `background`, at a lower priority
/// and after [`PRELOAD_DELAY`]), and its answer (`None` if the thread could not
/// start or the work panicked). A pooled thread would keep the allocator's cache of
/// the pieces the work freed for the app's whole life, holding pages of a
/// 10,000-session load in use; a thread that ends gives them back to the allocator,
/// and [`release_free_memory`] to the system. A thread costs some 50 µs, against
/// milliseconds of disk work.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn on_own_thread(work: Work, background: bool) -> Option<Message> {
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
