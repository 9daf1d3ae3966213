//! The result. It leads with what to do: on an emergency the call to action comes
//! before anything else; then the tier, one line of what to do now, the action block
//! of urgent and stop results, what to do next, and only then why (the three most
//! telling reasons, the rest a tap away, grouped by leg) and each leg.

use crate::core::wording::screens::{leg_title, result as words};
use iced::widget::{Column, column, container, row, text};
use iced::{Background, Border, Element, Length, Theme};

use crate::core::grading::{asks_both_legs_again, stop_card};
use crate::core::{Check, Leg, Outcome, Reason, Tier, advice, wording};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::bullet::bullet;
use crate::ui::widgets::frame::frame_with_width;
use crate::ui::widgets::press::press;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

/// How many reasons show before "Show all".
pub const REASONS_SHOWN: usize = 3;

/// A graded check on screen.
#[derive(Debug, Clone)]
pub struct State {
    check: Check,
    outcome: Outcome,
    save: SaveStatus,
    all_reasons: bool,
    /// Whether each emergency number is a tap-to-call button (a phone's browser).
    calls: bool,
    /// How the check was just stopped, while the stop can still be taken back.
    undo: Option<StopKind>,
    /// The both-legs question is to be asked again before the result (and the
    /// session is saved only with its answer).
    asking_again: bool,
}

/// How a check was stopped at a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// With the stop button.
    Button,
    /// By answering Yes to a question whose Yes stops the test.
    Answer,
}

