//! A saved session: one finished check, its result and when it happened.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, FixedOffset, Local, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::validate;
use crate::core::{Check, Outcome};

/// The version of the session file format this build writes and fully reads.
pub const FORMAT_VERSION: u32 = 3;

/// The version of the note file format this build writes and fully reads.
pub const NOTE_FORMAT_VERSION: u32 = 1;

/// How a note file's name ends: `<id>.note.ron`, beside the session's `<id>.ron`
/// (on disk, and as a key in the browser's storage).
pub const NOTE_SUFFIX: &str = ".note.ron";

/// Whether `name` (a file's name or path, or a key of the browser's storage) is a
/// note's.
pub fn is_note_file(name: &str) -> bool {
    name.ends_with(NOTE_SUFFIX)
}

/// The longest id accepted, in characters.
pub const MAX_ID_LEN: usize = 64;

/// The stable id of a session, such as `20261126T133512Z-9f3a1c2b`: the UTC start
/// time and eight random hex digits. It is also the session's file name, so only
/// ASCII letters, digits, `-` and `_` are allowed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionId(String);

/// Why a text is not a valid session id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{}\" is not a valid session id: it must be 1 to 64 letters, digits, '-' or '_'",
    excerpt(.0)
)]
pub struct InvalidId(pub String);

/// The longest excerpt of a person's text or a file's content that a message quotes,
/// in characters.
pub const EXCERPT_CHARS: usize = 40;

/// A short, escaped excerpt of `text` for a message: control and other unprintable
/// characters escaped, at most [`EXCERPT_CHARS`] characters, "…" when cut.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == EXCERPT_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The most legs a session can hold: the left and the right, each at most once.
pub const MAX_LEGS: usize = 2;
/// The longest app version text accepted, in characters.
pub const MAX_APP_VERSION_CHARS: usize = 100;
/// The most reasons a stored outcome can hold.
pub const MAX_REASONS: usize = 200;
/// The longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 100_000;
/// The largest session file read, in bytes. Real ones are about 10 KB.
pub const MAX_SESSION_FILE_BYTES: u64 = 1024 * 1024;
/// The largest note file read, in bytes (a note of [`MAX_NOTE_CHARS`] in any script
/// fits).
pub const MAX_NOTE_FILE_BYTES: u64 = 1024 * 1024;

/// Why a text is not a readable session or note file. The message names the
/// problem and its place, and never quotes more of the file than a short escaped
/// excerpt of a name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The text does not follow the file format.
    #[error("it is not in the expected format (line {line}, column {column}: {problem})")]
    Syntax {
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
        /// What is wrong, in words that quote no more than a short excerpt.
        problem: String,
    },
    /// The text is in the format but holds values no session can have.
    #[error("it holds values no session can have: {0}")]
    Invalid(String),
    /// The text does not start like a session or note file at all.
    #[error("it does not look like a {0} file")]
    NotThisKind(&'static str),
}

impl FileError {
    fn from_ron(err: &ron::error::SpannedError) -> FileError {
        use ron::Error as E;
        let problem = match &err.code {
            E::Message(text) => excerpt(text),
            E::ExpectedDifferentStructName { expected, .. } => {
                format!("expected `{expected}` here")
            }
            E::ExpectedStructName(_) => "expected a name here".to_string(),
            E::NoSuchEnumVariant { expected, .. } if expected.len() <= 6 => {
                format!("an unknown value where one of {} was expected", expected.join(", "))
            }
            E::NoSuchEnumVariant { .. } => "an unknown value".to_string(),
            E::NoSuchStructField { .. } => "an unknown field".to_string(),
            E::InvalidValueForType { expected, .. } => {
                format!("a value of the wrong kind where {} was expected", excerpt(expected))
            }
            E::NoSuchExtension(_) => "an unknown extension".to_string(),
            E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
                "a name that is not valid".to_string()
            }
            E::ExceededRecursionLimit => "it is nested too deeply".to_string(),
            E::UnexpectedChar(c) => format!("unexpected character '{}'", c.escape_default()),
            E::Io(_) => "it could not be read".to_string(),
            other => excerpt(&other.to_string()),
        };
        FileError::Syntax { line: err.span.start.line, column: err.span.start.col, problem }
    }
}

