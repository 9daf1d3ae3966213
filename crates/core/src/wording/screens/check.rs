//! The check screen.

/// Asked before quitting.
pub const QUIT_QUESTION: &str = "Quit this check? Your answers so far will not be kept.";
/// Stays in the check.
pub const KEEP_GOING: &str = "Keep going";
/// Confirms quitting.
pub const QUIT_CHECK: &str = "Quit check";
/// Asks to quit.
pub const QUIT: &str = "Quit";
/// Ends the last card.
pub const SEE_RESULT: &str = "See result";
/// Goes to the next card.
pub const NEXT: &str = "Next";
/// What is missing before Next.
pub const NEED_INTENSITY: &str = "Tap a number from 0 to 10 to continue.";
/// What is missing before Next.
pub const NEED_REGIONS: &str = "Choose where you feel it to continue.";
/// What is missing before Next.
pub const NEED_QUALITIES: &str = "Choose what it feels like to continue.";
/// What is missing before Next.
pub const NEED_FAMILIAR: &str = "Say whether this is your usual feeling to continue.";
/// What is missing before Next.
pub const NEED_CHANGE: &str = "Choose how the feeling changed to continue.";
/// What is missing before Next.
pub const NEED_SHARP_PAIN: &str = "Answer the sharp-pain question to continue.";
/// What is missing before Next.
pub const NEED_SPREAD: &str = "Answer the spreading question to continue.";
/// The stop control on every test card: for sharp or shooting pain, numbness, or
/// anything else that says stop (the card's questions say when a Yes stops too).
pub const STOP: &str = "Stop the test";
/// Asked at once, in place of the card's buttons, when Sharp or Shooting is chosen.
pub const SHARP_CAME_ON: &str =
    "You chose sharp or shooting. Did sharp or shooting pain come on with this movement?";
/// The answer that goes on with the card.
pub const CARRY_ON: &str = "No, carry on";
/// The answer that stops the test.
pub const STOP_TEST: &str = "Yes, stop the test";
/// Continues after a transition card.
pub const CONTINUE: &str = "Continue";
/// Starts the hold countdown.
pub fn start_hold(seconds: u32) -> String {
    format!("Start {seconds}-second hold")
}
/// While the countdown runs.
pub const HOLDING: &str = "Hold still and notice the feeling";
/// When the hold is over.
pub const HOLD_DONE: &str = "Done. Come back to rest and answer.";
/// Beside the timer: it never has to be used.
pub const HOLD_OPTIONAL: &str = "You can answer at any time; the timer only helps you hold.";

/// The whole check's progress: "Step 7 of 18 · about 4 minutes left".
pub fn progress(step: usize, of: usize, seconds_left: u32) -> String {
    let minutes = seconds_left.div_ceil(60);
    let left = match minutes {
        0 => "almost done".to_string(),
        1 => "about a minute left".to_string(),
        n => format!("about {n} minutes left"),
    };
    format!("Step {step} of {of} · {left}")
}

/// A transition card's heading when the leg changes: "Left leg done."
pub fn leg_done(leg: &str) -> String {
    format!("{leg} done.")
}

/// A transition card's heading when the test changes: "Seated slump test done."
pub fn test_done(test: &str) -> String {
    format!("{test} done.")
}

/// What comes next on a transition card: "Now your right leg, the one that
/// bothers you." or "Now your left leg, for comparison."
pub fn now_leg(leg_lower: &str, reference: bool, test: Option<&str>) -> String {
    let which = if reference { "for comparison" } else { "the one that bothers you" };
    match test {
        Some(test) => format!("Next: the {test}, starting with your {leg_lower}, {which}."),
        None => format!("Now your {leg_lower}, {which}."),
    }
}
/// The mute button of a card: silences the voice and the tones.
pub const MUTE: &str = "Mute";
/// The same button while muted: the voice and the tones back on.
pub const UNMUTE: &str = "Sound on";
