//! Moves that never replace a file, and folder creation, through the store's file
//! operations ([`Fs`]; see the module docs of `fs` for the guarantees).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::fs::Fs;
use super::os::rename_went_through;

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
