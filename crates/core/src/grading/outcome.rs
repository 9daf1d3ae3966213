//! What grading gives: the tier, the strength of the evidence, the reasons and each
//! leg's findings.

use serde::{Deserialize, Serialize};

use super::OLDEST_RULES_VERSION;
use crate::answers::{Change, Leg, Quality};
use crate::protocol::{Card, StepId};
use crate::red_flags::RedFlag;

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
    /// The person tapped Stop at this card.
    StoppedAt(Card),
    /// Sharp or shooting was chosen at this card, and the person said it did not
    /// come on with the movement, so the test went on.
    CarriedOnAfterSharp(Card),
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
    /// Rules version 3: stronger than the other leg by [`SIDE_DIFFERENCE`] points or
    /// more at this step (A2 or B2).
    ///
    /// [`SIDE_DIFFERENCE`]: super::SIDE_DIFFERENCE
    StrongerAtStep {
        /// The stronger leg.
        leg: Leg,
        /// The step compared.
        step: StepId,
        /// Its intensity there.
        this: u8,
        /// The other leg's intensity there.
        other: u8,
    },
    /// Rules version 3: felt on this leg at this step (A2 or B2), where the other
    /// leg felt nothing.
    OnlyThisLegAtStep {
        /// The leg that felt it.
        leg: Leg,
        /// The step compared.
        step: StepId,
    },
    /// Rules version 3: the feeling changed at this step, but the other way from
    /// nerve tension (and the hamstring does not explain it either).
    ChangedAgainstNerve {
        /// The leg.
        leg: Leg,
        /// The step that moved the foot or head.
        step: StepId,
        /// How the feeling changed.
        change: Change,
    },
    /// Rules version 3: the person was not sure it was the familiar feeling, which
    /// counts as not reproduced.
    FamiliarNotSure(Leg),
    /// Rules version 3: felt behind the knee, nerve territory, but nowhere below it;
    /// on its own that is not a below-knee sign.
    FeltBehindKnee(Leg),
    /// Rules version 3: the only sign came in the standing stretch (B3), none in
    /// the seated test: limited evidence.
    StandingSignOnly(Leg),
    /// Rules version 3: nerve-type words on this leg that the other leg lacks, so
    /// the two legs did not respond alike.
    NerveWordsNotOnOtherLeg(Leg, Vec<Quality>),
    /// Rules version 3: both legs bother, so each was weighed on its own, without
    /// a side-to-side comparison.
    BothLegsBothered,
    /// Rules version 3: this leg was 1 or less at every step (both legs bother).
    LowOnLeg(Leg),
    /// Rules version 3: asked again at the result, the person has nerve symptoms in
    /// both legs in daily life.
    BothLegsInDailyLife,
}

impl Reason {
    /// The leg this reason is about, if it is about one leg.
    pub fn leg(&self) -> Option<Leg> {
        use Reason::*;
        match self {
            SharpPainAt(card) | SpreadAt(card) | StoppedAt(card) | CarriedOnAfterSharp(card) => {
                Some(card.leg)
            }
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
            | NotRated(leg)
            | StrongerAtStep { leg, .. }
            | OnlyThisLegAtStep { leg, .. }
            | ChangedAgainstNerve { leg, .. }
            | FamiliarNotSure(leg)
            | FeltBehindKnee(leg)
            | StandingSignOnly(leg)
            | NerveWordsNotOnOtherLeg(leg, _)
            | LowOnLeg(leg) => Some(*leg),
            RedFlag(_)
            | SameOnBothLegs
            | NoReferenceLeg
            | AllLow
            | SuspectedStrain
            | LegsRespondedDifferently
            | NoTestsDone
            | BotheredLegUnknown
            | BothLegsBothered
            | BothLegsInDailyLife => None,
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
    /// The version of the rules that graded it. A saved result without one was
    /// graded by the first rules, and reads as version 1.
    #[serde(default = "oldest_rules_version")]
    pub rules_version: u32,
}

fn oldest_rules_version() -> u32 {
    OLDEST_RULES_VERSION
}

impl Outcome {
    /// The strongest intensity recorded on the leg, or legs, that bother the person
    /// (every leg that is not the reference leg).
    pub fn strongest_bothered(&self) -> Option<u8> {
        self.legs.iter().filter(|l| !l.reference).filter_map(|l| l.peak).max()
    }
}
