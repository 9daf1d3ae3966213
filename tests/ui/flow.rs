//! The guided check, clicked through by visible text at phone and desktop sizes.

use crate::common::{Driver, SIZES};
use tension_check::core::{Tier, wording};
use tension_check::ui::app::Screen;

/// The reference leg: an ordinary hamstring stretch, nothing changes with foot or head.
const QUIET_A2: &[&str] = &["2", "Back of thigh", "Stretch or pull", "No"];
const QUIET_B2: &[&str] = &["2", "Back of thigh", "Stretch or pull", "No"];

fn slump(driver: &mut Driver, a2: &[&str], changes: [&str; 4]) {
    driver.card(&[]);
    driver.card(a2);
    for change in changes {
        driver.card(&[change]);
    }
}

fn stretch(driver: &mut Driver, b2: &[&str], b3: &[&str]) {
    driver.card(&[]);
    driver.card(b2);
    driver.card(b3);
}

fn result_tier(driver: &Driver) -> Option<Tier> {
    match driver.app.screen() {
        Screen::Result(state) => Some(state.outcome().tier),
        _ => None,
    }
}

#[test]
fn a_red_flag_yes_ends_on_emergency() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        d.expect(&format!("Question 1 of {}", tension_check::core::RedFlag::ALL.len() + 1));
        d.tap("Yes");
        d.expect("Emergency");
        d.expect(&wording::reason(&tension_check::core::Reason::RedFlag(
            tension_check::core::RedFlag::SaddleNumbness,
        )));
        assert_eq!(result_tier(&d), Some(Tier::Emergency));
        assert!(!d.sees("Each leg"), "no tests after a red flag");
        d.tap("Done");
        d.expect("New check");
    }
}

#[test]
fn an_urgent_flag_ends_on_urgent() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        // Every emergency question answered no, then yes to the first urgent one.
        let emergency = tension_check::core::RedFlag::ALL
            .iter()
            .filter(|f| f.severity() == tension_check::core::Severity::Emergency)
            .count();
        for _ in 0..emergency {
            d.tap("No");
        }
        d.tap("Yes");
        d.expect("Urgent");
        assert_eq!(result_tier(&d), Some(Tier::Urgent));
    }
}

#[test]
fn a_full_two_leg_check_with_nerve_answers_ends_on_nerve_tension_likely() {
    // Every size from a small phone to full HD; each card checks that Next and Back
    // are on screen without scrolling.
    for size in crate::common::ALL_SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", true);
        d.expect("Left leg (reference)");
        slump(&mut d, QUIET_A2, ["No change"; 4]);
        d.expect("Left leg done.");
        slump(
            &mut d,
            &["6", "Back of knee", "Upper calf", "Burning", "Yes"],
            ["Eased", "Stronger", "No change", "No change"],
        );
        d.expect("Seated slump test done.");
        stretch(&mut d, QUIET_B2, &["No change", "No"]);
        stretch(&mut d, &["4", "Buttock", "Burning", "No"], &["Stronger", "No"]);
        d.expect("Nerve tension likely");
        d.expect("Not a diagnosis");
        d.expect(&wording::reason(&tension_check::core::Reason::EasedToesDown(
            tension_check::core::Leg::Right,
        )));
        assert_eq!(result_tier(&d), Some(Tier::NerveTensionLikely));
    }
}

#[test]
fn a_hamstring_type_check_ends_on_hamstring_tightness_likely() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Left", true);
        slump(&mut d, QUIET_A2, ["No change"; 4]);
        slump(&mut d, &["5", "Back of thigh", "Stretch or pull", "Yes"], ["No change"; 4]);
        stretch(&mut d, QUIET_B2, &["No change", "No"]);
        stretch(&mut d, &["6", "Back of thigh", "Stretch or pull", "No"], &["No change", "No"]);
        d.expect("Hamstring tightness likely");
        assert_eq!(result_tier(&d), Some(Tier::HamstringTightnessLikely));
    }
}

#[test]
fn sharp_pain_in_the_stretch_stops_the_test() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Left", false);
        slump(&mut d, &["4", "Back of thigh", "Dull ache", "Yes"], ["No change"; 4]);
        d.card(&[]);
        d.tap_all(&["5", "Back of thigh", "Sharp"]);
        d.tap("Yes");
        d.expect("Stop and consult");
        assert_eq!(result_tier(&d), Some(Tier::StopAndConsult));
        d.expect(&wording::reason(&tension_check::core::Reason::SharpPainAt(
            tension_check::core::Card {
                leg: tension_check::core::Leg::Left,
                step: tension_check::core::StepId::B2,
            },
        )));
    }
}

