//! The settings screen.

/// The heading.
pub const HEADING: &str = "Settings";
/// The theme heading.
pub const COLOURS: &str = "Colours";
/// The size heading.
pub const SIZE: &str = "Text and button size";
/// How the size works.
pub const SIZE_NOTE: &str = "Text and buttons grow at every window size; on a narrow screen the page rearranges itself so nothing is cut off.";
/// The hold timer heading.
pub const HOLD_TIMER: &str = "Hold timer";
/// The hold timer choice.
pub const HOLD_TIMER_AUTO: &str = "Start by itself";
/// The hold timer choice.
pub const HOLD_TIMER_TAP: &str = "Start with a tap";
/// What the hold timer is.
pub const HOLD_TIMER_NOTE: &str = "Each step shows how long to hold a position (about 5 or 10 seconds). You can answer at any time.";
/// The heading of the voice and sound settings.
pub const GUIDANCE: &str = "Voice and sound";
/// The voice setting.
pub const VOICE: &str = "Read each step aloud and count the holds";
/// The sound setting.
pub const SOUND: &str = "Tones when a hold starts and ends";
/// What the voice and sound do.
pub const GUIDANCE_NOTE: &str = "With the voice on, a step is read to you, its hold starts by itself and is counted, and a chime tells you when to come back to rest: you need not look at the screen while you hold. Every step card also has a mute button.";
/// The motion setting.
pub const REDUCE_MOTION: &str = "Keep the drawings still (no movement shown)";
