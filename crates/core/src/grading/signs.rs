//! The signs one leg's answers show, gathered once for the rules in [`super`].

use std::collections::BTreeSet;

use super::{
    BELOW_KNEE_REGIONS, CALF_MUSCLE_REGIONS, DIFFERENTIATION_STEPS, HAMSTRING_REGION,
    KNEE_TERRITORY, RATED_STEPS, Reason, SLUMP_CHANGE_STEPS, Strength, is_low,
};
use crate::answers::{Change, Familiar, Leg, LegRecord, Quality, Region, StepAnswer};
use crate::protocol::StepId;

/// Builds the reason of a sign on a leg.
pub(super) type ReasonFor = fn(Leg) -> Reason;

/// Whether one answer places a nerve-type feeling below the knee.
fn nerve_feeling_below_knee(answer: &StepAnswer) -> bool {
    answer.qualities.iter().any(|q| q.is_nerve_type())
        && answer.regions.iter().any(|r| BELOW_KNEE_REGIONS.contains(r))
}

/// The signs found on one leg.
#[derive(Debug, Clone)]
pub(super) struct Signs {
    /// The direction of each change that is not "no change", by differentiation step.
    pub(super) changes: [Option<Change>; 5],
    /// A2 answered "Yes, it is the familiar feeling". "Not sure" is not familiar.
    pub(super) familiar: bool,
    /// A2 answered "Not sure".
    pub(super) familiar_unsure: bool,
    pub(super) familiar_asked: bool,
    /// Where the A2 feeling was (test A).
    a2_regions: BTreeSet<Region>,
    /// Felt in the upper calf, the lower leg or the foot (A2 or B2).
    pub(super) below_knee: bool,
    /// Felt behind the knee (A2 or B2), but nowhere below it.
    pub(super) behind_knee_only: bool,
    pub(super) nerve_words: Vec<Quality>,
    /// A nerve-type feeling below the knee, in one answer (A2 or B2).
    pub(super) nerve_below_knee: bool,
    pub(super) thigh_stretch: bool,
    pub(super) slump_no_change: bool,
    b3_no_change: bool,
    /// Intensities of A2 and B2.
    pub(super) rated: [Option<u8>; 2],
    pub(super) peak: Option<u8>,
}

impl Signs {
    pub(super) fn of(record: &LegRecord) -> Signs {
        let mut regions = BTreeSet::new();
        let mut words = BTreeSet::new();
        let mut nerve_below_knee = false;
        for id in RATED_STEPS {
            if let Some(step) = record.step(id) {
                regions.extend(step.regions.iter().copied());
                words.extend(step.qualities.iter().copied().filter(|q| q.is_nerve_type()));
                nerve_below_knee |= nerve_feeling_below_knee(step);
            }
        }
        let a2 = record.step(StepId::A2);
        let b2 = record.step(StepId::B2);
        let a2_intensity = a2.and_then(|s| s.intensity);
        let below_knee = regions.iter().any(|r| BELOW_KNEE_REGIONS.contains(r));
        Signs {
            changes: DIFFERENTIATION_STEPS
                .map(|(id, _)| record.change(id).filter(|c| *c != Change::NoChange)),
            familiar: a2.is_some_and(|s| s.familiar == Some(Familiar::Yes)),
            familiar_unsure: a2.is_some_and(|s| s.familiar == Some(Familiar::NotSure)),
            familiar_asked: a2.is_some_and(|s| s.familiar.is_some()),
            a2_regions: a2.map(|s| s.regions.clone()).unwrap_or_default(),
            below_knee,
            behind_knee_only: !below_knee && regions.contains(&KNEE_TERRITORY),
            nerve_words: words.into_iter().collect(),
            nerve_below_knee,
            thigh_stretch: b2.is_some_and(|s| {
                s.regions.contains(&HAMSTRING_REGION)
                    && s.qualities.contains(&Quality::StretchOrPull)
            }),
            slump_no_change: a2_intensity.is_some_and(|i| !is_low(i))
                && SLUMP_CHANGE_STEPS.iter().all(|&id| record.change(id) == Some(Change::NoChange)),
            b3_no_change: record.change(StepId::B3) == Some(Change::NoChange),
            rated: RATED_STEPS.map(|id| record.intensity(id)),
            peak: record.peak(),
        }
    }

    pub(super) fn sign(&self, step: StepId) -> bool {
        DIFFERENTIATION_STEPS
            .iter()
            .zip(self.changes)
            .any(|((id, wanted), got)| *id == step && got == Some(*wanted))
    }

