//! The first half of a result: what to do first. The emergency call to action or
//! what a stop did, the tier, one line of what to do now, the action block of urgent
//! and stop results, what to do next, the exercises and when to see a physiotherapist.

use iced::widget::{Column, column, text};

use super::blocks::{block, emergency_block, section, stopped_block};
use super::{Message, State, offers_exercises};
use crate::core::grading::stop_card;
use crate::core::wording::screens::result as words;
use crate::core::{Tier, wording};
use crate::ui::style::{space, text_size};
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::bullet::bullet;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

impl State {
    /// What to do first, from the call to action down to when to see a physiotherapist.
    pub(super) fn lead(&self) -> Column<'_, Message> {
        let outcome = &self.outcome;
        let tier = outcome.tier;
        let mut lead = self.opening();
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
        lead.push(section(
            words::WHEN_TO_SEE_PT,
            [text(wording::when_to_see_pt(tier)).size(text_size::BODY).into()],
        ))
    }

    /// The top of the lead: the emergency call to action, what a stop did (with the
    /// way back after a stop just made), "Your result" and the tier's badge.
    fn opening(&self) -> Column<'_, Message> {
        let tier = self.outcome.tier;
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
        lead.push(tier_badge(tier, BadgeSize::Large))
    }
}
