//! How a card, its transition card and the quit question look.

use crate::core::protocol::{Ask, Card};
use crate::core::wording::screens::{self as common, check as words};
use crate::core::{Change, Familiar, Leg, Quality, Region, StepAnswer, wording};
use crate::ui::assets;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, action_in, bar, confirm, wide};
use crate::ui::widgets::choice::{chip, chips, segmented};
use crate::ui::widgets::frame::frame_with_width;
use crate::ui::widgets::step_card::StepCard;
use crate::ui::widgets::tap_scale::tap_scale;
use iced::widget::{column, container, row, text};
use iced::{Element, Length, Theme};

use super::{Message, State};

impl State {
    /// The whole check's progress: "Step 7 of 18 · about 4 minutes left", and the
    /// share done for the bar. Transition cards do not count as steps.
    fn progress(&self) -> (String, f32) {
        let left = crate::core::protocol::seconds_for(&self.cards[self.index..]);
        let label = words::progress(self.index + 1, self.cards.len(), left);
        (label, (self.index + 1) as f32 / self.cards.len() as f32)
    }

    /// Draws the card (or the transition card before it) for `viewport`.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let card = self.card();
        let (progress_label, progress) = self.progress();
        if self.transition {
            return self.transition_view(viewport, progress_label, progress);
        }
        let answer = self.answer();
        let missing = answer.first_missing(card.step);
        let hint = missing.map(missing_hint).unwrap_or(" ");
        let body = self.step_card(viewport, answer, progress_label, progress);
        // On a narrow window the hint ends the page rather than taking room from it.
        let body: Element<'_, Message> = if viewport.stack() {
            column![body, text(hint).size(text_size::SMALL)].spacing(space::L).into()
        } else {
            body
        };

        let actions: Element<'_, Message> = if self.confirm_quit {
            self.quit_question(viewport)
        } else if self.asking_sharp() {
            sharp_question(viewport)
        } else {
            self.card_actions(viewport, hint, missing.is_none())
        };

        frame_with_width(viewport, style::CARD_WIDTH, body, Some(actions))
    }

    /// The card itself: its test, leg and progress, the drawing (moving, when it
    /// moves), the instruction, the stop and mute buttons and the response controls.
    fn step_card(
        &self,
        viewport: Viewport,
        answer: StepAnswer,
        progress_label: String,
        progress: f32,
    ) -> Element<'_, Message> {
        let card = self.card();
        let reference = self.check.bothered.is_some_and(|b| b != card.leg);
        let focus = if self.keyboard { self.focused() } else { None };
        let stop =
            card.step.is_test_card().then(|| wide(words::STOP, Kind::Stop, Some(Message::Stop)));
        StepCard {
            test: wording::test_name(card.step.test()),
            leg: wording::leg(card.leg),
            reference,
            progress_label,
            progress,
            illustration: crate::ui::motion::frame(
                card.step,
                viewport.art,
                card.leg == Leg::Left,
                if self.animating() { self.motion_frame() } else { 0 },
            ),
            instruction: wording::step_instruction(card.step),
            stop,
            // The hold itself is in the fixed bar, always on screen.
            hold: self.hold.map(|_| text(words::HOLD_OPTIONAL).size(text_size::SMALL).into()),
            controls: controls(card, answer, focus),
            mute: card.step.is_test_card().then(|| {
                let label = if self.muted { words::UNMUTE } else { words::MUTE };
                action(label, Kind::Quiet, Some(Message::Mute(!self.muted)))
            }),
        }
        .view(viewport)
    }

    /// The card's action bar: the hold countdown, the hint (on a wide window) and
    /// Back with Next (See result on the last card), live once every question is `answered`.
    fn card_actions(
        &self,
        viewport: Viewport,
        hint: &'static str,
        answered: bool,
    ) -> Element<'_, Message> {
        let last = self.index + 1 == self.cards.len();
        // Back and Next only: they fit side by side on the narrowest phone at 200%.
        // Quit is in the bar at the top of the window.
        let hint = (!viewport.stack()).then(|| text(hint).size(text_size::SMALL));
        column![]
            .push(self.hold.map(|hold| hold.view(Message::StartHold)))
            .push(hint)
            .push(
                row![
                    action_in(viewport, common::BACK, Kind::Secondary, Some(Message::Back)),
                    action_in(
                        viewport,
                        if last { words::SEE_RESULT } else { words::NEXT },
                        Kind::Primary,
                        answered.then_some(Message::Next),
                    ),
                ]
                .spacing(space::S),
            )
            .spacing(space::XS)
            .into()
    }

    /// The question asked before quitting, in place of the action bar.
    fn quit_question(&self, viewport: Viewport) -> Element<'_, Message> {
        confirm(
            viewport,
            words::QUIT_QUESTION,
            (words::KEEP_GOING, Message::KeepGoing),
            (words::QUIT_CHECK, Message::ConfirmQuit),
        )
    }

    /// The card between two legs or two tests: what was done, what comes next, and
    /// the next position, drawn for the leg about to be tested.
    fn transition_view(
        &self,
        viewport: Viewport,
        progress_label: String,
        progress: f32,
    ) -> Element<'_, Message> {
        let before = self.cards[self.index - 1];
        let next = self.card();
        let reference = self.check.bothered.is_some_and(|b| b != next.leg);
        let (done, test) = if before.step.test() == next.step.test() {
            (words::leg_done(wording::leg(before.leg)), None)
        } else {
            (
                words::test_done(wording::test_name(before.step.test())),
                Some(wording::test_name(next.step.test()).to_lowercase()),
            )
        };
        let now = words::now_leg(wording::leg_lower(next.leg), reference, test.as_deref());
        let picture =
            iced::widget::svg(assets::illustration(next.step, viewport.art, next.leg == Leg::Left))
                .width(Length::Fill)
                .height(Length::Shrink);
        let body = column![
            text(progress_label).size(text_size::SMALL),
            iced::widget::progress_bar(0.0..=1.0, progress).girth(6),
            text(done).size(text_size::HEADING),
            text(now).size(text_size::TITLE),
            container(picture).max_width(360.0),
        ]
        .spacing(space::L);
        let actions = if self.confirm_quit {
            self.quit_question(viewport)
        } else {
            row![
                action_in(viewport, common::BACK, Kind::Secondary, Some(Message::Back)),
                action_in(viewport, words::CONTINUE, Kind::Primary, Some(Message::Next)),
            ]
            .spacing(space::S)
            .into()
        };
        frame_with_width(viewport, style::READING_WIDTH, body, Some(actions))
    }
}

/// Whether the sharp or shooting feeling just chosen came on with this movement, in
/// place of the action bar: Carry on or Stop the test.
fn sharp_question<'a>(viewport: Viewport) -> Element<'a, Message> {
    column![
        text(words::SHARP_CAME_ON).size(text_size::BODY),
        bar(
            viewport,
            [
                (words::CARRY_ON, Kind::Secondary, Some(Message::SharpCameOn(false))),
                (words::STOP_TEST, Kind::Danger, Some(Message::SharpCameOn(true))),
            ],
        ),
    ]
    .spacing(space::S)
    .into()
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
pub(super) fn prompt(card: Card, ask: Ask) -> &'static str {
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
