//! Sessions to test with: fixed times, a full two-leg check, sessions built from a
//! check (graded by the current rules), and the committed format samples.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use tension_check::core::protocol::plan;
use tension_check::core::{
    Change, Check, Familiar, Leg, Quality, RedFlag, Region, StepAnswer, StepId, grade,
};
use tension_check::store::{Session, SessionId};

/// A fixed time, such as `"2026-11-26T14:35:12+01:00"`.
pub(crate) fn time(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid test time")
}

/// A session of `check`, graded by the current rules, started at `started`, with a
/// fresh id.
pub(crate) fn graded(check: Check, started: DateTime<FixedOffset>) -> Session {
    let outcome = grade(&check);
    Session::new(check, outcome, started)
}

/// A session of `check` with this id and start time, graded by the current rules.
pub(crate) fn session(id: &str, started: &str, check: Check) -> Session {
    let mut session = graded(check, time(started));
    session.id = SessionId::parse(id).expect("valid test id");
    session
}

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

/// The two-leg check as a session with a known id and start time.
pub(crate) fn session_with_id(id: &str, started: &str) -> Session {
    session(id, started, two_leg_check())
}

/// The two-leg check as a session with a fresh random id, started at a fixed time.
pub(crate) fn fresh_session() -> Session {
    graded(two_leg_check(), time("2026-11-26T14:35:12+01:00"))
}

/// A full check on `bothered`, with the other leg as reference when `reference`
/// has ratings. Ratings are (A2, B2) intensities.
pub(crate) fn check_with(bothered: Leg, rating: (u8, u8), reference: Option<(u8, u8)>) -> Check {
    let mut check = Check::new();
    for flag in RedFlag::ALL {
        check.red_flags.insert(flag, false);
    }
    check.injury = Some(false);
    check.bothered = Some(bothered);
    for card in plan(bothered, reference.is_some(), false) {
        let is_bothered = card.leg == bothered;
        let (a2, b2) = if is_bothered { rating } else { reference.unwrap_or((0, 0)) };
        let answer = StepAnswer {
            intensity: Some(if card.step == StepId::A2 { a2 } else { b2 }),
            regions: [Region::BackOfThigh].into(),
            qualities: [Quality::StretchOrPull].into(),
            familiar: Some(if is_bothered { Familiar::Yes } else { Familiar::No }),
            change: Some(Change::NoChange),
            sharp_pain: Some(false),
            spread: Some(false),
        };
        check.record(card, answer);
    }
    check
}

/// A session on the right leg only with these (A2, B2) ratings.
pub(crate) fn rated(id: &str, started: &str, a2: u8, b2: u8) -> Session {
    session(id, started, check_with(Leg::Right, (a2, b2), None))
}

/// The folder of the committed format samples of version 1, whose dates never change.
pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1")
}

/// The bytes of a version-1 sample by file name, such as "full_two_leg.ron".
pub(crate) fn fixture_bytes(name: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join(name)).expect("fixture")
}

/// A version-1 sample session by file stem, such as "full_two_leg".
pub(crate) fn fixture(name: &str) -> Session {
    let text = fs::read_to_string(fixtures_dir().join(format!("{name}.ron")))
        .expect("fixture is readable");
    Session::from_ron(&text).expect("fixture parses")
}

/// The version-1 samples that parse as sessions of today.
pub(crate) fn fixtures() -> Vec<Session> {
    ["full_two_leg", "red_flag_only", "stopped_one_leg", "unknown_fields"]
        .iter()
        .map(|n| fixture(n))
        .collect()
}

/// The paths of every version-1 sample file, sorted.
pub(crate) fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// A data folder holding the version-1 samples, whose dates never change.
pub(crate) fn sample_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    fs::create_dir_all(&sessions).expect("sessions folder");
    for entry in fs::read_dir(fixtures_dir()).expect("samples").flatten() {
        fs::copy(entry.path(), sessions.join(entry.file_name())).expect("copy");
    }
    dir
}
