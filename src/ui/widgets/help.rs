//! The help: what the screen on show asks and how to answer, then, where a keyboard is
//! in use, every keyboard shortcut, in a dialog centred over the screen, its Close at
//! the top. Opened by the Help button, `?` or F1.

use crate::core::wording::screens::widgets as words;
use iced::widget::{Column, center, column, container, opaque, row, scrollable, text};
use iced::{Background, Color, Element, Length};

use crate::ui::keys::HELP;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::press::press;

/// The help panel, dimming what is behind it: `topic` and its Close button, its
/// `lines`, then with `keys` the shortcuts; `close` is sent by Close.
pub fn overlay<'a, Message: Clone + 'a>(
    topic: String,
    lines: Vec<String>,
    keys: bool,
    close: Message,
) -> Element<'a, Message> {
    let about = Column::with_children(
        lines.into_iter().map(|line| text(line).size(text_size::BODY).into()),
    )
    .spacing(space::S);
    let rows = Column::with_children(HELP.iter().map(|(keys, does)| {
        row![
            text(*keys).size(text_size::BODY).width(Length::FillPortion(2)),
            text(*does).size(text_size::BODY).width(Length::FillPortion(3)),
        ]
        .spacing(space::M)
        .into()
    }))
    .spacing(space::S);
    let close = press(
        container(text(words::CLOSE).size(text_size::BODY)).center_y(Length::Fill),
        Some(close),
        style::secondary,
    )
    .height(style::TAP)
    .padding([0.0, space::L]);
    let mut panel = column![
        row![text(topic).size(text_size::TITLE).width(Length::Fill), close]
            .spacing(space::M)
            .align_y(iced::Alignment::Center),
        about,
    ]
    .spacing(space::L);
    if keys {
        panel = panel.push(text(words::SHORTCUTS).size(text_size::TITLE)).push(rows);
    }
    let panel = container(panel).padding(space::L).max_width(560).style(|theme| container::Style {
        border: iced::Border {
            radius: style::RADIUS.into(),
            width: style::CHOICE_BORDER,
            color: style::boundary(theme),
        },
        ..container::background(theme.extended_palette().background.base.color)
    });
    opaque(
        center(scrollable(container(panel).center_x(Length::Fill)).height(Length::Shrink))
            .padding(space::M)
            .style(|_| container::background(Background::Color(Color { a: 0.6, ..Color::BLACK }))),
    )
}
