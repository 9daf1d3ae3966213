//! The grading rules of the clinical brief, section 5, as a table of named cases.
//! Each case asserts the tier, the strength where the brief grades it, and a reason.

use tension_check_core::answers::{Change::*, Familiar, Quality::*, Region::*};
use tension_check_core::grading::{LegVerdict, RULES_VERSION, stop_card};
use tension_check_core::protocol::Card;
use tension_check_core::{Advice, advice::guidance};
use tension_check_core::{
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
        record.steps.retain(|id, _| id.test() == tension_check_core::TestKind::Slump);
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
    for flag in
        RedFlag::ALL.into_iter().filter(|f| f.severity() == tension_check_core::Severity::Emergency)
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
        RedFlag::ALL.into_iter().filter(|f| f.severity() == tension_check_core::Severity::Urgent)
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
            Reason::SharpPainAt(Card { leg: Right, step: StepId::B2 }),
        ),
        case(
            "B3 spreading below the knee stops the test",
            check(Left, vec![quiet_reference(Right), hamstring_leg(Left, 5).b3(Stronger, true)]),
            StopAndConsult,
            None,
            Reason::SpreadAt(Card { leg: Left, step: StepId::B3 }),
        ),
        case(
            "a stop sign on the reference leg",
            stopped(
                check(Right, vec![quiet_reference(Left).b2(4, &[BackOfThigh], &[Shooting], true)]),
                Card { leg: Left, step: StepId::B2 },
            ),
            StopAndConsult,
            None,
            Reason::SharpPainAt(Card { leg: Left, step: StepId::B2 }),
        ),
        case(
            "a stop sign beats clear nerve signs",
            check(Right, vec![quiet_reference(Left), article_nerve_leg(Right).b3(Stronger, true)]),
            StopAndConsult,
            None,
            Reason::SpreadAt(Card { leg: Right, step: StepId::B3 }),
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
            Reason::StrongerAtStep { leg: Right, step: StepId::A2, this: 6, other: 1 },
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
            Reason::OnlyThisLegAtStep { leg: Right, step: StepId::A2 },
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
            // Rules version 3: a sign in the standing stretch alone is limited.
            NerveTensionLikely,
            Some(Limited),
            Reason::StandingSignOnly(Left),
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
            "muscle signs but A2 felt only in the buttock: unclear, not hamstring",
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
            Unclear,
            None,
            Reason::NotInThigh(Left),
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
            Reason::FamiliarNotSure(Left),
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
    cases.extend(revised_cases());
    cases.extend(third_pass::cases());
    cases
}

#[path = "grading/third_pass.rs"]
mod third_pass;

