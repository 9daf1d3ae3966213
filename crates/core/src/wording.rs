//! Every sentence the person reads, in one place so the wording can be reviewed
//! as a whole. Facts come from the clinical brief; the words are our own.

mod outcome;
pub mod screens;

pub use outcome::{
    advice, card_phrase, comparison_reading, every_result, leg_reading, leg_verdict, next_steps,
    next_steps_for, reason, step_did, step_phrase, strength, strength_short, tier_label,
    tier_summary, when_to_see_pt,
};

use super::advice::{Advice, guidance, guidance_for};
use super::answers::{Change, Familiar, Leg, Quality, Region};
use super::grading::{LegVerdict, Reason, Strength, Tier};
use super::protocol::{Card, StepId, TestKind};
use super::red_flags::{RedFlag, Severity};

/// A count with its noun in the singular or plural: "1 file", "3 files".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The app's name.
pub const APP_NAME: &str = "Tension Check";

/// "About 7 minutes": how long a whole check takes, from the one count of
/// [`crate::protocol::full_check_seconds`] that the step cards count down from too.
pub fn about_minutes(seconds: u32) -> String {
    match seconds.div_ceil(60) {
        0 | 1 => "about a minute".to_string(),
        n => format!("about {n} minutes"),
    }
}

/// What the app does, for the home screen, with the time a whole check takes.
pub fn home_intro() -> String {
    format!(
        "Tightness at the back of your leg can come from the hamstring muscle or from the sciatic nerve. Two short self-tests, {}, help you tell which one is more likely.",
        about_minutes(crate::protocol::full_check_seconds())
    )
}

/// The disclaimer, worded kindly: the first of the three lines of every result.
pub const NOT_A_DIAGNOSIS: &str =
    "This is a self-check, not a diagnosis. It can point you in a direction, nothing more.";

/// The third line of every result.
pub const THERAPIST_CAN_EXAMINE: &str =
    "A physical therapist can examine you properly and tell the two apart.";

/// What "nerve tension" means, explained once.
pub const NERVE_TENSION_EXPLAINED: &str =
    "Nerve tension: the nerve is being stretched or pressed and does not glide freely.";

/// The universal safety rule.
pub const STOP_RULE: &str = "Stop any movement that brings sharp or shooting pain.";

/// Introduction to the safety questions.
pub const SAFETY_INTRO: &str = "First, a few safety questions. Answer each one honestly: they pick up the rare signs that need a doctor rather than a self-test.";

/// The injury question.
pub const INJURY_QUESTION: &str = "Did this start suddenly during activity or sport, with a pop or a sharp pull, and is there bruising or a tender spot at the back of your thigh?";

/// What happens after a yes to the injury question.
pub const INJURY_YES_NOTE: &str = "That sounds like it could be a hamstring strain. We'll skip the standing stretch, because an injured muscle should not be stretched.";

/// Set-up prompts.
pub const SETUP_WHICH_LEG: &str = "Which leg bothers you?";
/// What choosing both legs means.
pub const SETUP_BOTH_LEGS: &str = "Both legs bother you: each leg is tested and weighed on its own, so there is no healthy side to compare with, and the result will say so.";
/// Why test the other leg first.
pub const SETUP_REFERENCE: &str = "Test your other leg first? It shows what is normal for you, so the two sides can be compared. Recommended.";
/// What skipping the reference costs.
pub const SETUP_REFERENCE_SKIPPED: &str =
    "Without the other leg there is nothing to compare with, and the result will say so.";

