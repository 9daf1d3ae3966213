//! The second half of a result: why (the most telling reasons, or all of them
//! grouped by leg), each leg's reading and what every result is not.

use iced::widget::{Column, column, container, text};
use iced::{Element, Length};

use super::blocks::section;
use super::{Message, REASONS_SHOWN, State};
use crate::core::wording::screens::{leg_title, result as words};
use crate::core::{Leg, Outcome, Reason, Tier, wording};
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::bullet::bullet;
use crate::ui::widgets::press::press;

impl State {
    /// Why, each leg and the note that this is not a diagnosis.
    pub(super) fn detail(&self) -> Column<'_, Message> {
        let outcome = &self.outcome;
        let mut detail = column![].spacing(space::L);
        if !outcome.reasons.is_empty() {
            detail = detail.push(self.reasons());
        }
        if !outcome.legs.is_empty() {
            detail = detail.push(each_leg(outcome));
        }
        detail.push(not_a_diagnosis())
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

/// Each leg: a card with its title and its reading.
fn each_leg(outcome: &Outcome) -> Element<'_, Message> {
    section(
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
                column![text(line).size(text_size::BODY), text(reading).size(text_size::SMALL),]
                    .spacing(space::XS),
            )
            .padding(space::M)
            .width(Length::Fill)
            .style(style::card)
            .into()
        }),
    )
}

/// What every result is not, in a note.
fn not_a_diagnosis<'a>() -> Element<'a, Message> {
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
    .style(style::note)
    .into()
}
