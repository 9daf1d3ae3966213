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

/// Which operations a [`FaultyFs`] fails.
type FailWhen = Box<dyn Fn(usize) -> bool + Send + Sync>;

/// A file system that fails chosen operations (counted from 1) with an error of
/// `kind`, and passes every other call to [`RealFs`]. It also counts the calls.
///
/// A failing `write_all` first writes part of the data, as a real one can. With
/// [`FaultyFs::after`], a failing call is made for real first and then reports the
/// error: the nastiest case, where the work is done but reported as failed.
#[doc(hidden)]
pub struct FaultyFs {
    fail: FailWhen,
    kind: io::ErrorKind,
    after: bool,
    calls: AtomicUsize,
    failed: AtomicUsize,
}

impl fmt::Debug for FaultyFs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaultyFs")
            .field("kind", &self.kind)
            .field("after", &self.after)
            .field("calls", &self.calls)
            .finish_non_exhaustive()
    }
}

impl FaultyFs {
    /// Fails the operations for which `fail(n)` is true (n counts from 1).
    pub fn failing(fail: impl Fn(usize) -> bool + Send + Sync + 'static) -> Self {
        FaultyFs {
            fail: Box::new(fail),
            kind: io::ErrorKind::StorageFull,
            after: false,
            calls: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
        }
    }

    /// Fails the `n`-th operation (from 1) with "the disk is full".
    pub fn fail_at(n: usize) -> Self {
        FaultyFs::failing(move |i| i == n)
    }

    /// Fails the `n`-th operation (from 1) with an error of `kind`.
    pub fn fail_at_with(n: usize, kind: io::ErrorKind) -> Self {
        FaultyFs::fail_at(n).with_kind(kind)
    }

    /// Fails the `n`-th operation and every one after it, so the cleanup after the
    /// first fault fails too.
    pub fn fail_from(n: usize) -> Self {
        FaultyFs::failing(move |i| i >= n)
    }

    /// Fails every `n`-th operation (n, 2n, 3n…).
    pub fn fail_every(n: usize) -> Self {
        FaultyFs::failing(move |i| n > 0 && i % n == 0)
    }

    /// Fails nothing; only counts.
    pub fn counting() -> Self {
        FaultyFs::failing(|_| false)
    }

    /// Fails with errors of `kind`.
    pub fn with_kind(mut self, kind: io::ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Makes each failing call for real before reporting its failure.
    pub fn after(mut self) -> Self {
        self.after = true;
        self
    }

    /// How many operations were made so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// How many operations were made to fail so far.
    pub fn failures(&self) -> usize {
        self.failed.load(Ordering::SeqCst)
    }

    fn fails(&self) -> Option<usize> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if (self.fail)(n) {
            self.failed.fetch_add(1, Ordering::SeqCst);
            Some(n)
        } else {
            None
        }
    }

    fn run<T>(&self, op: &str, real: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let Some(n) = self.fails() else { return real() };
        let err = io::Error::new(self.kind, format!("injected failure of operation {n} ({op})"));
        if self.after {
            let _ = real();
        }
        Err(err)
    }
}

impl Fs for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        // A file created but reported as failed could never be cleaned up by its
        // caller, who has no handle: the "after" mode does not apply here.
        match self.fails() {
            Some(n) => Err(io::Error::new(
                self.kind,
                format!("injected failure of operation {n} (create_new)"),
            )),
            None => RealFs.create_new(path),
        }
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        match self.fails() {
            Some(n) => {
                // A failed write may still have written part of the data.
                let _ = file.write_all(&bytes[..bytes.len() / 2]);
                Err(io::Error::new(
                    self.kind,
                    format!("injected failure of operation {n} (write_all)"),
                ))
            }
            None => RealFs.write_all(file, bytes),
        }
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.run("sync_file", || RealFs.sync_file(file))
    }

    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run("rename_no_replace", || RealFs.rename_no_replace(from, to))
    }

    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run("rename_replace", || RealFs.rename_replace(from, to))
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.run("remove", || RealFs.remove(path))
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("sync_dir", || RealFs.sync_dir(dir))
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("create_dir", || RealFs.create_dir(dir))
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("remove_dir", || RealFs.remove_dir(dir))
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

