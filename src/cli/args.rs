//! The arguments as clap reads them (derive), and what they ask for: an
//! [`Invocation`] once the checks clap cannot make (dates in order, an `--out`
//! that is not empty) have passed.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::PossibleValue;
use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use thiserror::Error;

use super::{Command, Export, Invocation, PROGRAM, UsageError, usage};
use crate::core::wording;
use crate::export::{Format, Selection};
use crate::store::SessionId;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = PROGRAM,
    version,
    propagate_version = true,
    about = about(),
    after_help = AFTER_HELP,
)]
pub(super) struct Cli {
    /// The data folder [default: $TENSION_CHECK_DATA_DIR, else the per-user folder];
    /// before or after the command
    // An OsString, not a PathBuf: clap refuses an empty path with a message of its
    // own, and the store's sentence for it is plainer.
    #[arg(long = "data-dir", value_name = "DIR", global = true, value_parser = clap::value_parser!(OsString))]
    data_dir: Option<OsString>,

    #[command(subcommand)]
    command: Option<Sub>,
}

/// The end of the program's help.
const AFTER_HELP: &str = "\
Without a command, the app opens.
`tension-check help COMMAND` gives a command's options, such as export's formats.
Exit status: 0 done, 1 failed, 2 the command line was not understood.";

fn about() -> String {
    format!("{}: a guided self-check for tightness at the back of the leg.", wording::APP_NAME)
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// List the saved sessions, newest first: id, date, legs tested, result.
    List,
    /// Show one session in full, graded again by the current rules.
    Show {
        /// A session id (see `tension-check list`) or the path of a session file.
        #[arg(value_name = "ID|FILE", value_parser = clap::value_parser!(OsString))]
        target: OsString,
    },
    /// Export sessions: a report for a physical therapist, every answer, or a backup.
    Export(ExportArgs),
    /// Import sessions from a backup folder or a .ron file.
    Import {
        /// The backup folder or session file.
        #[arg(value_name = "PATH", value_parser = clap::value_parser!(OsString))]
        path: OsString,
    },
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// What to write
    #[arg(long, value_name = "FORMAT", ignore_case = true)]
    format: Format,
    /// The file (pdf, html, csv) or the folder (ron) to write.
    #[arg(long, value_name = "PATH", value_parser = clap::value_parser!(OsString))]
    out: OsString,
    /// Only sessions started on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    from: Option<NaiveDate>,
    /// Only sessions started on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    to: Option<NaiveDate>,
    /// Only this session; repeat for more.
    #[arg(long = "id", value_name = "ID", value_parser = session_id)]
    ids: Vec<SessionId>,
    /// Replace the --out file if it exists (pdf, html, csv).
    #[arg(long)]
    force: bool,
}

/// The formats as clap offers them: the names, descriptions and list of the one
/// [`Format`], which itself knows nothing of clap (the browser build has no
/// command line).
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

/// A date that is not written YYYY-MM-DD.
#[derive(Debug, Error)]
#[error("{0:?} is not a date; write it as YYYY-MM-DD, such as 2026-11-26")]
struct NotADate(String);

fn date(text: &str) -> Result<NaiveDate, NotADate> {
    // chrono alone would take "2026-1-5"; the form asked for has 10 characters.
    let dashed = text.len() == 10 && text.as_bytes().get(4) == Some(&b'-');
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| dashed)
        .ok_or_else(|| NotADate(text.to_string()))
}

fn session_id(text: &str) -> Result<SessionId, crate::store::session::InvalidId> {
    SessionId::parse(text)
}

/// Reads the command line (without the program name): see [`super::parse`].
pub(super) fn parse(args: &[OsString]) -> Result<Invocation, UsageError> {
    let argv = std::iter::once(OsString::from(PROGRAM)).chain(args.iter().cloned());
    match Cli::try_parse_from(argv) {
        Ok(cli) => cli.invocation(),
        Err(e) => {
            let command = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    Command::Help(e.to_string())
                }
                // The program's version, also after a command (`list --version`),
                // where clap would name it "tension-check-list".
                ErrorKind::DisplayVersion => Command::Version(definition().render_version()),
                _ => return Err(usage::sentence(&e, args, &definition())),
            };
            Ok(Invocation { data_dir: None, command })
        }
    }
}

impl Cli {
    /// What the arguments ask for, once the checks across arguments pass.
    fn invocation(self) -> Result<Invocation, UsageError> {
        let command = match self.command {
            None => Command::Gui,
            Some(Sub::List) => Command::List,
            Some(Sub::Show { target }) => Command::Show { target },
            Some(Sub::Import { path }) => Command::Import { path: PathBuf::from(path) },
            Some(Sub::Export(export)) => export.command()?,
        };
        Ok(Invocation { data_dir: self.data_dir.map(PathBuf::from), command })
    }
}

impl ExportArgs {
    fn command(self) -> Result<Command, UsageError> {
        if self.out.is_empty() {
            return Err(UsageError("export needs --out PATH: where to write.".into()));
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(UsageError(format!("--from {from} is after --to {to}.")));
        }
        let mut ids: Vec<SessionId> = Vec::new();
        for id in self.ids {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(Command::Export(Export {
            format: self.format,
            selection: Selection { from: self.from, to: self.to, ids },
            out: PathBuf::from(self.out),
            replace: self.force,
        }))
    }
}

/// The clap description of the command line (for [`usage`] to look names up in).
pub(super) fn definition() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_holds_together() {
        definition().debug_assert();
    }

    #[test]
    fn dates_must_be_written_in_full() {
        assert_eq!(date("2026-11-26").ok(), NaiveDate::from_ymd_opt(2026, 11, 26));
        for text in ["2026-1-5", "26-11-2026", "2026-13-01", "yesterday", ""] {
            assert!(date(text).is_err(), "{text}");
        }
    }
}
