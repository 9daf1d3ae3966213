//! The grading rules of the clinical brief, section 5, as a table of named cases.
//! Each case asserts the tier, the strength where the brief grades it, and a reason.

use tension_check::core::answers::{Change::*, Familiar, Quality::*, Region::*};
use tension_check::core::grading::{LegVerdict, RULES_VERSION, stop_card};
use tension_check::core::protocol::Card;
use tension_check::core::{
    Change, Check, Leg, LegRecord, Quality, Reason, RedFlag, Region, StepAnswer, StepId, Strength,
    Tier, grade,
};

use Leg::{Left, Right};

/// Builds the answers of one leg.
#[derive(Clone)]
struct L(LegRecord);

fn leg(l: Leg) -> L {
    let mut record = LegRecord { leg: l, reference: false, steps: Default::default() };
    record.steps.insert(StepId::A1, StepAnswer::default());
    L(record)
}

impl L {
    fn a2(
        mut self,
        intensity: u8,
        regions: &[Region],
        qualities: &[Quality],
        familiar: Familiar,
    ) -> Self {
        self.0.steps.insert(
            StepId::A2,
            StepAnswer {
                intensity: Some(intensity),
                regions: regions.iter().copied().collect(),
                qualities: qualities.iter().copied().collect(),
                familiar: Some(familiar),
                ..StepAnswer::default()
            },
        );
        self
    }

    /// A3 (toes down), A4 (toes back), A5 (chin down), A6 (head up).
    fn slump(mut self, a3: Change, a4: Change, a5: Change, a6: Change) -> Self {
        for (id, change) in [(StepId::A3, a3), (StepId::A4, a4), (StepId::A5, a5), (StepId::A6, a6)]
        {
            self.0.steps.insert(id, StepAnswer { change: Some(change), ..StepAnswer::default() });
        }
        self
    }

    fn b2(mut self, intensity: u8, regions: &[Region], qualities: &[Quality], sharp: bool) -> Self {
        self.0.steps.insert(StepId::B1, StepAnswer::default());
        self.0.steps.insert(
            StepId::B2,
            StepAnswer {
                intensity: Some(intensity),
                regions: regions.iter().copied().collect(),
                qualities: qualities.iter().copied().collect(),
                sharp_pain: Some(sharp),
                ..StepAnswer::default()
            },
        );
        self
    }

    fn b3(mut self, change: Change, spread: bool) -> Self {
        self.0.steps.insert(
            StepId::B3,
            StepAnswer { change: Some(change), spread: Some(spread), ..StepAnswer::default() },
        );
        self
    }
}

/// A reference leg that feels an ordinary hamstring stretch and nothing else.
fn quiet_reference(l: Leg) -> L {
    leg(l)
        .a2(1, &[BackOfThigh], &[StretchOrPull], Familiar::No)
        .slump(NoChange, NoChange, NoChange, NoChange)
        .b2(2, &[BackOfThigh], &[StretchOrPull], false)
        .b3(NoChange, false)
}

/// A check with every red flag answered no, no injury, and these legs (reference first).
fn check(bothered: Leg, legs: Vec<L>) -> Check {
    let mut check = Check::new();
    for flag in RedFlag::ALL {
        check.red_flags.insert(flag, false);
    }
    check.injury = Some(false);
    check.bothered = Some(bothered);
    check.legs = legs
        .into_iter()
        .map(|L(mut record)| {
            record.reference = record.leg != bothered;
            record
        })
        .collect();
    check
}

fn with_flags(mut check: Check, flags: &[RedFlag]) -> Check {
    for flag in flags {
        check.red_flags.insert(*flag, true);
    }
    check
}

fn strained(mut check: Check) -> Check {
    check.injury = Some(true);
    for record in &mut check.legs {
        record.steps.retain(|id, _| id.test() == tension_check::core::TestKind::Slump);
    }
    check
}

fn stopped(mut check: Check, card: Card) -> Check {
    check.stopped_at = Some(card);
    check
}

/// The bothered leg of the article's own example: toes down eases, toes back tightens.
fn article_nerve_leg(l: Leg) -> L {
    leg(l)
        .a2(6, &[BackOfKnee, UpperCalf, Buttock], &[Burning, StretchOrPull], Familiar::Yes)
        .slump(Eased, Stronger, NoChange, NoChange)
        .b2(5, &[Buttock], &[Burning], false)
        .b3(Stronger, false)
}

fn hamstring_leg(l: Leg, intensity: u8) -> L {
    leg(l)
        .a2(intensity, &[BackOfThigh], &[StretchOrPull], Familiar::Yes)
        .slump(NoChange, NoChange, NoChange, NoChange)
        .b2(intensity, &[BackOfThigh], &[StretchOrPull], false)
        .b3(NoChange, false)
}