/// Whether `text` starts, after blank space and comments, like a RON value of
/// struct `name` (`Name(` or `(`), the only way session and note files start.
fn starts_like(text: &str, name: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else if rest.starts_with("#![") {
            rest = rest.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    rest.starts_with('(')
        || rest.strip_prefix(name).is_some_and(|r| r.trim_start().starts_with('('))
}

impl SessionId {
    /// A new id for a session started at `started_at`.
    pub fn generate(started_at: DateTime<Utc>) -> SessionId {
        SessionId(format!("{}-{}", started_at.format("%Y%m%dT%H%M%SZ"), random_hex(4)))
    }

    /// Checks and wraps an id read from elsewhere.
    pub fn parse(text: &str) -> Result<SessionId, InvalidId> {
        let ok = !text.is_empty()
            && text.len() <= MAX_ID_LEN
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok { Ok(SessionId(text.to_string())) } else { Err(InvalidId(text.to_string())) }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The session file name, `<id>.ron`.
    pub fn file_name(&self) -> String {
        format!("{}.ron", self.0)
    }

    /// The note file name, `<id>.note.ron`.
    pub fn note_file_name(&self) -> String {
        format!("{}{NOTE_SUFFIX}", self.0)
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for SessionId {
    type Error = BadStoredId;

    /// For ids read from a file: the error names the field and the problem, never
    /// the text (a message never quotes a file's content).
    fn try_from(text: String) -> Result<Self, Self::Error> {
        SessionId::parse(&text).map_err(|_| BadStoredId)
    }
}

/// Why an id read from a file is not valid; quotes nothing of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the id is not valid: it must be 1 to 64 letters, digits, '-' or '_'")]
pub struct BadStoredId;

impl From<SessionId> for String {
    fn from(id: SessionId) -> String {
        id.0
    }
}

/// One finished check as it is stored: written once, never changed afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The file format version, [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The version of the app that wrote the file.
    pub app_version: String,
    /// The stable id.
    pub id: SessionId,
    /// When the check started, with the local offset at the time.
    #[serde(with = "rfc3339")]
    pub started_at: DateTime<FixedOffset>,
    /// When the check finished, with the local offset at the time.
    #[serde(with = "rfc3339")]
    pub finished_at: DateTime<FixedOffset>,
    /// Every answer given.
    pub check: Check,
    /// The graded result, with the version of the rules that graded it.
    pub outcome: Outcome,
}

impl Session {
    /// A session finishing now, with a fresh id, this build's format and app version.
    pub fn new(check: Check, outcome: Outcome, started_at: DateTime<FixedOffset>) -> Session {
        let finished_at = Local::now().fixed_offset();
        Session {
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            id: SessionId::generate(started_at.with_timezone(&Utc)),
            started_at,
            finished_at,
            check,
            outcome,
        }
    }

    /// The session as pretty RON text, with struct names and a final newline, as it
    /// is written to disk.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, pretty()).map(|text| text + "\n")
    }

    /// Reads a session from RON text and checks it with [`Session::validate`].
    /// Unknown fields are ignored.
    pub fn from_ron(text: &str) -> Result<Session, FileError> {
        if !starts_like(text, "Session") {
            return Err(FileError::NotThisKind("session"));
        }
        let session: Session = ron::from_str(text).map_err(|e| FileError::from_ron(&e))?;
        session.validate().map_err(FileError::Invalid)?;
        Ok(session)
    }

    /// Checks the limits no real session exceeds: at most [`MAX_LEGS`] legs, each
    /// leg at most once, intensities 0 to [`MAX_INTENSITY`](crate::core::MAX_INTENSITY), short texts and lists.
    /// Says what is wrong, without quoting the content.
    pub fn validate(&self) -> Result<(), String> {
        if self.app_version.chars().count() > MAX_APP_VERSION_CHARS {
            return Err(format!(
                "the app version is longer than {MAX_APP_VERSION_CHARS} characters"
            ));
        }
        validate::check(&self.check)?;
        validate::outcome(&self.outcome)
    }
}

/// The free-text note a person can add to a session, stored beside it in
/// `<id>.note.ron`. It is the only thing about a session that can change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The note file format version, [`NOTE_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The text, as typed.
    pub text: String,
    /// When it was last edited, with the local offset at the time.
    #[serde(with = "rfc3339")]
    pub edited_at: DateTime<FixedOffset>,
}

impl Note {
    /// A note with this build's format version.
    pub fn new(text: impl Into<String>, edited_at: DateTime<FixedOffset>) -> Note {
        Note { format_version: NOTE_FORMAT_VERSION, text: text.into(), edited_at }
    }

    /// The note as pretty RON text, with a final newline.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, pretty()).map(|text| text + "\n")
    }

    /// The note of session `id` as it is written, or the store's error naming it.
    pub fn to_ron_of(&self, id: &SessionId) -> Result<String, crate::store::StoreError> {
        self.to_ron().map_err(|e| crate::store::StoreError::Serialize {
            what: format!("the note of session {id}"),
            message: e.to_string(),
        })
    }

    /// Reads a note from RON text and checks its length. Unknown fields are ignored.
    pub fn from_ron(text: &str) -> Result<Note, FileError> {
        if !starts_like(text, "Note") {
            return Err(FileError::NotThisKind("note"));
        }
        let note: Note = ron::from_str(text).map_err(|e| FileError::from_ron(&e))?;
        if note.text.chars().count() > MAX_NOTE_CHARS {
            return Err(FileError::Invalid(format!(
                "the note is longer than {MAX_NOTE_CHARS} characters"
            )));
        }
        Ok(note)
    }
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().struct_names(true).indentor("    ".to_string())
}

