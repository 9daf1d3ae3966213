//! The safety screen: each red-flag question, one at a time, answered Yes or No,
//! then the injury check. Any Yes to a red flag ends the check at once.

use crate::core::wording::screens::{self as common, safety as words};
use std::collections::BTreeMap;

use iced::widget::{column, container, progress_bar, row, text};
use iced::{Element, Length};

use crate::core::{RedFlag, wording};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, ends};
use crate::ui::widgets::choice::side_by_side;
use crate::ui::widgets::frame::frame;

/// Where the person is on the safety screen and what they answered.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Index into the questions: `0..RedFlag::ALL.len()` are red flags, then the injury check.
    index: usize,
    answers: BTreeMap<RedFlag, bool>,
    injury: Option<bool>,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Answer(bool),
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Back out to the home screen.
    Cancel,
    /// A red flag was raised: the check ends here.
    RedFlag(BTreeMap<RedFlag, bool>),
    /// Every question is answered and none was a red flag.
    Done {
        red_flags: BTreeMap<RedFlag, bool>,
        injury: bool,
    },
}

const QUESTIONS: usize = RedFlag::ALL.len() + 1;

impl State {
    /// Which question is on show, counting from 0.
    pub fn position(&self) -> usize {
        self.index
    }

    /// The answer given to `flag`, if it was asked.
    pub fn answer(&self, flag: RedFlag) -> Option<bool> {
        self.answers.get(&flag).copied()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Back => {
                if self.index == 0 {
                    Action::Cancel
                } else {
                    self.index -= 1;
                    Action::None
                }
            }
            Message::Answer(yes) => match RedFlag::ALL.get(self.index) {
                Some(&flag) => {
                    self.answers.insert(flag, yes);
                    if yes {
                        // Only the questions actually asked are kept.
                        let asked = RedFlag::ALL[..=self.index]
                            .iter()
                            .filter_map(|f| self.answers.get(f).map(|a| (*f, *a)))
                            .collect();
                        Action::RedFlag(asked)
                    } else {
                        self.index += 1;
                        Action::None
                    }
                }
                None => {
                    self.injury = Some(yes);
                    Action::Done { red_flags: self.answers.clone(), injury: yes }
                }
            },
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Yes => Some(Message::Answer(true)),
            Shortcut::No => Some(Message::Answer(false)),
            Shortcut::Back => Some(Message::Back),
            _ => None,
        }
    }

    /// Draws the current question. Yes and No sit in the bar at the bottom, at the
    /// same place for every question; the introduction comes only before the first.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let (group, question, selected) = match RedFlag::ALL.get(self.index) {
            Some(flag) => (
                wording::severity_heading(flag.severity()),
                wording::red_flag_question(*flag),
                self.answers.get(flag).copied(),
            ),
            None => ("A possible injury", wording::INJURY_QUESTION, self.injury),
        };
        // The introduction comes once, before the first question; a narrow window (a
        // phone at 200%) shows the question first, then the introduction.
        let intro = |shown: bool| {
            (self.index == 0 && shown).then(|| text(wording::SAFETY_INTRO).size(text_size::SMALL))
        };
        let body = column![
            column![
                ends(
                    viewport,
                    text(words::HEADING).size(text_size::SMALL).into(),
                    text(words::progress(self.index + 1, QUESTIONS)).size(text_size::SMALL).into(),
                ),
                progress_bar(0.0..=1.0, self.index as f32 / QUESTIONS as f32).girth(6),
            ]
            .spacing(space::XS),
        ]
        .push(intro(!viewport.stack()))
        .push(text(group).size(text_size::BODY))
        .push(
            container(text(question).size(text_size::TITLE))
                .padding(space::L)
                .width(Length::Fill)
                .style(style::card),
        )
        .push(intro(viewport.stack()))
        .spacing(space::L);

        let answers =
            side_by_side(&[(true, common::YES), (false, common::NO)], selected, Message::Answer);
        let back = action(common::BACK, Kind::Secondary, Some(Message::Back));
        let actions: Element<'_, Message> = if viewport.stack() {
            column![answers, back].spacing(space::S).into()
        } else {
            row![back, answers].spacing(space::S).into()
        };

        frame(viewport, body, Some(actions))
    }
}
