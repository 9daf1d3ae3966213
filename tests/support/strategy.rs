//! The proptest strategies of saved sessions: any leg, step, answer, check, time, id
//! and session the format can hold (also ones the app would never record), for the
//! round trips through the store.

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;
use tension_check::core::{
    Card, Change, Check, Familiar, Leg, LegRecord, Quality, RedFlag, Region, StepAnswer, StepId,
    grade,
};
use tension_check::store::{FORMAT_VERSION, Session, SessionId};

pub(crate) fn leg() -> impl Strategy<Value = Leg> {
    prop_oneof![Just(Leg::Left), Just(Leg::Right)]
}

pub(crate) fn region() -> impl Strategy<Value = Region> {
    proptest::sample::select(Region::ALL.to_vec())
}

pub(crate) fn quality() -> impl Strategy<Value = Quality> {
    proptest::sample::select(Quality::ALL.to_vec())
}

pub(crate) fn step_id() -> impl Strategy<Value = StepId> {
    proptest::sample::select(StepId::ALL.to_vec())
}

pub(crate) fn red_flag() -> impl Strategy<Value = RedFlag> {
    proptest::sample::select(RedFlag::ALL.to_vec())
}

pub(crate) fn familiar() -> impl Strategy<Value = Familiar> {
    prop_oneof![Just(Familiar::Yes), Just(Familiar::No), Just(Familiar::NotSure)]
}

pub(crate) fn change() -> impl Strategy<Value = Change> {
    prop_oneof![Just(Change::Eased), Just(Change::NoChange), Just(Change::Stronger)]
}

pub(crate) fn step_answer() -> impl Strategy<Value = StepAnswer> {
    (
        proptest::option::of(0u8..=10),
        btree_set(region(), 0..4),
        btree_set(quality(), 0..4),
        proptest::option::of(familiar()),
        proptest::option::of(change()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(intensity, regions, qualities, familiar, change, sharp_pain, spread)| {
            StepAnswer { intensity, regions, qualities, familiar, change, sharp_pain, spread }
        })
}

pub(crate) fn leg_record() -> impl Strategy<Value = LegRecord> {
    (leg(), any::<bool>(), btree_map(step_id(), step_answer(), 0..=9))
        .prop_map(|(leg, reference, steps)| LegRecord { leg, reference, steps })
}

pub(crate) fn check() -> impl Strategy<Value = Check> {
    (
        btree_map(red_flag(), any::<bool>(), 0..=11),
        proptest::option::of(any::<bool>()),
        proptest::option::of(leg()),
        vec(leg_record(), 0..=2),
        proptest::option::of((leg(), step_id()).prop_map(|(leg, step)| Card { leg, step })),
    )
        .prop_map(|(red_flags, injury, bothered, mut legs, stopped_at)| {
            // A check records each leg at most once.
            if legs.len() == 2 && legs[0].leg == legs[1].leg {
                legs.pop();
            }
            Check { red_flags, injury, bothered, legs, stopped_at, ..Check::new() }
        })
}

/// A time between 1990 and 2100 with any nanosecond and an offset of whole minutes
/// within ±14 hours.
pub(crate) fn date_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (631_152_000i64..4_102_444_800, 0u32..1_000_000_000, -(14 * 60)..=(14 * 60)).prop_map(
        |(secs, nanos, offset_minutes)| {
            let offset = FixedOffset::east_opt(offset_minutes * 60).expect("offset in range");
            offset.timestamp_opt(secs, nanos).single().expect("valid time")
        },
    )
}

pub(crate) fn session_id() -> impl Strategy<Value = SessionId> {
    "[A-Za-z0-9_-]{1,64}".prop_map(|text| SessionId::parse(&text).expect("valid id"))
}

/// Any session: a random check graded by the real rules, any times and id, and any
/// app version text (to exercise string escaping).
pub(crate) fn any_session() -> impl Strategy<Value = Session> {
    (check(), session_id(), date_time(), date_time(), "\\PC{0,12}|.{0,12}", 0..=FORMAT_VERSION)
        .prop_map(|(check, id, started_at, finished_at, app_version, format_version)| {
            let outcome = grade(&check);
            Session { format_version, app_version, id, started_at, finished_at, check, outcome }
        })
}
