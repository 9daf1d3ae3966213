//! The exercise cards (clinical brief, section 6): the nerve slider and the standing
//! hamstring stretch, each step by step, with its dose and the stop rule.

/// The nerve slider's name.
pub const SLIDER: &str = "Nerve slider";
/// What the slider does.
pub const SLIDER_ABOUT: &str =
    "Glides the sciatic nerve gently back and forth without stretching it.";
/// The slider's steps.
pub const SLIDER_STEPS: &[&str] = &[
    "Sit tall on a firm chair, both feet on the floor.",
    "Look down toward your knee as you bend it, the foot back under the chair.",
    "Slowly straighten the knee while you lift your head and look up.",
    "Bend the knee again while you look down. That is one.",
];
/// The slider's dose.
pub const SLIDER_DOSE: &str = "About 10 slow repetitions, always short of any nerve feeling (tingling, burning, shooting). Once or twice a day.";
/// The stretch's name.
pub const STRETCH: &str = "Standing hamstring stretch";
/// What the stretch does.
pub const STRETCH_ABOUT: &str = "Lengthens the hamstring at the back of the thigh.";
/// The stretch's steps.
pub const STRETCH_STEPS: &[&str] = &[
    "Hold a wall, a heavy chair back or a counter with one hand.",
    "Rest the heel on a step or low stool, knee unlocked a little, toes relaxed.",
    "Stand tall, then lean gently forward from the hips, chest up, until you feel a stretch in the back of the thigh.",
    "Hold it, breathing calmly. No bouncing.",
];
/// The stretch's dose.
pub const STRETCH_DOSE: &str = "Hold about 30 seconds, a few times a day.";
/// The stretch's hold, in seconds.
pub const STRETCH_HOLD: u32 = 30;
/// The start picture's caption.
pub const START: &str = "Start";
/// The end picture's caption.
pub const END: &str = "End";
/// The steps heading.
pub const HOW: &str = "How";
/// The dose heading.
pub const HOW_MUCH: &str = "How much";
/// The stop rule on every exercise.
pub const STOP_RULE: &str = "Stop if it brings sharp or shooting pain, or a feeling that spreads down the leg, and ask a physical therapist.";
/// The card's position: "Exercise 1 of 2".
pub fn position(n: usize, of: usize) -> String {
    format!("Exercise {n} of {of}")
}
/// Goes to the next exercise.
pub const NEXT: &str = "Next exercise";
/// Closes the exercises.
pub const DONE: &str = "Done";
