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

/// Taps the row of `tapped` in History, lets `change` alter the store (as another
/// window would) before the list is read again (to `rows` rows), then delivers the
/// tap: the session tapped must open.
fn tap_row_while(dir: &std::path::Path, tapped: &Session, rows: usize, change: impl FnOnce()) {
    let mut d = Driver::with_data_dir(PHONE, dir);
    d.tap("History");
    let label = tapped.started_at.format("%a %-d %b %Y, %H:%M").to_string();
    let taps: Vec<_> = {
        let mut ui = d.simulator();
        ui.click(label.as_str()).expect("the row");
        ui.into_messages().collect()
    };
    assert!(!taps.is_empty());
    change();
    d.send(tension_check::ui::Message::History(history::Message::Back));
    d.tap("History");
    assert_eq!(d.app.history().map(<[_]>::len), Some(rows), "the list was read again");
    for message in taps {
        d.send(message);
    }
    match d.app.screen() {
        Screen::Detail(state) => assert_eq!(state.id(), &tapped.id, "another session opened"),
        _ => panic!("no session opened"),
    }
}

#[test]
fn a_tap_on_a_row_opens_that_session_after_the_list_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let (older, oldest) = (session(2), session(3));
    store.save(&older).expect("saved");
    store.save(&oldest).expect("saved");
    // The person taps the second row (the oldest session) while a newer session is
    // saved and the list is read again.
    tap_row_while(dir.path(), &oldest, 3, || store.save(&session(1)).expect("saved"));
}

#[test]
fn a_tap_on_a_row_opens_that_session_after_another_was_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let (newest, middle, oldest) = (session(1), session(2), session(3));
    for session in [&newest, &middle, &oldest] {
        store.save(session).expect("saved");
    }
    // The person taps the third row (the oldest session) while another window deletes
    // the newest: every row moves up one, and the third row is no more.
    tap_row_while(dir.path(), &oldest, 2, || store.delete(&newest.id).expect("deleted"));
}
