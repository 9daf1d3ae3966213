//! Saving, the history list, a session's detail, notes, delete and undo, clicked
//! through by visible text at phone and desktop sizes.

use crate::common::{Driver, SIZES};
use crate::support::build::graded;
use tension_check::store::{Session, SessionStore, Store};
use tension_check::ui::Message;
use tension_check::ui::screens::detail;

/// Runs a red-flag check to its end (the quickest saved session).
fn emergency_check(d: &mut Driver) {
    d.tap("New check");
    d.tap("Yes");
    d.expect("Emergency");
}

/// Runs a short one-leg check that ends on "No notable tension".
fn quiet_check(d: &mut Driver) {
    d.pass_safety(false);
    d.set_up("Left", false);
    d.quiet_slump();
    d.card(&[]);
    d.card(&["0", "No"]);
    d.card(&["No change", "No"]);
    d.expect("No notable tension");
}

#[test]
fn a_finished_check_is_saved_and_listed() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        emergency_check(&mut d);
        d.expect("Saved on this device.");
        d.tap("Done");
        quiet_check(&mut d);
        d.expect("Saved on this device.");
        d.tap("Done");

        let on_disk = Store::open(dir.path()).expect("store").load_all();
        assert_eq!(on_disk.sessions.len(), 2, "both sessions are on disk");
        drop(on_disk);

        d.tap("History");
        d.expect("History");
        d.expect("Emergency");
        d.expect("No notable tension");
        d.expect("Tested the left leg · strongest 0/10");
        let history = d.app.history().expect("loaded");
        assert_eq!(history.len(), 2);
        assert!(history[0].started_at >= history[1].started_at, "newest first");
    }
}

#[test]
fn detail_shows_every_answer_and_keeps_a_note() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        quiet_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("No notable tension");
        d.expect("Why");
        d.expect("Left leg");
        d.expect("Knee straightened: intensity 0/10");
        d.expect("Toes pulled up in the stretch: No change · spread below knee: no");
        d.expect(&format!("All {} answered No.", tension_check::core::RedFlag::ALL.len()));

        let id = d.app.history().expect("loaded")[0].id.clone();
        let store = Store::open(dir.path()).expect("store");
        let before = std::fs::read(store.session_path(&id)).expect("session file");
        d.send(Message::Detail(detail::Message::NoteChanged("after a long drive".into())));
        d.tap("Save note");
        let note = store.note(&id).expect("note readable").expect("note saved");
        assert_eq!(note.text, "after a long drive");
        let after = std::fs::read(store.session_path(&id)).expect("session file");
        assert_eq!(before, after, "the session file itself is never rewritten");
    }
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        emergency_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("Emergency");
        d.tap("Delete");
        d.expect("Move this session to the trash? You can undo this.");
        d.tap("Keep it");
        d.tap("Delete");
        d.tap("Delete session");
        d.expect("No sessions yet. Finished checks are saved here, on this device only.");
        assert!(d.sees("Undo"));
        assert_eq!(Store::open(dir.path()).expect("store").trash().expect("trash").len(), 1);
        d.tap("Undo");
        d.expect("Emergency");
        assert_eq!(d.app.history().expect("loaded").len(), 1);
    }
}

#[test]
fn a_failed_save_says_so_and_keeps_the_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the data folder should be: the store cannot open.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").expect("file");
    let mut d = Driver::with_data_dir(crate::common::PHONE, &blocked);
    emergency_check(&mut d);
    assert!(!d.sees("Saved on this device."));
    d.expect("Retry saving");
    d.tap("Retry saving");
    d.expect("Emergency");
    d.expect("Retry saving");
}

#[test]
fn trends_show_a_chart_and_plain_words() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        quiet_check(&mut d);
        d.tap("Done");
        quiet_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("Trends");
        d.expect("Left leg");
        d.expect("Left leg, seated, knee straightened: stayed at 0 on the same day (2 sessions)");
        d.expect("No notable tension");
        d.tap("Back");
        d.expect("History");
    }
}

#[test]
fn trends_with_no_sessions_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("History");
    d.tap("Trends");
    d.expect("No ratings yet. Finish a check and your ratings appear here.");
}

