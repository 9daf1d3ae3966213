//! Notices and status lines the app shows after background work.

/// After a note was saved.
pub const NOTE_SAVED: &str = "Note saved.";
/// After Undo brought a session back.
pub const RESTORED: &str = "The session is back.";
/// While the history loads.
pub const LOADING: &str = "Loading…";
/// A session that was opened has gone (deleted elsewhere).
pub const SESSION_GONE: &str = "This session is no longer in your history.";
/// Saving without a data folder.
pub const NO_DATA_FOLDER: &str = "there is no data folder to save into";
/// Exporting a range without sessions.
pub const NOTHING_TO_EXPORT: &str = "no saved sessions match those dates";
/// A hundred exports of the same day in one folder.
pub const TOO_MANY_EXPORTS: &str = "too many exports with today's date in that folder";
/// What the browser build cannot do.
pub const NOT_IN_BROWSER: &str =
    "this is not available in the browser version; use the desktop app";

/// The data folder could not be opened.
pub fn history_unavailable(why: &str) -> String {
    format!("History is not available: {why}.")
}

/// An action that needs the data folder.
pub fn not_possible(why: &str) -> String {
    format!("Not possible: {why}.")
}

/// A note or export that failed.
pub fn not_saved(why: &str) -> String {
    format!("Not saved: {why}.")
}

/// Any other action that failed.
pub fn failed(why: &str) -> String {
    format!("That did not work: {why}.")
}

/// Old trash emptied at start.
pub fn trash_emptied(sessions: usize) -> String {
    match sessions {
        1 => "1 deleted session older than 30 days was emptied from the trash.".to_string(),
        n => format!("{n} deleted sessions older than 30 days were emptied from the trash."),
    }
}

/// A trash file that could not be removed.
pub fn trash_not_emptied(path: &str, why: &str) -> String {
    format!("Could not empty {path} from the trash: {why}.")
}

/// An export folder that is not there.
pub fn no_such_folder(folder: &str) -> String {
    format!("the folder {folder} does not exist")
}

/// After a backup.
pub fn backed_up(files: usize, target: &str) -> String {
    format!("Backed up {} into {target}.", crate::wording::count(files, "file", "files"))
}

/// After an export.
pub fn exported(sessions: usize, path: &str) -> String {
    format!("Saved {} to {path}.", crate::wording::count(sessions, "session", "sessions"))
}
