//! The browser build's effects: changes reported once IndexedDB has them, and files
//! handed to the person (PDF, HTML, CSV, backup: the share sheet or a download)
//! or picked by them (import), instead of folders.

use super::effects::report_bytes;
use super::*;
use crate::web::page;

/// `message`, once IndexedDB holds the changes made while producing it; if it could
/// not store them, the same message as a failure, in plain words.
pub(super) async fn stored(message: Message) -> Message {
    let Err(why) = page::flush().await else { return message };
    let why = format!("the browser did not keep it ({why})");
    match message {
        Message::Saved(id, _) => Message::Saved(id, Err(why)),
        Message::Changed(_) => Message::Changed(Err(why)),
        Message::Exported { reload, .. } => {
            Message::Exported { message: messages::not_saved(&why), reload }
        }
        other => other,
    }
}

/// The name of a file handed over today (see [`crate::export::file_name`]).
fn file_name(holds: Option<&str>, extension: &str) -> String {
    crate::export::file_name(holds, Local::now().fixed_offset(), extension)
}

/// What happened to a file handed over, in a sentence.
fn handed(how: Result<String, String>, what: &str, name: &str) -> String {
    match how.as_deref() {
        Ok("shared") => format!("Shared {what} ({name})."),
        Ok("cancelled") => "Nothing was shared.".to_string(),
        Ok(_) => format!("Downloaded {what} as {name}."),
        Err(why) => messages::not_saved(why),
    }
}

impl App {
    /// Keeps the check in progress in the browser's storage whenever it changes, and
    /// drops it once the check has ended (saved, quit or left), so that a reload takes
    /// it up on the card where it stood. A failure to keep it costs nothing saved.
    pub(super) fn keep_draft(&mut self) -> Task<Message> {
        let text = self.draft().and_then(|draft| ron::to_string(&draft).ok());
        if text == self.draft_kept {
            return Task::none();
        }
        page::keep_draft(text.as_deref());
        self.draft_kept = text;
        Task::future(async { page::flush().await }).discard()
    }

    /// The task for an effect only the browser does its own way; other effects are
    /// given back.
    pub(super) fn browser_task(&self, effect: Effect) -> Result<Task<Message>, Effect> {
        let store = self.store.clone();
        let done = |message: String, reload: bool| Message::Exported { message, reload };
        match effect {
            Effect::Export { format: export::Format::Backup, .. } => Ok(Task::perform(
                async move {
                    let bytes = match store.backup_bytes() {
                        Ok(bytes) => bytes,
                        Err(e) => return done(messages::not_saved(&e.to_string()), false),
                    };
                    let name = file_name(Some("backup"), "ron");
                    let how = page::give(&name, "application/octet-stream", &bytes, false);
                    done(handed(how.await, "a backup of every session", &name), false)
                },
                |message| message,
            )),
            Effect::Export { format, selection, .. } => {
                Ok(Task::perform(
                    async move {
                        // Reports need every answer: the history holds summaries only.
                        let sessions = store.load_all().sessions;
                        let (made, count) = match report_bytes(&sessions, format, &selection) {
                            Ok(made) => made,
                            Err(why) => return done(messages::not_saved(&why), false),
                        };
                        let name = file_name(None, made.extension);
                        let what = wording::count(count, "session", "sessions");
                        let how = page::give(&name, made.mime, &made.bytes, true).await;
                        done(handed(how, &what, &name), false)
                    },
                    |message| message,
                ))
            }
            Effect::Import(_) => Ok(Task::perform(
                async move {
                    let (name, text) = match page::pick(".ron,text/plain").await {
                        Ok(Some(picked)) => picked,
                        Ok(None) => return done("Nothing was imported.".to_string(), false),
                        Err(why) => return done(messages::failed(&why), false),
                    };
                    let message = store.import_bytes(text.as_bytes(), &name).message();
                    stored(done(message, true)).await
                },
                |message| message,
            )),
            Effect::SetAside { remove: false } => Ok(Task::perform(
                async move {
                    let mut text = String::new();
                    for entry in store.set_aside().unwrap_or_default() {
                        let bytes = store.set_aside_bytes(&entry.name).unwrap_or_default();
                        text.push_str(&format!("// ===== {} =====\n", entry.location));
                        text.push_str(&String::from_utf8_lossy(&bytes));
                        text.push('\n');
                    }
                    let name = file_name(Some("set-aside"), "txt");
                    let how = page::give(&name, "text/plain", text.as_bytes(), false).await;
                    done(handed(how, "the set-aside entries", &name), false)
                },
                |message| message,
            )),
            other => Err(other),
        }
    }
}
