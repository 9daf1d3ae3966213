//! Every sentence the person reads, in one place so the wording can be reviewed
//! as a whole. Facts come from the clinical brief; the words are our own.

pub mod screens;

use super::advice::{Advice, guidance};
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

/// What the app does, for the home screen.
pub const HOME_INTRO: &str = "Tightness at the back of your leg can come from the hamstring muscle or from the sciatic nerve. Two short self-tests, about five minutes, help you tell which one is more likely.";

/// The disclaimer, worded kindly.
pub const NOT_A_DIAGNOSIS: &str = "This is a self-check, not a diagnosis. It can point you in a direction; a physical therapist or doctor can examine you properly.";

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
        RedFlag::Fever => "Do you have a fever, or feel hot and shivery, along with back pain?",
        RedFlag::WeightLoss => "Have you lost weight without trying?",
        RedFlag::CancerHistory => "Have you had cancer, and is this back pain new?",
        RedFlag::NightPain => "Is the pain constant, not eased by rest, and much worse at night?",
        RedFlag::WeakImmunity => {
            "Is your immune system weakened, or do you take steroid medicine long term?"
        }
    }
}

/// A short name of a red flag, for summaries and exports.
pub fn red_flag_short(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::SaddleNumbness => "new numbness in the saddle area",
        RedFlag::BladderOrBowel => "new bladder or bowel problems",
        RedFlag::SexualDysfunction => "new sexual dysfunction",
        RedFlag::BothLegs => "nerve symptoms down both legs",
        RedFlag::SevereWeakness => "severe or worsening leg weakness",
        RedFlag::AfterAccident => "pain after a serious fall or accident",
        RedFlag::Fever => "fever with back pain",
        RedFlag::WeightLoss => "unexplained weight loss",
        RedFlag::CancerHistory => "history of cancer with new back pain",
        RedFlag::NightPain => "constant pain, worse at night",
        RedFlag::WeakImmunity => "weakened immune system or long-term steroids",
    }
}

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
pub const ASK_SHARP: &str = "Did sharp or shooting pain increase?";
/// The spread question (B3).
pub const ASK_SPREAD: &str = "Did the feeling spread below your knee?";
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

/// A tier's label.
pub fn tier_label(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "Emergency",
        Tier::Urgent => "Urgent",
        Tier::StopAndConsult => "Stop and consult",
        Tier::NerveTensionLikely => "Nerve tension likely",
        Tier::HamstringTightnessLikely => "Hamstring tightness likely",
        Tier::Both => "Nerve and hamstring both likely",
        Tier::NormalResponse => "Normal response",
        Tier::NoNotableTension => "No notable tension",
        Tier::Unclear => "Unclear",
    }
}

/// A one-paragraph summary of a tier.
pub fn tier_summary(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => {
            "Get emergency care now: go to an emergency department or call your emergency number. Do not do the tests."
        }
        Tier::Urgent => {
            "Contact a doctor today, before doing any tests. Tell them what you answered here."
        }
        Tier::StopAndConsult => {
            "Stop the test now. Sharp, shooting or spreading pain during a test is a reason to talk to a physical therapist or doctor before going on."
        }
        Tier::NerveTensionLikely => {
            "Your answers point to the sciatic nerve: the feeling changed when you moved a part far from the sore spot, which changes the nerve's tension but not the hamstring's length."
        }
        Tier::HamstringTightnessLikely => {
            "Your answers point to the hamstring muscle: you felt it in the back of the thigh, and moving your foot or head made no difference."
        }
        Tier::Both => {
            "Your answers point to the sciatic nerve, and the stretch also pulled on the hamstring muscle. Both are likely playing a part."
        }
        Tier::NormalResponse => {
            "The feeling changed with your foot or head, but the same on both legs and without your usual symptom. That is common in healthy people and is not a sign of a problem."
        }
        Tier::NoNotableTension => {
            "You felt little or nothing in any step. These tests did not bring on notable tension today."
        }
        Tier::Unclear => {
            "Your answers don't form a clear pattern. That happens: try again another day, calmly and slowly, or ask a physical therapist to go through it with you."
        }
    }
}

