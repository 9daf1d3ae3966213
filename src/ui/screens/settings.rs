//! Settings: the theme and the text and UI size. Changes apply at once and are saved.

use crate::core::wording::screens::{self as common, settings as words};
use iced::Element;
use iced::widget::{column, row, text};

use crate::settings::{SCALES, Settings, ThemeChoice};
use crate::ui::keys::Shortcut;
use crate::ui::style::{space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::choice::{chip, chips};
use crate::ui::widgets::frame::frame;

/// Settings has no state of its own: it shows and edits the app's settings.
#[derive(Debug, Clone, Default)]
pub struct State;

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Theme(ThemeChoice),
    Scale(u16),
    AutoHold(bool),
    Sound(bool),
    Voice(bool),
    ReduceMotion(bool),
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Apply and save these settings.
    Change(Settings),
    Back,
}

impl State {
    /// Handles a message, given the settings in force.
    pub fn update(&mut self, message: Message, current: &Settings) -> Action {
        match message {
            Message::Theme(theme) => Action::Change(Settings { theme, ..current.clone() }),
            Message::Scale(scale_percent) => {
                Action::Change(Settings { scale_percent, ..current.clone() })
            }
            Message::AutoHold(auto_countdown) => {
                Action::Change(Settings { auto_countdown, ..current.clone() })
            }
            Message::Sound(sound) => Action::Change(Settings { sound, ..current.clone() }),
            Message::Voice(voice) => Action::Change(Settings { voice, ..current.clone() }),
            Message::ReduceMotion(reduce_motion) => {
                Action::Change(Settings { reduce_motion, ..current.clone() })
            }
            Message::Back => Action::Back,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        matches!(key, Shortcut::Back | Shortcut::Escape).then_some(Message::Back)
    }

    /// Draws the settings.
    pub fn view<'a>(
        &'a self,
        viewport: Viewport,
        current: &Settings,
        notice: Option<&'a str>,
    ) -> Element<'a, Message> {
        let mut body = column![
            text(words::HEADING).size(text_size::HEADING),
            text(words::COLOURS).size(text_size::TITLE),
            chips(ThemeChoice::ALL.into_iter().map(|choice| {
                chip(choice.label(), None, current.theme == choice, Message::Theme(choice))
            })),
            text(words::SIZE).size(text_size::TITLE),
            chips(SCALES.into_iter().map(|percent| {
                chip(
                    label(percent),
                    None,
                    current.scale_percent == percent,
                    Message::Scale(percent),
                )
            })),
            text(words::SIZE_NOTE).size(text_size::SMALL),
            text(words::HOLD_TIMER).size(text_size::TITLE),
            chips([(false, words::HOLD_TIMER_TAP), (true, words::HOLD_TIMER_AUTO)].map(
                |(auto, label)| {
                    chip(label, None, current.auto_countdown == auto, Message::AutoHold(auto))
                }
            )),
            text(words::HOLD_TIMER_NOTE).size(text_size::SMALL),
            text(words::GUIDANCE).size(text_size::TITLE),
            switch(words::VOICE, current.voice, Message::Voice),
            switch(words::SOUND, current.sound, Message::Sound),
            text(words::GUIDANCE_NOTE).size(text_size::SMALL),
            switch(words::REDUCE_MOTION, current.reduce_motion, Message::ReduceMotion),
        ]
        .spacing(space::L);
        if let Some(notice) = notice {
            body = body.push(text(notice).size(text_size::SMALL));
        }
        frame(
            viewport,
            body,
            Some(row![action(common::BACK, Kind::Secondary, Some(Message::Back))].into()),
        )
    }
}

/// An on/off setting: its name, then On and Off chips.
fn switch<'a>(name: &'a str, on: bool, message: fn(bool) -> Message) -> Element<'a, Message> {
    column![
        text(name).size(text_size::BODY),
        chips(
            [(true, common::ON), (false, common::OFF)]
                .map(|(value, label)| { chip(label, None, on == value, message(value)) })
        ),
    ]
    .spacing(space::S)
    .into()
}

fn label(percent: u16) -> &'static str {
    match percent {
        100 => "100%",
        125 => "125%",
        150 => "150%",
        175 => "175%",
        _ => "200%",
    }
}
