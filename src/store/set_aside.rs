//! The files set aside in `quarantine/`: listed, read back byte for byte, and
//! removed for good when the person asks.

use std::fs as stdfs;
use std::io;
use std::path::PathBuf;

use super::read;
use super::session::excerpt;
use super::{SetAside, Store, StoreError};

/// The largest set-aside file read back, in bytes (files are set aside for being
/// too large, so this is well above the session cap).
pub(super) const MAX_SET_ASIDE_BYTES: u64 = 256 * 1024 * 1024;

impl Store {
    /// The files in `quarantine/`, by name. Entries that are not regular files
    /// (links, folders) are left out: the store never puts those there.
    pub(crate) fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
        let dir = self.quarantine_dir();
        let read = match stdfs::read_dir(dir) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(StoreError::Read { path: dir.to_path_buf(), source }),
        };
        let mut entries: Vec<SetAside> = read
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let meta = entry.metadata().ok().filter(|m| m.file_type().is_file())?;
                let name = entry.file_name().into_string().ok()?;
                Some(SetAside {
                    location: entry.path().display().to_string(),
                    name,
                    size: meta.len(),
                })
            })
            .collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// The bytes of the set-aside file `name`, exactly as they were found.
    pub(crate) fn set_aside_bytes(&self, name: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.set_aside_path(name)?;
        read::read_bytes(&path, false, MAX_SET_ASIDE_BYTES).map_err(|e| match e {
            e if e.is_not_found() => StoreError::NotSetAside { name: name.to_string() },
            e => StoreError::Unreadable { path, reason: e.reason() },
        })
    }

    /// Removes the set-aside file `name` for good (the person asked to).
    pub(crate) fn remove_set_aside(&self, name: &str) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.set_aside_path(name)?;
        match stdfs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_file() => {}
            Ok(_) => {
                return Err(StoreError::Unreadable {
                    path,
                    reason: "it is not a regular file, so it was left as it is".to_string(),
                });
            }
            Err(_) => return Err(StoreError::NotSetAside { name: name.to_string() }),
        }
        self.fs().remove(&path).map_err(|source| StoreError::Remove { path, source })?;
        // If this flush fails, a crash could bring the file back: no loss.
        let _ = self.fs().sync_dir(self.quarantine_dir());
        Ok(())
    }

    /// `quarantine/<name>`, for a plain file name only (no folders, no `..`).
    fn set_aside_path(&self, name: &str) -> Result<PathBuf, StoreError> {
        let plain =
            !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0']);
        if !plain {
            return Err(StoreError::NotSetAside { name: excerpt(name) });
        }
        Ok(self.quarantine_dir().join(name))
    }
}
