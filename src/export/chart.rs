//! The trend chart laid out as pure data: the [`Scale`] that places times and
//! intensities, shared by the app's chart (`ui::widgets::chart`) and the reports,
//! and the reports' full layout ([`chart_layout`]: grid, date ticks, lines,
//! markers, legend), which the HTML report's SVG and the PDF report draw.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use super::style::{LineStyle, line_style};
use super::trend::{Series, Trend};
use super::words;
use crate::core::{MAX_INTENSITY, Tier, wording};

/// Where times and intensities go in a chart's plot area, with y growing
/// downwards: time runs left to right inside `pad` on each side (a single
/// moment sits in the middle), intensity 0 at the bottom and 10 at the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The plot area's left edge.
    pub x: f32,
    /// The plot area's top edge.
    pub y: f32,
    /// The plot area's width.
    pub width: f32,
    /// The plot area's height.
    pub height: f32,
    /// Room left empty at each side of the time axis.
    pub pad: f32,
    /// The first and last moments of the trend.
    pub from: DateTime<FixedOffset>,
    /// The last moment.
    pub to: DateTime<FixedOffset>,
}

impl Scale {
    /// The intensities the horizontal grid lines mark.
    pub const GRID: [u8; 6] = [0, 2, 4, 6, 8, 10];

    /// The scale of `trend` in the plot area `(x, y, width, height)`; `None` when the
    /// trend has no point.
    pub fn new(
        trend: &Trend,
        (x, y, width, height): (f32, f32, f32, f32),
        pad: f32,
    ) -> Option<Self> {
        let (from, to) = trend.time_range()?;
        Some(Scale { x, y, width, height, pad, from, to })
    }

    /// The x of a moment.
    pub fn x_of(&self, at: DateTime<FixedOffset>) -> f32 {
        let span = (self.to - self.from).num_seconds();
        if span <= 0 {
            self.x + self.width / 2.0
        } else {
            let share = (at - self.from).num_seconds() as f32 / span as f32;
            self.x + self.pad + (self.width - 2.0 * self.pad) * share
        }
    }

    /// The y of an intensity, 0 to 10.
    pub fn y_of(&self, intensity: f32) -> f32 {
        self.y + self.height * (1.0 - intensity / f32::from(MAX_INTENSITY))
    }

    /// A series' points, placed.
    pub fn points(&self, series: &Series) -> Vec<(f32, f32)> {
        series.points.iter().map(|p| (self.x_of(p.at), self.y_of(f32::from(p.intensity)))).collect()
    }
}

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
    let (left, right, top) = (44.0, 16.0, 14.0);
    let rows = legend_rows(trend, left, w - right, text_width);
    let legend_h = rows.len() as f32 * LEGEND_ROW_H + 6.0;
    let axis_h = 34.0;
    let plot = (left, top, w - right, h - legend_h - axis_h);
    let (px0, py0, px1, py1) = plot;
    if py1 - py0 < 40.0 {
        return Err(words::TREND_HEADING);
    }
    let scale = Scale::new(trend, (px0, py0, px1 - px0, py1 - py0), (px1 - px0) * 0.04)
        .ok_or(words::TREND_EMPTY)?;
    let grid = Scale::GRID.iter().map(|&v| (scale.y_of(f32::from(v)), v)).collect();
    let ticks = date_ticks(&scale, (t0, t1), px1 - px0, text_width);
    let lines = trend
        .series
        .iter()
        .map(|series| (line_style(series.leg, series.test), scale.points(series)))
        .collect();
    let markers = markers(trend, &scale);
    let legend = place_legend(rows, py1 + axis_h);
    Ok(ChartLayout { plot, grid, ticks, lines, markers, legend })
}

/// The height of a row of the legend.
const LEGEND_ROW_H: f32 = 20.0;

/// One row of the legend: each entry's left edge, sample and label.
type LegendRow = Vec<(f32, LegendSample, String)>;

/// The legend: the series, then the tiers present, flowed into rows between `left`
/// and `right`.
fn legend_rows(
    trend: &Trend,
    left: f32,
    right: f32,
    text_width: &dyn Fn(&str) -> f32,
) -> Vec<LegendRow> {
    let mut entries: Vec<(LegendSample, String)> = trend
        .series
        .iter()
        .map(|s| (LegendSample::Line(line_style(s.leg, s.test)), s.name()))
        .collect();
    entries.extend(
        trend.tiers().into_iter().map(|t| (LegendSample::Tier(t), wording::tier_label(t).into())),
    );
    let mut rows: Vec<LegendRow> = vec![Vec::new()];
    let mut x = left;
    for (sample, label) in entries {
        let sample_w = match sample {
            LegendSample::Line(_) => 30.0,
            LegendSample::Tier(_) => 14.0,
        };
        let item_w = sample_w + 6.0 + text_width(&label) + 18.0;
        if x + item_w > right && x > left {
            rows.push(Vec::new());
            x = left;
        }
        if let Some(row) = rows.last_mut() {
            row.push((x, sample, label));
        }
        x += item_w;
    }
    rows
}

/// Date ticks from `t0` to `t1` across a plot `plot_w` wide: evenly spaced, as many
/// as fit, never two with the same label.
fn date_ticks(
    scale: &Scale,
    (t0, t1): (DateTime<FixedOffset>, DateTime<FixedOffset>),
    plot_w: f32,
    text_width: &dyn Fn(&str) -> f32,
) -> Vec<(f32, String)> {
    let span_s = (t1 - t0).num_seconds() as f32;
    let offset = *t0.offset();
    let d0 = t0.date_naive();
    let d1 = t1.with_timezone(&offset).date_naive();
    let with_year = d0.format("%Y").to_string() != d1.format("%Y").to_string();
    // Room for the widest label of its form.
    let label_w = text_width(if with_year { "30 May 2000" } else { "30 May" }) + 16.0;
    let max_ticks = ((plot_w / label_w).floor() as i64).clamp(1, 8);
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
        ticks.push((scale.x_of(t), label));
    }
    ticks
}

/// Every rating's marker, placed, with what it is in words.
fn markers(trend: &Trend, scale: &Scale) -> Vec<ChartMarker> {
    trend
        .series
        .iter()
        .flat_map(|series| {
            series.points.iter().map(move |p| ChartMarker {
                tier: p.tier,
                x: scale.x_of(p.at),
                y: scale.y_of(f32::from(p.intensity)),
                tip: format!(
                    "{}: {} on {}, {}",
                    series.name(),
                    p.intensity,
                    p.at.format("%-d %b %Y"),
                    wording::tier_label(p.tier)
                ),
            })
        })
        .collect()
}

/// The legend's rows placed from `legend_top` down.
fn place_legend(rows: Vec<LegendRow>, legend_top: f32) -> Vec<LegendItem> {
    rows.into_iter()
        .enumerate()
        .flat_map(|(r, row)| {
            let cy = legend_top + r as f32 * LEGEND_ROW_H + LEGEND_ROW_H / 2.0;
            row.into_iter().map(move |(x, sample, label)| {
                let text_x = match sample {
                    LegendSample::Line(_) => x + 36.0,
                    LegendSample::Tier(_) => x + 20.0,
                };
                LegendItem { sample, label, x, text_x, cy }
            })
        })
        .collect()
}
