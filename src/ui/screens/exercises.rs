//! The exercise cards of a result: the nerve slider and the standing hamstring
//! stretch, each with start and end pictures, its steps, its dose, the hold countdown
//! (the stretch) and the stop rule. Offered only for nerve tension, hamstring
//! tightness or both, never after a red flag, a stop or a suspected strain.

use crate::core::wording::screens::{self as common, exercises as words};
use iced::widget::{Column, column, container, row, svg, text};
use iced::{Element, Length};

use crate::core::{Advice, Outcome, advice};
use crate::ui::assets;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, ends};
use crate::ui::widgets::frame::frame;
use crate::ui::widgets::hold::Hold;

/// One exercise of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exercise {
    /// The seated nerve slider.
    NerveSlider,
    /// The standing hamstring stretch.
    HamstringStretch,
}

impl Exercise {
    /// The exercises a result's guidance includes, in the order it gives them.
    pub fn for_outcome(outcome: &Outcome) -> Vec<Exercise> {
        let mut out = Vec::new();
        for advice in advice::guidance(outcome) {
            let exercise = match advice {
                Advice::NerveSliders => Some(Exercise::NerveSlider),
                Advice::HamstringStretch | Advice::HamstringStretchOnceSettled => {
                    Some(Exercise::HamstringStretch)
                }
                _ => None,
            };
            if let Some(exercise) = exercise.filter(|e| !out.contains(e)) {
                out.push(exercise);
            }
        }
        out
    }
}

/// The exercise cards on show.
#[derive(Debug, Clone)]
pub struct State {
    exercises: Vec<Exercise>,
    index: usize,
    hold: Hold,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Next,
    Back,
    StartHold,
    Tick(iced::time::Instant),
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Leave the exercises, back where they were opened from.
    Close,
}

impl State {
    /// The exercise cards of `outcome`; `None` when it offers none.
    pub fn new(outcome: &Outcome) -> Option<Self> {
        let exercises = Exercise::for_outcome(outcome);
        (!exercises.is_empty()).then(|| State {
            exercises,
            index: 0,
            hold: Hold::new(words::STRETCH_HOLD),
        })
    }

    /// The exercise on show.
    pub fn exercise(&self) -> Exercise {
        self.exercises[self.index]
    }

    /// Which card is on show, for opening each at its top.
    pub fn position(&self) -> usize {
        self.index
    }

    /// Whether the countdown runs.
    pub fn counting(&self) -> bool {
        self.hold.counting()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Next if self.index + 1 < self.exercises.len() => {
                self.index += 1;
                self.hold = Hold::new(words::STRETCH_HOLD);
            }
            Message::Next => return Action::Close,
            Message::Back if self.index > 0 => {
                self.index -= 1;
                self.hold = Hold::new(words::STRETCH_HOLD);
            }
            Message::Back => return Action::Close,
            Message::StartHold => self.hold.start(),
            Message::Tick(now) => self.hold.tick(now),
        }
        Action::None
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Primary => Some(Message::Next),
            Shortcut::Back | Shortcut::Escape => Some(Message::Back),
            _ => None,
        }
    }

    /// Draws the card.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let exercise = self.exercise();
        let card = Card::of(exercise);
        let mut body = column![
            ends(
                viewport,
                text(words::position(self.index + 1, self.exercises.len()))
                    .size(text_size::SMALL)
                    .into(),
                text("").size(text_size::SMALL).into(),
            ),
            text(card.name).size(text_size::HEADING),
            text(card.about).size(text_size::BODY),
            pictures(viewport, card.start, card.end),
            text(words::HOW).size(text_size::TITLE),
            numbered(card.steps),
            text(words::HOW_MUCH).size(text_size::TITLE),
            text(card.dose).size(text_size::BODY),
        ]
        .spacing(space::L);
        if exercise == Exercise::HamstringStretch {
            body = body.push(self.hold.view(Message::StartHold));
        }
        body = body.push(
            container(text(words::STOP_RULE).size(text_size::BODY))
                .padding(space::L)
                .width(Length::Fill)
                .style(style::note),
        );
        frame(viewport, body, Some(self.actions()))
    }

    /// Back, and Next (Done on the last card).
    fn actions(&self) -> Element<'_, Message> {
        let last = self.index + 1 == self.exercises.len();
        row![
            action(common::BACK, Kind::Secondary, Some(Message::Back)),
            action(
                if last { words::DONE } else { words::NEXT },
                Kind::Primary,
                Some(Message::Next)
            ),
        ]
        .spacing(space::S)
        .into()
    }
}

/// What one exercise's card shows: its name, what it is for, its steps, its dose and
/// its start and end pictures.
struct Card {
    name: &'static str,
    about: &'static str,
    steps: &'static [&'static str],
    dose: &'static str,
    start: &'static [u8],
    end: &'static [u8],
}

impl Card {
    /// The card of `exercise`.
    fn of(exercise: Exercise) -> Self {
        match exercise {
            Exercise::NerveSlider => Card {
                name: words::SLIDER,
                about: words::SLIDER_ABOUT,
                steps: words::SLIDER_STEPS,
                dose: words::SLIDER_DOSE,
                start: assets::exercise::SLIDER_START,
                end: assets::exercise::SLIDER_END,
            },
            Exercise::HamstringStretch => Card {
                name: words::STRETCH,
                about: words::STRETCH_ABOUT,
                steps: words::STRETCH_STEPS,
                dose: words::STRETCH_DOSE,
                start: assets::exercise::STRETCH_START,
                end: assets::exercise::STRETCH_END,
            },
        }
    }
}

/// The start and end pictures: side by side where there is room, else one above the other.
fn pictures<'a>(
    viewport: Viewport,
    start: &'static [u8],
    end: &'static [u8],
) -> Element<'a, Message> {
    if viewport.side_by_side() {
        row![picture(viewport, start, words::START), picture(viewport, end, words::END)]
            .spacing(space::L)
            .into()
    } else {
        column![picture(viewport, start, words::START), picture(viewport, end, words::END)]
            .spacing(space::L)
            .into()
    }
}

/// One picture with its caption.
fn picture<'a>(
    viewport: Viewport,
    bytes: &'static [u8],
    caption: &'static str,
) -> Element<'a, Message> {
    column![
        svg(assets::drawing(bytes, viewport.art, false)).width(Length::Fill).height(Length::Shrink),
        text(caption).size(text_size::SMALL),
    ]
    .spacing(space::XS)
    .width(Length::Fill)
    .into()
}

/// The steps, numbered.
fn numbered<'a>(steps: &'static [&'static str]) -> Element<'a, Message> {
    Column::with_children(steps.iter().enumerate().map(|(i, step)| {
        row![text(format!("{}.", i + 1)).size(text_size::BODY), text(*step).size(text_size::BODY)]
            .spacing(space::S)
            .into()
    }))
    .spacing(space::S)
    .into()
}
