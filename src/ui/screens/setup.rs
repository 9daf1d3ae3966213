//! Set-up: which leg bothers the person (or both), and whether to test the other leg
//! first.

use crate::core::wording::screens::{self as common, setup as words};
use iced::widget::{column, container, text};
use iced::{Element, Length};

use crate::core::{Leg, wording};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, bar};
use crate::ui::widgets::choice::segmented;
use crate::ui::widgets::frame::frame;

/// Which legs bother the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bothers {
    /// One leg; the other can be the reference.
    One(Leg),
    /// Both legs: no reference leg, each leg graded on its own.
    Both,
}

/// The set-up choices so far.
#[derive(Debug, Clone)]
pub struct State {
    bothered: Option<Bothers>,
    reference_first: bool,
    skip_stretch: bool,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Leg(Leg),
    /// Both legs bother.
    BothLegs,
    ReferenceFirst(bool),
    Start,
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Back,
    /// Start the cards. When both legs bother, `both` is true, `bothered` is the leg
    /// tested second and there is no reference leg.
    Start {
        bothered: Leg,
        reference_first: bool,
        both: bool,
    },
}

impl State {
    /// A new set-up; `skip_stretch` when a strain is suspected.
    pub fn new(skip_stretch: bool) -> Self {
        State { bothered: None, reference_first: true, skip_stretch }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Leg(leg) => {
                self.bothered = Some(Bothers::One(leg));
                Action::None
            }
            Message::BothLegs => {
                self.bothered = Some(Bothers::Both);
                Action::None
            }
            Message::ReferenceFirst(yes) => {
                self.reference_first = yes;
                Action::None
            }
            Message::Back => Action::Back,
            Message::Start => match self.bothered {
                Some(Bothers::One(bothered)) => {
                    Action::Start { bothered, reference_first: self.reference_first, both: false }
                }
                // Left first, then right: both are tested, neither is the reference.
                Some(Bothers::Both) => {
                    Action::Start { bothered: Leg::Right, reference_first: true, both: true }
                }
                None => Action::None,
            },
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Left => Some(Message::Leg(Leg::Left)),
            Shortcut::Right => Some(Message::Leg(Leg::Right)),
            Shortcut::Both => Some(Message::BothLegs),
            Shortcut::Yes => Some(Message::ReferenceFirst(true)),
            Shortcut::No => Some(Message::ReferenceFirst(false)),
            Shortcut::Primary => Some(Message::Start),
            Shortcut::Back => Some(Message::Back),
            _ => None,
        }
    }

    /// Draws the screen.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let mut body = column![
            text(words::HEADING).size(text_size::HEADING),
            text(wording::SETUP_WHICH_LEG).size(text_size::TITLE),
            segmented(
                &[
                    (Bothers::One(Leg::Left), words::LEFT),
                    (Bothers::One(Leg::Right), words::RIGHT),
                    (Bothers::Both, words::BOTH),
                ],
                self.bothered,
                |choice| match choice {
                    Bothers::One(leg) => Message::Leg(leg),
                    Bothers::Both => Message::BothLegs,
                }
            ),
        ]
        .spacing(space::L);
        let both = self.bothered == Some(Bothers::Both);
        if both {
            body = body.push(text(wording::SETUP_BOTH_LEGS).size(text_size::BODY));
        } else {
            body = body.push(text(wording::SETUP_REFERENCE).size(text_size::BODY));
            body = body.push(segmented(
                &[(true, common::YES), (false, words::SKIP)],
                Some(self.reference_first),
                Message::ReferenceFirst,
            ));
        }
        if !self.reference_first && !both {
            body = body.push(text(wording::SETUP_REFERENCE_SKIPPED).size(text_size::SMALL));
        }
        if self.skip_stretch {
            body = body.push(
                container(text(wording::INJURY_YES_NOTE).size(text_size::BODY))
                    .padding(space::L)
                    .width(Length::Fill)
                    .style(style::note),
            );
        }
        if self.bothered.is_none() {
            body = body.push(text(words::CHOOSE_LEG).size(text_size::SMALL));
        }

        let actions = bar(
            viewport,
            [
                (common::BACK, Kind::Secondary, Some(Message::Back)),
                (words::START, Kind::Primary, self.bothered.map(|_| Message::Start)),
            ],
        );

        frame(viewport, body, Some(actions))
    }
}
