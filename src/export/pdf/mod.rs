//! The clinician report as a PDF: the same content as the HTML report (period,
//! disclaimer, trend chart and its summary, an overview, then every session in
//! full), laid out on A4 pages in Fira Sans (embedded and subset), written as a
//! tagged PDF by krilla.

mod font;
mod layout;
mod ops;
mod page;
mod table;
mod write;

use chrono::{DateTime, FixedOffset};

use self::font::{REPLACEMENT_EXPLAINED, has_replacements};
use self::layout::Doc;
use self::ops::Kind;
use self::page::{ALERT, COLUMN_W, MARGIN_X, MUTED, Style};
use self::table::{Cell, Column, Row};
use super::Entry;
use super::answers::Answered;
use super::chart::{LegendSample, chart_layout};
use super::report::{
    ANSWER_COLUMNS, STRAIN_QUESTION, answer_rows, flag_lines, flags_summary, ids_line, legs_line,
    newest_first, period, regrade_sentences, regraded, stopped_line,
};
use super::style::{LineStyle, Rgb, tier_color};
use super::trend::{summary, trend_points};
use super::words::{self, yes_no};
use crate::core::{LegRecord, Tier, wording};
use crate::store::Session;

const TITLE: Style = Style::bold(20.0);
const H2: Style = Style::bold(14.0);
const H3: Style = Style::bold(10.5);
const BODY: Style = Style::regular(10.0);
const SMALL: Style = Style::regular(8.5);

/// The width of the chart's lines, in points.
const LINE_W: f32 = 1.8;

/// A series' dash pattern in points (its pattern is in line widths).
fn dash(style: &LineStyle) -> Vec<f32> {
    style.dash.iter().map(|d| d * LINE_W).collect()
}

/// The chart's greys: labels, axes, grid lines.
const CHART_TEXT: Rgb = Rgb(0x33, 0x33, 0x33);
const CHART_AXIS: Rgb = Rgb(0x55, 0x55, 0x55);
const CHART_GRID: Rgb = Rgb(0xdd, 0xdd, 0xdd);

