//! The guidance of a result (clinical brief, section 6), as data.
//!
//! Each piece of advice has an identity, so the cases that change the advice (a
//! suspected strain, a stop) add or remove pieces by what they are, never by
//! matching their words. The words are in [`super::wording::advice`].

use serde::{Deserialize, Serialize};

use super::grading::Tier;

/// One piece of advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Advice {
    /// Emergency: go to an emergency department or call the emergency number now.
    EmergencyNow,
    /// Emergency: tell them which signs and when they started.
    TellEmergencyTheSigns,
    /// Emergency: don't wait, and do no stretching or tests.
    DontWait,
    /// Urgent: contact a doctor today.
    DoctorToday,
    /// Urgent: tell the doctor which signs.
    TellDoctorTheSigns,
    /// Urgent: hold off the self-tests and stretches until checked.
    HoldOffTests,
    /// Stop: don't repeat the movement that hurt.
    DontRepeatMovement,
    /// Stop: see a physical therapist or doctor before stretching again.
    SeeSomeoneBeforeStretching,
    /// Stop: get care sooner if the pain spreads, or weakness or numbness appears.
    CareIfWorse,
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
    /// Normal response or no notable tension: a gentle stretch is safe to try.
    GentleStretchIfTight,
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
}

impl Advice {
    /// Whether this advice asks the person to stretch.
    pub fn is_stretching(self) -> bool {
        matches!(
            self,
            Advice::HamstringStretch
                | Advice::HamstringStretchDose
                | Advice::HamstringStretchOnceSettled
                | Advice::GentleStretchIfTight
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
        matches!(self, Advice::NotADiagnosis | Advice::StopRule)
    }
}

/// The advice of a tier on its own, in the order it is shown.
fn for_tier(tier: Tier) -> &'static [Advice] {
    use Advice::*;
    match tier {
        Tier::Emergency => &[EmergencyNow, TellEmergencyTheSigns, DontWait],
        Tier::Urgent => &[DoctorToday, TellDoctorTheSigns, HoldOffTests],
        Tier::StopAndConsult => &[DontRepeatMovement, SeeSomeoneBeforeStretching, CareIfWorse],
        Tier::NerveTensionLikely => &[NoHardStretchIntoNerve, NerveSliders, KeepMoving],
        Tier::Both => {
            &[NoHardStretchIntoNerve, NerveSliders, KeepMoving, HamstringStretchOnceSettled]
        }
        Tier::HamstringTightnessLikely => &[HamstringStretch, HamstringStretchDose],
        Tier::NormalResponse | Tier::NoNotableTension => &[NothingSpecial, GentleStretchIfTight],
        Tier::Unclear => &[RepeatCalmly, AskPhysicalTherapist],
    }
}

/// The whole guidance of a result: the tier's advice, changed for a suspected
/// strain, then the advice that goes with every result.
///
/// After a suspected strain no exercise remains (no stretching at all), and the
/// advice to have the strain seen first is added, except where red flags already
/// rule out every test.
pub fn guidance(tier: Tier, suspected_strain: bool) -> Vec<Advice> {
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
    advice.extend([Advice::NotADiagnosis, Advice::StopRule]);
    advice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strain_leaves_no_exercise_in_any_result() {
        for tier in Tier::ALL {
            let advice = guidance(tier, true);
            assert!(advice.iter().all(|a| !a.is_exercise()), "{tier:?}: {advice:?}");
        }
        assert!(
            guidance(Tier::HamstringTightnessLikely, true).contains(&Advice::NoStretchAfterStrain)
        );
        assert!(
            guidance(Tier::HamstringTightnessLikely, false).contains(&Advice::HamstringStretch)
        );
    }

    #[test]
    fn every_result_says_it_is_not_a_diagnosis() {
        for tier in Tier::ALL {
            for strain in [false, true] {
                assert!(guidance(tier, strain).contains(&Advice::NotADiagnosis));
            }
        }
    }

    #[test]
    fn red_flags_and_stops_have_no_exercises() {
        for tier in [Tier::Emergency, Tier::Urgent, Tier::StopAndConsult] {
            assert!(guidance(tier, false).iter().all(|a| !a.is_exercise()));
        }
    }
}