#[test]
fn a_suspected_strain_skips_the_stretch_and_says_why() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(true);
        d.expect(wording::INJURY_YES_NOTE);
        d.set_up("Left", false);
        slump(&mut d, &["5", "Back of thigh", "Stretch or pull", "Yes"], ["No change"; 4]);
        assert!(result_tier(&d).is_some(), "the check ends after the slump test");
        d.expect("Have the suspected strain seen by a physical therapist before any stretching.");
        let reasons = match d.app.screen() {
            tension_check::ui::app::Screen::Result(state) => state.outcome().reasons.len(),
            _ => 0,
        };
        if reasons > tension_check::ui::screens::result::REASONS_SHOWN {
            d.tap(&format!("Show all {reasons} reasons"));
        }
        d.expect(&wording::reason(&tension_check::core::Reason::SuspectedStrain));
    }
}

#[test]
fn next_is_refused_until_required_answers_are_given() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.expect_step(2);
        d.tap("Next");
        d.expect_step(2);
        d.expect("Tap a number from 0 to 10 to continue.");
        d.tap("7");
        d.tap("Next");
        d.expect_step(2);
        d.expect("Choose where you feel it to continue.");
        d.tap("Back of thigh");
        d.tap("Dull ache");
        d.tap("Next");
        d.expect("Say whether this is your usual feeling to continue.");
        d.tap("Not sure");
        d.tap("Next");
        d.expect_step(3);
        d.tap("Next");
        d.expect_step(3);
        d.expect("Choose how the feeling changed to continue.");
    }
}

#[test]
fn zero_intensity_needs_no_where_or_what() {
    let mut d = Driver::new(crate::common::PHONE);
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.tap("0");
    d.expect(wording::NOTHING_FELT);
    assert!(!d.sees("Back of thigh"));
    d.tap("Next");
    d.expect_step(3);
}

#[test]
fn back_keeps_answers() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.card(&["6", "Back of knee", "Tingling", "Yes"]);
        d.card(&["Eased"]);
        d.expect_step(4);
        d.tap("Back");
        d.tap("Back");
        d.expect_step(2);
        // The answers are still there: Next is accepted at once, twice.
        d.tap("Next");
        d.expect_step(3);
        d.tap("Next");
        d.expect_step(4);
        // Untoggling a region shows it was kept selected, not added again.
        d.tap("Back");
        d.tap("Back");
        d.tap("Back of knee");
        d.tap("Next");
        d.expect_step(2);
        d.expect("Choose where you feel it to continue.");
    }
}

#[test]
fn back_from_the_first_card_returns_to_set_up_and_quit_asks_first() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Left", true);
        d.tap("Back");
        d.expect("Before you start");
        d.tap("Start");
        d.expect_step(1);
        d.tap("Quit");
        d.expect("Keep going");
        d.tap("Keep going");
        d.expect_step(1);
        d.tap("Quit");
        d.tap("Quit check");
        d.expect("New check");
    }
}

#[test]
fn back_through_the_safety_questions_keeps_going() {
    let mut d = Driver::new(crate::common::PHONE);
    d.tap("New check");
    d.tap("No");
    d.tap("No");
    d.expect(&format!("Question 3 of {}", tension_check::core::RedFlag::ALL.len() + 1));
    d.tap("Back");
    d.expect(&format!("Question 2 of {}", tension_check::core::RedFlag::ALL.len() + 1));
    d.tap("Back");
    d.tap("Back");
    d.expect("New check");
}

#[test]
fn a_check_in_progress_is_taken_up_where_it_stood() {
    // The browser keeps the draft across a reload; here it goes through RON as it does
    // there, into a new app, which must show the same card with the same answers.
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", true);
        d.card(&[]);
        d.card(&["6", "Back of knee", "Tingling", "Yes"]);
        d.tap_all(&["Eased"]);
        d.expect_step(3);
        let draft = d.app.draft().expect("a check is in progress");
        let text = ron::to_string(&draft).expect("a draft is RON");
        let kept: tension_check::core::Draft = ron::from_str(&text).expect("and reads back");

        let mut again = Driver::new(size);
        assert!(again.app.resume(kept), "the kept check is taken up");
        again.expect_step(3);
        assert_eq!(again.app.draft(), Some(draft), "the same card, answers and set-up");
        // Its earlier answers are there: Back, then Next is accepted at once.
        again.tap("Back");
        again.expect_step(2);
        again.tap("Next");
        again.expect_step(3);
        // Once the check is over there is nothing left to keep.
        again.tap("Quit");
        again.tap("Quit check");
        assert_eq!(again.app.draft(), None);
    }
}
