//! The detail screen.

/// The reasons heading.
pub const WHY: &str = "Why";
/// The safety heading.
pub const SAFETY: &str = "Safety questions";
/// The injury answer.
pub const STRAIN_YES: &str = "Possible hamstring strain: Yes (stretch skipped)";
/// The injury answer.
pub const STRAIN_NO: &str = "Possible hamstring strain: No";

/// A step's intensity in its answer line.
pub fn intensity(intensity: u8) -> String {
    format!("intensity {}", super::out_of_ten(intensity))
}

/// Whether it was the usual feeling, in an answer line.
pub fn usual_feeling(answer: &str) -> String {
    format!("usual feeling: {answer}")
}

/// B2's sharp-pain answer in an answer line.
pub fn sharp_pain(yes: bool) -> String {
    format!("sharp pain increased: {}", if yes { "yes" } else { "no" })
}

/// B3's spread answer in an answer line.
pub fn spread(yes: bool) -> String {
    format!("spread below knee: {}", if yes { "yes" } else { "no" })
}
/// The note heading.
pub const NOTE: &str = "Your note";
/// A saved session that today's rules grade differently.
pub fn regraded(then: &str, version: u32, now: &str) -> String {
    format!(
        "Graded \"{then}\" at the time (rules version {version}). Today's rules give \"{now}\"; the result above is the one shown at the time."
    )
}
/// What a note is for, above the field (a placeholder this long is cut off on a phone).
pub const NOTE_EXPLAINED: &str = "For example what you did before the check.";
/// The note field's placeholder.
pub const NOTE_HINT: &str = "Add a note";
/// Saves the note.
pub const SAVE_NOTE: &str = "Save note";
/// Asked before deleting.
pub const DELETE_QUESTION: &str = "Move this session to the trash? You can undo this.";
/// Cancels deleting.
pub const KEEP_IT: &str = "Keep it";
/// Confirms deleting.
pub const DELETE_SESSION: &str = "Delete session";
/// Asks to delete.
pub const DELETE: &str = "Delete";
/// Exports this session.
pub const EXPORT_REPORT: &str = "Export report";
/// Every safety question answered no.
pub fn all_answered_no(count: usize) -> String {
    format!("All {count} answered No.")
}
