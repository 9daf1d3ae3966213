//! Rules 4 to 9: weighing the signs of the tested legs, with the leg that bothers
//! deciding, or each leg on its own when both legs bother.

use super::signs::Signs;
use super::{
    ALIKE_WITHIN, Facts, LegVerdict, RATED_STEPS, Reason, SIDE_DIFFERENCE, Strength, Tier,
};
use crate::answers::{Check, Leg};

/// A weighed result: the tier, its strength and its reasons.
pub(super) type Weighed = (Tier, Option<Strength>, Vec<Reason>);

/// How this leg compares with the other, at A2 and at B2 separately: "2 or more
/// points above the reference leg at either step (or feeling it at a step where
/// the reference leg felt nothing)". A step either leg did not rate is not compared.
pub(super) fn side_differences(leg: Leg, this: &Signs, other: Option<&Signs>) -> Vec<Reason> {
    let Some(other) = other else { return Vec::new() };
    RATED_STEPS
        .iter()
        .zip(this.rated.iter().zip(other.rated))
        .filter_map(|(&step, (&this, other))| {
            let (this, other) = (this?, other?);
            if this == 0 {
                None
            } else if other == 0 {
                Some(Reason::OnlyThisLegAtStep { leg, step })
            } else if this >= other.saturating_add(SIDE_DIFFERENCE) {
                Some(Reason::StrongerAtStep { leg, step, this, other })
            } else {
                None
            }
        })
        .collect()
}

/// Rule 5: a differentiation sign and the familiar feeling and at least one of a
/// side-to-side difference, a below-knee location or a nerve-type quality.
pub(super) fn nerve(leg: Leg, this: &Signs, other: Option<&Signs>) -> Option<Weighed> {
    if !(this.differentiation() && this.familiar) {
        return None;
    }
    let mut support = side_differences(leg, this, other);
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
    if this.behind_knee_only {
        reasons.push(Reason::FeltBehindKnee(leg));
    }
    reasons.extend(this.limited_reason(leg));
    let strength = this.strength();
    if this.thigh_stretch {
        reasons.push(Reason::ThighStretch(leg));
        return Some((Tier::Both, Some(strength), reasons));
    }
    Some((Tier::NerveTensionLikely, Some(strength), reasons))
}

/// Rule 7's likeness: the same differentiation signs on both legs (the same steps
/// changed, the same way) and intensities within [`ALIKE_WITHIN`] points.
pub(super) fn alike(this: &Signs, other: &Signs) -> bool {
    let close = this.rated.iter().zip(other.rated).all(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => a.abs_diff(b) <= ALIKE_WITHIN,
        _ => true,
    });
    this.differentiation() && other.differentiation() && this.changes == other.changes && close
}

/// Nerve-type qualities on this leg that the other leg lacks.
fn unmatched_words(this: &Signs, other: &Signs) -> Vec<crate::Quality> {
    this.nerve_words.iter().copied().filter(|q| !other.nerve_words.contains(q)).collect()
}

/// Rule 7: alike on both legs, with the familiar feeling on neither, and no
/// nerve-type quality on this leg that the other leg lacks.
fn normal_response(this: &Signs, other: Option<&Signs>) -> bool {
    other.is_some_and(|other| {
        alike(this, other)
            && !this.familiar
            && !other.familiar
            && unmatched_words(this, other).is_empty()
    })
}

/// Rule 8: muscle signs, no differentiation sign, no change against the nerve's
/// direction (which the hamstring cannot explain either), no nerve-type quality,
/// and the A2 feeling includes the back of the thigh.
pub(super) fn hamstring(this: &Signs) -> bool {
    this.muscle_signs()
        && !this.differentiation()
        && this.against_nerve().is_empty()
        && this.nerve_words.is_empty()
        && this.felt_in_thigh()
}

