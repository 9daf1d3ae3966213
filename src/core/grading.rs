//! The grading rules of the clinical brief (section 5), as one pure function.
//!
//! Precedence, first match wins: an emergency red flag, an urgent red flag, a stop
//! sign during a test; otherwise the signs of each leg are weighed, with the leg
//! that bothers the person deciding the result and the other leg as its reference.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::answers::{Change, Check, Familiar, Leg, LegRecord, Quality, Region};
use super::protocol::{Card, StepId};
use super::red_flags::{RedFlag, Severity};

/// The version of these rules; stored with every graded session.
pub const RULES_VERSION: u32 = 1;

/// The result tier of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    Emergency,
    Urgent,
    StopAndConsult,
    NerveTensionLikely,
    HamstringTightnessLikely,
    Both,
    NormalResponse,
    NoNotableTension,
    Unclear,
}

impl Tier {
    /// Every tier, most serious first.
    pub const ALL: [Tier; 9] = [
        Tier::Emergency,
        Tier::Urgent,
        Tier::StopAndConsult,
        Tier::NerveTensionLikely,
        Tier::HamstringTightnessLikely,
        Tier::Both,
        Tier::NormalResponse,
        Tier::NoNotableTension,
        Tier::Unclear,
    ];
}

/// How strong the evidence for nerve involvement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strength {
    /// A head sign (chin down or head up) changed the feeling.
    Strong,
    /// A foot sign changed the feeling, felt beyond the calf.
    Moderate,
    /// Only a foot sign, felt only behind the knee or upper calf, where the calf
    /// muscle may explain it.
    Limited,
}

/// One answer, or a fact about the answers, that led to a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A red-flag question answered yes.
    RedFlag(RedFlag),
    /// Sharp or shooting pain increased during the stretch.
    SharpPainIncreased(Leg),
    /// The feeling spread below the knee during the stretch.
    SpreadBelowKnee(Leg),
    /// A3: the feeling eased with the toes pointed down.
    EasedToesDown(Leg),
    /// A4: the feeling grew with the toes pulled back.
    StrongerToesBack(Leg),
    /// A5: the feeling grew with the chin dropped.
    StrongerChinDown(Leg),
    /// A6: the feeling eased with the head lifted.
    EasedHeadUp(Leg),
    /// B3: the feeling grew with the toes pulled up during the stretch.
    StrongerToesUpStanding(Leg),
    /// A2: the test brought on the person's familiar feeling.
    FamiliarReproduced(Leg),
    /// A2: the feeling was not (or not surely) the familiar one.
    NotFamiliar(Leg),
    /// Felt in the calf, lower leg or foot.
    FeltBelowKnee(Leg),
    /// Described with nerve-type words.
    NerveWords(Leg, Vec<Quality>),
    /// Stronger than the other leg by two points or more.
    StrongerThanOtherLeg { leg: Leg, this: u8, other: u8 },
    /// Felt on this leg only.
    OnlyThisLeg(Leg),
    /// The only change came with the foot, felt only behind the knee or upper calf.
    FootSignNearCalfOnly(Leg),
    /// B2: a stretch or pull in the back of the thigh.
    ThighStretch(Leg),
    /// Test A: tension was present but foot and head movements changed nothing.
    NoChangeInSlump(Leg),
    /// B3: pulling the toes up during the stretch changed nothing.
    NoChangeToesUpStanding(Leg),
    /// Foot or head movements changed the feeling on both legs alike.
    SameOnBothLegs,
    /// No reference leg was tested, so the legs could not be compared.
    NoReferenceLeg,
    /// Intensity was 1 or less at every step.
    AllLow,
    /// A hamstring strain is suspected, so the stretch was skipped.
    SuspectedStrain,
    /// Movements of the foot or head changed nothing on this leg.
    NoDifferentiation(Leg),
    /// The signs on this leg do not add up to a clear pattern.
    MixedSigns(Leg),
}

/// What the answers of one leg show, on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegVerdict {
    NerveLikely(Strength),
    Both(Strength),
    Muscle,
    ChangesWithoutFamiliar,
    NoTension,
    Unclear,
    /// The test stopped before this leg gave enough answers.
    Incomplete,
}

