//! The printable HTML report for a physical therapist: one self-contained file,
//! with no fonts, scripts or images from elsewhere. Written with maud, which
//! escapes every value unless it is marked as markup ([`PreEscaped`]), as only
//! the chart and the tier symbols, both made here, are.

use chrono::{DateTime, FixedOffset};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Entry;
use super::answers::Answered;
use super::report::{
    ANSWER_COLUMNS, STRAIN_QUESTION, answer_rows, flag_lines, flags_summary, ids_line, legs_line,
    newest_first, period, regrade_sentences, regraded, stopped_line,
};
use super::style::{tier_color, tier_icon_body};
use super::svg::trend_svg;
use super::trend::{summary, trend_points};
use super::words::{self, yes_no};
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

/// Text from a person (a note) made fit for HTML before maud escapes it: control
/// characters other than tab and line breaks, which HTML does not allow, become
/// U+FFFD.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { '\u{FFFD}' } else { c })
        .collect()
}

/// A tier's badge: its symbol, its label and its colour (as border and text, so it
/// prints without backgrounds and never depends on colour alone).
pub fn tier_badge(tier: Tier, small: bool) -> Markup {
    html! {
        span class=(if small { "badge small" } else { "badge" })
            style=(format!("--tier: {}", tier_color(tier).hex())) {
            svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" {
                (PreEscaped(tier_icon_body(tier)))
            }
            span { (wording::tier_label(tier)) }
        }
    }
}

fn anchor(session: &Session) -> String {
    format!("s-{}", session.id)
}

/// A table cell, or a muted dash for nothing.
fn cell(class: &str, text: Option<String>) -> Markup {
    match text.filter(|t| !t.is_empty()) {
        Some(text) if class.is_empty() => html! { td { (text) } },
        Some(text) => html! { td class=(class) { (text) } },
        None => html! { td class="dash" { "–" } },
    }
}

fn answer_class(answered: &Answered) -> &'static str {
    match answered.ask {
        _ if answered.is_alert() => "alert",
        Ask::Intensity => "num",
        Ask::Familiar | Ask::Change => "nw",
        _ => "",
    }
}

