//! Opening a data folder: read-write (creating its folders, taking the lock,
//! clearing temp files of interrupted saves) or read-only (changing nothing).

use super::*;

impl Store {
    /// Opens the data folder `dir` for reading and writing, creating it and its
    /// `sessions/`, `quarantine/` and `trash/` folders (mode 0700 on Unix) as needed.
    /// Folders that exist keep their modes; see [`Store::warnings`].
    ///
    /// A `sessions/`, `quarantine/`, `trash/` or `.lock` that is a symbolic link is
    /// an error: nothing is written through a link inside the data folder.
    ///
    /// Temp files left in `sessions/` by an interrupted save are removed, but only
    /// when no other Store (in this or another process) has the folder open, so a
    /// save in progress elsewhere is never disturbed. Drop a Store to release it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::with_fs(dir, Box::new(RealFs))
    }

    /// Like [`Store::open`], but the temp files a crash may have left are removed
    /// later, by [`Store::tidy`] (which the first read of the summaries also does),
    /// so that opening never reads the whole sessions folder: the app opens its
    /// store before its first frame and tidies on a background thread. Until then
    /// the store holds the lock file exclusively (when it could take it), so no
    /// other process can be writing the temp files that will be removed; another
    /// process opening the folder meanwhile waits for it.
    pub fn open_untidied(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(dir, Box::new(RealFs), false)
    }

    /// Removes the temp files a crash left, if this store is still to do it, and
    /// lets other processes share the folder from then on. Quick when there is
    /// nothing to do; never fails (a temp file that cannot be removed is left).
    pub fn tidy(&self) {
        if !self.tidy_pending.swap(false, std::sync::atomic::Ordering::AcqRel) {
            return;
        }
        fs::clean_temp_files(self.fs.as_ref(), &self.sessions);
        // The index is rewritten through a temp file in the data folder.
        fs::clean_temp_files(self.fs.as_ref(), &self.root);
        if let Some(lock) = &self.lock {
            // Shared from now on. Should taking it fail, the store carries on
            // without a lock, as on a folder where locks are not supported.
            let _ = lock.unlock().and_then(|()| lock.lock_shared());
        }
    }

    /// Opens the data folder `dir` to read only: nothing is created, moved, locked
    /// or changed in any way. Damaged files are reported and left where they are;
    /// every change (save, note, delete, import…) fails with
    /// [`StoreError::ReadOnly`]. A data folder without `sessions/` reads as empty.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Store, StoreError> {
        let root = dir.as_ref().to_path_buf();
        let meta = stdfs::metadata(&root)
            .map_err(|source| StoreError::Folder { path: root.clone(), source })?;
        if !meta.is_dir() {
            return Err(StoreError::Folder {
                path: root,
                source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
            });
        }
        let _ = meta;
        let warnings = folder_warnings(&root);
        let sessions = root.join(SESSIONS_DIR);
        match stdfs::symlink_metadata(&sessions) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Symlink { path: sessions });
            }
            _ => {}
        }
        Ok(Store {
            quarantine: root.join(QUARANTINE_DIR),
            trash: root.join(TRASH_DIR),
            sessions,
            root,
            fs: Box::new(RealFs),
            read_only: true,
            index_writes: false,
            warnings,
            lock: None,
            tidy_pending: false.into(),
        })
    }

    /// The same read-only store, allowed to write one file: `index.tsv`, the cache
    /// of summaries, when the data folder belongs to this user (and its writes
    /// succeed: on a folder it cannot write, nothing is written and nothing is
    /// said). It is replaced atomically through a temp file in the data folder,
    /// which a crash may leave and the next writable open removes. Nothing else is
    /// created, moved or changed. For `list` from the command line, so that a
    /// second list reads the index instead of every file.
    pub fn keeping_index(mut self) -> Store {
        self.index_writes = self.read_only && owned_by_me(&self.root);
        self
    }

    /// Like [`Store::open`], with the file operations going through `fs`. For
    /// fault-injection tests.
    #[doc(hidden)]
    pub fn with_fs(dir: impl AsRef<Path>, fs: Box<dyn Fs>) -> Result<Store, StoreError> {
        Store::open_with(dir, fs, true)
    }

    fn open_with(
        dir: impl AsRef<Path>,
        fs: Box<dyn Fs>,
        tidy_now: bool,
    ) -> Result<Store, StoreError> {
        let root = dir.as_ref().to_path_buf();
        prepare_folder(fs.as_ref(), &root)?;
        let sessions = root.join(SESSIONS_DIR);
        let quarantine = root.join(QUARANTINE_DIR);
        let trash = root.join(TRASH_DIR);
        for sub in [&sessions, &quarantine, &trash] {
            prepare_subfolder(fs.as_ref(), sub)?;
        }
        let warnings = folder_warnings(&root);
        let (lock, tidy_pending) = take_lock(&root.join(LOCK_FILE))?;
        let store = Store {
            root,
            sessions,
            quarantine,
            trash,
            fs,
            read_only: false,
            index_writes: true,
            warnings,
            lock: Some(lock),
            tidy_pending: tidy_pending.into(),
        };
        if tidy_now {
            store.tidy();
        }
        Ok(store)
    }
}

