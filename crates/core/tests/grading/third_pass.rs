//! The third pass of the brief's section 5 ("sharpened rules"), bullet by bullet in
//! the brief's order: table cases for the grading table, full reason lists, the
//! exercise boundaries and the properties over the shared strategy.

use tension_check_core::answers::{Change::*, Familiar, Quality::*, Region::*};
use tension_check_core::grading::{
    LegVerdict, asks_both_legs_again, both_legs_show_nerve_feelings,
};
use tension_check_core::{Advice, advice::guidance};
use tension_check_core::{Change, Check, Leg, Reason, StepId, Strength, Tier, grade};

use super::{Case, L, case, check, leg, quiet_reference};
use Leg::{Left, Right};

/// A leg that would be hamstring tightness, but for `change` at `step`.
fn hamstring_but(l: Leg, step: StepId, change: Change) -> L {
    let mut changes = [NoChange; 4];
    if let Some(i) =
        [StepId::A3, StepId::A4, StepId::A5, StepId::A6].iter().position(|s| *s == step)
    {
        changes[i] = change;
    }
    let b3 = if step == StepId::B3 { change } else { NoChange };
    leg(l)
        .a2(5, &[BackOfThigh], &[StretchOrPull], Familiar::Yes)
        .slump(changes[0], changes[1], changes[2], changes[3])
        .b2(5, &[BackOfThigh], &[StretchOrPull], false)
        .b3(b3, false)
}

/// A reference leg with an A2 and a B2 rating and nothing else.
fn rated_reference(l: Leg, a2: u8, b2: u8) -> L {
    leg(l)
        .a2(a2, &[BackOfThigh], &[DullAche], Familiar::No)
        .slump(NoChange, NoChange, NoChange, NoChange)
        .b2(b2, &[BackOfThigh], &[DullAche], false)
        .b3(NoChange, false)
}

/// A bothered leg with one foot sign (toes back stronger), the familiar feeling and
/// no nerve-type words, felt in `a2_regions`, rated `a2` and `b2`.
fn foot_sign(l: Leg, a2: u8, b2: u8, a2_regions: &[tension_check_core::Region]) -> L {
    leg(l)
        .a2(a2, a2_regions, &[DullAche], Familiar::Yes)
        .slump(NoChange, Stronger, NoChange, NoChange)
        .b2(b2, &[LowerBack], &[DullAche], false)
        .b3(NoChange, false)
}

/// A leg with tingling in the calf and a head sign.
fn tingling_calf(l: Leg, intensity: u8) -> L {
    leg(l)
        .a2(intensity, &[BackOfThigh, UpperCalf], &[Tingling], Familiar::Yes)
        .slump(NoChange, NoChange, Stronger, NoChange)
        .b2(intensity, &[UpperCalf], &[Tingling], false)
        .b3(NoChange, false)
}

/// The set-up said both legs bother.
pub(super) fn both_bothered(legs: Vec<L>) -> Check {
    let mut check = check(Left, legs);
    check.bothered = None;
    check.both_bothered = true;
    for record in &mut check.legs {
        record.reference = false;
    }
    check
}

/// The changes that go against the nerve's direction, one per differentiation step.
pub(super) const AGAINST_NERVE: [(StepId, Change); 5] = [
    (StepId::A3, Stronger),
    (StepId::A4, Eased),
    (StepId::A5, Eased),
    (StepId::A6, Stronger),
    (StepId::B3, Eased),
];

