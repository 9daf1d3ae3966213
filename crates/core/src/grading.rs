//! The grading rules of the clinical brief (section 5, revised), as one pure function.
//!
//! Precedence, first match wins, as in the brief's table:
//!
//! | # | When                                                             | Result               |
//! |---|------------------------------------------------------------------|----------------------|
//! | 1 | any emergency red flag                                           | Emergency            |
//! | 2 | any urgent red flag                                              | Urgent               |
//! | 3 | sharp pain or spreading during a test, or a stop at any card     | Stop and consult     |
//! | 4 | the leg that bothers is [low](LOW_INTENSITY) at every step       | No notable tension   |
//! | 5 | differentiation sign, familiar feeling and one supporting sign   | Nerve tension likely |
//! | 6 | nerve tension likely and a back-of-thigh stretch in B2           | Both                 |
//! | 7 | the same differentiation signs on both legs, not familiar        | Normal response      |
//! | 8 | muscle signs only, and the A2 feeling includes the back of thigh | Hamstring tightness  |
//! | 9 | anything else                                                    | Unclear              |
//!
//! Every result carries its reasons: what was found and, for Unclear, what was missing.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::answers::{Change, Check, Familiar, Leg, LegRecord, Quality, Region};
use super::protocol::{Card, StepId};
use super::red_flags::{RedFlag, Severity};

/// The version of these rules; stored with every graded session.
///
/// Version 2 follows the revised section 5 of the clinical brief.
pub const RULES_VERSION: u32 = 2;

/// "Low": intensity 1 or less. The brief: "No notable tension when intensity is 1 or
/// less at every step of every tested leg, whatever the changes: a barely noticeable
/// feeling is not graded as nerve or muscle." Above this, tension "was present".
pub const LOW_INTENSITY: u8 = 1;

/// The side-to-side difference: a leg "stronger than the other leg by 2 points or
/// more" is a nerve sign.
pub const SIDE_DIFFERENCE: u8 = 2;

/// Normal response: the two legs' "intensities within 2 points of each other".
pub const ALIKE_WITHIN: u8 = 2;

/// Strength: "limited when the only sign is a foot sign felt only at the back of the
/// knee or upper calf in test A (the calf muscle crosses the knee and ankle and can
/// explain it)".
pub const CALF_MUSCLE_REGIONS: [Region; 2] = [Region::BackOfKnee, Region::UpperCalf];

/// Hamstring: "the person's own feeling in test A (A2) includes the back of the
/// thigh"; "the hamstring does not explain a feeling where it does not reach".
pub const HAMSTRING_REGION: Region = Region::BackOfThigh;

/// The steps whose change is a differentiation sign, with the direction that
/// counts: "eased with toes down (A3); stronger with toes back (A4); stronger with
/// chin down (A5) or eased with head up (A6); in B3 stronger with toes up".
pub const DIFFERENTIATION_STEPS: [(StepId, Change); 5] = [
    (StepId::A3, Change::Eased),
    (StepId::A4, Change::Stronger),
    (StepId::A5, Change::Stronger),
    (StepId::A6, Change::Eased),
    (StepId::B3, Change::Stronger),
];

/// The steps of test A that move the foot or the head.
const SLUMP_CHANGE_STEPS: [StepId; 4] = [StepId::A3, StepId::A4, StepId::A5, StepId::A6];

/// The steps that ask for an intensity.
const RATED_STEPS: [StepId; 2] = [StepId::A2, StepId::B2];

/// The result tier of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// An emergency red flag: emergency care now.
    Emergency,
    /// An urgent red flag: a doctor today.
    Urgent,
    /// Sharp pain or spreading during a test.
    StopAndConsult,
    /// The nerve is the likely source.
    NerveTensionLikely,
    /// The hamstring muscle is the likely source.
    HamstringTightnessLikely,
    /// Nerve tension likely, and the stretch pulled on the hamstring too.
    Both,
    /// Changes alike on both legs, not the familiar feeling: common in healthy people.
    NormalResponse,
    /// Little or nothing felt.
    NoNotableTension,
    /// The answers do not form a clear pattern.
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

    /// How serious the tier is for safety: 3 for Emergency, 2 for Urgent, 1 for Stop
    /// and consult, 0 for every test result. Red flags and stops never lower it.
    pub fn safety_rank(self) -> u8 {
        match self {
            Tier::Emergency => 3,
            Tier::Urgent => 2,
            Tier::StopAndConsult => 1,
            _ => 0,
        }
    }
}