/// The heading of a red-flag question.
pub fn red_flag_question(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::SaddleNumbness => {
            "Do you have new numbness or pins and needles between your legs, around your genitals or back passage?"
        }
        RedFlag::BladderOrBowel => {
            "Do you have new difficulty passing urine, or have you lost control of your bladder or bowel?"
        }
        RedFlag::UrineDifficulty => "Do you have new difficulty passing urine?",
        RedFlag::BladderControl => {
            "Have you recently lost control of your bladder, leaking urine without meaning to?"
        }
        RedFlag::BowelControl => "Have you recently lost control of your bowels?",
        RedFlag::SexualDysfunction => "Have you noticed new problems with sexual function?",
        RedFlag::BothLegs => {
            "Do you have shooting pain, numbness or weakness going down both legs? (Not just tight hamstrings on both sides.)"
        }
        RedFlag::SevereWeakness => {
            "Is one leg badly or quickly getting weaker, for example you can't lift the front of your foot or walk on your heels?"
        }
        RedFlag::AfterAccident => {
            "Did this back or leg pain start after a serious fall or accident?"
        }
        RedFlag::Fever => {
            "Do you have a fever, or feel hot and shivery, along with this back or leg pain?"
        }
        RedFlag::WeightLoss => "Have you lost weight without trying?",
        RedFlag::CancerHistory => "Have you had cancer, and is this back or leg pain new?",
        RedFlag::NightPain => {
            "Is the back or leg pain there all the time, not eased by rest, and much worse at night?"
        }
        RedFlag::WeakImmunity => {
            "Is your immune system weakened, or do you take steroid medicine long term?"
        }
        RedFlag::ImmunityWeakened => {
            "Is your immune system weakened, for example by an illness or by medicine you take?"
        }
        RedFlag::LongTermSteroids => "Do you take steroid tablets or injections long term?",
    }
}

/// A short name of a red flag, for summaries and exports.
pub fn red_flag_short(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::SaddleNumbness => "new numbness in the saddle area",
        RedFlag::BladderOrBowel => "new bladder or bowel problems",
        RedFlag::UrineDifficulty => "new difficulty passing urine",
        RedFlag::BladderControl => "new loss of bladder control",
        RedFlag::BowelControl => "new loss of bowel control",
        RedFlag::SexualDysfunction => "new sexual dysfunction",
        RedFlag::BothLegs => "nerve symptoms down both legs",
        RedFlag::SevereWeakness => "severe or worsening leg weakness",
        RedFlag::AfterAccident => "pain after a serious fall or accident",
        RedFlag::Fever => "fever with back or leg pain",
        RedFlag::WeightLoss => "unexplained weight loss",
        RedFlag::CancerHistory => "history of cancer with new back or leg pain",
        RedFlag::NightPain => "constant pain, worse at night",
        RedFlag::WeakImmunity => "weakened immune system or long-term steroids",
        RedFlag::ImmunityWeakened => "weakened immune system",
        RedFlag::LongTermSteroids => "long-term steroid medicine",
    }
}

/// The both-legs question asked again at the result, in summaries and exports.
pub const BOTH_LEGS_AGAIN_SHORT: &str =
    "nerve symptoms down both legs in daily life (asked again at the result)";

/// A group heading for the red-flag questions.
pub fn severity_heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Emergency => "Signs that need care straight away",
        Severity::Urgent => "Signs that need a doctor soon",
    }
}

/// A leg's name.
pub fn leg(leg: Leg) -> &'static str {
    match leg {
        Leg::Left => "Left leg",
        Leg::Right => "Right leg",
    }
}

/// A leg's name inside a sentence.
pub fn leg_lower(leg: Leg) -> &'static str {
    match leg {
        Leg::Left => "left leg",
        Leg::Right => "right leg",
    }
}

/// A test's name.
pub fn test_name(test: TestKind) -> &'static str {
    match test {
        TestKind::Slump => "Seated slump test",
        TestKind::HamstringStretch => "Standing hamstring stretch",
    }
}

