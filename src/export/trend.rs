//! The intensity of the slump test (A2) and the hamstring stretch (B2) over time,
//! per leg: as data (for the app's chart), as plain sentences and as an SVG chart.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use super::escape;
use super::style::{LineStyle, line_style, marker_shape, tier_color};
use super::words;
use crate::core::{Leg, StepId, TestKind, Tier, wording};
use crate::store::{Session, SessionId};

/// One rating in a series.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// When the session started, with the person's offset at the time.
    pub at: DateTime<FixedOffset>,
    /// The session.
    pub session_id: SessionId,
    /// The intensity, 0 to 10.
    pub intensity: u8,
    /// The session's (stored) result.
    pub tier: Tier,
    /// Whether the leg was the reference leg in that session.
    pub reference: bool,
}

/// The ratings of one leg in one test, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The leg.
    pub leg: Leg,
    /// The test: the slump test's A2 or the stretch's B2 rating.
    pub test: TestKind,
    /// The ratings, oldest first.
    pub points: Vec<TrendPoint>,
}

impl Series {
    /// The step whose intensity this series follows (A2 or B2).
    pub fn step(&self) -> StepId {
        rated_step(self.test)
    }

    /// The series' name, such as "Left leg, slump (A2)".
    pub fn name(&self) -> String {
        words::series_name(self.leg, self.test)
    }
}

/// Every series that has at least one rating, in the order left slump, left
/// stretch, right slump, right stretch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trend {
    /// The series, none of them empty.
    pub series: Vec<Series>,
}

impl Trend {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The earliest and latest rating times, if any.
    pub fn time_range(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let mut times = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.at));
        let first = times.next()?;
        Some(times.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
    }

    /// The tiers of the points, most serious first, each once.
    pub fn tiers(&self) -> Vec<Tier> {
        Tier::ALL
            .into_iter()
            .filter(|t| self.series.iter().any(|s| s.points.iter().any(|p| p.tier == *t)))
            .collect()
    }
}

/// The step whose intensity a test's series follows.
pub fn rated_step(test: TestKind) -> StepId {
    match test {
        TestKind::Slump => StepId::A2,
        TestKind::HamstringStretch => StepId::B2,
    }
}

/// The trend of A2 and B2 intensities per leg, with each session's stored tier.
pub fn trend_points<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Trend {
    let sessions: Vec<&Session> = sessions.into_iter().collect();
    let mut series = Vec::new();
    for leg in [Leg::Left, Leg::Right] {
        for test in [TestKind::Slump, TestKind::HamstringStretch] {
            let step = rated_step(test);
            let mut points: Vec<TrendPoint> = sessions
                .iter()
                .filter_map(|s| {
                    let record = s.check.leg(leg)?;
                    Some(TrendPoint {
                        at: s.started_at,
                        session_id: s.id.clone(),
                        intensity: record.intensity(step)?.min(10),
                        tier: s.outcome.tier,
                        reference: record.reference,
                    })
                })
                .collect();
            points.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.session_id.cmp(&b.session_id)));
            if !points.is_empty() {
                series.push(Series { leg, test, points });
            }
        }
    }
    Trend { series }
}

/// One plain sentence per series, such as "Left leg, slump (A2): 7 to 3 over 5
/// weeks (6 sessions)", or "…: 4, one session so far". Legs never tested get none.
pub fn summary(trend: &Trend) -> Vec<String> {
    trend
        .series
        .iter()
        .filter_map(|series| {
            let first = series.points.first()?;
            let last = series.points.last()?;
            let name = series.name();
            if series.points.len() == 1 {
                return Some(format!("{name}: {}, {}", first.intensity, words::ONE_SESSION));
            }
            let change = if first.intensity == last.intensity {
                format!("stayed at {}", first.intensity)
            } else {
                format!("{} to {}", first.intensity, last.intensity)
            };
            let days = (last.at.date_naive() - first.at.date_naive()).num_days();
            let when = match words::span(days) {
                Some(span) => format!("over {span}"),
                None => "on the same day".to_string(),
            };
            Some(format!("{name}: {change} {when} ({})", words::sessions(series.points.len())))
        })
        .collect()
}