fn answers_table(record: &LegRecord) -> Markup {
    html! {
        table class="answers" {
            thead { tr { @for heading in ANSWER_COLUMNS { th scope="col" { (heading) } } } }
            tbody {
                @for (test, rows) in answer_rows(record) {
                    tr class="group" { th colspan="9" scope="colgroup" { (wording::test_name(test)) } }
                    @for row in rows {
                        tr {
                            (cell("code", Some(row.step.code().to_string())))
                            (cell("", Some(row.movement.to_string())))
                            @for answered in &row.cells {
                                (cell(
                                    answered.as_ref().map_or("", answer_class),
                                    answered.as_ref().map(Answered::cell),
                                ))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn red_flags(session: &Session) -> Markup {
    let check = &session.check;
    let lines = flag_lines(check);
    html! {
        p { (flags_summary(&lines)) }
        @if !lines.is_empty() {
            ul class="flags" {
                @for line in &lines {
                    li class=(if line.yes { "yes" } else { "no" }) {
                        span class="ans" { (if line.yes { "YES" } else { "No" }) }
                        " " (line.text)
                        @if let Some(severity) = line.severity { " (" (severity) ")" }
                    }
                }
            }
        }
        @if let Some(injury) = check.injury {
            p {
                (STRAIN_QUESTION) ": "
                @if injury { strong class="alert" { (yes_no(injury)) } } @else { strong { (yes_no(injury)) } }
            }
        }
    }
}

fn session_section(entry: &Entry<'_>) -> Markup {
    let session = entry.session;
    let outcome = &session.outcome;
    let note = entry.note.filter(|n| !n.trim().is_empty()).map(clean);
    html! {
        section class="session" id=(anchor(session)) {
            header class="session-head" {
                h2 { (words::date_time(session.started_at)) }
                p class="legs" { (legs_line(session)) }
            }
            div class="result" {
                (tier_badge(outcome.tier, false))
                @if let Some(strength) = outcome.strength {
                    p class="strength" { (wording::strength(strength)) }
                }
                p { (wording::tier_summary(outcome.tier)) }
            }
            @if let Some(current) = regraded(session) {
                @let (before, after) = regrade_sentences(current.rules_version, outcome.rules_version);
                div class="regrade" {
                    p {
                        (before) " " (tier_badge(current.tier, true))
                        @if let Some(s) = current.strength { " (" (wording::strength_short(s)) ")" }
                    }
                    p { (after) }
                }
            }
            @if !outcome.reasons.is_empty() {
                h3 { (words::WHY) }
                ul class="reasons" { @for reason in &outcome.reasons { li { (wording::reason(reason)) } } }
            }
            h3 { (words::SAFETY) }
            (red_flags(session))
            @if !session.check.legs.is_empty() {
                h3 { (words::ANSWERS) }
                @for record in &session.check.legs {
                    h4 { (wording::leg(record.leg)) ", " (words::leg_role(record.reference)) }
                    (answers_table(record))
                }
            }
            @if let Some(line) = stopped_line(&session.check) { p class="stopped" { (line) } }
            @if let Some(note) = note {
                h3 { (words::NOTE) }
                p class="note" { (note) }
            }
            h3 { (words::ADVICE) }
            ul class="next" {
                @for step in wording::next_steps(outcome) { li { (step) } }
            }
            p { (wording::when_to_see_pt(outcome.tier)) }
            ul class="always" { @for line in wording::every_result() { li { (line) } } }
            p class="ids" { (ids_line(session)) }
        }
    }
}

fn trend_section(sorted: &[Entry<'_>]) -> Markup {
    let trend = trend_points(sorted.iter().map(|e| e.session));
    html! {
        section class="trend" aria-labelledby="trend-heading" {
            h2 id="trend-heading" { (words::TREND_HEADING) }
            p class="explain" { (words::TREND_EXPLAINED) }
            @if trend.is_empty() {
                p { (words::TREND_EMPTY) }
            } @else {
                // The chart is markup made here, with its own text escaped.
                figure { (PreEscaped(trend_svg(&trend, 860, 340))) }
                ul class="summary-lines" { @for line in summary(&trend) { li { (line) } } }
            }
        }
    }
}

fn overview(sorted: &[Entry<'_>]) -> Markup {
    html! {
        section class="overview" {
            h2 { (words::SESSIONS_HEADING) }
            table {
                thead { tr { @for heading in words::OVERVIEW_COLUMNS { th scope="col" { (heading) } } } }
                tbody {
                    @for entry in sorted {
                        @let s = entry.session;
                        tr {
                            td class="when" { a href=(format!("#{}", anchor(s))) { (words::date_time_short(s.started_at)) } }
                            td { (legs_line(s)) }
                            td { (tier_badge(s.outcome.tier, true)) }
                            (cell("", s.outcome.strength.map(|x| wording::strength_short(x).to_string())))
                        }
                    }
                }
            }
        }
    }
}

/// The report: title, period and count, the disclaimer, the trend chart with its
/// plain-text summary, an overview table, then every session (newest first) with
/// its result, reasons, safety answers, every answer per leg and step, note and
/// advice. All text from sessions and notes is escaped.
pub fn report_html(entries: &[Entry<'_>], generated_at: DateTime<FixedOffset>) -> String {
    let sorted = newest_first(entries);
    let period = period(&sorted);
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light";
                title { (words::REPORT_TITLE) ", " (period) }
                style { (PreEscaped(CSS)) }
            }
            body { main {
                header class="report-head" {
                    h1 { (words::REPORT_TITLE) }
                    p class="audience" { (words::REPORT_AUDIENCE) }
                    dl class="facts" {
                        div { dt { (words::FACTS[0]) } dd { (period) } }
                        div { dt { (words::FACTS[1]) } dd { (sorted.len()) } }
                        div { dt { (words::FACTS[2]) } dd { (words::date_time(generated_at)) } }
                    }
                }
                aside class="disclaimer" role="note" {
                    strong { (words::DISCLAIMER_TITLE) }
                    p { (wording::NOT_A_DIAGNOSIS) }
                }
                (trend_section(&sorted))
                @if !sorted.is_empty() { (overview(&sorted)) }
                @for entry in &sorted { (session_section(entry)) }
                footer { p { (wording::APP_NAME) " " (env!("CARGO_PKG_VERSION")) ". " (wording::NOT_A_DIAGNOSIS) } }
            } }
        }
    };
    page.into_string()
}
