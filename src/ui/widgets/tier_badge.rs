//! A tier's badge: its colour, its symbol and its label, so it never depends on colour alone.

use iced::widget::{container, row, svg, text};
use iced::{Alignment, Color, Element};

use crate::core::{Tier, wording};
use crate::ui::assets;
use crate::ui::style::{self, space, text_size};

/// How large a badge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeSize {
    /// For the result screen.
    Large,
    /// For lists.
    Small,
}

/// A badge for `tier`.
pub fn tier_badge<'a, Message: 'a>(tier: Tier, size: BadgeSize) -> Element<'a, Message> {
    let (icon, font, padding) = match size {
        BadgeSize::Large => (28.0, text_size::HEADING, [space::M, space::L]),
        BadgeSize::Small => (16.0, text_size::SMALL, [space::XS, space::S]),
    };
    container(
        row![
            svg(assets::tier_icon(tier))
                .width(icon)
                .height(icon)
                .style(|_, _| svg::Style { color: Some(Color::WHITE) }),
            text(wording::tier_label(tier)).size(font),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center),
    )
    .padding(padding)
    .style(style::tier_badge(tier))
    .into()
}
