//! Keyboard shortcuts, so a whole check can be done without a mouse.
//!
//! | key | does |
//! |---|---|
//! | Enter or Space | the primary action (New check, Start, Next, Done) |
//! | Backspace or Alt+Left | Back |
//! | Y / N | Yes / No |
//! | 0-9 | intensity (1 then 0 gives 10) |
//! | E / C / S | eased / no change / stronger |
//! | L / R | left / right leg |
//! | Escape | quit the check (asks first); Escape again keeps going |
//! | Ctrl+H (Cmd+H on macOS) | history, from the home screen |

use iced::keyboard::{self, Key, key::Named};

/// A key press, reduced to what the shortcuts care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Primary,
    Back,
    Yes,
    No,
    Digit(u8),
    Eased,
    NoChange,
    Stronger,
    Left,
    Right,
    Escape,
    History,
}

/// The shortcut a key press stands for, if any.
pub fn shortcut(event: &keyboard::Event) -> Option<Shortcut> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    if modifiers.command() {
        // Ctrl on Linux and Windows, Cmd on macOS.
        return match key.as_ref() {
            Key::Character("h") => Some(Shortcut::History),
            _ => None,
        };
    }
    match key.as_ref() {
        Key::Named(Named::Enter | Named::Space) => Some(Shortcut::Primary),
        Key::Named(Named::Backspace) => Some(Shortcut::Back),
        Key::Named(Named::ArrowLeft) if modifiers.alt() => Some(Shortcut::Back),
        Key::Named(Named::Escape) => Some(Shortcut::Escape),
        Key::Character(c) => match c.to_ascii_lowercase().as_str() {
            "y" => Some(Shortcut::Yes),
            "n" => Some(Shortcut::No),
            "e" => Some(Shortcut::Eased),
            "c" => Some(Shortcut::NoChange),
            "s" => Some(Shortcut::Stronger),
            "l" => Some(Shortcut::Left),
            "r" => Some(Shortcut::Right),
            d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
                Some(Shortcut::Digit(d.as_bytes()[0] - b'0'))
            }
            _ => None,
        },
        _ => None,
    }
}