/// Formats a number for SVG with at most one decimal.
/// Ends `svg` with one line of text in its middle, instead of a chart.
fn close_with_note(mut svg: String, w: f32, h: f32, text: &str) -> String {
    let _ = write!(
        svg,
        r##"<text x="{}" y="{}" text-anchor="middle" fill="#444444">{}</text></svg>"##,
        n(w / 2.0),
        n(h / 2.0),
        escape(text)
    );
    svg
}

fn n(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

fn points_attr(points: &[(f32, f32)]) -> String {
    points.iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect::<Vec<_>>().join(" ")
}

/// An SVG marker for a tier at (`x`, `y`).
pub fn marker_svg(tier: Tier, x: f32, y: f32, r: f32) -> String {
    format!(
        r##"<polygon points="{}" fill="{}" stroke="#ffffff" stroke-width="1.5"/>"##,
        points_attr(&marker_shape(tier).polygon(x, y, r)),
        tier_color(tier).hex()
    )
}

/// A chart's date label.
fn date_label(date: NaiveDate, with_year: bool) -> String {
    if with_year { date.format("%-d %b %Y").to_string() } else { date.format("%-d %b").to_string() }
}

/// A trend chart's legend entry: a line sample or a tier marker, and its label.
#[derive(Debug, Clone, PartialEq)]
pub enum LegendSample {
    /// A short piece of a series' line.
    Line(LineStyle),
    /// A tier's marker.
    Tier(Tier),
}

/// One legend entry, placed: the sample starts at `x`, the label at `text_x`, both
/// centred on `cy`.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// The sample.
    pub sample: LegendSample,
    /// The label.
    pub label: String,
    /// Where the sample starts.
    pub x: f32,
    /// Where the label starts.
    pub text_x: f32,
    /// The row's vertical centre.
    pub cy: f32,
}

/// A rating's marker, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartMarker {
    /// The session's tier, which gives the marker its shape and colour.
    pub tier: Tier,
    /// The centre.
    pub x: f32,
    /// The centre.
    pub y: f32,
    /// What the point is, in words, such as "Left leg, slump (A2): 4 on 3 Mar 2026, …".
    pub tip: String,
}

/// Where every part of a trend chart goes in a box of a given size, with y
/// growing downwards. The HTML report's SVG and the PDF report draw from it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    /// The plot area: left, top, right, bottom.
    pub plot: (f32, f32, f32, f32),
    /// The horizontal grid lines: y and the intensity they mark (0, 2, … 10).
    pub grid: Vec<(f32, u8)>,
    /// The date ticks: x and label, never two with the same label.
    pub ticks: Vec<(f32, String)>,
    /// One polyline per series, with its style.
    pub lines: Vec<(LineStyle, Vec<(f32, f32)>)>,
    /// The markers, drawn over the lines.
    pub markers: Vec<ChartMarker>,
    /// The legend entries, flowed into rows under the date labels.
    pub legend: Vec<LegendItem>,
}

