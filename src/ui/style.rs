//! The design scales (spacing, type, tap targets) and the colours of the result tiers.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Theme};

use crate::core::Tier;

/// Spacing scale, in logical pixels.
pub mod space {
    pub const XS: f32 = 4.0;
    pub const S: f32 = 8.0;
    pub const M: f32 = 12.0;
    pub const L: f32 = 16.0;
    pub const XL: f32 = 24.0;
    pub const XXL: f32 = 32.0;
}

/// Type scale, in logical pixels at 100%.
pub mod text_size {
    pub const SMALL: f32 = 14.0;
    pub const BODY: f32 = 16.0;
    pub const TITLE: f32 = 20.0;
    pub const HEADING: f32 = 28.0;
}

/// The height of every tap target (at least 44 px).
pub const TAP: f32 = 48.0;
/// The width of a square tap target, such as an intensity number.
pub const TAP_SQUARE: f32 = 48.0;
/// The widest a column of text gets.
pub const READING_WIDTH: f32 = 720.0;
/// The widest a step card gets (illustration beside the controls).
pub const CARD_WIDTH: f32 = 1000.0;
/// From this width on, step cards put the illustration beside the controls.
pub const WIDE: f32 = 700.0;
/// Corner radius of cards and buttons.
pub const RADIUS: f32 = 12.0;

/// The colour of a tier, the same as in exports. White text on each has a contrast of
/// at least 4.5:1.
pub fn tier_color(tier: Tier) -> Color {
    let rgb = crate::export::style::tier_color(tier);
    Color::from_rgb8(rgb.0, rgb.1, rgb.2)
}

/// A card: a softly filled, rounded box.
pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        text_color: Some(palette.background.weak.text),
        border: Border { radius: RADIUS.into(), ..Border::default() },
        ..container::Style::default()
    }
}

/// A card with a coloured edge, for notes that must stand out (disclaimer, warnings).
pub fn note(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weaker.color)),
        text_color: Some(palette.background.weaker.text),
        border: Border { radius: RADIUS.into(), width: 2.0, color: palette.primary.base.color },
        ..container::Style::default()
    }
}

/// The bar that holds the primary action at the bottom of a screen.
pub fn action_bar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        border: Border { width: 1.0, color: palette.background.strong.color, radius: 0.0.into() },
        ..container::Style::default()
    }
}

/// The bar at the top of every screen (the app's name, Quit, Help).
pub fn top_bar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        text_color: Some(palette.background.base.text),
        border: Border { width: 1.0, color: palette.background.strong.color, radius: 0.0.into() },
        ..container::Style::default()
    }
}

/// A solid badge in a tier's colour, white text on it. In high contrast the badge is
/// black with a white outline: the tier colours hold 4.5:1 with white text but not the
/// 7:1 high contrast asks for, and the symbol still tells the tiers apart.
pub fn tier_badge(tier: Tier) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let (background, border) = if is_high_contrast(theme) {
            (Color::BLACK, Border { radius: RADIUS.into(), width: 3.0, color: Color::WHITE })
        } else {
            (tier_color(tier), Border { radius: RADIUS.into(), ..Border::default() })
        };
        container::Style {
            background: Some(Background::Color(background)),
            text_color: Some(Color::WHITE),
            border,
            ..container::Style::default()
        }
    }
}

/// The app's looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Light,
    Dark,
    /// Black and white with a bright yellow accent (see [`high_contrast`]).
    HighContrast,
}

impl ThemeKind {
    /// The kind of `theme`, told by its colours (its name is for people to read).
    pub fn of(theme: &Theme) -> ThemeKind {
        if theme.palette() == HIGH_CONTRAST_PALETTE {
            ThemeKind::HighContrast
        } else if theme.extended_palette().is_dark {
            ThemeKind::Dark
        } else {
            ThemeKind::Light
        }
    }
}

/// Whether `theme` is the high-contrast theme.
pub fn is_high_contrast(theme: &Theme) -> bool {
    ThemeKind::of(theme) == ThemeKind::HighContrast
}

