//! The both-legs red-flag question, asked again before the result when both legs
//! showed nerve-type feelings below the knee (clinical brief, section 5).

use super::Message;
use crate::core::wording::screens::{self as common, result as words};
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, bar};
use crate::ui::widgets::frame::frame;
use iced::widget::{column, container, text};
use iced::{Element, Length};

/// The question, with Yes and No as the page's actions.
pub(super) fn view<'a>(viewport: Viewport) -> Element<'a, Message> {
    let body = column![
        text(words::BOTH_LEGS_AGAIN_HEADING).size(text_size::HEADING),
        container(text(words::BOTH_LEGS_AGAIN).size(text_size::TITLE))
            .padding(space::L)
            .width(Length::Fill)
            .style(style::note),
    ]
    .spacing(space::L);
    let actions = bar(
        viewport,
        [
            (common::NO, Kind::Secondary, Some(Message::BothLegsAgain(false))),
            (common::YES, Kind::Primary, Some(Message::BothLegsAgain(true))),
        ],
    );
    frame(viewport, body, Some(actions))
}
