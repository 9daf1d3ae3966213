//! What the clinician report says, whatever its format: the order of sessions, the
//! period, and each session's lines and answer rows. The HTML and PDF reports
//! only lay these out.

use super::Entry;
use super::answers::{self, Answered};
use super::words::{self, capitalized};
use crate::core::{Check, LegRecord, Outcome, RedFlag, Severity, StepId, TestKind, grade, wording};
use crate::store::Session;

/// The sessions newest first (ties by id, so the order is stable).
pub fn newest_first<'a>(entries: &[Entry<'a>]) -> Vec<Entry<'a>> {
    let mut sorted = entries.to_vec();
    sorted.sort_by(|a, b| {
        b.session
            .started_at
            .cmp(&a.session.started_at)
            .then_with(|| b.session.id.cmp(&a.session.id))
    });
    sorted
}

/// The days the sessions span, such as "3 Mar 2026 to 28 Apr 2026", from a list
/// sorted newest first.
pub fn period(newest_first: &[Entry<'_>]) -> String {
    match (newest_first.last(), newest_first.first()) {
        (Some(oldest), Some(newest)) => {
            let (from, to) =
                (oldest.session.started_at.date_naive(), newest.session.started_at.date_naive());
            if from == to {
                words::date(from)
            } else {
                format!("{} to {}", words::date(from), words::date(to))
            }
        }
        _ => "No sessions".to_string(),
    }
}

/// "Right leg (the leg that bothers), Left leg (reference leg)", or "No leg tested".
pub fn legs_line(session: &Session) -> String {
    let legs: Vec<String> = session
        .check
        .legs
        .iter()
        .map(|r| format!("{} ({})", wording::leg(r.leg), words::leg_role(r.reference)))
        .collect();
    if legs.is_empty() { "No leg tested".to_string() } else { legs.join(", ") }
}

/// One safety question as answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagLine {
    /// Whether the person answered yes.
    pub yes: bool,
    /// The question in short, capitalised.
    pub text: String,
    /// For a yes, what it calls for ("needs emergency care", "needs a doctor today").
    pub severity: Option<&'static str>,
}

/// The safety questions that were answered, in the app's order.
pub fn flag_lines(check: &Check) -> Vec<FlagLine> {
    let again = check.both_legs_again.map(|yes| FlagLine {
        yes,
        text: capitalized(wording::BOTH_LEGS_AGAIN_SHORT),
        severity: yes.then_some("needs emergency care"),
    });
    RedFlag::LISTED
        .into_iter()
        .filter_map(|flag| {
            let yes = *check.red_flags.get(&flag)?;
            Some(FlagLine {
                yes,
                text: capitalized(wording::red_flag_short(flag)),
                severity: yes.then_some(match flag.severity() {
                    Severity::Emergency => "needs emergency care",
                    Severity::Urgent => "needs a doctor today",
                }),
            })
        })
        .chain(again)
        .collect()
}

/// "2 of 11 questions answered yes.", or that none were answered.
pub fn flags_summary(lines: &[FlagLine]) -> String {
    if lines.is_empty() {
        "No safety questions were answered.".to_string()
    } else {
        let raised = lines.iter().filter(|l| l.yes).count();
        format!("{raised} of {} questions answered yes.", lines.len())
    }
}

/// The injury question, as asked before test B.
pub const STRAIN_QUESTION: &str =
    "Suspected hamstring strain (sudden onset with a pop, bruising or a tender spot)";

/// What the current rules give, when it differs from the stored result: its first
/// sentence (before the tier) and the second, after it.
pub fn regrade_sentences(current_rules: u32, stored_rules: u32) -> (String, String) {
    (
        format!(
            "Graded again with the current rules (version {current_rules}), these answers give:"
        ),
        format!("The result above is the one the person was shown (rules version {stored_rules})."),
    )
}

/// The result the current rules give, when it differs from the stored one.
pub fn regraded(session: &Session) -> Option<Outcome> {
    let current = grade(&session.check);
    (current.tier != session.outcome.tier || current.strength != session.outcome.strength)
        .then_some(current)
}

/// "The check was stopped at step B2 (lean forward, left leg).", if it was.
pub fn stopped_line(check: &Check) -> Option<String> {
    check.stopped_at.map(|card| {
        format!(
            "The check was stopped at step {} ({}, {}).",
            card.step.code(),
            words::step_short(card.step).to_lowercase(),
            wording::leg_lower(card.leg)
        )
    })
}

/// The session's id, finish time and versions, for the record.
pub fn ids_line(session: &Session) -> String {
    format!(
        "Session {} · finished {} · app version {} · rules version {}",
        session.id.as_str(),
        words::date_time(session.finished_at),
        session.app_version,
        session.outcome.rules_version
    )
}

/// The column headings of a leg's answer table: the step, its movement, then one
/// column per question ([`answers::ASKS`]).
pub const ANSWER_COLUMNS: [&str; 9] = {
    let mut columns = ["Step", "Movement", "", "", "", "", "", "", ""];
    let mut i = 0;
    while i < answers::ASKS.len() {
        columns[i + 2] = answers::heading(answers::ASKS[i]);
        i += 1;
    }
    columns
};

/// One step's answers as table cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The step.
    pub step: StepId,
    /// Its movement in short.
    pub movement: &'static str,
    /// One cell per question, in [`answers::ASKS`] order; `None` where nothing was
    /// asked or answered.
    pub cells: [Option<Answered>; 7],
}

/// A leg's answers, test by test: the test and its rows, tests without answers left out.
pub fn answer_rows(record: &LegRecord) -> Vec<(TestKind, Vec<AnswerRow>)> {
    [TestKind::Slump, TestKind::HamstringStretch]
        .into_iter()
        .filter_map(|test| {
            let rows: Vec<AnswerRow> = test
                .steps()
                .filter_map(|step| {
                    let answer = record.step(step)?;
                    Some(AnswerRow {
                        step,
                        movement: words::step_short(step),
                        cells: answers::cells(answer),
                    })
                })
                .collect();
            (!rows.is_empty()).then_some((test, rows))
        })
        .collect()
}
