//! A backup folder: every session and note file copied byte for byte, all or nothing.

use super::*;

impl Store {
    /// Copies every session and note file, byte for byte, into `dest_dir`: all of
    /// them or none.
    ///
    /// Every file is read first; if any cannot be read (a link, a named pipe, too
    /// large…), nothing is written and the error lists them all. The folder (made
    /// if it does not exist) holds the marker [`BACKUP_INCOMPLETE`] until every
    /// file is in it, so a backup stopped midway is never taken for a whole one
    /// (import refuses it; the next backup into it finishes it). In a folder that
    /// exists, files already there with the same bytes are counted; if a name is
    /// taken by different bytes, nothing is copied and the report lists the
    /// conflicts. Each copy is written through a temp file inside the folder and
    /// flushed to disk; nothing is overwritten, and temp files a stopped backup
    /// left there are removed by the next one.
    pub(crate) fn backup_to(&self, dest_dir: impl AsRef<Path>) -> Result<ExportReport, StoreError> {
        let dest = dest_dir.as_ref();
        let listing = match list_ron_files(&self.sessions) {
            Ok(listing) => listing,
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => Default::default(),
            Err(source) => return Err(StoreError::Read { path: self.sessions.clone(), source }),
        };
        let mut files = Vec::new();
        let mut problems: Vec<Problem> = listing.odd_problems().collect();
        let names = listing.names;
        for name in names {
            let from = self.sessions.join(&name);
            match self.fs.read(&from, MAX_SESSION_FILE_BYTES.max(MAX_NOTE_FILE_BYTES)) {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) => problems.push(Problem { path: from, reason: e.reason() }),
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Backup { dest: dest.to_path_buf(), problems });
        }
        match stdfs::metadata(dest) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => self.backup_into_new(dest, &files),
            Ok(meta) if meta.is_dir() => self.backup_into_existing(dest, &files),
            Ok(_) => Err(StoreError::Export {
                from: self.sessions.clone(),
                to: dest.to_path_buf(),
                source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
            }),
            Err(source) => Err(StoreError::Export {
                from: self.sessions.clone(),
                to: dest.to_path_buf(),
                source,
            }),
        }
    }

    pub(super) fn backup_into_new(
        &self,
        dest: &Path,
        files: &[(String, Vec<u8>)],
    ) -> Result<ExportReport, StoreError> {
        let fs = self.fs.as_ref();
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let folder_err = |source| StoreError::Export {
            from: self.sessions.clone(),
            to: dest.to_path_buf(),
            source,
        };
        moves::create_private_dirs(fs, &parent).map_err(folder_err)?;
        moves::create_private_dir(fs, dest).map_err(folder_err)?;
        match self.fill_backup(dest, files.iter().map(|(n, b)| (n, b)).collect()) {
            Ok(copied) => Ok(ExportReport { copied, ..ExportReport::default() }),
            Err(err) => {
                // Nothing of it is kept: the folder was made by this backup. If it
                // cannot be removed, its marker says it is not a finished backup.
                if fs.remove_dir(dest).is_ok() {
                    let _ = fs.sync_dir(&parent);
                }
                Err(err)
            }
        }
    }

    /// Writes `files` into the folder `dest`, all or nothing: first the marker
    /// [`BACKUP_INCOMPLETE`], then each file (temp file in `dest`, flush, rename
    /// without replacing), then the marker is removed. A crash leaves the marker:
    /// an import refuses the folder, and the next backup into it finishes it (the
    /// files already copied count as already there). On an error, what this
    /// backup wrote is taken back, the marker last.
    fn fill_backup(
        &self,
        dest: &Path,
        files: Vec<(&String, &Vec<u8>)>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        let fs = self.fs.as_ref();
        let err = |name: &str, source| StoreError::Export {
            from: self.sessions.join(name),
            to: dest.to_path_buf(),
            source,
        };
        let as_io = |e: WriteError| match e {
            WriteError::Exists => io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file with that name appeared meanwhile",
            ),
            WriteError::Io(e) => e,
        };
        let marker = dest.join(BACKUP_INCOMPLETE);
        let made_marker =
            match fs::write_new(fs, dest, BACKUP_INCOMPLETE, INCOMPLETE_TEXT.as_bytes()) {
                Ok(_) => true,
                // Left by a backup that was stopped: this one finishes it.
                Err(WriteError::Exists) => false,
                Err(e) => {
                    return Err(StoreError::Export {
                        from: self.sessions.clone(),
                        to: dest.to_path_buf(),
                        source: as_io(e),
                    });
                }
            };
        let mut copied = Vec::new();
        for (name, bytes) in files {
            match fs::write_new(fs, dest, name, bytes) {
                Ok(path) => copied.push(path),
                Err(e) => {
                    for path in &copied {
                        let _ = fs.remove(path);
                    }
                    if made_marker {
                        let _ = fs.remove(&marker);
                    }
                    let _ = fs.sync_dir(dest);
                    return Err(err(name, as_io(e)));
                }
            }
        }
        match fs.remove(&marker) {
            Ok(()) => {}
            Err(_) if stdfs::symlink_metadata(&marker).is_err() => {}
            Err(source) => {
                for path in &copied {
                    let _ = fs.remove(path);
                }
                let _ = fs.sync_dir(dest);
                return Err(StoreError::Export {
                    from: self.sessions.clone(),
                    to: dest.to_path_buf(),
                    source,
                });
            }
        }
        // Every file was flushed; the marker's removal is what a crash could undo,
        // which only asks for the backup to be run again.
        let _ = fs.sync_dir(dest);
        Ok(copied)
    }

    pub(super) fn backup_into_existing(
        &self,
        dest: &Path,
        files: &[(String, Vec<u8>)],
    ) -> Result<ExportReport, StoreError> {
        // Temp files a stopped backup left here are removed first.
        fs::clean_temp_files(self.fs.as_ref(), dest);
        let mut report = ExportReport::default();
        let mut to_copy = Vec::new();
        for (name, bytes) in files {
            let existing = dest.join(name);
            if stdfs::symlink_metadata(&existing).is_err() {
                to_copy.push((name, bytes));
            } else if read::read_bytes(&existing, false, bytes.len() as u64)
                .is_ok_and(|old| &old == bytes)
            {
                report.already_there.push(existing);
            } else {
                report.conflicts.push(existing);
            }
        }
        if !report.conflicts.is_empty() {
            return Ok(report);
        }
        report.copied = self.fill_backup(dest, to_copy)?;
        Ok(report)
    }
}

/// The marker file in a backup folder while a backup is being written into it.
pub const BACKUP_INCOMPLETE: &str = ".backup-incomplete";

const INCOMPLETE_TEXT: &str = "This backup of Tension Check is not finished: it is being \
written, or was stopped. Run the backup into this folder again to finish it.\n";
