//! `export` (a report, CSV or a backup of the session files) and `import`.

use std::fs;
use std::io::Write;
use std::path::Path;

use chrono::Local;

use super::output::{done, load};
use super::{Export, Failure, PROGRAM};
use crate::core::wording;
use crate::export::select::{Selection, select_entries};
use crate::export::{Entry, ExportError, Format, render, words};
use crate::store::error::shown;
use crate::store::{SessionStore, Store};

/// Writes the selected sessions to `out` in `format`: a file, or for a backup a
/// folder. The sessions that could not be read are named on `stderr` and make the
/// command fail, after the file of the others is written.
pub(super) fn export(
    store: &dyn SessionStore,
    request: &Export,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let Export { format, selection, out, replace } = request;
    if *format == Format::Backup {
        return backup(store, request, stdout, stderr);
    }
    let report = load(store, stderr)?;
    let loaded: Vec<Entry<'_>> = report.sessions.iter().map(Entry::from).collect();
    if let Some(id) = selection.missing_ids(loaded.iter().map(|e| e.session)).first() {
        return Err(Failure::runtime(format!(
            "There is no saved session with id {id}. Run `{PROGRAM} list` to see the ids."
        )));
    }
    let chosen = select_entries(&loaded, selection);
    if chosen.is_empty() {
        return Err(Failure::runtime("No saved sessions match; nothing was written."));
    }
    let rendered = render(*format, &chosen, Local::now().fixed_offset())
        .map_err(|e| Failure::runtime(format!("{e}.")))?;
    let what = format.label();
    let path = crate::export::write(out, &rendered.bytes, *replace).map_err(|e| {
        let hint = match e {
            ExportError::Exists { .. } => " Use --force to replace it.",
            _ => "",
        };
        Failure::runtime(format!("{e}.{hint}"))
    })?;
    let wrote =
        format!("Wrote the {what} of {} to {}.", words::sessions(chosen.len()), shown(&path));
    done(stdout, &wrote)?;
    // Each file left out was named on stderr by `load`; the exit status says so too.
    match report.left_out() {
        0 => Ok(()),
        n => Err(Failure::runtime(format!(
            "{} in the data folder {} left out of the {what} (see above).",
            files(n),
            if n == 1 { "was" } else { "were" }
        ))),
    }
}

/// Copies every session file, as it is, into the folder `out`.
fn backup(
    store: &dyn SessionStore,
    request: &Export,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let Export { selection, out, replace, .. } = request;
    if *selection != Selection::all() {
        return Err(Failure::usage(
            "--format ron copies every session file; --from, --to and --id do not go with it.",
        ));
    }
    if *replace {
        return Err(Failure::usage(
            "--format ron never replaces files in the backup folder; --force does not go with it.",
        ));
    }
    let report = store.backup_to(out).map_err(|e| Failure::runtime(format!("{e}.")))?;
    if !report.conflicts.is_empty() {
        for path in &report.conflicts {
            writeln!(
                stderr,
                "Not copied: {} already exists with different content; it was left as it is.",
                shown(&path)
            )?;
        }
        return Err(Failure::runtime(format!(
            "Nothing was copied: {} could not be backed up. Choose an empty folder.",
            files(report.conflicts.len())
        )));
    }
    let mut copied = format!("Copied {} to {}.", files(report.copied.len()), shown(&out));
    if !report.already_there.is_empty() {
        copied.push_str(&format!(
            "\n{} already there with the same content.",
            files(report.already_there.len())
        ));
    }
    done(stdout, &copied)
}

fn files(n: usize) -> String {
    wording::count(n, "file", "files")
}

/// Imports the session files of a backup folder, or one file, into the data folder.
pub(super) fn import(
    path: &Path,
    data_dir: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    if fs::symlink_metadata(path).is_err() {
        return Err(Failure::runtime(format!("{} does not exist.", shown(&path))));
    }
    if data_dir.exists() && !data_dir.is_dir() {
        return Err(Failure::runtime(format!(
            "The data folder {} is a file, not a folder.",
            shown(&data_dir)
        )));
    }
    // Importing into a new data folder is allowed: that is how a backup is restored.
    let store = Store::open(data_dir).map_err(|e| Failure::runtime(format!("{e}.")))?;
    for warning in store.warnings() {
        writeln!(stderr, "{warning}")?;
    }
    let report = SessionStore::import_from(&store, path);
    for problem in report.unreadable.iter().chain(&report.failed) {
        writeln!(stderr, "Not imported: {}: {}.", shown(&problem.path), problem.reason)?;
    }
    for newer in &report.newer {
        writeln!(
            stderr,
            "Not imported: {} was saved by a newer version of {}.",
            shown(&newer),
            wording::APP_NAME
        )?;
    }
    done(stdout, &report.message())?;
    let skipped = report.unreadable.len() + report.failed.len() + report.newer.len();
    if skipped > 0 {
        return Err(Failure::runtime(format!("{} could not be imported.", files(skipped))));
    }
    Ok(())
}
