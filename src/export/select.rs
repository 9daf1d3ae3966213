//! Choosing which sessions to export: by date range and by id.

use chrono::NaiveDate;

use super::Entry;
use crate::store::{Session, SessionId};

/// Which sessions to export. An empty selection takes every session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The first day to include, if limited.
    pub from: Option<NaiveDate>,
    /// The last day to include (inclusive), if limited.
    pub to: Option<NaiveDate>,
    /// Only these sessions, if any are named.
    pub ids: Vec<SessionId>,
}

impl Selection {
    /// Every session.
    pub fn all() -> Self {
        Selection::default()
    }

    /// Whether `session` is selected.
    ///
    /// Dates are compared by the local date on which the session started, as the
    /// person saw it (the date in the offset stored with the session), so a check
    /// at 23:30 counts for that day wherever the report is made.
    pub fn matches(&self, session: &Session) -> bool {
        let date = session.started_at.date_naive();
        self.from.is_none_or(|from| date >= from)
            && self.to.is_none_or(|to| date <= to)
            && (self.ids.is_empty() || self.ids.contains(&session.id))
    }

    /// The named ids that none of `sessions` has.
    pub fn missing_ids<'a>(
        &self,
        sessions: impl IntoIterator<Item = &'a Session>,
    ) -> Vec<SessionId> {
        let present: Vec<&SessionId> = sessions.into_iter().map(|s| &s.id).collect();
        let mut missing: Vec<SessionId> =
            self.ids.iter().filter(|id| !present.contains(id)).cloned().collect();
        missing.dedup();
        missing
    }
}

/// The selected sessions, in their original order.
pub fn select_sessions<'a>(sessions: &'a [Session], selection: &Selection) -> Vec<&'a Session> {
    sessions.iter().filter(|s| selection.matches(s)).collect()
}

/// The selected entries, in their original order.
pub fn select_entries<'a>(entries: &[Entry<'a>], selection: &Selection) -> Vec<Entry<'a>> {
    entries.iter().filter(|e| selection.matches(e.session)).copied().collect()
}
