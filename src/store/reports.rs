//! What the store reports: the results of loading, trash, backup and import, and
//! their sentences for the person.

use super::*;

/// A session read from disk, with its note.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSession {
    /// The session.
    pub session: Session,
    /// Its file.
    pub path: PathBuf,
    /// Its note, if one was written.
    pub note: Option<Note>,
}

/// A file that could not be read and was moved, untouched, into quarantine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// Where it was.
    pub from: PathBuf,
    /// Where it is now.
    pub to: PathBuf,
    /// Why it could not be read.
    pub reason: String,
}

/// A file written by a newer version of the app. It is left where it is, unchanged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewerFile {
    /// The file.
    pub path: PathBuf,
    /// The format version it claims.
    pub format_version: u32,
    /// The session, when this build could still read it (to show read-only).
    pub session: Option<Session>,
}

/// A file that was left where it is because of a problem, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong, in plain words.
    pub reason: String,
}

/// What [`SessionStore::load_all`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    /// The sessions that loaded, newest first.
    pub sessions: Vec<LoadedSession>,
    /// Files that did not parse and were moved into quarantine.
    pub quarantined: Vec<Quarantined>,
    /// Files from a newer version of the app, left in place.
    pub newer: Vec<NewerFile>,
    /// Files that could not be read or moved, left in place (in a read-only store,
    /// also the damaged files a writable one would have moved into quarantine).
    pub unreadable: Vec<Problem>,
    /// Files holding a session whose id is already listed from another file; left
    /// in place, listed once.
    pub duplicates: Vec<Problem>,
    /// Things about the data folder the person should know (see [`Store::warnings`]).
    pub warnings: Vec<String>,
    /// The files (or the sessions folder) among `unreadable` whose reading failed
    /// with an error of the system (a disk error, say): what they hold is unknown,
    /// so nothing may be taken as "not there" because of them.
    pub unknown: Vec<PathBuf>,
    /// Whether the sessions folder itself could not be read, so that nothing could
    /// be listed (its problem is in `unreadable`).
    pub unlisted: bool,
    /// The quarantine folder, to name in messages.
    pub quarantine_dir: PathBuf,
}

impl LoadReport {
    /// A report of nothing loaded yet, naming `quarantine_dir` in its messages.
    pub fn empty(quarantine_dir: PathBuf) -> Self {
        LoadReport {
            sessions: Vec::new(),
            quarantined: Vec::new(),
            newer: Vec::new(),
            unreadable: Vec::new(),
            duplicates: Vec::new(),
            warnings: Vec::new(),
            unknown: Vec::new(),
            unlisted: false,
            quarantine_dir,
        }
    }

    /// How many files were left out: set aside, newer or unreadable. (A duplicate
    /// is not counted: its session is there, from the other file.)
    pub fn left_out(&self) -> usize {
        self.quarantined.len() + self.newer.len() + self.unreadable.len()
    }

    /// One sentence per file that was left out, naming it and saying why, such as
    /// "Set aside: … could not be read (…) and was moved to …".
    pub fn details(&self) -> Vec<String> {
        let mut out = self.warnings.clone();
        for q in &self.quarantined {
            out.push(format!(
                "Set aside: {} could not be read ({}) and was moved, unchanged, to {}.",
                shown(&q.from),
                q.reason,
                shown(&q.to)
            ));
        }
        for newer in &self.newer {
            out.push(format!(
                "Left out: {} was saved by a newer version of Tension Check (format {}); it was left as it is.",
                shown(&newer.path),
                newer.format_version
            ));
        }
        for problem in &self.unreadable {
            out.push(format!("Left out: {}: {}.", shown(&problem.path), problem.reason));
        }
        for problem in &self.duplicates {
            out.push(format!("Listed once: {}: {}.", shown(&problem.path), problem.reason));
        }
        out
    }