/// How strong the evidence for nerve involvement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strength {
    /// A head sign (chin down or head up) changed the feeling.
    Strong,
    /// A foot sign changed the feeling, felt in test A beyond the back of the knee
    /// and upper calf.
    Moderate,
    /// Only a foot sign, felt in test A only behind the knee or upper calf, where the
    /// calf muscle may explain it.
    Limited,
}

/// One answer, or a fact about the answers, that led to a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A red-flag question answered yes.
    RedFlag(RedFlag),
    /// Rules version 1 only, kept to read saved sessions: sharp or shooting pain
    /// increased during the stretch.
    SharpPainIncreased(Leg),
    /// Rules version 1 only, kept to read saved sessions: the feeling spread below
    /// the knee during the stretch.
    SpreadBelowKnee(Leg),
    /// Sharp or shooting pain increased at this card.
    SharpPainAt(Card),
    /// The feeling spread below the knee at this card.
    SpreadAt(Card),
    /// The person stopped at this card for sharp pain or spreading.
    StoppedAt(Card),
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
    /// Stronger than the other leg by [`SIDE_DIFFERENCE`] points or more.
    StrongerThanOtherLeg {
        /// The stronger leg.
        leg: Leg,
        /// Its highest intensity.
        this: u8,
        /// The other leg's highest intensity.
        other: u8,
    },
    /// Felt on this leg only.
    OnlyThisLeg(Leg),
    /// The only change came with the foot, felt in test A only behind the knee or
    /// upper calf.
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
    /// A2: the feeling included the back of the thigh.
    FeltInThigh(Leg),
    /// A2: the feeling did not include the back of the thigh, where the hamstring is.
    NotInThigh(Leg),
    /// The feeling changed with the foot or head, but not in the direction that
    /// points to the nerve.
    ChangedOtherWay(Leg),
    /// Signs of the nerve and the familiar feeling, but nothing that sets the leg
    /// apart: no side difference, nothing below the knee, no nerve-type words.
    NoSupportingSign(Leg),
    /// Foot or head changed the feeling on both legs, but not alike.
    LegsRespondedDifferently,
    /// The leg that bothers was 1 or less at every step.
    LowOnThisLeg(Leg),
    /// What the other leg showed, when the leg that bothers decided the result.
    OtherLegShowed {
        /// The other leg.
        leg: Leg,
        /// Its highest intensity.
        peak: u8,
        /// What it showed on its own.
        verdict: LegVerdict,
    },
    /// Only this leg, the reference leg, was tested.
    OnlyReferenceTested(Leg),
    /// No intensity was recorded on this leg.
    NotRated(Leg),
    /// No test was done at all.
    NoTestsDone,
    /// It was not recorded which leg bothers the person, and both legs were tested.
    BotheredLegUnknown,
}

impl Reason {
    /// The leg this reason is about, if it is about one leg.
    pub fn leg(&self) -> Option<Leg> {
        use Reason::*;
        match self {
            SharpPainAt(card) | SpreadAt(card) | StoppedAt(card) => Some(card.leg),
            SharpPainIncreased(leg)
            | SpreadBelowKnee(leg)
            | EasedToesDown(leg)
            | StrongerToesBack(leg)
            | StrongerChinDown(leg)
            | EasedHeadUp(leg)
            | StrongerToesUpStanding(leg)
            | FamiliarReproduced(leg)
            | NotFamiliar(leg)
            | FeltBelowKnee(leg)
            | NerveWords(leg, _)
            | StrongerThanOtherLeg { leg, .. }
            | OnlyThisLeg(leg)
            | FootSignNearCalfOnly(leg)
            | ThighStretch(leg)
            | NoChangeInSlump(leg)
            | NoChangeToesUpStanding(leg)
            | NoDifferentiation(leg)
            | MixedSigns(leg)
            | FeltInThigh(leg)
            | NotInThigh(leg)
            | ChangedOtherWay(leg)
            | NoSupportingSign(leg)
            | LowOnThisLeg(leg)
            | OtherLegShowed { leg, .. }
            | OnlyReferenceTested(leg)
            | NotRated(leg) => Some(*leg),
            RedFlag(_)
            | SameOnBothLegs
            | NoReferenceLeg
            | AllLow
            | SuspectedStrain
            | LegsRespondedDifferently
            | NoTestsDone
            | BotheredLegUnknown => None,
        }
    }
}

