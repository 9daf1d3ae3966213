//! The trend chart as a standalone SVG, for the HTML report: the layout the PDF's
//! chart shares ([`chart_layout`]) drawn as SVG elements.

use std::fmt::Write as _;

use super::chart::{ChartLayout, LegendSample, chart_layout};
use super::escape;
use super::style::{LineStyle, marker_shape, tier_color};
use super::trend::Trend;
use super::words;
use crate::core::Tier;

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

/// Formats a number for SVG with at most one decimal.
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
    axes(&mut svg, &layout);
    lines_and_markers(&mut svg, &layout);
    legend(&mut svg, &layout);
    svg.push_str("</svg>");
    svg
}

/// The grid, the y axis with its label, and the date ticks.
fn axes(svg: &mut String, layout: &ChartLayout) {
    let (px0, py0, px1, py1) = layout.plot;
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
}

/// The lines, then the markers on top.
fn lines_and_markers(svg: &mut String, layout: &ChartLayout) {
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
}

/// The legend.
fn legend(svg: &mut String, layout: &ChartLayout) {
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
}
