//! The command line: list, show, export and import saved sessions without opening
//! the window.
//!
//! [`run`] takes the arguments (without the program name), the value of
//! `TENSION_CHECK_DATA_DIR` and the two output streams, so it can be tested
//! without a process. It never panics on bad input: every problem becomes a plain
//! sentence on `stderr` and an exit code ([`EXIT_FAILURE`] for something that went
//! wrong, [`EXIT_USAGE`] for a command line that cannot be understood).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use thiserror::Error;

use crate::core::{Outcome, TestKind, grade, wording};
use crate::export::report::flag_lines;
use crate::export::select::{Selection, select_entries};
use crate::export::words::{self, yes_no};
use crate::export::{Entry, csv, html, pdf};
use crate::store::error::{StoreError, plain};
use crate::store::location::{self, DATA_DIR_ENV, DATA_DIR_FLAG};
use crate::store::read::read_text;
use crate::store::session::{MAX_NOTE_FILE_BYTES, MAX_SESSION_FILE_BYTES};
use crate::store::{LoadReport, Session, SessionId, Store};

/// The exit code of a command that worked.
pub const EXIT_OK: i32 = 0;
/// The exit code of a command that failed (a missing folder, an unknown id…).
pub const EXIT_FAILURE: i32 = 1;
/// The exit code of a command line that cannot be understood.
pub const EXIT_USAGE: i32 = 2;

const PROGRAM: &str = "tension-check";

/// The usage text printed by `--help`.
pub fn usage() -> String {
    format!(
        "\
{app} {version}: a guided self-check for tightness at the back of the leg.

Usage:
  {p} [--data-dir DIR]           open the app
  {p} list                       list the saved sessions
  {p} show ID|FILE               show one session in full, graded again by the current rules
  {p} export --format pdf|html|csv|ron --out PATH
        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--id ID]... [--force]
  {p} import PATH                import sessions from a backup folder or a .ron file
  {p} help | --help | --version

Options:
  --data-dir DIR   the data folder; without it, ${env} if set, else the
                   per-user folder. May come before or after the command.
  --format pdf     the report for a physical therapist, ready to print (A4)
  --format html    the same report as one web page
  --format csv     every answer: one row per session, leg and step
  --format ron     a backup folder holding the session files as they are
  --out PATH       the file (pdf, html, csv) or the folder (ron) to write
  --from DATE      only sessions started on or after this date (YYYY-MM-DD)
  --to DATE        only sessions started on or before this date (YYYY-MM-DD)
  --id ID          only this session; repeat for more
  --force          replace the --out file if it exists (pdf, html, csv)

Exit status: 0 done, 1 failed, 2 the command line was not understood.
",
        app = wording::APP_NAME,
        version = env!("CARGO_PKG_VERSION"),
        p = PROGRAM,
        env = DATA_DIR_ENV,
    )
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report for a physical therapist as PDF.
    Pdf,
    /// The same report as one HTML page.
    Html,
    /// CSV of every answer.
    Csv,
    /// A backup folder of RON session files.
    Ron,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// No command: open the window.
    Gui,
    /// Print the usage text.
    Help,
    /// Print the version.
    Version,
    /// List the saved sessions.
    List,
    /// Show one session, by id or by file.
    Show {
        /// A session id, or the path of a session file.
        target: OsString,
    },
    /// Export sessions.
    Export {
        /// The format.
        format: Format,
        /// Which sessions.
        selection: Selection,
        /// The file or folder to write.
        out: PathBuf,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Import sessions from a folder or a file.
    Import {
        /// The folder or file.
        path: PathBuf,
    },
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// The `--data-dir` value, if given.
    pub data_dir: Option<PathBuf>,
    /// The command.
    pub command: Command,
}

/// A command line that cannot be understood, with a sentence saying why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn usage_err(message: impl Into<String>) -> UsageError {
    UsageError(message.into())
}

/// The options that take a value.
const VALUE_OPTIONS: [&str; 6] = [DATA_DIR_FLAG, "--format", "--from", "--to", "--id", "--out"];

fn parse_date(flag: &str, value: &OsString) -> Result<NaiveDate, UsageError> {
    let text = value.to_string_lossy();
    let ok = text.len() == 10 && text.as_bytes().get(4) == Some(&b'-');
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().filter(|_| ok).ok_or_else(|| {
        usage_err(format!(
            "{flag} {text:?} is not a date; write it as YYYY-MM-DD, such as 2026-11-26."
        ))
    })
}

