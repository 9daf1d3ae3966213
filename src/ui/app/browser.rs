//! The browser build's effects: changes reported once IndexedDB has them, and files
//! handed to the person (PDF, HTML, CSV, backup: the share sheet or a download)
//! or picked by them (import), instead of folders.

use super::report::report_bytes;
use super::*;
use crate::ui::outcome::{Failure, Notice};
use crate::web::page::{self, Handed};

/// `message`, once IndexedDB holds the changes made while producing it; if it could
/// not store them, the same message as a failure.
pub(super) async fn stored(message: Message) -> Message {
    let Err(why) = page::flush().await else { return message };
    let why = Failure::NotKept(why.into());
    match message {
        Message::Saved(id, _) => Message::Saved(id, Err(why)),
        Message::NoteSaved(_) => Message::NoteSaved(Err(why)),
        Message::Deleted(_) => Message::Deleted(Err(why)),
        Message::Restored(_) => Message::Restored(Err(why)),
        Message::Exported(_) => Message::Exported(Err(why)),
        Message::Imported(_) => Message::Imported(Err(why)),
        Message::SetAsideRemoved(_) => Message::SetAsideRemoved(Err(why)),
        other => other,
    }
}

/// The name of a file handed over today (see [`crate::export::file_name`]).
fn file_name(holds: Option<&str>, extension: &str) -> String {
    crate::export::file_name(holds, Local::now().fixed_offset(), extension)
}

/// What happened to `what`, handed over as the file `name`, in a sentence.
fn handed(how: Handed, what: &str, name: &str) -> Notice {
    match how {
        Handed::Shared => format!("Shared {what} ({name})."),
        Handed::Cancelled => "Nothing was shared.".to_string(),
        Handed::Downloaded => format!("Downloaded {what} as {name}."),
    }
    .into()
}

/// Hands `bytes` over as the file `name` (see [`page::give`]).
async fn give(name: &str, mime: &str, bytes: &[u8], share: bool) -> Result<Handed, Failure> {
    page::give(name, mime, bytes, share).await.map_err(|why| Failure::Browser(why.into()))
}

impl App {
    /// Keeps the check in progress in the browser's storage whenever it changes, and
    /// drops it once the check has ended (saved, quit or left), so that a reload takes
    /// it up on the card where it stood. A failure to keep it costs nothing saved.
    pub(super) fn keep_draft(&mut self) -> Task<Message> {
        let text = self.draft().and_then(|draft| ron::to_string(&draft).ok());
        if text == self.run.draft_kept {
            return Task::none();
        }
        page::keep_draft(text.as_deref());
        self.run.draft_kept = text;
        Task::future(async { page::flush().await }).discard()
    }

    /// The task for an effect only the browser does its own way; other effects are
    /// given back.
    pub(super) fn browser_task(&self, effect: Effect) -> Result<Task<Message>, Effect> {
        let store = self.store.clone();
        match effect {
            Effect::Export { format: export::Format::Backup, .. } => {
                Ok(Task::perform(hand_over_backup(store), Message::Exported))
            }
            Effect::Export { format, selection, .. } => {
                Ok(Task::perform(hand_over_report(store, format, selection), Message::Exported))
            }
            Effect::Import(_) => Ok(Task::perform(import(store), |message| message)),
            Effect::HandOverSetAside => {
                Ok(Task::perform(hand_over_set_aside(store), Message::Exported))
            }
            other => Err(other),
        }
    }
}

/// Hands over a backup of every session (a download).
async fn hand_over_backup(store: Arc<dyn SessionStore>) -> Result<Notice, Failure> {
    let bytes = store.backup_bytes()?;
    let name = file_name(Some("backup"), "ron");
    let how = give(&name, "application/octet-stream", &bytes, false).await?;
    Ok(handed(how, "a backup of every session", &name))
}

/// Hands over the report of the chosen sessions (the share sheet, or a download).
async fn hand_over_report(
    store: Arc<dyn SessionStore>,
    format: export::Format,
    selection: Selection,
) -> Result<Notice, Failure> {
    // Reports need every answer: the history holds summaries only.
    let sessions = store.load_all().sessions;
    let (made, count) = report_bytes(&sessions, format, &selection)?;
    let name = file_name(None, made.extension);
    let what = wording::count(count, "session", "sessions");
    let how = give(&name, made.mime, &made.bytes, true).await?;
    Ok(handed(how, &what, &name))
}

/// Imports a file the person picks; the answer once IndexedDB holds what it added.
async fn import(store: Arc<dyn SessionStore>) -> Message {
    let (name, text) = match page::pick(".ron,text/plain").await {
        Ok(Some(picked)) => picked,
        Ok(None) => return Message::Imported(Ok("Nothing was imported.".to_string().into())),
        Err(why) => return Message::Imported(Err(Failure::NotPicked(why.into()))),
    };
    let message = store.import_bytes(text.as_bytes(), &name).message();
    stored(Message::Imported(Ok(message.into()))).await
}

/// Hands over every set-aside entry as one text file (a download).
async fn hand_over_set_aside(store: Arc<dyn SessionStore>) -> Result<Notice, Failure> {
    let mut text = String::new();
    for entry in store.set_aside().unwrap_or_default() {
        let bytes = store.set_aside_bytes(&entry.name).unwrap_or_default();
        text.push_str(&format!("// ===== {} =====\n", entry.location));
        text.push_str(&String::from_utf8_lossy(&bytes));
        text.push('\n');
    }
    let name = file_name(Some("set-aside"), "txt");
    let how = give(&name, "text/plain", text.as_bytes(), false).await?;
    Ok(handed(how, "the set-aside entries", &name))
}
