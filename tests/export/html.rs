//! The HTML report: well formed, escaped, self-contained, complete.

use crate::support::build::*;
use tension_check::core::{Tier, wording};
use tension_check::export::Entry;
use tension_check::export::html::report_html;

const VOID: [&str; 4] = ["meta", "br", "hr", "img"];

/// Checks that every element is closed in order (void elements and `/>` aside),
/// and returns the names of the elements opened, in order.
fn check_balanced(html: &str) -> Vec<String> {
    let body = html.strip_prefix("<!DOCTYPE html>").expect("starts with the doctype");
    let mut stack: Vec<String> = Vec::new();
    let mut opened = Vec::new();
    let mut rest = body;
    // Skip the style element's content, which is CSS, not markup.
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("every tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
            continue;
        }
        let name: String =
            tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>();
        assert!(!name.is_empty(), "odd tag <{tag}>");
        opened.push(name.clone());
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "style" {
            let close = rest.find("</style>").expect("style is closed");
            assert!(!rest[..close].contains('<'), "markup inside style");
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        stack.push(name);
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    opened
}

fn report(entries: &[Entry]) -> String {
    report_html(entries, time("2026-12-02T10:00:00+01:00"))
}

#[test]
fn the_report_is_well_formed_and_self_contained() {
    let sessions = fixtures();
    let entries: Vec<Entry> = sessions.iter().map(Entry::from).collect();
    let html = report(&entries);
    let opened = check_balanced(&html);
    for element in ["html", "head", "body", "main", "section", "table", "svg", "polyline", "h1"] {
        assert!(opened.iter().any(|e| e == element), "no <{element}>");
    }
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("break-before: page"));
    // Nothing loaded from elsewhere: the only URL is the SVG namespace.
    let urls: Vec<&str> = html.match_indices("http").map(|(i, _)| &html[i..i + 26]).collect();
    assert!(urls.iter().all(|u| u.starts_with("http://www.w3.org/2000/svg")), "{urls:?}");
    for banned in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(banned), "the report holds {banned}");
    }
}

#[test]
fn notes_and_all_user_text_are_escaped() {
    let session = fixture("full_two_leg");
    let note = "</p><script>alert(\"x\")</script> & <b>bold</b>\nline 2";
    let html = report(&[Entry::with_note(&session, note)]);
    check_balanced(&html);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert!(html.contains(
        "&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\nline 2"
    ));
}

#[test]
fn html_special_characters_in_a_note_come_out_escaped() {
    let session = fixture("full_two_leg");
    let html = report(&[Entry::with_note(&session, "<script>&\"'\u{7}")]);
    check_balanced(&html);
    // maud escapes <, >, & and " (a ' is harmless in text and in its double-quoted
    // attributes); a control character HTML forbids becomes U+FFFD.
    assert!(html.contains("<p class=\"note\">&lt;script&gt;&amp;&quot;'\u{FFFD}</p>"), "{html}");
    assert!(!html.contains("<script>"));
}

#[test]
fn the_report_has_title_period_disclaimer_trend_and_sessions_newest_first() {
    let sessions = fixtures();
    let entries: Vec<Entry> = sessions.iter().map(Entry::from).collect();
    let html = report(&entries);
    assert!(html.contains("26 Nov 2026 to 1 Dec 2026"));
    assert!(html.contains("<dt>Sessions</dt><dd>4</dd>"));
    let disclaimer = html.find(wording::NOT_A_DIAGNOSIS).expect("disclaimer");
    let trend = html.find("Tension over time").expect("trend section");
    assert!(disclaimer < trend, "the disclaimer comes before the content");
    assert!(html.contains(
        "Right leg, seated, knee straightened: stayed at 6 on the same day (2 sessions)"
    ));

    let order: Vec<usize> = [
        "id=\"s-20261201T154000Z-c0ffee01\"",
        "id=\"s-20261127T130240Z-04be71d9\"",
        "id=\"s-20261126T160001Z-5ca1ab1e\"",
        "id=\"s-20261126T133512Z-9f3a1c2b\"",
    ]
    .iter()
    .map(|a| html.find(a).unwrap_or_else(|| panic!("no {a}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn a_session_shows_badge_reasons_flags_answers_and_advice() {
    let stopped = fixture("stopped_one_leg");
    let flagged = fixture("red_flag_only");
    let html = report(&[Entry::new(&stopped), Entry::new(&flagged)]);
    // Badges: colour, symbol and label.
    for tier in [Tier::StopAndConsult, Tier::Emergency] {
        assert!(html.contains(&format!(">{}</span></span>", wording::tier_label(tier))));
    }
    assert!(html.contains("--tier: #855d00"));
    assert!(html.contains("--tier: #b3261e"));
    // Reasons.
    for reason in stopped.outcome.reasons.iter().chain(&flagged.outcome.reasons) {
        assert!(html.contains(&wording::reason(reason).replace('"', "&quot;")), "{reason:?}");
    }
    // A yes to a red flag is highlighted.
    assert!(html.contains(
        "<li class=\"yes\"><span class=\"ans\">YES</span> New bladder or bowel problems (needs emergency care)</li>"
    ));
    assert!(html.contains(
        "<li class=\"no\"><span class=\"ans\">No</span> New numbness in the saddle area</li>"
    ));
    // The answers table: A2 row with intensity, where, what, familiar; B3 spread Yes.
    assert!(html.contains(
        "<td class=\"code\">A2</td><td>Straighten knee, toes up</td><td class=\"num\">4</td><td>Back of thigh</td><td>Dull ache</td><td class=\"nw\">Not sure</td>"
    ));
    assert!(html.contains("<td class=\"code\">B3</td>"));
    assert!(html.contains("<td class=\"alert\">Yes</td>"));
    assert!(html.contains("The check was stopped at step B3"));
    // Advice.
    for step in wording::next_steps_for(Tier::StopAndConsult, false, None) {
        assert!(html.contains(&step.replace('"', "&quot;")), "{step}");
    }
}

#[test]
fn a_result_the_current_rules_grade_differently_is_pointed_out() {
    let mut session = fixture("full_two_leg");
    assert!(!report(&[Entry::new(&session)]).contains("Graded again with the current rules"));
    session.outcome.tier = Tier::Unclear;
    session.outcome.strength = None;
    let html = report(&[Entry::new(&session)]);
    assert!(html.contains("Graded again with the current rules (version 3)"));
    check_balanced(&html);
}

#[test]
fn an_empty_report_is_still_well_formed() {
    let html = report(&[]);
    check_balanced(&html);
    assert!(html.contains("No sessions"));
    assert!(html.contains(wording::NOT_A_DIAGNOSIS));
}
