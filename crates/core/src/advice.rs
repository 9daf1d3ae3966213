//! The guidance of a result (clinical brief, section 6), as data.
//!
//! Each piece of advice has an identity, so the cases that change the advice (a
//! suspected strain, a stop) add or remove pieces by what they are, never by
//! matching their words. The words are in [`super::wording::advice`].

use serde::{Deserialize, Serialize};

use super::grading::{Outcome, STRONG_FEELING, Tier};

/// One piece of advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Advice {
    /// Emergency: go to an emergency department or call the emergency number now.
    EmergencyNow,
    /// Emergency: tell them which signs and when they started.
    TellEmergencyTheSigns,
    /// Emergency: don't wait, and do no stretching or tests.
    DontWait,
    /// Urgent: contact a doctor or urgent care today (in the UK, NHS 111).
    DoctorToday,
    /// Urgent: if it gets worse, emergency care.
    EmergencyIfWorse,
    /// Urgent: tell the doctor which signs.
    TellDoctorTheSigns,
    /// Urgent: hold off the self-tests and stretches until checked.
    HoldOffTests,
    /// Stop: don't repeat the movement that hurt.
    DontRepeatMovement,
    /// Stop: see a physical therapist or doctor before stretching again.
    SeeSomeoneBeforeStretching,
    /// Stop: get emergency care if weakness or numbness appears.
    EmergencyIfWeakness,
    /// Nerve: don't stretch hard into nerve symptoms.
    NoHardStretchIntoNerve,
    /// Nerve: the nerve slider exercise, with its dose.
    NerveSliders,
    /// Nerve: keep moving normally.
    KeepMoving,
    /// Hamstring: the standing stretch of test B.
    HamstringStretch,
    /// Hamstring: the stretch's dose: gentle, no bouncing, about 30 seconds.
    HamstringStretchDose,
    /// Both: the hamstring stretch, once the nerve settles.
    HamstringStretchOnceSettled,
    /// Normal response or no notable tension: nothing calls for special action.
    NothingSpecial,
    /// Unclear: repeat the check another day, calmly.
    RepeatCalmly,
    /// Unclear: ask a physical therapist to examine.
    AskPhysicalTherapist,
    /// Suspected strain: no stretching before a physical therapist has seen it.
    NoStretchAfterStrain,
    /// Every result: this is not a diagnosis.
    NotADiagnosis,
    /// Every result: stop anything that brings sharp or shooting pain.
    StopRule,
    /// Every result: a physical therapist can examine properly.
    TherapistCanExamine,
    /// A feeling of [`STRONG_FEELING`] or more: no exercise yet; see a physical
    /// therapist before exercising.
    SeeTherapistBeforeExercise,
}

impl Advice {
    /// Whether this advice asks the person to stretch.
    pub fn is_stretching(self) -> bool {
        matches!(
            self,
            Advice::HamstringStretch
                | Advice::HamstringStretchDose
                | Advice::HamstringStretchOnceSettled
        )
    }

    /// Whether this advice is one of the brief's exercises (the nerve slider or the
    /// hamstring stretch), which are "never for red flags, stops or a suspected
    /// strain".
    pub fn is_exercise(self) -> bool {
        self.is_stretching() || self == Advice::NerveSliders
    }

    /// Whether this advice goes with every result.
    pub fn is_for_every_result(self) -> bool {
        matches!(self, Advice::NotADiagnosis | Advice::StopRule | Advice::TherapistCanExamine)
    }

    /// The three lines every result shows, in order (clinical brief, section 6).
    pub const EVERY_RESULT: [Advice; 3] =
        [Advice::NotADiagnosis, Advice::StopRule, Advice::TherapistCanExamine];
}

/// The advice of a tier on its own, in the order it is shown.
fn for_tier(tier: Tier) -> &'static [Advice] {
    use Advice::*;
    match tier {
        Tier::Emergency => &[EmergencyNow, TellEmergencyTheSigns, DontWait],
        Tier::Urgent => &[DoctorToday, EmergencyIfWorse, TellDoctorTheSigns, HoldOffTests],
        Tier::StopAndConsult => {
            &[DontRepeatMovement, SeeSomeoneBeforeStretching, EmergencyIfWeakness]
        }
        Tier::NerveTensionLikely => &[NoHardStretchIntoNerve, NerveSliders, KeepMoving],
        Tier::Both => {
            &[NoHardStretchIntoNerve, NerveSliders, KeepMoving, HamstringStretchOnceSettled]
        }
        Tier::HamstringTightnessLikely => &[HamstringStretch, HamstringStretchDose],
        // Reassurance and "keep moving normally"; no exercise, since nothing calls
        // for one (section 6).
        Tier::NormalResponse | Tier::NoNotableTension => &[NothingSpecial, KeepMoving],
        Tier::Unclear => &[RepeatCalmly, AskPhysicalTherapist],
    }
}

