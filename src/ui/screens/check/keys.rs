//! The keyboard on a card: what each shortcut stands for, on the card, its
//! transition card, the quit question and the sharp-pain question.

use super::{Message, State};
use crate::core::protocol::Ask;
use crate::core::{Change, Familiar, Quality, Region};
use crate::ui::keys::Shortcut;

impl State {
    /// The message a keyboard shortcut stands for on this card.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        if self.confirm_quit {
            return match key {
                Shortcut::Escape | Shortcut::No => Some(Message::KeepGoing),
                Shortcut::Yes => Some(Message::ConfirmQuit),
                _ => None,
            };
        }
        if self.asking_sharp() {
            return match key {
                Shortcut::Yes => Some(Message::SharpCameOn(true)),
                Shortcut::No => Some(Message::SharpCameOn(false)),
                Shortcut::Escape => Some(Message::Quit),
                _ => None,
            };
        }
        if self.transition {
            return match key {
                Shortcut::Primary => Some(Message::Next),
                Shortcut::Back => Some(Message::Back),
                Shortcut::Escape => Some(Message::Quit),
                _ => None,
            };
        }
        self.card_key(key)
    }

    /// The message a shortcut stands for on the card itself: moving on or back,
    /// moving between its questions, and answering the question the keys answer.
    fn card_key(&self, key: Shortcut) -> Option<Message> {
        let asks = self.card().step.asks();
        let answer = self.answer();
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
            Shortcut::Yes | Shortcut::No => yes_or_no(asks, key == Shortcut::Yes),
            _ => None,
        }
    }
}

/// The answer Yes (`yes`) or No gives on a card that asks `asks`: to whether the
/// feeling is familiar, else to sharp pain, else to spreading; none if it asks none.
fn yes_or_no(asks: &[Ask], yes: bool) -> Option<Message> {
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

/// The option a number key picks: 1 is the first.
fn option_for_key<T: Copy>(digit: u8, options: &[T]) -> Option<T> {
    usize::from(digit).checked_sub(1).and_then(|i| options.get(i)).copied()
}