/// The one instruction of a step card.
pub fn step_instruction(step: StepId) -> &'static str {
    match step {
        StepId::A1 => {
            "Sit on a firm chair with your back straight and both feet flat on the floor."
        }
        StepId::A2 => {
            "Slowly straighten this knee, toes pointing up. Stop at the first tightness or discomfort; don't push."
        }
        StepId::A3 => "Keep the leg still and point your toes down, away from you.",
        StepId::A4 => "Now pull your toes back toward your shin.",
        StepId::A5 => {
            "Keep your toes back. Let your upper back round and drop your chin to your chest."
        }
        StepId::A6 => "Keep everything else still. Lift your head and look straight ahead.",
        StepId::B1 => {
            "Hold a wall, a heavy chair back or a counter with one hand. Rest this heel on a step or low stool, knee unlocked a little, toes relaxed down."
        }
        StepId::B2 => {
            "Keep holding on. Stand tall, hips back, chest up, and lean gently forward from the hips. Hold about 10 seconds."
        }
        StepId::B3 => {
            "Keep holding on and hold the lean. Gently pull your toes up toward your shin for about 10 seconds."
        }
    }
}

/// The question a step asks about change.
pub fn change_question(step: StepId) -> &'static str {
    match step {
        StepId::A3 => "With your toes down, the feeling…",
        StepId::A4 => "With your toes pulled back, the feeling…",
        StepId::A5 => "With your chin down, the feeling…",
        StepId::A6 => "With your head up, the feeling…",
        StepId::B3 => "With your toes pulled up, the feeling…",
        _ => "The feeling…",
    }
}

/// What to do on a "ready" card (A1, B1).
pub const READY_HINT: &str = "Get into this position, then tap Next.";
/// The intensity question.
pub const ASK_INTENSITY: &str = "How strong is it? 0 is nothing, 10 is the worst you can imagine.";
/// The regions question.
pub const ASK_REGIONS: &str = "Where do you feel it? Choose all that apply.";
/// The qualities question.
pub const ASK_QUALITIES: &str = "What does it feel like? Choose all that apply.";
/// The familiar-feeling question.
pub const ASK_FAMILIAR: &str = "Is this the feeling that usually bothers you?";
/// The sharp-pain question (B2).
pub const ASK_SHARP: &str = "Did sharp or shooting pain get worse? A Yes stops the test.";
/// The spread question (B3).
pub const ASK_SPREAD: &str = "Did the feeling spread down below your knee? A Yes stops the test.";
/// Shown when nothing is felt, so where/what are not asked.
pub const NOTHING_FELT: &str = "Nothing felt: no need to say where or what.";

/// A region's label.
pub fn region(region: Region) -> &'static str {
    match region {
        Region::LowerBack => "Lower back",
        Region::Buttock => "Buttock",
        Region::BackOfThigh => "Back of thigh",
        Region::BackOfKnee => "Back of knee",
        Region::UpperCalf => "Upper calf",
        Region::LowerLegOrFoot => "Lower leg or foot",
    }
}

/// A quality's label.
pub fn quality(quality: Quality) -> &'static str {
    match quality {
        Quality::StretchOrPull => "Stretch or pull",
        Quality::DullAche => "Dull ache",
        Quality::Burning => "Burning",
        Quality::Tingling => "Tingling",
        Quality::Numbness => "Numbness",
        Quality::Shooting => "Shooting",
        Quality::Sharp => "Sharp",
    }
}

/// A familiar-feeling answer's label.
pub fn familiar(answer: Familiar) -> &'static str {
    match answer {
        Familiar::Yes => "Yes",
        Familiar::No => "No",
        Familiar::NotSure => "Not sure",
    }
}

