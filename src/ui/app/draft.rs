//! The desktop keeps the check in progress as the browser does: the same
//! [`Draft`], written through the store's interface ([`SessionStore::keep_draft`],
//! `draft.ron` in the data folder) at each answer, taken up on the card where it
//! stood at the next start, and dropped once the check has ended (saved, quit or
//! left).

use super::*;

impl App {
    /// Keeps the check in progress whenever it changed, or drops it once the check
    /// has ended. A failure to keep it costs nothing saved: the check goes on, and
    /// the next answer tries again.
    pub(super) fn keep_draft_in_store(&mut self) {
        let text = self.draft().and_then(|draft| ron::to_string(&draft).ok());
        if text == self.run.draft_kept {
            return;
        }
        if self.store.keep_draft(text.as_deref()).is_ok() {
            self.run.draft_kept = text;
        }
    }

    /// Takes up the check kept by the last run, if there is one this build can
    /// take up; one it cannot (from a newer version, say) is left as it is.
    pub(super) fn take_up_kept_draft(&mut self) {
        let Ok(Some(text)) = self.store.draft() else { return };
        if let Ok(draft) = ron::from_str::<Draft>(&text)
            && self.resume(draft)
        {
            self.run.draft_kept = Some(text);
        }
    }
}
