//! Shared widgets: the help overlay and the tap scale.

/// Opens the help for the screen on show.
pub const HELP: &str = "Help";
/// The help overlay's heading.
pub const SHORTCUTS: &str = "Keyboard shortcuts";
/// Every keyboard shortcut with what it does, as the help overlay lists them.
pub const SHORTCUTS_LIST: &[(&str, &str)] = &[
    ("Enter or Space", "Next, Start, Done: the main action"),
    ("Backspace, or Alt + Left arrow", "Back"),
    ("Y / N", "Yes / No"),
    ("0 to 9", "Intensity (1 then 0 gives 10)"),
    ("Tab / Shift + Tab", "The next / previous question of a step"),
    ("1 to 7", "On the question Tab moved to: the place or word with that number"),
    ("E / C / S", "Eased / No change / Stronger"),
    ("L / R / B", "Left / Right / Both legs"),
    ("Escape", "Quit a check (asks first), or close"),
    ("Ctrl + H (Cmd + H)", "History, from the home screen"),
    ("Ctrl + comma (Cmd + comma)", "Settings, from the home screen"),
    ("Question mark or F1", "Show or hide help"),
    ("Ctrl + Q (Cmd + Q)", "Close Tension Check"),
];

/// Closes the help overlay.
pub const CLOSE: &str = "Close";
/// The scale's low end.
pub const SCALE_LOW: &str = "0 = nothing";
/// The scale's high end.
pub const SCALE_HIGH: &str = "10 = worst imaginable";

/// A step card's progress: "Step 2 of 6".
pub fn step_progress(step: usize, of: usize) -> String {
    format!("Step {step} of {of}")
}