/// A change answer's label.
pub fn change(change: Change) -> &'static str {
    match change {
        Change::Eased => "Eased",
        Change::NoChange => "No change",
        Change::Stronger => "Stronger",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence as the person reads it: a capital letter or a digit first, a full stop
    /// (or ? or !) last, and no doubled, leading or trailing space, nor one before a
    /// comma or full stop.
    fn sentence(text: &str) -> Result<(), String> {
        let capital = text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let ends = text.ends_with(['.', '?', '!']);
        let spaced = text.contains("  ") || text.contains(" .") || text.contains(" ,");
        match (capital, ends, spaced || text.trim() != text) {
            (true, true, false) => Ok(()),
            _ => Err(format!("not written as a sentence: {text:?}")),
        }
    }

    /// A label (a tier, a place, a feeling): a capital first, no full stop, no stray space.
    fn label(text: &str) -> Result<(), String> {
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        let spaced = text.contains("  ") || text.trim() != text;
        match (capital, text.ends_with('.') || spaced) {
            (true, false) => Ok(()),
            _ => Err(format!("not written as a label: {text:?}")),
        }
    }

    /// Every sentence of every result, and every piece of advice it can give, is written
    /// as a sentence; tiers and answers have labels of their own, each told apart.
    #[test]
    fn every_result_reads_in_sentences_and_every_label_is_its_own() {
        let mut problems = std::collections::BTreeSet::new();
        let mut check = |r: Result<(), String>| problems.extend(r.err());
        for tier in Tier::ALL {
            check(label(tier_label(tier)));
            check(sentence(tier_summary(tier)));
            check(sentence(when_to_see_pt(tier)));
            assert!(tier_summary(tier).len() > 40, "{tier:?}: a summary says why");
            assert!(!next_steps_for(tier, false, None).is_empty(), "{tier:?}: what to do next");
            for strain in [false, true] {
                for strongest in [None, Some(0), Some(crate::grading::STRONG_FEELING), Some(10)] {
                    for advice in guidance_for(tier, strain, strongest) {
                        check(sentence(super::advice(advice)));
                    }
                }
            }
        }
        let regions = Region::ALL.map(region);
        let qualities = Quality::ALL.map(quality);
        let answers = [Familiar::Yes, Familiar::No, Familiar::NotSure].map(familiar);
        let changes = [Change::Eased, Change::NoChange, Change::Stronger].map(change);
        let tiers = Tier::ALL.map(tier_label);
        let summaries = Tier::ALL.map(tier_summary);
        let groups: [&[&str]; 6] = [&regions, &qualities, &answers, &changes, &tiers, &summaries];
        for group in groups {
            let mut seen = std::collections::BTreeSet::new();
            for text in group {
                assert!(seen.insert(text.to_lowercase()), "said twice: {text:?}");
            }
        }
        for text in regions.iter().chain(&qualities).chain(&answers).chain(&changes) {
            check(label(text));
        }
        assert!(problems.is_empty(), "{}", Vec::from_iter(problems).join("\n"));
    }

    #[test]
    fn a_strain_removes_stretch_advice() {
        let steps = next_steps_for(Tier::HamstringTightnessLikely, true, None);
        for stretch in [Advice::HamstringStretch, Advice::HamstringStretchDose] {
            assert!(!steps.contains(&advice(stretch)));
        }
        assert!(steps.contains(&advice(Advice::NoStretchAfterStrain)));
    }

    #[test]
    fn the_universal_lines_are_the_shared_ones() {
        for tier in Tier::ALL {
            for strain in [false, true] {
                assert!(!next_steps_for(tier, strain, None).contains(&NOT_A_DIAGNOSIS));
            }
        }
        assert_eq!(advice(Advice::NotADiagnosis), NOT_A_DIAGNOSIS);
    }

    #[test]
    fn stop_reasons_name_the_step_and_leg() {
        let card = Card { leg: Leg::Left, step: StepId::A4 };
        let text = reason(&Reason::StoppedAt(card));
        assert!(text.contains("when you pulled your toes back, on your left leg"), "{text}");
        assert!(!text.contains("stretch"), "{text}");
        assert!(!text.contains("A4"), "{text}");
    }

    #[test]
    fn qualities_join_in_plain_english() {
        let text = reason(&Reason::NerveWords(
            Leg::Left,
            vec![Quality::Burning, Quality::Tingling, Quality::Numbness],
        ));
        assert!(text.contains("burning, tingling and numbness"), "{text}");
    }
}