/// The findings of one leg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegFinding {
    /// Which leg.
    pub leg: Leg,
    /// Whether it was the reference leg.
    pub reference: bool,
    /// The highest intensity recorded.
    pub peak: Option<u8>,
    /// What it shows.
    pub verdict: LegVerdict,
}

/// The graded result of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The tier.
    pub tier: Tier,
    /// How strong the evidence is, where the rules grade it.
    pub strength: Option<Strength>,
    /// The answers that led here, most telling first.
    pub reasons: Vec<Reason>,
    /// Per-leg findings, in the order the legs were tested.
    pub legs: Vec<LegFinding>,
    /// Whether a hamstring strain is suspected (the stretch was skipped).
    pub suspected_strain: bool,
    /// The version of the rules that graded it.
    #[serde(default = "rules_version")]
    pub rules_version: u32,
}

fn rules_version() -> u32 {
    RULES_VERSION
}

/// The signs found on one leg.
#[derive(Debug, Clone, Default)]
struct Signs {
    eased_toes_down: bool,
    stronger_toes_back: bool,
    stronger_chin_down: bool,
    eased_head_up: bool,
    stronger_toes_up_standing: bool,
    familiar: bool,
    familiar_asked: bool,
    below_knee: bool,
    regions: BTreeSet<Region>,
    nerve_words: Vec<Quality>,
    thigh_stretch: bool,
    slump_no_change: bool,
    b3_no_change: bool,
    peak: Option<u8>,
}

impl Signs {
    fn of(record: &LegRecord) -> Signs {
        let felt_steps = [StepId::A2, StepId::B2];
        let mut regions = BTreeSet::new();
        let mut words = BTreeSet::new();
        for id in felt_steps {
            if let Some(step) = record.step(id) {
                regions.extend(step.regions.iter().copied());
                words.extend(step.qualities.iter().copied().filter(|q| q.is_nerve_type()));
            }
        }
        let a2 = record.step(StepId::A2);
        let b2 = record.step(StepId::B2);
        let slump_changes = [StepId::A3, StepId::A4, StepId::A5, StepId::A6];
        Signs {
            eased_toes_down: record.change(StepId::A3) == Some(Change::Eased),
            stronger_toes_back: record.change(StepId::A4) == Some(Change::Stronger),
            stronger_chin_down: record.change(StepId::A5) == Some(Change::Stronger),
            eased_head_up: record.change(StepId::A6) == Some(Change::Eased),
            stronger_toes_up_standing: record.change(StepId::B3) == Some(Change::Stronger)
                || record.step(StepId::B3).is_some_and(|s| s.spread == Some(true)),
            familiar: a2.is_some_and(|s| s.familiar == Some(Familiar::Yes)),
            familiar_asked: a2.is_some_and(|s| s.familiar.is_some()),
            below_knee: regions.iter().any(|r| r.is_below_knee()),
            regions,
            nerve_words: words.into_iter().collect(),
            thigh_stretch: b2.is_some_and(|s| {
                s.regions.contains(&Region::BackOfThigh)
                    && s.qualities.contains(&Quality::StretchOrPull)
            }),
            slump_no_change: a2.and_then(|s| s.intensity).is_some_and(|i| i >= 2)
                && slump_changes.iter().all(|&id| record.change(id) == Some(Change::NoChange)),
            b3_no_change: record.change(StepId::B3) == Some(Change::NoChange),
            peak: record.peak(),
        }
    }

    fn head_sign(&self) -> bool {
        self.stronger_chin_down || self.eased_head_up
    }

    fn foot_sign(&self) -> bool {
        self.eased_toes_down || self.stronger_toes_back || self.stronger_toes_up_standing
    }

    fn differentiation(&self) -> bool {
        self.head_sign() || self.foot_sign()
    }

    fn low(&self) -> bool {
        self.peak.is_none_or(|p| p <= 1)
    }

    fn muscle(&self) -> bool {
        (self.thigh_stretch || self.slump_no_change || self.b3_no_change)
            && !self.differentiation()
            && self.nerve_words.is_empty()
    }

    fn strength(&self) -> Strength {
        let near_calf_only = !self.regions.is_empty()
            && self.regions.iter().all(|r| matches!(r, Region::BackOfKnee | Region::UpperCalf));
        if self.head_sign() {
            Strength::Strong
        } else if near_calf_only {
            Strength::Limited
        } else {
            Strength::Moderate
        }
    }

