//! What the tests need of a data folder beyond [`SessionStore`](super::SessionStore), only with the
//! `test-support` feature: changes made at a given time rather than now, so that a
//! test of the trash or of notes does not depend on the clock. The file system that
//! fails chosen operations is [`super::FaultyFs`], behind the same feature.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};

use super::{Note, SessionId, Store, StoreError};

/// [`SessionStore::set_note`](super::SessionStore::set_note), edited at `edited_at`.
pub fn set_note_at(
    store: &Store,
    id: &SessionId,
    text: &str,
    edited_at: DateTime<FixedOffset>,
) -> Result<Note, StoreError> {
    store.set_note_at(id, text, edited_at)
}

/// [`SessionStore::delete`](super::SessionStore::delete), deleted at `now`; returns the files now in the trash.
pub fn delete_at(
    store: &Store,
    id: &SessionId,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, StoreError> {
    store.delete_at(id, now)
}