/// The whole guidance of a result: the tier's advice, changed for a suspected
/// strain and for a strong feeling, then the three lines every result shows.
///
/// After a suspected strain no exercise remains (no stretching at all), and the
/// advice to have the strain seen first is added, except where red flags already
/// rule out every test. When the strongest feeling on the leg that bothers was
/// [`STRONG_FEELING`] or more, no exercise is offered either, and the advice is to
/// see a physical therapist before exercising.
pub fn guidance(outcome: &Outcome) -> Vec<Advice> {
    guidance_for(outcome.tier, outcome.suspected_strain, outcome.strongest_bothered())
}

/// [`guidance`] from its three inputs: the tier, a suspected strain, and the
/// strongest intensity recorded on the leg that bothers.
pub fn guidance_for(tier: Tier, suspected_strain: bool, strongest: Option<u8>) -> Vec<Advice> {
    let mut advice = for_tier(tier).to_vec();
    if tier.safety_rank() > 0 {
        advice.retain(|a| !a.is_exercise());
    }
    if suspected_strain {
        advice.retain(|a| !a.is_exercise());
        if tier.safety_rank() < Tier::Urgent.safety_rank() {
            advice.push(Advice::NoStretchAfterStrain);
        }
    }
    if strongest.is_some_and(|peak| peak >= STRONG_FEELING)
        && advice.iter().any(|a| a.is_exercise())
    {
        advice.retain(|a| !a.is_exercise());
        advice.push(Advice::SeeTherapistBeforeExercise);
    }
    advice.extend(Advice::EVERY_RESULT);
    advice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strain_leaves_no_exercise_in_any_result() {
        for tier in Tier::ALL {
            let advice = guidance_for(tier, true, None);
            assert!(advice.iter().all(|a| !a.is_exercise()), "{tier:?}: {advice:?}");
        }
        assert!(
            guidance_for(Tier::HamstringTightnessLikely, true, None)
                .contains(&Advice::NoStretchAfterStrain)
        );
        assert!(
            guidance_for(Tier::HamstringTightnessLikely, false, None)
                .contains(&Advice::HamstringStretch)
        );
    }

    #[test]
    fn every_result_says_it_is_not_a_diagnosis() {
        for tier in Tier::ALL {
            for strain in [false, true] {
                assert!(guidance_for(tier, strain, None).contains(&Advice::NotADiagnosis));
            }
        }
    }

    #[test]
    fn a_strong_feeling_leaves_no_exercise_and_sends_to_a_therapist() {
        for tier in Tier::ALL {
            let advice = guidance_for(tier, false, Some(STRONG_FEELING));
            assert!(advice.iter().all(|a| !a.is_exercise()), "{tier:?}: {advice:?}");
        }
        let below = guidance_for(Tier::NerveTensionLikely, false, Some(STRONG_FEELING - 1));
        assert!(below.contains(&Advice::NerveSliders));
        let at = guidance_for(Tier::NerveTensionLikely, false, Some(STRONG_FEELING));
        assert!(at.contains(&Advice::SeeTherapistBeforeExercise));
    }

    #[test]
    fn normal_and_no_tension_have_no_exercise() {
        for tier in [Tier::NormalResponse, Tier::NoNotableTension] {
            let advice = guidance_for(tier, false, None);
            assert!(advice.iter().all(|a| !a.is_exercise()), "{advice:?}");
            assert!(advice.contains(&Advice::KeepMoving));
        }
    }

    #[test]
    fn red_flags_and_stops_have_no_exercises() {
        for tier in [Tier::Emergency, Tier::Urgent, Tier::StopAndConsult] {
            assert!(guidance_for(tier, false, None).iter().all(|a| !a.is_exercise()));
        }
    }
}
