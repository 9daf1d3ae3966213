//! The blocks a result is built of: the emergency call to action, what a stop did,
//! an action block of lines to act on, and a titled section.

use iced::widget::{Column, column, container, row, text};
use iced::{Background, Border, Element, Length, Theme};

use super::{Message, StopKind};
use crate::core::wording::screens::result as words;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::bullet::bullet;
use crate::ui::widgets::press::press;

/// What a stop did, and the way back to the card for a stop made by mistake.
pub(super) fn stopped_block<'a>(kind: StopKind) -> Element<'a, Message> {
    let label = match kind {
        StopKind::Button => words::STOPPED_BY_MISTAKE,
        StopKind::Answer => words::YES_BY_MISTAKE,
    };
    column![
        text(words::TEST_STOPPED).size(text_size::HEADING),
        action(label, Kind::Secondary, Some(Message::UndoStop)),
        text(words::BACK_TO_CARD).size(text_size::SMALL),
    ]
    .spacing(space::S)
    .into()
}

/// The emergency call to action: the first thing on an emergency result; with
/// `calls`, each number is a tap-to-call button.
pub(super) fn emergency_block<'a>(calls: bool) -> Element<'a, Message> {
    let numbers = Column::with_children(words::EMERGENCY_NUMBERS.iter().map(|&(number, place)| {
        let line: Element<'a, Message> =
            text(words::emergency_number(number, place)).size(text_size::BODY).into();
        if calls {
            // In the browser on a phone each number is a tap-to-call link.
            row![
                press(
                    container(text(words::call(number)).size(text_size::BODY))
                        .center_y(Length::Fill),
                    Some(Message::Call(number)),
                    style::danger,
                )
                .height(style::TAP)
                .padding([0.0, space::M]),
                line
            ]
            .spacing(space::M)
            .align_y(iced::Alignment::Center)
            .into()
        } else {
            line
        }
    }))
    .spacing(space::S);
    container(
        column![text(words::EMERGENCY_CALL).size(text_size::HEADING), numbers].spacing(space::M),
    )
    .padding(space::L)
    .width(Length::Fill)
    .style(alarm)
    .into()
}

/// The emergency block's look: a thick outline in the danger colour.
fn alarm(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    let color = style::danger_edge(theme);
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        text_color: Some(palette.background.base.text),
        border: Border { radius: style::RADIUS.into(), width: 4.0, color },
        ..container::Style::default()
    }
}

/// An action block: lines to act on, in a note.
pub(super) fn block<'a>(lines: impl IntoIterator<Item = String>) -> Element<'a, Message> {
    container(Column::with_children(lines.into_iter().map(bullet)).spacing(space::S))
        .padding(space::L)
        .width(Length::Fill)
        .style(style::note)
        .into()
}

/// A titled section: its heading over its items.
pub(super) fn section<'a>(
    heading: &'a str,
    items: impl IntoIterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    column![text(heading).size(text_size::TITLE), Column::with_children(items).spacing(space::S),]
        .spacing(space::S)
        .into()
}
