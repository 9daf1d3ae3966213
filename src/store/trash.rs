//! Deleting into the trash, bringing back, and emptying entries older than 30 days.

use super::*;

impl Store {
    /// Moves a session, and its note, into the trash. Nothing is deleted; see
    /// [`Store::undo_delete`] and [`Store::purge_trash`]. Returns the trash files.
    pub(crate) fn delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        self.delete_at(id, Utc::now())
    }

    /// Like [`Store::delete`], recording `now` as the deletion time.
    ///
    /// An error means nothing was moved. If the note cannot follow the session
    /// into the trash and the session cannot be put back either, the session stays
    /// in the trash (deleted, as asked) and the note stays beside where it was.
    pub(crate) fn delete_at(
        &self,
        id: &SessionId,
        now: DateTime<Utc>,
    ) -> Result<Vec<PathBuf>, StoreError> {
        self.writable()?;
        let session_path = self.session_path(id);
        if !is_regular_file(&session_path) {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let stamp = now.format(TRASH_TIME_FORMAT).to_string();
        let session_trash = self.move_to_trash(&session_path, &stamp, &id.file_name())?;
        let mut moved = vec![session_trash.clone()];
        let note_path = self.note_path(id);
        if is_regular_file(&note_path) {
            match self.move_to_trash(&note_path, &stamp, &id.note_file_name()) {
                Ok(to) => moved.push(to),
                Err(err) => {
                    // Put the session back so that nothing changed, as the error says.
                    if moves::move_exact(self.fs.as_ref(), &session_trash, &session_path).is_ok() {
                        return Err(err);
                    }
                }
            }
        }
        Ok(moved)
    }

    pub(super) fn move_to_trash(
        &self,
        from: &Path,
        stamp: &str,
        name: &str,
    ) -> Result<PathBuf, StoreError> {
        let names = (0..names::MAX_TRIES).map(|n| match n {
            0 => format!("{stamp}--{name}"),
            n => format!("{stamp}.{n}--{name}"),
        });
        let moved = names::first_free(
            names,
            |trash_name| {
                let to = self.trash.join(trash_name);
                moves::move_exact(self.fs.as_ref(), from, &to)
                    .map(|()| to.clone())
                    .map_err(|source| StoreError::Move { from: from.to_path_buf(), to, source })
            },
            |e| matches!(e, StoreError::Move { source, .. } if source.kind() == io::ErrorKind::AlreadyExists),
        );
        moved.unwrap_or_else(|| {
            Err(StoreError::Move {
                from: from.to_path_buf(),
                to: self.trash.clone(),
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "too many files with that name",
                ),
            })
        })
    }

    /// Every deleted session and note in the trash, newest deletion first. Files in
    /// the trash that the store did not put there (or that are not regular files)
    /// are left out.
    pub(crate) fn trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
        let read = match stdfs::read_dir(&self.trash) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => {
                return Ok(Vec::new());
            }
            Err(source) => return Err(StoreError::Read { path: self.trash.clone(), source }),
        };
        let mut entries: Vec<(TrashEntry, u32)> = read
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                parse_trash_name(&name).map(|(id, is_note, deleted_at, n)| {
                    (TrashEntry { path: entry.path(), id, is_note, deleted_at }, n)
                })
            })
            .collect();
        entries.sort_by(|(a, an), (b, bn)| {
            b.deleted_at.cmp(&a.deleted_at).then(bn.cmp(an)).then(b.path.cmp(&a.path))
        });
        Ok(entries.into_iter().map(|(entry, _)| entry).collect())
    }

    /// Brings back the most recently deleted session with this id, and the note
    /// deleted with it. Fails, changing nothing, if the id is saved again meanwhile
    /// or the note cannot come back with it (unless a newer note was written
    /// meanwhile: that one is kept and the old one stays in the trash). Returns the
    /// restored files.
    pub(crate) fn undo_delete(&self, id: &SessionId) -> Result<Vec<PathBuf>, StoreError> {
        self.writable()?;
        let entries = self.trash()?;
        let Some(session_entry) = entries.iter().find(|e| &e.id == id && !e.is_note) else {
            return Err(StoreError::NotInTrash { id: id.clone() });
        };
        let to = self.session_path(id);
        match moves::move_exact(self.fs.as_ref(), &session_entry.path, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::AlreadySaved { id: id.clone(), path: to });
            }
            Err(source) => {
                return Err(StoreError::Move { from: session_entry.path.clone(), to, source });
            }
        }
        let mut restored = vec![to.clone()];
        let note_entry = entries
            .iter()
            .find(|e| &e.id == id && e.is_note && e.deleted_at == session_entry.deleted_at);
        if let Some(note_entry) = note_entry {
            let note_to = self.note_path(id);
            match moves::move_exact(self.fs.as_ref(), &note_entry.path, &note_to) {
                Ok(()) => restored.push(note_to),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    // Put the session back beside its note, so nothing changed.
                    if moves::move_exact(self.fs.as_ref(), &to, &session_entry.path).is_ok() {
                        return Err(StoreError::Move {
                            from: note_entry.path.clone(),
                            to: note_to,
                            source,
                        });
                    }
                }
            }
        }
        Ok(restored)
    }

    /// Removes for good the trash entries deleted more than `max_age` before `now`
    /// (normally [`TRASH_MAX_AGE`]), and says which, so the UI can tell the person.
    pub(crate) fn purge_trash(&self, now: DateTime<Utc>, max_age: TimeDelta) -> PurgeReport {
        let mut report = PurgeReport::default();
        if let Err(e) = self.writable() {
            report.failed.push(Problem { path: self.trash.clone(), reason: e.to_string() });
            return report;
        }
        let entries = match self.trash() {
            Ok(entries) => entries,
            Err(e) => {
                report.failed.push(Problem { path: self.trash.clone(), reason: e.to_string() });
                return report;
            }
        };
        for entry in entries {
            if now.signed_duration_since(entry.deleted_at) > max_age {
                match self.fs.remove(&entry.path) {
                    Ok(()) => report.removed.push(entry.path),
                    // Removed although an error was reported.
                    Err(_) if stdfs::symlink_metadata(&entry.path).is_err() => {
                        report.removed.push(entry.path)
                    }
                    Err(e) => {
                        report.failed.push(Problem { path: entry.path, reason: error::plain(&e) })
                    }
                }
            }
        }
        if !report.removed.is_empty() {
            // If this flush fails, a crash could bring a removed file back: no loss.
            let _ = self.fs.sync_dir(&self.trash);
        }
        report
    }
}

/// Whether `path` is a regular file (a link is not followed).
pub(super) fn is_regular_file(path: &Path) -> bool {
    stdfs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Parses `<yyyymmddThhmmssZ>[.<n>]--<id>.ron` or `...--<id>.note.ron`.
pub(super) fn parse_trash_name(name: &str) -> Option<(SessionId, bool, DateTime<Utc>, u32)> {
    let (stamp, original) = name.split_once("--")?;
    let (stamp, n) = match stamp.split_once('.') {
        Some((stamp, n)) => (stamp, n.parse().ok()?),
        None => (stamp, 0),
    };
    let deleted_at = NaiveDateTime::parse_from_str(stamp, TRASH_TIME_FORMAT).ok()?.and_utc();
    let (id, is_note) = match original.strip_suffix(NOTE_SUFFIX) {
        Some(id) => (id, true),
        None => (original.strip_suffix(".ron")?, false),
    };
    Some((SessionId::parse(id).ok()?, is_note, deleted_at, n))
}
