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

/// A solid badge in a tier's colour.
pub fn tier_badge(tier: Tier) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(tier_color(tier))),
        text_color: Some(Color::WHITE),
        border: Border { radius: RADIUS.into(), ..Border::default() },
        ..container::Style::default()
    }
}

/// A choice (chip, scale number, yes/no): outlined when off, filled when chosen.
pub fn choice(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        let (background, text, border) = if selected {
            (
                palette.primary.strong.color,
                palette.primary.strong.text,
                palette.primary.strong.color,
            )
        } else {
            let bg = match status {
                button::Status::Hovered | button::Status::Pressed => palette.background.weak.color,
                _ => palette.background.base.color,
            };
            (bg, palette.background.base.text, palette.background.strong.color)
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color: text,
            border: Border { radius: RADIUS.into(), width: 2.0, color: border },
            ..button::Style::default()
        }
    }
}

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

/// The primary action (Next, Start).
pub fn primary(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::primary(theme, status);
    button::Style { border: Border { radius: RADIUS.into(), ..style.border }, ..style }
}

/// A secondary action (Back).
pub fn secondary(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let style = choice(false)(theme, status);
    match status {
        button::Status::Disabled => {
            button::Style { text_color: palette.background.strong.color, ..style }
        }
        _ => style,
    }
}

/// A quiet text-only action (Quit).
pub fn quiet(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::text(theme, status);
    button::Style { border: Border { radius: RADIUS.into(), ..style.border }, ..style }
}

/// A button in a tier's colour (used for "call for help" style actions).
pub fn danger(theme: &Theme, status: button::Status) -> button::Style {
    let style = button::danger(theme, status);
    button::Style { border: Border { radius: RADIUS.into(), ..style.border }, ..style }
}

/// The high-contrast theme: black and white with a bright yellow accent.
pub fn high_contrast() -> Theme {
    Theme::custom(
        "High contrast".to_string(),
        iced::theme::Palette {
            background: Color::BLACK,
            text: Color::WHITE,
            primary: Color::from_rgb8(0xFF, 0xD6, 0x00),
            success: Color::from_rgb8(0x00, 0xE6, 0x76),
            warning: Color::from_rgb8(0xFF, 0xAB, 0x00),
            danger: Color::from_rgb8(0xFF, 0x52, 0x52),
        },
    )
}
