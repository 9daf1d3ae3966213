//! Taps that cannot go wrong: the tap guard after a page change, Yes and No in one
//! place for every safety question, no call button under the finger that answered
//! Yes, the question that Sharp or Shooting asks at once, and a stop that can be taken
//! back. Time is a manual clock moved by hand (never real time).

use std::time::Duration;

use iced::{Point, Settings};
use iced_test::Simulator;

use crate::common::{DESKTOP, Driver, PHONE, SIZES};
use tension_check::core::{Card, Leg, Reason, RedFlag, StepId, Tier};
use tension_check::ui::Message;
use tension_check::ui::app::Screen;
use tension_check::ui::widgets::page::TAP_GUARD;

/// The centre of `label` on the view as it is now.
fn centre(d: &Driver, label: &str) -> Point {
    let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
    let target = ui.find(label).unwrap_or_else(|e| panic!("no {label:?} at {:?}: {e:?}", d.size));
    target.visible_bounds().unwrap_or_else(|| panic!("{label:?} is off screen")).center()
}

/// A click at `at` on the view as it is now, `after` the last one by the app's clock
/// (not the driver's pace); the messages it sent go to the app, and are returned.
fn click_at(d: &mut Driver, at: Point, after: Duration) -> Vec<Message> {
    d.clock.advance(after);
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
        ui.point_at(at);
        let _ = ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect()
    };
    for message in &messages {
        d.app.update_blocking(message.clone());
    }
    messages
}

fn safety(d: &Driver) -> &tension_check::ui::screens::safety::State {
    match d.app.screen() {
        Screen::Safety(state) => state,
        other => panic!("expected the safety questions, not {other:?}"),
    }
}

#[test]
fn a_tap_within_the_guard_after_a_page_change_does_nothing_and_one_after_it_works() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        assert_eq!(safety(&d).position(), 0);
        let no = centre(&d, "No");
        // 50 ms before the guard ends: ignored.
        let sent = click_at(&mut d, no, TAP_GUARD - Duration::from_millis(50));
        assert!(sent.is_empty(), "a tap inside the guard sent {sent:?} at {size:?}");
        assert_eq!(safety(&d).position(), 0);
        // 100 ms later, past the guard: it answers.
        click_at(&mut d, no, Duration::from_millis(100));
        assert_eq!(safety(&d).position(), 1, "a tap after the guard works at {size:?}");
        assert_eq!(safety(&d).answer(RedFlag::ALL[0]), Some(false));
    }
}

#[test]
fn a_double_tap_on_a_safety_question_answers_only_the_question_shown() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        let no = centre(&d, "No");
        click_at(&mut d, no, Duration::from_secs(1));
        // The second tap of a double tap, 120 ms later, at the same place.
        click_at(&mut d, no, Duration::from_millis(120));
        let state = safety(&d);
        assert_eq!(state.position(), 1, "the second question stays on screen at {size:?}");
        assert_eq!(state.answer(RedFlag::ALL[0]), Some(false));
        assert_eq!(state.answer(RedFlag::ALL[1]), None, "the unseen question has no answer");
    }
}

#[test]
fn yes_and_no_keep_their_place_for_every_safety_question() {
    for size in [PHONE, DESKTOP, (360.0, 740.0)] {
        let mut d = Driver::new(size);
        d.tap("New check");
        let first = (centre(&d, "Yes"), centre(&d, "No"));
        for _ in 1..=RedFlag::ALL.len() {
            d.tap("No");
            assert_eq!((centre(&d, "Yes"), centre(&d, "No")), first, "at {size:?}");
        }
    }
}

