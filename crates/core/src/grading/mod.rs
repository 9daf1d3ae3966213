//! The grading rules of the clinical brief (section 5, with its third pass), as one
//! pure function.
//!
//! Precedence, first match wins, as in the brief's table:
//!
//! | # | When                                                             | Result               |
//! |---|------------------------------------------------------------------|----------------------|
//! | 1 | any emergency red flag, or yes to the both-legs question re-asked | Emergency           |
//! | 2 | any urgent red flag                                              | Urgent               |
//! | 3 | sharp pain or spreading during a test, or a stop at any card     | Stop and consult     |
//! | 4 | the leg that bothers is [low](LOW_INTENSITY) at every step       | No notable tension   |
//! | 5 | differentiation sign, familiar feeling and one supporting sign   | Nerve tension likely |
//! | 6 | nerve tension likely and a back-of-thigh stretch in B2           | Both                 |
//! | 7 | the same differentiation signs on both legs, not familiar, and no nerve-type word the other leg lacks | Normal response |
//! | 8 | muscle signs only, no change against the nerve's direction, and the A2 feeling includes the back of thigh | Hamstring tightness |
//! | 9 | anything else                                                    | Unclear              |
//!
//! The third pass sharpens these: a change counts only in the direction that loads
//! or unloads the nerve ([`DIFFERENTIATION_STEPS`]), and a change the other way is
//! never graded as hamstring; "Not sure" is not the familiar feeling; only
//! [`BELOW_KNEE_REGIONS`] count as below the knee; the side difference is measured
//! at A2 and B2 separately; when both legs bother, each leg is weighed on its own
//! ([`Check::both_bothered`]). Every result carries its reasons: what was found and,
//! for Unclear, what was missing.

use super::answers::{Change, Check, Leg, Region};
use super::protocol::{Card, StepId};
use super::red_flags::Severity;

mod outcome;
mod rules;
mod signs;

use signs::Signs;

pub use outcome::{LegFinding, LegVerdict, Outcome, Reason, Strength, Tier};

/// The version of these rules; stored with every graded session.
///
/// Version 2 followed the revised section 5 of the clinical brief; version 3 adds
/// its third pass (sharpened rules). A saved session without a rules version was
/// graded by version 1 ([`OLDEST_RULES_VERSION`]).
pub const RULES_VERSION: u32 = 3;

/// The rules version of a saved session that does not say: the first rules.
pub const OLDEST_RULES_VERSION: u32 = 1;

/// "Low": intensity 1 or less. The brief: "No notable tension when intensity is 1 or
/// less at every step of every tested leg, whatever the changes: a barely noticeable
/// feeling is not graded as nerve or muscle." Above this, tension "was present".
pub const LOW_INTENSITY: u8 = 1;

/// The side-to-side difference, measured at A2 and at B2 separately: "the bothered
/// leg 2 or more points above the reference leg at either step" is a nerve sign.
pub const SIDE_DIFFERENCE: u8 = 2;

/// Normal response: the two legs' "intensities within 2 points of each other".
pub const ALIKE_WITHIN: u8 = 2;

/// Strength: "limited when the only sign is a foot sign felt only at the back of the
/// knee or upper calf in test A (the calf muscle crosses the knee and ankle and can
/// explain it)".
pub const CALF_MUSCLE_REGIONS: [Region; 2] = [Region::BackOfKnee, Region::UpperCalf];

/// Below the knee, for the nerve rule's supporting location: "only the upper calf,
/// the lower leg or the foot count".
pub const BELOW_KNEE_REGIONS: [Region; 2] = [Region::UpperCalf, Region::LowerLegOrFoot];

/// "The back of the knee alone does not [count as below the knee] (hamstring
/// tendons and the calf muscle attach there); it still counts as a nerve-territory
/// region in the reasons."
pub const KNEE_TERRITORY: Region = Region::BackOfKnee;

/// Strong feelings: "when the strongest intensity recorded on the bothered leg is 8
/// or more, no exercise card is offered".
pub const STRONG_FEELING: u8 = 8;

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

/// Whether an intensity is "low": 1 or less.
fn is_low(intensity: u8) -> bool {
    intensity <= LOW_INTENSITY
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
}

/// Whether both tested legs show nerve-type qualities (burning, tingling, numbness,
/// shooting) below the knee: then the result asks the both-legs red-flag question
/// again, about daily life (third pass, "Both legs bothered").
pub fn both_legs_show_nerve_feelings(check: &Check) -> bool {
    let facts = Facts::of(check);
    [Leg::Left, Leg::Right].iter().all(|&leg| facts.signs(leg).is_some_and(|s| s.nerve_below_knee))
}

/// Whether the result should ask the both-legs question again now: both legs show
/// nerve-type feelings below the knee, it was not asked yet, and the result is not
/// already an emergency.
pub fn asks_both_legs_again(check: &Check) -> bool {
    check.both_legs_again.is_none()
        && both_legs_show_nerve_feelings(check)
        && grade(check).tier != Tier::Emergency
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
    let mut emergency = raised(Severity::Emergency);
    if check.both_legs_again == Some(true) {
        emergency.push(Reason::BothLegsInDailyLife);
    }
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
        rules::weigh(check, &facts)
    };
    if suspected_strain {
        reasons.push(Reason::SuspectedStrain);
    }
    if !matches!(tier, Tier::Emergency | Tier::Urgent) {
        reasons.extend(carried_on_after_sharp(check));
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
                // When both legs bother, each leg is weighed on its own.
                let other = facts.signs(record.leg.other()).filter(|_| !check.both_bothered);
                match &facts.signs[index] {
                    Some((first, signs)) if *first == position => {
                        rules::verdict(record.leg, signs, other)
                    }
                    _ => rules::verdict(record.leg, &Signs::of(record), other),
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

/// Every card where Sharp or Shooting was chosen and the person said it did not come
/// on with the movement: the test went on, and the reasons say so. In protocol order,
/// whatever the order of the leg records.
fn carried_on_after_sharp(check: &Check) -> Vec<Reason> {
    let mut cards: Vec<Card> = check
        .legs
        .iter()
        .flat_map(|record| {
            record.steps.iter().filter_map(move |(&step, answer)| {
                (answer.sharp_quality() && answer.sharp_pain == Some(false))
                    .then_some(Card { leg: record.leg, step })
            })
        })
        .collect();
    cards.sort_by_key(|card| (card.step, card.leg));
    cards.dedup();
    cards.into_iter().map(Reason::CarriedOnAfterSharp).collect()
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