/// Just the format version of a session file, read without the rest.
#[derive(Deserialize)]
#[serde(rename = "Session")]
struct VersionProbe {
    format_version: u32,
}

/// The format version a session file claims, found even when the rest of the file
/// does not parse: first by reading only that field, then by looking for the text
/// `format_version: <number>`. `None` when neither works.
pub fn probe_format_version(text: &str) -> Option<u32> {
    if let Ok(probe) = ron::from_str::<VersionProbe>(text) {
        return Some(probe.format_version);
    }
    let start = text.find("format_version")? + "format_version".len();
    let rest = text[start..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
    digits.parse().ok()
}

/// `count` random bytes as lowercase hex. Uses the system's random source; if that
/// fails, falls back to the clock, the process id and a counter, which is still
/// unique enough for a file name that is never overwritten.
pub(crate) fn random_hex(count: usize) -> String {
    let mut bytes = vec![0u8; count];
    if getrandom::fill(&mut bytes).is_err() {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64;
        let mut x = nanos
            ^ (u64::from(std::process::id()) << 32)
            ^ COUNTER.fetch_add(1, Ordering::Relaxed).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for byte in bytes.iter_mut() {
            // splitmix64
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            *byte = (z ^ (z >> 31)) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Serializes a `DateTime<FixedOffset>` as RFC 3339 text with its offset, such as
/// `2026-11-26T14:35:12.250+01:00`, keeping every fraction digit.
pub mod rfc3339 {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    use super::SecondsFormat;

    /// Writes the time as RFC 3339 text.
    pub fn serialize<S: Serializer>(
        time: &DateTime<FixedOffset>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&time.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }

    /// Reads RFC 3339 text, keeping its offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::parse_from_rfc3339(&text)
            .map_err(|e| serde::de::Error::custom(format!("a time is not an RFC 3339 time ({e})")))
    }
}