/// Lays out the chart of `trend` in a `w`×`h` box, measuring labels with
/// `text_width`. `Err` carries the one line to show instead when there is nothing
/// to draw or the box is too small for a readable chart.
pub fn chart_layout(
    trend: &Trend,
    w: f32,
    h: f32,
    text_width: &dyn Fn(&str) -> f32,
) -> Result<ChartLayout, &'static str> {
    let Some((t0, t1)) = trend.time_range() else {
        return Err(words::TREND_EMPTY);
    };

    // The legend: the series, then the tiers present, flowed into rows.
    let mut entries: Vec<(LegendSample, String)> = trend
        .series
        .iter()
        .map(|s| (LegendSample::Line(line_style(s.leg, s.test)), s.name()))
        .collect();
    entries.extend(
        trend.tiers().into_iter().map(|t| (LegendSample::Tier(t), wording::tier_label(t).into())),
    );
    let (left, right, top) = (44.0, 16.0, 14.0);
    let row_h = 20.0;
    let mut rows: Vec<Vec<(f32, LegendSample, String)>> = vec![Vec::new()];
    let mut x = left;
    for (sample, label) in entries {
        let sample_w = match sample {
            LegendSample::Line(_) => 30.0,
            LegendSample::Tier(_) => 14.0,
        };
        let item_w = sample_w + 6.0 + text_width(&label) + 18.0;
        if x + item_w > w - right && x > left {
            rows.push(Vec::new());
            x = left;
        }
        if let Some(row) = rows.last_mut() {
            row.push((x, sample, label));
        }
        x += item_w;
    }
    let legend_h = rows.len() as f32 * row_h + 6.0;
    let axis_h = 34.0;
    let plot = (left, top, w - right, h - legend_h - axis_h);
    let (px0, py0, px1, py1) = plot;
    if py1 - py0 < 40.0 {
        return Err(words::TREND_HEADING);
    }
    let pad = (px1 - px0) * 0.04;
    let span_s = (t1 - t0).num_seconds() as f32;
    let x_of = |t: DateTime<FixedOffset>| -> f32 {
        if span_s <= 0.0 {
            (px0 + px1) / 2.0
        } else {
            px0 + pad + (px1 - px0 - 2.0 * pad) * ((t - t0).num_seconds() as f32 / span_s)
        }
    };
    let y_of = |v: f32| py1 - (py1 - py0) * v / 10.0;

    let grid = (0..=10u8).step_by(2).map(|v| (y_of(f32::from(v)), v)).collect();

    // Date ticks: evenly spaced, as many as fit, never two with the same label.
    let offset = *t0.offset();
    let d0 = t0.date_naive();
    let d1 = t1.with_timezone(&offset).date_naive();
    let with_year = d0.format("%Y").to_string() != d1.format("%Y").to_string();
    // Room for the widest label of its form.
    let label_w = text_width(if with_year { "30 May 2000" } else { "30 May" }) + 16.0;
    let max_ticks = (((px1 - px0) / label_w).floor() as i64).clamp(1, 8);
    let tick_count = if span_s <= 0.0 { 1 } else { max_ticks.max(2) };
    let mut ticks: Vec<(f32, String)> = Vec::new();
    for i in 0..tick_count {
        let t = if tick_count == 1 {
            t0
        } else {
            t0 + TimeDelta::seconds((span_s as f64 * i as f64 / (tick_count - 1) as f64) as i64)
        };
        let label = date_label(t.with_timezone(&offset).date_naive(), with_year);
        if ticks.last().is_some_and(|(_, last)| *last == label) {
            continue;
        }
        ticks.push((x_of(t), label));
    }

    let lines = trend
        .series
        .iter()
        .map(|series| {
            let coords =
                series.points.iter().map(|p| (x_of(p.at), y_of(f32::from(p.intensity)))).collect();
            (line_style(series.leg, series.test), coords)
        })
        .collect();
    let markers = trend
        .series
        .iter()
        .flat_map(|series| {
            series.points.iter().map(move |p| ChartMarker {
                tier: p.tier,
                x: x_of(p.at),
                y: y_of(f32::from(p.intensity)),
                tip: format!(
                    "{}: {} on {}, {}",
                    series.name(),
                    p.intensity,
                    p.at.format("%-d %b %Y"),
                    wording::tier_label(p.tier)
                ),
            })
        })
        .collect();

    let legend_top = py1 + axis_h;
    let legend = rows
        .into_iter()
        .enumerate()
        .flat_map(|(r, row)| {
            let cy = legend_top + r as f32 * row_h + row_h / 2.0;
            row.into_iter().map(move |(x, sample, label)| {
                let text_x = match sample {
                    LegendSample::Line(_) => x + 36.0,
                    LegendSample::Tier(_) => x + 20.0,
                };
                LegendItem { sample, label, x, text_x, cy }
            })
        })
        .collect();

    Ok(ChartLayout { plot, grid, ticks, lines, markers, legend })
}

