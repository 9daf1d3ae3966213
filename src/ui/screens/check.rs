//! The step cards: every step of both tests, per leg, reference leg first, with the
//! response controls each step asks for. Answers are kept when going back and forth.

use crate::core::wording::screens::{self as common, check as words};
use std::collections::HashMap;

use iced::widget::{column, container, row, text};
use iced::{Element, Length, Theme};

use crate::core::protocol::{self, Ask, Card};
use crate::core::{Change, Check, Familiar, Leg, Quality, Region, StepAnswer, wording};
use crate::ui::assets;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, bar};
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
    /// The question the keyboard answers (an index into the questions on show);
    /// Tab and Shift+Tab move it.
    focus: usize,
    /// Whether the person has moved between questions with the keyboard, so the
    /// number keys of each option are shown.
    keyboard: bool,
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
    /// The keyboard moves to another question of the card (an index into those on show).
    Focus(usize),
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
        State {
            check,
            cards,
            index: 0,
            answers: HashMap::new(),
            confirm_quit: false,
            focus: 0,
            keyboard: false,
        }
    }

    /// The safety answers and set-up this check started from.
    pub fn base_check(&self) -> &Check {
        &self.check
    }

    /// The card on screen.
    pub fn card(&self) -> Card {
        self.cards[self.index]
    }

    /// Which card of the check is on screen, counting from 0: the app opens each card
    /// at its top when this changes.
    pub fn position(&self) -> usize {
        self.index
    }

    /// Whether the quit question is on show.
    pub fn confirming_quit(&self) -> bool {
        self.confirm_quit
    }

    /// The questions on show for the current answers: where and what it feels like
    /// are not asked when nothing is felt.
    fn questions(&self) -> Vec<Ask> {
        let nothing_felt = self.answer().intensity == Some(0);
        self.card()
            .step
            .asks()
            .iter()
            .copied()
            .filter(|ask| {
                !(nothing_felt && matches!(ask, Ask::Regions | Ask::Qualities | Ask::Familiar))
            })
            .collect()
    }

    /// The question the keyboard answers.
    fn focused(&self) -> Option<Ask> {
        let questions = self.questions();
        questions.get(self.focus.min(questions.len().saturating_sub(1))).copied()
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
            Message::Focus(index) => {
                self.focus = index.min(self.questions().len().saturating_sub(1));
                self.keyboard = true;
            }
            Message::Next => {
                if self.answer().first_missing(self.card().step).is_some() {
                    return Action::None;
                }
                if self.index + 1 == self.cards.len() {
                    return Action::Finished(self.assemble(None));
                }
                self.index += 1;
                self.focus = 0;
            }
            Message::Back => {
                if self.index == 0 {
                    return Action::Back;
                }
                self.index -= 1;
                self.focus = 0;
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
        let questions = self.questions().len();
        let focused = self.focused();
        match key {
            Shortcut::Primary => Some(Message::Next),
            Shortcut::Back => Some(Message::Back),
            Shortcut::Escape => Some(Message::Quit),
            Shortcut::NextField if questions > 0 => {
                Some(Message::Focus((self.focus.min(questions - 1) + 1) % questions))
            }
            Shortcut::PreviousField if questions > 0 => {
                Some(Message::Focus((self.focus.min(questions - 1) + questions - 1) % questions))
            }
            Shortcut::Digit(d) if focused == Some(Ask::Regions) => {
                option_for_key(d, &Region::ALL).map(Message::Region)
            }
            Shortcut::Digit(d) if focused == Some(Ask::Qualities) => {
                option_for_key(d, &Quality::ALL).map(Message::Quality)
            }
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

    /// Draws the card for `viewport`.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
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
        let focus = if self.keyboard { self.focused() } else { None };

        let missing = answer.first_missing(card.step);
        let hint = missing.map(missing_hint).unwrap_or(" ");
        let body = StepCard {
            test: wording::test_name(test),
            leg: wording::leg(card.leg),
            reference,
            step: (position + 1, in_test.len()),
            progress: (self.index + 1) as f32 / self.cards.len() as f32,
            illustration: assets::illustration(card.step, viewport.art),
            instruction: wording::step_instruction(card.step),
            controls: controls(card, answer.clone(), focus),
        }
        .view(viewport);
        // On a narrow window the hint ends the page rather than taking room from it.
        let body: Element<'_, Message> = if viewport.stack() {
            column![body, text(hint).size(text_size::SMALL)].spacing(space::L).into()
        } else {
            body
        };

        let actions: Element<'_, Message> = if self.confirm_quit {
            column![
                text(words::QUIT_QUESTION).size(text_size::BODY),
                bar(
                    viewport,
                    [
                        (words::KEEP_GOING, Kind::Primary, Some(Message::KeepGoing)),
                        (words::QUIT_CHECK, Kind::Danger, Some(Message::ConfirmQuit)),
                    ]
                ),
            ]
            .spacing(space::S)
            .into()
        } else {
            let last = self.index + 1 == self.cards.len();
            // Back and Next only: they fit side by side on the narrowest phone at 200%.
            // Quit is in the bar at the top of the window.
            let hint = (!viewport.stack()).then(|| text(hint).size(text_size::SMALL));
            column![]
                .push(hint)
                .push(
                    row![
                        action(common::BACK, Kind::Secondary, Some(Message::Back)),
                        action(
                            if last { words::SEE_RESULT } else { words::NEXT },
                            Kind::Primary,
                            missing.is_none().then_some(Message::Next),
                        ),
                    ]
                    .spacing(space::S),
                )
                .spacing(space::XS)
                .into()
        };

        frame_with_width(viewport, style::CARD_WIDTH, body, Some(actions))
    }
}

