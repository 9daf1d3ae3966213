//! The one way from sessions to an export file, for the command line, the desktop
//! app and the browser: [`render`] makes the bytes of a report or table in a
//! [`Format`], [`file_name`] and [`file_names`] name the file it goes in, and
//! [`write_first_free`] puts it in a folder under the first of those names not taken.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use thiserror::Error;

use super::{Entry, ExportError, Format, csv, html, pdf, write};
use crate::store::names::first_free;

/// An export made: its bytes, and the extension and media type of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// What goes in the file.
    pub bytes: Vec<u8>,
    /// The extension of its file, without the dot: "pdf", "html" or "csv".
    pub extension: &'static str,
    /// Its media type, for a download or the share sheet.
    pub mime: &'static str,
}

/// A format that is not made from sessions' answers: a backup holds the session files
/// themselves, not a report of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("a backup is not a report")]
pub struct NotAReport;

/// The report (PDF, HTML) or table (CSV) of `entries`, made at `now`.
pub fn render(
    format: Format,
    entries: &[Entry<'_>],
    now: DateTime<FixedOffset>,
) -> Result<Rendered, NotAReport> {
    let (bytes, extension, mime) = match format {
        Format::Pdf => (pdf::report_pdf(entries, now), "pdf", "application/pdf"),
        Format::Html => (html::report_html(entries, now).into_bytes(), "html", "text/html"),
        Format::Csv => (csv::sessions_csv(entries).into_bytes(), "csv", "text/csv"),
        Format::Backup => return Err(NotAReport),
    };
    Ok(Rendered { bytes, extension, mime })
}

/// How many files of one day and format [`file_names`] names.
pub const MAX_SAME_DAY: usize = 100;

/// The name of a file exported on the day of `now`: `tension-check-<date>.<extension>`,
/// or with what it holds after the program's name, as in
/// `tension-check-backup-<date>.ron`.
pub fn file_name(holds: Option<&str>, now: DateTime<FixedOffset>, extension: &str) -> String {
    let date = now.format("%Y-%m-%d");
    match holds {
        None => format!("tension-check-{date}.{extension}"),
        Some(holds) => format!("tension-check-{holds}-{date}.{extension}"),
    }
}

/// The names tried in turn for a report of the day of `now`: [`file_name`], then
/// `tension-check-<date>-2.<extension>` and on, [`MAX_SAME_DAY`] names in all.
pub fn file_names(now: DateTime<FixedOffset>, extension: &str) -> impl Iterator<Item = String> {
    let date = now.format("%Y-%m-%d").to_string();
    let first = file_name(None, now, extension);
    let extension = extension.to_string();
    std::iter::once(first)
        .chain((2..=MAX_SAME_DAY).map(move |n| format!("tension-check-{date}-{n}.{extension}")))
}

/// The name of the folder a backup made at `now` is copied into:
/// `tension-check-backup-<date>-<time>`.
pub fn backup_folder_name(now: DateTime<FixedOffset>) -> String {
    format!("tension-check-backup-{}", now.format("%Y-%m-%d-%H%M%S"))
}

/// Writes `rendered` into the existing `folder` under the first of [`file_names`]
/// (for the day of `now`) not taken, never overwriting a file; returns the path.
pub fn write_first_free(
    folder: &Path,
    rendered: &Rendered,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, ExportError> {
    first_free(
        file_names(now, rendered.extension),
        |name| write(&folder.join(name), &rendered.bytes, false),
        |e| matches!(e, ExportError::Exists { .. }),
    )
    .unwrap_or_else(|| Err(ExportError::NoFreeName { folder: folder.to_path_buf() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-02T23:30:00+01:00").unwrap()
    }

    #[test]
    fn names_carry_the_local_date_and_a_number_from_two() {
        assert_eq!(file_name(None, now(), "pdf"), "tension-check-2026-12-02.pdf");
        assert_eq!(file_name(Some("backup"), now(), "ron"), "tension-check-backup-2026-12-02.ron");
        let names: Vec<String> = file_names(now(), "csv").collect();
        assert_eq!(names.len(), MAX_SAME_DAY);
        assert_eq!(names[..2], ["tension-check-2026-12-02.csv", "tension-check-2026-12-02-2.csv"]);
        assert_eq!(names[MAX_SAME_DAY - 1], "tension-check-2026-12-02-100.csv");
        assert_eq!(backup_folder_name(now()), "tension-check-backup-2026-12-02-233000");
    }

    #[test]
    fn every_format_but_the_backup_renders() {
        for format in Format::ALL {
            match render(format, &[], now()) {
                Ok(made) => {
                    assert_eq!(Some(made.extension), format.extension());
                    assert!(!made.bytes.is_empty() && made.mime.contains('/'));
                }
                Err(NotAReport) => assert_eq!(format, Format::Backup),
            }
        }
    }

    #[test]
    fn a_second_export_of_the_day_takes_the_next_name() {
        let folder = tempfile::tempdir().unwrap();
        let made = render(Format::Csv, &[], now()).unwrap();
        let first = write_first_free(folder.path(), &made, now()).unwrap();
        let second = write_first_free(folder.path(), &made, now()).unwrap();
        assert_eq!(first, folder.path().join("tension-check-2026-12-02.csv"));
        assert_eq!(second, folder.path().join("tension-check-2026-12-02-2.csv"));
    }
}
