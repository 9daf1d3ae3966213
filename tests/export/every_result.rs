//! Section 6 of the brief wherever a result leaves the app: `show`'s text, the HTML
//! and PDF reports and the CSV. Every tier carries the three every-result lines; a
//! stop says to get emergency care if weakness or numbness appears; Normal response
//! and No notable tension offer no exercise; an emergency says where to go once.
//! Files without a rules version read as rules version 1.

use std::path::Path;
use std::process::Command;

use crate::support::build::*;
use tension_check::core::{Advice, Tier, wording};
use tension_check::export::Entry;
use tension_check::export::csv::sessions_csv;
use tension_check::export::html::report_html;
use tension_check::export::pdf::report_pdf;
use tension_check::export::text::session_text;
use tension_check::store::Session;

/// The text poppler's `pdftotext` reads from a PDF, whitespace folded.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out =
        Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().unwrap_or_else(|e| {
            panic!("pdftotext (poppler-utils) is required by these tests: {e}")
        });
    assert!(out.status.success());
    fold(&String::from_utf8(out.stdout).expect("utf-8"))
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The four forms of one session, whitespace folded: show, HTML, PDF, CSV.
fn forms(session: &Session) -> [(&'static str, String); 4] {
    let entry = [Entry::new(session)];
    let html = report_html(&entry, time("2026-12-02T09:00:00+01:00")).replace("&#39;", "'");
    [
        ("show", fold(&session_text(session, None))),
        ("HTML", fold(&html)),
        ("PDF", pdf_text(&report_pdf(&entry, time("2026-12-02T09:00:00+01:00")))),
        ("CSV", fold(&sessions_csv(&entry))),
    ]
}

/// The two-leg fixture, as if it had been graded `tier`.
fn graded(tier: Tier) -> Session {
    let mut session = fixture("full_two_leg");
    session.outcome.tier = tier;
    session.outcome.strength = None;
    session
}

#[test]
fn every_tier_carries_the_three_every_result_lines_in_every_form() {
    for tier in Tier::ALL {
        for (form, text) in forms(&graded(tier)) {
            for line in wording::every_result() {
                assert!(text.contains(line), "{tier:?} {form}: missing {line:?} in\n{text}");
            }
        }
    }
}

#[test]
fn a_stop_says_emergency_care_if_weakness_or_numbness_appears() {
    let sentence = wording::advice(Advice::EmergencyIfWeakness);
    assert!(sentence.contains("emergency care"));
    for (form, text) in forms(&graded(Tier::StopAndConsult)) {
        assert!(text.contains(sentence), "{form}: missing {sentence:?}");
        assert!(!text.contains("get care sooner"), "{form}");
    }
}

#[test]
fn normal_response_and_no_notable_tension_offer_no_exercise() {
    let exercises = [
        Advice::NerveSliders,
        Advice::HamstringStretch,
        Advice::HamstringStretchDose,
        Advice::HamstringStretchOnceSettled,
    ];
    for tier in [Tier::NormalResponse, Tier::NoNotableTension] {
        for (form, text) in forms(&graded(tier)) {
            for exercise in exercises {
                let words = wording::advice(exercise);
                assert!(!text.contains(words), "{tier:?} {form}: offers {words:?}");
            }
            assert!(!text.contains("safe to try"), "{tier:?} {form}");
            assert!(text.contains(wording::advice(Advice::KeepMoving)), "{tier:?} {form}");
        }
    }
}

#[test]
fn an_emergency_says_where_to_go_once() {
    let flagged = fixture("red_flag_only");
    assert_eq!(flagged.outcome.tier, Tier::Emergency);
    let call = wording::advice(Advice::EmergencyNow);
    for (form, text) in forms(&flagged) {
        assert_eq!(text.matches(call).count(), 1, "{form}: {text}");
        assert!(!text.contains("Get emergency care now"), "{form}");
        assert!(!text.contains("urgent care"), "{form}: an emergency is not urgent care");
    }
}

#[test]
fn a_strong_feeling_offers_no_exercise_in_any_form() {
    let mut session = graded(Tier::HamstringTightnessLikely);
    for finding in session.outcome.legs.iter_mut().filter(|l| !l.reference) {
        finding.peak = Some(8);
    }
    for (form, text) in forms(&session) {
        assert!(!text.contains(wording::advice(Advice::HamstringStretch)), "{form}");
        assert!(text.contains(wording::advice(Advice::SeeTherapistBeforeExercise)), "{form}");
    }
}

fn read(path: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    Session::from_ron(&std::fs::read_to_string(path).expect("readable")).expect("parses")
}

#[test]
fn a_format_1_file_without_a_rules_version_shows_as_rules_version_1() {
    let session =
        read("tests/fixtures/sessions/v1-unversioned-rules/full_two_leg_no_rules_version.ron");
    assert_eq!(session.format_version, 1);
    assert_eq!(session.outcome.rules_version, 1);
    let [(_, show), (_, html), (_, pdf), (_, csv)] = forms(&session);
    assert!(show.contains("Stored (rules version 1): Nerve tension likely"), "{show}");
    assert!(!show.contains("Stored (rules version 3)"), "{show}");
    assert!(csv.contains(",1,Left leg,"), "{csv}");
    for (form, text) in [("HTML", html), ("PDF", pdf)] {
        assert!(text.contains("rules version 1"), "{form}: {text}");
    }
}

#[test]
fn the_both_legs_question_asked_again_is_listed_and_graded_emergency() {
    let session = read("tests/fixtures/sessions/v3/both_legs_again_yes.ron");
    assert!(session.check.both_bothered);
    assert_eq!(session.check.both_legs_again, Some(true));
    let today = tension_check::core::grade(&session.check);
    assert_eq!(today, session.outcome, "the stored grade is today's grade");
    let show = session_text(&session, None);
    assert!(
        show.contains(
            "YES  Nerve symptoms down both legs in daily life (asked again at the result)"
        ),
        "{show}"
    );
    assert!(show.contains("Same result by the current rules."), "{show}");
}

/// Whether `text` holds a step code such as "A4" or "B2" as a word of its own.
fn has_step_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        let code = matches!((w[0], w[1]), ('A', '1'..='6') | ('B', '1'..='3'));
        let before = i == 0 || !chars[i - 1].is_alphanumeric();
        let after = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
        code && before && after
    })
}

#[test]
fn show_names_steps_by_what_the_person_did() {
    let mut sessions = fixtures();
    sessions.push(read("tests/fixtures/sessions/v3/both_legs_again_yes.ron"));
    sessions.push(read("tests/fixtures/sessions/v2/stopped_at_a4.ron"));
    for session in &sessions {
        let show = session_text(session, None);
        let coded: Vec<&str> = show.lines().filter(|l| has_step_code(l)).collect();
        assert!(coded.is_empty(), "{}: step codes in show: {coded:#?}", session.id);
    }
    // The stopped sample names the movement and the leg.
    let show = session_text(&read("tests/fixtures/sessions/v2/stopped_at_a4.ron"), None);
    assert!(show.contains("when you pulled your toes back, on your right leg"), "{show}");
}
