//! History opens a session by its id, never by its position: a tap on a row that
//! reaches the app after the list was read again (a session saved meanwhile
//! moves every row down) still opens the session that was tapped.

use crate::common::{Driver, PHONE};
use crate::support::build::graded;
use tension_check::core::{Check, RedFlag};
use tension_check::store::{Session, SessionStore, Store};
use tension_check::ui::app::Screen;
use tension_check::ui::screens::history;

fn session(hours_ago: i64) -> Session {
    let mut check = Check::new();
    check.red_flags.insert(RedFlag::ALL[0], false);
    graded(check, chrono::Local::now().fixed_offset() - chrono::Duration::hours(hours_ago))
}

#[test]
fn a_tap_on_a_row_opens_that_session_after_the_list_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let (older, oldest) = (session(2), session(3));
    store.save(&older).expect("saved");
    store.save(&oldest).expect("saved");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    d.tap("History");
    // The person taps the second row (the oldest session)…
    let label = oldest.started_at.format("%a %-d %b %Y, %H:%M").to_string();
    let tapped: Vec<_> = {
        let mut ui = d.simulator();
        ui.click(label.as_str()).expect("the row");
        ui.into_messages().collect()
    };
    assert!(!tapped.is_empty());
    // …while a newer session is saved and the list is read again.
    store.save(&session(1)).expect("saved");
    d.send(tension_check::ui::Message::History(history::Message::Back));
    d.tap("History");
    for message in tapped {
        d.send(message);
    }
    match d.app.screen() {
        Screen::Detail(state) => assert_eq!(state.id(), &oldest.id, "another session opened"),
        _ => panic!("no session opened"),
    }
}

#[test]
fn a_tap_on_a_row_opens_that_session_after_another_was_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let (newest, middle, oldest) = (session(1), session(2), session(3));
    for session in [&newest, &middle, &oldest] {
        store.save(session).expect("saved");
    }
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    d.tap("History");
    // The person taps the third row (the oldest session)…
    let label = oldest.started_at.format("%a %-d %b %Y, %H:%M").to_string();
    let tapped: Vec<_> = {
        let mut ui = d.simulator();
        ui.click(label.as_str()).expect("the row");
        ui.into_messages().collect()
    };
    assert!(!tapped.is_empty());
    // …while another window deletes the newest, and the list is read again: every
    // row moves up one, and the third row is no more.
    store.delete(&newest.id).expect("deleted");
    d.send(tension_check::ui::Message::History(history::Message::Back));
    d.tap("History");
    assert_eq!(d.app.history().map(<[_]>::len), Some(2), "the list was read again");
    for message in tapped {
        d.send(message);
    }
    match d.app.screen() {
        Screen::Detail(state) => assert_eq!(state.id(), &oldest.id, "another session opened"),
        _ => panic!("no session opened"),
    }
}
