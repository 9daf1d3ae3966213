//! The file operations of a save, behind a small trait so tests can make any one of
//! them fail.
//!
//! A save (see `write_new`) makes exactly these calls, in order:
//! `create_new` (temp file), `write_all`, `sync_file`, `link_no_clobber` (temp name
//! to final name), `remove` (temp name), `sync_dir`. If any of them fails, the save
//! undoes what it did: the final name is removed if this save created it, the temp
//! file is removed, and the error is returned.
//!
//! The no-clobber step uses [`std::fs::hard_link`], which fails when the final name
//! already exists, so a save can never overwrite a file, even when two processes
//! save the same id at once. On file systems without hard links (FAT, some network
//! shares) it falls back to a check followed by a rename.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// Gives the file at `from` the name `to` as well, failing if `to` exists.
    fn link_no_clobber(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, replacing `to` atomically if it exists.
    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (names) to the disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
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

    fn link_no_clobber(&self, from: &Path, to: &Path) -> io::Result<()> {
        (**self).link_no_clobber(from, to)
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

    fn link_no_clobber(&self, from: &Path, to: &Path) -> io::Result<()> {
        link_no_clobber(from, to)
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
}

/// A file system that fails its `fail_at`-th operation (counting from 1) with
/// `kind`, and passes every other call to [`RealFs`]. It also counts the calls.
#[doc(hidden)]
#[derive(Debug)]
pub struct FaultyFs {
    fail_at: Option<usize>,
    kind: io::ErrorKind,
    calls: AtomicUsize,
}

impl FaultyFs {
    /// Fails the `n`-th operation (from 1) with "the disk is full".
    pub fn fail_at(n: usize) -> Self {
        FaultyFs { fail_at: Some(n), kind: io::ErrorKind::StorageFull, calls: AtomicUsize::new(0) }
    }

    /// Fails the `n`-th operation (from 1) with an error of `kind`.
    pub fn fail_at_with(n: usize, kind: io::ErrorKind) -> Self {
        FaultyFs { fail_at: Some(n), kind, calls: AtomicUsize::new(0) }
    }

    /// Fails nothing; only counts.
    pub fn counting() -> Self {
        FaultyFs { fail_at: None, kind: io::ErrorKind::Other, calls: AtomicUsize::new(0) }
    }

    /// How many operations were made so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    fn step(&self, op: &str) -> io::Result<()> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if Some(n) == self.fail_at {
            Err(io::Error::new(self.kind, format!("injected failure of operation {n} ({op})")))
        } else {
            Ok(())
        }
    }
}

impl Fs for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.step("create_new")?;
        RealFs.create_new(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        self.step("write_all")?;
        // A failed write may still have written part of the data, as a real one can.
        RealFs.write_all(file, bytes)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.step("sync_file")?;
        RealFs.sync_file(file)
    }

    fn link_no_clobber(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step("link_no_clobber")?;
        RealFs.link_no_clobber(from, to)
    }

    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step("rename_replace")?;
        RealFs.rename_replace(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.step("remove")?;
        RealFs.remove(path)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.step("sync_dir")?;
        RealFs.sync_dir(dir)
    }
}

/// Flushes a folder's entries to the disk. On Windows folders cannot be opened
/// this way and NTFS journals its metadata, so this does nothing there.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Gives the file at `from` the extra name `to`, failing with `AlreadyExists` if
/// `to` exists. Falls back to check-then-rename where hard links are not supported;
/// in that case `from` is gone afterwards.
pub(crate) fn link_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(e) if links_unsupported(&e) => {
            if fs::symlink_metadata(to).is_ok() {
                return Err(io::Error::new(io::ErrorKind::AlreadyExists, "the target exists"));
            }
            fs::rename(from, to)
        }
        Err(e) => Err(e),
    }
}

fn links_unsupported(e: &io::Error) -> bool {
    // FAT file systems answer a hard link with EPERM (PermissionDenied).
    matches!(e.kind(), io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied)
}

/// Moves `from` into `dir` under `name`, or under `stem-1.ext`, `stem-2.ext`… if
/// that name is taken. Never overwrites. Syncs both folders. Returns the new path.
pub(crate) fn move_no_clobber(from: &Path, dir: &Path, name: &str) -> io::Result<PathBuf> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_string(), format!(".{ext}")),
        _ => (name.to_string(), String::new()),
    };
    for n in 0..10_000u32 {
        let candidate = if n == 0 { dir.join(name) } else { dir.join(format!("{stem}-{n}{ext}")) };
        match link_no_clobber(from, &candidate) {
            Ok(()) => {
                // After the fallback rename, `from` is already gone.
                match fs::remove_file(from) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => {
                        let _ = fs::remove_file(&candidate);
                        return Err(e);
                    }
                }
                sync_dir(dir)?;
                if let Some(parent) = from.parent() {
                    sync_dir(parent)?;
                }
                return Ok(candidate);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many files with the same name"))
}

/// Moves `from` to exactly `to`, failing with `AlreadyExists` if `to` exists.
/// Syncs both folders.
pub(crate) fn move_exact_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    link_no_clobber(from, to)?;
    match fs::remove_file(from) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            let _ = fs::remove_file(to);
            return Err(e);
        }
    }
    if let Some(parent) = to.parent() {
        sync_dir(parent)?;
    }
    if let Some(parent) = from.parent() {
        sync_dir(parent)?;
    }
    Ok(())
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
/// temp file, write, fsync, hard link to the final name, remove temp, fsync folder.
/// On failure nothing is left under `name` (unless it was there before) and the temp
/// file is removed.
pub(crate) fn write_new(
    fs: &dyn Fs,
    dir: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf, WriteError> {
    let final_path = dir.join(name);
    let tmp = dir.join(temp_name());
    let mut file = fs.create_new(&tmp).map_err(WriteError::Io)?;
    let mut linked = false;
    let result = (|| {
        fs.write_all(&mut file, bytes).map_err(WriteError::Io)?;
        fs.sync_file(&file).map_err(WriteError::Io)?;
        drop(file);
        match fs.link_no_clobber(&tmp, &final_path) {
            Ok(()) => linked = true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(WriteError::Exists),
            Err(e) => return Err(WriteError::Io(e)),
        }
        match fs.remove(&tmp) {
            Ok(()) => {}
            // The fallback rename already took the temp name away.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(WriteError::Io(e)),
        }
        fs.sync_dir(dir).map_err(WriteError::Io)
    })();
    match result {
        Ok(()) => Ok(final_path),
        Err(err) => {
            if linked {
                let _ = fs.remove(&final_path);
            }
            let _ = fs.remove(&tmp);
            let _ = fs.sync_dir(dir);
            Err(err)
        }
    }
}

/// Replaces `dir/name` with `bytes` atomically: temp file, write, fsync, rename over
/// the old file, fsync folder. On failure the old file is unchanged (unless the
/// rename itself went through) and the temp file is removed.
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
        fs.rename_replace(&tmp, &final_path)?;
        fs.sync_dir(dir)
    })();
    match result {
        Ok(()) => Ok(final_path),
        Err(err) => {
            let _ = fs.remove(&tmp);
            Err(err)
        }
    }
}
