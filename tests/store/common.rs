//! Helpers shared by the store tests: sample sessions, proptest strategies and
//! small file-system checks.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;
use tension_check::core::protocol::plan;
use tension_check::core::{
    Card, Change, Check, Familiar, Leg, LegRecord, Quality, RedFlag, Region, StepAnswer, StepId,
    grade,
};
use tension_check::store::{FORMAT_VERSION, Session, SessionId};

/// A full two-leg check with nerve signs on the right leg.
pub(crate) fn two_leg_check() -> Check {
    let mut check = Check::new();
    for flag in RedFlag::ALL {
        check.red_flags.insert(flag, false);
    }
    check.injury = Some(false);
    check.bothered = Some(Leg::Right);
    for card in plan(Leg::Right, true, false) {
        let bothered = card.leg == Leg::Right;
        let answer = StepAnswer {
            intensity: Some(if bothered { 6 } else { 2 }),
            regions: [Region::BackOfThigh, Region::UpperCalf].into(),
            qualities: [if bothered { Quality::Tingling } else { Quality::StretchOrPull }].into(),
            familiar: Some(if bothered { Familiar::Yes } else { Familiar::No }),
            change: Some(match (card.step, bothered) {
                (StepId::A5, true) => Change::Stronger,
                _ => Change::NoChange,
            }),
            sharp_pain: Some(false),
            spread: Some(false),
        };
        check.record(card, answer);
    }
    check
}

/// A fixed time with a non-UTC offset.
pub(crate) fn time(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid test time")
}

/// A session with a known id and times.
pub(crate) fn session_with_id(id: &str, started: &str) -> Session {
    let check = two_leg_check();
    let outcome = grade(&check);
    let mut session = Session::new(check, outcome, time(started));
    session.id = SessionId::parse(id).expect("valid test id");
    session
}

/// A fresh session with a random id, started at a fixed time.
pub(crate) fn fresh_session() -> Session {
    let check = two_leg_check();
    let outcome = grade(&check);
    Session::new(check, outcome, time("2026-11-26T14:35:12+01:00"))
}

/// The names of the temp files left in a folder.
pub(crate) fn temp_files(dir: &Path) -> Vec<String> {
    file_names(dir).into_iter().filter(|n| n.starts_with(".tmp-")).collect()
}

/// The sorted names of the files in a folder.
pub(crate) fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under `dir` with its bytes, keyed by its path relative to `dir`.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("readable folder") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path.is_dir() {
            for (sub, bytes) in snapshot(&path) {
                out.insert(PathBuf::from(entry.file_name()).join(sub), bytes);
            }
        } else {
            out.insert(PathBuf::from(entry.file_name()), fs::read(&path).expect("readable"));
        }
    }
    out
}

/// The files of the sample sessions in tests/fixtures/sessions/v1.
pub(crate) fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

// Proptest strategies.

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
pub(crate) fn session() -> impl Strategy<Value = Session> {
    (check(), session_id(), date_time(), date_time(), "\\PC{0,12}|.{0,12}", 0..=FORMAT_VERSION)
        .prop_map(|(check, id, started_at, finished_at, app_version, format_version)| {
            let outcome = grade(&check);
            Session { format_version, app_version, id, started_at, finished_at, check, outcome }
        })
}

/// Equality that also compares the offsets of the times (DateTime's `==` compares
/// only the instants).
pub(crate) fn assert_same(a: &Session, b: &Session) {
    assert_eq!(a, b);
    assert_eq!(a.started_at.offset(), b.started_at.offset());
    assert_eq!(a.finished_at.offset(), b.finished_at.offset());
    assert_eq!(a.started_at.to_rfc3339(), b.started_at.to_rfc3339());
    assert_eq!(a.finished_at.to_rfc3339(), b.finished_at.to_rfc3339());
}