#[test]
fn export_writes_pdf_and_html_reports_a_csv_and_a_backup_that_imports_back() {
    use tension_check::ui::screens::export::Message as Export;
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = tempfile::tempdir().expect("out dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        quiet_check(&mut d);
        d.tap("Done");
        d.tap("History");
        d.tap("Export");
        d.expect("Export and backup");
        d.send(Message::Export(Export::Folder(out.path().display().to_string())));
        d.tap("Save report (PDF)");
        d.tap("Save report (HTML)");
        d.tap("Save CSV");
        d.tap("Back up all sessions");
        d.expect("Back up all sessions");

        let names: Vec<String> = std::fs::read_dir(out.path())
            .expect("out")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let html = names.iter().find(|n| n.ends_with(".html")).expect("an HTML report");
        let report = std::fs::read_to_string(out.path().join(html)).expect("report");
        assert!(report.contains("No notable tension"));
        assert!(report.contains("not a diagnosis"));
        let pdf = names.iter().find(|n| n.ends_with(".pdf")).expect("a PDF report");
        let pdf = std::fs::read(out.path().join(pdf)).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF"));
        // The PDF's text is in embedded, subset fonts: read it back as a reader would.
        let pdf_path = out.path().join(names.iter().find(|n| n.ends_with(".pdf")).expect("pdf"));
        let read = std::process::Command::new("pdftotext")
            .arg(&pdf_path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is required by the tests");
        let text = String::from_utf8_lossy(&read.stdout);
        assert!(text.contains("No notable tension"), "the tier is in the PDF's text");
        let csv = names.iter().find(|n| n.ends_with(".csv")).expect("a CSV file");
        let csv = std::fs::read_to_string(out.path().join(csv)).expect("csv");
        assert!(csv.lines().count() > 5, "a header and a row per step");
        let backup = names.iter().find(|n| n.starts_with("tension-check-backup-")).expect("backup");

        // Restore the backup into a new, empty data folder through the same screen.
        let fresh = tempfile::tempdir().expect("fresh dir");
        let mut e = Driver::with_data_dir(size, fresh.path());
        e.tap("History");
        e.tap("Export");
        e.send(Message::Export(Export::ImportPath(out.path().join(backup).display().to_string())));
        e.tap("Import");
        assert_eq!(e.app.history().expect("reloaded").len(), 1);
        e.tap("Import");
        assert_eq!(e.app.history().expect("reloaded").len(), 1, "no duplicates");
    }
}

#[test]
fn export_refuses_bad_dates_and_missing_folders_plainly() {
    use tension_check::ui::screens::export::Message as Export;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    quiet_check(&mut d);
    d.tap("Done");
    d.tap("History");
    d.tap("Export");
    d.send(Message::Export(Export::From("31/12/2026".into())));
    d.tap("Save CSV");
    d.expect("The start date should look like 2026-03-31.");
    d.send(Message::Export(Export::From(String::new())));
    d.send(Message::Export(Export::Folder("/no/such/folder".into())));
    d.tap("Save CSV");
    d.expect("Not saved: the folder /no/such/folder does not exist.");
}

#[test]
fn a_long_history_builds_only_the_rows_in_view() {
    use chrono::{Duration, Local};
    use iced::{Settings, Size};
    use iced_test::Simulator;
    use tension_check::core::{Check, RedFlag};
    use tension_check::store::SessionSummary;
    use tension_check::ui::screens::history;

    let now = Local::now().fixed_offset();
    let sessions: Vec<SessionSummary> = (0..10_000)
        .map(|n| {
            let check = Check { red_flags: [(RedFlag::Fever, n % 2 == 0)].into(), ..Check::new() };
            SessionSummary::of(&graded(check, now - Duration::hours(n)))
        })
        .collect();
    let label = |n: usize| sessions[n].started_at.format("%a %-d %b %Y, %H:%M").to_string();

    let mut state = history::State::default();
    let _ = state.update(history::Message::Scrolled {
        offset: 0.0,
        viewport: 600.0,
        row_height: history::ROW_HEIGHT,
    });
    let range = state.visible_rows(sessions.len());
    assert!(range.len() < 20, "only a screenful of rows is built, not {}", range.len());
    {
        let view = state.view(
            tension_check::ui::viewport::Viewport::new(360.0),
            history::Context { sessions: Some(&sessions), notices: &[], undo: None },
        );
        let mut ui = Simulator::with_size(Settings::default(), Size::new(360.0, 740.0), view);
        assert!(ui.find(label(0).as_str()).is_ok(), "the newest session is built");
        assert!(ui.find(label(500).as_str()).is_err(), "row 500 is not built");
    }

    let offset = 5_000.0 * history::ROW_HEIGHT;
    let _ = state.update(history::Message::Scrolled {
        offset,
        viewport: 600.0,
        row_height: history::ROW_HEIGHT,
    });
    let view = state.view(
        tension_check::ui::viewport::Viewport::new(360.0),
        history::Context { sessions: Some(&sessions), notices: &[], undo: None },
    );
    let mut ui = Simulator::with_size(Settings::default(), Size::new(360.0, 740.0), view);
    assert!(ui.find(label(5_000).as_str()).is_ok(), "scrolled to row 5000, it is built");
    assert!(ui.find(label(0).as_str()).is_err(), "row 0 is no longer built");
}

#[test]
fn the_history_is_held_only_while_a_screen_uses_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("History");
    assert_eq!(d.app.history().map(<[_]>::len), Some(0));
    d.tap("Back");
    assert!(d.app.history().is_none(), "let go on Home");
    emergency_check(&mut d);
    assert!(d.app.history().is_none(), "nothing held during a check or on its result");
    d.tap("Done");
    quiet_check(&mut d);
    d.tap("Done");
    d.tap("History");
    let history = d.app.history().expect("read again on opening");
    assert_eq!(history.len(), 2, "both saved sessions are listed");
    assert!(history[0].started_at >= history[1].started_at, "newest first");
    let store = Store::open_read_only(dir.path()).expect("store");
    for summary in history {
        assert!(store.session_path(&summary.id).exists(), "each row is a saved session");
    }
    d.tap("Trends");
    assert_eq!(d.app.history().map(<[_]>::len), Some(2), "kept for the trends");
}

