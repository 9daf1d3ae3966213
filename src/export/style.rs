//! How tiers and trend lines look in exports: colours, symbols and line patterns.
//!
//! UI-agnostic (plain numbers and SVG text), so the app's canvas chart can draw
//! the same colours, dash patterns and marker shapes as the HTML report. The tier
//! colours are those of the app's result screen; white text on each has a contrast
//! of at least 4.5:1, and so has each colour as text on white.

use crate::core::{Leg, TestKind, Tier};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colour of a tier (the same as the app's tier badges).
pub fn tier_color(tier: Tier) -> Rgb {
    let rgb: u32 = match tier {
        Tier::Emergency => 0xB3261E,
        Tier::Urgent => 0xA3470A,
        Tier::StopAndConsult => 0x855D00,
        Tier::NerveTensionLikely => 0x1F5FAD,
        Tier::HamstringTightnessLikely => 0x2E7D32,
        Tier::Both => 0x6A3FA0,
        Tier::NormalResponse => 0x00796B,
        Tier::NoNotableTension => 0x4F6F52,
        Tier::Unclear => 0x5F6368,
    };
    Rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// The shape that marks a point of a tier in the trend chart, so tiers differ by
/// shape as well as colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    /// A triangle pointing up.
    TriangleUp,
    /// A triangle pointing down.
    TriangleDown,
    /// An octagon (a stop sign).
    Octagon,
    /// A square standing on a corner.
    Diamond,
    /// A circle.
    Circle,
    /// A square.
    Square,
    /// A hexagon.
    Hexagon,
    /// A short horizontal bar.
    Bar,
    /// A diagonal cross.
    Cross,
}

/// The marker shape of a tier.
pub fn marker_shape(tier: Tier) -> MarkerShape {
    match tier {
        Tier::Emergency => MarkerShape::TriangleUp,
        Tier::Urgent => MarkerShape::TriangleDown,
        Tier::StopAndConsult => MarkerShape::Octagon,
        Tier::NerveTensionLikely => MarkerShape::Diamond,
        Tier::HamstringTightnessLikely => MarkerShape::Circle,
        Tier::Both => MarkerShape::Square,
        Tier::NormalResponse => MarkerShape::Hexagon,
        Tier::NoNotableTension => MarkerShape::Bar,
        Tier::Unclear => MarkerShape::Cross,
    }
}

impl MarkerShape {
    /// The outline of the shape centred on (`cx`, `cy`) with "radius" `r`, as
    /// polygon corners (a circle is approximated with 16 corners).
    pub fn polygon(self, cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
        let regular = |n: usize, start_deg: f32, radius: f32| -> Vec<(f32, f32)> {
            (0..n)
                .map(|i| {
                    let a = (start_deg + 360.0 * i as f32 / n as f32).to_radians();
                    (cx + radius * a.cos(), cy + radius * a.sin())
                })
                .collect()
        };
        match self {
            MarkerShape::TriangleUp => regular(3, -90.0, r * 1.2),
            MarkerShape::TriangleDown => regular(3, 90.0, r * 1.2),
            MarkerShape::Octagon => regular(8, 22.5, r),
            MarkerShape::Diamond => regular(4, -90.0, r * 1.2),
            MarkerShape::Circle => regular(16, 0.0, r),
            MarkerShape::Square => regular(4, 45.0, r * 1.2),
            MarkerShape::Hexagon => regular(6, 0.0, r * 1.05),
            MarkerShape::Bar => {
                let (w, h) = (r * 1.3, r * 0.55);
                vec![(cx - w, cy - h), (cx + w, cy - h), (cx + w, cy + h), (cx - w, cy + h)]
            }
            MarkerShape::Cross => {
                let (a, b) = (r * 1.05, r * 0.4);
                // An X: a plus sign of arm length `a` and half-width `b`, turned 45°.
                let plus = [
                    (-b, -a),
                    (b, -a),
                    (b, -b),
                    (a, -b),
                    (a, b),
                    (b, b),
                    (b, a),
                    (-b, a),
                    (-b, b),
                    (-a, b),
                    (-a, -b),
                    (-b, -b),
                ];
                let (s, c) = 45f32.to_radians().sin_cos();
                plus.iter().map(|&(x, y)| (cx + x * c - y * s, cy + x * s + y * c)).collect()
            }
        }
    }
}

/// How the line of one leg and test is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    /// The line colour.
    pub color: Rgb,
    /// The dash pattern, in line-width units (empty for a solid line).
    pub dash: &'static [f32],
}