/// What the answers of one leg show, on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegVerdict {
    /// Nerve signs, with their strength.
    NerveLikely(Strength),
    /// Nerve signs and a back-of-thigh stretch.
    Both(Strength),
    /// Hamstring-type tightness.
    Muscle,
    /// Foot or head changed the feeling, but it was not the familiar one.
    ChangesWithoutFamiliar,
    /// Little or no tension.
    NoTension,
    /// No clear pattern.
    Unclear,
    /// The test stopped before this leg gave enough answers.
    Incomplete,
    /// The test stopped on this leg, at this step, for sharp pain or spreading.
    Stopped(StepId),
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

/// Whether an intensity is "low": 1 or less.
fn is_low(intensity: u8) -> bool {
    intensity <= LOW_INTENSITY
}

/// Builds the reason of a sign on a leg.
type ReasonFor = fn(Leg) -> Reason;

/// The signs found on one leg.
#[derive(Debug, Clone)]
struct Signs {
    /// The direction of each change that is not "no change", by differentiation step.
    changes: [Option<Change>; 5],
    familiar: bool,
    familiar_asked: bool,
    /// Where the A2 feeling was (test A).
    a2_regions: BTreeSet<Region>,
    below_knee: bool,
    nerve_words: Vec<Quality>,
    thigh_stretch: bool,
    slump_no_change: bool,
    b3_no_change: bool,
    /// Intensities of A2 and B2.
    rated: [Option<u8>; 2],
    peak: Option<u8>,
}

