//! Before you start: what the check does and does not do, what you need, how long it
//! takes, and that you may stop at any time. Shown before the first check, and from
//! Home whenever the person wants to read it again.

use crate::core::wording::screens::{self as common, intro as words};
use iced::widget::{Column, column, container, text};
use iced::{Element, Length};

use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, bar};
use crate::ui::widgets::bullet::bullet;
use crate::ui::widgets::frame::frame;

/// Where the screen was opened from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Before the first check: the way on is the safety questions.
    BeforeFirstCheck,
    /// From Home, to read again: the way on is back home.
    FromHome,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Continue,
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go on to the safety questions.
    StartCheck,
    /// Back to Home.
    Home,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match (message, *self) {
            (Message::Continue, State::BeforeFirstCheck) => Action::StartCheck,
            (Message::Continue, State::FromHome) | (Message::Back, _) => Action::Home,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Primary => Some(Message::Continue),
            Shortcut::Back | Shortcut::Escape => Some(Message::Back),
            _ => None,
        }
    }

    /// Draws the screen.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let list = |items: &'static [&'static str]| {
            Column::with_children(items.iter().map(|item| bullet(*item))).spacing(space::S)
        };
        let body = column![
            text(words::HEADING).size(text_size::HEADING),
            text(words::WHAT_IT_DOES).size(text_size::BODY),
            container(text(words::NOT_A_DIAGNOSIS).size(text_size::BODY))
                .padding(space::L)
                .width(Length::Fill)
                .style(style::note),
            text(words::YOU_NEED).size(text_size::TITLE),
            list(words::NEEDS),
            text(words::time()).size(text_size::BODY),
            text(words::STOP_ANY_TIME).size(text_size::BODY),
        ]
        .spacing(space::L);
        let actions = match self {
            State::BeforeFirstCheck => bar(
                viewport,
                [
                    (common::BACK, Kind::Secondary, Some(Message::Back)),
                    (words::START, Kind::Primary, Some(Message::Continue)),
                ],
            ),
            State::FromHome => {
                bar(viewport, [(common::BACK, Kind::Secondary, Some(Message::Back))])
            }
        };
        frame(viewport, body, Some(actions))
    }
}