/// Renames `from` to `to` without ever replacing `to` (see the module docs).
pub(crate) fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| {
            CString::new(p.as_os_str().as_bytes())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in a path"))
        };
        let (cfrom, cto) = (c(from)?, c(to)?);
        // SAFETY: both are valid NUL-terminated paths that live across the call.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                cfrom.as_ptr(),
                libc::AT_FDCWD,
                cto.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            // The kernel or this file system does not support the flag: fall back.
            Some(libc::ENOSYS) | Some(libc::EINVAL) | Some(libc::ENOTSUP) => {}
            _ => return Err(err),
        }
    }
    rename_no_replace_fallback(from, to)
}

fn rename_no_replace_fallback(from: &Path, to: &Path) -> io::Result<()> {
    let exists = || io::Error::new(io::ErrorKind::AlreadyExists, "the target exists");
    if fs::symlink_metadata(from)?.is_dir() {
        // Folders cannot be hard-linked; renaming onto an existing folder fails
        // unless it is empty, and replacing an empty folder loses nothing.
        if fs::symlink_metadata(to).is_ok() {
            return Err(exists());
        }
        return fs::rename(from, to);
    }
    match fs::hard_link(from, to) {
        Ok(()) => match fs::remove_file(from) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => {
                // Two names would make a moved file appear twice: undo the link.
                let _ = fs::remove_file(to);
                Err(e)
            }
        },
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(e) if links_unsupported(&e) => {
            if fs::symlink_metadata(to).is_ok() {
                return Err(exists());
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

/// Whether a rename from `from` to `to` that reported an error went through anyway
/// (`from` gone, `to` there): then the work is done and must not be reported failed.
fn rename_went_through(from: &Path, to: &Path) -> bool {
    matches!(fs::symlink_metadata(from), Err(e) if e.kind() == io::ErrorKind::NotFound)
        && fs::symlink_metadata(to).is_ok()
}

/// Moves `from` to exactly `to`, failing with `AlreadyExists` if `to` exists.
/// Once the rename is done the move is reported done; both folders are then
/// flushed, and a failed flush is no loss (see the module docs).
pub(crate) fn move_exact(fs: &dyn Fs, from: &Path, to: &Path) -> io::Result<()> {
    match fs.rename_no_replace(from, to) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) if rename_went_through(from, to) => {}
        Err(e) => return Err(e),
    }
    if let Some(parent) = to.parent() {
        let _ = fs.sync_dir(parent);
    }
    if let Some(parent) = from.parent()
        && Some(parent) != to.parent()
    {
        let _ = fs.sync_dir(parent);
    }
    Ok(())
}

/// Moves `from` into `dir` under `name`, or under `stem-1.ext`, `stem-2.ext`… if
/// that name is taken (see [`super::names`]). Never overwrites. Returns the new path.
pub(crate) fn move_no_clobber(
    fs: &dyn Fs,
    from: &Path,
    dir: &Path,
    name: &str,
) -> io::Result<PathBuf> {
    super::names::first_free(
        super::names::numbered(name),
        |candidate| {
            let to = dir.join(candidate);
            move_exact(fs, from, &to).map(|()| to)
        },
        |e| e.kind() == io::ErrorKind::AlreadyExists,
    )
    .unwrap_or_else(|| {
        Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many files with the same name"))
    })
}

/// Creates the folder `dir` (mode 0700) and flushes its parent so the new folder
/// survives a crash.
pub(crate) fn create_private_dir(fs: &dyn Fs, dir: &Path) -> io::Result<()> {
    fs.create_dir(dir)?;
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs.sync_dir(parent)?;
    }
    Ok(())
}

/// Creates `dir` and any missing parents (each mode 0700, each flushed into its
/// parent). Folders that exist are left as they are.
pub(crate) fn create_private_dirs(fs: &dyn Fs, dir: &Path) -> io::Result<()> {
    if fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dirs(fs, parent)?;
    }
    match create_private_dir(fs, dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
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