pub(super) fn cases() -> Vec<Case> {
    use Strength::*;
    use Tier::*;
    let mut cases = Vec::new();
    // Direction: a change the other way is not a nerve sign and not "no change".
    for (step, change) in AGAINST_NERVE {
        cases.push(case(
            "direction: a change the other way is never hamstring",
            check(Right, vec![quiet_reference(Left), hamstring_but(Right, step, change)]),
            Unclear,
            None,
            Reason::ChangedAgainstNerve { leg: Right, step, change },
        ));
    }
    cases.extend([
        case(
            "direction: the reasons say the direction does not fit nerve tension",
            check(Right, vec![quiet_reference(Left), hamstring_but(Right, StepId::A4, Eased)]),
            Unclear,
            None,
            Reason::ChangedOtherWay(Right),
        ),
        // Familiar "Not sure" counts as not reproduced.
        case(
            "not sure: the article's nerve leg is unclear when not sure it is familiar",
            check(Right, vec![quiet_reference(Left), not_sure(super::article_nerve_leg(Right))]),
            Unclear,
            None,
            Reason::FamiliarNotSure(Right),
        ),
        // Where it is felt: only the upper calf, lower leg or foot are below the knee.
        case(
            "where: the back of the knee alone is not below the knee",
            check(Right, vec![rated_reference(Left, 4, 4), foot_sign(Right, 5, 4, &[BackOfKnee])]),
            Unclear,
            None,
            Reason::FeltBehindKnee(Right),
        ),
        case(
            "where: the upper calf is below the knee",
            check(
                Right,
                vec![rated_reference(Left, 4, 4), foot_sign(Right, 5, 4, &[BackOfKnee, UpperCalf])],
            ),
            NerveTensionLikely,
            Some(Limited),
            Reason::FeltBelowKnee(Right),
        ),
        case(
            "where: the lower leg or foot is below the knee",
            check(
                Right,
                vec![rated_reference(Left, 4, 4), foot_sign(Right, 5, 4, &[LowerLegOrFoot])],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::FeltBelowKnee(Right),
        ),
        // Side difference at A2 and at B2 separately.
        case(
            "side: exactly 2 at B2 with none at A2 is a difference",
            check(Right, vec![rated_reference(Left, 4, 2), foot_sign(Right, 5, 4, &[BackOfThigh])]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerAtStep { leg: Right, step: StepId::B2, this: 4, other: 2 },
        ),
        case(
            "side: 1 point at each step is no difference",
            check(Right, vec![rated_reference(Left, 4, 3), foot_sign(Right, 5, 4, &[BackOfThigh])]),
            Unclear,
            None,
            Reason::NoSupportingSign(Right),
        ),
        case(
            "side: felt at B2 where the reference leg felt nothing at B2",
            check(Right, vec![rated_reference(Left, 4, 0), foot_sign(Right, 5, 1, &[BackOfThigh])]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::OnlyThisLegAtStep { leg: Right, step: StepId::B2 },
        ),
        // Strength, remaining cases.
        case(
            "strength: a foot sign felt in the buttock in test A is moderate",
            check(Right, vec![quiet_reference(Left), foot_sign(Right, 5, 4, &[Buttock])]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerToesBack(Right),
        ),
        case(
            "strength: a foot sign felt in the back of the thigh in test A is moderate",
            check(Right, vec![quiet_reference(Left), foot_sign(Right, 5, 4, &[BackOfThigh])]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerToesBack(Right),
        ),
        case(
            "strength: a B3 sign with no test A sign is limited",
            check(Right, vec![quiet_reference(Left), hamstring_but(Right, StepId::B3, Stronger)]),
            Both,
            Some(Limited),
            Reason::StandingSignOnly(Right),
        ),
        // Normal response needs no nerve-type word the reference leg lacks.
        case(
            "normal: tingling on the bothered leg only is unclear",
            check(Right, vec![alike_leg(Left, &[StretchOrPull]), alike_leg(Right, &[Tingling])]),
            Unclear,
            None,
            Reason::NerveWordsNotOnOtherLeg(Right, vec![Tingling]),
        ),
        case(
            "normal: tingling on both legs alike is still a normal response",
            check(Right, vec![alike_leg(Left, &[Tingling]), alike_leg(Right, &[Tingling])]),
            NormalResponse,
            None,
            Reason::SameOnBothLegs,
        ),
        // Both legs bothered: each leg on its own, no side comparison.
        case(
            "both legs: a nerve leg and a hamstring leg give nerve tension",
            both_bothered(vec![super::hamstring_leg(Left, 5), super::article_nerve_leg(Right)]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::BothLegsBothered,
        ),
        case(
            "both legs: two hamstring legs give hamstring tightness",
            both_bothered(vec![super::hamstring_leg(Left, 5), super::hamstring_leg(Right, 6)]),
            HamstringTightnessLikely,
            None,
            Reason::BothLegsBothered,
        ),
        case(
            "both legs: one leg low, the other hamstring",
            both_bothered(vec![super::hamstring_leg(Left, 1), super::hamstring_leg(Right, 6)]),
            HamstringTightnessLikely,
            None,
            Reason::LowOnLeg(Left),
        ),
        case(
            "both legs: both low",
            both_bothered(vec![super::hamstring_leg(Left, 1), super::hamstring_leg(Right, 0)]),
            NoNotableTension,
            None,
            Reason::BothLegsBothered,
        ),
        case(
            "both legs: the same changes on both legs are not a normal response",
            both_bothered(vec![
                alike_leg(Left, &[StretchOrPull]),
                alike_leg(Right, &[StretchOrPull]),
            ]),
            Unclear,
            None,
            Reason::BothLegsBothered,
        ),
        case(
            "both legs: the re-asked question answered yes is an emergency",
            again(both_bothered(vec![tingling_calf(Left, 5), tingling_calf(Right, 6)]), true),
            Emergency,
            None,
            Reason::BothLegsInDailyLife,
        ),
        case(
            "both legs: the re-asked question answered no leaves the test result",
            again(both_bothered(vec![tingling_calf(Left, 5), tingling_calf(Right, 6)]), false),
            NerveTensionLikely,
            Some(Strong),
            Reason::BothLegsBothered,
        ),
    ]);
    cases
}

/// The same leg, with the A2 familiar answer "Not sure".
fn not_sure(mut l: L) -> L {
    if let Some(a2) = l.0.steps.get_mut(&StepId::A2) {
        a2.familiar = Some(Familiar::NotSure);
    }
    l
}

/// A leg whose feeling eases with the toes down, not the familiar one.
fn alike_leg(l: Leg, a2_qualities: &[tension_check_core::Quality]) -> L {
    leg(l)
        .a2(4, &[BackOfThigh, UpperCalf], a2_qualities, Familiar::No)
        .slump(Eased, NoChange, NoChange, NoChange)
        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
        .b3(NoChange, false)
}

fn again(mut check: Check, yes: bool) -> Check {
    check.both_legs_again = Some(yes);
    check
}

#[test]
fn direction_full_reason_list_never_says_nothing_changed() {
    let outcome = grade(&check(
        Right,
        vec![quiet_reference(Left), hamstring_but(Right, StepId::A3, Stronger)],
    ));
    assert_eq!(outcome.tier, Tier::Unclear);
    assert_eq!(
        outcome.reasons,
        vec![
            Reason::ChangedAgainstNerve { leg: Right, step: StepId::A3, change: Stronger },
            Reason::FamiliarReproduced(Right),
            Reason::StrongerAtStep { leg: Right, step: StepId::A2, this: 5, other: 1 },
            Reason::StrongerAtStep { leg: Right, step: StepId::B2, this: 5, other: 2 },
            Reason::ThighStretch(Right),
            Reason::NoChangeToesUpStanding(Right),
            Reason::ChangedOtherWay(Right),
            Reason::MixedSigns(Right),
        ]
    );
    let text: Vec<String> =
        outcome.reasons.iter().map(tension_check_core::wording::reason).collect();
    assert!(
        text[0].contains("When you pointed your toes down, the feeling got stronger"),
        "{text:?}"
    );
    assert!(text.iter().all(|t| !t.contains("didn't change")), "{text:?}");
    assert_eq!(outcome.legs[1].verdict, LegVerdict::Unclear);
}

#[test]
fn not_sure_and_both_legs_full_reason_lists() {
    let unsure = grade(&check(
        Right,
        vec![quiet_reference(Left), not_sure(super::article_nerve_leg(Right))],
    ));
    assert_eq!(
        unsure.reasons,
        vec![
            Reason::EasedToesDown(Right),
            Reason::StrongerToesBack(Right),
            Reason::StrongerToesUpStanding(Right),
            Reason::StrongerAtStep { leg: Right, step: StepId::A2, this: 6, other: 1 },
            Reason::StrongerAtStep { leg: Right, step: StepId::B2, this: 5, other: 2 },
            Reason::FeltBelowKnee(Right),
            Reason::NerveWords(Right, vec![Burning]),
            Reason::FamiliarNotSure(Right),
            Reason::MixedSigns(Right),
        ]
    );

    let both =
        grade(&both_bothered(vec![super::hamstring_leg(Left, 5), super::article_nerve_leg(Right)]));
    assert_eq!(
        both.reasons,
        vec![
            Reason::EasedToesDown(Right),
            Reason::StrongerToesBack(Right),
            Reason::StrongerToesUpStanding(Right),
            Reason::FamiliarReproduced(Right),
            Reason::FeltBelowKnee(Right),
            Reason::NerveWords(Right, vec![Burning]),
            Reason::ThighStretch(Left),
            Reason::NoChangeInSlump(Left),
            Reason::NoChangeToesUpStanding(Left),
            Reason::FeltInThigh(Left),
            Reason::NoDifferentiation(Left),
            Reason::BothLegsBothered,
        ]
    );
    assert!(both.legs.iter().all(|l| !l.reference));
    assert_eq!(both.legs[0].verdict, LegVerdict::Muscle);
    assert_eq!(both.legs[1].verdict, LegVerdict::NerveLikely(Strength::Moderate));
}

#[test]
fn both_legs_question_is_asked_again_only_when_both_legs_show_nerve_feelings_below_the_knee() {
    let both = both_bothered(vec![tingling_calf(Left, 5), tingling_calf(Right, 6)]);
    assert!(both_legs_show_nerve_feelings(&both));
    assert!(asks_both_legs_again(&both));
    assert!(!asks_both_legs_again(&again(both.clone(), false)), "asked once");
    // Tingling in the thigh only on one leg: not below the knee.
    let thigh = both_bothered(vec![
        tingling_calf(Left, 5),
        leg(Right)
            .a2(5, &[BackOfThigh], &[Tingling], Familiar::Yes)
            .slump(NoChange, NoChange, Stronger, NoChange)
            .b2(5, &[BackOfThigh, UpperCalf], &[StretchOrPull], false)
            .b3(NoChange, false),
    ]);
    assert!(!both_legs_show_nerve_feelings(&thigh));
    // One leg only.
    assert!(!asks_both_legs_again(&both_bothered(vec![tingling_calf(Left, 5)])));
    // Already an emergency: not asked again.
    let mut flagged = both.clone();
    flagged.red_flags.insert(tension_check_core::RedFlag::SaddleNumbness, true);
    assert!(!asks_both_legs_again(&flagged));
}

/// The exercise boundary: 7 on the leg that bothers still offers the exercise, 8 does
/// not and sends to a physical therapist; the reference leg's 8 does not count.
#[test]
fn strong_feelings_boundaries() {
    let named: [(&str, Check, bool); 6] = [
        ("strong: hamstring at 7 offers the stretch", hamstring(7, 2), true),
        ("strong: hamstring at 8 offers no exercise", hamstring(8, 2), false),
        ("strong: nerve at 7 offers the slider", nerve(7, 2), true),
        ("strong: nerve at 8 offers no exercise", nerve(8, 2), false),
        ("strong: the reference leg's 8 does not count", hamstring(7, 8), true),
        (
            "strong: both legs bothered, the stronger leg at 8",
            both_bothered(vec![super::hamstring_leg(Left, 4), super::hamstring_leg(Right, 8)]),
            false,
        ),
    ];
    for (name, check, exercise) in named {
        let outcome = grade(&check);
        let advice = guidance(&outcome);
        assert_eq!(advice.iter().any(|a| a.is_exercise()), exercise, "{name}: {advice:?}");
        assert_eq!(advice.contains(&Advice::SeeTherapistBeforeExercise), !exercise, "{name}");
    }
}

fn hamstring(bothered: u8, reference: u8) -> Check {
    check(Right, vec![super::hamstring_leg(Left, reference), super::hamstring_leg(Right, bothered)])
}

fn nerve(bothered: u8, reference: u8) -> Check {
    let mut nerve = super::article_nerve_leg(Right);
    nerve.0.steps.entry(StepId::A2).or_default().intensity = Some(bothered);
    check(Right, vec![rated_reference(Left, reference, reference), nerve])
}

#[test]
fn normal_response_and_no_notable_tension_offer_no_exercise() {
    let normal = grade(&check(Right, vec![alike_leg(Left, &[]), alike_leg(Right, &[])]));
    assert_eq!(normal.tier, Tier::NormalResponse);
    // The other leg's nerve pattern at 7 does not bring an exercise back.
    let low = grade(&check(Right, vec![nerve_reference_at_7(), super::hamstring_leg(Right, 1)]));
    assert_eq!(low.tier, Tier::NoNotableTension);
    for outcome in [normal, low] {
        let advice = guidance(&outcome);
        assert!(advice.iter().all(|a| !a.is_exercise()), "{advice:?}");
        assert!(advice.contains(&Advice::KeepMoving));
    }
}

fn nerve_reference_at_7() -> L {
    let mut l = super::article_nerve_leg(Left);
    l.0.steps.entry(StepId::A2).or_default().intensity = Some(7);
    l
}

mod properties {
    use super::AGAINST_NERVE;
    use crate::strategy::any_check;
    use proptest::prelude::*;
    use tension_check_core::advice::guidance;
    use tension_check_core::{Change, Check, Familiar, Leg, Reason, StepId, Strength, Tier, grade};

    /// How strong a nerve result is: 0 for any other result.
    fn nerve_rank(check: &Check) -> u8 {
        let outcome = grade(check);
        match (outcome.tier, outcome.strength) {
            (Tier::NerveTensionLikely | Tier::Both, Some(Strength::Strong)) => 3,
            (Tier::NerveTensionLikely | Tier::Both, Some(Strength::Moderate)) => 2,
            (Tier::NerveTensionLikely | Tier::Both, _) => 1,
            _ => 0,
        }
    }

    fn set_familiar(check: &mut Check, from: Familiar, to: Familiar) {
        for record in &mut check.legs {
            if let Some(a2) = record.steps.get_mut(&StepId::A2)
                && a2.familiar == Some(from)
            {
                a2.familiar = Some(to);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Direction: reversing a change (on every tested leg) never yields Hamstring.
        #[test]
        fn reversing_a_change_never_yields_hamstring(
            check in any_check(),
            which in 0..AGAINST_NERVE.len(),
        ) {
            let (step, change) = AGAINST_NERVE[which];
            let mut reversed = check.clone();
            for record in &mut reversed.legs {
                record.steps.entry(step).or_default().change = Some(change);
            }
            let outcome = grade(&reversed);
            prop_assert_ne!(outcome.tier, Tier::HamstringTightnessLikely, "{:?}", outcome);
        }

        /// "Not sure" counts as not reproduced: it grades like "No", and turning a
        /// "Yes" into "Not sure" never gives a stronger nerve result.
        #[test]
        fn not_sure_never_strengthens_a_nerve_result(check in any_check()) {
            let mut no = check.clone();
            set_familiar(&mut no, Familiar::NotSure, Familiar::No);
            let mut unsure = check.clone();
            set_familiar(&mut unsure, Familiar::No, Familiar::NotSure);
            let (a, b) = (grade(&no), grade(&unsure));
            prop_assert_eq!(a.tier, b.tier);
            prop_assert_eq!(a.strength, b.strength);
            let mut from_yes = check.clone();
            set_familiar(&mut from_yes, Familiar::Yes, Familiar::NotSure);
            prop_assert!(nerve_rank(&from_yes) <= nerve_rank(&check));
        }

        /// No exercise card when the leg that bothers was rated 8 or more.
        #[test]
        fn no_exercise_at_8_or_more(check in any_check(), peak in 8u8..=10) {
            let mut strong = check.clone();
            for record in strong.legs.iter_mut().filter(|r| !r.reference) {
                record.steps.entry(StepId::A2).or_default().intensity = Some(peak);
            }
            let outcome = grade(&strong);
            let advice = guidance(&outcome);
            if outcome.strongest_bothered().is_some_and(|p| p >= 8) {
                prop_assert!(advice.iter().all(|a| !a.is_exercise()), "{:?}", advice);
            }
            prop_assert!(outcome.legs.iter().all(|l| l.reference || l.peak.is_none_or(|p| p >= 8)));
        }

        /// Both legs bothered: never a side-to-side claim, never "alike".
        #[test]
        fn both_legs_bothered_never_claims_a_side_difference(check in any_check()) {
            let mut both = check.clone();
            both.both_bothered = true;
            both.bothered = None;
            for record in &mut both.legs {
                record.reference = false;
            }
            let outcome = grade(&both);
            prop_assert_ne!(outcome.tier, Tier::NormalResponse);
            for reason in &outcome.reasons {
                let compares = matches!(
                    reason,
                    Reason::StrongerAtStep { .. }
                        | Reason::OnlyThisLegAtStep { .. }
                        | Reason::StrongerThanOtherLeg { .. }
                        | Reason::OnlyThisLeg(_)
                        | Reason::SameOnBothLegs
                        | Reason::LegsRespondedDifferently
                        | Reason::NerveWordsNotOnOtherLeg(..)
                        | Reason::OtherLegShowed { .. }
                        | Reason::NoReferenceLeg
                );
                prop_assert!(!compares, "{:?}", outcome.reasons);
            }
            if outcome.tier.safety_rank() == 0 && !both.legs.is_empty() {
                prop_assert!(outcome.reasons.contains(&Reason::BothLegsBothered));
            }
        }

        /// No reason says that nothing changed on a leg where something did.
        #[test]
        fn reasons_never_say_nothing_changed_when_something_did(check in any_check()) {
            let outcome = grade(&check);
            for leg in [Leg::Left, Leg::Right] {
                let Some(record) = check.leg(leg) else { continue };
                let changed = |id: StepId| record.change(id).is_some_and(|c| c != Change::NoChange);
                let slump = [StepId::A3, StepId::A4, StepId::A5, StepId::A6].into_iter().any(changed);
                if slump {
                    prop_assert!(!outcome.reasons.contains(&Reason::NoChangeInSlump(leg)));
                }
                if changed(StepId::B3) {
                    prop_assert!(!outcome.reasons.contains(&Reason::NoChangeToesUpStanding(leg)));
                }
                if slump || changed(StepId::B3) {
                    prop_assert!(!outcome.reasons.contains(&Reason::NoDifferentiation(leg)));
                }
            }
        }

        /// The both-legs question re-asked at the result: yes is Emergency.
        #[test]
        fn yes_to_the_re_asked_question_is_an_emergency(check in any_check()) {
            let before = grade(&check).tier.safety_rank();
            let mut yes = check.clone();
            yes.both_legs_again = Some(true);
            let after = grade(&yes);
            prop_assert_eq!(after.tier, Tier::Emergency);
            prop_assert!(after.tier.safety_rank() >= before);
            prop_assert!(after.reasons.contains(&Reason::BothLegsInDailyLife));
        }
    }
}