/// Reads the command line (without the program name).
///
/// `--data-dir DIR` may come before or after the command; options may also be
/// written `--name=value`. Nothing but an optional `--data-dir` means: open the app.
pub fn parse(args: &[OsString]) -> Result<Invocation, UsageError> {
    let mut options: Vec<(&'static str, OsString)> = Vec::new();
    let mut help = false;
    let mut version = false;
    let mut force = false;
    let mut positionals: Vec<OsString> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(text) = arg.to_str() else {
            positionals.push(arg.clone());
            continue;
        };
        if text == "--" {
            positionals.extend(iter.by_ref().cloned());
            break;
        }
        if !text.starts_with('-') || text == "-" {
            positionals.push(arg.clone());
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
            _ => (text, None),
        };
        if let Some(&flag) = VALUE_OPTIONS.iter().find(|f| **f == name) {
            let value = match inline {
                Some(value) => value,
                None => match iter.next() {
                    Some(next) if !next.to_string_lossy().starts_with("--") => next.clone(),
                    _ => return Err(usage_err(format!("{flag} needs a value."))),
                },
            };
            options.push((flag, value));
            continue;
        }
        if inline.is_some() {
            return Err(usage_err(format!("{name} does not take a value.")));
        }
        match name {
            "--help" | "-h" => help = true,
            "--version" | "-V" => version = true,
            "--force" => force = true,
            _ => return Err(usage_err(format!("Unknown option {name}."))),
        }
    }

    let single = |flag: &str| -> Result<Option<OsString>, UsageError> {
        let mut values = options.iter().filter(|(f, _)| *f == flag).map(|(_, v)| v.clone());
        let first = values.next();
        if values.next().is_some() {
            return Err(usage_err(format!("{flag} was given more than once.")));
        }
        Ok(first)
    };
    let data_dir = single(DATA_DIR_FLAG)?.map(PathBuf::from);
    let invocation = |command| Ok(Invocation { data_dir: data_dir.clone(), command });

    if help {
        return invocation(Command::Help);
    }
    if version {
        return invocation(Command::Version);
    }
    let Some((name, rest)) = positionals.split_first() else {
        if let Some((flag, _)) = options.iter().find(|(f, _)| *f != DATA_DIR_FLAG) {
            return Err(usage_err(format!("{flag} needs a command, such as export.")));
        }
        if force {
            return Err(usage_err("--force needs a command, such as export."));
        }
        return invocation(Command::Gui);
    };
    let name = name.to_string_lossy().into_owned();
    let allowed: &[&str] = match name.as_str() {
        "export" => &VALUE_OPTIONS,
        "help" | "list" | "show" | "import" => &[DATA_DIR_FLAG],
        _ => return Err(usage_err(format!("Unknown command {name:?}."))),
    };
    if let Some((flag, _)) = options.iter().find(|(f, _)| !allowed.contains(f)) {
        return Err(usage_err(format!("{flag} does not go with {name}.")));
    }
    if force && name != "export" {
        return Err(usage_err(format!("--force does not go with {name}.")));
    }
    let one_argument = |what: &str| -> Result<OsString, UsageError> {
        match rest {
            [one] => Ok(one.clone()),
            [] => Err(usage_err(format!("{name} needs {what}."))),
            [_, extra, ..] => Err(usage_err(format!(
                "Unexpected argument {:?}: {name} takes only {what}.",
                extra.to_string_lossy()
            ))),
        }
    };
    let no_arguments = || -> Result<(), UsageError> {
        match rest.first() {
            None => Ok(()),
            Some(extra) => Err(usage_err(format!(
                "Unexpected argument {:?} after {name}.",
                extra.to_string_lossy()
            ))),
        }
    };
    match name.as_str() {
        "help" => {
            no_arguments()?;
            invocation(Command::Help)
        }
        "list" => {
            no_arguments()?;
            invocation(Command::List)
        }
        "show" => invocation(Command::Show { target: one_argument("a session id or file")? }),
        "import" => {
            invocation(Command::Import { path: PathBuf::from(one_argument("a folder or file")?) })
        }
        _ => {
            no_arguments()?;
            let format = match single("--format")? {
                None => return Err(usage_err("export needs --format pdf, html, csv or ron.")),
                Some(f) => match f.to_string_lossy().to_ascii_lowercase().as_str() {
                    "html" => Format::Html,
                    "csv" => Format::Csv,
                    "ron" => Format::Ron,
                    "pdf" => Format::Pdf,
                    other => {
                        return Err(usage_err(format!(
                            "Unknown format {other:?}; use pdf, html, csv or ron."
                        )));
                    }
                },
            };
            let out = single("--out")?
                .map(PathBuf::from)
                .filter(|p| !p.as_os_str().is_empty())
                .ok_or_else(|| usage_err("export needs --out PATH: where to write."))?;
            let from = single("--from")?.map(|v| parse_date("--from", &v)).transpose()?;
            let to = single("--to")?.map(|v| parse_date("--to", &v)).transpose()?;
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                return Err(usage_err(format!("--from {from} is after --to {to}.")));
            }
            let mut ids = Vec::new();
            for (_, value) in options.iter().filter(|(f, _)| *f == "--id") {
                let id = SessionId::parse(&value.to_string_lossy())
                    .map_err(|e| usage_err(format!("--id: {e}.")))?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let selection = Selection { from, to, ids };
            invocation(Command::Export { format, selection, out, replace: force })
        }
    }
}

