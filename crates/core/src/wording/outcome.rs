//! The words of a result: the tier, what to do next, the strength of the evidence,
//! each leg's verdict and every reason, as the result screen, the history and the
//! reports show them.

use super::*;

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
            "One or more of your answers is a sign that needs a doctor's examination straight away, before any self-test or stretch."
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
        Advice::EmergencyNow => screens::result::EMERGENCY_CALL,
        Advice::TellEmergencyTheSigns => {
            "Tell them which of these signs you have and when they started."
        }
        Advice::DontWait => "Don't wait to see if it passes, and don't do any stretching or tests.",
        Advice::DoctorToday => {
            "Contact a doctor or urgent care today. In the UK you can call NHS 111."
        }
        Advice::EmergencyIfWorse => {
            "If it gets worse (new weakness, numbness between the legs, or trouble passing urine or controlling your bowels), call your emergency number at once."
        }
        Advice::TellDoctorTheSigns => "Tell them which of these signs you have.",
        Advice::HoldOffTests => {
            "Hold off on the self-tests and stretches until you've been checked."
        }
        Advice::DontRepeatMovement => "Don't repeat the movement that hurt.",
        Advice::SeeSomeoneBeforeStretching => {
            "Talk to a physical therapist or doctor before you stretch this leg again."
        }
        Advice::EmergencyIfWeakness => {
            "If weakness or numbness appears, get emergency care: call your emergency number or go to an emergency department."
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
        Advice::NothingSpecial => "Nothing here calls for special action or exercise.",
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
        Advice::TherapistCanExamine => THERAPIST_CAN_EXAMINE,
        Advice::SeeTherapistBeforeExercise => {
            "You rated the feeling 8 or more out of 10, so no exercise is suggested for now: see a physical therapist before you start exercising."
        }
    }
}

/// The three lines every result shows, in order: not a diagnosis, the stop rule,
/// and that a physical therapist can examine properly.
pub fn every_result() -> [&'static str; 3] {
    Advice::EVERY_RESULT.map(advice)
}

/// What to do next, as short points: the result's own advice, without the lines
/// every result shows ([`every_result`], shown on their own).
pub fn next_steps(outcome: &crate::Outcome) -> Vec<&'static str> {
    own_advice(guidance(outcome))
}

/// [`next_steps`] from the tier, a suspected strain and the strongest intensity on
/// the leg that bothers.
pub fn next_steps_for(
    tier: Tier,
    suspected_strain: bool,
    strongest: Option<u8>,
) -> Vec<&'static str> {
    own_advice(guidance_for(tier, suspected_strain, strongest))
}

fn own_advice(advice_list: Vec<Advice>) -> Vec<&'static str> {
    advice_list.into_iter().filter(|a| !a.is_for_every_result()).map(advice).collect()
}