impl Signs {
    fn of(record: &LegRecord) -> Signs {
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

    fn sign(&self, step: StepId) -> bool {
        DIFFERENTIATION_STEPS
            .iter()
            .zip(self.changes)
            .any(|((id, wanted), got)| *id == step && got == Some(*wanted))
    }

    fn head_sign(&self) -> bool {
        self.sign(StepId::A5) || self.sign(StepId::A6)
    }

    fn differentiation(&self) -> bool {
        DIFFERENTIATION_STEPS.iter().any(|(id, _)| self.sign(*id))
    }

    /// Some change happened, but none in the direction that points to the nerve.
    fn changed_other_way(&self) -> bool {
        !self.differentiation() && self.changes.iter().any(Option::is_some)
    }

    fn rated(&self) -> bool {
        self.peak.is_some()
    }

    /// Low at every rated step. A leg with no rating at all is not low: it is unrated.
    fn low(&self) -> bool {
        self.peak.is_some_and(is_low)
    }

    fn muscle_signs(&self) -> bool {
        self.thigh_stretch || self.slump_no_change || self.b3_no_change
    }

    fn felt_in_thigh(&self) -> bool {
        self.a2_regions.contains(&HAMSTRING_REGION)
    }

    /// Strength from test A regions only.
    fn strength(&self) -> Strength {
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
    fn differentiation_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
        let signs: [(StepId, ReasonFor); 5] = [
            (StepId::A5, Reason::StrongerChinDown),
            (StepId::A6, Reason::EasedHeadUp),
            (StepId::A3, Reason::EasedToesDown),
            (StepId::A4, Reason::StrongerToesBack),
            (StepId::B3, Reason::StrongerToesUpStanding),
        ];
        out.extend(signs.iter().filter(|(id, _)| self.sign(*id)).map(|(_, r)| r(leg)));
    }

    fn muscle_reasons(&self, leg: Leg, out: &mut Vec<Reason>) {
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

/// How this leg compares with the other: a side-to-side difference, if any.
///
/// Only called for a leg that is not low, so "only on this leg" means the other
/// leg felt nothing at all.
fn side_difference(leg: Leg, this: &Signs, other: Option<&Signs>) -> Option<Reason> {
    let other = other?;
    let this_peak = this.peak.unwrap_or(0);
    let other_peak = other.peak.unwrap_or(0);
    if other_peak == 0 {
        Some(Reason::OnlyThisLeg(leg))
    } else if this_peak >= other_peak.saturating_add(SIDE_DIFFERENCE) {
        Some(Reason::StrongerThanOtherLeg { leg, this: this_peak, other: other_peak })
    } else {
        None
    }
}

/// Rule 5: a differentiation sign and the familiar feeling and at least one of a
/// side-to-side difference, a below-knee location or a nerve-type quality.
fn nerve(leg: Leg, this: &Signs, other: Option<&Signs>) -> Option<(Strength, Vec<Reason>)> {
    if !(this.differentiation() && this.familiar) {
        return None;
    }
    let mut support = Vec::new();
    support.extend(side_difference(leg, this, other));
    if this.below_knee {
        support.push(Reason::FeltBelowKnee(leg));
    }
    if !this.nerve_words.is_empty() {
        support.push(Reason::NerveWords(leg, this.nerve_words.clone()));
    }
    if support.is_empty() {
        return None;
    }
    let mut reasons = Vec::new();
    this.differentiation_reasons(leg, &mut reasons);
    reasons.push(Reason::FamiliarReproduced(leg));
    reasons.extend(support);
    let strength = this.strength();
    if strength == Strength::Limited {
        reasons.push(Reason::FootSignNearCalfOnly(leg));
    }
    Some((strength, reasons))
}

/// Rule 7's likeness: the same differentiation signs on both legs (the same steps
/// changed, the same way) and intensities within [`ALIKE_WITHIN`] points.
fn alike(this: &Signs, other: &Signs) -> bool {
    let close = this.rated.iter().zip(other.rated).all(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => a.abs_diff(b) <= ALIKE_WITHIN,
        _ => true,
    });
    this.differentiation() && other.differentiation() && this.changes == other.changes && close
}

/// Rule 7: alike on both legs, with the familiar feeling on neither.
fn normal_response(this: &Signs, other: Option<&Signs>) -> bool {
    other.is_some_and(|other| alike(this, other) && !this.familiar && !other.familiar)
}

/// Rule 8: muscle signs, no differentiation sign, no nerve-type quality, and the A2
/// feeling includes the back of the thigh.
fn hamstring(this: &Signs) -> bool {
    this.muscle_signs()
        && !this.differentiation()
        && this.nerve_words.is_empty()
        && this.felt_in_thigh()
}

/// What one leg shows on its own, by the same rules.
fn verdict(leg: Leg, this: &Signs, other: Option<&Signs>) -> LegVerdict {
    if !this.rated() {
        LegVerdict::Incomplete
    } else if this.low() {
        LegVerdict::NoTension
    } else if let Some((strength, _)) = nerve(leg, this, other) {
        if this.thigh_stretch {
            LegVerdict::Both(strength)
        } else {
            LegVerdict::NerveLikely(strength)
        }
    } else if hamstring(this) {
        LegVerdict::Muscle
    } else if this.differentiation() && !this.familiar {
        LegVerdict::ChangesWithoutFamiliar
    } else {
        LegVerdict::Unclear
    }
}

/// Index of a leg in per-leg arrays.
fn leg_index(leg: Leg) -> usize {
    match leg {
        Leg::Left => 0,
        Leg::Right => 1,
    }
}

/// The facts of a check, gathered in one pass over its leg records.
struct Facts {
    /// The signs of the first record of each leg, by [`leg_index`], with the
    /// position of that record. Later records of the same leg are not graded.
    signs: [Option<(usize, Signs)>; 2],
    /// Rule 3: every stop, in protocol order.
    stops: Vec<Reason>,
    /// The first step at which each leg stopped.
    stopped: [Option<StepId>; 2],
}

impl Facts {
    fn of(check: &Check) -> Facts {
        let mut signs: [Option<(usize, Signs)>; 2] = [None, None];
        let mut found: Vec<(Card, u8, Reason)> = Vec::new();
        for (position, record) in check.legs.iter().enumerate() {
            let slot = &mut signs[leg_index(record.leg)];
            if slot.is_none() {
                *slot = Some((position, Signs::of(record)));
            }
            for (&step, answer) in &record.steps {
                let card = Card { leg: record.leg, step };
                if answer.sharp_pain == Some(true) {
                    found.push((card, 0, Reason::SharpPainAt(card)));
                }
                if answer.spread == Some(true) {
                    found.push((card, 1, Reason::SpreadAt(card)));
                }
            }
        }
        if let Some(card) = check.stopped_at
            && !found.iter().any(|(c, _, _)| *c == card)
        {
            found.push((card, 2, Reason::StoppedAt(card)));
        }
        found.sort_by_key(|(card, kind, _)| (card.step, card.leg, *kind));
        found.dedup_by(|a, b| a.2 == b.2);
        let mut stopped = [None, None];
        for (card, _, _) in &found {
            let slot = &mut stopped[leg_index(card.leg)];
            if slot.is_none() {
                *slot = Some(card.step);
            }
        }
        Facts { signs, stops: found.into_iter().map(|(_, _, r)| r).collect(), stopped }
    }

    fn signs(&self, leg: Leg) -> Option<&Signs> {
        self.signs[leg_index(leg)].as_ref().map(|(_, s)| s)
    }

    fn tested(&self) -> impl Iterator<Item = &Signs> {
        self.signs.iter().flatten().map(|(_, s)| s)
    }
}

/// The leg whose answers decide: the leg that bothers, or the only leg tested.
fn focus_leg(check: &Check, facts: &Facts) -> Result<Leg, Reason> {
    if let Some(leg) = check.bothered {
        return Ok(leg);
    }
    match (facts.signs(Leg::Left), facts.signs(Leg::Right)) {
        (None, None) => Err(Reason::NoTestsDone),
        (Some(_), None) => Ok(Leg::Left),
        (None, Some(_)) => Ok(Leg::Right),
        (Some(_), Some(_)) => Err(Reason::BotheredLegUnknown),
    }
}

/// Rules 4 to 9: weighs the signs, with the leg that bothers deciding.
fn weigh(check: &Check, facts: &Facts) -> (Tier, Option<Strength>, Vec<Reason>) {
    let focus = match focus_leg(check, facts) {
        Ok(leg) => leg,
        Err(reason) => return (Tier::Unclear, None, vec![reason]),
    };
    let other = facts.signs(focus.other());
    let Some(this) = facts.signs(focus) else {
        let reason = match other {
            Some(_) => Reason::OnlyReferenceTested(focus.other()),
            None => Reason::NoTestsDone,
        };
        return (Tier::Unclear, None, vec![reason]);
    };
    let with_context = |mut reasons: Vec<Reason>| {
        if other.is_none() {
            reasons.push(Reason::NoReferenceLeg);
        }
        reasons
    };

    if !this.rated() {
        return (Tier::Unclear, None, with_context(vec![Reason::NotRated(focus)]));
    }

    // 4. No notable tension: the leg that bothers decides.
    if this.low() {
        if facts.tested().all(Signs::low) {
            return (Tier::NoNotableTension, None, with_context(vec![Reason::AllLow]));
        }
        let mut reasons = vec![Reason::LowOnThisLeg(focus)];
        if let Some(other) = other
            && let Some(peak) = other.peak
        {
            let verdict = verdict(focus.other(), other, Some(this));
            reasons.push(Reason::OtherLegShowed { leg: focus.other(), peak, verdict });
        }
        return (Tier::NoNotableTension, None, reasons);
    }

    // 5 and 6. Nerve tension likely; Both with a back-of-thigh stretch in B2.
    if let Some((strength, mut reasons)) = nerve(focus, this, other) {
        if this.thigh_stretch {
            reasons.push(Reason::ThighStretch(focus));
            return (Tier::Both, Some(strength), with_context(reasons));
        }
        return (Tier::NerveTensionLikely, Some(strength), with_context(reasons));
    }

    // 7. Normal response.
    if normal_response(this, other) {
        let mut reasons = vec![Reason::SameOnBothLegs];
        this.differentiation_reasons(focus, &mut reasons);
        reasons.push(Reason::NotFamiliar(focus));
        return (Tier::NormalResponse, None, reasons);
    }

    // 8. Hamstring tightness likely.
    if hamstring(this) {
        let mut reasons = Vec::new();
        this.muscle_reasons(focus, &mut reasons);
        reasons.push(Reason::FeltInThigh(focus));
        reasons.push(Reason::NoDifferentiation(focus));
        return (Tier::HamstringTightnessLikely, None, with_context(reasons));
    }

    // 9. Unclear: what was found, then what was missing.
    (Tier::Unclear, None, with_context(unclear_reasons(focus, this, other)))
}

/// What an unclear leg showed, then what was missing for a clearer result.
fn unclear_reasons(leg: Leg, this: &Signs, other: Option<&Signs>) -> Vec<Reason> {
    let mut reasons = Vec::new();
    // Found.
    this.differentiation_reasons(leg, &mut reasons);
    if this.familiar {
        reasons.push(Reason::FamiliarReproduced(leg));
    }
    reasons.extend(side_difference(leg, this, other));
    if this.below_knee {
        reasons.push(Reason::FeltBelowKnee(leg));
    }
    if !this.nerve_words.is_empty() {
        reasons.push(Reason::NerveWords(leg, this.nerve_words.clone()));
    }
    this.muscle_reasons(leg, &mut reasons);
    // Missing.
    if this.differentiation() {
        if this.familiar {
            reasons.push(Reason::NoSupportingSign(leg));
        } else {
            if this.familiar_asked {
                reasons.push(Reason::NotFamiliar(leg));
            }
            if other.is_some_and(|o| o.differentiation() && !alike(this, o)) {
                reasons.push(Reason::LegsRespondedDifferently);
            }
        }
    } else {
        if this.changed_other_way() {
            reasons.push(Reason::ChangedOtherWay(leg));
        } else {
            reasons.push(Reason::NoDifferentiation(leg));
        }
        if this.muscle_signs() && this.nerve_words.is_empty() && !this.felt_in_thigh() {
            reasons.push(Reason::NotInThigh(leg));
        }
    }
    reasons.push(Reason::MixedSigns(leg));
    reasons
}

/// Grades a check into a result, following section 5 of the clinical brief.
///
/// Pure and total: it reads nothing but `check`, never panics, and takes time
/// linear in the number of recorded answers.
pub fn grade(check: &Check) -> Outcome {
    let facts = Facts::of(check);
    let suspected_strain = check.injury == Some(true);
    let raised = |severity: Severity| -> Vec<Reason> {
        check.raised_flags().filter(|f| f.severity() == severity).map(Reason::RedFlag).collect()
    };
    let emergency = raised(Severity::Emergency);
    let urgent = raised(Severity::Urgent);

    let (tier, strength, mut reasons) = if !emergency.is_empty() {
        // 1. An emergency red flag.
        (Tier::Emergency, None, emergency)
    } else if !urgent.is_empty() {
        // 2. An urgent red flag.
        (Tier::Urgent, None, urgent)
    } else if !facts.stops.is_empty() {
        // 3. Sharp pain or spreading during a test, or a stop at any card.
        let mut reasons = facts.stops.clone();
        if let Some(leg) = check.bothered
            && facts.signs(leg).is_none()
            && facts.signs(leg.other()).is_some()
        {
            reasons.push(Reason::OnlyReferenceTested(leg.other()));
        }
        (Tier::StopAndConsult, None, reasons)
    } else {
        // 4 to 9.
        weigh(check, &facts)
    };
    if suspected_strain {
        reasons.push(Reason::SuspectedStrain);
    }

    let check_stopped = !facts.stops.is_empty();
    let legs = check
        .legs
        .iter()
        .enumerate()
        .map(|(position, record)| {
            let index = leg_index(record.leg);
            let verdict = if let Some(step) = facts.stopped[index] {
                LegVerdict::Stopped(step)
            } else if check_stopped && record.step(StepId::A2).is_none() {
                LegVerdict::Incomplete
            } else {
                let other = facts.signs(record.leg.other());
                match &facts.signs[index] {
                    Some((first, signs)) if *first == position => verdict(record.leg, signs, other),
                    _ => verdict(record.leg, &Signs::of(record), other),
                }
            };
            LegFinding {
                leg: record.leg,
                reference: record.reference,
                peak: record.peak(),
                verdict,
            }
        })
        .collect();

    Outcome { tier, strength, reasons, legs, suspected_strain, rules_version: RULES_VERSION }
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
