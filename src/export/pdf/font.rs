//! The two fonts of the PDF report, Fira Sans Regular and Bold (SIL Open Font
//! License, `assets/fonts/OFL.txt`), embedded in the file and subset by krilla to
//! the glyphs used. Text is measured with the fonts' advance widths so lines can
//! be wrapped; a character the fonts cannot draw (Chinese, Japanese, emoji...) is
//! replaced by [`REPLACEMENT`], which the report explains ([`REPLACEMENT_EXPLAINED`]).

use std::borrow::Cow;
use std::sync::OnceLock;

use ttf_parser::Face;

/// Fira Sans Regular, as shipped with iced (Google Fonts' build).
static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/FiraSans-Regular.ttf");
/// Fira Sans Bold, from the same build (npm package `@expo-google-fonts/fira-sans`).
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/FiraSans-Bold.ttf");

/// What stands for a character the fonts cannot draw: a lozenge, which Fira Sans
/// has (it has no U+FFFD), so the gap is visible and never a silent "?".
pub(super) const REPLACEMENT: char = '◊';

/// The sentence printed under a note whose characters were replaced.
pub(super) const REPLACEMENT_EXPLAINED: &str = "Characters the report's font cannot show (such as Chinese or Japanese) are printed as ◊; the HTML report and the CSV keep them as written.";

/// A font of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    /// Fira Sans Regular.
    Regular,
    /// Fira Sans Bold.
    Bold,
}

impl Font {
    /// Both fonts, in the order of their index.
    pub(super) const ALL: [Font; 2] = [Font::Regular, Font::Bold];

    /// The font file.
    pub(super) fn data(self) -> &'static [u8] {
        match self {
            Font::Regular => REGULAR,
            Font::Bold => BOLD,
        }
    }

    fn face(self) -> Option<&'static Face<'static>> {
        static FACES: [OnceLock<Option<Face<'static>>>; 2] = [OnceLock::new(), OnceLock::new()];
        FACES[self as usize].get_or_init(|| Face::parse(self.data(), 0).ok()).as_ref()
    }

    /// Whether the font has a glyph for `c`.
    pub(super) fn covers(self, c: char) -> bool {
        self.face().and_then(|f| f.glyph_index(c)).is_some_and(|g| g.0 != 0)
    }

    /// The width of `text` at `size` points, as drawn (after [`drawable`]),
    /// without kerning (which only narrows it).
    pub(super) fn width(self, text: &str, size: f32) -> f32 {
        let Some(face) = self.face() else { return text.chars().count() as f32 * size * 0.5 };
        let units: u32 = drawable(text)
            .chars()
            .map(|c| {
                face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }
}

/// `text` as the report draws it: tabs as spaces, other control characters dropped,
/// and every character the fonts lack as [`REPLACEMENT`].
pub(super) fn drawable(text: &str) -> Cow<'_, str> {
    let keep = |c: char| !c.is_control() && Font::ALL.iter().all(|f| f.covers(c));
    if text.chars().all(keep) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() => None,
                c if keep(c) => Some(c),
                _ => Some(REPLACEMENT),
            })
            .collect(),
    )
}

/// Whether some character of `text` will be drawn as [`REPLACEMENT`].
pub(super) fn has_replacements(text: &str) -> bool {
    text.chars().any(|c| !c.is_control() && !Font::ALL.iter().all(|f| f.covers(c)))
}

/// Splits `text` into lines no wider than `max` points at `size`, breaking at
/// spaces, and inside a word only when the word alone is too wide. Line breaks
/// in `text` are kept; an empty text gives no lines.
pub(super) fn wrap(text: &str, font: Font, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate =
                if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if font.width(&candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: split it where it overflows.
            for c in word.chars() {
                line.push(c);
                if font.width(&line, size) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        if !line.is_empty() || (paragraph.trim().is_empty() && !lines.is_empty()) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_fonts() {
        let regular = Font::Regular.width("Hi", 10.0);
        assert!(regular > 5.0 && regular < 15.0, "{regular}");
        let (plain, bold) =
            (Font::Regular.width("Hamstring", 10.0), Font::Bold.width("Hamstring", 10.0));
        assert!(bold > plain, "{bold} > {plain}");
        assert!((Font::Regular.width("HiHi", 10.0) - 2.0 * regular).abs() < 1e-3);
        assert!((Font::Regular.width("Hi", 20.0) - 2.0 * regular).abs() < 1e-3);
    }

    #[test]
    fn latin_greek_and_cyrillic_are_drawn_and_the_rest_replaced_visibly() {
        let text = "Zoë, Ελλάδα, Привет, 膝の裏";
        assert_eq!(drawable(text), format!("Zoë, Ελλάδα, Привет, {}", "◊".repeat(3)));
        assert!(has_replacements(text));
        assert!(!has_replacements("Zoë, Ελλάδα, Привет – “quoted” …"));
        assert_eq!(drawable("a\tb\u{7}c"), "a bc");
        assert!(Font::ALL.iter().all(|f| f.covers(REPLACEMENT)));
    }

    #[test]
    fn wrapping_fits_and_keeps_every_word() {
        let text = "The quick brown fox jumps over the lazy dog near the riverbank";
        let lines = wrap(text, Font::Regular, 10.0, 100.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(Font::Regular.width(line, 10.0) <= 100.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        let long = wrap(&"x".repeat(200), Font::Regular, 10.0, 50.0);
        assert!(long.len() > 1 && long.iter().all(|l| Font::Regular.width(l, 10.0) <= 50.0));
        assert_eq!(wrap("one\n\ntwo", Font::Regular, 10.0, 100.0), ["one", "", "two"]);
        assert!(wrap("", Font::Regular, 10.0, 100.0).is_empty());
    }
}