/// Whether the session has reached the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saving,
    Saved,
    Failed(String),
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Done,
    Retry,
    /// Show every reason, or only the most telling.
    AllReasons(bool),
    /// Open the exercise cards.
    Exercises,
    /// Call an emergency number (the browser build, on a phone).
    Call(&'static str),
    /// "I tapped stop by mistake": back to the card where the check stopped.
    UndoStop,
    /// The answer to the both-legs question asked again.
    BothLegsAgain(bool),
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Home,
    RetrySave,
    Exercises,
    Call(&'static str),
    /// Back to the card where the check stopped, with its answers.
    UndoStop,
    /// Grade and save the check again with this answer to the both-legs question.
    BothLegsAgain(bool),
}

/// Whether a result offers the exercise cards: only nerve tension, hamstring
/// tightness or both, never after a red flag, a stop or a suspected strain.
pub fn offers_exercises(outcome: &Outcome) -> bool {
    advice::guidance(outcome).iter().any(|a| a.is_exercise())
}

impl State {
    /// Shows `outcome`, the grade of `check`.
    pub fn new(check: Check, outcome: Outcome) -> Self {
        let asking_again = asks_both_legs_again(&check);
        State {
            check,
            outcome,
            save: SaveStatus::Saving,
            all_reasons: false,
            calls: cfg!(target_arch = "wasm32"),
            undo: None,
            asking_again,
        }
    }

    /// Whether the result first asks the both-legs question again.
    pub fn asking_again(&self) -> bool {
        self.asking_again
    }

    /// The same result with (or without) a tap-to-call button for each emergency
    /// number; the browser build has them, the desktop not.
    pub fn with_calls(mut self, calls: bool) -> Self {
        self.calls = calls;
        self
    }

    /// The same result of a check just stopped by `kind`, offering to take it back.
    pub fn with_undo(mut self, kind: StopKind) -> Self {
        self.undo = Some(kind);
        self
    }

    /// The graded outcome.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Records whether saving worked.
    pub fn set_save_status(&mut self, status: SaveStatus) {
        self.save = status;
    }

    /// Whether the session has been saved.
    pub fn save_status(&self) -> &SaveStatus {
        &self.save
    }

    /// The check that was graded.
    pub fn check(&self) -> &Check {
        &self.check
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Done => Action::Home,
            Message::Retry => {
                self.save = SaveStatus::Saving;
                Action::RetrySave
            }
            Message::AllReasons(all) => {
                self.all_reasons = all;
                Action::None
            }
            Message::Exercises => Action::Exercises,
            Message::Call(number) => Action::Call(number),
            Message::UndoStop if self.undo.is_some() => Action::UndoStop,
            Message::UndoStop => Action::None,
            Message::BothLegsAgain(yes) => Action::BothLegsAgain(yes),
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        if self.asking_again {
            return match key {
                Shortcut::Yes => Some(Message::BothLegsAgain(true)),
                Shortcut::No => Some(Message::BothLegsAgain(false)),
                _ => None,
            };
        }
        (key == Shortcut::Primary).then_some(Message::Done)
    }

    /// Draws the result: what to do first, then why and each leg. On a desktop-wide
    /// window the two halves sit side by side.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        if self.asking_again {
            return again::view(viewport);
        }
        let outcome = &self.outcome;
        let tier = outcome.tier;
        let mut lead = column![].spacing(space::L);
        if tier == Tier::Emergency {
            lead = lead.push(emergency_block(self.calls));
        }
        if let Some(kind) = self.undo.filter(|_| tier == Tier::StopAndConsult) {
            lead = lead.push(stopped_block(kind));
        } else if tier == Tier::StopAndConsult {
            lead = lead.push(text(words::TEST_STOPPED).size(text_size::HEADING));
        }
        lead = lead.push(text(words::YOUR_RESULT).size(text_size::SMALL));
        lead = lead.push(tier_badge(tier, BadgeSize::Large));
        lead = lead.push(text(words::do_now(outcome)).size(text_size::TITLE));
        match tier {
            Tier::Urgent => {
                lead = lead.push(block(words::urgent_block()));
            }
            Tier::StopAndConsult => {
                let at = self.check.stopped_at.or_else(|| stop_card(&self.check));
                let at = at.map(wording::card_phrase);
                lead = lead.push(block(words::stop_block(at.as_deref())));
            }
            _ => {}
        }
        if let Some(strength) = outcome.strength {
            lead = lead.push(text(wording::strength(strength)).size(text_size::BODY));
        }
        lead = lead.push(text(wording::tier_summary(tier)).size(text_size::BODY));
        if matches!(tier, Tier::NerveTensionLikely | Tier::Both) {
            lead = lead.push(text(wording::NERVE_TENSION_EXPLAINED).size(text_size::SMALL));
        }
        // Emergency, urgent and stop results have their action block instead.
        if !matches!(tier, Tier::Emergency | Tier::Urgent | Tier::StopAndConsult) {
            lead = lead.push(section(
                words::WHAT_NEXT,
                wording::next_steps(outcome).into_iter().map(|s| bullet(s.to_string())),
            ));
        }
        if offers_exercises(outcome) {
            lead = lead.push(action(words::EXERCISES, Kind::Secondary, Some(Message::Exercises)));
        }
        lead = lead.push(section(
            words::WHEN_TO_SEE_PT,
            [text(wording::when_to_see_pt(tier)).size(text_size::BODY).into()],
        ));

        let mut detail = column![].spacing(space::L);
        if !outcome.reasons.is_empty() {
            detail = detail.push(self.reasons());
        }
        if !outcome.legs.is_empty() {
            detail = detail.push(section(
                words::EACH_LEG,
                outcome.legs.iter().map(|finding| {
                    let line = leg_title(wording::leg(finding.leg), finding.reference);
                    // The reference leg's reading is the comparison, not a second problem.
                    let reading = if finding.reference {
                        wording::comparison_reading(finding.verdict, finding.peak)
                    } else {
                        wording::leg_reading(finding.verdict, finding.peak)
                    };
                    container(
                        column![
                            text(line).size(text_size::BODY),
                            text(reading).size(text_size::SMALL),
                        ]
                        .spacing(space::XS),
                    )
                    .padding(space::M)
                    .width(Length::Fill)
                    .style(style::card)
                    .into()
                }),
            ));
        }
        detail = detail.push(
            container(
                column![
                    text(words::NOT_A_DIAGNOSIS).size(text_size::TITLE),
                    Column::with_children(
                        wording::every_result().map(|line| text(line).size(text_size::BODY).into()),
                    )
                    .spacing(space::S),
                ]
                .spacing(space::S),
            )
            .padding(space::L)
            .width(Length::Fill)
            .style(style::note),
        );
        let body: Element<'_, Message> = if viewport.desktop() {
            row![lead.width(Length::Fill), detail.width(Length::Fill)].spacing(space::XXL).into()
        } else {
            column![lead, detail].spacing(space::L).into()
        };

        let status: Element<'_, Message> = match &self.save {
            SaveStatus::Saving => text(words::SAVING).size(text_size::SMALL).into(),
            SaveStatus::Saved => text(words::SAVED).size(text_size::SMALL).into(),
            SaveStatus::Failed(why) => text(words::not_saved(why)).size(text_size::SMALL).into(),
        };
        let retry = matches!(self.save, SaveStatus::Failed(_))
            .then(|| action(words::RETRY, Kind::Secondary, Some(Message::Retry)));
        let actions = column![
            status,
            row![action(words::DONE, Kind::Primary, Some(Message::Done))]
                .push(retry)
                .spacing(space::S)
        ]
        .spacing(space::XS);
        let width = if viewport.desktop() { style::CARD_WIDTH } else { style::READING_WIDTH };
        frame_with_width(viewport, width, body, Some(actions.into()))
    }

    /// Why: the three most telling reasons, or all of them grouped by leg.
    fn reasons(&self) -> Element<'_, Message> {
        let reasons = &self.outcome.reasons;
        let heading = if matches!(self.outcome.tier, Tier::Emergency | Tier::Urgent) {
            words::BECAUSE_YOU_SAID
        } else {
            words::WHY
        };
        let mut out = column![text(heading).size(text_size::TITLE)].spacing(space::S);
        if self.all_reasons || reasons.len() <= REASONS_SHOWN {
            let groups: [(Option<Leg>, String); 3] = [
                (None, words::ABOUT_THE_CHECK.to_string()),
                (Some(Leg::Left), wording::leg(Leg::Left).to_string()),
                (Some(Leg::Right), wording::leg(Leg::Right).to_string()),
            ];
            let many_groups =
                groups.iter().filter(|(leg, _)| reasons.iter().any(|r| r.leg() == *leg)).count()
                    > 1;
            for (leg, title) in groups {
                let group: Vec<&Reason> = reasons.iter().filter(|r| r.leg() == leg).collect();
                if group.is_empty() {
                    continue;
                }
                if many_groups {
                    out = out.push(text(title).size(text_size::BODY));
                }
                out = out.push(
                    Column::with_children(group.into_iter().map(|r| bullet(wording::reason(r))))
                        .spacing(space::S),
                );
            }
            if reasons.len() > REASONS_SHOWN {
                out = out.push(action(
                    words::SHOW_FEWER,
                    Kind::Quiet,
                    Some(Message::AllReasons(false)),
                ));
            }
        } else {
            out = out.push(
                Column::with_children(
                    reasons.iter().take(REASONS_SHOWN).map(|r| bullet(wording::reason(r))),
                )
                .spacing(space::S),
            );
            let label = words::show_all(reasons.len());
            out = out.push(
                press(
                    container(text(label).size(text_size::BODY)).center_y(Length::Fill),
                    Some(Message::AllReasons(true)),
                    style::secondary,
                )
                .height(style::TAP)
                .padding([0.0, space::M]),
            );
        }
        out.into()
    }
}

