//! The step cards: every step of both tests, per leg, reference leg first, with the
//! response controls each step asks for. Answers are kept when going back and forth.

use crate::core::wording::screens::{self as common, check as words};
use std::collections::HashMap;

use iced::Element;
use iced::widget::{column, row, text};

use crate::core::protocol::{self, Ask, Card};
use crate::core::{Change, Check, Familiar, Leg, Quality, Region, StepAnswer, wording};
use crate::ui::assets;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::choice::{chip, chips, segmented};
use crate::ui::widgets::frame::frame_with_width;
use crate::ui::widgets::step_card::StepCard;
use crate::ui::widgets::tap_scale::tap_scale;

/// A check in progress.
#[derive(Debug, Clone)]
pub struct State {
    check: Check,
    cards: Vec<Card>,
    index: usize,
    answers: HashMap<Card, StepAnswer>,
    confirm_quit: bool,
}

/// What the person did on a card.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Intensity(u8),
    Region(Region),
    Quality(Quality),
    Familiar(Familiar),
    Change(Change),
    SharpPain(bool),
    Spread(bool),
    Next,
    Back,
    Quit,
    ConfirmQuit,
    KeepGoing,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Back from the first card to set-up.
    Back,
    /// The person quit (and confirmed it).
    Quit,
    /// Every card is done, or a stop sign ended the check: grade it.
    Finished(Check),
}

impl State {
    /// Starts the cards for a check whose safety answers and set-up are in `check`.
    pub fn new(mut check: Check, bothered: Leg, reference_first: bool) -> Self {
        check.bothered = Some(bothered);
        let cards = protocol::plan(bothered, reference_first, check.injury == Some(true));
        State { check, cards, index: 0, answers: HashMap::new(), confirm_quit: false }
    }

    /// The safety answers and set-up this check started from.
    pub fn base_check(&self) -> &Check {
        &self.check
    }

    /// The card on screen.
    pub fn card(&self) -> Card {
        self.cards[self.index]
    }

    fn answer(&self) -> StepAnswer {
        self.answers.get(&self.card()).cloned().unwrap_or_default()
    }

    fn answer_mut(&mut self) -> &mut StepAnswer {
        let card = self.card();
        self.answers.entry(card).or_default()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Intensity(n) => self.answer_mut().intensity = Some(n.min(10)),
            Message::Region(region) => toggle(&mut self.answer_mut().regions, region),
            Message::Quality(quality) => toggle(&mut self.answer_mut().qualities, quality),
            Message::Familiar(familiar) => self.answer_mut().familiar = Some(familiar),
            Message::Change(change) => self.answer_mut().change = Some(change),
            Message::SharpPain(yes) => {
                self.answer_mut().sharp_pain = Some(yes);
                if yes {
                    return self.stop();
                }
            }
            Message::Spread(yes) => {
                self.answer_mut().spread = Some(yes);
                if yes {
                    return self.stop();
                }
            }
            Message::Next => {
                if self.answer().first_missing(self.card().step).is_some() {
                    return Action::None;
                }
                if self.index + 1 == self.cards.len() {
                    return Action::Finished(self.assemble(None));
                }
                self.index += 1;
            }
            Message::Back => {
                if self.index == 0 {
                    return Action::Back;
                }
                self.index -= 1;
            }
            Message::Quit => self.confirm_quit = true,
            Message::KeepGoing => self.confirm_quit = false,
            Message::ConfirmQuit => return Action::Quit,
        }
        Action::None
    }

    /// A stop sign: end the check now with what was recorded so far.
    fn stop(&self) -> Action {
        Action::Finished(self.assemble(Some(self.card())))
    }

    /// The check with the answers of every card up to and including the current one.
    fn assemble(&self, stopped_at: Option<Card>) -> Check {
        let mut check = self.check.clone();
        check.legs.clear();
        for card in &self.cards[..=self.index] {
            check.record(*card, self.answers.get(card).cloned().unwrap_or_default());
        }
        check.stopped_at = stopped_at;
        check
    }

    /// The message a keyboard shortcut stands for on this card.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        let asks = self.card().step.asks();
        let answer = self.answer();
        if self.confirm_quit {
            return match key {
                Shortcut::Escape | Shortcut::No => Some(Message::KeepGoing),
                Shortcut::Yes => Some(Message::ConfirmQuit),
                _ => None,
            };
        }
        match key {
            Shortcut::Primary => Some(Message::Next),
            Shortcut::Back => Some(Message::Back),
            Shortcut::Escape => Some(Message::Quit),
            Shortcut::Digit(d) if asks.contains(&Ask::Intensity) => {
                // 1 then 0 gives 10.
                let value = if d == 0 && answer.intensity == Some(1) { 10 } else { d };
                Some(Message::Intensity(value))
            }
            Shortcut::Eased if asks.contains(&Ask::Change) => Some(Message::Change(Change::Eased)),
            Shortcut::NoChange if asks.contains(&Ask::Change) => {
                Some(Message::Change(Change::NoChange))
            }
            Shortcut::Stronger if asks.contains(&Ask::Change) => {
                Some(Message::Change(Change::Stronger))
            }
            Shortcut::Yes | Shortcut::No => {
                let yes = key == Shortcut::Yes;
                if asks.contains(&Ask::Familiar) {
                    Some(Message::Familiar(if yes { Familiar::Yes } else { Familiar::No }))
                } else if asks.contains(&Ask::SharpPain) {
                    Some(Message::SharpPain(yes))
                } else if asks.contains(&Ask::Spread) {
                    Some(Message::Spread(yes))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Draws the card for a window `width` pixels wide.
    pub fn view(&self, width: f32) -> Element<'_, Message> {
        let card = self.card();
        let answer = self.answer();
        let test = card.step.test();
        let in_test: Vec<usize> = self
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| c.leg == card.leg && c.step.test() == test)
            .map(|(i, _)| i)
            .collect();
        let position = in_test.iter().position(|&i| i == self.index).unwrap_or(0);
        let reference = self.check.bothered.is_some_and(|b| b != card.leg);

        let body = StepCard {
            test: wording::test_name(test),
            leg: wording::leg(card.leg),
            reference,
            step: (position + 1, in_test.len()),
            progress: (self.index + 1) as f32 / self.cards.len() as f32,
            illustration: assets::illustration(card.step),
            instruction: wording::step_instruction(card.step),
            controls: controls(card, answer.clone()),
        }
        .view(width);

        let missing = answer.first_missing(card.step);
        let actions: Element<'_, Message> = if self.confirm_quit {
            column![
                text(words::QUIT_QUESTION).size(text_size::BODY),
                row![
                    action(words::KEEP_GOING, Kind::Primary, Some(Message::KeepGoing)),
                    action(words::QUIT_CHECK, Kind::Danger, Some(Message::ConfirmQuit)),
                ]
                .spacing(space::M),
            ]
            .spacing(space::S)
            .into()
        } else {
            let hint = missing.map(missing_hint).unwrap_or(" ");
            let last = self.index + 1 == self.cards.len();
            column![
                text(hint).size(text_size::SMALL),
                row![
                    action(words::QUIT, Kind::Quiet, Some(Message::Quit)),
                    action(common::BACK, Kind::Secondary, Some(Message::Back)),
                    action(
                        if last { words::SEE_RESULT } else { words::NEXT },
                        Kind::Primary,
                        missing.is_none().then_some(Message::Next),
                    ),
                ]
                .spacing(space::S),
            ]
            .spacing(space::XS)
            .into()
        };

        frame_with_width(style::CARD_WIDTH, body, Some(actions))
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// What the person still has to answer, as a hint next to the disabled Next button.
fn missing_hint(ask: Ask) -> &'static str {
    match ask {
        Ask::Intensity => words::NEED_INTENSITY,
        Ask::Regions => words::NEED_REGIONS,
        Ask::Qualities => words::NEED_QUALITIES,
        Ask::Familiar => words::NEED_FAMILIAR,
        Ask::Change => words::NEED_CHANGE,
        Ask::SharpPain => words::NEED_SHARP_PAIN,
        Ask::Spread => words::NEED_SPREAD,
    }
}

