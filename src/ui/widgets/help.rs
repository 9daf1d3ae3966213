//! The keyboard help: every shortcut, over the screen, opened and closed with `?`.

use crate::core::wording::screens::widgets as words;
use iced::widget::{Column, button, center, column, container, opaque, row, scrollable, text};
use iced::{Background, Color, Element, Length};

use crate::ui::keys::HELP;
use crate::ui::style::{self, space, text_size};

/// The help panel, dimming what is behind it; `close` is sent by its Close button.
pub fn overlay<'a, Message: Clone + 'a>(close: Message) -> Element<'a, Message> {
    let rows = Column::with_children(HELP.iter().map(|(keys, does)| {
        row![
            text(*keys).size(text_size::BODY).width(Length::FillPortion(2)),
            text(*does).size(text_size::BODY).width(Length::FillPortion(3)),
        ]
        .spacing(space::M)
        .into()
    }))
    .spacing(space::S);
    let panel = container(
        column![
            text(words::SHORTCUTS).size(text_size::TITLE),
            rows,
            button(container(text(words::CLOSE).size(text_size::BODY)).center_y(Length::Fill))
                .height(style::TAP)
                .padding([0.0, space::L])
                .style(style::secondary)
                .on_press(close),
        ]
        .spacing(space::L),
    )
    .padding(space::XL)
    .max_width(560)
    .style(|theme| container::Style {
        border: iced::Border { radius: style::RADIUS.into(), ..iced::Border::default() },
        ..container::background(theme.extended_palette().background.base.color)
    });
    opaque(
        center(scrollable(panel).height(Length::Shrink))
            .padding(space::L)
            .style(|_| container::background(Background::Color(Color { a: 0.6, ..Color::BLACK }))),
    )
}
