//! The result screen.

/// Above the tier.
pub const YOUR_RESULT: &str = "Your result";
/// The reasons heading for emergency and urgent results.
pub const BECAUSE_YOU_SAID: &str = "Because you said";
/// The reasons heading.
pub const WHY: &str = "Why";
/// The per-leg heading.
pub const EACH_LEG: &str = "Each leg";
/// The advice heading.
pub const WHAT_NEXT: &str = "What to do next";
/// The referral heading.
pub const WHEN_TO_SEE_PT: &str = "When to see a physical therapist";
/// The disclaimer heading.
pub const NOT_A_DIAGNOSIS: &str = "Not a diagnosis";
/// The re-asked both-legs question's heading.
pub const BOTH_LEGS_AGAIN_HEADING: &str = "One more safety question";
/// The both-legs red-flag question, asked again at the result.
pub const BOTH_LEGS_AGAIN: &str = "Both legs showed burning, tingling, numbness or shooting below the knee. In daily life, not only during the test, do you have shooting pain, numbness or weakness going down both legs?";
/// While saving.
pub const SAVING: &str = "Saving…";
/// After saving.
pub const SAVED: &str = "Saved on this device.";
/// Tries the save again.
pub const RETRY: &str = "Retry saving";
/// The first words of an emergency result.
pub const EMERGENCY_CALL: &str =
    "Call your emergency number now, or go to the nearest emergency department.";
/// The common emergency numbers and where they apply.
pub const EMERGENCY_NUMBERS: &[(&str, &str)] = &[
    ("112", "the EU and most of the world"),
    ("911", "the United States and Canada"),
    ("999", "the United Kingdom"),
    ("000", "Australia"),
];
/// A number and where it applies: "112: the EU and most of the world".
pub fn emergency_number(number: &str, place: &str) -> String {
    format!("{number}: {place}")
}
/// The call button of a number in the browser build.
pub fn call(number: &str) -> String {
    format!("Call {number}")
}
/// The urgent result's action block: the same words as its advice.
pub fn urgent_block() -> Vec<String> {
    use crate::Advice;
    [Advice::DoctorToday, Advice::EmergencyIfWorse]
        .map(|a| crate::wording::advice(a).to_string())
        .to_vec()
}
/// The stop result's action block, naming where the test stopped ("when you pulled
/// your toes back, on your left leg").
pub fn stop_block(at: Option<&str>) -> Vec<String> {
    use crate::Advice;
    vec![
        match at {
            Some(at) => format!("Do not repeat the movement that hurt ({at})."),
            None => "Do not repeat the movement that hurt.".to_string(),
        },
        crate::wording::advice(Advice::SeeSomeoneBeforeStretching).to_string(),
        crate::wording::advice(Advice::EmergencyIfWeakness).to_string(),
    ]
}
/// Shows every reason.
pub fn show_all(count: usize) -> String {
    format!("Show all {count} reasons")
}
/// Shows the three most telling reasons only.
pub const SHOW_FEWER: &str = "Show fewer";
/// The heading of reasons about the check as a whole.
pub const ABOUT_THE_CHECK: &str = "The check as a whole";
/// Opens the exercise cards.
pub const EXERCISES: &str = "Show the exercises";

/// One line of what to do now, right under the result. On an emergency the call to
/// action above has said where to go; this line does not say it again.
pub fn do_now(outcome: &crate::Outcome) -> &'static str {
    use crate::{Advice, Tier};
    let tier = outcome.tier;
    let exercise_tier =
        matches!(tier, Tier::NerveTensionLikely | Tier::HamstringTightnessLikely | Tier::Both);
    if outcome.suspected_strain && exercise_tier {
        return "Have the suspected strain seen by a physical therapist before any stretching.";
    }
    if exercise_tier
        && crate::advice::guidance(outcome).contains(&Advice::SeeTherapistBeforeExercise)
    {
        return "Move gently, and see a physical therapist before you start any exercise.";
    }
    match tier {
        Tier::Emergency => "Tell them which of these signs you have and when they started.",
        Tier::Urgent => "Contact a doctor today, before any more tests or stretches.",
        Tier::StopAndConsult => "Stop this movement and have it checked before you stretch again.",
        Tier::NerveTensionLikely => {
            "Move gently, don't stretch into nerve symptoms; the nerve slider below can help."
        }
        Tier::HamstringTightnessLikely => {
            "A gentle hamstring stretch, a few times a day, is a good start."
        }
        Tier::Both => {
            "Settle the nerve first with gentle sliders, then add a light hamstring stretch."
        }
        Tier::NormalResponse => {
            "Nothing here needs special action: this response is common in healthy legs. Keep moving normally."
        }
        Tier::NoNotableTension => "Nothing here needs special action. Keep moving normally.",
        Tier::Unclear => "Repeat the check calmly another day, or ask a physical therapist.",
    }
}
/// Leaves the result.
pub const DONE: &str = "Done";

/// After a leg's verdict: ", strongest 6/10".
pub fn strongest(peak: u8) -> String {
    format!(", strongest {}", super::out_of_ten(peak))
}
/// Why a session is not saved yet.
pub fn not_saved(why: &str) -> String {
    format!("Not saved yet: {why}. Your answers are kept while the app is open.")
}
/// The first words after a stop: what the stop did and what to do now.
pub const TEST_STOPPED: &str = "Test stopped. Come back to rest.";
/// Takes back a stop made with the stop button.
pub const STOPPED_BY_MISTAKE: &str = "I tapped stop by mistake";
/// Takes back a stop made by answering Yes to a question that stops the test.
pub const YES_BY_MISTAKE: &str = "I answered Yes by mistake";
/// Beside the button that takes back a stop.
pub const BACK_TO_CARD: &str =
    "This takes you back to the step, with your answers; the stopped result is then not kept.";