/// The words of one piece of advice.
pub fn advice(advice: Advice) -> &'static str {
    match advice {
        Advice::EmergencyNow => {
            "Go to an emergency department now, or call your local emergency number."
        }
        Advice::TellEmergencyTheSigns => {
            "Tell them which of these signs you have and when they started."
        }
        Advice::DontWait => "Don't wait to see if it passes, and don't do any stretching or tests.",
        Advice::DoctorToday => {
            "Contact a doctor today (your GP, an urgent care service or a nurse line)."
        }
        Advice::TellDoctorTheSigns => "Tell them which of these signs you have.",
        Advice::HoldOffTests => {
            "Hold off on the self-tests and stretches until you've been checked."
        }
        Advice::DontRepeatMovement => "Don't repeat the movement that hurt.",
        Advice::SeeSomeoneBeforeStretching => {
            "Talk to a physical therapist or doctor before you stretch this leg again."
        }
        Advice::CareIfWorse => {
            "If the pain keeps spreading, or weakness or numbness appears, get care sooner."
        }
        Advice::NoHardStretchIntoNerve => {
            "Don't stretch hard into nerve symptoms: it tends to irritate the nerve more."
        }
        Advice::NerveSliders => {
            "Try gentle nerve sliders instead. Sitting, slowly straighten the knee while looking up, then bend it while looking down. About ten times, always short of symptoms."
        }
        Advice::KeepMoving => "Keep moving normally through the day; gentle walking helps.",
        Advice::HamstringStretch => {
            "Use the standing stretch from test B: knee unlocked, toes relaxed, chest up."
        }
        Advice::HamstringStretchDose => {
            "Lean gently, no bouncing, and hold about 30 seconds. Repeat a few times a day."
        }
        Advice::HamstringStretchOnceSettled => {
            "Once the nerve settles, the gentle hamstring stretch from test B can help the muscle too."
        }
        Advice::NothingSpecial => "Nothing here calls for special action.",
        Advice::GentleStretchIfTight => {
            "If you still feel tight, a gentle hamstring stretch (knee unlocked, chest up, no bouncing) is safe to try."
        }
        Advice::RepeatCalmly => {
            "Repeat the check another day, moving slowly and stopping at the first tightness."
        }
        Advice::AskPhysicalTherapist => {
            "Or ask a physical therapist to examine you: they can tell the two apart properly."
        }
        Advice::NoStretchAfterStrain => {
            "A recent strain should be seen by a physical therapist before any stretching or exercise of this leg."
        }
        Advice::NotADiagnosis => NOT_A_DIAGNOSIS,
        Advice::StopRule => STOP_RULE,
    }
}

/// What to do next, as short points: the result's own advice, without the lines
/// every result shows ([`NOT_A_DIAGNOSIS`] and [`STOP_RULE`], shown on their own).
pub fn next_steps(tier: Tier, suspected_strain: bool) -> Vec<&'static str> {
    guidance(tier, suspected_strain)
        .into_iter()
        .filter(|a| !a.is_for_every_result())
        .map(advice)
        .collect()
}

/// When to see a physical therapist.
pub fn when_to_see_pt(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency | Tier::Urgent => {
            "After you've had urgent care, a physical therapist can help with recovery."
        }
        Tier::StopAndConsult => {
            "Book a physical therapist or doctor before stretching this leg again."
        }
        Tier::NerveTensionLikely | Tier::Both => {
            "See a physical therapist if it isn't better in a few weeks, and sooner if it gets worse or spreads down your leg."
        }
        Tier::HamstringTightnessLikely => {
            "See a physical therapist if it isn't easing after a few weeks, or if it started with an injury."
        }
        Tier::NormalResponse | Tier::NoNotableTension => {
            "See a physical therapist if the tightness keeps bothering you or gets worse."
        }
        Tier::Unclear => {
            "A physical therapist can examine you properly; consider booking if it keeps bothering you."
        }
    }
}

/// How strong the evidence is, in words.
pub fn strength(strength: Strength) -> &'static str {
    match strength {
        Strength::Strong => {
            "Strong evidence: moving your head changed the feeling. The head moves the nerve, not the hamstring."
        }
        Strength::Moderate => "Moderate evidence: moving your foot changed the feeling.",
        Strength::Limited => {
            "Limited evidence: only the foot changed it, and only behind the knee or in the upper calf, where the calf muscle may explain it."
        }
    }
}

