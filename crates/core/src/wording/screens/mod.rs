//! The words of the app's screens: headings, buttons, hints and short messages,
//! one module per screen, so all of them can be read and reviewed here beside the
//! check's own wording.

/// Returns to the previous screen or card.
pub const BACK: &str = "Back";

/// A leg's name, marked when it was the reference leg: "Left leg (reference)".
pub fn leg_title(leg: &str, reference: bool) -> String {
    if reference { format!("{leg} (reference)") } else { leg.to_string() }
}

/// An intensity out of ten: "6/10".
pub fn out_of_ten(intensity: u8) -> String {
    format!("{intensity}/10")
}

/// An answer.
pub const YES: &str = "Yes";
/// An answer.
pub const NO: &str = "No";
/// A setting switched on.
pub const ON: &str = "On";
/// A setting switched off.
pub const OFF: &str = "Off";

pub mod check;
pub mod detail;
pub mod exercises;
pub mod export;
pub mod help;
pub mod history;
pub mod home;
pub mod intro;
pub mod messages;
pub mod result;
pub mod safety;
pub mod settings;
pub mod setup;
pub mod trends;
pub mod widgets;
