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
        Reason::StoppedAt(card) => format!("You stopped the test at {}.", card_phrase(*card)),
        Reason::CarriedOnAfterSharp(card) => format!("At {}, you felt something sharp or shooting and said it did not come on with the movement, so the test went on.", card_phrase(*card)),
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