/// A short strength label.
pub fn strength_short(strength: Strength) -> &'static str {
    match strength {
        Strength::Strong => "Strong evidence",
        Strength::Moderate => "Moderate evidence",
        Strength::Limited => "Limited evidence",
    }
}

/// What one leg shows, in a few words.
pub fn leg_verdict(verdict: LegVerdict) -> &'static str {
    match verdict {
        LegVerdict::NerveLikely(_) => "Nerve signs",
        LegVerdict::Both(_) => "Nerve signs and a hamstring stretch",
        LegVerdict::Muscle => "Hamstring-type tightness",
        LegVerdict::ChangesWithoutFamiliar => "Changes with foot or head, not your usual feeling",
        LegVerdict::NoTension => "Little or no tension",
        LegVerdict::Unclear => "No clear pattern",
        LegVerdict::Incomplete => "Not tested (the check stopped earlier)",
        LegVerdict::Stopped(_) => "Stopped: sharp pain or spreading",
    }
}

/// What a step does, inside a sentence: "toes pulled back".
pub fn step_phrase(step: StepId) -> &'static str {
    match step {
        StepId::A1 => "sitting ready",
        StepId::A2 => "knee straightened",
        StepId::A3 => "toes pointed down",
        StepId::A4 => "toes pulled back",
        StepId::A5 => "chin dropped",
        StepId::A6 => "head lifted",
        StepId::B1 => "heel on a step",
        StepId::B2 => "leaning into the stretch",
        StepId::B3 => "toes pulled up in the stretch",
    }
}

/// A card inside a sentence: "step A4, toes pulled back, on the left leg".
pub fn card_phrase(card: Card) -> String {
    format!("step {}, {}, on the {}", card.step.code(), step_phrase(card.step), leg_lower(card.leg))
}

