//! A session's note: the only thing about a session that can change.

use super::*;

impl Store {
    /// The note of a saved session, if it has one.
    pub fn note(&self, id: &SessionId) -> Result<Option<Note>, StoreError> {
        let path = self.note_path(id);
        let text = match read::read_text(&path, false, MAX_NOTE_FILE_BYTES) {
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
    pub fn set_note(&self, id: &SessionId, text: &str) -> Result<Note, StoreError> {
        self.set_note_at(id, text, Local::now().fixed_offset())
    }

    /// Sets the note of a saved session to `text`, edited at `edited_at`.
    ///
    /// The note file is replaced atomically (temp file, flush, rename, flush the
    /// folder): after a crash it holds either the old note or the new one. An error
    /// means the old note is unchanged; once the rename is done the edit is
    /// reported done. The session file itself is never touched.
    pub fn set_note_at(
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
        fs::write_replace(self.fs.as_ref(), &self.sessions, &id.note_file_name(), ron.as_bytes())
            .map_err(|source| StoreError::Note { path: self.note_path(id), source })?;
        Ok(note)
    }
}
