//! The check in progress, kept in the data folder as `draft.ron` (the same
//! [`crate::core::Draft`] the browser keeps), so that a window closed or a process
//! that died mid-check takes it up again on the card where it stood.

use super::*;

/// The file of the check in progress in the data folder.
pub const DRAFT_FILE: &str = "draft.ron";
/// The largest draft read, in bytes (a whole check is a few KB).
const MAX_DRAFT_BYTES: u64 = 1024 * 1024;

impl Store {
    /// The check in progress kept by [`Store::keep_draft`], as RON, if any.
    pub(crate) fn draft(&self) -> Result<Option<String>, StoreError> {
        let path = self.root.join(DRAFT_FILE);
        match self.read_here(&path, MAX_DRAFT_BYTES) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(StoreError::Unreadable { path, reason: e.reason() }),
        }
    }

    /// Keeps the check in progress (RON), replacing the one kept before
    /// atomically (temp file, flush, rename, flush the folder: after a crash the
    /// old draft or the new one), or drops it with `None`.
    pub(crate) fn keep_draft(&self, text: Option<&str>) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.root.join(DRAFT_FILE);
        let result = match text {
            Some(text) => {
                fs::write_replace(self.fs.as_ref(), &self.root, DRAFT_FILE, text.as_bytes())
                    .map(drop)
            }
            None => match self.fs.remove(&path) {
                Ok(()) => {
                    let _ = self.fs.sync_dir(&self.root);
                    Ok(())
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e),
            },
        };
        result.map_err(|source| StoreError::Draft { path, source })
    }
}
