//! The answers of background work (a save, a load, a change to the history, an
//! export, the settings): what each changes on screen, and what to read again.

use super::*;
use crate::ui::outcome::{Failure, Notice};

impl App {
    /// The state after background work's `answer` on `screen`.
    pub(super) fn answer(&mut self, mut screen: Screen, answer: Message) -> (Screen, Effect) {
        let none = Effect::None;
        match answer {
            Message::Saved(id, result) => return self.saved(screen, id, result),
            Message::Loaded(loaded) => self.loaded(&mut screen, loaded),
            Message::Opened(id, result) => {
                if let Screen::Detail(state) = &mut screen
                    && state.id() == &id
                    && state.is_loading()
                {
                    state.opened(result.map(|l| *l));
                }
            }
            Message::NoteSaved(result) => {
                self.changed(result.map(|()| Some(messages::NOTE_SAVED)));
                return (screen, Effect::Load);
            }
            Message::Deleted(result) => {
                self.changed(result.map(|()| None));
                return (screen, Effect::Load);
            }
            Message::Restored(result) => {
                self.changed(result.map(|()| Some(messages::RESTORED)));
                return (screen, Effect::Load);
            }
            Message::WorkStopped => {
                self.records.notices = vec![messages::failed("the task stopped")];
                return (screen, Effect::Load);
            }
            Message::Exported(result) => {
                let sentence = result.map_or_else(|why| transfer_failed(&why), told);
                set_export_status(&mut screen, sentence);
            }
            Message::Imported(result) => {
                let sentence = result.map_or_else(|why| transfer_failed(&why), told);
                set_export_status(&mut screen, sentence);
                return (screen, Effect::Load);
            }
            Message::SetAsideRemoved(result) => {
                let sentence = match result {
                    Ok(count) => format!("Removed {count} set-aside entries."),
                    // Removed, but the browser did not keep the change.
                    Err(why @ Failure::NotKept(_)) => messages::not_saved(&why.to_string()),
                    Err(why) => messages::failed(&why.to_string()),
                };
                set_export_status(&mut screen, sentence);
            }
            Message::SettingsSaved(Err(why)) if matches!(screen, Screen::Settings(_)) => {
                self.prefs.notice = Some(why.to_string());
            }
            _ => {}
        }
        (screen, none)
    }

    /// A session was saved, or not: the result says so, and the history on hand
    /// gains it without reading every file again.
    fn saved(
        &mut self,
        mut screen: Screen,
        id: SessionId,
        result: Result<(), Failure>,
    ) -> (Screen, Effect) {
        if self.run.discard.as_ref() == Some(&id) {
            // Its stop was taken back while it was being saved.
            self.run.discard = None;
            return (screen, if result.is_ok() { Effect::Delete(id) } else { Effect::None });
        }
        let saved = self.run.pending.as_ref().is_some_and(|s| s.id == id);
        if let Screen::Result(state) = &mut screen {
            state.set_save_status(match &result {
                Ok(_) => result::SaveStatus::Saved,
                Err(why) => result::SaveStatus::Failed(why.to_string()),
            });
        }
        if let (true, Ok(())) = (saved, result)
            && let Some(session) = self.run.pending.take()
            && let Some(history) = &mut self.records.summaries
        {
            let at = history
                .iter()
                .position(|s| s.started_at <= session.started_at)
                .unwrap_or(history.len());
            history.insert(at, SessionSummary::of(&session));
        }
        (screen, Effect::None)
    }

    /// The history was read: its notices, its summaries (kept only while a screen
    /// that uses them is on show), and the session on show read again.
    fn loaded(&mut self, screen: &mut Screen, loaded: Arc<Loaded>) {
        // The only holder of the load, normally: unwrapped without a copy (the
        // summaries are then settled, or let go if no screen on show uses them).
        let loaded = Arc::unwrap_or_clone(loaded);
        let mut notices = loaded.summaries.report.messages();
        notices.extend(loaded.purged);
        self.records.notices = notices;
        self.records.summaries = if screen.uses_history() {
            Some(history_load::settle(loaded.summaries.sessions))
        } else {
            drop(loaded.summaries.sessions);
            history_load::release_free_memory();
            None
        };
        if let (Screen::Detail(state), Some((id, result))) = (screen, loaded.opened)
            && state.id() == &id
        {
            state.refreshed(result.map(|l| *l));
        }
    }

    /// A change to the history (a note, a delete, an undo) finished: its sentence
    /// if it has one, or why it failed, over the list read again.
    fn changed(&mut self, result: Result<Option<&str>, Failure>) {
        match result {
            Ok(Some(sentence)) => self.records.notices = vec![sentence.to_string()],
            Ok(None) => {}
            Err(why) => self.records.notices = vec![messages::failed(&why.to_string())],
        }
    }
}

/// The sentence of work that was done.
fn told(notice: Notice) -> String {
    notice.as_str().to_string()
}

/// How a failed export, backup or import is told: not possible where nothing is
/// kept, failed where no file could be picked, not saved otherwise.
fn transfer_failed(why: &Failure) -> String {
    match why {
        Failure::Unavailable(reason) => messages::not_possible(reason),
        Failure::NotPicked(reason) => messages::failed(reason),
        other => messages::not_saved(&other.to_string()),
    }
}

/// Shows how an export or import went, when the export screen is still on show.
fn set_export_status(screen: &mut Screen, sentence: String) {
    if let Screen::Export { state, .. } = screen {
        state.set_status(sentence);
    }
}
