//! Importing sessions and their notes from a backup folder, a backup file or one
//! session file.

use super::*;

/// What an import knows of the sessions already here.
#[derive(Debug, Default)]
pub(crate) struct Here {
    /// The ids saved here, under any file name.
    pub(crate) ids: BTreeSet<SessionId>,
    /// Files here (or the sessions folder) that could not be read: any session
    /// may be in them.
    pub(crate) unknown: Vec<PathBuf>,
}

impl Store {
    /// Imports sessions from a folder of session files (such as a backup) or from a
    /// single `.ron` file.
    ///
    /// Each file that reads as a session is saved as it is, byte for byte, unless a
    /// session with the same id is already saved, under any file name (then it is
    /// counted as a duplicate). A note beside it (`<name>.note.ron`) comes along,
    /// also for a session already here: when there is no note yet, or the imported
    /// one was edited later (the one it replaces goes to the trash). Files that do
    /// not read as sessions or notes, from a newer version, or that cannot be saved,
    /// are listed. Links inside a folder are not followed; a single file named by
    /// the person may be one.
    pub(crate) fn import_from(&self, src: &Path) -> ImportReport {
        let mut report = ImportReport::default();
        if let Err(e) = self.writable() {
            report.failed.push(Problem { path: src.to_path_buf(), reason: e.to_string() });
            return report;
        }
        if stdfs::metadata(src).is_ok_and(|m| m.is_dir())
            && stdfs::symlink_metadata(src.join(BACKUP_INCOMPLETE)).is_ok()
        {
            let reason = "it is a backup that was not finished (it was stopped while it was \
                          written); run the backup into it again to finish it, then import it"
                .to_string();
            report.failed.push(Problem { path: src.to_path_buf(), reason });
            return report;
        }
        let (files, follow): (Vec<PathBuf>, bool) = match stdfs::metadata(src) {
            Ok(meta) if meta.is_dir() => match list_ron_files(src) {
                Ok(listing) => (
                    {
                        report.unreadable.extend(listing.odd_problems());
                        listing.names
                    }
                    .into_iter()
                    .filter(|name| !is_note_file(name))
                    .map(|name| src.join(name))
                    .collect(),
                    false,
                ),
                Err(e) => {
                    report
                        .unreadable
                        .push(Problem { path: src.to_path_buf(), reason: error::plain(&e) });
                    return report;
                }
            },
            Ok(_) => (vec![src.to_path_buf()], true),
            Err(e) => {
                report
                    .unreadable
                    .push(Problem { path: src.to_path_buf(), reason: error::plain(&e) });
                return report;
            }
        };
        let mut ids = self.ids_here();
        for path in files {
            self.import_file(&path, follow, &mut ids, &mut report);
        }
        report
    }

    /// The ids already here, under any file name (from the index where it is up to
    /// date; nothing is moved), and the files here that could not be read.
    pub(crate) fn ids_here(&self) -> Here {
        let here = self.summaries_with(false);
        let mut ids: BTreeSet<SessionId> = here.sessions.into_iter().map(|s| s.id).collect();
        ids.extend(here.report.newer.into_iter().filter_map(|n| n.session.map(|s| s.id)));
        Here { ids, unknown: here.report.unknown }
    }

    pub(super) fn import_file(
        &self,
        path: &Path,
        follow: bool,
        ids: &mut Here,
        report: &mut ImportReport,
    ) {
        let limit = if follow { bundle::MAX_BUNDLE_BYTES } else { MAX_SESSION_FILE_BYTES };
        let text = match read::read_text(path, follow, limit) {
            Ok(text) => text,
            Err(e) => {
                report.unreadable.push(Problem { path: path.to_path_buf(), reason: e.reason() });
                return;
            }
        };
        if bundle::is_bundle(&text) {
            return self.import_bundle_text(&text, path, ids, report);
        }
        if text.len() as u64 > MAX_SESSION_FILE_BYTES {
            let reason = read::ReadError::TooLarge { limit: MAX_SESSION_FILE_BYTES }.reason();
            report.unreadable.push(Problem { path: path.to_path_buf(), reason });
            return;
        }
        let Some(id) = self.import_session_text(&text, path, ids, report) else { return };
        let note_src = path.with_extension("note.ron");
        let note = match read::read_text(&note_src, false, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return,
            Err(e) => {
                let reason = format!("the note could not be read: {}", e.reason());
                report.failed.push(Problem { path: note_src, reason });
                return;
            }
        };
        self.import_note_text(&note, &note_src, &id, report);
    }

    /// Saves the session in `text` (from `source`) byte for byte unless its id is
    /// already here. Returns its id when the session is here afterwards (imported or
    /// already there), so its note can follow.
    pub(crate) fn import_session_text(
        &self,
        text: &str,
        source: &Path,
        ids: &mut Here,
        report: &mut ImportReport,
    ) -> Option<SessionId> {
        let session = match Session::from_ron(text) {
            Ok(session) if session.format_version > FORMAT_VERSION => {
                report.newer.push(source.to_path_buf());
                return None;
            }
            Ok(session) => session,
            Err(err) => {
                match session::probe_format_version(text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(source.to_path_buf())
                    }
                    _ => report
                        .unreadable
                        .push(Problem { path: source.to_path_buf(), reason: err.to_string() }),
                }
                return None;
            }
        };
        let id = session.id;
        if ids.ids.contains(&id) {
            report.duplicates.push(id.clone());
            return Some(id);
        }
        if let Some(unknown) = ids.unknown.first() {
            // It may be here under that file: saving it would make a second copy.
            let reason = format!(
                "it was not imported because {} in the data folder could not be read, so \
                 whether this session is already saved could not be checked",
                shown(&unknown)
            );
            report.failed.push(Problem { path: source.to_path_buf(), reason });
            return None;
        }
        match self.write_session_bytes(&id, text.as_bytes()) {
            Ok(_) => {
                ids.ids.insert(id.clone());
                report.imported.push(id.clone());
                Some(id)
            }
            Err(StoreError::AlreadySaved { .. }) => {
                report.duplicates.push(id.clone());
                Some(id)
            }
            Err(e) => {
                report.failed.push(Problem { path: source.to_path_buf(), reason: e.to_string() });
                None
            }
        }
    }

    /// Brings in the note in `text` (from `source`) for session `id`: when it has
    /// none yet, or this one was edited later (the one it replaces goes to the
    /// trash); see [`Store::bring_in_note`].
    pub(crate) fn import_note_text(
        &self,
        text: &str,
        src: &Path,
        id: &SessionId,
        report: &mut ImportReport,
    ) {
        let fail = |report: &mut ImportReport, reason: String| {
            report.failed.push(Problem { path: src.to_path_buf(), reason })
        };
        let note = match Note::from_ron(text) {
            Ok(note) => note,
            Err(err) => {
                match session::probe_format_version(text) {
                    Some(v) if v > NOTE_FORMAT_VERSION => report.newer.push(src.to_path_buf()),
                    _ => fail(report, format!("the note could not be read: {err}")),
                }
                return;
            }
        };
        match self.bring_in_note(id, &note, text.as_bytes()) {
            Ok(notes::NoteIn::Saved) => report.notes_imported += 1,
            Ok(notes::NoteIn::AlreadyThere) => report.notes_already_there += 1,
            Err(why) => fail(report, why),
        }
    }
}
