//! The A4 page of the report: its size, margins and colours, and the text styles
//! written on it.

use super::font::Font;
use crate::export::style::Rgb;

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.28;
/// A4 in points.
pub(super) const PAGE_H: f32 = 841.89;
/// The left and right margin.
pub(super) const MARGIN_X: f32 = 48.0;
/// The top margin.
pub(super) const MARGIN_TOP: f32 = 52.0;
/// Room kept at the bottom for the footer.
pub(super) const MARGIN_BOTTOM: f32 = 64.0;
/// The width of the text column.
pub(super) const COLUMN_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Body text.
pub(super) const INK: Rgb = Rgb(0x1d, 0x23, 0x27);
/// Secondary text.
pub(super) const MUTED: Rgb = Rgb(0x5b, 0x64, 0x6b);
/// Rules between table rows.
pub(super) const LINE: Rgb = Rgb(0xcf, 0xd6, 0xdb);
/// Answers that call for attention.
pub(super) const ALERT: Rgb = Rgb(0xb3, 0x26, 0x1e);

/// A text style: font, size and colour.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    /// The font.
    pub font: Font,
    /// The size in points.
    pub size: f32,
    /// The colour.
    pub color: Rgb,
}

impl Style {
    /// Regular text of `size` in ink.
    pub(super) const fn regular(size: f32) -> Self {
        Style { font: Font::Regular, size, color: INK }
    }

    /// Bold text of `size` in ink.
    pub(super) const fn bold(size: f32) -> Self {
        Style { font: Font::Bold, size, color: INK }
    }

    /// The same style in `color`.
    pub(super) const fn in_color(self, color: Rgb) -> Self {
        Style { color, ..self }
    }

    /// The distance between baselines.
    pub(super) fn leading(self) -> f32 {
        self.size * 1.35
    }
}