    /// Sentences for the person about anything that did not load, empty when all
    /// went well. For example: "2 files could not be read and were moved to …".
    pub fn messages(&self) -> Vec<String> {
        let mut out = self.warnings.clone();
        match self.quarantined.len() {
            0 => {}
            1 => out.push(format!(
                "1 file could not be read and was moved to {}.",
                shown(&self.quarantine_dir)
            )),
            n => out.push(format!(
                "{n} files could not be read and were moved to {}.",
                shown(&self.quarantine_dir)
            )),
        }
        match self.newer.len() {
            0 => {}
            1 => out.push(
                "1 session was saved by a newer version of Tension Check and was left as it is."
                    .to_string(),
            ),
            n => out.push(format!(
                "{n} sessions were saved by a newer version of Tension Check and were left as they are."
            )),
        }
        for problem in &self.unreadable {
            out.push(format!("Could not read {}: {}.", shown(&problem.path), problem.reason));
        }
        match self.duplicates.len() {
            0 => {}
            1 => out.push(
                "1 file holds a session that is already listed from another file; it is listed once."
                    .to_string(),
            ),
            n => out.push(format!(
                "{n} files hold sessions that are already listed from other files; each is listed once."
            )),
        }
        out
    }
}

/// What [`SessionStore::summaries`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Summaries {
    /// The summaries of the sessions that load, newest first.
    pub sessions: Vec<SessionSummary>,
    /// The files left out, as in [`SessionStore::load_all`] (its `sessions` stay empty).
    pub report: LoadReport,
}

/// A deleted session or note in the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    /// The file in the trash.
    pub path: PathBuf,
    /// The session it belongs to.
    pub id: SessionId,
    /// Whether it is the note rather than the session.
    pub is_note: bool,
    /// When it was deleted.
    pub deleted_at: DateTime<Utc>,
}

/// What [`SessionStore::purge_trash`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// The files removed for good.
    pub removed: Vec<PathBuf>,
    /// Files that were old enough but could not be removed.
    pub failed: Vec<Problem>,
}

/// What [`SessionStore::backup_to`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// The files written into the backup folder.
    pub copied: Vec<PathBuf>,
    /// Files already in the backup folder with the same bytes, left as they are.
    pub already_there: Vec<PathBuf>,
    /// Files whose name is taken in the backup folder by different bytes; not copied,
    /// nothing overwritten.
    pub conflicts: Vec<PathBuf>,
}

/// What [`SessionStore::import_from`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Sessions added to the store.
    pub imported: Vec<SessionId>,
    /// Sessions skipped because a session with the same id is already saved.
    pub duplicates: Vec<SessionId>,
    /// Files that are not readable sessions; not imported.
    pub unreadable: Vec<Problem>,
    /// Files written by a newer version of the app; not imported.
    pub newer: Vec<PathBuf>,
    /// Sessions or notes that were readable but could not be saved, and notes that
    /// could not be read.
    pub failed: Vec<Problem>,
    /// Notes imported along with their sessions (also for sessions already here).
    pub notes_imported: usize,
    /// Notes not imported because the same note, or one edited at the same time or
    /// later, is already here.
    pub notes_already_there: usize,
}

impl ImportReport {
    /// One sentence for the person, such as "Imported 3 sessions; 2 were already here."
    pub fn message(&self) -> String {
        let mut text = format!("Imported {}", count(self.imported.len(), "session", "sessions"));
        if !self.duplicates.is_empty() {
            text.push_str(&format!("; {} already here", self.duplicates.len()));
        }
        if self.notes_imported > 0 {
            text.push_str(&format!("; {}", count(self.notes_imported, "note", "notes")));
        }
        if self.notes_already_there > 0 {
            let notes = count(self.notes_already_there, "note", "notes");
            text.push_str(&format!("; {notes} already here"));
        }
        let skipped = self.unreadable.len() + self.newer.len() + self.failed.len();
        if skipped > 0 {
            text.push_str(&format!("; {} could not be imported", count(skipped, "file", "files")));
        }
        text.push('.');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_message_counts_in_singular_and_plural() {
        let mut report = ImportReport::default();
        assert_eq!(report.message(), "Imported 0 sessions.");
        report.newer.push(PathBuf::from("a.ron"));
        assert_eq!(report.message(), "Imported 0 sessions; 1 file could not be imported.");
        report.unreadable.push(Problem { path: "b.ron".into(), reason: "empty".into() });
        assert_eq!(report.message(), "Imported 0 sessions; 2 files could not be imported.");
    }
}
