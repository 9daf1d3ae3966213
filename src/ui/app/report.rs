//! A report of the chosen sessions, as the desktop writes it into a folder and the
//! browser hands it over.

use super::*;
use crate::ui::outcome::Failure;

/// The report (PDF, HTML) or table (CSV) of the chosen sessions, and how many
/// sessions it holds.
pub(super) fn report_bytes(
    sessions: &[LoadedSession],
    format: export::Format,
    selection: &Selection,
) -> Result<(crate::export::Rendered, usize), Failure> {
    let entries: Vec<Entry<'_>> =
        sessions.iter().map(Entry::from).filter(|e| selection.matches(e.session)).collect();
    if entries.is_empty() {
        return Err(Failure::NothingToExport);
    }
    // A backup holds the session files themselves, not a report of them.
    let rendered = crate::export::render(format, &entries, Local::now().fixed_offset())
        .map_err(|_| Failure::NotAReport)?;
    Ok((rendered, entries.len()))
}
