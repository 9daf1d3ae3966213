//! Answering a card: the questions on show, the answers given, what each message
//! does, and the stop that ends the check with what was recorded so far.

use super::{Action, Message, State};
use crate::core::protocol::{Ask, Card};
use crate::core::{Check, Cue, StepAnswer};

impl State {
    /// The questions on show for the current answers: where and what it feels like
    /// are not asked when nothing is felt.
    pub(super) fn questions(&self) -> Vec<Ask> {
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
    pub(super) fn focused(&self) -> Option<Ask> {
        let questions = self.questions();
        questions.get(self.focus.min(questions.len().saturating_sub(1))).copied()
    }

    /// The answers given so far on the card on show.
    pub fn answer(&self) -> StepAnswer {
        self.answers.get(&self.card()).cloned().unwrap_or_default()
    }

    pub(super) fn answer_mut(&mut self) -> &mut StepAnswer {
        let card = self.card();
        self.answers.entry(card).or_default()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Intensity(n) => {
                self.answer_mut().intensity = Some(n.min(crate::core::MAX_INTENSITY))
            }
            Message::Region(region) => toggle(&mut self.answer_mut().regions, region),
            Message::Quality(quality) => toggle(&mut self.answer_mut().qualities, quality),
            Message::Familiar(familiar) => self.answer_mut().familiar = Some(familiar),
            Message::Change(change) => self.answer_mut().change = Some(change),
            Message::SharpPain(yes) | Message::SharpCameOn(yes) => {
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
            Message::StartHold => self.start_hold(None),
            Message::Tick(now) => self.tick(now),
            Message::Stop => {
                if self.card().step.is_test_card() && !self.transition {
                    return self.stop();
                }
            }
            Message::Next if self.transition => {
                self.transition = false;
                self.arrive();
            }
            Message::Next => {
                if self.answer().first_missing(self.card().step).is_some() || self.asking_sharp() {
                    return Action::None;
                }
                if self.index + 1 == self.cards.len() {
                    return Action::Finished(self.assemble(None));
                }
                self.index += 1;
                self.transition = self.starts_section(self.index);
                self.arrive();
            }
            Message::Back => {
                if self.transition {
                    self.transition = false;
                    self.index -= 1;
                } else if self.starts_section(self.index) {
                    self.transition = true;
                } else if self.index == 0 {
                    return Action::Back;
                } else {
                    self.index -= 1;
                }
                self.arrive();
            }
            Message::Mute(muted) => return Action::Mute(muted),
            Message::Quit => self.confirm_quit = true,
            Message::KeepGoing => self.confirm_quit = false,
            Message::ConfirmQuit => return Action::Quit,
        }
        Action::None
    }

    /// Whether the card asks, in place of its action bar, whether the sharp or
    /// shooting feeling just chosen came on with this movement: until answered, the
    /// card cannot move on.
    pub fn asking_sharp(&self) -> bool {
        let answer = self.answer();
        !self.transition && answer.sharp_pain.is_none() && answer.sharp_quality()
    }

    /// Takes back the stop that ended the check ("I tapped stop by mistake"): the card
    /// where it stopped is on show again with its answers, less the Yes that stopped
    /// it, so that question is asked again.
    pub fn undo_stop(&mut self) {
        let answer = self.answer_mut();
        if answer.sharp_pain == Some(true) {
            answer.sharp_pain = None;
        }
        if answer.spread == Some(true) {
            answer.spread = None;
        }
        self.transition = false;
        self.confirm_quit = false;
        self.arrive();
    }

    /// A stop sign: end the check now with what was recorded so far, with the stop's
    /// sound and words.
    fn stop(&mut self) -> Action {
        self.cues.push(Cue::Stop);
        self.cues.push(Cue::Say(crate::core::wording::screens::result::TEST_STOPPED.to_string()));
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
}

/// Adds `value` to `set`, or takes it out if it is there.
fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}
