//! The file operations of the store, behind a small trait so tests can make any of
//! them fail (before or after the real call, with partial writes).
//!
//! A save (see `write_new`) makes exactly these calls, in order:
//! `create_new` (temp file), `write_all`, `sync_file`, `rename_no_replace` (temp name
//! to final name), `sync_dir`. If any of them fails, the save undoes what it did:
//! the final name is removed if this save created it, the temp file is removed, and
//! the error is returned.
//!
//! The no-clobber step is `renameat2(RENAME_NOREPLACE)` on Linux, which fails when
//! the final name exists, so a save can never overwrite a file, even when two
//! processes save the same id at once, and a crash never leaves two names. Where it
//! is not available it falls back to [`std::fs::hard_link`] (also no-clobber)
//! followed by removing the old name; only on file systems without hard links
//! either (FAT on systems other than Linux, some network shares) is it a check
//! followed by a rename, which another process could race.
//!
//! Moves (trash, quarantine, restore) are one `rename_no_replace`. Once a rename is
//! done the move is reported done: the folder flushes that follow can only fail to
//! make it durable, and a crash then leaves the file under its old name or its new
//! one, never lost.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::os::{rename_no_replace, rename_went_through, sync_dir};
use super::read::{ReadError, read_bytes};

/// The prefix of every temp file the store writes. Files with this prefix in the
/// sessions folder are leftovers of an interrupted save or note edit.
pub const TEMP_PREFIX: &str = ".tmp-";

/// The file operations of a save. Not a stable interface: it exists for the
/// fault-injection tests.
#[doc(hidden)]
pub trait Fs: Send + Sync + fmt::Debug {
    /// Creates a new file for writing, failing if it exists (mode 0600 on Unix).
    fn create_new(&self, path: &Path) -> io::Result<File>;
    /// Writes all of `bytes` to `file`.
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    /// Flushes the file's data and metadata to the disk.
    fn sync_file(&self, file: &File) -> io::Result<()>;
    /// Renames `from` to `to`, failing with `AlreadyExists` if `to` exists.
    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, replacing `to` atomically if it exists.
    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (names) to the disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Creates one folder (mode 0700 on Unix), failing if it exists.
    fn create_dir(&self, dir: &Path) -> io::Result<()>;
    /// Removes an empty folder.
    fn remove_dir(&self, dir: &Path) -> io::Result<()>;
    /// Gives the file `from` a second name `to` (a hard link), failing with
    /// `AlreadyExists` if `to` exists. A link `from` is not followed.
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
    }
    /// Reads a file of the data folder: a regular file only, never through a link,
    /// at most `limit` bytes (see [`read_bytes`]).
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        read_bytes(path, false, limit)
    }
}

impl<T: Fs + ?Sized> Fs for std::sync::Arc<T> {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        (**self).create_new(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        (**self).write_all(file, bytes)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        (**self).sync_file(file)
    }

    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        (**self).rename_no_replace(from, to)
    }

    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        (**self).rename_replace(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        (**self).remove(path)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        (**self).sync_dir(dir)
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        (**self).create_dir(dir)
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        (**self).remove_dir(dir)
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        (**self).hard_link(from, to)
    }

    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        (**self).read(path, limit)
    }
}

/// The real file system.
#[doc(hidden)]
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        rename_no_replace(from, to)
    }

    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        #[allow(unused_mut)]
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        fs::remove_dir(dir)
    }
}

/// A fresh temp file name: the prefix and 16 random hex digits.
pub(crate) fn temp_name() -> String {
    format!("{TEMP_PREFIX}{}", super::session::random_hex(8))
}

/// Why a durable write failed.
#[derive(Debug)]
pub(crate) enum WriteError {
    /// The final name already exists; nothing was written.
    Exists,
    /// An operation failed; nothing is left under the final name or the temp name.
    Io(io::Error),
}

