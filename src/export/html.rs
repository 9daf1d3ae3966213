//! The printable HTML report for a physical therapist: one self-contained file,
//! with no fonts, scripts or images from elsewhere.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::answers::Answered;
use super::report::{
    ANSWER_COLUMNS, STRAIN_QUESTION, answer_rows, flag_lines, flags_summary, ids_line, legs_line,
    newest_first, period, regrade_sentences, regraded, stopped_line,
};
use super::style::{tier_color, tier_icon_body};
use super::trend::{summary, trend_points, trend_svg};
use super::words::{self, yes_no};
use super::{Entry, escape};
use crate::core::{Ask, LegRecord, Tier, wording};
use crate::store::Session;

const CSS: &str = r#"
:root { --ink: #1d2327; --muted: #5b646b; --line: #cfd6db; --soft: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #ffffff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 20px; line-height: 1.3; margin: 0 0 8px; }
h3 { font-size: 15px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  margin: 20px 0 6px; }
h4 { font-size: 15px; margin: 14px 0 6px; }
p { margin: 0 0 8px; }
ul { margin: 0 0 8px; padding-left: 22px; }
.audience { color: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 12px 0 0; }
.facts div { min-width: 120px; }
.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.disclaimer { margin: 20px 0 28px; padding: 12px 16px; border: 2px solid #1f5fad;
  border-left-width: 8px; border-radius: 6px; font-size: 16px; }
.disclaimer strong { display: block; font-size: 17px; }
section { margin: 0 0 32px; }
.explain { color: var(--muted); font-size: 14px; }
figure { margin: 8px 0 12px; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
.summary-lines { list-style: none; padding: 0; }
.summary-lines li { padding: 2px 0; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 0 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted);
  border-bottom: 2px solid var(--ink); }
tr.group th { padding-top: 10px; font-size: 13px; color: var(--ink); border-bottom: 1px solid var(--ink); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.code { font-weight: 700; white-space: nowrap; }
td.nw, .overview td.when { white-space: nowrap; }
table.answers td:nth-child(2) { min-width: 11em; }
.dash { color: var(--muted); }
.alert { color: #b3261e; font-weight: 700; }
.badge { display: inline-flex; align-items: center; gap: 8px; padding: 4px 12px 4px 8px; white-space: nowrap;
  border: 2px solid var(--tier); border-radius: 999px; color: var(--tier); font-weight: 700;
  background: #ffffff; line-height: 1.3; }
.badge svg { width: 20px; height: 20px; flex: none; }
.badge.small { padding: 1px 8px 1px 5px; gap: 5px; font-size: 13px; border-width: 1.5px; }
.badge.small svg { width: 15px; height: 15px; }
.session { border-top: 3px solid var(--ink); padding-top: 16px; }
.session-head .legs { color: var(--muted); }
.result { margin: 10px 0 4px; }
.result .badge { font-size: 17px; }
.result p { margin-top: 8px; }
.strength { font-weight: 600; }
.regrade { border: 1.5px dashed var(--muted); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.flags { list-style: none; padding: 0; columns: 2; column-gap: 24px; font-size: 14px; }
.flags li { break-inside: avoid; padding: 2px 0 2px 8px; border-left: 3px solid transparent; }
.flags li.no { color: var(--muted); }
.flags li.yes { border-left-color: #b3261e; color: #b3261e; font-weight: 700; }
.flags .ans { display: inline-block; min-width: 2.6em; font-weight: 700; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 8px; padding: 8px 14px;
  border-left: 4px solid var(--line); font-style: italic; }
.stopped { font-weight: 600; }
.ids { font-size: 12px; color: var(--muted); margin-top: 16px; }
.overview td, .overview th { font-size: 13.5px; }
a { color: inherit; }
footer { font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .session { break-before: page; border-top: none; padding-top: 0; }
  h2, h3, h4 { break-after: avoid; }
  tr, .flags li, .result, .regrade, .note, figure { break-inside: avoid; }
  figure svg { border: none; }
  a { text-decoration: none; }
}
"#;

/// A tier's badge: its symbol, its label and its colour (as border and text, so it
/// prints without backgrounds and never depends on colour alone).
pub fn tier_badge(tier: Tier, small: bool) -> String {
    format!(
        r#"<span class="badge{}" style="--tier: {}"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">{}</svg><span>{}</span></span>"#,
        if small { " small" } else { "" },
        tier_color(tier).hex(),
        tier_icon_body(tier),
        escape(wording::tier_label(tier))
    )
}

fn anchor(session: &Session) -> String {
    format!("s-{}", session.id)
}

fn cell(out: &mut String, class: &str, text: Option<String>) {
    match text.filter(|t| !t.is_empty()) {
        Some(text) if class.is_empty() => {
            let _ = write!(out, "<td>{}</td>", escape(&text));
        }
        Some(text) => {
            let _ = write!(out, r#"<td class="{class}">{}</td>"#, escape(&text));
        }
        None => out.push_str(r#"<td class="dash">–</td>"#),
    }
}

fn answers_table(out: &mut String, record: &LegRecord) {
    out.push_str(r#"<table class="answers"><thead><tr>"#);
    for heading in ANSWER_COLUMNS {
        let _ = write!(out, r#"<th scope="col">{heading}</th>"#);
    }
    out.push_str("</tr></thead><tbody>");
    for (test, rows) in answer_rows(record) {
        let _ = write!(
            out,
            r#"<tr class="group"><th colspan="9" scope="colgroup">{}</th></tr>"#,
            escape(wording::test_name(test))
        );
        for row in rows {
            out.push_str("<tr>");
            cell(out, "code", Some(row.step.code().to_string()));
            cell(out, "", Some(row.movement.to_string()));
            for answered in &row.cells {
                let class = match answered {
                    Some(a) if a.is_alert() => "alert",
                    Some(a) => match a.ask {
                        Ask::Intensity => "num",
                        Ask::Familiar | Ask::Change => "nw",
                        _ => "",
                    },
                    None => "",
                };
                cell(out, class, answered.as_ref().map(Answered::cell));
            }
            out.push_str("</tr>");
        }
    }
    out.push_str("</tbody></table>");
}

fn red_flags(out: &mut String, session: &Session) {
    let check = &session.check;
    let lines = flag_lines(check);
    let _ = write!(out, "<p>{}</p>", escape(&flags_summary(&lines)));
    if !lines.is_empty() {
        out.push_str(r#"<ul class="flags">"#);
        for line in lines {
            let _ = write!(
                out,
                r#"<li class="{}"><span class="ans">{}</span> {}{}</li>"#,
                if line.yes { "yes" } else { "no" },
                if line.yes { "YES" } else { "No" },
                escape(&line.text),
                line.severity.map(|s| format!(" ({s})")).unwrap_or_default()
            );
        }
        out.push_str("</ul>");
    }
    if let Some(injury) = check.injury {
        let _ = write!(
            out,
            "<p>{}: <strong{}>{}</strong></p>",
            escape(STRAIN_QUESTION),
            if injury { r#" class="alert""# } else { "" },
            yes_no(injury)
        );
    }
}

fn session_section(out: &mut String, entry: &Entry<'_>) {
    let session = entry.session;
    let outcome = &session.outcome;
    let _ = write!(out, r#"<section class="session" id="{}">"#, escape(&anchor(session)));
    let _ = write!(
        out,
        r#"<header class="session-head"><h2>{}</h2><p class="legs">{}</p></header>"#,
        escape(&words::date_time(session.started_at)),
        escape(&legs_line(session))
    );
    out.push_str(r#"<div class="result">"#);
    out.push_str(&tier_badge(outcome.tier, false));
    if let Some(strength) = outcome.strength {
        let _ = write!(out, r#"<p class="strength">{}</p>"#, escape(wording::strength(strength)));
    }
    let _ = write!(out, "<p>{}</p>", escape(wording::tier_summary(outcome.tier)));
    out.push_str("</div>");

    if let Some(current) = regraded(session) {
        let (before, after) = regrade_sentences(current.rules_version, outcome.rules_version);
        let _ = write!(
            out,
            r#"<div class="regrade"><p>{} {}{}</p><p>{}</p></div>"#,
            escape(&before),
            tier_badge(current.tier, true),
            current
                .strength
                .map(|s| format!(" ({})", escape(wording::strength_short(s))))
                .unwrap_or_default(),
            escape(&after)
        );
    }

    if !outcome.reasons.is_empty() {
        let _ = write!(out, r#"<h3>{}</h3><ul class="reasons">"#, words::WHY);
        for reason in &outcome.reasons {
            let _ = write!(out, "<li>{}</li>", escape(&wording::reason(reason)));
        }
        out.push_str("</ul>");
    }

    let _ = write!(out, "<h3>{}</h3>", words::SAFETY);
    red_flags(out, session);

    if !session.check.legs.is_empty() {
        let _ = write!(out, "<h3>{}</h3>", words::ANSWERS);
        for record in &session.check.legs {
            let _ = write!(
                out,
                "<h4>{}, {}</h4>",
                escape(wording::leg(record.leg)),
                escape(words::leg_role(record.reference))
            );
            answers_table(out, record);
        }
    }
    if let Some(line) = stopped_line(&session.check) {
        let _ = write!(out, r#"<p class="stopped">{}</p>"#, escape(&line));
    }

    if let Some(note) = entry.note.filter(|n| !n.trim().is_empty()) {
        let _ = write!(out, r#"<h3>{}</h3><p class="note">{}</p>"#, words::NOTE, escape(note));
    }

    let _ = write!(out, r#"<h3>{}</h3><ul class="next">"#, words::ADVICE);
    for step in wording::next_steps(outcome.tier, outcome.suspected_strain) {
        let _ = write!(out, "<li>{}</li>", escape(step));
    }
    let _ = write!(out, "</ul><p>{}</p>", escape(wording::when_to_see_pt(outcome.tier)));

    let _ = write!(out, r#"<p class="ids">{}</p>"#, escape(&ids_line(session)));
    out.push_str("</section>");
}

/// The report: title, period and count, the disclaimer, the trend chart with its
/// plain-text summary, an overview table, then every session (newest first) with
/// its result, reasons, safety answers, every answer per leg and step, note and
/// advice. All text from sessions and notes is escaped.
pub fn report_html(entries: &[Entry<'_>], generated_at: DateTime<FixedOffset>) -> String {
    let sorted = newest_first(entries);
    let period = period(&sorted);

    let mut out = String::with_capacity(16_384 + sorted.len() * 8_192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light\">\n",
    );
    let _ = writeln!(out, "<title>{}, {}</title>", escape(words::REPORT_TITLE), escape(&period));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>\n<main>");

    let _ = write!(
        out,
        r#"<header class="report-head"><h1>{}</h1><p class="audience">{}</p><dl class="facts"><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div></dl></header>"#,
        escape(words::REPORT_TITLE),
        escape(words::REPORT_AUDIENCE),
        words::FACTS[0],
        escape(&period),
        words::FACTS[1],
        sorted.len(),
        words::FACTS[2],
        escape(&words::date_time(generated_at))
    );
    let _ = write!(
        out,
        r#"<aside class="disclaimer" role="note"><strong>{}</strong><p>{}</p></aside>"#,
        words::DISCLAIMER_TITLE,
        escape(wording::NOT_A_DIAGNOSIS)
    );

    let trend = trend_points(sorted.iter().map(|e| e.session));
    let _ = write!(
        out,
        r#"<section class="trend" aria-labelledby="trend-heading"><h2 id="trend-heading">{}</h2><p class="explain">{}</p>"#,
        escape(words::TREND_HEADING),
        escape(words::TREND_EXPLAINED)
    );
    if trend.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(words::TREND_EMPTY));
    } else {
        let _ = write!(out, "<figure>{}</figure>", trend_svg(&trend, 860, 340));
        out.push_str(r#"<ul class="summary-lines">"#);
        for line in summary(&trend) {
            let _ = write!(out, "<li>{}</li>", escape(&line));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");

    if !sorted.is_empty() {
        let _ = write!(
            out,
            r#"<section class="overview"><h2>{}</h2><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            words::SESSIONS_HEADING,
            words::OVERVIEW_COLUMNS[0],
            words::OVERVIEW_COLUMNS[1],
            words::OVERVIEW_COLUMNS[2],
            words::OVERVIEW_COLUMNS[3]
        );
        for entry in &sorted {
            let s = entry.session;
            let _ = write!(
                out,
                r##"<tr><td class="when"><a href="#{}">{}</a></td><td>{}</td><td>{}</td>"##,
                escape(&anchor(s)),
                escape(&words::date_time_short(s.started_at)),
                escape(&legs_line(s)),
                tier_badge(s.outcome.tier, true)
            );
            cell(&mut out, "", s.outcome.strength.map(|x| wording::strength_short(x).to_string()));
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></section>");
    }

    for entry in &sorted {
        session_section(&mut out, entry);
    }

    let _ = write!(
        out,
        "<footer><p>{} {}</p></footer>\n</main>\n</body>\n</html>\n",
        escape(wording::APP_NAME),
        escape(&format!("{}. {}", env!("CARGO_PKG_VERSION"), wording::NOT_A_DIAGNOSIS))
    );
    out
}
