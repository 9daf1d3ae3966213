//! Every answer as CSV (RFC 4180), one row per session, leg and step.

use super::Entry;
use super::answers::cells;
use super::words::yes_no;
use crate::core::{LegRecord, StepAnswer, StepId, wording};
use crate::store::Session;

/// The column names, in order.
pub const COLUMNS: [&str; 17] = [
    "session_id",
    "started_at",
    "tier",
    "strength",
    "rules_version",
    "leg",
    "reference",
    "step",
    "intensity",
    "regions",
    "qualities",
    "familiar",
    "change",
    "sharp_pain",
    "spread",
    "advice",
    "note",
];

/// A field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a
/// comma, a quote or a line break (or starts or ends with a space).
pub fn field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// Free text (a person's note) made inert for spreadsheets: a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would run as a formula in Excel, LibreOffice
/// or Sheets, so it gets a leading `'`, which they show as text (OWASP's advice on CSV
/// injection). Other text is unchanged.
pub fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> String) -> String {
    value.map(f).unwrap_or_default()
}

fn session_fields(session: &Session) -> [String; 5] {
    let outcome = &session.outcome;
    [
        session.id.to_string(),
        session.started_at.to_rfc3339(),
        wording::tier_label(outcome.tier).to_string(),
        opt(outcome.strength, |s| wording::strength_short(s).to_string()),
        outcome.rules_version.to_string(),
    ]
}

fn step_fields(record: &LegRecord, step: StepId, answer: &StepAnswer) -> Vec<String> {
    let mut fields = vec![
        wording::leg(record.leg).to_string(),
        yes_no(record.reference).to_string(),
        step.code().to_string(),
    ];
    fields.extend(cells(answer).iter().map(|a| opt(a.as_ref(), |a| a.joined(";"))));
    fields
}

/// The stored result's guidance in one field: its own advice, then the three lines
/// every result shows, joined by " | ".
fn advice_field(session: &Session) -> String {
    let outcome = &session.outcome;
    let mut lines = wording::next_steps(outcome);
    lines.extend(wording::every_result());
    lines.join(" | ")
}

/// The sessions as CSV: a header row, then one row per session, leg and step (legs
/// in the order tested, steps in protocol order). A session with no leg tested,
/// such as one that ended at the safety questions, gets one row with the leg and
/// step columns empty. Lines end with CRLF; the note is repeated on each row of
/// its session.
pub fn sessions_csv(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    push_row(&mut out, &COLUMNS.map(String::from));
    for entry in entries {
        let session = entry.session;
        let head = session_fields(session);
        let note = inert(entry.note.unwrap_or_default());
        let advice = advice_field(session);
        let mut wrote = false;
        for record in &session.check.legs {
            for step in StepId::ALL {
                let Some(answer) = record.step(step) else { continue };
                let mut row: Vec<String> = head.to_vec();
                row.extend(step_fields(record, step, answer));
                row.push(advice.clone());
                row.push(note.clone());
                push_row(&mut out, &row);
                wrote = true;
            }
        }
        if !wrote {
            let mut row: Vec<String> = head.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 10));
            row.push(advice);
            row.push(note);
            push_row(&mut out, &row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn notes_cannot_run_as_formulas() {
        assert_eq!(inert("=1+1"), "'=1+1");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("-2"), "'-2");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("felt better, =not a formula"), "felt better, =not a formula");
        assert_eq!(inert(""), "");
    }
}
