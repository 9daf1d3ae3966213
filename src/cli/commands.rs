//! Running a parsed command: `list` and `show` here, `export` and `import` in
//! `transfer`; and opening the data folder to read only. Loading every session
//! with a line on `stderr` for each file left out is `output::load`, which
//! `transfer` shares.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Command, Failure, Invocation, PROGRAM, transfer};
use crate::core::wording;
use crate::export::{text, words};
use crate::store::error::{StoreError, plain, shown};
use crate::store::location::{self, DATA_DIR_ENV, DATA_DIR_FLAG};
use crate::store::read::read_text;
use crate::store::session::{MAX_NOTE_FILE_BYTES, MAX_SESSION_FILE_BYTES};
use crate::store::{Session, SessionId, SessionStore, Store};

/// Runs `invocation`; `env_data_dir` is the value of the data folder variable.
pub(super) fn execute(
    invocation: Invocation,
    env_data_dir: Option<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    // Without --data-dir or the variable, the per-user folder: it does not exist
    // until the first session is saved, and that is no mistake to report.
    let chosen =
        invocation.data_dir.is_some() || env_data_dir.as_ref().is_some_and(|v| !v.is_empty());
    let data_dir = || -> Result<PathBuf, Failure> {
        location::resolve(invocation.data_dir.clone(), env_data_dir.clone()).map_err(|e| match e {
            StoreError::EmptyDataDir => Failure::usage(e.to_string()),
            e => Failure::runtime(e.to_string()),
        })
    };
    match invocation.command {
        Command::Gui => Ok(()),
        Command::Help(text) | Command::Version(text) => Ok(stdout.write_all(text.as_bytes())?),
        // `list` keeps the index of summaries current where it may, so the next
        // list reads one file instead of every session.
        Command::List => match open_existing(&data_dir()?, chosen)? {
            Some(store) => list(&store.keeping_index(), stdout, stderr),
            None => Ok(writeln!(stdout, "{NO_SESSIONS_YET}")?),
        },
        Command::Show { target } => show(&target, data_dir, chosen, stdout, stderr),
        Command::Export(request) => match open_existing(&data_dir()?, chosen)? {
            Some(store) => {
                // The reports print the warnings with the files left out; a backup
                // loads nothing, so it prints them here.
                if request.format == crate::export::Format::Backup {
                    for warning in store.warnings() {
                        writeln!(stderr, "{warning}")?;
                    }
                }
                transfer::export(&store, &request, stdout, stderr)
            }
            None => Err(Failure::runtime(format!("{NO_SESSIONS_YET} Nothing was written."))),
        },
        Command::Import { path } => transfer::import(&path, &data_dir()?, stdout, stderr),
    }
}

pub(super) const NO_SESSIONS_YET: &str = "No saved sessions yet.";

/// Opens the data folder to read only (list, show and export change nothing, not
/// even by creating a folder or a lock file). A folder the person chose with
/// --data-dir or the variable must exist (a mistyped folder is an error); the
/// per-user folder that does not exist yet is `None`: no sessions yet.
pub(super) fn open_existing(dir: &Path, chosen: bool) -> Result<Option<Store>, Failure> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Failure::runtime(format!(
                "The data folder {} is a file, not a folder.",
                shown(&dir)
            )));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound && !chosen => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Failure::runtime(format!(
                "The data folder {} does not exist. Check the {DATA_DIR_FLAG} value or {DATA_DIR_ENV}.",
                shown(&dir)
            )));
        }
        Err(e) => {
            return Err(Failure::runtime(format!(
                "Could not open the data folder {}: {}.",
                shown(&dir),
                plain(&e)
            )));
        }
    }
    Store::open_read_only(dir).map(Some).map_err(|e| Failure::runtime(format!("{e}.")))
}

/// The widest a column of `list` gets, in characters; longer text is cut with "…".
const MAX_COLUMN: usize = 64;

/// `text` cut to at most `max` characters, ending in "…" when cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn legs_short(legs: impl Iterator<Item = crate::core::Leg>) -> String {
    let legs: Vec<&str> = legs.map(wording::leg).collect();
    if legs.is_empty() { "No leg tested".to_string() } else { legs.join(", ") }
}

