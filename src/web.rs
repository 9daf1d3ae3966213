//! The browser build's storage: each session as the same RON text as on the desktop,
//! one localStorage entry per session, written once under a key named after its id.

use std::path::PathBuf;

use crate::store::{LoadReport, LoadedSession, Problem, Session};

/// The prefix of every session's localStorage key.
pub const PREFIX: &str = "tension-check/sessions/";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "the browser's storage is not available (private mode?)".to_string())
}

/// Saves a session; never replaces one already saved under the same id.
pub fn save(session: &Session) -> Result<PathBuf, String> {
    let storage = storage()?;
    let key = format!("{PREFIX}{}", session.id.file_name());
    if storage.get_item(&key).ok().flatten().is_some() {
        return Err(format!("a session {} is already saved", session.id.as_str()));
    }
    let text = session.to_ron().map_err(|e| e.to_string())?;
    storage
        .set_item(&key, &text)
        .map_err(|_| "the browser's storage is full or refused the session".to_string())?;
    Ok(PathBuf::from(key))
}

/// Loads every session, newest first; entries that do not parse are reported and
/// left as they are.
pub fn load_all() -> LoadReport {
    let mut report = LoadReport::empty(PathBuf::new());
    let Ok(storage) = storage() else { return report };
    let count = storage.length().unwrap_or(0);
    for index in 0..count {
        let Some(key) = storage.key(index).ok().flatten() else { continue };
        if !key.starts_with(PREFIX) {
            continue;
        }
        let Some(text) = storage.get_item(&key).ok().flatten() else { continue };
        match Session::from_ron(&text) {
            Ok(session) => report.sessions.push(LoadedSession {
                session,
                path: PathBuf::from(&key),
                note: None,
            }),
            Err(e) => {
                report.unreadable.push(Problem { path: PathBuf::from(key), reason: e.to_string() })
            }
        }
    }
    report.sessions.sort_by_key(|l| std::cmp::Reverse(l.session.started_at));
    report
}

/// Opens the phone's dialler on `number` (a `tel:` link), where the device can call.
pub fn call(number: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(&format!("tel:{number}"));
    }
}
