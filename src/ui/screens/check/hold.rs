//! The card's hold countdown and movement over time: what a card does when it opens,
//! how a hold starts (by a tap, by itself, or once its instruction is read) and what
//! each tick counts, chimes and says.

use iced::time::Instant;

use super::{State, view};
use crate::core::Cue;
use crate::core::guide::speaking_time;
use crate::core::wording::{self, screens::check as words};
use crate::ui::widgets::hold::Hold;

impl State {
    /// Whether the card on show is drawing its movement (the app then sends ticks
    /// often enough for it).
    pub fn animating(&self) -> bool {
        self.animate
            && !self.transition
            && crate::ui::motion::start_source(self.card().step).is_some()
    }

    /// The frame of the movement on show.
    pub fn motion_frame(&self) -> usize {
        self.motion.1
    }

    /// A card (or transition) has just opened: reset its keyboard focus and hold, and
    /// read its instruction; with the voice on, its hold starts once that is said.
    pub(super) fn arrive(&mut self) {
        self.focus = 0;
        self.waiting = None;
        self.motion = (None, 0);
        let step = self.card().step;
        self.hold = match (self.transition, step.hold_seconds()) {
            (false, Some(seconds)) => Some(Hold::new(seconds)),
            _ => None,
        };
        if self.transition {
            return;
        }
        let instruction = wording::step_instruction(step);
        self.cues.push(Cue::Say(instruction.to_string()));
        if self.hold.is_some() {
            if self.auto_hold {
                self.start_hold(None);
            } else if self.voice {
                self.waiting = Some((speaking_time(instruction), None));
            }
        }
    }

    /// Starts the hold, at `now` if known (else at the next tick).
    pub(super) fn start_hold(&mut self, now: Option<Instant>) {
        self.waiting = None;
        if let Some(hold) = &mut self.hold {
            hold.start();
            if let Some(now) = now {
                hold.tick(now);
            }
            self.cues.push(Cue::HoldStart);
            self.cues.push(Cue::Count(hold.remaining()));
        }
    }

    /// Time passed: a waiting hold may start, a running one counts, and its end is
    /// chimed and said, followed by the card's first question.
    pub(super) fn tick(&mut self, now: Instant) {
        if self.animating() {
            let since = *self.motion.0.get_or_insert(now);
            let ms = now.saturating_duration_since(since).as_millis() as u64;
            self.motion.1 = (ms / crate::ui::motion::FRAME_MS) as usize % crate::ui::motion::FRAMES;
        }
        if let Some((wait, since)) = &mut self.waiting {
            let since = *since.get_or_insert(now);
            if now.saturating_duration_since(since) >= *wait {
                self.start_hold(Some(now));
            }
            return;
        }
        let Some(hold) = &mut self.hold else { return };
        if !hold.counting() {
            return;
        }
        let before = hold.remaining();
        hold.tick(now);
        let after = hold.remaining();
        if hold.done() {
            self.cues.push(Cue::HoldEnd);
            self.cues.push(Cue::Say(words::HOLD_DONE.to_string()));
            if let Some(&ask) = self.questions().first() {
                self.cues.push(Cue::Say(view::prompt(self.card(), ask).to_string()));
            }
        } else if after < before {
            self.cues.push(Cue::Count(after));
        }
    }

    /// Whether the app must send ticks: a countdown runs, or waits for the instruction
    /// to be read.
    pub fn counting(&self) -> bool {
        self.waiting.is_some() || self.hold.is_some_and(|h| h.counting()) || self.animating()
    }

    /// The hold countdown of the card on show, if it has one.
    pub fn hold(&self) -> Option<&Hold> {
        self.hold.as_ref()
    }
}
