//! The system calls behind [`super::fs::RealFs`] that the standard library lacks:
//! a rename that never replaces a file, a folder flush, and telling whether a rename
//! that reported an error went through (see the module docs of `fs`).

use std::fs;
use std::io;
use std::path::Path;

/// Flushes a folder's entries to the disk. On Windows folders cannot be opened
/// this way and NTFS journals its metadata, so this does nothing there.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
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
pub(crate) fn rename_went_through(from: &Path, to: &Path) -> bool {
    matches!(fs::symlink_metadata(from), Err(e) if e.kind() == io::ErrorKind::NotFound)
        && fs::symlink_metadata(to).is_ok()
}