#[test]
fn grading_table() {
    let cases = cases();
    assert!(cases.len() >= 60, "the table has {} cases", cases.len());
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

/// A leg with only the slump test, stopped after `last` (the cards after it are missing).
fn slump_until(l: Leg, last: StepId) -> L {
    let mut built = leg(l)
        .a2(5, &[BackOfThigh, UpperCalf], &[DullAche], Familiar::Yes)
        .slump(Eased, Stronger, Stronger, Eased);
    built.0.steps.retain(|id, _| *id <= last);
    built
}

/// A single leg with a foot sign (A4), the familiar feeling and a feeling below the
/// knee, rated `intensity` at A2 and B2.
fn foot_sign_leg(l: Leg, intensity: u8) -> L {
    leg(l)
        .a2(intensity, &[BackOfThigh, LowerLegOrFoot], &[DullAche], Familiar::Yes)
        .slump(NoChange, Stronger, NoChange, NoChange)
        .b2(intensity, &[Buttock], &[DullAche], false)
        .b3(NoChange, false)
}

/// A reference leg with a foot sign (A4) and no familiar feeling, rated `a2`/`b2`.
fn reference_with_foot_sign(l: Leg, a2: u8, b2: u8) -> L {
    leg(l)
        .a2(a2, &[BackOfThigh], &[DullAche], Familiar::No)
        .slump(NoChange, Stronger, NoChange, NoChange)
        .b2(b2, &[BackOfThigh], &[DullAche], false)
        .b3(NoChange, false)
}

/// Cases for the revised section 5 and its boundaries.
fn revised_cases() -> Vec<Case> {
    use Strength::*;
    use Tier::*;
    let calf_only = |l: Leg| {
        leg(l)
            .a2(4, &[UpperCalf], &[DullAche], Familiar::Yes)
            .slump(NoChange, NoChange, NoChange, NoChange)
            .b2(3, &[BackOfThigh], &[StretchOrPull], false)
            .b3(NoChange, false)
    };
    vec![
        // Rule 4 first: every step 1 or less, whatever the changes.
        case(
            "all low with nerve-type changes is no notable tension",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(0, &[], &[], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(1, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(1, &[LowerLegOrFoot], &[Tingling], Familiar::Yes)
                        .slump(Eased, Stronger, Stronger, Eased)
                        .b2(1, &[UpperCalf], &[Burning], false)
                        .b3(Stronger, false),
                ],
            ),
            NoNotableTension,
            None,
            Reason::AllLow,
        ),
        case(
            "the leg that bothers decides: low on it, more on the reference",
            check(Right, vec![hamstring_leg(Left, 6), hamstring_leg(Right, 1)]),
            NoNotableTension,
            None,
            Reason::OtherLegShowed { leg: Left, peak: 6, verdict: LegVerdict::Muscle },
        ),
        case(
            "boundary: intensity 1 everywhere on one leg is low",
            check(Left, vec![foot_sign_leg(Left, 1)]),
            NoNotableTension,
            None,
            Reason::AllLow,
        ),
        case(
            "boundary: intensity 2 is no longer low",
            check(Left, vec![foot_sign_leg(Left, 2)]),
            NerveTensionLikely,
            Some(Moderate),
            Reason::FeltBelowKnee(Left),
        ),
        // Rule 5 boundaries: the side difference.
        case(
            "boundary: a side difference of exactly 1 is not a difference",
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
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(4, &[LowerBack], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::NoSupportingSign(Right),
        ),
        case(
            "boundary: a side difference of exactly 2 is a difference",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(3, &[BackOfThigh], &[DullAche], Familiar::No)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(2, &[BackOfThigh], &[DullAche], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(5, &[BackOfThigh], &[DullAche], Familiar::Yes)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(4, &[LowerBack], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::StrongerAtStep { leg: Right, step: StepId::A2, this: 5, other: 3 },
        ),
        // Strength from test A regions only.
        case(
            "a B2 feeling in the thigh does not lift a calf-only foot sign",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[BackOfKnee], &[Tingling], Familiar::Yes)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(4, &[BackOfThigh, Buttock], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Limited),
            Reason::FootSignNearCalfOnly(Right),
        ),
        case(
            "a foot sign felt in the foot in test A is moderate",
            check(
                Right,
                vec![
                    quiet_reference(Left),
                    leg(Right)
                        .a2(5, &[UpperCalf, LowerLegOrFoot], &[DullAche], Familiar::Yes)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(4, &[UpperCalf], &[DullAche], false)
                        .b3(NoChange, false),
                ],
            ),
            NerveTensionLikely,
            Some(Moderate),
            Reason::FeltBelowKnee(Right),
        ),
        // Rule 7: the same signs, within 2 points.
        case(
            "a head sign on one leg and a foot sign on the other are not alike",
            check(
                Right,
                vec![
                    leg(Left)
                        .a2(4, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(NoChange, NoChange, Stronger, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                    leg(Right)
                        .a2(4, &[BackOfThigh], &[StretchOrPull], Familiar::No)
                        .slump(NoChange, Stronger, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            Unclear,
            None,
            Reason::LegsRespondedDifferently,
        ),
        case(
            "boundary: the same signs 2 points apart are alike",
            check(
                Right,
                vec![reference_with_foot_sign(Left, 3, 2), reference_with_foot_sign(Right, 5, 4)],
            ),
            NormalResponse,
            None,
            Reason::SameOnBothLegs,
        ),
        case(
            "boundary: the same signs 3 points apart are not alike",
            check(
                Right,
                vec![reference_with_foot_sign(Left, 2, 2), reference_with_foot_sign(Right, 5, 4)],
            ),
            Unclear,
            None,
            Reason::LegsRespondedDifferently,
        ),
        // Rule 8: the A2 feeling must include the back of the thigh.
        case(
            "a dull ache only in the calf, nothing differentiates: unclear",
            check(Left, vec![calf_only(Left)]),
            Unclear,
            None,
            Reason::NotInThigh(Left),
        ),
        case(
            "familiar feeling only in the calf with a B2 thigh stretch: unclear",
            check(Left, vec![quiet_reference(Right), calf_only(Left)]),
            Unclear,
            None,
            Reason::NotInThigh(Left),
        ),
        case(
            "thigh plus calf in A2, nothing differentiates: hamstring",
            check(
                Left,
                vec![
                    quiet_reference(Right),
                    leg(Left)
                        .a2(4, &[BackOfThigh, UpperCalf], &[DullAche], Familiar::Yes)
                        .slump(NoChange, NoChange, NoChange, NoChange)
                        .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                        .b3(NoChange, false),
                ],
            ),
            HamstringTightnessLikely,
            None,
            Reason::FeltInThigh(Left),
        ),
        case(
            "a suspected strain still needs the thigh in A2",
            strained(check(Left, vec![quiet_reference(Right), calf_only(Left)])),
            Unclear,
            None,
            Reason::SuspectedStrain,
        ),
        // Reasons where there were none.
        case("a check with no legs", Check::new(), Unclear, None, Reason::NoTestsDone),
        case(
            "only the reference leg was tested",
            check(Right, vec![quiet_reference(Left)]),
            Unclear,
            None,
            Reason::OnlyReferenceTested(Left),
        ),
        // Rule 3: a stop pressed at any card of test A or B.
        case(
            "stop at A2",
            stopped(
                check(Right, vec![slump_until(Right, StepId::A2)]),
                Card { leg: Right, step: StepId::A2 },
            ),
            StopAndConsult,
            None,
            Reason::StoppedAt(Card { leg: Right, step: StepId::A2 }),
        ),
        case(
            "stop at A4, with clear nerve signs before it",
            stopped(
                check(Left, vec![slump_until(Left, StepId::A4)]),
                Card { leg: Left, step: StepId::A4 },
            ),
            StopAndConsult,
            None,
            Reason::StoppedAt(Card { leg: Left, step: StepId::A4 }),
        ),
        case(
            "stop at A6 on the reference leg",
            stopped(
                check(Right, vec![slump_until(Left, StepId::A6)]),
                Card { leg: Left, step: StepId::A6 },
            ),
            StopAndConsult,
            None,
            Reason::StoppedAt(Card { leg: Left, step: StepId::A6 }),
        ),
        case(
            "stop pressed at B3 without the spread answer",
            stopped(
                check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)]),
                Card { leg: Right, step: StepId::B3 },
            ),
            StopAndConsult,
            None,
            Reason::StoppedAt(Card { leg: Right, step: StepId::B3 }),
        ),
        case(
            "a stop beats no notable tension",
            stopped(
                check(Right, vec![hamstring_leg(Right, 1)]),
                Card { leg: Right, step: StepId::A5 },
            ),
            StopAndConsult,
            None,
            Reason::StoppedAt(Card { leg: Right, step: StepId::A5 }),
        ),
    ]
}

#[test]
fn full_reason_lists() {
    let nerve = grade(&check(Right, vec![quiet_reference(Left), article_nerve_leg(Right)]));
    assert_eq!(
        nerve.reasons,
        vec![
            Reason::EasedToesDown(Right),
            Reason::StrongerToesBack(Right),
            Reason::StrongerToesUpStanding(Right),
            Reason::FamiliarReproduced(Right),
            Reason::StrongerAtStep { leg: Right, step: StepId::A2, this: 6, other: 1 },
            Reason::StrongerAtStep { leg: Right, step: StepId::B2, this: 5, other: 2 },
            Reason::FeltBelowKnee(Right),
            Reason::NerveWords(Right, vec![Burning]),
        ]
    );

    let hamstring = grade(&check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 6)]));
    assert_eq!(
        hamstring.reasons,
        vec![
            Reason::ThighStretch(Right),
            Reason::NoChangeInSlump(Right),
            Reason::NoChangeToesUpStanding(Right),
            Reason::FeltInThigh(Right),
            Reason::NoDifferentiation(Right),
        ]
    );

    // Unclear: what was found, then what was missing.
    let calf = grade(&check(
        Left,
        vec![
            leg(Left)
                .a2(4, &[UpperCalf], &[DullAche], Familiar::Yes)
                .slump(NoChange, NoChange, NoChange, NoChange)
                .b2(3, &[BackOfThigh], &[StretchOrPull], false)
                .b3(NoChange, false),
        ],
    ));
    assert_eq!(
        calf.reasons,
        vec![
            Reason::FamiliarReproduced(Left),
            Reason::FeltBelowKnee(Left),
            Reason::ThighStretch(Left),
            Reason::NoChangeInSlump(Left),
            Reason::NoChangeToesUpStanding(Left),
            Reason::NoDifferentiation(Left),
            Reason::NotInThigh(Left),
            Reason::MixedSigns(Left),
            Reason::NoReferenceLeg,
        ]
    );

    // A stop on the reference leg, before the leg that bothers was reached.
    let card = Card { leg: Left, step: StepId::A4 };
    let stop = grade(&stopped(check(Right, vec![slump_until(Left, StepId::A4)]), card));
    assert_eq!(stop.reasons, vec![Reason::StoppedAt(card), Reason::OnlyReferenceTested(Left)]);

    let low = grade(&check(Right, vec![hamstring_leg(Left, 6), hamstring_leg(Right, 1)]));
    assert_eq!(
        low.reasons,
        vec![
            Reason::LowOnThisLeg(Right),
            Reason::OtherLegShowed { leg: Left, peak: 6, verdict: LegVerdict::Muscle },
        ]
    );

    // A sign answered and a stop pressed at the same card count once; other signs stay.
    let sharp = stopped(
        check(
            Right,
            vec![
                quiet_reference(Left).b3(NoChange, true),
                hamstring_leg(Right, 5).b2(6, &[BackOfThigh], &[Sharp], true),
            ],
        ),
        Card { leg: Right, step: StepId::B2 },
    );
    assert_eq!(
        grade(&sharp).reasons,
        vec![
            Reason::SharpPainAt(Card { leg: Right, step: StepId::B2 }),
            Reason::SpreadAt(Card { leg: Left, step: StepId::B3 }),
        ]
    );
}

#[test]
fn stop_wording_names_the_step_and_leg() {
    use tension_check_core::wording;
    for (step, words) in [
        (StepId::A2, "when you straightened your knee in the seated test, on your left leg"),
        (StepId::A4, "when you pulled your toes back, on your left leg"),
        (StepId::A6, "when you lifted your head, on your left leg"),
        (StepId::B3, "when you pulled your toes up in the standing stretch, on your left leg"),
    ] {
        let card = Card { leg: Left, step };
        let outcome = grade(&stopped(check(Right, vec![slump_until(Left, StepId::A6)]), card));
        assert_eq!(outcome.tier, Tier::StopAndConsult);
        let text = wording::reason(&outcome.reasons[0]);
        assert!(text.contains(words), "{text}");
        assert!(!text.contains(step.code()), "no step code for a patient: {text}");
        if step.test() == tension_check_core::TestKind::Slump {
            assert!(!text.contains("stretch"), "{text}");
        }
    }
    assert!(!wording::tier_summary(Tier::StopAndConsult).contains("during a stretch"));
}

#[test]
fn a_stopped_leg_shows_as_stopped_never_as_a_pattern() {
    // Hamstring-like answers up to B3, then the stop button.
    let card = Card { leg: Right, step: StepId::B3 };
    let outcome =
        grade(&stopped(check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)]), card));
    assert_eq!(outcome.tier, Tier::StopAndConsult);
    assert_eq!(outcome.legs[1].verdict, LegVerdict::Stopped(StepId::B3));
    assert_eq!(outcome.legs[0].verdict, LegVerdict::Muscle, "the reference leg finished");
}