    pub(super) fn head_sign(&self) -> bool {
        self.sign(StepId::A5) || self.sign(StepId::A6)
    }

    /// A foot sign in test A: toes down eased it, or toes back made it stronger.
    fn slump_foot_sign(&self) -> bool {
        self.sign(StepId::A3) || self.sign(StepId::A4)
    }

    pub(super) fn differentiation(&self) -> bool {
        DIFFERENTIATION_STEPS.iter().any(|(id, _)| self.sign(*id))
    }

    /// Every change in the direction that does not fit nerve tension (third pass,
    /// "Direction"), in protocol order.
    pub(super) fn against_nerve(&self) -> Vec<(StepId, Change)> {
        DIFFERENTIATION_STEPS
            .iter()
            .zip(self.changes)
            .filter_map(|((id, wanted), got)| got.filter(|c| c != wanted).map(|c| (*id, c)))
            .collect()
    }

    /// Some change happened, but none in the direction that points to the nerve.
    pub(super) fn changed_other_way(&self) -> bool {
        !self.differentiation() && self.changes.iter().any(Option::is_some)
    }

    pub(super) fn rated(&self) -> bool {
        self.peak.is_some()
    }

    /// Low at every rated step. A leg with no rating at all is not low: it is unrated.
    pub(super) fn low(&self) -> bool {
        self.peak.is_some_and(is_low)
    }

    pub(super) fn muscle_signs(&self) -> bool {
        self.thigh_stretch || self.slump_no_change || self.b3_no_change
    }

    pub(super) fn felt_in_thigh(&self) -> bool {
        self.a2_regions.contains(&HAMSTRING_REGION)
    }

    /// Whether a foot sign in test A was felt only where the calf muscle reaches.
    fn calf_only(&self) -> bool {
        !self.a2_regions.is_empty()
            && self.a2_regions.iter().all(|r| CALF_MUSCLE_REGIONS.contains(r))
    }

    /// Strength from test A: strong with a head sign; with a foot sign in test A,
    /// limited when felt only behind the knee or upper calf, else moderate (the
    /// back of the thigh and the buttock, where the calf muscle does not reach,
    /// included); a sign in the standing stretch alone is limited.
    pub(super) fn strength(&self) -> Strength {
        if self.head_sign() {
            Strength::Strong
        } else if self.slump_foot_sign() {
            if self.calf_only() { Strength::Limited } else { Strength::Moderate }
        } else {
            Strength::Limited
        }
    }

    /// The reason that says why the evidence is limited, if it is.
    pub(super) fn limited_reason(&self, leg: Leg) -> Option<Reason> {
        match self.strength() {
            Strength::Limited if self.slump_foot_sign() => Some(Reason::FootSignNearCalfOnly(leg)),
            Strength::Limited => Some(Reason::StandingSignOnly(leg)),
            _ => None,
        }
    }

    /// Why the familiar feeling does not count: not it, or not sure.
    pub(super) fn not_familiar_reason(&self, leg: Leg) -> Reason {
        if self.familiar_unsure { Reason::FamiliarNotSure(leg) } else { Reason::NotFamiliar(leg) }
    }

    /// The differentiation signs as reasons, head signs first.
    pub(super) fn differentiation_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
        let signs: [(StepId, ReasonFor); 5] = [
            (StepId::A5, Reason::StrongerChinDown),
            (StepId::A6, Reason::EasedHeadUp),
            (StepId::A3, Reason::EasedToesDown),
            (StepId::A4, Reason::StrongerToesBack),
            (StepId::B3, Reason::StrongerToesUpStanding),
        ];
        out.extend(signs.iter().filter(|(id, _)| self.sign(*id)).map(|(_, r)| r(leg)));
    }

    /// Each change against the direction of nerve tension, as a reason.
    pub(super) fn against_nerve_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
        out.extend(
            self.against_nerve().into_iter().map(|(step, change)| Reason::ChangedAgainstNerve {
                leg,
                step,
                change,
            }),
        );
    }

    pub(super) fn muscle_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
        if self.thigh_stretch {
            out.push(Reason::ThighStretch(leg));
        }
        if self.slump_no_change {
            out.push(Reason::NoChangeInSlump(leg));
        }
        if self.b3_no_change {
            out.push(Reason::NoChangeToesUpStanding(leg));
        }
    }
}
