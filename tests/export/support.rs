//! Helpers shared by the export and command-line tests: fixture sessions and a
//! builder for sessions with chosen ratings.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use tension_check::core::protocol::plan;
use tension_check::core::{
    Change, Check, Familiar, Leg, Quality, RedFlag, Region, StepAnswer, StepId, grade,
};
use tension_check::store::{Session, SessionId};

/// The folder of v1 fixture sessions.
pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1")
}

/// A fixture session by file stem, such as "full_two_leg".
pub(crate) fn fixture(name: &str) -> Session {
    let path = fixtures_dir().join(format!("{name}.ron"));
    let text = fs::read_to_string(&path).expect("fixture is readable");
    Session::from_ron(&text).expect("fixture parses")
}

/// Every fixture session.
pub(crate) fn fixtures() -> Vec<Session> {
    ["full_two_leg", "red_flag_only", "stopped_one_leg", "unknown_fields"]
        .iter()
        .map(|n| fixture(n))
        .collect()
}

/// A fixed time.
pub(crate) fn time(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid test time")
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

/// A session with this id and start time, graded by the current rules.
pub(crate) fn session(id: &str, started: &str, check: Check) -> Session {
    let outcome = grade(&check);
    let mut session = Session::new(check, outcome, time(started));
    session.id = SessionId::parse(id).expect("valid test id");
    session
}

/// A session on the right leg only with these (A2, B2) ratings.
pub(crate) fn rated(id: &str, started: &str, a2: u8, b2: u8) -> Session {
    session(id, started, check_with(Leg::Right, (a2, b2), None))
}
