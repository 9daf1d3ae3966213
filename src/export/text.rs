//! A session as plain text, as `tension-check show` prints it: every answer per leg
//! and step (from the one answers renderer, [`super::answers`]), the safety answers,
//! the stored result beside the result of the current rules, the reasons, the advice
//! and the note.

use std::fmt::Write as _;

use crate::core::protocol::Ask;
use crate::core::{Check, Outcome, TestKind, grade, wording};
use crate::export::answers::{self, Answered};
use crate::export::report::flag_lines;
use crate::export::words::{self, yes_no};
use crate::store::Session;

/// One answer as "heading: value" in the renderer's column order, such as
/// "where: Back of thigh, Upper calf"; an intensity reads "intensity 6", and the two
/// warning questions say in full what was asked.
fn pair(answer: &Answered) -> String {
    let cell = answer.cell();
    match answer.ask {
        Ask::Intensity => format!("intensity {cell}"),
        Ask::SharpPain => format!("sharp pain increased: {cell}"),
        Ask::Spread => format!("spread below the knee: {cell}"),
        _ => format!("{}: {cell}", answer.heading().to_lowercase()),
    }
}

fn outcome_line(outcome: &Outcome) -> String {
    match outcome.strength {
        Some(s) => {
            format!("{} ({})", wording::tier_label(outcome.tier), wording::strength_short(s))
        }
        None => wording::tier_label(outcome.tier).to_string(),
    }
}

/// A session in plain text: every answer per leg and step, the safety answers, the
/// stored result beside the result of the current rules (with a clear line when
/// they differ), the reasons, the advice and the note.
pub fn session_text(session: &Session, note: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Session   {}", session.id);
    let _ = writeln!(out, "Started   {}", words::date_time(session.started_at));
    let _ = writeln!(out, "Finished  {}", words::date_time(session.finished_at));
    let _ = writeln!(out, "Saved by  {} {}", wording::APP_NAME, session.app_version);
    let _ = writeln!(out);
    safety(&mut out, &session.check);
    legs(&mut out, &session.check);
    result(&mut out, &session.outcome, &grade(&session.check));
    let _ = writeln!(out, "\nWhat to do next");
    for step in wording::next_steps(&session.outcome) {
        let _ = writeln!(out, "  - {step}");
    }
    let _ = writeln!(out, "  {}", wording::when_to_see_pt(session.outcome.tier));
    let _ = writeln!(out, "\nEvery result");
    for line in wording::every_result() {
        let _ = writeln!(out, "  - {line}");
    }

    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "\nNote");
        for line in note.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The safety answers, the suspected strain and the leg that bothers.
fn safety(out: &mut String, check: &Check) {
    let flags = flag_lines(check);
    let raised = flags.iter().filter(|line| line.yes).count();
    let _ = writeln!(out, "Safety questions ({raised} of {} answered yes)", flags.len());
    for line in &flags {
        let answer = if line.yes { "YES" } else { "No" };
        let _ = writeln!(out, "  {answer:<4} {}", line.text);
    }
    if let Some(injury) = check.injury {
        let _ = writeln!(out, "Suspected hamstring strain: {}", yes_no(injury));
    }
    if let Some(leg) = check.bothered {
        let _ = writeln!(out, "Leg that bothers: {}", wording::leg(leg));
    }
}

/// Every answer per leg, test and step, and where the check was stopped.
fn legs(out: &mut String, check: &Check) {
    for record in &check.legs {
        let _ =
            writeln!(out, "\n{} ({})", wording::leg(record.leg), words::leg_role(record.reference));
        for test in [TestKind::Slump, TestKind::HamstringStretch] {
            let steps: Vec<_> =
                test.steps().filter_map(|id| record.step(id).map(|a| (id, a))).collect();
            if steps.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", wording::test_name(test));
            for (id, a) in steps {
                let parts: Vec<String> = answers::answered(a).iter().map(pair).collect();
                let detail = if parts.is_empty() {
                    String::new()
                } else {
                    format!(": {}", parts.join("; "))
                };
                let _ = writeln!(out, "    {}{detail}", words::step_short(id));
            }
        }
    }
    if let Some(card) = check.stopped_at {
        let _ = writeln!(out, "\nThe check was stopped {}.", wording::card_phrase(card));
    }
}

/// The stored result beside the result of the current rules, and the reasons of
/// each (those of the current rules only when they differ).
fn result(out: &mut String, stored: &Outcome, current: &Outcome) {
    let _ = writeln!(out, "\nResult");
    let _ = writeln!(
        out,
        "  Stored (rules version {}):          {}",
        stored.rules_version,
        outcome_line(stored)
    );
    let _ = writeln!(
        out,
        "  By the current rules (version {}):  {}",
        current.rules_version,
        outcome_line(current)
    );
    let differs = current.tier != stored.tier || current.strength != stored.strength;
    if differs {
        let _ = writeln!(
            out,
            "  DIFFERENT: the current rules give \"{}\", not \"{}\" as shown at the time.",
            outcome_line(current),
            outcome_line(stored)
        );
    } else if current.reasons != stored.reasons {
        let _ = writeln!(out, "  Same result by the current rules, with different reasons.");
    } else {
        let _ = writeln!(out, "  Same result by the current rules.");
    }
    let _ = writeln!(out, "  {}", wording::tier_summary(stored.tier));
    if let Some(s) = stored.strength {
        let _ = writeln!(out, "  {}", wording::strength(s));
    }
    reasons(out, "Why (stored result)", stored);
    if differs || current.reasons != stored.reasons {
        reasons(out, "Why (current rules)", current);
    }
}

/// The reasons of `outcome` under `heading`, if it has any.
fn reasons(out: &mut String, heading: &str, outcome: &Outcome) {
    if !outcome.reasons.is_empty() {
        let _ = writeln!(out, "\n{heading}");
        for reason in &outcome.reasons {
            let _ = writeln!(out, "  - {}", wording::reason(reason));
        }
    }
}
