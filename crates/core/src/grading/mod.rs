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

use super::answers::{Change, Check, Leg, Region};
use super::protocol::{Card, StepId};
use super::red_flags::Severity;

mod outcome;
mod signs;

use signs::Signs;

pub use outcome::{LegFinding, LegVerdict, Outcome, Reason, Strength, Tier};

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

/// Whether an intensity is "low": 1 or less.
fn is_low(intensity: u8) -> bool {
    intensity <= LOW_INTENSITY
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

/// Every card where Sharp or Shooting was chosen and the person said it did not come
/// on with the movement: the test went on, and the reasons say so.
fn carried_on_after_sharp(check: &Check) -> impl Iterator<Item = Reason> + '_ {
    check.legs.iter().flat_map(|record| {
        record.steps.iter().filter_map(move |(&step, answer)| {
            (answer.sharp_quality() && answer.sharp_pain == Some(false))
                .then_some(Reason::CarriedOnAfterSharp(Card { leg: record.leg, step }))
        })
    })
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
