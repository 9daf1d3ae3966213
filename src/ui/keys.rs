//! Keyboard shortcuts, so a whole check can be done without a mouse.
//!
//! | key | does |
//! |---|---|
//! | Enter or Space | the primary action (New check, Start, Next, Done) |
//! | Backspace or Alt+Left | Back |
//! | Y / N | Yes / No |
//! | 0-9 | intensity (1 then 0 gives 10); on the question Tab moved to, the option with that number |
//! | Tab / Shift+Tab | the next / previous question of a step |
//! | E / C / S | eased / no change / stronger |
//! | L / R | left / right leg |
//! | Escape | quit the check (asks first); Escape again keeps going |
//! | Ctrl+H (Cmd+H on macOS) | history, from the home screen |
//! | Ctrl + comma (Cmd + comma on macOS) | settings, from the home screen |
//! | ? or F1 | this list |
//! | Ctrl+Q (Cmd+Q) | close the app |

use iced::keyboard::{self, Key, key::Named};

/// Every shortcut with what it does, for the help overlay (the words are in
/// [`crate::core::wording::screens::widgets::SHORTCUTS_LIST`]).
pub const HELP: &[(&str, &str)] = crate::core::wording::screens::widgets::SHORTCUTS_LIST;

/// A key press, reduced to what the shortcuts care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Primary,
    Back,
    Yes,
    No,
    Digit(u8),
    /// Tab: the next question of a card.
    NextField,
    /// Shift+Tab: the previous question of a card.
    PreviousField,
    Eased,
    NoChange,
    Stronger,
    Left,
    Right,
    /// B: both legs (set-up).
    Both,
    Escape,
    History,
    Settings,
    Help,
    QuitApp,
}

/// The shortcut a key press stands for, if any.
pub fn shortcut(event: &keyboard::Event) -> Option<Shortcut> {
    let keyboard::Event::KeyPressed { key, modifiers, repeat, .. } = event else {
        return None;
    };
    // A key held down repeats: each repeat would answer the next question unseen.
    if *repeat {
        return None;
    }
    if modifiers.command() {
        // Ctrl on Linux and Windows, Cmd on macOS.
        return match key.as_ref() {
            Key::Character("h") => Some(Shortcut::History),
            Key::Character(",") => Some(Shortcut::Settings),
            Key::Character("q") => Some(Shortcut::QuitApp),
            _ => None,
        };
    }
    match key.as_ref() {
        Key::Named(Named::Enter | Named::Space) => Some(Shortcut::Primary),
        Key::Named(Named::Backspace) => Some(Shortcut::Back),
        Key::Named(Named::Tab) if modifiers.shift() => Some(Shortcut::PreviousField),
        Key::Named(Named::Tab) => Some(Shortcut::NextField),
        Key::Named(Named::ArrowLeft) if modifiers.alt() => Some(Shortcut::Back),
        Key::Named(Named::Escape) => Some(Shortcut::Escape),
        Key::Named(Named::F1) => Some(Shortcut::Help),
        // Some keyboard layouts report Shift+/ as "/" with Shift held.
        Key::Character("/") if modifiers.shift() => Some(Shortcut::Help),
        Key::Character(c) => match c.to_ascii_lowercase().as_str() {
            "?" => Some(Shortcut::Help),
            "y" => Some(Shortcut::Yes),
            "n" => Some(Shortcut::No),
            "e" => Some(Shortcut::Eased),
            "c" => Some(Shortcut::NoChange),
            "s" => Some(Shortcut::Stronger),
            "l" => Some(Shortcut::Left),
            "r" => Some(Shortcut::Right),
            "b" => Some(Shortcut::Both),
            d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
                Some(Shortcut::Digit(d.as_bytes()[0] - b'0'))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers};

    fn press(key: Key, modifiers: Modifiers) -> keyboard::Event {
        held(key, modifiers, false)
    }

    fn held(key: Key, modifiers: Modifiers, repeat: bool) -> keyboard::Event {
        keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key.clone(),
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat,
        }
    }

    #[test]
    fn a_held_key_answers_once() {
        let no = Key::Character("n".into());
        assert_eq!(shortcut(&held(no.clone(), Modifiers::empty(), false)), Some(Shortcut::No));
        assert_eq!(shortcut(&held(no, Modifiers::empty(), true)), None);
    }

    #[test]
    fn keys_map_to_shortcuts() {
        let plain = Modifiers::empty();
        assert_eq!(
            shortcut(&press(Key::Character("?".into()), Modifiers::SHIFT)),
            Some(Shortcut::Help)
        );
        assert_eq!(shortcut(&press(Key::Character("7".into()), plain)), Some(Shortcut::Digit(7)));
        assert_eq!(
            shortcut(&press(Key::Character("Y".into()), Modifiers::SHIFT)),
            Some(Shortcut::Yes)
        );
        assert_eq!(shortcut(&press(Key::Named(Named::Enter), plain)), Some(Shortcut::Primary));
        assert_eq!(
            shortcut(&press(Key::Named(Named::ArrowLeft), Modifiers::ALT)),
            Some(Shortcut::Back)
        );
        assert_eq!(shortcut(&press(Key::Named(Named::ArrowLeft), plain)), None);
        assert_eq!(
            shortcut(&press(Key::Character("h".into()), Modifiers::COMMAND)),
            Some(Shortcut::History)
        );
        assert_eq!(shortcut(&press(Key::Character("y".into()), Modifiers::COMMAND)), None);
    }
}
