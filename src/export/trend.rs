//! The intensity of the slump test (A2) and the hamstring stretch (B2) over time,
//! per leg: as data (for the app's chart), as plain sentences and as an SVG chart.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

pub use super::chart::{ChartLayout, ChartMarker, LegendItem, LegendSample, chart_layout};
use super::escape;
use super::style::{LineStyle, marker_shape, tier_color};
use super::words;
use crate::core::{Leg, MAX_INTENSITY, StepId, TestKind, Tier};
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
                        intensity: record.intensity(step)?.min(MAX_INTENSITY),
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