/// Why a command stopped, and with which exit code.
#[derive(Debug)]
struct Failure {
    code: i32,
    message: String,
}

impl Failure {
    fn runtime(message: impl Into<String>) -> Self {
        Failure { code: EXIT_FAILURE, message: message.into() }
    }

    fn usage(message: impl Into<String>) -> Self {
        Failure { code: EXIT_USAGE, message: message.into() }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::runtime(format!("Could not write the output: {}.", plain(&e)))
    }
}

/// Runs a command line (without the program name).
///
/// Returns `None` when no command was given (only, perhaps, `--data-dir DIR`): the
/// caller then opens the window, using [`parse`] for the data folder. Otherwise
/// runs the command and returns its exit code: [`EXIT_OK`], [`EXIT_FAILURE`] or
/// [`EXIT_USAGE`]. `env_data_dir` is the value of `TENSION_CHECK_DATA_DIR`.
pub fn run(
    args: Vec<OsString>,
    env_data_dir: Option<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Option<i32> {
    let invocation = match parse(&args) {
        Ok(invocation) => invocation,
        Err(e) => {
            let _ = writeln!(stderr, "{e}\nRun `{PROGRAM} --help` for usage.");
            return Some(EXIT_USAGE);
        }
    };
    if invocation.command == Command::Gui {
        return None;
    }
    let result = execute(invocation, env_data_dir, stdout, stderr);
    let _ = stdout.flush();
    Some(match result {
        Ok(()) => EXIT_OK,
        Err(failure) => {
            let _ = writeln!(stderr, "{}", failure.message);
            if failure.code == EXIT_USAGE {
                let _ = writeln!(stderr, "Run `{PROGRAM} --help` for usage.");
            }
            failure.code
        }
    })
}

fn execute(
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
        Command::Help => Ok(stdout.write_all(usage().as_bytes())?),
        Command::Version => Ok(writeln!(stdout, "{PROGRAM} {}", env!("CARGO_PKG_VERSION"))?),
        Command::List => match open_existing(&data_dir()?, chosen)? {
            Some(store) => list(&store, stdout, stderr),
            None => Ok(writeln!(stdout, "{NO_SESSIONS_YET}")?),
        },
        Command::Show { target } => show(&target, data_dir, chosen, stdout, stderr),
        Command::Export { format, selection, out, replace } => {
            match open_existing(&data_dir()?, chosen)? {
                Some(store) => export(&store, format, &selection, &out, replace, stdout, stderr),
                None => Err(Failure::runtime(format!("{NO_SESSIONS_YET} Nothing was written."))),
            }
        }
        Command::Import { path } => import(&path, &data_dir()?, stdout, stderr),
    }
}

const NO_SESSIONS_YET: &str = "No saved sessions yet.";

/// Opens the data folder to read only (list, show and export change nothing, not
/// even by creating a folder or a lock file). A folder the person chose with
/// --data-dir or the variable must exist (a mistyped folder is an error); the
/// per-user folder that does not exist yet is `None`: no sessions yet.
fn open_existing(dir: &Path, chosen: bool) -> Result<Option<Store>, Failure> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Failure::runtime(format!(
                "The data folder {} is a file, not a folder.",
                dir.display()
            )));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound && !chosen => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Failure::runtime(format!(
                "The data folder {} does not exist. Check the {DATA_DIR_FLAG} value or {DATA_DIR_ENV}.",
                dir.display()
            )));
        }
        Err(e) => {
            return Err(Failure::runtime(format!(
                "Could not open the data folder {}: {}.",
                dir.display(),
                plain(&e)
            )));
        }
    }
    Store::open_read_only(dir).map(Some).map_err(|e| Failure::runtime(format!("{e}.")))
}