/// `list`: one line per session, newest first: id, date, legs tested, result.
fn list(
    store: &dyn SessionStore,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    // Summaries: files unchanged since the app last indexed them are not parsed.
    let summaries = store.summaries();
    for message in summaries.report.details() {
        writeln!(stderr, "{message}")?;
    }
    if summaries.report.unlisted {
        let why = summaries.report.unreadable.first().map_or("", |p| p.reason.as_str());
        return Err(Failure::runtime(format!(
            "Could not list the sessions: the folder of sessions in {} could not be read ({why}).",
            store.describe()
        )));
    }
    let left_out = summaries.report.left_out();
    if left_out > 0 {
        writeln!(
            stderr,
            "{} in the data folder {} left out of the list (see above).",
            wording::count(left_out, "file", "files"),
            if left_out == 1 { "was" } else { "were" }
        )?;
    }
    if summaries.sessions.is_empty() {
        writeln!(stdout, "No saved sessions in {}.", store.describe())?;
        return Ok(());
    }
    let rows: Vec<[String; 4]> = summaries
        .sessions
        .iter()
        .map(|s| {
            [
                s.id.to_string(),
                words::date_time_short(s.started_at),
                legs_short(s.legs()),
                wording::tier_label(s.tier).to_string(),
            ]
            .map(|cell| fit(&cell, MAX_COLUMN))
        })
        .collect();
    // Padding by hand: a width is never a formatting argument, so no content can
    // make it out of range.
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let pad = |cell: &str, w: usize| {
        let mut out = cell.to_string();
        out.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.chars().count())));
        out
    };
    for [id, when, legs, tier] in rows {
        writeln!(
            stdout,
            "{}  {}  {}  {tier}",
            pad(&id, widths[0]),
            pad(&when, widths[1]),
            pad(&legs, widths[2])
        )?;
    }
    Ok(())
}

/// Reads a session file the person named (a link they name is followed): only a
/// regular file, up to the size cap. Messages name the file and the problem and
/// never quote its content.
fn read_session_file(path: &Path) -> Result<Session, Failure> {
    let ron = read_text(path, true, MAX_SESSION_FILE_BYTES).map_err(|e| {
        Failure::runtime(format!("Could not read {}: {}.", shown(&path), e.reason()))
    })?;
    Session::from_ron(&ron).map_err(|e| {
        Failure::runtime(format!("{} is not a readable session file: {e}.", shown(&path)))
    })
}

/// `show`: one session in full (see [`text::session_text`]), by file or by id.
fn show(
    target: &OsString,
    data_dir: impl FnOnce() -> Result<PathBuf, Failure>,
    chosen: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let path = Path::new(target);
    let name = target.to_string_lossy();
    let looks_like_path =
        name.contains(['/', '\\']) || name.ends_with(".ron") || target.to_str().is_none();
    let (session, note) = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Failure::runtime(format!(
                "{} is a folder; give a session id or a session file.",
                shown(&path)
            )));
        }
        Ok(_) => {
            let session = read_session_file(path)?;
            let note_path = path.with_extension("note.ron");
            let note = match read_text(&note_path, false, MAX_NOTE_FILE_BYTES) {
                Ok(text) => crate::store::Note::from_ron(&text).map_err(|e| e.to_string()),
                Err(e) if e.is_not_found() => Err(String::new()),
                Err(e) => Err(e.reason()),
            };
            let note = match note {
                Ok(note) => Ok(Some(note.text)),
                Err(why) if why.is_empty() => Ok(None),
                Err(why) => Err(format!("Could not read the note {}: {why}", shown(&note_path))),
            };
            (session, note)
        }
        Err(_) if looks_like_path => {
            return Err(Failure::runtime(format!("The file {} does not exist.", shown(&path))));
        }
        Err(_) => {
            let id = SessionId::parse(&name).map_err(|e| {
                Failure::usage(format!("{e}; give a session id (see `{PROGRAM} list`) or a file."))
            })?;
            let no_such = |dir: &Path| {
                Failure::runtime(format!(
                    "There is no saved session with id {id} in {}. Run `{PROGRAM} list` to see the ids.",
                    shown(&dir)
                ))
            };
            let dir = data_dir()?;
            let Some(store) = open_existing(&dir, chosen)? else {
                return Err(no_such(&dir));
            };
            let store = store.keeping_index();
            for warning in store.warnings() {
                writeln!(stderr, "{warning}")?;
            }
            let session = match store.find_session(&id) {
                Ok(Some((_, session))) => session,
                Ok(None) => return Err(no_such(&dir)),
                Err(e) => return Err(Failure::runtime(format!("{e}."))),
            };
            // A note that cannot be read never hides its session.
            let note = store.note(&id).map(|n| n.map(|n| n.text)).map_err(|e| e.to_string());
            (session, note)
        }
    };
    let (note, note_problem) = match note {
        Ok(note) => (note, None),
        Err(why) => (None, Some(why)),
    };
    stdout.write_all(text::session_text(&session, note.as_deref()).as_bytes())?;
    match note_problem {
        None => Ok(()),
        Some(why) => {
            Err(Failure::runtime(format!("{why}; the session is shown above without its note.")))
        }
    }
}
