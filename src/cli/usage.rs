//! clap's usage errors in plain sentences: "Unknown command \"frobnicate\".",
//! "--format does not go with list.", "show needs a session id or file.".
//!
//! clap finds the mistake; this says it the way the rest of the program speaks,
//! naming the command and the option. An error this does not know falls back to
//! clap's own sentence, which is readable too.

use std::error::Error as _;
use std::ffi::OsString;

use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use super::UsageError;
use crate::export::Format;
use crate::store::location::DATA_DIR_FLAG;

/// The sentence for a command line clap could not read. `args` are the arguments
/// it was given (without the program name), to tell which command was meant, and
/// `definition` the command line clap read them with, to look names up in.
pub(super) fn sentence(error: &Error, args: &[OsString], definition: &Command) -> UsageError {
    let command = command_in(args, definition);
    let arg = text(error, ContextKind::InvalidArg);
    // "--out <PATH>" names the option "--out".
    let flag = arg.as_deref().map(|a| a.split([' ', '=']).next().unwrap_or(a));
    let value = text(error, ContextKind::InvalidValue);
    let message = match (error.kind(), flag) {
        (ErrorKind::InvalidSubcommand, _) => {
            let name = text(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            Some(format!("Unknown command {name:?}."))
        }
        (ErrorKind::UnknownArgument, Some(flag)) => {
            Some(unknown(flag, command.as_deref(), definition))
        }
        (ErrorKind::MissingRequiredArgument, Some(flag)) => {
            Some(needs(command.as_deref().unwrap_or("This command"), flag))
        }
        (ErrorKind::InvalidValue, Some(flag)) => Some(match value.as_deref() {
            None | Some("") => format!("{flag} needs a value."),
            Some(value) if flag == "--format" => match Format::parse(value) {
                Err(unknown) => format!("{unknown}."),
                Ok(_) => format!("--format {value:?} is not a format."),
            },
            Some(value) => format!("{flag} does not take {value:?}."),
        }),
        (ErrorKind::ValueValidation, Some(flag)) => {
            error.source().map(|why| format!("{flag}: {why}."))
        }
        (ErrorKind::ArgumentConflict, Some(flag)) => {
            let prior = text(error, ContextKind::PriorArg);
            let prior = prior.as_deref().and_then(|p| p.split([' ', '=']).next());
            Some(match prior {
                Some(prior) if prior == flag => format!("{flag} was given more than once."),
                Some(prior) => format!("{flag} does not go with {prior}."),
                None => format!("{flag} does not go with the other options."),
            })
        }
        (ErrorKind::TooManyValues, Some(flag)) => Some(format!("{flag} does not take a value.")),
        (ErrorKind::InvalidUtf8, _) => {
            Some("An argument is not valid text (UTF-8); write it in plain text.".to_string())
        }
        _ => None,
    };
    UsageError(message.unwrap_or_else(|| clap_sentence(error)))
}

/// One context value of the error as text.
fn text(error: &Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => list.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => list.first().map(|s| s.to_string()),
        _ => None,
    }
}

/// The command named in `args`, if any: the first word that is not an option or
/// the value of `--data-dir` (the only option before a command).
fn command_in(args: &[OsString], definition: &Command) -> Option<String> {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == DATA_DIR_FLAG {
            words.next();
        } else if word == "--" {
            return None;
        } else if !word.starts_with('-') {
            let known = definition.get_subcommands().any(|c| c.get_name() == word);
            return known.then(|| word.into_owned());
        }
    }
    None
}

/// An option or word that `command` (or the program, without one) does not take.
fn unknown(what: &str, command: Option<&str>, definition: &Command) -> String {
    if !what.starts_with('-') || what == "-" {
        return match command {
            Some(command) => format!("Unexpected argument {what:?} after {command}."),
            None => format!("Unexpected argument {what:?}."),
        };
    }
    let long = what.trim_start_matches('-');
    let owner = definition.get_subcommands().find_map(|c| {
        c.get_arguments().any(|a| a.get_long() == Some(long)).then(|| c.get_name().to_string())
    });
    match (owner, command) {
        (Some(owner), None) => format!("{what} needs a command, such as {owner}."),
        (Some(_), Some(command)) => format!("{what} does not go with {command}."),
        (None, _) => format!("Unknown option {what}."),
    }
}

/// What `command` needs when `missing` (an option or a value's name) is not given.
fn needs(command: &str, missing: &str) -> String {
    match (command, missing) {
        (_, "--format") => "export needs --format pdf, html, csv or ron.".to_string(),
        (_, "--out") => "export needs --out PATH: where to write.".to_string(),
        ("show", _) => "show needs a session id or file.".to_string(),
        ("import", _) => "import needs a folder or file.".to_string(),
        (command, missing) => format!("{command} needs {missing}."),
    }
}

/// clap's own message as one sentence: its first line, without the "error: "
/// prefix, capitalised, with a full stop.
fn clap_sentence(error: &Error) -> String {
    let rendered = error.to_string();
    let line = rendered.lines().next().unwrap_or_default();
    let line = line.strip_prefix("error: ").unwrap_or(line).trim();
    let mut chars = line.chars();
    let mut sentence: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "The command line was not understood".to_string(),
    };
    if !sentence.ends_with('.') {
        sentence.push('.');
    }
    sentence
}