/// The report as a PDF file's bytes.
pub fn report_pdf(entries: &[Entry<'_>], generated_at: DateTime<FixedOffset>) -> Vec<u8> {
    let sorted = newest_first(entries);
    let period = period(&sorted);
    let mut doc = Doc::new();

    doc.heading(1, TITLE, words::REPORT_TITLE, 0.0);
    doc.gap(2.0);
    doc.paragraph(MARGIN_X, COLUMN_W, BODY.in_color(MUTED), words::REPORT_AUDIENCE);
    doc.gap(8.0);
    facts(
        &mut doc,
        &[
            (words::FACTS[0], period.clone()),
            (words::FACTS[1], sorted.len().to_string()),
            (words::FACTS[2], words::date_time(generated_at)),
        ],
    );
    doc.gap(14.0);
    doc.callout(
        tier_color(Tier::NerveTensionLikely),
        words::DISCLAIMER_TITLE,
        wording::NOT_A_DIAGNOSIS,
    );
    doc.gap(18.0);

    trend_section(&mut doc, &sorted);

    if !sorted.is_empty() {
        doc.gap(10.0);
        doc.heading(2, H2, words::SESSIONS_HEADING, 60.0);
        doc.gap(4.0);
        let columns = [
            Column { heading: words::OVERVIEW_COLUMNS[0], width: 88.0 },
            Column { heading: words::OVERVIEW_COLUMNS[1], width: 190.0 },
            Column { heading: words::OVERVIEW_COLUMNS[2], width: 150.0 },
            Column { heading: words::OVERVIEW_COLUMNS[3], width: COLUMN_W - 428.0 },
        ];
        let rows: Vec<Row> = sorted
            .iter()
            .map(|entry| {
                let s = entry.session;
                Row::Cells(vec![
                    Cell { text: Some(words::date_time_short(s.started_at)), style: SMALL },
                    Cell { text: Some(legs_line(s)), style: SMALL },
                    Cell {
                        text: Some(wording::tier_label(s.outcome.tier).to_string()),
                        style: Style::bold(8.5).in_color(tier_color(s.outcome.tier)),
                    },
                    Cell {
                        text: s.outcome.strength.map(|x| wording::strength_short(x).to_string()),
                        style: SMALL,
                    },
                ])
            })
            .collect();
        doc.table(&columns, &rows);
    }

    for entry in &sorted {
        doc.new_page();
        session_section(&mut doc, entry);
    }

    let footer = format!(
        "{}, {}. {} {}",
        words::REPORT_TITLE,
        period,
        wording::APP_NAME,
        env!("CARGO_PKG_VERSION")
    );
    let footer = format!("{footer}. Not a diagnosis.");
    doc.add_footers(&footer);
    // The fonts embedded and subset, the structure tagged, and the document's title.
    write::render(&doc.pages, &doc.blocks, &format!("{}, {}", words::REPORT_TITLE, period))
}

/// Labelled values side by side: a small label in capitals over a bold value.
fn facts(doc: &mut Doc, items: &[(&str, String)]) {
    let label = Style::regular(7.5).in_color(MUTED);
    let value = Style::bold(10.0);
    let top = doc.y;
    let mut x = MARGIN_X;
    for (name, text) in items {
        let name = name.to_uppercase();
        doc.text_at(x, top, label, &name);
        doc.text_at(x, top + label.leading() + 1.0, value, text);
        let width = value.font.width(text, value.size).max(label.font.width(&name, label.size));
        x += width + 32.0;
    }
    doc.y = top + label.leading() + value.leading() + 1.0;
}

fn trend_section(doc: &mut Doc, sorted: &[Entry<'_>]) {
    doc.heading(2, H2, words::TREND_HEADING, 240.0);
    doc.gap(2.0);
    doc.paragraph(MARGIN_X, COLUMN_W, SMALL.in_color(MUTED), words::TREND_EXPLAINED);
    doc.gap(6.0);
    let trend = trend_points(sorted.iter().map(|e| e.session));
    let label = Style::regular(8.0).in_color(CHART_TEXT);
    let width_of = |text: &str| label.font.width(text, label.size);
    let (w, h) = (COLUMN_W, 250.0);
    let layout = match chart_layout(&trend, w, h, &width_of) {
        Ok(layout) => layout,
        Err(note) => {
            doc.paragraph(MARGIN_X, COLUMN_W, BODY, note);
            return;
        }
    };
    doc.ensure(h + 10.0);
    let lines = summary(&trend);
    doc.open(Kind::Figure(format!("{}. {}", words::TREND_HEADING, lines.join(" "))));
    let (ox, oy) = (MARGIN_X, doc.y);
    let at = |(x, y): (f32, f32)| (ox + x, oy + y);
    let (px0, py0, px1, py1) = layout.plot;
    for &(y, v) in &layout.grid {
        let (color, width) = if v == 0 { (CHART_AXIS, 1.0) } else { (CHART_GRID, 0.6) };
        doc.segment(at((px0, y)), at((px1, y)), color, width);
        doc.text_right(ox + px0 - 6.0, oy + y - label.size / 2.0, label, &v.to_string());
    }
    doc.segment(at((px0, py0)), at((px0, py1)), CHART_AXIS, 1.0);
    doc.text_vertical(ox + 10.0, oy + (py0 + py1) / 2.0, label, words::AXIS_INTENSITY);
    for (x, text) in &layout.ticks {
        doc.segment(at((*x, py1)), at((*x, py1 + 4.0)), CHART_AXIS, 0.8);
        doc.text_centered(ox + x, oy + py1 + 8.0, label, text);
    }
    for (style, coords) in &layout.lines {
        let points: Vec<(f32, f32)> = coords.iter().map(|p| at(*p)).collect();
        doc.polyline(&points, style.color, LINE_W, &dash(style));
    }
    for marker in &layout.markers {
        let (x, y) = at((marker.x, marker.y));
        doc.marker(marker.tier, x, y, 4.5);
    }
    for item in &layout.legend {
        let (x, cy) = at((item.x, item.cy));
        match &item.sample {
            LegendSample::Line(style) => {
                doc.polyline(&[(x, cy), (x + 30.0, cy)], style.color, LINE_W, &dash(style));
            }
            LegendSample::Tier(tier) => doc.marker(*tier, x + 7.0, cy, 4.5),
        }
        doc.text_at(ox + item.text_x, cy - label.size / 2.0, label, &item.label);
    }
    doc.close();
    doc.y = oy + h + 8.0;
    doc.bullets(BODY, &lines);
}

fn session_section(doc: &mut Doc, entry: &Entry<'_>) {
    let session = entry.session;
    let outcome = &session.outcome;
    doc.heading(2, H2, &words::date_time(session.started_at), 80.0);
    doc.paragraph(MARGIN_X, COLUMN_W, BODY.in_color(MUTED), &legs_line(session));
    doc.gap(8.0);
    let top = doc.y;
    doc.badge(MARGIN_X, top, outcome.tier, wording::tier_label(outcome.tier), 11.0);
    doc.y = top + 11.0 * 1.9 + 6.0;
    if let Some(strength) = outcome.strength {
        doc.paragraph(MARGIN_X, COLUMN_W, Style::bold(10.0), wording::strength(strength));
    }
    doc.paragraph(MARGIN_X, COLUMN_W, BODY, wording::tier_summary(outcome.tier));

    if let Some(current) = regraded(session) {
        doc.gap(6.0);
        let strength = current
            .strength
            .map(|s| format!(" ({})", wording::strength_short(s)))
            .unwrap_or_default();
        let (before, after) = regrade_sentences(current.rules_version, outcome.rules_version);
        doc.paragraph(
            MARGIN_X,
            COLUMN_W,
            BODY.in_color(MUTED),
            &format!("{before} {}{strength}. {after}", wording::tier_label(current.tier)),
        );
    }

    if !outcome.reasons.is_empty() {
        section_heading(doc, words::WHY);
        let reasons: Vec<String> = outcome.reasons.iter().map(wording::reason).collect();
        doc.bullets(BODY, &reasons);
    }

    section_heading(doc, words::SAFETY);
    safety(doc, session);

    if !session.check.legs.is_empty() {
        section_heading(doc, words::ANSWERS);
        for record in &session.check.legs {
            doc.heading(
                4,
                Style::bold(10.0),
                &format!("{}, {}", wording::leg(record.leg), words::leg_role(record.reference)),
                60.0,
            );
            doc.gap(2.0);
            answers(doc, record);
        }
    }
    if let Some(line) = stopped_line(&session.check) {
        doc.paragraph(MARGIN_X, COLUMN_W, Style::bold(10.0), &line);
    }

    if let Some(note) = entry.note.filter(|n| !n.trim().is_empty()) {
        section_heading(doc, words::NOTE);
        doc.paragraph(MARGIN_X + 12.0, COLUMN_W - 12.0, BODY, note);
        if has_replacements(note) {
            doc.gap(2.0);
            doc.paragraph(
                MARGIN_X + 12.0,
                COLUMN_W - 12.0,
                SMALL.in_color(MUTED),
                REPLACEMENT_EXPLAINED,
            );
        }
    }

    section_heading(doc, words::ADVICE);
    let next: Vec<String> = wording::next_steps(outcome).iter().map(|s| s.to_string()).collect();
    doc.bullets(BODY, &next);
    doc.gap(2.0);
    doc.paragraph(MARGIN_X, COLUMN_W, BODY, wording::when_to_see_pt(outcome.tier));
    doc.gap(2.0);
    let always: Vec<String> = wording::every_result().iter().map(|s| s.to_string()).collect();
    doc.bullets(BODY, &always);
    doc.gap(10.0);
    doc.paragraph(MARGIN_X, COLUMN_W, Style::regular(7.5).in_color(MUTED), &ids_line(session));
}

fn section_heading(doc: &mut Doc, text: &str) {
    doc.gap(10.0);
    doc.heading(3, H3.in_color(MUTED), &text.to_uppercase(), 40.0);
    doc.gap(2.0);
}

fn safety(doc: &mut Doc, session: &Session) {
    let check = &session.check;
    let lines = flag_lines(check);
    doc.paragraph(MARGIN_X, COLUMN_W, BODY, &flags_summary(&lines));
    doc.gap(2.0);
    for line in lines {
        let style = if line.yes { Style::bold(9.0).in_color(ALERT) } else { SMALL.in_color(MUTED) };
        let text = match line.severity {
            Some(severity) => format!("{} ({severity})", line.text),
            None => line.text,
        };
        doc.ensure(style.leading());
        let top = doc.y;
        doc.text_at(MARGIN_X + 4.0, top, style, if line.yes { "YES" } else { "No" });
        doc.paragraph(MARGIN_X + 30.0, COLUMN_W - 30.0, style, &text);
    }
    if let Some(injury) = check.injury {
        doc.gap(4.0);
        let answer = if injury { Style::bold(10.0).in_color(ALERT) } else { Style::bold(10.0) };
        doc.paragraph(MARGIN_X, COLUMN_W, BODY, &format!("{STRAIN_QUESTION}:"));
        doc.paragraph(MARGIN_X + 12.0, COLUMN_W - 12.0, answer, yes_no(injury));
    }
}

fn answers(doc: &mut Doc, record: &LegRecord) {
    const WIDTHS: [f32; 9] = [26.0, 76.0, 48.0, 80.0, 80.0, 46.0, 50.0, 44.0, 0.0];
    let used: f32 = WIDTHS.iter().sum();
    let columns: Vec<Column> = ANSWER_COLUMNS
        .iter()
        .zip(WIDTHS)
        .map(|(heading, width)| Column {
            heading,
            width: if width == 0.0 { COLUMN_W - used } else { width },
        })
        .collect();
    let text = Style::regular(8.0);
    let mut rows = Vec::new();
    for (test, answers) in answer_rows(record) {
        rows.push(Row::Group(wording::test_name(test).to_string()));
        for row in answers {
            let mut cells = vec![
                Cell { text: Some(row.step.code().to_string()), style: Style::bold(8.0) },
                Cell { text: Some(row.movement.to_string()), style: text },
            ];
            cells.extend(row.cells.iter().map(|answered| Cell {
                text: answered.as_ref().map(Answered::cell),
                style: match answered {
                    Some(a) if a.is_alert() => Style::bold(8.0).in_color(ALERT),
                    _ => text,
                },
            }));
            rows.push(Row::Cells(cells));
        }
    }
    doc.table(&columns, &rows);
}
