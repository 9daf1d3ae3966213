//! The command line: list, show, export and import saved sessions without opening
//! the window.
//!
//! [`run`] takes the arguments (without the program name), the value of
//! `TENSION_CHECK_DATA_DIR` and the two output streams, so it can be tested
//! without a process. It never panics on bad input: every problem becomes a plain
//! sentence on `stderr` and an exit code ([`EXIT_FAILURE`] for something that went
//! wrong, [`EXIT_USAGE`] for a command line that cannot be understood).
//!
//! - `args`: the arguments as clap reads them, and what they ask for.
//! - `usage`: clap's usage errors in plain sentences.
//! - `commands`: `list` and `show`, and what every command shares.
//! - `transfer`: `export` (reports, CSV, backup) and `import`.
//! - `output`: what is printed, through one escaping rule, and the load they share.

mod args;
mod commands;
mod output;
mod transfer;
mod usage;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;

use thiserror::Error;

use crate::export::{Format, Selection};
use crate::store::error::plain;

/// The exit code of a command that worked.
pub const EXIT_OK: i32 = 0;
/// The exit code of a command that failed (a missing folder, an unknown id…).
pub const EXIT_FAILURE: i32 = 1;
/// The exit code of a command line that cannot be understood.
pub const EXIT_USAGE: i32 = 2;

const PROGRAM: &str = "tension-check";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// No command: open the window.
    Gui,
    /// Print this help text (for the whole program or for one command).
    Help(String),
    /// Print this version line.
    Version(String),
    /// List the saved sessions.
    List,
    /// Show one session, by id or by file.
    Show {
        /// A session id, or the path of a session file.
        target: OsString,
    },
    /// Export sessions.
    Export(Export),
    /// Import sessions from a folder or a file.
    Import {
        /// The folder or file.
        path: PathBuf,
    },
}

/// What `export` is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The format.
    pub format: Format,
    /// Which sessions.
    pub selection: Selection,
    /// The file or folder to write.
    pub out: PathBuf,
    /// Whether an existing file may be replaced.
    pub replace: bool,
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

/// Reads the command line (without the program name).
///
/// `--data-dir DIR` may come before or after the command; options may also be
/// written `--name=value`. Nothing but an optional `--data-dir` means: open the app.
/// `--help` and `--version` (anywhere clap accepts them) give [`Command::Help`] and
/// [`Command::Version`] with the text to print.
pub fn parse(args: &[OsString]) -> Result<Invocation, UsageError> {
    args::parse(args)
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
/// caller then opens the window, on the data folder of the [`Invocation`] (parse
/// once with [`parse`] and run with [`run_parsed`] to have both). Otherwise
/// runs the command and returns its exit code: [`EXIT_OK`], [`EXIT_FAILURE`] or
/// [`EXIT_USAGE`]. `env_data_dir` is the value of `TENSION_CHECK_DATA_DIR`.
pub fn run(
    args: Vec<OsString>,
    env_data_dir: Option<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Option<i32> {
    run_parsed(parse(&args), env_data_dir, stdout, stderr)
}

/// [`run`] for a command line [`parse`] has already read (or refused), so that the
/// caller that opens the window reads the arguments once.
pub fn run_parsed(
    parsed: Result<Invocation, UsageError>,
    env_data_dir: Option<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Option<i32> {
    let invocation = match parsed {
        Ok(invocation) => invocation,
        Err(e) => {
            let _ = writeln!(stderr, "{e}\nRun `{PROGRAM} --help` for usage.");
            return Some(EXIT_USAGE);
        }
    };
    if invocation.command == Command::Gui {
        return None;
    }
    // One escaping rule for everything printed (see `output::Escaping`).
    let (mut stdout, mut stderr) = (output::Escaping::new(stdout), output::Escaping::new(stderr));
    let (stdout, stderr): (&mut dyn Write, &mut dyn Write) = (&mut stdout, &mut stderr);
    let result = commands::execute(invocation, env_data_dir, stdout, stderr);
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
