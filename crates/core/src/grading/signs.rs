//! The signs one leg's answers show, gathered once for the rules in [`super`].

use std::collections::BTreeSet;

use super::{
    CALF_MUSCLE_REGIONS, DIFFERENTIATION_STEPS, HAMSTRING_REGION, RATED_STEPS, Reason,
    SLUMP_CHANGE_STEPS, Strength, is_low,
};
use crate::answers::{Change, Familiar, Leg, LegRecord, Quality, Region};
use crate::protocol::StepId;

/// Builds the reason of a sign on a leg.
pub(super) type ReasonFor = fn(Leg) -> Reason;

/// The signs found on one leg.
#[derive(Debug, Clone)]
pub(super) struct Signs {
    /// The direction of each change that is not "no change", by differentiation step.
    pub(super) changes: [Option<Change>; 5],
    pub(super) familiar: bool,
    pub(super) familiar_asked: bool,
    /// Where the A2 feeling was (test A).
    a2_regions: BTreeSet<Region>,
    pub(super) below_knee: bool,
    pub(super) nerve_words: Vec<Quality>,
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
        for id in RATED_STEPS {
            if let Some(step) = record.step(id) {
                regions.extend(step.regions.iter().copied());
                words.extend(step.qualities.iter().copied().filter(|q| q.is_nerve_type()));
            }
        }
        let a2 = record.step(StepId::A2);
        let b2 = record.step(StepId::B2);
        let a2_intensity = a2.and_then(|s| s.intensity);
        Signs {
            changes: DIFFERENTIATION_STEPS
                .map(|(id, _)| record.change(id).filter(|c| *c != Change::NoChange)),
            familiar: a2.is_some_and(|s| s.familiar == Some(Familiar::Yes)),
            familiar_asked: a2.is_some_and(|s| s.familiar.is_some()),
            a2_regions: a2.map(|s| s.regions.clone()).unwrap_or_default(),
            below_knee: regions.iter().any(|r| r.is_below_knee()),
            nerve_words: words.into_iter().collect(),
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

    pub(super) fn differentiation(&self) -> bool {
        DIFFERENTIATION_STEPS.iter().any(|(id, _)| self.sign(*id))
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

    /// Strength from test A regions only.
    pub(super) fn strength(&self) -> Strength {
        let calf_only = !self.a2_regions.is_empty()
            && self.a2_regions.iter().all(|r| CALF_MUSCLE_REGIONS.contains(r));
        if self.head_sign() {
            Strength::Strong
        } else if calf_only {
            Strength::Limited
        } else {
            Strength::Moderate
        }
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