/// The outline of a control that is not chosen: at least 3:1 against the page in
/// every theme (WCAG 2.2, non-text contrast), so a Yes/No or a chip reads as a control.
pub fn boundary(theme: &Theme) -> Color {
    let palette = theme.palette();
    // The least mix of the text colour into the page that clears 3:1 (with a margin),
    // so outlines stay quiet but visible.
    (10..=20)
        .map(|tenths| {
            iced::theme::palette::mix(palette.background, palette.text, tenths as f32 / 20.0)
        })
        .find(|c| contrast(*c, palette.background) >= 3.2)
        .unwrap_or(palette.text)
}

/// A choice (chip, scale number, yes/no): outlined when off, filled and outlined in
/// the text colour when chosen. The border is as wide either way, so a choice never
/// changes size when tapped.
pub fn choice(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        let (background, text, border) = if selected {
            (
                palette.primary.strong.color,
                palette.primary.strong.text,
                palette.background.base.text,
            )
        } else {
            let bg = match status {
                button::Status::Hovered | button::Status::Pressed => palette.background.weak.color,
                _ => palette.background.base.color,
            };
            let text = match status {
                button::Status::Hovered | button::Status::Pressed => palette.background.weak.text,
                _ => palette.background.base.text,
            };
            (bg, text, boundary(theme))
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color: text,
            border: Border { radius: RADIUS.into(), width: CHOICE_BORDER, color: border },
            ..button::Style::default()
        }
    }
}

/// The border width of every choice, chosen or not.
pub const CHOICE_BORDER: f32 = 2.0;

/// A choice drawn as a box (for tap targets that are not buttons), looking like
/// [`choice`] at rest.
pub fn choice_box(selected: bool) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let button = choice(selected)(theme, button::Status::Active);
        container::Style {
            background: button.background,
            text_color: Some(button.text_color),
            border: button.border,
            ..container::Style::default()
        }
    }
}

/// The outline of the question the keyboard answers: the accent colour (at least 3:1
/// against the page in every theme) when focused, the same width in the page colour
/// when not, so the focus moves nothing.
pub fn focus_ring(theme: &Theme, focused: bool) -> container::Style {
    let palette = theme.extended_palette();
    let color = if focused { palette.primary.base.color } else { palette.background.base.color };
    container::Style {
        border: Border { radius: RADIUS.into(), width: CHOICE_BORDER, color },
        ..container::Style::default()
    }
}

/// The primary action (Next, Start). Hovered or pressed it keeps its colours (iced's
/// lighter hover fails 4.5:1 on dark) and gains an outline in the text colour.
pub fn primary(theme: &Theme, status: button::Status) -> button::Style {
    with_hover_outline(theme, status, button::primary)
}

/// `base`'s style at rest for hover and press, outlined; disabled, outlined in the
/// boundary colour so the faded button keeps its edge.
fn with_hover_outline(
    theme: &Theme,
    status: button::Status,
    base: fn(&Theme, button::Status) -> button::Style,
) -> button::Style {
    let radius = RADIUS.into();
    let style = match status {
        button::Status::Hovered | button::Status::Pressed => {
            let style = base(theme, button::Status::Active);
            let color = theme.palette().text;
            button::Style { border: Border { radius, width: CHOICE_BORDER, color }, ..style }
        }
        button::Status::Disabled => {
            let style = base(theme, status);
            let color = boundary(theme);
            button::Style { border: Border { radius, width: CHOICE_BORDER, color }, ..style }
        }
        button::Status::Active => {
            let style = base(theme, status);
            button::Style { border: Border { radius, ..style.border }, ..style }
        }
    };
    match (status, style.background) {
        (button::Status::Disabled, _) | (_, None) => style,
        (_, Some(Background::Color(fill))) => {
            button::Style { text_color: clearest_on(fill), ..style }
        }
        (_, Some(_)) => style,
    }
}

/// Black or white, whichever reads better on `fill`.
pub fn clearest_on(fill: Color) -> Color {
    if contrast(Color::BLACK, fill) >= contrast(Color::WHITE, fill) {
        Color::BLACK
    } else {
        Color::WHITE
    }
}

/// A secondary action (Back).
pub fn secondary(theme: &Theme, status: button::Status) -> button::Style {
    let style = choice(false)(theme, status);
    match status {
        button::Status::Disabled => button::Style { text_color: boundary(theme), ..style },
        _ => style,
    }
}