    /// The differentiation signs as reasons.
    fn differentiation_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
        if self.stronger_chin_down {
            out.push(Reason::StrongerChinDown(leg));
        }
        if self.eased_head_up {
            out.push(Reason::EasedHeadUp(leg));
        }
        if self.eased_toes_down {
            out.push(Reason::EasedToesDown(leg));
        }
        if self.stronger_toes_back {
            out.push(Reason::StrongerToesBack(leg));
        }
        if self.stronger_toes_up_standing {
            out.push(Reason::StrongerToesUpStanding(leg));
        }
    }
}

/// How this leg compares with the other: a side-to-side difference, if any.
fn side_difference(leg: Leg, this: &Signs, other: Option<&Signs>) -> Option<Reason> {
    let other = other?;
    let this_peak = this.peak.unwrap_or(0);
    let other_peak = other.peak.unwrap_or(0);
    if this_peak >= 1 && other_peak == 0 {
        Some(Reason::OnlyThisLeg(leg))
    } else if this_peak >= other_peak + 2 {
        Some(Reason::StrongerThanOtherLeg { leg, this: this_peak, other: other_peak })
    } else {
        None
    }
}

/// The nerve verdict of a leg: its strength and the reasons behind it.
fn nerve_case(leg: Leg, signs: &Signs, side: Option<Reason>) -> Option<(Strength, Vec<Reason>)> {
    if !(signs.differentiation() && signs.familiar) {
        return None;
    }
    let mut support = Vec::new();
    if let Some(side) = side {
        support.push(side);
    }
    if signs.below_knee {
        support.push(Reason::FeltBelowKnee(leg));
    }
    if !signs.nerve_words.is_empty() {
        support.push(Reason::NerveWords(leg, signs.nerve_words.clone()));
    }
    if support.is_empty() {
        return None;
    }
    let mut reasons = Vec::new();
    signs.differentiation_reasons(leg, &mut reasons);
    reasons.push(Reason::FamiliarReproduced(leg));
    reasons.extend(support);
    let strength = signs.strength();
    if strength == Strength::Limited {
        reasons.push(Reason::FootSignNearCalfOnly(leg));
    }
    Some((strength, reasons))
}

fn muscle_reasons(leg: Leg, signs: &Signs) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if signs.thigh_stretch {
        reasons.push(Reason::ThighStretch(leg));
    }
    if signs.slump_no_change {
        reasons.push(Reason::NoChangeInSlump(leg));
    }
    if signs.b3_no_change {
        reasons.push(Reason::NoChangeToesUpStanding(leg));
    }
    reasons
}

fn leg_verdict(
    record: &LegRecord,
    signs: &Signs,
    other: Option<&Signs>,
    stopped: bool,
) -> LegVerdict {
    if let Some((strength, _)) =
        nerve_case(record.leg, signs, side_difference(record.leg, signs, other))
    {
        if signs.thigh_stretch {
            LegVerdict::Both(strength)
        } else {
            LegVerdict::NerveLikely(strength)
        }
    } else if stopped && record.step(StepId::A2).is_none() {
        LegVerdict::Incomplete
    } else if signs.low() {
        LegVerdict::NoTension
    } else if signs.muscle() {
        LegVerdict::Muscle
    } else if signs.differentiation() && !signs.familiar {
        LegVerdict::ChangesWithoutFamiliar
    } else {
        LegVerdict::Unclear
    }
}

