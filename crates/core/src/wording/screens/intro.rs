//! Before you start: shown before the first check, and from Home.

/// The screen's heading.
pub const HEADING: &str = "Before your first check";
/// What the check does.
pub const WHAT_IT_DOES: &str = "This check walks you through two short movements, seated and standing, one leg at a time. From how the feeling changes it suggests whether the tightness at the back of your leg comes more from the sciatic nerve or from the hamstring muscle.";
/// What it does not do.
pub const NOT_A_DIAGNOSIS: &str = "It is not a diagnosis and does not replace an examination. A few safety questions come first; if one points to something serious, the check stops and tells you where to get help.";
/// The list's heading.
pub const YOU_NEED: &str = "You need";
/// What to have at hand.
pub const NEEDS: &[&str] = &[
    "A firm chair without wheels",
    "A step or a low stool",
    "A wall, a heavy chair back or a counter to hold on to",
    "Loose clothes, and room to stand",
];
/// How long it takes, from the same count as Home and the step cards.
pub fn time() -> String {
    format!("It takes {}.", crate::wording::about_minutes(crate::protocol::full_check_seconds()))
}
/// The stop rule.
pub const STOP_ANY_TIME: &str = "You can stop at any time. Stop at once if a movement brings sharp or shooting pain, or a feeling that spreads down the leg: every step has a stop button.";
/// Goes on to the safety questions.
pub const START: &str = "I'm ready";
/// The link from Home.
pub const OPEN: &str = "What you need";