/// Writes `bytes` as a new file `dir/name`, durably and without ever overwriting:
/// temp file, write, fsync, rename without replacing, fsync folder. On failure
/// nothing is left under `name` (unless it was there before) and the temp file is
/// removed (or, if even that fails, left for the next open to clean up).
pub(crate) fn write_new(
    fs: &dyn Fs,
    dir: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf, WriteError> {
    let final_path = dir.join(name);
    let tmp = dir.join(temp_name());
    let mut file = fs.create_new(&tmp).map_err(WriteError::Io)?;
    let mut renamed = false;
    let result = (|| {
        fs.write_all(&mut file, bytes).map_err(WriteError::Io)?;
        fs.sync_file(&file).map_err(WriteError::Io)?;
        drop(file);
        match fs.rename_no_replace(&tmp, &final_path) {
            Ok(()) => renamed = true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(WriteError::Exists),
            Err(e) => {
                renamed = rename_went_through(&tmp, &final_path);
                return Err(WriteError::Io(e));
            }
        }
        fs.sync_dir(dir).map_err(WriteError::Io)
    })();
    match result {
        Ok(()) => Ok(final_path),
        Err(err) => {
            // Not confirmed durable, so not done: take the final name back. If even
            // that fails, the file is complete and in place: it is saved, and saying
            // otherwise would be false.
            if renamed
                && fs.remove(&final_path).is_err()
                && fs::symlink_metadata(&final_path).is_ok()
            {
                return Ok(final_path);
            }
            if !renamed {
                let _ = fs.remove(&tmp);
            }
            let _ = fs.sync_dir(dir);
            Err(err)
        }
    }
}

/// Replaces `dir/name` with `bytes` atomically: temp file, write, fsync, rename over
/// the old file, fsync folder. On failure before the rename the old file is
/// unchanged and the temp file is removed. Once the rename is done the new file is
/// in place and this reports success, even if the folder flush fails (a crash could
/// then bring back the old file, never a mix).
pub(crate) fn write_replace(
    fs: &dyn Fs,
    dir: &Path,
    name: &str,
    bytes: &[u8],
) -> io::Result<PathBuf> {
    let final_path = dir.join(name);
    let tmp = dir.join(temp_name());
    let mut file = fs.create_new(&tmp)?;
    let result = (|| {
        fs.write_all(&mut file, bytes)?;
        fs.sync_file(&file)?;
        drop(file);
        fs.rename_replace(&tmp, &final_path)
    })();
    match result {
        Ok(()) => {
            let _ = fs.sync_dir(dir);
            Ok(final_path)
        }
        Err(_) if matches!(fs::symlink_metadata(&tmp), Err(e) if e.kind() == io::ErrorKind::NotFound) =>
        {
            // The rename went through although it reported an error.
            let _ = fs.sync_dir(dir);
            Ok(final_path)
        }
        Err(err) => {
            let _ = fs.remove(&tmp);
            Err(err)
        }
    }
}

/// Whether `name` is exactly what [`temp_name`] makes: the prefix and 16 hex
/// digits. Nothing else is ever removed as a temp file.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Removes temp files left by interrupted saves. Best effort: a file that cannot be
/// removed now is tried again next time.
pub(crate) fn clean_temp_files(fs: &dyn Fs, dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    let mut removed = false;
    for entry in read.filter_map(Result::ok) {
        if is_temp_name(&entry.file_name().to_string_lossy())
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs.remove(&entry.path()).is_ok()
        {
            removed = true;
        }
    }
    if removed {
        let _ = fs.sync_dir(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_stores_own_temp_names_count_as_temp_files() {
        assert!(is_temp_name(&temp_name()));
        assert!(is_temp_name(".tmp-0123456789abcdef"));
        for other in
            [".tmp-", ".tmp-notes.txt", ".tmp-0123456789abcdef0", ".tmp-backup-0123456789abcdef"]
        {
            assert!(!is_temp_name(other), "{other}");
        }
    }
}