#[test]
fn a_note_goes_to_the_session_on_show_even_if_the_list_changes_meanwhile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    emergency_check(&mut d);
    d.tap("Done");
    quiet_check(&mut d);
    d.tap("Done");
    d.tap("History");
    d.tap("Emergency"); // the older of the two
    let shown = d.app.history().expect("loaded")[1].id.clone();

    // Another instance saves a newer session; the next reload puts it first.
    let other = Store::open(dir.path()).expect("second store");
    let newest = d.app.history().expect("loaded")[0].id.clone();
    let mut newer = other.load(&newest).expect("saved").session;
    newer.id = tension_check::store::SessionId::parse("29991231T235959Z-00000001").expect("id");
    newer.started_at += chrono::Duration::days(1);
    other.save(&newer).expect("saved elsewhere");

    d.send(Message::Detail(detail::Message::NoteChanged("for the right session".into())));
    d.tap("Save note"); // saves, then reloads the list (now three sessions)
    assert_eq!(d.app.history().expect("reloaded").len(), 3);
    d.expect("Emergency");
    assert!(!d.sees("No notable tension"), "still the same session on show");
    let store = Store::open(dir.path()).expect("store");
    assert_eq!(store.note(&shown).expect("readable").expect("saved").text, "for the right session");
    assert!(store.note(&newer.id).expect("readable").is_none(), "not on the newer session");
}

/// A two-leg session with ratings varied by `n`, started `n` hours before `now`.
fn rated_session(n: usize, now: chrono::DateTime<chrono::FixedOffset>) -> Session {
    use tension_check::core::protocol::plan;
    use tension_check::core::{Check, Leg, RedFlag, StepAnswer, StepId};
    let mut check = Check::new();
    for flag in RedFlag::ALL {
        check.red_flags.insert(flag, false);
    }
    check.injury = Some(false);
    check.bothered = Some(Leg::Right);
    for card in plan(Leg::Right, n.is_multiple_of(2), false) {
        let rated = matches!(card.step, StepId::A2 | StepId::B2);
        let answer = StepAnswer {
            intensity: rated.then_some(((n + card.step as usize) % 11) as u8),
            ..StepAnswer::default()
        };
        check.record(card, answer);
    }
    graded(check, now - chrono::Duration::hours(n as i64))
}