/// What a stop did, and the way back to the card for a stop made by mistake.
fn stopped_block<'a>(kind: StopKind) -> Element<'a, Message> {
    let label = match kind {
        StopKind::Button => words::STOPPED_BY_MISTAKE,
        StopKind::Answer => words::YES_BY_MISTAKE,
    };
    column![
        text(words::TEST_STOPPED).size(text_size::HEADING),
        action(label, Kind::Secondary, Some(Message::UndoStop)),
        text(words::BACK_TO_CARD).size(text_size::SMALL),
    ]
    .spacing(space::S)
    .into()
}

mod again {
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
}

/// The emergency call to action: the first thing on an emergency result; with
/// `calls`, each number is a tap-to-call button.
fn emergency_block<'a>(calls: bool) -> Element<'a, Message> {
    let numbers = Column::with_children(words::EMERGENCY_NUMBERS.iter().map(|&(number, place)| {
        let line: Element<'a, Message> =
            text(words::emergency_number(number, place)).size(text_size::BODY).into();
        if calls {
            // In the browser on a phone each number is a tap-to-call link.
            row![
                press(
                    container(text(words::call(number)).size(text_size::BODY))
                        .center_y(Length::Fill),
                    Some(Message::Call(number)),
                    style::danger,
                )
                .height(style::TAP)
                .padding([0.0, space::M]),
                line
            ]
            .spacing(space::M)
            .align_y(iced::Alignment::Center)
            .into()
        } else {
            line
        }
    }))
    .spacing(space::S);
    container(
        column![text(words::EMERGENCY_CALL).size(text_size::HEADING), numbers].spacing(space::M),
    )
    .padding(space::L)
    .width(Length::Fill)
    .style(alarm)
    .into()
}

/// The emergency block's look: a thick outline in the danger colour.
fn alarm(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    let color = style::danger_edge(theme);
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        text_color: Some(palette.background.base.text),
        border: Border { radius: style::RADIUS.into(), width: 4.0, color },
        ..container::Style::default()
    }
}

/// An action block: lines to act on, in a note.
fn block<'a>(lines: impl IntoIterator<Item = String>) -> Element<'a, Message> {
    container(Column::with_children(lines.into_iter().map(bullet)).spacing(space::S))
        .padding(space::L)
        .width(Length::Fill)
        .style(style::note)
        .into()
}

fn section<'a>(
    heading: &'a str,
    items: impl IntoIterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    column![text(heading).size(text_size::TITLE), Column::with_children(items).spacing(space::S),]
        .spacing(space::S)
        .into()
}
