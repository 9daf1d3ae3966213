//! The PDF report: a well-formed file whose text a PDF reader can extract, with
//! every session, the disclaimer, the trend and the reasons, over as many A4
//! pages as it needs.

use std::process::Command;

use crate::support::build::*;
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

/// The text a real reader extracts with poppler's `pdftotext`, which the tests
/// require (`.ci/run` installs it): without it they fail rather than pass unchecked.
fn extracted(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out =
        Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().unwrap_or_else(|e| {
            panic!("pdftotext (poppler-utils) is required by these tests: {e}")
        });
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
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

    let text = extracted(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Tension Check: self-check report",
        "Not a diagnosis",
        "Tension over time",
        "Intensity (0–10)",
        "Left leg, seated, knee straightened",
        "Sessions",
        "SAFETY QUESTIONS",
        // Table headings wrap between words, never inside one.
        "STEP MOVEMENT INTENSITY WHERE FEELS LIKE",
        "PERIOD",
        "WHAT THE APP ADVISED",
        "Sore after (gardening) \\ on Sunday → better now",
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
    let text = extracted(&pdf);
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
    let text = extracted(&pdf);
    assert!(text.contains("No sessions"), "{text}");
    assert!(text.contains("No slump or stretch ratings"), "{text}");
}

#[test]
fn a_note_in_greek_and_cyrillic_reads_back_and_japanese_is_replaced_visibly() {
    let session = fixture("full_two_leg");
    let note = "Zoë, Ελλάδα, Привет, 膝の裏が痛い";
    let pdf = report_pdf(&[Entry::with_note(&session, note)], time("2026-12-02T09:00:00+01:00"));
    check_structure(&pdf);
    let text = extracted(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every script Fira Sans covers comes back as written; the six Japanese
    // characters each become the visible replacement, never a silent "?".
    assert!(flat.contains(&format!("Zoë, Ελλάδα, Привет, {}", "◊".repeat(6))), "{text}");
    assert!(!flat.contains("膝") && !flat.contains("Привет, ?"), "{text}");
    assert!(flat.contains("Characters the report's font cannot show"), "{text}");
    // A note the font covers needs no explanation.
    let plain = report_pdf(&[Entry::with_note(&session, "Zoë")], time("2026-12-02T09:00:00+01:00"));
    assert!(!extracted(&plain).contains("cannot show"));
}

#[test]
fn the_fonts_are_embedded_and_the_structure_tagged() {
    let session = fixture("full_two_leg");
    let pdf = report_pdf(&[Entry::new(&session)], time("2026-12-02T09:00:00+01:00"));
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("FiraSans-Regular") && raw.contains("FiraSans-Bold"), "both fonts");
    assert!(raw.contains("/FontFile2"), "the fonts are embedded");
    assert!(raw.contains("/StructTreeRoot") && raw.contains("/MarkInfo"), "tagged PDF");
}

#[test]
fn a_very_long_note_goes_on_over_pages_and_keeps_every_word() {
    let session = fixture("full_two_leg");
    let words: Vec<String> = (0..1500).map(|i| format!("word{i}")).collect();
    let note = words.join(" ");
    let short = report_pdf(&[Entry::new(&session)], time("2026-12-02T09:00:00+01:00"));
    let pdf = report_pdf(&[Entry::with_note(&session, &note)], time("2026-12-02T09:00:00+01:00"));
    check_structure(&pdf);
    assert!(page_count(&pdf) >= page_count(&short) + 2, "{} pages", page_count(&pdf));
    let text = extracted(&pdf);
    let found: Vec<&str> = text.split_whitespace().filter(|w| w.starts_with("word")).collect();
    assert_eq!(found, words.iter().map(String::as_str).collect::<Vec<_>>());
}