/// An SVG `stroke-dasharray` attribute for a line style (empty for a solid line).
fn dash_attr(style: &LineStyle) -> String {
    if style.dash.is_empty() {
        String::new()
    } else {
        let pattern: Vec<String> = style.dash.iter().map(|d| n(d * 2.5)).collect();
        format!(r#" stroke-dasharray="{}""#, pattern.join(" "))
    }
}

/// A standalone SVG line chart of the trend: intensity 0 to 10 up the side, dates
/// along the bottom, one line per leg and test (each its own colour and dash
/// pattern), each point marked with its tier's shape and colour, and a legend.
pub fn trend_svg(trend: &Trend, width: u32, height: u32) -> String {
    let (w, h) = (width.max(240) as f32, height.max(160) as f32);
    let font = 12.0;
    let char_w = font * 0.58;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="trend-title" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="{font}">"#,
        w = n(w),
        h = n(h),
        font = n(font)
    );
    let _ = write!(svg, r#"<title id="trend-title">{}</title>"#, escape(words::TREND_HEADING));
    let _ =
        write!(svg, r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##, n(w), n(h));

    let width_of = |text: &str| text.chars().count() as f32 * char_w;
    let layout = match chart_layout(trend, w, h, &width_of) {
        Ok(layout) => layout,
        Err(note) => return close_with_note(svg, w, h, note),
    };
    let (px0, py0, px1, py1) = layout.plot;

    // Grid and the y axis.
    for &(y, v) in &layout.grid {
        let (stroke, sw) = if v == 0 { ("#555555", 1.2) } else { ("#dddddd", 1.0) };
        let _ = write!(
            svg,
            r##"<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{stroke}" stroke-width="{sw}"/><text x="{tx}" y="{ty}" text-anchor="end" fill="#333333">{v}</text>"##,
            x0 = n(px0),
            x1 = n(px1),
            y = n(y),
            tx = n(px0 - 8.0),
            ty = n(y + 4.0),
            sw = n(sw),
        );
    }
    let _ = write!(
        svg,
        r##"<line x1="{x}" y1="{y0}" x2="{x}" y2="{y1}" stroke="#555555" stroke-width="1.2"/><text transform="translate(12 {cy}) rotate(-90)" text-anchor="middle" fill="#333333">{label}</text>"##,
        x = n(px0),
        y0 = n(py0),
        y1 = n(py1),
        cy = n((py0 + py1) / 2.0),
        label = escape(words::AXIS_INTENSITY)
    );
    for (x, label) in &layout.ticks {
        let _ = write!(
            svg,
            r##"<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke="#555555" stroke-width="1"/><text x="{x}" y="{ty}" text-anchor="middle" fill="#333333">{label}</text>"##,
            x = n(*x),
            y1 = n(py1),
            y2 = n(py1 + 5.0),
            ty = n(py1 + 19.0),
            label = escape(label)
        );
    }

    // The lines, then the markers on top.
    for (style, coords) in &layout.lines {
        let _ = write!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"{}/>"#,
            points_attr(coords),
            style.color.hex(),
            dash_attr(style)
        );
    }
    for marker in &layout.markers {
        let _ = write!(
            svg,
            "<g><title>{}</title>{}</g>",
            escape(&marker.tip),
            marker_svg(marker.tier, marker.x, marker.y, 6.0)
        );
    }

    // The legend.
    for item in &layout.legend {
        match &item.sample {
            LegendSample::Line(style) => {
                let _ = write!(
                    svg,
                    r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{}" stroke-width="2.5" stroke-linecap="round"{}/>"#,
                    n(item.x),
                    n(item.x + 30.0),
                    style.color.hex(),
                    dash_attr(style),
                    y = n(item.cy)
                );
            }
            LegendSample::Tier(tier) => {
                svg.push_str(&marker_svg(*tier, item.x + 7.0, item.cy, 6.0))
            }
        }
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" fill="#222222">{}</text>"##,
            n(item.text_x),
            n(item.cy + 4.0),
            escape(&item.label)
        );
    }
    svg.push_str("</svg>");
    svg
}