/// Grades a check into a result, following the clinical brief.
pub fn grade(check: &Check) -> Outcome {
    let suspected_strain = check.injury == Some(true);
    let signs: Vec<(Leg, Signs)> = check.legs.iter().map(|r| (r.leg, Signs::of(r))).collect();
    let signs_of = |leg: Leg| signs.iter().find(|(l, _)| *l == leg).map(|(_, s)| s);
    let legs: Vec<LegFinding> = check
        .legs
        .iter()
        .map(|record| {
            let this = signs_of(record.leg).cloned().unwrap_or_default();
            LegFinding {
                leg: record.leg,
                reference: record.reference,
                peak: record.peak(),
                verdict: leg_verdict(
                    record,
                    &this,
                    signs_of(record.leg.other()),
                    check.stopped_at.is_some(),
                ),
            }
        })
        .collect();
    let outcome = |tier, strength, mut reasons: Vec<Reason>| {
        if suspected_strain {
            reasons.push(Reason::SuspectedStrain);
        }
        Outcome {
            tier,
            strength,
            reasons,
            legs: legs.clone(),
            suspected_strain,
            rules_version: RULES_VERSION,
        }
    };

    // 1 and 2: red flags.
    for severity in [Severity::Emergency, Severity::Urgent] {
        let raised: Vec<Reason> = check
            .raised_flags()
            .filter(|f| f.severity() == severity)
            .map(Reason::RedFlag)
            .collect();
        if !raised.is_empty() {
            let tier = match severity {
                Severity::Emergency => Tier::Emergency,
                Severity::Urgent => Tier::Urgent,
            };
            return outcome(tier, None, raised);
        }
    }

    // 3: a stop sign during a test.
    let stop_reasons: Vec<Reason> = check
        .legs
        .iter()
        .flat_map(|record| {
            record.steps.values().flat_map(move |s| {
                let mut found = Vec::new();
                if s.sharp_pain == Some(true) {
                    found.push(Reason::SharpPainIncreased(record.leg));
                }
                if s.spread == Some(true) {
                    found.push(Reason::SpreadBelowKnee(record.leg));
                }
                found
            })
        })
        .collect();
    if !stop_reasons.is_empty() {
        return outcome(Tier::StopAndConsult, None, stop_reasons);
    }

    // 4: weigh the signs of the leg that bothers the person.
    let Some(focus) = check.bothered.or_else(|| check.legs.last().map(|r| r.leg)) else {
        return outcome(Tier::Unclear, None, Vec::new());
    };
    let Some(this) = signs_of(focus) else {
        return outcome(Tier::Unclear, None, Vec::new());
    };
    let other = signs_of(focus.other());
    let mut context = Vec::new();
    if other.is_none() {
        context.push(Reason::NoReferenceLeg);
    }

    if let Some((strength, mut reasons)) =
        nerve_case(focus, this, side_difference(focus, this, other))
    {
        reasons.extend(context);
        return if this.thigh_stretch {
            reasons.push(Reason::ThighStretch(focus));
            outcome(Tier::Both, Some(strength), reasons)
        } else {
            outcome(Tier::NerveTensionLikely, Some(strength), reasons)
        };
    }

    if signs.iter().all(|(_, s)| s.low()) {
        let mut reasons = vec![Reason::AllLow];
        reasons.extend(context);
        return outcome(Tier::NoNotableTension, None, reasons);
    }

    if let Some(other) = other {
        let alike = side_difference(focus, this, Some(other)).is_none()
            && side_difference(focus.other(), other, Some(this)).is_none();
        if this.differentiation()
            && other.differentiation()
            && !this.familiar
            && !other.familiar
            && alike
        {
            let mut reasons = vec![Reason::SameOnBothLegs];
            this.differentiation_reasons(focus, &mut reasons);
            reasons.push(Reason::NotFamiliar(focus));
            return outcome(Tier::NormalResponse, None, reasons);
        }
    }

    if this.muscle() {
        let mut reasons = muscle_reasons(focus, this);
        reasons.push(Reason::NoDifferentiation(focus));
        reasons.extend(context);
        return outcome(Tier::HamstringTightnessLikely, None, reasons);
    }

    // 5: unclear. Say what was found, so the person sees why.
    let mut reasons = Vec::new();
    this.differentiation_reasons(focus, &mut reasons);
    if this.familiar {
        reasons.push(Reason::FamiliarReproduced(focus));
    } else if this.familiar_asked {
        reasons.push(Reason::NotFamiliar(focus));
    }
    if !this.differentiation() {
        reasons.push(Reason::NoDifferentiation(focus));
    }
    if !this.nerve_words.is_empty() {
        reasons.push(Reason::NerveWords(focus, this.nerve_words.clone()));
    }
    reasons.extend(muscle_reasons(focus, this));
    reasons.push(Reason::MixedSigns(focus));
    reasons.extend(context);
    outcome(Tier::Unclear, None, reasons)
}

/// The card where a check must stop at once, if its answers hold a stop sign.
pub fn stop_card(check: &Check) -> Option<Card> {
    check.legs.iter().find_map(|record| {
        record
            .steps
            .iter()
            .find(|(_, s)| s.is_stop_sign())
            .map(|(step, _)| Card { leg: record.leg, step: *step })
    })
}
