//! A backup folder: every session and note file copied byte for byte, all or nothing.

use super::*;

impl Store {
    /// Copies every session and note file, byte for byte, into `dest_dir`: all of
    /// them or none.
    ///
    /// Every file is read first; if any cannot be read (a link, a named pipe, too
    /// large…), nothing is written and the error lists them all. A new `dest_dir` is
    /// filled as a temp folder beside it and renamed into place once complete. In a
    /// folder that exists, files already there with the same bytes are counted;
    /// if a name is taken by different bytes, nothing is copied and the report
    /// lists the conflicts. Each copy is flushed to disk; nothing is overwritten.
    pub fn export_backup(&self, dest_dir: impl AsRef<Path>) -> Result<ExportReport, StoreError> {
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
        let export_err = |from: &Path, source| StoreError::Export {
            from: from.to_path_buf(),
            to: dest.to_path_buf(),
            source,
        };
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_private_dirs(fs, &parent).map_err(|e| export_err(&parent, e))?;
        let tmp = parent.join(format!("{TEMP_PREFIX}backup-{}", session::random_hex(8)));
        fs::create_private_dir(fs, &tmp).map_err(|e| export_err(&tmp, e))?;
        let mut written = Vec::new();
        let result = (|| {
            for (name, bytes) in files {
                match fs::write_new(fs, &tmp, name, bytes) {
                    Ok(path) => written.push(path),
                    Err(WriteError::Exists) => {
                        let e = io::Error::new(io::ErrorKind::AlreadyExists, "a name came twice");
                        return Err(export_err(&self.sessions.join(name), e));
                    }
                    Err(WriteError::Io(e)) => return Err(export_err(&self.sessions.join(name), e)),
                }
            }
            match fs.rename_no_replace(&tmp, dest) {
                Ok(()) => Ok(()),
                Err(_) if stdfs::symlink_metadata(&tmp).is_err() && dest.is_dir() => Ok(()),
                Err(e) => Err(export_err(&tmp, e)),
            }
        })();
        match result {
            Ok(()) => {
                // The backup is complete under its name; a failed flush cannot undo that.
                let _ = fs.sync_dir(&parent);
                Ok(ExportReport {
                    copied: files.iter().map(|(name, _)| dest.join(name)).collect(),
                    ..ExportReport::default()
                })
            }
            Err(err) => {
                for path in &written {
                    let _ = fs.remove(path);
                }
                // A temp folder that cannot be removed is left with its temp name,
                // never mistaken for the backup.
                let _ = fs.remove_dir(&tmp);
                Err(err)
            }
        }
    }

    pub(super) fn backup_into_existing(
        &self,
        dest: &Path,
        files: &[(String, Vec<u8>)],
    ) -> Result<ExportReport, StoreError> {
        let fs = self.fs.as_ref();
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
        for (name, bytes) in to_copy {
            match fs::write_new(fs, dest, name, bytes) {
                Ok(path) => report.copied.push(path),
                Err(err) => {
                    // All or nothing: take back what this backup wrote.
                    for path in &report.copied {
                        let _ = fs.remove(path);
                    }
                    let _ = fs.sync_dir(dest);
                    let source = match err {
                        WriteError::Exists => io::Error::new(
                            io::ErrorKind::AlreadyExists,
                            "a file with that name appeared meanwhile",
                        ),
                        WriteError::Io(e) => e,
                    };
                    return Err(StoreError::Export {
                        from: self.sessions.join(name),
                        to: dest.to_path_buf(),
                        source,
                    });
                }
            }
        }
        Ok(report)
    }
}
