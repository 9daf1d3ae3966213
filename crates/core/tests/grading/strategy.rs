//! The one shared strategy of random checks for the grading properties.
//!
//! Any answer may appear at any step, so the grading is tested on inputs the app
//! would never record as well as on real ones. Each leg is recorded at most once,
//! in either order; red flags and stop signs are rare, so most checks reach the
//! weighing of signs.

use proptest::prelude::*;
use tension_check_core::protocol::Card;
use tension_check_core::{
    Change, Check, Familiar, Leg, LegRecord, Quality, RedFlag, Region, StepAnswer, StepId,
};

fn leg() -> impl Strategy<Value = Leg> {
    prop_oneof![Just(Leg::Left), Just(Leg::Right)]
}

fn step_id() -> impl Strategy<Value = StepId> {
    proptest::sample::select(StepId::ALL.to_vec())
}

/// Any card of a check.
pub(crate) fn any_card() -> impl Strategy<Value = Card> {
    (leg(), step_id()).prop_map(|(leg, step)| Card { leg, step })
}

/// A yes/no answer that is mostly missing or no.
fn rare_yes() -> impl Strategy<Value = Option<bool>> {
    prop_oneof![6 => Just(None), 6 => Just(Some(false)), 1 => Just(Some(true))]
}

fn answer() -> impl Strategy<Value = StepAnswer> {
    (
        proptest::option::weighted(0.8, 0u8..=10),
        proptest::sample::subsequence(Region::ALL.to_vec(), 0..=3),
        proptest::sample::subsequence(Quality::ALL.to_vec(), 0..=2),
        proptest::option::of(prop_oneof![
            Just(Familiar::Yes),
            Just(Familiar::No),
            Just(Familiar::NotSure)
        ]),
        proptest::option::weighted(
            0.8,
            prop_oneof![Just(Change::Eased), Just(Change::NoChange), Just(Change::Stronger)],
        ),
        rare_yes(),
        rare_yes(),
    )
        .prop_map(|(intensity, regions, qualities, familiar, change, sharp_pain, spread)| {
            StepAnswer {
                intensity,
                regions: regions.into_iter().collect(),
                qualities: qualities.into_iter().collect(),
                familiar,
                change,
                sharp_pain,
                spread,
            }
        })
}

fn record(leg: Leg) -> impl Strategy<Value = LegRecord> {
    (any::<bool>(), proptest::collection::btree_map(step_id(), answer(), 0..=9))
        .prop_map(move |(reference, steps)| LegRecord { leg, reference, steps })
}

/// Zero, one or two leg records, each leg at most once, in either order.
fn records() -> impl Strategy<Value = Vec<LegRecord>> {
    prop_oneof![
        1 => Just(Vec::new()),
        2 => record(Leg::Left).prop_map(|r| vec![r]),
        2 => record(Leg::Right).prop_map(|r| vec![r]),
        5 => (record(Leg::Left), record(Leg::Right), any::<bool>()).prop_map(|(l, r, swap)| {
            if swap { vec![r, l] } else { vec![l, r] }
        }),
    ]
}

/// Any check.
pub(crate) fn any_check() -> impl Strategy<Value = Check> {
    (
        proptest::collection::btree_map(
            proptest::sample::select(RedFlag::ALL.to_vec()),
            proptest::bool::weighted(0.05),
            0..=RedFlag::ALL.len(),
        ),
        proptest::option::of(proptest::bool::weighted(0.2)),
        proptest::option::weighted(0.9, leg()),
        records(),
        proptest::option::weighted(0.1, any_card()),
        proptest::bool::weighted(0.2),
        proptest::option::weighted(0.1, proptest::bool::weighted(0.3)),
    )
        .prop_map(
            |(red_flags, injury, bothered, legs, stopped_at, both_bothered, both_legs_again)| {
                let mut legs = legs;
                if both_bothered {
                    // The set-up said both legs bother: no reference leg.
                    for record in &mut legs {
                        record.reference = false;
                    }
                }
                Check {
                    red_flags,
                    injury,
                    // Both legs bothered leaves `bothered` empty; a stray value is
                    // kept too, to test that the flag wins.
                    bothered: if both_bothered {
                        bothered.filter(|_| legs.len() == 1)
                    } else {
                        bothered
                    },
                    both_bothered,
                    legs,
                    stopped_at,
                    both_legs_again,
                }
            },
        )
}
