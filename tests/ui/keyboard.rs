//! A whole check without a mouse: keys go through the screen first, exactly as iced
//! delivers them, and what the screen ignores reaches the app's shortcuts.

use crate::common::{Driver, SIZES};
use iced::keyboard::key::Named;
use tension_check::core::{RedFlag, Tier};
use tension_check::ui::app::Screen;

fn tier(d: &Driver) -> Option<Tier> {
    match d.app.screen() {
        Screen::Result(state) => Some(state.outcome().tier),
        _ => None,
    }
}

#[test]
fn a_whole_check_by_keyboard_alone() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.enter(); // New check
        d.expect(&format!("Question 1 of {}", tension_check::core::RedFlag::ALL.len() + 1));
        for _ in 0..RedFlag::ALL.len() {
            d.keys("n");
        }
        d.keys("n"); // no injury
        d.expect("Before you start");
        d.keys("r"); // right leg bothers
        d.keys("n"); // no reference leg
        d.enter();
        d.expect_step(1);
        d.enter();
        // A2: 1 then 0 gives 10; "nothing felt" is not the case, so where/what are asked.
        d.keys("10");
        d.expect("Choose where you feel it to continue.");
        // Regions and qualities have no letter keys: the check stays on this card.
        d.enter();
        d.expect_step(2);
        d.key(Named::Backspace);
        d.expect_step(1);
        d.enter();
        d.keys("0"); // 10 then 0: nothing felt now
        d.enter();
        d.expect_step(3);
        for key in ["e", "s", "s", "c"] {
            d.keys(key);
            d.enter();
        }
        d.expect("Seated slump test done.");
        d.enter(); // past the transition card
        d.expect_step(7);
        d.enter();
        d.keys("0");
        d.keys("n");
        d.enter();
        d.keys("c");
        d.keys("n");
        d.enter();
        assert!(tier(&d).is_some(), "the check reached its result by keyboard at {size:?}");
        d.expect("No notable tension");
        d.enter(); // Done
        d.expect("New check");
    }
}

#[test]
fn escape_asks_before_quitting_and_y_confirms() {
    let mut d = Driver::new(crate::common::PHONE);
    d.enter();
    for _ in 0..=RedFlag::ALL.len() {
        d.keys("n");
    }
    d.keys("l");
    d.enter();
    d.key(Named::Escape);
    d.expect("Keep going");
    d.key(Named::Escape);
    d.expect_step(1);
    d.key(Named::Escape);
    d.keys("y");
    d.expect("New check");
}

#[test]
fn a_red_flag_by_keyboard_and_the_help_overlay() {
    let mut d = Driver::new(crate::common::DESKTOP);
    d.keys("?");
    d.expect("Keyboard shortcuts");
    d.key(Named::Escape);
    assert!(!d.sees("Keyboard shortcuts"));
    d.enter();
    d.keys("y");
    assert_eq!(tier(&d), Some(Tier::Emergency));
}

#[test]
fn backspace_goes_back_through_the_safety_questions() {
    let mut d = Driver::new(crate::common::PHONE);
    d.enter();
    d.keys("nn");
    d.expect(&format!("Question 3 of {}", tension_check::core::RedFlag::ALL.len() + 1));
    d.key(Named::Backspace);
    d.expect(&format!("Question 2 of {}", tension_check::core::RedFlag::ALL.len() + 1));
}