fn join_qualities(qualities: &[Quality]) -> String {
    let words: Vec<String> = qualities.iter().map(|q| quality(*q).to_lowercase()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

/// A reason, in plain words.
pub fn reason(reason: &Reason) -> String {
    match reason {
        Reason::RedFlag(flag) => format!("You answered yes: {}.", red_flag_short(*flag)),
        Reason::SharpPainIncreased(l) => format!("Sharp or shooting pain increased during the stretch ({}).", leg_lower(*l)),
        Reason::SpreadBelowKnee(l) => format!("The feeling spread below the knee when you pulled your toes up ({}).", leg_lower(*l)),
        Reason::EasedToesDown(l) => format!("Pointing your toes down eased it ({}).", leg_lower(*l)),
        Reason::StrongerToesBack(l) => format!("Pulling your toes back made it stronger ({}).", leg_lower(*l)),
        Reason::StrongerChinDown(l) => format!("Dropping your chin made it stronger ({}): the head moves the nerve, not the hamstring.", leg_lower(*l)),
        Reason::EasedHeadUp(l) => format!("Lifting your head eased it ({}): the head moves the nerve, not the hamstring.", leg_lower(*l)),
        Reason::StrongerToesUpStanding(l) => format!("In the standing stretch, pulling your toes up made it stronger ({}).", leg_lower(*l)),
        Reason::FamiliarReproduced(l) => format!("The test brought on your usual feeling ({}).", leg_lower(*l)),
        Reason::NotFamiliar(l) => format!("It was not clearly your usual feeling ({}).", leg_lower(*l)),
        Reason::FeltBelowKnee(l) => format!("You felt it below the knee ({}).", leg_lower(*l)),
        Reason::NerveWords(l, q) => format!("You described it as {} ({}).", join_qualities(q), leg_lower(*l)),
        Reason::StrongerThanOtherLeg { leg, this, other } => {
            format!("Your {} rated {} against {} on the other side.", leg_lower(*leg), this, other)
        }
        Reason::OnlyThisLeg(l) => format!("You felt it only on your {}.", leg_lower(*l)),
        Reason::FootSignNearCalfOnly(_) => "Only the foot changed it, and you felt it only behind the knee or in the upper calf; the calf muscle can do that too.".to_string(),
        Reason::ThighStretch(l) => format!("The standing stretch pulled in the back of your thigh ({}).", leg_lower(*l)),
        Reason::NoChangeInSlump(l) => format!("In the seated test, moving your foot or head didn't change the tightness ({}).", leg_lower(*l)),
        Reason::NoChangeToesUpStanding(l) => format!("In the standing stretch, pulling your toes up changed nothing ({}).", leg_lower(*l)),
        Reason::SameOnBothLegs => "Both legs responded alike.".to_string(),
        Reason::NoReferenceLeg => "You didn't test the other leg, so the two sides could not be compared.".to_string(),
        Reason::AllLow => "You rated every step 1 or lower.".to_string(),
        Reason::SuspectedStrain => "You described a possible hamstring strain, so the standing stretch was skipped.".to_string(),
        Reason::NoDifferentiation(l) => format!("Moving your foot or head didn't change the feeling ({}).", leg_lower(*l)),
        Reason::MixedSigns(_) => "These signs point in different directions, or are too few to weigh.".to_string(),
        Reason::SharpPainAt(card) => format!("Sharp or shooting pain increased at {}.", card_phrase(*card)),
        Reason::SpreadAt(card) => format!("The feeling spread below the knee at {}.", card_phrase(*card)),
        Reason::StoppedAt(card) => format!("You stopped at {}, for sharp pain or spreading.", card_phrase(*card)),
        Reason::FeltInThigh(l) => format!("In the seated test you felt it in the back of your thigh ({}).", leg_lower(*l)),
        Reason::NotInThigh(l) => format!("In the seated test you didn't feel it in the back of your thigh, where the hamstring is ({}). The hamstring can't explain a feeling where it doesn't reach.", leg_lower(*l)),
        Reason::ChangedOtherWay(l) => format!("Moving your foot or head changed the feeling, but not in the way that points to the nerve ({}).", leg_lower(*l)),
        Reason::NoSupportingSign(l) => format!("Nothing else set this leg apart: no difference from the other side, nothing below the knee, no burning, tingling, numbness or shooting ({}).", leg_lower(*l)),
        Reason::LegsRespondedDifferently => "Moving your foot or head changed the feeling on both legs, but not in the same way.".to_string(),
        Reason::LowOnThisLeg(l) => format!("You rated every step 1 or lower on your {}, the leg that bothers you. That leg decides the result.", leg_lower(*l)),
        Reason::OtherLegShowed { leg: l, peak, verdict } => format!("Your {} rated up to {}: {}.", leg_lower(*l), peak, leg_verdict(*verdict).to_lowercase()),
        Reason::OnlyReferenceTested(l) => format!("Only your {} was tested, the reference leg; the leg that bothers you was not.", leg_lower(*l)),
        Reason::NotRated(l) => format!("You didn't rate how strong the feeling was on your {}, so there is nothing to weigh.", leg_lower(*l)),
        Reason::NoTestsDone => "No test was done, so there is nothing to weigh.".to_string(),
        Reason::BotheredLegUnknown => "It wasn't recorded which leg bothers you, so the two legs could not be weighed.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tier_has_label_summary_and_next_steps() {
        for tier in Tier::ALL {
            assert!(!tier_label(tier).is_empty());
            assert!(tier_summary(tier).len() > 40);
            assert!(!next_steps(tier, false).is_empty());
            assert!(!when_to_see_pt(tier).is_empty());
        }
    }

    #[test]
    fn a_strain_removes_stretch_advice() {
        let steps = next_steps(Tier::HamstringTightnessLikely, true);
        for stretch in [Advice::HamstringStretch, Advice::HamstringStretchDose] {
            assert!(!steps.contains(&advice(stretch)));
        }
        assert!(steps.contains(&advice(Advice::NoStretchAfterStrain)));
    }

    #[test]
    fn every_advice_has_words_and_the_universal_lines_are_the_shared_ones() {
        for tier in Tier::ALL {
            for strain in [false, true] {
                assert!(guidance(tier, strain).iter().all(|a| !advice(*a).is_empty()));
                assert!(!next_steps(tier, strain).contains(&NOT_A_DIAGNOSIS));
            }
        }
        assert_eq!(advice(Advice::NotADiagnosis), NOT_A_DIAGNOSIS);
    }

    #[test]
    fn stop_reasons_name_the_step_and_leg() {
        let card = Card { leg: Leg::Left, step: StepId::A4 };
        let text = reason(&Reason::StoppedAt(card));
        assert!(text.contains("at step A4, toes pulled back, on the left leg"), "{text}");
        assert!(!text.contains("stretch"), "{text}");
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