/// A quiet text-only action (Quit).
pub fn quiet(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::text(theme, status);
    button::Style { border: Border { radius: RADIUS.into(), ..style.border }, ..style }
}

/// The outline of what warns (the stop control, the emergency block): the danger
/// colour, lighter on dark themes, or the text colour where it would fall under 3:1.
pub fn danger_edge(theme: &Theme) -> Color {
    let palette = theme.extended_palette();
    let danger =
        if palette.is_dark { palette.danger.weak.color } else { palette.danger.base.color };
    if contrast(danger, palette.background.base.color) >= 3.0 {
        danger
    } else {
        palette.background.base.text
    }
}

/// The stop control of a test card: outlined in the danger colour, filled with it
/// when pressed, so it stands apart from the answers without shouting.
pub fn stop_outline(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let danger = danger_edge(theme);
    let (background, text) = match status {
        button::Status::Pressed | button::Status::Hovered => (danger, clearest_on(danger)),
        _ => (palette.background.base.color, palette.background.base.text),
    };
    button::Style {
        background: Some(Background::Color(background)),
        text_color: text,
        border: Border { radius: RADIUS.into(), width: 3.0, color: danger },
        ..button::Style::default()
    }
}

/// A button in a tier's colour (used for "call for help" style actions).
pub fn danger(theme: &Theme, status: button::Status) -> button::Style {
    with_hover_outline(theme, status, button::danger)
}

/// The high-contrast theme's name.
pub const HIGH_CONTRAST: &str = "High contrast";

/// The light theme: white, near-black text and a deep blue accent that holds 7:1 with
/// white text (iced's own light blue holds 4.6:1, and less than 3:1 on dark).
pub fn light() -> Theme {
    Theme::custom(
        "Light".to_string(),
        iced::theme::Palette {
            background: Color::WHITE,
            text: Color::from_rgb8(0x1B, 0x1B, 0x1F),
            primary: Color::from_rgb8(0x38, 0x47, 0xC9),
            success: Color::from_rgb8(0x12, 0x66, 0x4F),
            warning: Color::from_rgb8(0x8A, 0x5A, 0x00),
            danger: Color::from_rgb8(0xB3, 0x26, 0x1E),
        },
    )
}

/// The dark theme: a near-black grey, light grey text and a light blue accent with dark
/// text on it.
pub fn dark() -> Theme {
    Theme::custom(
        "Dark".to_string(),
        iced::theme::Palette {
            background: Color::from_rgb8(0x1E, 0x1F, 0x22),
            text: Color::from_rgb8(0xE8, 0xE8, 0xE8),
            primary: Color::from_rgb8(0x8E, 0x9B, 0xFF),
            success: Color::from_rgb8(0x5C, 0xD6, 0x9C),
            warning: Color::from_rgb8(0xFF, 0xC1, 0x4E),
            danger: Color::from_rgb8(0xFF, 0x8A, 0x80),
        },
    )
}

/// The WCAG 2.2 contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Color, b: Color) -> f32 {
    fn luminance(c: Color) -> f32 {
        let channel = |v: f32| {
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The high-contrast theme's colours.
const HIGH_CONTRAST_PALETTE: iced::theme::Palette = iced::theme::Palette {
    background: Color::BLACK,
    text: Color::WHITE,
    primary: Color::from_rgb8(0xFF, 0xD6, 0x00),
    success: Color::from_rgb8(0x00, 0xE6, 0x76),
    warning: Color::from_rgb8(0xFF, 0xAB, 0x00),
    danger: Color::from_rgb8(0xFF, 0x8A, 0x80),
};

/// The high-contrast theme: black and white with a bright yellow accent.
pub fn high_contrast() -> Theme {
    Theme::custom(HIGH_CONTRAST.to_string(), HIGH_CONTRAST_PALETTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_is_known_by_its_colours_not_its_name() {
        assert_eq!(ThemeKind::of(&light()), ThemeKind::Light);
        assert_eq!(ThemeKind::of(&dark()), ThemeKind::Dark);
        assert_eq!(ThemeKind::of(&high_contrast()), ThemeKind::HighContrast);
        let renamed = Theme::custom(HIGH_CONTRAST.to_string(), light().palette());
        assert_eq!(ThemeKind::of(&renamed), ThemeKind::Light);
    }
}
