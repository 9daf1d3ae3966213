//! The PDF report: a well-formed file whose text a PDF reader can extract, with
//! every session, the disclaimer, the trend and the reasons, over as many A4
//! pages as it needs.

use std::process::Command;

use crate::support::*;
use tension_check::core::{Tier, wording};
use tension_check::export::Entry;
use tension_check::export::pdf::report_pdf;

/// Checks the header, the trailer, and that `startxref` and every entry of the
/// cross-reference table point where they should.
fn check_structure(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-1."), "header");
    let text = String::from_utf8_lossy(pdf);
    assert!(text.trim_end().ends_with("%%EOF"), "trailer");
    let tail = &text[text.rfind("startxref").expect("startxref") + 9..];
    let offset: usize = tail.split_whitespace().next().unwrap().parse().unwrap();
    assert!(pdf[offset..].starts_with(b"xref"), "startxref points at the xref table");
    // Every object the table lists starts where it says.
    let table = String::from_utf8_lossy(&pdf[offset..]).into_owned();
    let mut objects = 0;
    for line in table.lines().skip(2).take_while(|l| !l.starts_with("trailer")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() == 3 && fields[2] == "n" {
            let at: usize = fields[0].parse().unwrap();
            let head = String::from_utf8_lossy(&pdf[at..(at + 24).min(pdf.len())]).into_owned();
            assert!(
                head.split_whitespace().nth(2) == Some("obj"),
                "object at {at} starts with 'N 0 obj'"
            );
            objects += 1;
        }
    }
    assert!(objects > 5, "{objects} objects");
}

fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/Count ").expect("a page tree");
    text[at + 7..].split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
}

/// The text a real reader extracts, when poppler's `pdftotext` is installed (CI
/// installs it; elsewhere the test says it skipped that part).
fn extracted(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).expect("write");
    match Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8(out.stdout).expect("utf-8"))
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("pdftotext is not installed: the reader check was skipped");
            None
        }
        Err(e) => panic!("CI must install poppler-utils (pdftotext): {e}"),
    }
}

#[test]
fn the_report_is_a_well_formed_pdf_with_every_session() {
    let sessions = fixtures();
    let entries: Vec<Entry<'_>> = sessions
        .iter()
        .map(|s| {
            if s.outcome.tier == Tier::NerveTensionLikely {
                Entry::with_note(s, "Sore after (gardening) \\ on Sunday → better now")
            } else {
                Entry::new(s)
            }
        })
        .collect();
    let pdf = report_pdf(&entries, time("2026-12-02T09:00:00+01:00"));
    check_structure(&pdf);
    // The overview, then one page or more per session.
    assert!(page_count(&pdf) > sessions.len(), "{} pages", page_count(&pdf));

    let Some(text) = extracted(&pdf) else { return };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Tension Check: self-check report",
        "Not a diagnosis",
        "Tension over time",
        "Intensity (0–10)",
        "Left leg, slump (A2)",
        "Sessions",
        "SAFETY QUESTIONS",
        // Table headings wrap between words, never inside one.
        "STEP MOVEMENT INTENSITY WHERE FEELS LIKE",
        "PERIOD",
        "WHAT THE APP ADVISED",
        "Sore after (gardening) \\ on Sunday ? better now",
        &format!("Page 1 of {}", page_count(&pdf)),
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{text}");
    }
    for session in &sessions {
        assert!(flat.contains(wording::tier_label(session.outcome.tier)));
        assert!(flat.contains(session.id.as_str()), "session id {}", session.id);
        for reason in &session.outcome.reasons {
            let words = wording::reason(reason).split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&words), "reason {words:?}");
        }
    }
}

#[test]
fn many_sessions_flow_over_pages_and_keep_every_row() {
    let sessions: Vec<_> = (0..40)
        .map(|i| {
            rated(
                &format!("202603{:02}T080000Z-{:08x}", i % 28 + 1, i),
                &format!("2026-03-{:02}T08:00:00+00:00", i % 28 + 1),
                (i % 11) as u8,
                ((i * 3) % 11) as u8,
            )
        })
        .collect();
    let entries: Vec<Entry<'_>> = sessions.iter().map(Entry::new).collect();
    let pdf = report_pdf(&entries, time("2026-04-01T10:00:00+00:00"));
    check_structure(&pdf);
    let pages = page_count(&pdf);
    assert!(pages >= 41, "{pages} pages");
    let Some(text) = extracted(&pdf) else { return };
    assert_eq!(text.matches('\u{c}').count(), pages, "one form feed per page");
    for session in &sessions {
        assert!(text.contains(session.id.as_str()), "{}", session.id);
    }
}

#[test]
fn an_empty_selection_still_gives_a_readable_page() {
    let pdf = report_pdf(&[], time("2026-04-01T10:00:00+00:00"));
    check_structure(&pdf);
    assert_eq!(page_count(&pdf), 1);
    if let Some(text) = extracted(&pdf) {
        assert!(text.contains("No sessions"), "{text}");
        assert!(text.contains("No slump or stretch ratings"), "{text}");
    }
}
