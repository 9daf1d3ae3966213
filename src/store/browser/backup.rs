//! The browser's backup: every session and note in one downloadable file, in the
//! desktop's backup format ([`crate::store::bundle`]), and its import (a backup file,
//! from either build, or one session file).

use std::path::PathBuf;

use super::files::{Files, SESSIONS};
use crate::store::bundle::{Bundle, BundleEntry, is_bundle};
use crate::store::session::{FORMAT_VERSION, probe_format_version};
use crate::store::{
    ImportReport, NOTE_SUFFIX, Note, Problem, Session, SessionId, StoreError, is_note_file,
};

/// The backup of every saved session and note, and how many sessions it holds.
pub fn backup(files: &Files) -> Result<(String, usize), StoreError> {
    let entries = files.sessions_and_notes();
    let text_of = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, t)| t.clone());
    let mut bundle = Bundle::new();
    for (key, text) in entries.iter().filter(|(k, _)| !is_note_file(k)) {
        let note = text_of(&format!("{}{NOTE_SUFFIX}", key.trim_end_matches(".ron")));
        bundle.sessions.push(BundleEntry { session: text.clone(), note });
    }
    for (key, text) in entries.iter().filter(|(k, _)| is_note_file(k)) {
        let id = key[SESSIONS.len()..].trim_end_matches(NOTE_SUFFIX);
        if text_of(&format!("{SESSIONS}{id}.ron")).is_none() {
            bundle.lone_notes.push((id.to_string(), text.clone()));
        }
    }
    let text = bundle.to_ron().map_err(|e| StoreError::Serialize {
        what: "the backup".to_string(),
        message: e.to_string(),
    })?;
    Ok((text, bundle.sessions.len()))
}

/// Imports a backup file, or one session file, named `name`: sessions not yet here
/// are added, sessions already here are left as they are (their notes come along
/// when newer), anything unreadable or from a newer version is reported and skipped.
pub fn import(files: &Files, name: &str, text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    let (sessions, lone_notes) = if is_bundle(text) {
        match Bundle::from_ron(text) {
            Ok(bundle) => (bundle.sessions, bundle.lone_notes),
            Err(reason) => {
                report.unreadable.push(Problem { path: name.into(), reason });
                return report;
            }
        }
    } else {
        (vec![BundleEntry { session: text.to_string(), note: None }], Vec::new())
    };
    let single = sessions.len() == 1 && !is_bundle(text);
    for (n, entry) in sessions.iter().enumerate() {
        let label =
            if single { PathBuf::from(name) } else { format!("{name} (session {})", n + 1).into() };
        let id = match Session::from_ron(&entry.session) {
            Ok(session) if session.format_version > FORMAT_VERSION => {
                report.newer.push(label);
                continue;
            }
            Ok(session) if files.has(&session.id) => {
                report.duplicates.push(session.id.clone());
                session.id
            }
            Ok(session) => match files.save(&session) {
                Ok(_) => {
                    report.imported.push(session.id.clone());
                    session.id
                }
                Err(e) => {
                    report.failed.push(Problem { path: label, reason: e.to_string() });
                    continue;
                }
            },
            Err(_) if probe_format_version(&entry.session).is_some_and(|v| v > FORMAT_VERSION) => {
                report.newer.push(label);
                continue;
            }
            Err(e) => {
                report.unreadable.push(Problem { path: label, reason: e.to_string() });
                continue;
            }
        };
        if let Some(note) = &entry.note {
            import_note(files, &id, note, format!("{name} (note {})", n + 1), &mut report);
        }
    }
    for (id, note) in &lone_notes {
        let label = format!("{name} (note of session {id})");
        match SessionId::parse(id) {
            Ok(id) if files.has(&id) => import_note(files, &id, note, label, &mut report),
            _ => report.failed.push(Problem {
                path: label.into(),
                reason: "the note's session is neither in the backup nor here".to_string(),
            }),
        }
    }
    report
}

fn import_note(
    files: &Files,
    id: &SessionId,
    text: &str,
    label: String,
    report: &mut ImportReport,
) {
    let result = Note::from_ron(text)
        .map_err(|e| format!("the note could not be read: {e}"))
        .and_then(|note| files.import_note(id, &note).map_err(|e| e.to_string()));
    match result {
        Ok(true) => report.notes_imported += 1,
        Ok(false) => {}
        Err(reason) => report.failed.push(Problem { path: label.into(), reason }),
    }
}