#[test]
fn after_a_strain_no_stretching_advice_remains() {
    use tension_check_core::wording;
    let outcome =
        grade(&strained(check(Right, vec![quiet_reference(Left), hamstring_leg(Right, 5)])));
    assert_eq!(outcome.tier, Tier::HamstringTightnessLikely);
    let advice = guidance(&outcome);
    assert!(advice.iter().all(|a| !a.is_stretching()), "{advice:?}");
    assert!(advice.contains(&Advice::NoStretchAfterStrain));
    let words = wording::next_steps(&outcome);
    assert!(words.iter().all(|w| !w.contains("hold about 30 seconds")), "{words:?}");
    assert!(!wording::when_to_see_pt(outcome.tier).contains("stretching"));
    assert!(!wording::tier_summary(outcome.tier).contains("the stretch was felt"));
}

#[test]
fn many_leg_records_grade_quickly_and_the_first_of_a_leg_counts() {
    let mut many = check(Right, vec![quiet_reference(Left), article_nerve_leg(Right)]);
    let extra = many.legs.clone();
    for _ in 0..20_000 {
        many.legs.extend(extra.iter().cloned());
    }
    let start = std::time::Instant::now();
    let outcome = grade(&many);
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
    assert_eq!(outcome.tier, Tier::NerveTensionLikely);
    assert_eq!(outcome.legs.len(), many.legs.len());
}

