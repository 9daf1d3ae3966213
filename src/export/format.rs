//! The export formats, one list for the command line and the export screen: each
//! with its name, file extension and label, and parsing that refuses an unknown
//! name rather than guess one.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// A format to export sessions in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The report for a physical therapist, ready to print (A4).
    Pdf,
    /// The same report as one web page.
    Html,
    /// Every answer: one row per session, leg and step.
    Csv,
    /// A backup folder holding the session files as they are (RON).
    Backup,
}

/// A format name that is none of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Unknown format {0:?}; use pdf, html, csv or ron")]
pub struct UnknownFormat(pub String);

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Html, Format::Csv, Format::Backup];

    /// The name on the command line: "pdf", "html", "csv" or "ron".
    pub const fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Backup => "ron",
        }
    }

    /// The extension of the file written, without the dot; `None` for a backup,
    /// which is a folder of files.
    pub const fn extension(self) -> Option<&'static str> {
        match self {
            Format::Pdf => Some("pdf"),
            Format::Html => Some("html"),
            Format::Csv => Some("csv"),
            Format::Backup => None,
        }
    }

    /// What is written, as it reads in "Wrote the … of 3 sessions".
    pub const fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF report",
            Format::Html => "report",
            Format::Csv => "CSV",
            Format::Backup => "backup",
        }
    }

    /// One line on what the format holds, for the command line's help.
    pub const fn description(self) -> &'static str {
        match self {
            Format::Pdf => "the report for a physical therapist, ready to print (A4)",
            Format::Html => "the same report as one web page",
            Format::Csv => "every answer: one row per session, leg and step",
            Format::Backup => "a backup folder holding the session files as they are",
        }
    }

    /// The format named `name` (any case, surrounding spaces ignored).
    pub fn parse(name: &str) -> Result<Format, UnknownFormat> {
        let wanted = name.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownFormat(wanted.to_string()))
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        Format::parse(name)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