/// The error of a folder operation on `path`.
fn folder_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Folder { path, source }
}

/// Makes sure the data folder `root` is a folder, creating it if it does not exist.
/// The data folder itself may be a link the person set up (to another disk, say):
/// it is followed. Links inside it are not.
fn prepare_folder(fs: &dyn Fs, root: &Path) -> Result<(), StoreError> {
    match stdfs::metadata(root) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(StoreError::Folder {
            path: root.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            moves::create_private_dirs(fs, root).map_err(folder_err(root))
        }
        Err(e) => Err(folder_err(root)(e)),
    }
}

/// Makes sure `sub` (`sessions/`, `quarantine/` or `trash/`) is a folder and not a
/// link, creating it if it does not exist.
fn prepare_subfolder(fs: &dyn Fs, sub: &Path) -> Result<(), StoreError> {
    match stdfs::symlink_metadata(sub) {
        Ok(m) if m.file_type().is_symlink() => Err(StoreError::Symlink { path: sub.to_path_buf() }),
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(folder_err(sub)(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            match moves::create_private_dir(fs, sub) {
                Ok(()) => Ok(()),
                // Made meanwhile by another process.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && sub.is_dir() => Ok(()),
                Err(e) => Err(folder_err(sub)(e)),
            }
        }
        Err(e) => Err(folder_err(sub)(e)),
    }
}

/// Opens the lock file and takes the lock: exclusively if no other process holds
/// it (then the temp files in the folder are a crash's leftovers, to be removed by
/// `tidy`: the second value is true), else shared.
fn take_lock(lock_path: &Path) -> Result<(File, bool), StoreError> {
    let lock = open_lock_file(lock_path).map_err(|e| {
        if is_symlink_refusal(&e) {
            StoreError::Symlink { path: lock_path.to_path_buf() }
        } else {
            folder_err(lock_path)(e)
        }
    })?;
    let tidy_pending = match lock.try_lock() {
        Ok(()) => true,
        Err(TryLockError::WouldBlock) => {
            lock.lock_shared().map_err(folder_err(lock_path))?;
            false
        }
        // Locks not supported here (some network shares): work without one and
        // leave temp files alone, since another process might be saving.
        Err(TryLockError::Error(_)) => false,
    };
    Ok((lock, tidy_pending))
}

/// The one rule for folders other users can change, for every command and the
/// app: the data folder and each of its `sessions/`, `quarantine/` and `trash/`
/// that is group- or world-writable gets a warning with the `chmod 700` that fixes
/// it. The modes are left as they are: the person may have set them so on purpose.
pub(super) fn folder_warnings(root: &Path) -> Vec<String> {
    let mut warnings = Vec::new();
    for dir in [
        root.to_path_buf(),
        root.join(SESSIONS_DIR),
        root.join(QUARANTINE_DIR),
        root.join(TRASH_DIR),
    ] {
        // A link is refused elsewhere, and never followed here.
        let meta = if dir == root { stdfs::metadata(&dir) } else { stdfs::symlink_metadata(&dir) };
        if let Ok(meta) = meta
            && meta.is_dir()
        {
            check_private(&dir, &meta, &mut warnings);
        }
    }
    warnings
}

/// Adds a warning when the folder can be changed by other users.
fn check_private(dir: &Path, meta: &stdfs::Metadata, warnings: &mut Vec<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o022 != 0 {
            let shown = error::shown(dir);
            warnings.push(format!(
                "The folder {shown} can be changed by other users (its mode is {mode:04o}). \
                 To keep your sessions private, run: chmod 700 {shown}"
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta, warnings);
}

/// Whether `dir` belongs to the user running the app (always on systems without
/// owners).
fn owned_by_me(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        stdfs::metadata(dir).is_ok_and(|m| m.uid() == me)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        true
    }
}

pub(super) fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if stdfs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "a symbolic link"));
    }
    options.open(path)
}

pub(super) fn is_symlink_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::InvalidInput
    }
}