/// When to see a physical therapist.
pub fn when_to_see_pt(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency | Tier::Urgent => {
            "Once a doctor has seen you, a physical therapist can help with your recovery."
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
        LegVerdict::Stopped(_) => "Test stopped",
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

/// What the person did at a step, inside a sentence after "when":
/// "you pulled your toes back".
pub fn step_did(step: StepId) -> &'static str {
    match step {
        StepId::A1 => "you sat ready for the seated test",
        StepId::A2 => "you straightened your knee in the seated test",
        StepId::A3 => "you pointed your toes down",
        StepId::A4 => "you pulled your toes back",
        StepId::A5 => "you dropped your chin",
        StepId::A6 => "you lifted your head",
        StepId::B1 => "you put your heel up for the standing stretch",
        StepId::B2 => "you leaned into the standing stretch",
        StepId::B3 => "you pulled your toes up in the standing stretch",
    }
}

/// A card inside a sentence, by what the person did: "when you pulled your toes
/// back, on your left leg".
pub fn card_phrase(card: Card) -> String {
    format!("when {}, on your {}", step_did(card.step), leg_lower(card.leg))
}

/// What one leg showed, for the leg that bothers: "Nerve signs, strongest 6/10".
pub fn leg_reading(verdict: LegVerdict, peak: Option<u8>) -> String {
    match (verdict, peak) {
        (LegVerdict::Incomplete | LegVerdict::Stopped(_), _) | (_, None) => {
            leg_verdict(verdict).to_string()
        }
        (_, Some(peak)) => {
            format!("{}, strongest {}", leg_verdict(verdict), screens::out_of_ten(peak))
        }
    }
}

/// What the reference leg showed, described as the comparison it is: "Your other
/// leg, for comparison: a stretch feeling, 3/10".
pub fn comparison_reading(verdict: LegVerdict, peak: Option<u8>) -> String {
    let what = match verdict {
        LegVerdict::NerveLikely(_) | LegVerdict::Both(_) => "nerve-type signs too",
        LegVerdict::Muscle => "a stretch feeling",
        LegVerdict::ChangesWithoutFamiliar => "a feeling that changed with your foot or head",
        LegVerdict::NoTension => "little or nothing",
        LegVerdict::Unclear => "a feeling with no clear pattern",
        LegVerdict::Incomplete => "not tested (the check stopped earlier)",
        LegVerdict::Stopped(_) => "stopped for sharp pain or spreading",
    };
    match (verdict, peak) {
        (LegVerdict::Incomplete | LegVerdict::Stopped(_), _) | (_, None) => {
            format!("Your other leg, for comparison: {what}")
        }
        (_, Some(peak)) => {
            format!("Your other leg, for comparison: {what}, {}", screens::out_of_ten(peak))
        }
    }
}

/// How a feeling changed, inside a sentence: "got stronger".
fn changed(change: Change) -> &'static str {
    match change {
        Change::Eased => "eased",
        Change::NoChange => "stayed the same",
        Change::Stronger => "got stronger",
    }
}

/// A step that was rated, inside a sentence: "in the seated test".
fn rated_at(step: StepId) -> &'static str {
    match step.test() {
        TestKind::Slump => "in the seated test",
        TestKind::HamstringStretch => "in the standing stretch",
    }
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
        Reason::ChangedAgainstNerve { leg, step, change } => format!(
            "When {}, the feeling {} ({}). That is the other way round from nerve tension, and the hamstring can't explain it either, because it doesn't cross the ankle or the neck.",
            step_did(*step),
            changed(*change),
            leg_lower(*leg)
        ),
        Reason::FamiliarNotSure(l) => format!(
            "You weren't sure it was your usual feeling ({}), so it counts as not your usual feeling.",
            leg_lower(*l)
        ),
        Reason::FeltBehindKnee(l) => format!(
            "You felt it behind the knee ({}), where the nerve runs; but hamstring tendons and the calf muscle attach there too, so on its own it doesn't count as below the knee.",
            leg_lower(*l)
        ),
        Reason::StandingSignOnly(l) => format!(
            "Only pulling your toes up in the standing stretch changed it, nothing in the seated test ({}): that is weaker evidence.",
            leg_lower(*l)
        ),
        Reason::LowOnLeg(l) => format!("You rated every step 1 or lower on your {}.", leg_lower(*l)),
        Reason::BothLegsInDailyLife => "You answered yes: nerve symptoms down both legs in daily life, not only during the test.".to_string(),
        Reason::FootSignNearCalfOnly(_) => "Only the foot changed it, and you felt it only behind the knee or in the upper calf; the calf muscle can do that too.".to_string(),
        Reason::ThighStretch(l) => format!("The standing stretch pulled in the back of your thigh ({}).", leg_lower(*l)),
        Reason::NoChangeInSlump(l) => format!("In the seated test, none of the foot or head movements changed the tightness ({}).", leg_lower(*l)),
        Reason::NoChangeToesUpStanding(l) => format!("In the standing stretch, pulling your toes up changed nothing ({}).", leg_lower(*l)),
        Reason::AllLow => "You rated every step 1 or lower.".to_string(),
        Reason::SuspectedStrain => "You described a possible hamstring strain, so the standing stretch was skipped.".to_string(),
        Reason::NoDifferentiation(l) => format!("No foot or head movement changed the feeling in a way that points to the nerve ({}).", leg_lower(*l)),
        Reason::MixedSigns(_) => "These signs point in different directions, or are too few to weigh.".to_string(),
        Reason::SharpPainAt(card) => format!("Sharp or shooting pain increased {}.", card_phrase(*card)),
        Reason::SpreadAt(card) => format!("The feeling spread below the knee {}.", card_phrase(*card)),
        Reason::StoppedAt(card) => format!("You stopped the test {}.", card_phrase(*card)),
        Reason::CarriedOnAfterSharp(card) => format!("You felt something sharp or shooting {} and said it did not come on with the movement, so the test went on.", card_phrase(*card)),
        Reason::FeltInThigh(l) => format!("In the seated test you felt it in the back of your thigh ({}).", leg_lower(*l)),
        Reason::NotInThigh(l) => format!("In the seated test you didn't feel it in the back of your thigh, where the hamstring is ({}). The hamstring can't explain a feeling where it doesn't reach.", leg_lower(*l)),
        Reason::ChangedOtherWay(l) => format!("Moving your foot or head changed the feeling, but not in the way that points to the nerve ({}).", leg_lower(*l)),
        Reason::NoSupportingSign(l) => format!("Nothing else set this leg apart: no difference from the other side, nothing below the knee, no burning, tingling, numbness or shooting ({}).", leg_lower(*l)),
        Reason::LowOnThisLeg(l) => format!("You rated every step 1 or lower on your {}, the leg that bothers you. That leg decides the result.", leg_lower(*l)),
        Reason::NotRated(l) => format!("You didn't rate how strong the feeling was on your {}, so there is nothing to weigh.", leg_lower(*l)),
        Reason::NoTestsDone => "No test was done, so there is nothing to weigh.".to_string(),
        Reason::BotheredLegUnknown => "It wasn't recorded which leg bothers you, so the two legs could not be weighed.".to_string(),
        // The reasons that compare the two legs.
        Reason::StrongerThanOtherLeg { .. }
        | Reason::StrongerAtStep { .. }
        | Reason::OnlyThisLegAtStep { .. }
        | Reason::NerveWordsNotOnOtherLeg(..)
        | Reason::BothLegsBothered
        | Reason::OnlyThisLeg(..)
        | Reason::SameOnBothLegs
        | Reason::NoReferenceLeg
        | Reason::LegsRespondedDifferently
        | Reason::OtherLegShowed { .. }
        | Reason::OnlyReferenceTested(..) => legs_compared(reason),
    }
}

