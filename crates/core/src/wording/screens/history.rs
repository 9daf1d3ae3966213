//! The history screen.

/// The heading.
pub const HEADING: &str = "History";
/// Opens the trends.
pub const TRENDS: &str = "Trends";
/// Opens export and backup.
pub const EXPORT: &str = "Export";
/// After a delete.
pub const MOVED_TO_TRASH: &str = "Session moved to the trash.";
/// Brings a deleted session back.
pub const UNDO: &str = "Undo";
/// While loading.
pub const LOADING: &str = "Loading your sessions…";
/// With no sessions.
pub const EMPTY: &str = "No sessions yet. Finished checks are saved here, on this device only.";
/// A session without tests.
pub const NO_TESTS: &str = "No tests";
/// A session of both legs.
pub const BOTH_LEGS: &str = "Tested both legs";

/// A session of one leg: "Tested the left leg".
pub fn tested_one(leg_lower: &str) -> String {
    format!("Tested the {leg_lower}")
}

/// A row's second line: "Tested both legs · strongest 6/10".
pub fn legs_and_peak(legs: &str, peak: u8) -> String {
    format!("{legs} · strongest {}", super::out_of_ten(peak))
}