struct Case {
    name: &'static str,
    check: Check,
    tier: Tier,
    strength: Option<Strength>,
    reason: Reason,
}

fn case(
    name: &'static str,
    check: Check,
    tier: Tier,
    strength: Option<Strength>,
    reason: Reason,
) -> Case {
    Case { name, check, tier, strength, reason }
}

fn cases() -> Vec<Case> {
    use Strength::*;
    use Tier::*;
    let nerve_two_legs = || check(Right, vec![quiet_reference(Left), article_nerve_leg(Right)]);
    let mut cases = Vec::new();

    // 1. Emergency red flags, each on its own, override a clear nerve pattern.
    for flag in RedFlag::ALL
        .into_iter()
        .filter(|f| f.severity() == tension_check::core::Severity::Emergency)
    {
        cases.push(case(
            "emergency flag",
            with_flags(nerve_two_legs(), &[flag]),
            Emergency,
            None,
            Reason::RedFlag(flag),
        ));
    }
    // 2. Urgent red flags, each on its own.
    for flag in
        RedFlag::ALL.into_iter().filter(|f| f.severity() == tension_check::core::Severity::Urgent)
    {
        cases.push(case(
            "urgent flag",
            with_flags(nerve_two_legs(), &[flag]),
            Urgent,
            None,
            Reason::RedFlag(flag),
        ));
    }
    cases.extend([
        case(
            "emergency beats urgent",
            with_flags(Check::new(), &[RedFlag::Fever, RedFlag::BladderOrBowel]),
            Emergency,
            None,
            Reason::RedFlag(RedFlag::BladderOrBowel),
        ),
        case(
            "red flag with no tests at all",
            with_flags(Check::new(), &[RedFlag::SaddleNumbness]),
            Emergency,
            None,
            Reason::RedFlag(RedFlag::SaddleNumbness),
        ),
        case(
            "urgent beats a stop sign",
            with_flags(
                check(
                    Right,
                    vec![
                        quiet_reference(Left),
                        leg(Right)
                            .a2(5, &[BackOfThigh], &[Sharp], Familiar::Yes)
                            .slump(NoChange, NoChange, NoChange, NoChange)
                            .b2(7, &[BackOfThigh], &[Sharp], true),
                    ],
                ),
                &[RedFlag::NightPain],
            ),
            Urgent,
            None,
            Reason::RedFlag(RedFlag::NightPain),
        ),
        // 3. Stop and consult.
        case(
            "B2 sharp pain stops the test",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[BackOfThigh], &[StretchOrPull], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(7, &[BackOfThigh], &[Sharp], true),
                ],
            ),
            StopAndConsult,
            None,
            Reason::SharpPainIncreased(Right),
        ),
        case(
            "B3 spreading below the knee stops the test",
            check(Left, vec![quiet_reference(Right), hamstring_leg(Left, 5).b3(Stronger, true)]),
            StopAndConsult,
            None,
            Reason::SpreadBelowKnee(Left),
        ),
        case(
            "a stop sign on the reference leg",
            stopped(
                check(Right, vec![quiet_reference(Left).b2(4, &[BackOfThigh], &[Shooting], true)]),
                Card { leg: Left, step: StepId::B2 },
            ),
            StopAndConsult,
            None,
            Reason::SharpPainIncreased(Left),
        ),
        case(
            "a stop sign beats clear nerve signs",
            check(Right, vec![quiet_reference(Left), article_nerve_leg(Right).b3(Stronger, true)]),
            StopAndConsult,
            None,
            Reason::SpreadBelowKnee(Right),
        ),
        // 4. Nerve tension likely.
        case(
            "toes down only (the article's test)",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[BackOfThigh, BackOfKnee], &[Burning], Familiar::Yes)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::EasedToesDown(Right),
        ),
        case(
            "the article's example: toes down eases, toes back tightens",
            nerve_two_legs(),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerToesBack(Right),
        ),
        case(
            "head sign: chin down makes it stronger",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(6, &[BackOfThigh, Buttock], &[Tingling], Familiar::Yes)
                        .slump(NoChange, NoChange, Stronger, NoChange)
                        .b2(3, &[Buttock], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Strong),
            Reason::StrongerChinDown(Left),
        ),
        case(
            "head sign: head up eases it",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(6, &[LowerLegOrFoot], &[DullAche], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, Eased)
                        .b2(3, &[Buttock], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Strong),
            Reason::EasedHeadUp(Left),
        ),
        case(
            "foot sign felt only behind the knee or upper calf is weaker",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[BackOfKnee, UpperCalf], &[DullAche], Familiar::Yes)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(3, &[UpperCalf], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Limited),
            Reason::FootSignNearCalfOnly(Right),
        ),
        case(
            "a head sign lifts calf-only evidence to strong",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[BackOfKnee, UpperCalf], &[DullAche], Familiar::Yes)
                        .slump(NoChange, Stronger, Stronger, NoChange)
                        .b2(3, &[UpperCalf], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Strong),
            Reason::StrongerChinDown(Right),
        ),
        case(
            "side-to-side difference of two or more points",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(6, &[BackOfThigh], &[DullAche], Familiar::Yes)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(4, &[Buttock], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerThanOtherLeg { leg: Right, this: 6, other: 2 },
        ),
        case(
            "felt only on this leg",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(0, &[], &[], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(0, &[], &[], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(3, &[LowerBack], &[DullAche], Familiar::Yes)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(2, &[LowerBack], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::OnlyThisLeg(Right),
        ),
        case(
            "no reference leg: nerve words still count, and the result says so",
            check(Left, vec![article_nerve_leg(Left)]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::NoReferenceLeg,
        ),
        case(
            "B3 toes up in the stretch as the only differentiation sign",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(5, &[Buttock], &[Tingling], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(4, &[Buttock], &[Tingling], false)
                        .b3(Stronger, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerToesUpStanding(Left),
        ),
        case(
            "nerve words are named in the reasons",
            nerve_two_legs(),
            NerveTensionLikely,
            Some(Moderate),
            Reason::NerveWords(Right, vec![Burning]),
        ),
        // Both.
        case(
            "nerve signs plus a back-of-thigh stretch in B2",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    article_nerve_leg(Right).b2(5, &[BackOfThigh], &[StretchOrPull], false),
                ],
            ),
            Both,
            Some(Moderate),
            Reason::ThighStretch(Right),
        ),
        case(
            "both, with a head sign",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(6, &[BackOfThigh, UpperCalf], &[Tingling, StretchOrPull], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, Eased)
                        .b2(5, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            Both,
            Some(Strong),
            Reason::EasedHeadUp(Left),
        ),
        // Hamstring tightness likely.
        case(
            "classic hamstring: thigh stretch, nothing changes with foot or head",
            check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 6)]),
            HamstringTightnessLikely,
            None,
            Reason::ThighStretch(Right),
        ),
        case(
            "hamstring: the slump changed nothing although tension was present",
            check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 6)]),
            HamstringTightnessLikely,
            None,
            Reason::NoChangeInSlump(Right),
        ),
        case(
            "hamstring without a reference leg says it could not compare",
            check(Left, vec![hamstring_leg(Left, 5)]),
            HamstringTightnessLikely,
            None,
            Reason::NoReferenceLeg,
        ),
        case(
            "hamstring signs but B2 felt in the buttock: B3 no change still counts",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(4, &[Buttock], &[DullAche], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(4, &[Buttock], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            HamstringTightnessLikely,
            None,
            Reason::NoChangeToesUpStanding(Left),
        ),
        // A suspected strain: test B skipped.
        case(
            "suspected strain: stretch skipped, slump unchanged",
            strained(check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)])),
            HamstringTightnessLikely,
            None,
            Reason::SuspectedStrain,
        ),
        case(
            "suspected strain with nerve signs in the slump",
            strained(nerve_two_legs()),
            NerveTensionLikely,
            Some(Moderate),
            Reason::SuspectedStrain,
        ),
        case(
            "suspected strain and nothing felt",
            strained(check(Right, vec![quiet_reference(Left), quiet_reference(Right)])),
            NoNotableTension,
            None,
            Reason::SuspectedStrain,
        ),
        // Normal response.
        case(
            "foot changes on both legs alike, not the familiar feeling",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(4, &[BackOfThigh, BackOfKnee], &[StretchOrPull], Familiar::No)
                        .slump(Eased, Stronger, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(5, &[BackOfThigh, BackOfKnee], &[StretchOrPull], Familiar::No)
                        .slump(Eased, Stronger, NoChange, NoChange)
                        .b2(4, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            NormalResponse,
            None,
            Reason::SameOnBothLegs,
        ),
        case(
            "head up eases on both legs (common in healthy people)",
            check(
                Left,
                vec![
                    leg(Right)
                        .a2(3, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, Eased)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Left)
                        .a2(4, &[BackOfThigh], &[StretchOrPull], Familiar::NotSure)
                        .slump(NoChange, NoChange, NoChange, Eased)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            NormalResponse,
            None,
            Reason::NotFamiliar(Left),
        ),
        // No notable tension.
        case(
            "nothing felt anywhere",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(0, &[], &[], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(0, &[], &[], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(0, &[], &[], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(0, &[], &[], false)
                        .b3(NoChange, false),
                ],
            ),
            NoNotableTension,
            None,
            Reason::AllLow,
        ),
        case(
            "ones at most, even with changes",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(1, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(1, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(1, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(1, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            NoNotableTension,
            None,
            Reason::AllLow,
        ),
        case(
            "nothing felt and no reference leg",
            check(
                Left,
                vec![
                    leg(Left)
                        .a2(0, &[], &[], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(1, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            NoNotableTension,
            None,
            Reason::NoReferenceLeg,
        ),
        // Unclear.
        case(
            "changes without the familiar feeling and no reference leg",
            check(
                Right,
                vec![
                    leg(Right)
                        .a2(4, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(Eased, Stronger, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::NoReferenceLeg,
        ),
        case(
            "familiar and differentiation but nothing that sets it apart",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(4, &[BackOfThigh], &[DullAche], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[DullAche], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(5, &[BackOfThigh], &[DullAche], Familiar::Yes)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(4, &[LowerBack], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::FamiliarReproduced(Right),
        ),
        case(
            "nerve words but no differentiation sign",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(5, &[BackOfThigh], &[Tingling], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(4, &[BackOfThigh], &[StretchOrPull, Tingling], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::NoDifferentiation(Left),
        ),
        case(
            "differentiation on one leg without the familiar feeling",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(6, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::NotFamiliar(Right),
        ),
        case(
            "changes the wrong way round point nowhere",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(4, &[LowerBack], &[DullAche], Familiar::Yes)
                        .slump(Stronger, Eased, Eased, Stronger)
                        .b2(3, &[Buttock], &[DullAche], false)
                        .b3(Eased, false),
                ],
            ),
            Unclear,
            None,
            Reason::MixedSigns(Right),
        ),
        case(
            "changes on both legs, one much stronger, not familiar",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(2, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(2, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(7, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(Eased, NoChange, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::NotFamiliar(Right),
        ),
    ]);
    cases
}

#[test]
fn grading_table() {
    let cases = cases();
    assert!(cases.len() >= 40, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let outcome = grade(&case.check);
        let mut wrong = Vec::new();
        if outcome.tier != case.tier {
            wrong.push(format!("tier {:?}, expected {:?}", outcome.tier, case.tier));
        }
        if outcome.strength != case.strength {
            wrong.push(format!("strength {:?}, expected {:?}", outcome.strength, case.strength));
        }
        if !outcome.reasons.contains(&case.reason) {
            wrong.push(format!("reasons {:?} lack {:?}", outcome.reasons, case.reason));
        }
        if outcome.rules_version != RULES_VERSION {
            wrong.push("rules version not set".to_string());
        }
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", case.name, wrong.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_tier_is_covered_by_the_table() {
    let cases = cases();
    for tier in Tier::ALL {
        assert!(cases.iter().any(|c| c.tier == tier), "no case for {tier:?}");
    }
}

#[test]
fn every_result_has_a_reason() {
    for case in cases() {
        assert!(!grade(&case.check).reasons.is_empty(), "{} has no reasons", case.name);
    }
}

#[test]
fn red_flags_answered_no_do_not_matter() {
    let nerve = check(Right, vec![quiet_reference(Left), article_nerve_leg(Right)]);
    assert_eq!(grade(&nerve).tier, Tier::NerveTensionLikely);
    assert_eq!(nerve.red_flags.len(), RedFlag::ALL.len());
}

#[test]
fn emergency_lists_only_emergency_flags() {
    let outcome = grade(&with_flags(Check::new(), &[RedFlag::Fever, RedFlag::BothLegs]));
    assert_eq!(outcome.reasons, vec![Reason::RedFlag(RedFlag::BothLegs)]);
}

#[test]
fn per_leg_findings_follow_the_legs() {
    let outcome = grade(&check(Right, vec![quiet_reference(Left), article_nerve_leg(Right)]));
    assert_eq!(outcome.legs.len(), 2);
    assert_eq!(outcome.legs[0].leg, Left);
    assert!(outcome.legs[0].reference);
    assert_eq!(outcome.legs[0].verdict, LegVerdict::Muscle);
    assert_eq!(outcome.legs[1].verdict, LegVerdict::NerveLikely(Strength::Moderate));
    assert_eq!(outcome.legs[1].peak, Some(6));
}

#[test]
fn a_stop_on_the_reference_leg_leaves_the_other_untested() {
    let card = Card { leg: Left, step: StepId::B2 };
    let check = stopped(
        check(Right, vec![quiet_reference(Left).b2(4, &[BackOfThigh], &[Shooting], true)]),
        card,
    );
    assert_eq!(stop_card(&check), Some(card));
    let outcome = grade(&check);
    assert_eq!(outcome.legs.len(), 1);
    assert_eq!(outcome.tier, Tier::StopAndConsult);
}

#[test]
fn suspected_strain_is_flagged_on_the_outcome() {
    let outcome =
        grade(&strained(check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)])));
    assert!(outcome.suspected_strain);
    let plain = check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)]);
    assert!(!grade(&plain).suspected_strain);
}
