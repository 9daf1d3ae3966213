//! The home screen: what the app does, the disclaimer and the way in.

use crate::core::wording::screens::home as words;
use iced::widget::{column, container, text};
use iced::{Element, Length};

use crate::core::wording;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, bar, ends};
use crate::ui::widgets::frame::frame;

/// Home has no state of its own.
#[derive(Debug, Clone, Default)]
pub struct State;

/// What can be done on the home screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    NewCheck,
    History,
    Settings,
    Intro,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    StartCheck,
    History,
    Settings,
    /// Read "before you start" again.
    Intro,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::NewCheck => Action::StartCheck,
            Message::History => Action::History,
            Message::Settings => Action::Settings,
            Message::Intro => Action::Intro,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Primary => Some(Message::NewCheck),
            Shortcut::History => Some(Message::History),
            Shortcut::Settings => Some(Message::Settings),
            _ => None,
        }
    }

    /// Draws the screen.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let body = column![
            ends(
                viewport,
                text(wording::APP_NAME).size(text_size::HEADING).into(),
                action(words::SETTINGS, Kind::Secondary, Some(Message::Settings)),
            ),
            text(words::QUESTION).size(text_size::TITLE),
            text(wording::home_intro()).size(text_size::BODY),
            container(text(wording::NOT_A_DIAGNOSIS).size(text_size::BODY))
                .padding(space::L)
                .width(Length::Fill)
                .style(style::note),
            text(wording::STOP_RULE).size(text_size::BODY),
            action(
                crate::core::wording::screens::intro::OPEN,
                Kind::Secondary,
                Some(Message::Intro)
            ),
        ]
        .spacing(space::L);

        let actions = bar(
            viewport,
            [
                (words::HISTORY, Kind::Secondary, Some(Message::History)),
                (words::NEW_CHECK, Kind::Primary, Some(Message::NewCheck)),
            ],
        );
        frame(viewport, body, Some(actions))
    }
}