/// The option a number key picks: 1 is the first.
fn option_for_key<T: Copy>(digit: u8, options: &[T]) -> Option<T> {
    usize::from(digit).checked_sub(1).and_then(|i| options.get(i)).copied()
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

/// The response controls a card's step asks for; `focus` is the question the keyboard
/// answers, outlined and with the number key of each option shown.
fn controls<'a>(card: Card, answer: StepAnswer, focus: Option<Ask>) -> Element<'a, Message> {
    let asks = card.step.asks();
    if asks.is_empty() {
        return text(wording::READY_HINT).size(text_size::BODY).into();
    }
    let nothing_felt = answer.intensity == Some(0);
    let mut sections = column![].spacing(space::XL);
    for &ask in asks {
        let keys = focus == Some(ask);
        let section: Option<Element<'a, Message>> = match ask {
            Ask::Intensity => Some(tap_scale(answer.intensity, Message::Intensity)),
            Ask::Regions | Ask::Qualities | Ask::Familiar if nothing_felt => None,
            Ask::Regions => Some(chips(Region::ALL.into_iter().enumerate().map(|(i, r)| {
                chip(
                    wording::region(r),
                    keys.then_some(i + 1),
                    answer.regions.contains(&r),
                    Message::Region(r),
                )
            }))),
            Ask::Qualities => Some(chips(Quality::ALL.into_iter().enumerate().map(|(i, q)| {
                chip(
                    wording::quality(q),
                    keys.then_some(i + 1),
                    answer.qualities.contains(&q),
                    Message::Quality(q),
                )
            }))),
            Ask::Familiar => Some(segmented(
                &[Familiar::Yes, Familiar::No, Familiar::NotSure]
                    .map(|f| (f, wording::familiar(f))),
                answer.familiar,
                Message::Familiar,
            )),
            Ask::Change => Some(segmented(
                &[Change::Eased, Change::NoChange, Change::Stronger]
                    .map(|c| (c, wording::change(c))),
                answer.change,
                Message::Change,
            )),
            Ask::SharpPain => Some(segmented(
                &[(true, common::YES), (false, common::NO)],
                answer.sharp_pain,
                Message::SharpPain,
            )),
            Ask::Spread => Some(segmented(
                &[(true, common::YES), (false, common::NO)],
                answer.spread,
                Message::Spread,
            )),
        };
        if let Some(section) = section {
            sections = sections.push(question(prompt(card, ask), section, keys));
        }
    }
    if nothing_felt {
        sections = sections.push(text(wording::NOTHING_FELT).size(text_size::SMALL));
    }
    sections.into()
}

/// The question a card asks for `ask`.
fn prompt(card: Card, ask: Ask) -> &'static str {
    match ask {
        Ask::Intensity => wording::ASK_INTENSITY,
        Ask::Regions => wording::ASK_REGIONS,
        Ask::Qualities => wording::ASK_QUALITIES,
        Ask::Familiar => wording::ASK_FAMILIAR,
        Ask::Change => wording::change_question(card.step),
        Ask::SharpPain => wording::ASK_SHARP,
        Ask::Spread => wording::ASK_SPREAD,
    }
}

/// A question and its control; outlined when the keyboard answers it. The outline's
/// space is always there, so moving the keyboard focus moves nothing.
fn question<'a>(
    prompt: &'a str,
    control: Element<'a, Message>,
    focused: bool,
) -> Element<'a, Message> {
    container(column![text(prompt).size(text_size::BODY), control].spacing(space::S))
        .padding(space::XS)
        .width(Length::Fill)
        .style(move |theme: &Theme| style::focus_ring(theme, focused))
        .into()
}