#[path = "grading/strategy.rs"]
mod strategy;

mod properties {
    use super::strategy::{any_card, any_check};
    use proptest::prelude::*;
    use tension_check_core::advice::guidance;
    use tension_check_core::{Advice, Check, RedFlag, Severity, Tier, grade};

    fn rank(check: &Check) -> u8 {
        grade(check).tier.safety_rank()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn a_red_flag_yes_never_lowers_the_tier(
            check in any_check(),
            flag in proptest::sample::select(RedFlag::ALL.to_vec()),
        ) {
            let before = rank(&check);
            let mut raised = check.clone();
            raised.red_flags.insert(flag, true);
            let after = grade(&raised);
            prop_assert!(after.tier.safety_rank() >= before);
            let least = match flag.severity() {
                Severity::Emergency => Tier::Emergency,
                Severity::Urgent => Tier::Urgent,
            };
            prop_assert!(after.tier <= least, "{:?} after a yes to {:?}", after.tier, flag);
        }

        #[test]
        fn a_stop_never_gives_a_non_stop_tier(check in any_check(), card in any_card()) {
            let before = rank(&check);
            let mut stopped = check.clone();
            stopped.stopped_at = Some(card);
            let after = rank(&stopped);
            prop_assert!(after >= 1 && after >= before);
        }

        #[test]
        fn every_result_has_a_reason_and_says_it_is_not_a_diagnosis(check in any_check()) {
            let outcome = grade(&check);
            prop_assert!(!outcome.reasons.is_empty(), "{:?}", outcome);
            prop_assert!(guidance(&outcome).contains(&Advice::NotADiagnosis));
            prop_assert_eq!(outcome.legs.len(), check.legs.len());
        }

        #[test]
        fn after_a_strain_no_result_advises_an_exercise(check in any_check()) {
            let outcome = grade(&check);
            if outcome.suspected_strain {
                let advice = guidance(&outcome);
                prop_assert!(advice.iter().all(|a| !a.is_exercise()), "{:?}", advice);
            }
        }

        #[test]
        fn the_order_of_the_legs_does_not_matter(check in any_check()) {
            let outcome = grade(&check);
            let mut reversed = check.clone();
            reversed.legs.reverse();
            let again = grade(&reversed);
            prop_assert_eq!(outcome.tier, again.tier);
            prop_assert_eq!(outcome.strength, again.strength);
            prop_assert_eq!(&outcome.reasons, &again.reasons);
            let mut legs = outcome.legs.clone();
            legs.reverse();
            prop_assert_eq!(legs, again.legs);
        }
    }
}
