//! The limits no real session exceeds, checked on every session read
//! ([`Session::validate`](super::Session::validate)): the legs, the intensities and
//! the lengths of lists. Each says what is wrong without quoting the content.

use super::session::{MAX_LEGS, MAX_REASONS};
use crate::core::{Check, MAX_INTENSITY, Outcome, Quality, Reason};

fn intensity_ok(value: Option<u8>, what: &str) -> Result<(), String> {
    match value {
        Some(i) if i > MAX_INTENSITY => {
            Err(format!("{what} is {i}; intensities go from 0 to {MAX_INTENSITY}"))
        }
        _ => Ok(()),
    }
}

/// The answers: at most [`MAX_LEGS`] legs, each once, intensities in range.
pub(super) fn check(check: &Check) -> Result<(), String> {
    if check.legs.len() > MAX_LEGS {
        return Err(format!(
            "it has {} leg records; a session has at most {MAX_LEGS}",
            check.legs.len()
        ));
    }
    for (n, record) in check.legs.iter().enumerate() {
        if check.legs[..n].iter().any(|r| r.leg == record.leg) {
            return Err("the same leg is recorded twice".to_string());
        }
        for answer in record.steps.values() {
            intensity_ok(answer.intensity, "an intensity")?;
        }
    }
    Ok(())
}

/// The stored result: its legs as for the answers, at most [`MAX_REASONS`] reasons.
pub(super) fn outcome(outcome: &Outcome) -> Result<(), String> {
    if outcome.legs.len() > MAX_LEGS {
        return Err(format!(
            "the result has {} leg findings; a session has at most {MAX_LEGS}",
            outcome.legs.len()
        ));
    }
    for (n, finding) in outcome.legs.iter().enumerate() {
        if outcome.legs[..n].iter().any(|f| f.leg == finding.leg) {
            return Err("the result names the same leg twice".to_string());
        }
        intensity_ok(finding.peak, "a peak intensity in the result")?;
    }
    if outcome.reasons.len() > MAX_REASONS {
        return Err(format!(
            "the result gives {} reasons; at most {MAX_REASONS} are accepted",
            outcome.reasons.len()
        ));
    }
    for reason in &outcome.reasons {
        match reason {
            Reason::NerveWords(_, words) if words.len() > Quality::ALL.len() => {
                return Err("a reason lists more words than there are".to_string());
            }
            Reason::StrongerThanOtherLeg { this, other, .. } => {
                intensity_ok(Some(*this), "an intensity in the reasons")?;
                intensity_ok(Some(*other), "an intensity in the reasons")?;
            }
            _ => {}
        }
    }
    Ok(())
}
