//! Touch: a finger drag scrolls the history even though it is full of tap targets,
//! and a finger tap opens a row; a whole check can be done by finger taps.

use crate::support::build::graded;
use chrono::{Duration, Local};
use iced::touch::{self, Finger};
use iced::{Event, Point, Settings, Size};
use iced_test::Simulator;
use tension_check::core::{Check, RedFlag};
use tension_check::store::SessionSummary;
use tension_check::ui::screens::history;

fn sessions(n: usize) -> Vec<SessionSummary> {
    let now = Local::now().fixed_offset();
    (0..n)
        .map(|i| {
            let check = Check { red_flags: [(RedFlag::Fever, true)].into(), ..Check::new() };
            SessionSummary::of(&graded(check, now - Duration::hours(i as i64)))
        })
        .collect()
}

fn finger(event: fn(Finger, Point) -> touch::Event, at: Point) -> Event {
    Event::Touch(event(Finger(1), at))
}

fn pressed(id: Finger, position: Point) -> touch::Event {
    touch::Event::FingerPressed { id, position }
}
fn moved(id: Finger, position: Point) -> touch::Event {
    touch::Event::FingerMoved { id, position }
}
fn lifted(id: Finger, position: Point) -> touch::Event {
    touch::Event::FingerLifted { id, position }
}

#[test]
fn dragging_a_finger_scrolls_the_history_and_does_not_open_a_row() {
    let list = sessions(60);
    let state = history::State::default();
    let view = state.view(
        tension_check::ui::viewport::Viewport::new(360.0),
        history::Context { sessions: Some(&list), notices: &[], undo: None },
    );
    let mut ui = Simulator::with_size(Settings::default(), Size::new(360.0, 740.0), view);
    let start = Point::new(180.0, 400.0);
    ui.point_at(start);
    let _ = ui.simulate([finger(pressed, start)]);
    for step in 1..=10 {
        let at = Point::new(180.0, 400.0 - 25.0 * step as f32);
        ui.point_at(at);
        let _ = ui.simulate([finger(moved, at)]);
    }
    let end = Point::new(180.0, 150.0);
    let _ = ui.simulate([finger(lifted, end)]);
    let messages: Vec<history::Message> = ui.into_messages().collect();
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, history::Message::Scrolled { offset, .. } if *offset > 100.0)),
        "the drag scrolled the list: {messages:?}"
    );
    assert!(!messages.iter().any(|m| matches!(m, history::Message::Open(_))), "no row opened");
}

#[test]
fn a_finger_tap_opens_the_row_under_it() {
    let list = sessions(60);
    let state = history::State::default();
    let label = list[1].started_at.format("%a %-d %b %Y, %H:%M").to_string();
    let view = state.view(
        tension_check::ui::viewport::Viewport::new(360.0),
        history::Context { sessions: Some(&list), notices: &[], undo: None },
    );
    let mut ui = Simulator::with_size(Settings::default(), Size::new(360.0, 740.0), view);
    let target = ui.find(label.as_str()).expect("second row");
    let at = target.visible_bounds().expect("on screen").center();
    ui.point_at(at);
    let _ = ui.simulate([finger(pressed, at), finger(lifted, at)]);
    let messages: Vec<history::Message> = ui.into_messages().collect();
    assert_eq!(messages, vec![history::Message::Open(list[1].id.clone())]);
}

#[test]
fn a_whole_check_by_finger_taps() {
    for size in [(360.0, 640.0), (390.0, 844.0)] {
        let mut d = crate::common::Driver::new(size);
        d.finger_tap("New check");
        for _ in 0..RedFlag::ALL.len() {
            d.finger_tap("No");
        }
        d.finger_tap("No");
        d.finger_tap("Left");
        d.finger_tap("Skip");
        d.finger_tap("Start");
        d.finger_tap("Next");
        for label in ["6", "Back of knee", "Upper calf", "Tingling", "Yes", "Next"] {
            d.finger_tap(label);
        }
        for change in ["Eased", "Stronger", "Stronger", "Eased"] {
            d.finger_tap(change);
            d.finger_tap("Next");
        }
        d.finger_tap("Continue");
        d.finger_tap("Next");
        for label in ["3", "Buttock", "Tingling", "No", "Next", "Stronger", "No", "See result"] {
            d.finger_tap(label);
        }
        d.expect("Nerve tension likely");
        d.expect(tension_check::core::wording::strength(tension_check::core::Strength::Strong));
    }
}

#[test]
fn dragging_over_the_choices_of_a_step_card_scrolls_it() {
    let mut d = crate::common::Driver::new((390.0, 844.0));
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.card(&["6", "Back of knee", "Tingling", "Yes"]);
    // A3: the first answer is on screen, the others below it.
    let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
    let before = ui.find("Eased").expect("a choice").visible_bounds().expect("on screen");
    // Start the drag on a choice and move the finger up.
    let start = before.center();
    ui.point_at(start);
    let _ = ui.simulate([finger(pressed, start)]);
    let distance = start.y - 100.0;
    for step in 1..=20 {
        let at = Point::new(start.x, start.y - distance * step as f32 / 20.0);
        ui.point_at(at);
        let _ = ui.simulate([finger(moved, at)]);
    }
    let _ = ui.simulate([finger(lifted, Point::new(start.x, 100.0))]);
    let after = ui.find("Eased").expect("a choice").visible_bounds().expect("still on screen");
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(messages.is_empty(), "a drag chooses nothing: {messages:?}");
    assert!(after.y < before.y - 40.0, "the drag scrolled the card: {before:?} -> {after:?}");
}