/// Loads every session and writes one line per file left out to `stderr`.
fn load(store: &Store, stderr: &mut dyn Write) -> Result<LoadReport, Failure> {
    let report = store.load_all();
    for message in report.details() {
        writeln!(stderr, "{message}")?;
    }
    Ok(report)
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

fn legs_short(legs: &[crate::core::Leg]) -> String {
    let legs: Vec<&str> = legs.iter().map(|leg| wording::leg(*leg)).collect();
    if legs.is_empty() { "No leg tested".to_string() } else { legs.join(", ") }
}

fn list(store: &Store, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<(), Failure> {
    // Summaries: files unchanged since the app last indexed them are not parsed.
    let summaries = store.summaries();
    for message in summaries.report.details() {
        writeln!(stderr, "{message}")?;
    }
    if summaries.sessions.is_empty() {
        writeln!(stdout, "No saved sessions in {}.", store.dir().display())?;
        return Ok(());
    }
    let rows: Vec<[String; 4]> = summaries
        .sessions
        .iter()
        .map(|s| {
            [
                s.id.to_string(),
                words::date_time_short(s.started_at),
                legs_short(&s.legs),
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

fn outcome_line(outcome: &Outcome) -> String {
    match outcome.strength {
        Some(s) => {
            format!("{} ({})", wording::tier_label(outcome.tier), wording::strength_short(s))
        }
        None => wording::tier_label(outcome.tier).to_string(),
    }
}

/// A session in plain text: every answer per leg and step, the safety answers, the
/// stored result beside the result of the current rules (with a clear line when
/// they differ), the reasons, the advice and the note.
pub fn show_text(session: &Session, note: Option<&str>) -> String {
    let mut out = String::new();
    let check = &session.check;
    let _ = writeln!(out, "Session   {}", session.id);
    let _ = writeln!(out, "Started   {}", words::date_time(session.started_at));
    let _ = writeln!(out, "Finished  {}", words::date_time(session.finished_at));
    let _ = writeln!(out, "Saved by  {} {}", wording::APP_NAME, session.app_version);
    let _ = writeln!(out);

    let flags = flag_lines(check);
    let raised = flags.iter().filter(|line| line.yes).count();
    let _ = writeln!(out, "Safety questions ({raised} of {} answered yes)", flags.len());
    for line in &flags {
        let answer = if line.yes { "YES" } else { "No" };
        let _ = writeln!(out, "  {answer:<4} {}", line.text);
    }
    if let Some(injury) = check.injury {
        let _ = writeln!(out, "Suspected hamstring strain: {}", yes_no(injury));
    }
    if let Some(leg) = check.bothered {
        let _ = writeln!(out, "Leg that bothers: {}", wording::leg(leg));
    }

    for record in &check.legs {
        let _ =
            writeln!(out, "\n{} ({})", wording::leg(record.leg), words::leg_role(record.reference));
        for test in [TestKind::Slump, TestKind::HamstringStretch] {
            let steps: Vec<_> =
                test.steps().filter_map(|id| record.step(id).map(|a| (id, a))).collect();
            if steps.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", wording::test_name(test));
            for (id, a) in steps {
                let mut parts = Vec::new();
                if let Some(i) = a.intensity {
                    parts.push(format!("intensity {i}"));
                }
                if !a.regions.is_empty() {
                    let r: Vec<&str> = a.regions.iter().map(|r| wording::region(*r)).collect();
                    parts.push(format!("where: {}", r.join(", ")));
                }
                if !a.qualities.is_empty() {
                    let q: Vec<&str> = a.qualities.iter().map(|q| wording::quality(*q)).collect();
                    parts.push(format!("feels like: {}", q.join(", ")));
                }
                if let Some(f) = a.familiar {
                    parts.push(format!("familiar: {}", wording::familiar(f)));
                }
                if let Some(c) = a.change {
                    parts.push(format!("change: {}", wording::change(c)));
                }
                if let Some(s) = a.sharp_pain {
                    parts.push(format!("sharp pain increased: {}", yes_no(s)));
                }
                if let Some(s) = a.spread {
                    parts.push(format!("spread below the knee: {}", yes_no(s)));
                }
                let detail = if parts.is_empty() {
                    String::new()
                } else {
                    format!(": {}", parts.join("; "))
                };
                let _ = writeln!(out, "    {}  {}{detail}", id.code(), words::step_short(id));
            }
        }
    }
    if let Some(card) = check.stopped_at {
        let _ = writeln!(
            out,
            "\nThe check was stopped at step {} ({}).",
            card.step.code(),
            wording::leg_lower(card.leg)
        );
    }

    let stored = &session.outcome;
    let current = grade(check);
    let _ = writeln!(out, "\nResult");
    let _ = writeln!(
        out,
        "  Stored (rules version {}):          {}",
        stored.rules_version,
        outcome_line(stored)
    );
    let _ = writeln!(
        out,
        "  By the current rules (version {}):  {}",
        current.rules_version,
        outcome_line(&current)
    );
    let differs = current.tier != stored.tier || current.strength != stored.strength;
    if differs {
        let _ = writeln!(
            out,
            "  DIFFERENT: the current rules give \"{}\", not \"{}\" as shown at the time.",
            outcome_line(&current),
            outcome_line(stored)
        );
    } else if current.reasons != stored.reasons {
        let _ = writeln!(out, "  Same result by the current rules, with different reasons.");
    } else {
        let _ = writeln!(out, "  Same result by the current rules.");
    }
    let _ = writeln!(out, "  {}", wording::tier_summary(stored.tier));
    if let Some(s) = stored.strength {
        let _ = writeln!(out, "  {}", wording::strength(s));
    }

    let reasons = |out: &mut String, heading: &str, outcome: &Outcome| {
        if !outcome.reasons.is_empty() {
            let _ = writeln!(out, "\n{heading}");
            for reason in &outcome.reasons {
                let _ = writeln!(out, "  - {}", wording::reason(reason));
            }
        }
    };
    reasons(&mut out, "Why (stored result)", stored);
    if differs || current.reasons != stored.reasons {
        reasons(&mut out, "Why (current rules)", &current);
    }

    let _ = writeln!(out, "\nWhat to do next");
    for step in wording::next_steps(stored.tier, stored.suspected_strain) {
        let _ = writeln!(out, "  - {step}");
    }
    let _ = writeln!(out, "  {}", wording::when_to_see_pt(stored.tier));

    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "\nNote");
        for line in note.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "\n{}", wording::NOT_A_DIAGNOSIS);
    out
}

/// Reads a session file the person named (a link they name is followed): only a
/// regular file, up to the size cap. Messages name the file and the problem and
/// never quote its content.
fn read_session_file(path: &Path) -> Result<Session, Failure> {
    let text = read_text(path, true, MAX_SESSION_FILE_BYTES).map_err(|e| {
        Failure::runtime(format!("Could not read {}: {}.", path.display(), e.reason()))
    })?;
    Session::from_ron(&text).map_err(|e| {
        Failure::runtime(format!("{} is not a readable session file: {e}.", path.display()))
    })
}

fn show(
    target: &OsString,
    data_dir: impl FnOnce() -> Result<PathBuf, Failure>,
    chosen: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let path = Path::new(target);
    let text = target.to_string_lossy();
    let looks_like_path =
        text.contains(['/', '\\']) || text.ends_with(".ron") || target.to_str().is_none();
    let (session, note) = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Failure::runtime(format!(
                "{} is a folder; give a session id or a session file.",
                path.display()
            )));
        }
        Ok(_) => {
            let session = read_session_file(path)?;
            let note_path = path.with_extension("note.ron");
            let note = read_text(&note_path, false, MAX_NOTE_FILE_BYTES)
                .ok()
                .and_then(|t| crate::store::Note::from_ron(&t).ok())
                .map(|n| n.text);
            (session, note)
        }
        Err(_) if looks_like_path => {
            return Err(Failure::runtime(format!("The file {} does not exist.", path.display())));
        }
        Err(_) => {
            let id = SessionId::parse(&text).map_err(|e| {
                Failure::usage(format!("{e}; give a session id (see `{PROGRAM} list`) or a file."))
            })?;
            let no_such = |dir: &Path| {
                Failure::runtime(format!(
                    "There is no saved session with id {id} in {}. Run `{PROGRAM} list` to see the ids.",
                    dir.display()
                ))
            };
            let dir = data_dir()?;
            let Some(store) = open_existing(&dir, chosen)? else {
                return Err(no_such(&dir));
            };
            match store.load_session(&id) {
                Ok(Some(session)) => {
                    let note = match store.note(&id) {
                        Ok(note) => note.map(|n| n.text),
                        Err(e) => {
                            writeln!(stderr, "{e}.")?;
                            None
                        }
                    };
                    (session, note)
                }
                Ok(None) => {
                    // A file copied in by hand may not be named after its id: look inside.
                    let report = load(&store, stderr)?;
                    match report.sessions.into_iter().find(|l| l.session.id == id) {
                        Some(loaded) => (loaded.session, loaded.note.map(|n| n.text)),
                        None => return Err(no_such(store.dir())),
                    }
                }
                Err(e) => return Err(Failure::runtime(format!("{e}."))),
            }
        }
    };
    stdout.write_all(show_text(&session, note.as_deref()).as_bytes())?;
    Ok(())
}

fn export(
    store: &Store,
    format: Format,
    selection: &Selection,
    out: &Path,
    replace: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    if format == Format::Ron {
        if *selection != Selection::all() {
            return Err(Failure::usage(
                "--format ron copies every session file; --from, --to and --id do not go with it.",
            ));
        }
        if replace {
            return Err(Failure::usage(
                "--format ron never replaces files in the backup folder; --force does not go with it.",
            ));
        }
        let report = store.export_backup(out).map_err(|e| Failure::runtime(format!("{e}.")))?;
        if !report.conflicts.is_empty() {
            for path in &report.conflicts {
                writeln!(
                    stderr,
                    "Not copied: {} already exists with different content; it was left as it is.",
                    path.display()
                )?;
            }
            return Err(Failure::runtime(format!(
                "Nothing was copied: {} could not be backed up. Choose an empty folder.",
                files(report.conflicts.len())
            )));
        }
        writeln!(stdout, "Copied {} to {}.", files(report.copied.len()), out.display())?;
        if !report.already_there.is_empty() {
            writeln!(
                stdout,
                "{} already there with the same content.",
                files(report.already_there.len())
            )?;
        }
        return Ok(());
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
    let now = Local::now().fixed_offset();
    let (bytes, what) = match format {
        Format::Pdf => (pdf::report_pdf(&chosen, now), "PDF report"),
        Format::Html => (html::report_html(&chosen, now).into_bytes(), "report"),
        _ => (csv::sessions_csv(&chosen).into_bytes(), "CSV"),
    };
    let path = crate::export::write(out, &bytes, replace).map_err(|e| {
        let hint = match e {
            crate::export::ExportError::Exists { .. } => " Use --force to replace it.",
            _ => "",
        };
        Failure::runtime(format!("{e}.{hint}"))
    })?;
    writeln!(
        stdout,
        "Wrote the {what} of {} to {}.",
        words::sessions(chosen.len()),
        path.display()
    )?;
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

fn files(n: usize) -> String {
    wording::count(n, "file", "files")
}

fn import(
    path: &Path,
    data_dir: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    if fs::symlink_metadata(path).is_err() {
        return Err(Failure::runtime(format!("{} does not exist.", path.display())));
    }
    if data_dir.exists() && !data_dir.is_dir() {
        return Err(Failure::runtime(format!(
            "The data folder {} is a file, not a folder.",
            data_dir.display()
        )));
    }
    // Importing into a new data folder is allowed: that is how a backup is restored.
    let store = Store::open(data_dir).map_err(|e| Failure::runtime(format!("{e}.")))?;
    let report = store.import(path);
    writeln!(stdout, "{}", report.message())?;
    for problem in report.unreadable.iter().chain(&report.failed) {
        writeln!(stderr, "Not imported: {}: {}.", problem.path.display(), problem.reason)?;
    }
    for newer in &report.newer {
        writeln!(
            stderr,
            "Not imported: {} was saved by a newer version of {}.",
            newer.display(),
            wording::APP_NAME
        )?;
    }
    let skipped = report.unreadable.len() + report.failed.len() + report.newer.len();
    if skipped > 0 {
        return Err(Failure::runtime(format!("{} could not be imported.", files(skipped))));
    }
    Ok(())
}