/// The line of a leg's test: each of the four has its own colour and dash pattern.
pub fn line_style(leg: Leg, test: TestKind) -> LineStyle {
    match (leg, test) {
        (Leg::Left, TestKind::Slump) => LineStyle { color: Rgb(0x26, 0x32, 0x38), dash: &[] },
        (Leg::Left, TestKind::HamstringStretch) => {
            LineStyle { color: Rgb(0x79, 0x55, 0x48), dash: &[4.0, 2.0] }
        }
        (Leg::Right, TestKind::Slump) => {
            LineStyle { color: Rgb(0xAD, 0x14, 0x57), dash: &[1.0, 2.0] }
        }
        (Leg::Right, TestKind::HamstringStretch) => {
            LineStyle { color: Rgb(0x82, 0x77, 0x17), dash: &[6.0, 2.0, 1.0, 2.0] }
        }
    }
}

/// The tier's symbol as SVG elements on a 24×24 grid, drawn in `currentColor`
/// (the same shapes as the app's tier icons).
pub fn tier_icon_body(tier: Tier) -> &'static str {
    match tier {
        // A warning triangle with an exclamation mark.
        Tier::Emergency => {
            r#"<path d="M12 2.5L23 21.5H1z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/><path d="M12 9v6" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="18.2" r="1.4" fill="currentColor"/>"#
        }
        // A clock: today.
        Tier::Urgent => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M12 6v6l4 3" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>"#
        }
        // A stop octagon with a bar.
        Tier::StopAndConsult => {
            r#"<path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/><path d="M7 12h10" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"/>"#
        }
        // A nerve: a zigzag.
        Tier::NerveTensionLikely => {
            r#"<path d="M2 13l4-6 4 10 4-10 4 10 4-6" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        }
        // A muscle: a spindle.
        Tier::HamstringTightnessLikely => {
            r#"<path d="M2 12C6 4 18 4 22 12C18 20 6 20 2 12z" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M6 12h12" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>"#
        }
        // Both: two overlapping rings.
        Tier::Both => {
            r#"<circle cx="8.5" cy="12" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2"/><circle cx="15.5" cy="12" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2"/>"#
        }
        // Normal: a tick in a circle.
        Tier::NormalResponse => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M7 12.5l3.5 3.5L17 8.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        }
        // Nothing notable: a level line in a circle.
        Tier::NoNotableTension => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M7 12h10" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>"#
        }
        // Unclear: a question mark.
        Tier::Unclear => {
            r#"<path d="M8 8.5a4 4 0 1 1 5.5 3.7c-1 .5-1.5 1.2-1.5 2.3v1" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="19.5" r="1.5" fill="currentColor"/>"#
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    #[test]
    fn every_tier_has_its_own_shape_and_readable_colour() {
        let shapes: HashSet<_> = Tier::ALL.iter().map(|t| marker_shape(*t)).collect();
        assert_eq!(shapes.len(), Tier::ALL.len());
        for tier in Tier::ALL {
            let contrast = 1.05 / (luminance(tier_color(tier)) + 0.05);
            assert!(contrast >= 4.5, "{tier:?}: {contrast}");
        }
    }

    #[test]
    fn every_line_differs_in_colour_and_dash() {
        let styles: Vec<LineStyle> = [Leg::Left, Leg::Right]
            .iter()
            .flat_map(|&l| [TestKind::Slump, TestKind::HamstringStretch].map(|t| line_style(l, t)))
            .collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.color, b.color);
                assert_ne!(a.dash, b.dash);
            }
        }
    }
}