/// What one leg shows on its own, by the same rules.
pub(super) fn verdict(leg: Leg, this: &Signs, other: Option<&Signs>) -> LegVerdict {
    if !this.rated() {
        LegVerdict::Incomplete
    } else if this.low() {
        LegVerdict::NoTension
    } else if let Some((tier, strength, _)) = nerve(leg, this, other) {
        match (tier, strength) {
            (Tier::Both, Some(s)) => LegVerdict::Both(s),
            (_, Some(s)) => LegVerdict::NerveLikely(s),
            _ => LegVerdict::Unclear,
        }
    } else if hamstring(this) {
        LegVerdict::Muscle
    } else if this.differentiation() && !this.familiar {
        LegVerdict::ChangesWithoutFamiliar
    } else {
        LegVerdict::Unclear
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

/// Rules 4 to 9: weighs the signs, with the leg that bothers deciding, or each leg
/// on its own when both legs bother.
pub(super) fn weigh(check: &Check, facts: &Facts) -> Weighed {
    if check.both_bothered {
        return weigh_both(facts);
    }
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
    let (tier, strength, mut reasons) = weigh_leg(focus, this, other);
    if other.is_none() {
        reasons.push(Reason::NoReferenceLeg);
    }
    (tier, strength, reasons)
}

/// Both legs bother: each leg is weighed on its own, with no comparison, and the
/// most telling leg gives the tier (nerve signs first, then an unclear leg, then
/// hamstring tightness, then no notable tension); its strongest strength counts.
fn weigh_both(facts: &Facts) -> Weighed {
    let rank = |tier: Tier| match tier {
        Tier::Both => 5,
        Tier::NerveTensionLikely => 4,
        Tier::Unclear => 3,
        Tier::HamstringTightnessLikely => 2,
        _ => 1,
    };
    let strength_rank = |s: Option<Strength>| match s {
        Some(Strength::Strong) => 3,
        Some(Strength::Moderate) => 2,
        Some(Strength::Limited) => 1,
        None => 0,
    };
    let mut weighed: Vec<Weighed> = [Leg::Left, Leg::Right]
        .into_iter()
        .filter_map(|leg| {
            let (tier, strength, mut reasons) = weigh_leg(leg, facts.signs(leg)?, None);
            // "Every step 1 or lower" is about this leg alone here.
            for reason in &mut reasons {
                if *reason == Reason::AllLow {
                    *reason = Reason::LowOnLeg(leg);
                }
            }
            Some((tier, strength, reasons))
        })
        .collect();
    if weighed.is_empty() {
        return (Tier::Unclear, None, vec![Reason::NoTestsDone]);
    }
    if weighed.iter().all(|(tier, _, _)| *tier == Tier::NoNotableTension) {
        return (Tier::NoNotableTension, None, vec![Reason::AllLow, Reason::BothLegsBothered]);
    }
    // The deciding leg first; a stable sort keeps the left leg first on a tie.
    weighed.sort_by_key(|(tier, strength, _)| {
        std::cmp::Reverse((rank(*tier), strength_rank(*strength)))
    });
    let (tier, strength) = (weighed[0].0, weighed[0].1);
    let mut reasons: Vec<Reason> = weighed.into_iter().flat_map(|(_, _, r)| r).collect();
    reasons.push(Reason::BothLegsBothered);
    (tier, strength, reasons)
}

/// Rules 4 to 9 for one leg, compared with the other leg when there is one.
fn weigh_leg(focus: Leg, this: &Signs, other: Option<&Signs>) -> Weighed {
    if !this.rated() {
        return (Tier::Unclear, None, vec![Reason::NotRated(focus)]);
    }

    // 4. No notable tension: the leg that bothers decides.
    if this.low() {
        let Some(other) = other else {
            return (Tier::NoNotableTension, None, vec![Reason::AllLow]);
        };
        if other.low() {
            return (Tier::NoNotableTension, None, vec![Reason::AllLow]);
        }
        let mut reasons = vec![Reason::LowOnThisLeg(focus)];
        if let Some(peak) = other.peak {
            let verdict = verdict(focus.other(), other, Some(this));
            reasons.push(Reason::OtherLegShowed { leg: focus.other(), peak, verdict });
        }
        return (Tier::NoNotableTension, None, reasons);
    }

    // 5 and 6. Nerve tension likely; Both with a back-of-thigh stretch in B2.
    if let Some(weighed) = nerve(focus, this, other) {
        return weighed;
    }

    // 7. Normal response.
    if normal_response(this, other) {
        let mut reasons = vec![Reason::SameOnBothLegs];
        this.differentiation_reasons(focus, &mut reasons);
        reasons.push(this.not_familiar_reason(focus));
        return (Tier::NormalResponse, None, reasons);
    }

    // 8. Hamstring tightness likely.
    if hamstring(this) {
        let mut reasons = Vec::new();
        this.muscle_reasons(focus, &mut reasons);
        reasons.push(Reason::FeltInThigh(focus));
        reasons.push(Reason::NoDifferentiation(focus));
        return (Tier::HamstringTightnessLikely, None, reasons);
    }

    // 9. Unclear: what was found, then what was missing.
    (Tier::Unclear, None, unclear_reasons(focus, this, other))
}

/// What an unclear leg showed, then what was missing for a clearer result.
fn unclear_reasons(leg: Leg, this: &Signs, other: Option<&Signs>) -> Vec<Reason> {
    let mut reasons = Vec::new();
    // Found.
    this.differentiation_reasons(leg, &mut reasons);
    this.against_nerve_reasons(leg, &mut reasons);
    if this.familiar {
        reasons.push(Reason::FamiliarReproduced(leg));
    }
    reasons.extend(side_differences(leg, this, other));
    if this.below_knee {
        reasons.push(Reason::FeltBelowKnee(leg));
    }
    if this.behind_knee_only {
        reasons.push(Reason::FeltBehindKnee(leg));
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
                reasons.push(this.not_familiar_reason(leg));
            }
            if let Some(other) = other.filter(|o| o.differentiation()) {
                if !alike(this, other) {
                    reasons.push(Reason::LegsRespondedDifferently);
                } else if !other.familiar {
                    let words = unmatched_words(this, other);
                    if !words.is_empty() {
                        reasons.push(Reason::NerveWordsNotOnOtherLeg(leg, words));
                    }
                }
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
    if this.familiar_unsure && !reasons.contains(&Reason::FamiliarNotSure(leg)) {
        reasons.push(Reason::FamiliarNotSure(leg));
    }
    reasons.push(Reason::MixedSigns(leg));
    reasons
}
