//! The CSV export: RFC 4180 quoting, one row per session, leg and step.

use crate::support::build::*;
use tension_check::export::Entry;
use tension_check::export::csv::{COLUMNS, sessions_csv};

/// A small RFC 4180 parser: quoted fields may hold commas, doubled quotes and line
/// breaks; records end with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a bare quote inside an unquoted field"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR must be followed by LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(field.is_empty() && row.is_empty(), "the last record must end with CRLF");
    rows
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).expect("known column")
}

#[test]
fn a_note_with_comma_quote_and_newline_round_trips() {
    let session = fixture("full_two_leg");
    let note = "Felt \"tight\", then eased,\nwalked 20 min.\r\nSecond line, \"quoted\" \"\"";
    let csv = sessions_csv(&[Entry::with_note(&session, note)]);
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], COLUMNS.to_vec());
    // 2 legs × 9 steps.
    assert_eq!(rows.len(), 1 + 18);
    for row in &rows[1..] {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row[column("note")], note);
        assert_eq!(row[column("session_id")], "20261126T133512Z-9f3a1c2b");
        assert_eq!(row[column("started_at")], "2026-11-26T14:35:12+01:00");
        assert_eq!(row[column("tier")], "Nerve tension likely");
        assert_eq!(row[column("strength")], "Strong evidence");
        assert_eq!(row[column("rules_version")], "1");
    }
}

#[test]
fn rows_follow_legs_and_steps_with_labels() {
    let session = fixture("full_two_leg");
    let rows = parse_csv(&sessions_csv(&[Entry::new(&session)]));
    let a2_right = rows
        .iter()
        .find(|r| r[column("leg")] == "Right leg" && r[column("step")] == "A2")
        .expect("right A2 row");
    assert_eq!(a2_right[column("reference")], "No");
    assert_eq!(a2_right[column("intensity")], "6");
    assert_eq!(a2_right[column("regions")], "Back of thigh;Upper calf");
    assert_eq!(a2_right[column("qualities")], "Tingling");
    assert_eq!(a2_right[column("familiar")], "Yes");
    assert_eq!(a2_right[column("change")], "");
    let steps: Vec<&str> = rows[1..10].iter().map(|r| r[column("step")].as_str()).collect();
    assert_eq!(steps, ["A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3"]);
    assert!(
        rows[1..10]
            .iter()
            .all(|r| r[column("leg")] == "Left leg" && r[column("reference")] == "Yes")
    );
    let b3 = &rows[18];
    assert_eq!((b3[column("step")].as_str(), b3[column("change")].as_str()), ("B3", "No change"));
    assert_eq!(b3[column("spread")], "No");
    assert_eq!(rows[17][column("sharp_pain")], "No");
}

#[test]
fn a_red_flag_only_session_gets_one_row_with_empty_leg_and_step() {
    let sessions = [fixture("red_flag_only"), fixture("stopped_one_leg")];
    let entries: Vec<Entry> = sessions.iter().map(Entry::from).collect();
    let rows = parse_csv(&sessions_csv(&entries));
    assert_eq!(rows.len(), 1 + 1 + 9);
    let flag_row = &rows[1];
    assert_eq!(flag_row[column("tier")], "Emergency");
    assert_eq!(flag_row[column("strength")], "");
    for name in ["leg", "reference", "step", "intensity", "regions", "note"] {
        assert_eq!(flag_row[column(name)], "", "{name}");
    }
    assert_eq!(rows[10][column("spread")], "Yes");
    assert_eq!(rows[10][column("tier")], "Stop and consult");
}

#[test]
fn no_sessions_is_just_the_header() {
    assert_eq!(parse_csv(&sessions_csv(&[])), vec![COLUMNS.to_vec()]);
}

#[test]
fn a_note_that_looks_like_a_formula_is_inert_in_the_csv() {
    let session = fixture("full_two_leg");
    for note in ["=1+1", "+HYPERLINK(\"http://x\")", "-3", "@SUM(A1:A9)"] {
        let csv = sessions_csv(&[Entry::with_note(&session, note)]);
        let rows = parse_csv(&csv);
        for row in &rows[1..] {
            assert_eq!(row[column("note")], format!("'{note}"), "a spreadsheet shows it as text");
        }
    }
}
