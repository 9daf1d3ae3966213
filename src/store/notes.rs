//! A session's note: the only thing about a session that can change.
//!
//! Every change of a note is made under the notes lock (`.notes.lock` in the data
//! folder, held exclusively for the few operations of one change), so two
//! processes changing the same note one after the other each see what the other
//! wrote: the note edited last wins, and an import of the note already there
//! changes nothing.

use super::*;

/// The lock file taken while a note is changed.
pub const NOTES_LOCK_FILE: &str = ".notes.lock";

/// What bringing in a note did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteIn {
    /// The note was saved (the session had none, or this one was edited later).
    Saved,
    /// The same note, or one edited at the same time or later, is already here.
    AlreadyThere,
}

impl Store {
    /// The note of a saved session, if it has one.
    pub(crate) fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        let path = self.note_path(id);
        let text = match self.read_here(&path, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(ReadError::Io(source)) => return Err(StoreError::Read { path, source }),
            Err(e) => return Err(StoreError::NoteUnreadable { path, message: e.reason() }),
        };
        Note::from_ron(&text)
            .map(Some)
            .map_err(|e| StoreError::NoteUnreadable { path, message: e.to_string() })
    }

    /// Sets the note of a saved session to `text`, edited now.
    pub(crate) fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
        self.set_note_at(id, text, Local::now().fixed_offset())
    }

    /// Sets the note of a saved session to `text`, edited at `edited_at`.
    ///
    /// The note file is replaced atomically (temp file, flush, rename, flush the
    /// folder), under the notes lock: after a crash it holds either the old note or
    /// the new one. An error means the old note is unchanged; once the rename is
    /// done the edit is reported done. The session file itself is never touched.
    pub(crate) fn set_note_at(
        &self,
        id: &SessionId,
        text: &str,
        edited_at: DateTime<FixedOffset>,
    ) -> Result<Note, StoreError> {
        self.writable()?;
        if !is_regular_file(&self.session_path(id)) {
            return Err(StoreError::NotFound { id: id.clone() });
        }
        let note = Note::new(text, edited_at);
        let ron = note.to_ron_of(id)?;
        let _lock = self.lock_notes()?;
        fs::write_replace(self.fs.as_ref(), &self.sessions, &id.note_file_name(), ron.as_bytes())
            .map_err(|source| StoreError::Note { path: self.note_path(id), source })?;
        Ok(note)
    }

    /// Takes the notes lock, waiting for another process that holds it. Where the
    /// file system has no locks, goes on without one.
    pub(super) fn lock_notes(&self) -> Result<File, StoreError> {
        let path = self.root.join(NOTES_LOCK_FILE);
        let file = open::open_lock_file(&path).map_err(|e| {
            if open::is_symlink_refusal(&e) {
                StoreError::Symlink { path: path.clone() }
            } else {
                StoreError::Folder { path: path.clone(), source: e }
            }
        })?;
        match file.lock() {
            Ok(()) => Ok(file),
            Err(e) if e.kind() == io::ErrorKind::Unsupported => Ok(file),
            Err(source) => Err(StoreError::Folder { path, source }),
        }
    }

    /// Brings in the note file `bytes` (already checked to read as `note`) for
    /// session `id`, under the notes lock: saved when the session has no note yet
    /// or this one was edited later; already there when the note here has the same
    /// bytes, or was edited at the same time or later. A note here that cannot be
    /// read is an error (and is kept), never taken for no note.
    ///
    /// A note replaced goes to the trash, and at no instant is the session without
    /// a note: the new note is written to a temp file and flushed, the old one is
    /// given a second name in the trash (a hard link, flushed), then the new one is
    /// renamed over it.
    pub(crate) fn bring_in_note(
        &self,
        id: &SessionId,
        note: &Note,
        bytes: &[u8],
    ) -> Result<NoteIn, String> {
        let _lock = self.lock_notes().map_err(|e| e.to_string())?;
        let path = self.note_path(id);
        let here = match self.fs.read(&path, MAX_NOTE_FILE_BYTES) {
            Ok(here) => Some(here),
            Err(e) if e.is_not_found() => None,
            Err(e) => {
                return Err(format!(
                    "the note already here could not be read ({}), so it was kept",
                    e.reason()
                ));
            }
        };
        let Some(here) = here else {
            return match fs::write_new(
                self.fs.as_ref(),
                &self.sessions,
                &id.note_file_name(),
                bytes,
            ) {
                Ok(_) => Ok(NoteIn::Saved),
                Err(WriteError::Exists) => Err("a note was saved meanwhile".to_string()),
                Err(WriteError::Io(e)) => {
                    Err(format!("the note could not be saved: {}", error::plain(&e)))
                }
            };
        };
        if here == bytes {
            return Ok(NoteIn::AlreadyThere);
        }
        let current = String::from_utf8(here)
            .map_err(|_| read::NOT_TEXT.to_string())
            .and_then(|text| Note::from_ron(&text).map_err(|e| e.to_string()))
            .map_err(|why| {
                format!("the note already here could not be read ({why}), so it was kept")
            })?;
        if current == *note || current.edited_at >= note.edited_at {
            return Ok(NoteIn::AlreadyThere);
        }
        self.replace_note(id, bytes).map(|()| NoteIn::Saved).map_err(|e| {
            format!(
                "the note could not be saved: {}; the note that was here is unchanged",
                error::plain(&e)
            )
        })
    }

    /// Replaces the note of `id` with `bytes`, the old note kept in the trash (see
    /// [`Store::bring_in_note`]). An error means the old note is in place and
    /// unchanged (and nothing new is left in the trash, unless even its removal
    /// failed: then the trash holds one more copy of the old note).
    fn replace_note(&self, id: &SessionId, bytes: &[u8]) -> io::Result<()> {
        let fs = self.fs.as_ref();
        let path = self.note_path(id);
        let tmp = self.sessions.join(fs::temp_name());
        let mut file = fs.create_new(&tmp)?;
        let mut linked: Option<PathBuf> = None;
        let result = (|| {
            fs.write_all(&mut file, bytes)?;
            fs.sync_file(&file)?;
            drop(file);
            let stamp = Utc::now().format(TRASH_TIME_FORMAT).to_string();
            let name = id.note_file_name();
            let names = (0..names::MAX_TRIES).map(|n| match n {
                0 => format!("{stamp}--{name}"),
                n => format!("{stamp}.{n}--{name}"),
            });
            let link = names::first_free(
                names,
                |trash_name| {
                    let to = self.trash.join(trash_name);
                    match fs.hard_link(&path, &to) {
                        Ok(()) => Ok(to),
                        // Made although an error was reported: the same file.
                        Err(e)
                            if e.kind() != io::ErrorKind::AlreadyExists
                                && same_file(&path, &to) =>
                        {
                            Ok(to)
                        }
                        Err(e) => Err(e),
                    }
                },
                |e| e.kind() == io::ErrorKind::AlreadyExists,
            )
            .unwrap_or_else(|| {
                Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many files with that name"))
            })?;
            linked = Some(link);
            fs.sync_dir(&self.trash)?;
            match fs.rename_replace(&tmp, &path) {
                Ok(()) => Ok(()),
                Err(_) if os::rename_went_through(&tmp, &path) => Ok(()),
                Err(e) => Err(e),
            }
        })();
        match result {
            Ok(()) => {
                // The new note is in place; a failed flush can only let a crash bring
                // back the old one.
                let _ = fs.sync_dir(&self.sessions);
                Ok(())
            }
            Err(err) => {
                let _ = fs.remove(&tmp);
                if let Some(link) = linked {
                    let _ = fs.remove(&link);
                    let _ = fs.sync_dir(&self.trash);
                }
                Err(err)
            }
        }
    }
}

/// Whether `a` and `b` are names of the same file (a link is not followed).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (stdfs::symlink_metadata(a), stdfs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}