/// The response controls a card's step asks for.
fn controls<'a>(card: Card, answer: StepAnswer) -> Element<'a, Message> {
    let asks = card.step.asks();
    if asks.is_empty() {
        return text(wording::READY_HINT).size(text_size::BODY).into();
    }
    let nothing_felt = answer.intensity == Some(0);
    let mut sections = column![].spacing(space::XL);
    for ask in asks {
        let section: Option<Element<'a, Message>> = match ask {
            Ask::Intensity => Some(question(
                wording::ASK_INTENSITY,
                tap_scale(answer.intensity, Message::Intensity),
            )),
            Ask::Regions | Ask::Qualities | Ask::Familiar if nothing_felt => None,
            Ask::Regions => Some(question(
                wording::ASK_REGIONS,
                chips(Region::ALL.into_iter().map(|r| {
                    chip(wording::region(r), answer.regions.contains(&r), Message::Region(r))
                })),
            )),
            Ask::Qualities => Some(question(
                wording::ASK_QUALITIES,
                chips(Quality::ALL.into_iter().map(|q| {
                    chip(wording::quality(q), answer.qualities.contains(&q), Message::Quality(q))
                })),
            )),
            Ask::Familiar => Some(question(
                wording::ASK_FAMILIAR,
                segmented(
                    &[Familiar::Yes, Familiar::No, Familiar::NotSure]
                        .map(|f| (f, wording::familiar(f))),
                    answer.familiar,
                    Message::Familiar,
                ),
            )),
            Ask::Change => Some(question(
                wording::change_question(card.step),
                segmented(
                    &[Change::Eased, Change::NoChange, Change::Stronger]
                        .map(|c| (c, wording::change(c))),
                    answer.change,
                    Message::Change,
                ),
            )),
            Ask::SharpPain => Some(question(
                wording::ASK_SHARP,
                segmented(
                    &[(true, common::YES), (false, common::NO)],
                    answer.sharp_pain,
                    Message::SharpPain,
                ),
            )),
            Ask::Spread => Some(question(
                wording::ASK_SPREAD,
                segmented(
                    &[(true, common::YES), (false, common::NO)],
                    answer.spread,
                    Message::Spread,
                ),
            )),
        };
        if let Some(section) = section {
            sections = sections.push(section);
        }
    }
    if nothing_felt {
        sections = sections.push(text(wording::NOTHING_FELT).size(text_size::SMALL));
    }
    sections.into()
}

fn question<'a>(prompt: &'a str, control: Element<'a, Message>) -> Element<'a, Message> {
    column![text(prompt).size(text_size::BODY), control].spacing(space::S).into()
}