#[test]
fn a_double_tap_on_yes_does_not_reach_a_call_button() {
    for size in [PHONE, (390.0, 844.0), DESKTOP] {
        let mut d = Driver::new(size);
        d.app = std::mem::take(&mut d.app).with_call_buttons(true);
        d.tap("New check");
        let yes = centre(&d, "Yes");
        click_at(&mut d, yes, Duration::from_secs(1));
        assert!(matches!(d.app.screen(), Screen::Result(_)), "Yes ends the check");
        // No call button where Yes was tapped...
        let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
        for (number, _) in tension_check::core::wording::screens::result::EMERGENCY_NUMBERS {
            let label = format!("Call {number}");
            let call = ui.find(label.as_str()).expect("a call button for each number");
            assert!(
                !call.bounds().expand(24.0).contains(yes),
                "{label} under the finger at {size:?}"
            );
        }
        drop(ui);
        // ...and the second tap of a double tap sends nothing at all.
        let sent = click_at(&mut d, yes, Duration::from_millis(120));
        assert!(sent.is_empty(), "the double tap's second tap sent {sent:?} at {size:?}");
        // A call needs its own deliberate tap.
        let call = centre(&d, "Call 112");
        let sent = click_at(&mut d, call, Duration::from_secs(1));
        assert!(
            sent.iter().any(|m| matches!(
                m,
                Message::Result(tension_check::ui::screens::result::Message::Call("112"))
            )),
            "a deliberate tap calls: {sent:?}"
        );
    }
}

/// Safety, set-up of the right leg alone, A1, and A2 with 7 in the lower leg.
fn to_a2_qualities(d: &mut Driver) {
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.tap_all(&["7", "Lower leg or foot"]);
}

#[test]
fn choosing_sharp_asks_at_once_and_stop_the_test_ends_it_with_the_reason() {
    for size in SIZES {
        let mut d = Driver::new(size);
        to_a2_qualities(&mut d);
        d.tap("Shooting");
        d.expect(
            "You chose sharp or shooting. Did sharp or shooting pain come on with this movement?",
        );
        assert!(!d.sees("Next"), "the card cannot move on before the question is answered");
        d.tap("Yes, stop the test");
        let Screen::Result(result) = d.app.screen() else { panic!("expected the result") };
        let card = Card { leg: Leg::Right, step: StepId::A2 };
        assert_eq!(result.outcome().tier, Tier::StopAndConsult);
        assert!(result.outcome().reasons.contains(&Reason::SharpPainAt(card)));
        d.expect("Test stopped. Come back to rest.");
        d.expect("I answered Yes by mistake");
    }
}

#[test]
fn carrying_on_after_sharp_goes_on_and_the_reasons_say_so() {
    for size in SIZES {
        let mut d = Driver::new(size);
        to_a2_qualities(&mut d);
        d.tap_all(&["Tingling", "Sharp"]);
        d.tap("No, carry on");
        assert!(!d.sees("No, carry on"), "answered once, the question goes");
        d.tap_all(&["Yes", "Next"]);
        for change in ["Eased", "Stronger", "Stronger", "Eased"] {
            d.card(&[change]);
        }
        d.card(&[]);
        d.card(&["3", "Buttock", "Dull ache", "No"]);
        d.card(&["Stronger", "No"]);
        let Screen::Result(result) = d.app.screen() else { panic!("expected the result") };
        let card = Card { leg: Leg::Right, step: StepId::A2 };
        assert!(
            result.outcome().reasons.contains(&Reason::CarriedOnAfterSharp(card)),
            "{:?}",
            result.outcome().reasons
        );
        assert_ne!(result.outcome().tier, Tier::StopAndConsult);
    }
}

#[test]
fn a_stop_tapped_by_mistake_returns_to_the_card_with_its_answers_and_is_not_kept() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.tap_all(&["6", "Back of knee", "Dull ache"]);
        d.tap("Stop the test");
        d.expect("Test stopped. Come back to rest.");
        let Screen::Result(result) = d.app.screen() else { panic!("expected the result") };
        assert_eq!(result.outcome().tier, Tier::StopAndConsult);
        let store = tension_check::store::Store::open_read_only(dir.path()).expect("store");
        assert_eq!(store.summaries().sessions.len(), 1, "the stop is saved at once");

        d.tap("I tapped stop by mistake");
        let Screen::Check { state, .. } = d.app.screen() else { panic!("back on the card") };
        assert_eq!(state.card(), Card { leg: Leg::Right, step: StepId::A2 });
        assert_eq!(state.answer().intensity, Some(6), "the answers are kept");
        assert_eq!(store.summaries().sessions.len(), 0, "the mistaken stop is not kept");

        // The check goes on and is saved once, not stopped.
        d.tap_all(&["Yes", "Next"]);
        for change in ["Eased", "Stronger", "Stronger", "Eased"] {
            d.card(&[change]);
        }
        d.card(&[]);
        d.card(&["3", "Buttock", "Dull ache", "No"]);
        d.card(&["Stronger", "No"]);
        let Screen::Result(result) = d.app.screen() else { panic!("expected the result") };
        assert_ne!(result.outcome().tier, Tier::StopAndConsult);
        assert!(!d.sees("I tapped stop by mistake"));
        let sessions = store.summaries().sessions;
        assert_eq!(sessions.len(), 1, "one session for one check at {size:?}");
        assert_eq!(sessions[0].tier, result.outcome().tier);
    }
}

