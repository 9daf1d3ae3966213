//! Saving a session, and reading one back by id.

use super::*;

impl Store {
    /// Saves a new session durably and returns its file.
    ///
    /// The file is written to a temp file, flushed to disk, then given its final
    /// name without overwriting anything, and the folder is flushed. If any step
    /// fails, nothing is left under the final name and the temp file is removed.
    /// An id that is already saved is an error: saved sessions are never replaced.
    pub(crate) fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        self.writable()?;
        let text = session.to_ron().map_err(|e| StoreError::Serialize {
            what: format!("the session {}", session.id),
            message: e.to_string(),
        })?;
        self.write_session_bytes(&session.id, text.as_bytes())
    }

    pub(super) fn write_session_bytes(
        &self,
        id: &SessionId,
        bytes: &[u8],
    ) -> Result<PathBuf, StoreError> {
        let path = self.session_path(id);
        match stdfs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(StoreError::Symlink { path }),
            Ok(_) => return Err(StoreError::AlreadySaved { id: id.clone(), path }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            // Whether it is there cannot be told: not "not there".
            Err(source) => return Err(StoreError::Read { path, source }),
        }
        match fs::write_new(self.fs.as_ref(), &self.sessions, &id.file_name(), bytes) {
            Ok(path) => Ok(path),
            Err(WriteError::Exists) => Err(StoreError::AlreadySaved { id: id.clone(), path }),
            Err(WriteError::Io(source)) => Err(StoreError::Save { path, source }),
        }
    }

    /// The saved session with this id, read from `sessions/<id>.ron` (never
    /// through a link, checked like every load, nothing moved); its note is read
    /// with [`Store::note`]. `Ok(None)` when that file does not exist or holds
    /// another id.
    pub(crate) fn load_session(&self, id: &SessionId) -> Result<Option<Session>, StoreError> {
        let path = self.session_path(id);
        let text = match self.read_here(&path, MAX_SESSION_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(StoreError::Unreadable { path, reason: e.reason() }),
        };
        let session = Session::from_ron(&text)
            .map_err(|e| StoreError::Unreadable { path: path.clone(), reason: e.to_string() })?;
        Ok(Some(session).filter(|s| s.id == *id))
    }

    /// The session with this id and its file: `sessions/<id>.ron`, or else the file
    /// the index names for it, or else (when a session was copied in under another
    /// name and the index does not know it yet) the first file holding it. Checked
    /// like every load; nothing is moved.
    pub(crate) fn find_session(
        &self,
        id: &SessionId,
    ) -> Result<Option<(PathBuf, Session)>, StoreError> {
        match self.load_session(id) {
            Ok(Some(session)) => return Ok(Some((self.session_path(id), session))),
            Ok(None) => {}
            Err(e) => {
                self.forget_in_index(&id.file_name());
                return Err(e);
            }
        }
        let indexed = self.read_index().into_iter().find(|(_, (_, s))| &s.id == id);
        let names = match indexed {
            Some((name, _)) => vec![name],
            None => match list_ron_files(&self.sessions) {
                Ok(listing) => listing.names.into_iter().filter(|n| !is_note_file(n)).collect(),
                Err(_) => Vec::new(),
            },
        };
        for name in names {
            let path = self.sessions.join(&name);
            let parsed = self
                .read_here(&path, MAX_SESSION_FILE_BYTES)
                .map_err(|e| e.reason())
                .and_then(|text| Session::from_ron(&text).map_err(|e| e.to_string()));
            match parsed {
                Ok(session) if session.id == *id => return Ok(Some((path, session))),
                Ok(_) => {}
                Err(_) => self.forget_in_index(&name),
            }
        }
        Ok(None)
    }
}
