//! The result: the tier, how strong the evidence is, why, per-leg findings and what to do next.

use crate::core::wording::screens::{leg_title, result as words};
use iced::widget::{Column, column, container, row, text};
use iced::{Element, Length};

use crate::core::grading::LegVerdict;
use crate::core::{Check, Outcome, Tier, wording};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::frame::frame_with_width;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

/// A graded check on screen.
#[derive(Debug, Clone)]
pub struct State {
    check: Check,
    outcome: Outcome,
    save: SaveStatus,
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
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Home,
    RetrySave,
}

impl State {
    /// Shows `outcome`, the grade of `check`.
    pub fn new(check: Check, outcome: Outcome) -> Self {
        State { check, outcome, save: SaveStatus::Saving }
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
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        (key == Shortcut::Primary).then_some(Message::Done)
    }

    /// Draws the result: what it is and what to do first, then why and each leg. On a
    /// desktop-wide window the two halves sit side by side.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let outcome = &self.outcome;
        let tier = outcome.tier;
        let mut lead = column![
            text(words::YOUR_RESULT).size(text_size::SMALL),
            tier_badge(tier, BadgeSize::Large),
        ]
        .spacing(space::L);
        if let Some(strength) = outcome.strength {
            lead = lead.push(text(wording::strength(strength)).size(text_size::BODY));
        }
        lead = lead.push(text(wording::tier_summary(tier)).size(text_size::BODY));
        if matches!(tier, Tier::NerveTensionLikely | Tier::Both) {
            lead = lead.push(text(wording::NERVE_TENSION_EXPLAINED).size(text_size::SMALL));
        }
        lead = lead.push(section(
            words::WHAT_NEXT,
            wording::next_steps(tier, outcome.suspected_strain)
                .into_iter()
                .map(|s| bullet(s.to_string())),
        ));
        lead = lead.push(section(
            words::WHEN_TO_SEE_PT,
            [text(wording::when_to_see_pt(tier)).size(text_size::BODY).into()],
        ));

        let mut detail = column![].spacing(space::L);
        if !outcome.reasons.is_empty() {
            let heading = if matches!(tier, Tier::Emergency | Tier::Urgent) {
                words::BECAUSE_YOU_SAID
            } else {
                words::WHY
            };
            detail = detail
                .push(section(heading, outcome.reasons.iter().map(|r| bullet(wording::reason(r)))));
        }

        if !outcome.legs.is_empty() {
            detail = detail.push(section(
                words::EACH_LEG,
                outcome.legs.iter().map(|finding| {
                    let line = leg_title(wording::leg(finding.leg), finding.reference);
                    let peak = match (finding.verdict, finding.peak) {
                        (LegVerdict::Incomplete, _) | (_, None) => String::new(),
                        (_, Some(peak)) => words::strongest(peak),
                    };
                    container(
                        column![
                            text(line).size(text_size::BODY),
                            text(format!("{}{}", wording::leg_verdict(finding.verdict), peak))
                                .size(text_size::SMALL),
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
                    text(wording::NOT_A_DIAGNOSIS).size(text_size::BODY),
                    text(wording::STOP_RULE).size(text_size::BODY),
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
            SaveStatus::Failed(why) => {
                column![text(words::not_saved(why)).size(text_size::SMALL),].into()
            }
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
}

fn section<'a>(
    heading: &'a str,
    items: impl IntoIterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    column![text(heading).size(text_size::TITLE), Column::with_children(items).spacing(space::S),]
        .spacing(space::S)
        .into()
}

fn bullet<'a>(line: String) -> Element<'a, Message> {
    row![text("•").size(text_size::BODY), text(line).size(text_size::BODY)].spacing(space::S).into()
}
