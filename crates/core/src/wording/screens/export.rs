//! The export screen.

/// A range that runs backwards.
pub const START_AFTER_END: &str = "The start date is after the end date.";
/// Import without a path.
pub const NEED_IMPORT_PATH: &str = "Type the folder or file to import from.";
/// While importing.
pub const IMPORTING: &str = "Importing…";
/// Export without a folder.
pub const NEED_FOLDER: &str = "Type the folder to save into.";
/// While saving.
pub const SAVING: &str = "Saving…";
/// The heading.
pub const HEADING: &str = "Export and backup";
/// Exporting one session.
pub const ONE_SESSION: &str = "A report of this session for your physical therapist.";
/// Exporting a range.
pub const RANGE: &str = "A report of every session in a date range, for your physical therapist.";
/// The first day's label.
pub const FROM: &str = "From (YYYY-MM-DD)";
/// The first day's placeholder.
pub const FROM_HINT: &str = "first day";
/// The last day's label.
pub const TO: &str = "To (YYYY-MM-DD)";
/// The last day's placeholder.
pub const TO_HINT: &str = "last day";
/// The folder's label.
pub const FOLDER: &str = "Save into this folder";
/// A folder offered with one tap.
pub const DOCUMENTS: &str = "Documents";
/// A folder offered with one tap.
pub const DOWNLOADS: &str = "Downloads";
/// A folder offered with one tap.
pub const DESKTOP: &str = "Desktop";
/// A folder offered with one tap.
pub const HOME: &str = "Home folder";
/// The folder's placeholder.
pub const FOLDER_HINT: &str = "a folder, such as your Documents";
/// Saves the PDF report.
pub const SAVE_PDF: &str = "Save report (PDF)";
/// Saves the HTML report.
pub const SAVE_HTML: &str = "Save report (HTML)";
/// Saves the CSV.
pub const SAVE_CSV: &str = "Save CSV";
/// What each format is for.
pub const FORMATS: &str = "The PDF is ready to print or send. The HTML report is the same, as a web page; the CSV holds every answer for a spreadsheet.";
/// The backup heading.
pub const BACKUP: &str = "Backup";
/// What a backup does.
pub const BACKUP_EXPLAINED: &str =
    "Copies every saved session, exactly as stored, into a new folder inside the one above.";
/// Makes a backup.
pub const BACK_UP: &str = "Back up all sessions";
/// The import heading.
pub const RESTORE: &str = "Restore or merge";
/// What an import does.
pub const RESTORE_EXPLAINED: &str = "Brings in sessions from a backup folder or another device. Sessions you already have are skipped.";
/// The import path's placeholder.
pub const IMPORT_HINT: &str = "a backup folder or a .ron file";
/// Imports.
pub const IMPORT: &str = "Import";
/// A date typed in another form.
pub fn bad_date(which: &str) -> String {
    format!("The {which} date should look like 2026-03-31.")
}