/// A reason that compares the two legs, in plain words (see [`reason`]).
fn legs_compared(reason: &Reason) -> String {
    match reason {
        Reason::StrongerThanOtherLeg { leg, this, other } => {
            format!("Your {} rated {} against {} on the other side.", leg_lower(*leg), this, other)
        }
        Reason::StrongerAtStep { leg, step, this, other } => format!(
            "Your {} rated {} {}, against {} on the other side.",
            leg_lower(*leg),
            this,
            rated_at(*step),
            other
        ),
        Reason::OnlyThisLegAtStep { leg, step } => format!(
            "You felt it {} on your {} only; the other side felt nothing there.",
            rated_at(*step),
            leg_lower(*leg)
        ),
        Reason::NerveWordsNotOnOtherLeg(l, q) => format!(
            "You described it as {} on your {} but not on the other side, so the two legs did not respond alike.",
            join_qualities(q),
            leg_lower(*l)
        ),
        Reason::BothLegsBothered => "Both legs bother you, so each leg was weighed on its own: there was no healthy side to compare with.".to_string(),
        Reason::OnlyThisLeg(l) => format!("You felt it only on your {}.", leg_lower(*l)),
        Reason::SameOnBothLegs => "Both legs responded alike.".to_string(),
        Reason::NoReferenceLeg => "You didn't test the other leg, so the two sides could not be compared.".to_string(),
        Reason::LegsRespondedDifferently => "Moving your foot or head changed the feeling on both legs, but not in the same way.".to_string(),
        Reason::OtherLegShowed { leg: l, peak, verdict } => format!("Your {}, for comparison, rated up to {}: {}.", leg_lower(*l), peak, leg_verdict(*verdict).to_lowercase()),
        Reason::OnlyReferenceTested(l) => format!("Only your {} was tested, the reference leg; the leg that bothers you was not.", leg_lower(*l)),
        other => unreachable!("{other:?} does not compare the legs"),
    }
}