#[test]
fn the_trend_from_summaries_is_the_trend_of_the_full_sessions() {
    use tension_check::export::trend::trend_points;
    use tension_check::store::SessionSummary;
    use tension_check::ui::screens::trends::trend_of;
    let now = chrono::Local::now().fixed_offset();
    let sessions: Vec<Session> = (0..40).map(|n| rated_session(n, now)).collect();
    let summaries: Vec<SessionSummary> = sessions.iter().map(SessionSummary::of).collect();
    let trend = trend_of(&summaries);
    assert!(trend.series.len() >= 2, "both tests of a leg are followed: {trend:?}");
    assert_eq!(trend, trend_points(&sessions));
}

#[test]
fn the_history_lists_summaries_and_reads_a_session_only_when_it_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = chrono::Local::now().fixed_offset();
    let store = Store::open(dir.path()).expect("store");
    let sessions: Vec<Session> = (0..50).map(|n| rated_session(n, now)).collect();
    for session in &sessions {
        store.save(session).expect("save");
    }
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("History");
    let listed: Vec<_> = d.app.history().expect("loaded").iter().map(|s| s.id.clone()).collect();
    assert_eq!(listed.len(), 50);
    assert_eq!(listed[0], sessions[0].id, "newest first");
    // The list came from summaries: the index now holds every session.
    let index = std::fs::read_to_string(dir.path().join(tension_check::store::INDEX_FILE))
        .expect("index written");
    assert_eq!(index.lines().count(), 51, "a header and one line per session");

    // The newest session is damaged after the list was read: opening it reads the
    // file now, and says plainly that it could not.
    std::fs::write(store.session_path(&sessions[0].id), b"Session(format_version: 2,")
        .expect("damage");
    let label = |s: &Session| s.started_at.format("%a %-d %b %Y, %H:%M").to_string();
    d.tap(&label(&sessions[0]));
    assert!(d.sees("Back"));
    let shown = format!("Could not read {}", store.session_path(&sessions[0].id).display());
    assert!(sees_containing(&d, &shown), "the detail says why it cannot show the session");

    // Another one opens in full, with its answers.
    d.tap("Back");
    d.tap(&label(&sessions[1]));
    d.expect("Why");
    d.expect("Right leg");

    // One deleted meanwhile by another instance is reported as gone.
    d.tap("Back");
    let gone = &sessions[2];
    store.delete(&gone.id).expect("delete elsewhere");
    d.tap(&label(gone));
    d.expect("This session is no longer in your history.");
}

#[test]
fn a_damaged_file_is_reported_once_and_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let now = chrono::Local::now().fixed_offset();
    store.save(&rated_session(1, now)).expect("save");
    std::fs::write(store.sessions_dir().join("broken.ron"), b"\x00\x01 not a session")
        .expect("damage");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("History");
    assert_eq!(d.app.history().expect("loaded").len(), 1, "the good session is listed");
    assert!(sees_containing(&d, "1 file could not be read and was moved to"));
    d.tap("Back");
    d.tap("History");
    assert!(!sees_containing(&d, "could not be read"), "reported once, then set aside");
    let set_aside = tension_check::store::SessionStore::set_aside(&store).expect("list");
    assert_eq!(set_aside.len(), 1);
    assert_eq!(
        tension_check::store::SessionStore::set_aside_bytes(&store, "broken.ron").expect("bytes"),
        b"\x00\x01 not a session"
    );
}

/// Whether some text in the view contains `part`.
fn sees_containing(d: &Driver, part: &str) -> bool {
    d.simulator()
        .find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(part) => {
                Some(())
            }
            _ => None,
        })
        .is_ok()
}
