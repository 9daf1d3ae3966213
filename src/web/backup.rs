//! The browser's backup: every session and note in one downloadable file, and its
//! import (also of a single session file saved by the desktop app).
//!
//! The file is RON, like the desktop's session files: a list of the entries, each
//! with its desktop file name and its text unchanged, so a session copied out of it
//! by hand is a valid desktop session file.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::files::{Files, SESSIONS};
use crate::store::session::{FORMAT_VERSION, probe_format_version};
use crate::store::{ImportReport, Note, Problem, Session, SessionId};

/// The backup file's format version.
pub const BACKUP_VERSION: u32 = 1;

/// One backup file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "TensionCheckBackup")]
struct Backup {
    format_version: u32,
    /// File name (as on the desktop) and text, for each session and note.
    files: Vec<(String, String)>,
}

/// The backup of every saved session and note, and how many sessions it holds.
pub fn backup(files: &Files) -> Result<(String, usize), String> {
    let entries: Vec<(String, String)> = files
        .sessions_and_notes()
        .into_iter()
        .map(|(key, text)| (key[SESSIONS.len()..].to_string(), text))
        .collect();
    let sessions = entries.iter().filter(|(name, _)| !name.ends_with(".note.ron")).count();
    let backup = Backup { format_version: BACKUP_VERSION, files: entries };
    let pretty = ron::ser::PrettyConfig::new().struct_names(true);
    let text = ron::ser::to_string_pretty(&backup, pretty).map_err(|e| e.to_string())?;
    Ok((text + "\n", sessions))
}

/// Imports a backup file, or one session file, named `name`: sessions not yet here
/// are added, sessions already here are left as they are (their notes come along
/// when newer), anything unreadable or from a newer version is reported and skipped.
pub fn import(files: &Files, name: &str, text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    let entries = match ron::from_str::<Backup>(text) {
        Ok(backup) if backup.format_version > BACKUP_VERSION => {
            report.newer.push(PathBuf::from(name));
            return report;
        }
        Ok(backup) => backup.files,
        Err(_) if Session::from_ron(text).is_ok() || probe_format_version(text).is_some() => {
            vec![(name.to_string(), text.to_string())]
        }
        Err(_) => {
            report.unreadable.push(Problem {
                path: name.into(),
                reason: "it is neither a Tension Check backup nor a session file".into(),
            });
            return report;
        }
    };
    let mut seen = BTreeSet::new();
    for (file, text) in entries.iter().filter(|(f, _)| !f.ends_with(".note.ron")) {
        match Session::from_ron(text) {
            Ok(session) if session.format_version > FORMAT_VERSION => {
                report.newer.push(file.into());
            }
            Ok(session) if files.has(&session.id) || !seen.insert(session.id.clone()) => {
                report.duplicates.push(session.id);
            }
            Ok(session) => match files.save(&session) {
                Ok(_) => report.imported.push(session.id),
                Err(e) => report.failed.push(Problem { path: file.into(), reason: e.to_string() }),
            },
            Err(_) if probe_format_version(text).is_some_and(|v| v > FORMAT_VERSION) => {
                report.newer.push(file.into());
            }
            Err(e) => report.unreadable.push(Problem { path: file.into(), reason: e.to_string() }),
        }
    }
    for (file, text) in entries.iter().filter(|(f, _)| f.ends_with(".note.ron")) {
        let id = file.strip_suffix(".note.ron").and_then(|s| SessionId::parse(s).ok());
        let Some(id) = id.filter(|id| files.has(id)) else { continue };
        match Note::from_ron(text).map_err(|e| e.to_string()) {
            Ok(note) => match files.import_note(&id, &note) {
                Ok(true) => report.notes_imported += 1,
                Ok(false) => {}
                Err(e) => report.failed.push(Problem { path: file.into(), reason: e.to_string() }),
            },
            Err(reason) => report.failed.push(Problem { path: file.into(), reason }),
        }
    }
    report
}
