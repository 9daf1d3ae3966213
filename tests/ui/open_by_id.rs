//! History opens a session by its id, never by its position: a tap on a row that
//! reaches the app after the list was read again (a session saved meanwhile
//! moves every row down) still opens the session that was tapped.

use crate::common::{Driver, PHONE};
use tension_check::core::{Check, RedFlag, grade};
use tension_check::store::{Session, SessionStore, Store};
use tension_check::ui::app::Screen;
use tension_check::ui::screens::history;

fn session(hours_ago: i64) -> Session {
    let mut check = Check::new();
    check.red_flags.insert(RedFlag::ALL[0], false);
    let outcome = grade(&check);
    Session::new(
        check,
        outcome,
        chrono::Local::now().fixed_offset() - chrono::Duration::hours(hours_ago),
    )
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