#[test]
fn a_stop_can_be_taken_back_only_until_its_result_is_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.tap("Stop the test");
    d.tap("Done");
    // The same message after leaving the result does nothing.
    d.send(Message::Result(tension_check::ui::screens::result::Message::UndoStop));
    assert!(matches!(d.app.screen(), Screen::Home(_)));
    let store = tension_check::store::Store::open_read_only(dir.path()).expect("store");
    assert_eq!(store.summaries().sessions.len(), 1, "a stop that was not taken back is kept");
}

#[test]
fn the_b2_and_b3_questions_say_that_yes_stops_the_test() {
    let mut d = Driver::new(PHONE);
    d.pass_safety(false);
    d.set_up("Right", false);
    d.quiet_slump();
    d.card(&[]);
    d.expect("Did sharp or shooting pain get worse? A Yes stops the test.");
    d.card(&["3", "Back of thigh", "Stretch or pull", "No"]);
    d.expect("Did the feeling spread down below your knee? A Yes stops the test.");
    assert!(!d.sees("Sharp pain or spreading: stop"), "the stop button is not about spreading");
    d.expect("Stop the test");
}

/// A finger's tap at `at`, `after` the last one by the app's clock.
fn finger_at(d: &mut Driver, at: Point, after: Duration) -> Vec<Message> {
    use iced::touch::{Event as Touch, Finger};
    d.clock.advance(after);
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
        ui.point_at(at);
        let _ = ui.simulate([
            iced::Event::Touch(Touch::FingerPressed { id: Finger(3), position: at }),
            iced::Event::Touch(Touch::FingerLifted { id: Finger(3), position: at }),
        ]);
        ui.into_messages().collect()
    };
    for message in &messages {
        d.app.update_blocking(message.clone());
    }
    messages
}

#[test]
fn a_double_tap_by_finger_answers_only_the_question_shown_and_a_later_tap_works() {
    for size in [PHONE, (390.0, 844.0)] {
        let mut d = Driver::new(size);
        d.tap("New check");
        let no = centre(&d, "No");
        finger_at(&mut d, no, Duration::from_secs(1));
        let sent = finger_at(&mut d, no, Duration::from_millis(120));
        assert!(sent.is_empty(), "the second tap sent {sent:?}");
        assert_eq!(safety(&d).position(), 1);
        assert_eq!(safety(&d).answer(RedFlag::ALL[1]), None);
        finger_at(&mut d, no, TAP_GUARD);
        assert_eq!(safety(&d).position(), 2, "a deliberate tap after the guard answers");
    }
}

#[test]
fn a_swipe_that_starts_on_the_stop_button_scrolls_the_card_and_stops_nothing() {
    use iced::touch::{Event as Touch, Finger};
    let mut d = Driver::new(PHONE);
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    let mut ui = d.simulator();
    let before = ui.find("Stop the test").expect("the stop").visible_bounds().expect("on screen");
    let start = before.center();
    ui.point_at(start);
    let _ =
        ui.simulate([iced::Event::Touch(Touch::FingerPressed { id: Finger(1), position: start })]);
    for step in 1..=20 {
        let at = Point::new(start.x, start.y - 200.0 * step as f32 / 20.0);
        ui.point_at(at);
        let _ =
            ui.simulate([iced::Event::Touch(Touch::FingerMoved { id: Finger(1), position: at })]);
    }
    let end = Point::new(start.x, start.y - 200.0);
    let _ = ui.simulate([iced::Event::Touch(Touch::FingerLifted { id: Finger(1), position: end })]);
    let after = ui.find("Stop the test").expect("the stop").visible_bounds().expect("on screen");
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(messages.is_empty(), "a swipe stops nothing: {messages:?}");
    assert!(after.y < before.y - 40.0, "the swipe scrolled the card: {before:?} -> {after:?}");
}
