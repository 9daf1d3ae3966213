//! Guiding the body, not only the screen: a stop at any step, transition cards, the
//! first-run screen, the emergency call to action, the exercise cards and the hold
//! countdown (driven by made-up moments, never by real time).

use std::time::Duration;

use crate::common::{DESKTOP, Driver, PHONE, SIZES};
use tension_check::core::grading::LegVerdict;
use tension_check::core::{Card, Leg, Reason, RedFlag, StepId, Tier};
use tension_check::ui::Message;
use tension_check::ui::app::Screen;
use tension_check::ui::screens::check;

fn result(d: &Driver) -> &tension_check::ui::screens::result::State {
    match d.app.screen() {
        Screen::Result(state) => state,
        other => panic!("expected the result, not {other:?}"),
    }
}

#[test]
fn a_stop_at_a4_is_saved_and_graded_stop_and_consult() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.card(&["5", "Back of knee", "Dull ache", "Yes"]);
        d.card(&["Eased"]);
        // A4: sharp pain starts; the person stops here without answering.
        d.expect("Step 4 of 9 · about 3 minutes left");
        d.tap("Stop the test");
        let stop = Card { leg: Leg::Right, step: StepId::A4 };
        let state = result(&d);
        assert_eq!(state.outcome().tier, Tier::StopAndConsult);
        assert_eq!(state.check().stopped_at, Some(stop));
        assert!(state.outcome().reasons.contains(&Reason::StoppedAt(stop)));
        assert!(
            state.outcome().legs.iter().all(|l| matches!(l.verdict, LegVerdict::Stopped(_))),
            "the leg's summary never contradicts the stop: {:?}",
            state.outcome().legs
        );
        d.expect(
            "Do not repeat the movement that hurt (when you pulled your toes back, on your right leg).",
        );
        assert!(!d.sees("Show the exercises"), "no exercises after a stop");
        // Saved, with the stop, and read back the same.
        d.tap("Done");
        d.tap("History");
        let newest =
            d.app.history().expect("loaded").first().expect("the session is saved").id.clone();
        let saved = &tension_check::store::SessionStore::load(
            &tension_check::store::Store::open_read_only(dir.path()).expect("store"),
            &newest,
        )
        .expect("readable");
        assert_eq!(saved.session.check.stopped_at, Some(stop));
        assert_eq!(saved.session.format_version, tension_check::store::FORMAT_VERSION);
        if std::env::var_os("WRITE_FIXTURES").is_some() && size == PHONE {
            let to = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/sessions/v2/stopped_at_a4.ron");
            std::fs::create_dir_all(to.parent().expect("folder")).expect("folder");
            std::fs::copy(&saved.path, to).expect("sample written");
        }
    }
}

#[test]
fn the_stop_sample_of_format_2_loads_and_regrades_the_same() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/v2/stopped_at_a4.ron");
    let text = std::fs::read_to_string(&path).expect("the sample");
    let session: tension_check::store::Session = ron::from_str(&text).expect("parses");
    let stop = Card { leg: Leg::Right, step: StepId::A4 };
    assert_eq!(session.check.stopped_at, Some(stop));
    let now = tension_check::core::grade(&session.check);
    // Graded by rules version 2; version 3 grades it the same, apart from its number.
    assert_eq!(session.outcome.rules_version, 2);
    let same = tension_check::core::Outcome { rules_version: 2, ..now.clone() };
    assert_eq!(same, session.outcome, "the stored grade is today's grade");
    assert_eq!(now.tier, Tier::StopAndConsult);
}

#[test]
fn transition_cards_come_between_legs_and_tests() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", true);
        d.card(&[]);
        d.card(&["0"]);
        for _ in 0..4 {
            d.card(&["No change"]);
        }
        d.expect("Left leg done.");
        d.expect("Now your right leg, the one that bothers you.");
        // Back from a transition returns to the last card, Continue goes on.
        d.tap("Back");
        d.expect("Step 6 of 18 · about 5 minutes left");
        d.tap("Next");
        d.tap("Continue");
        d.expect("Step 7 of 18 · about 5 minutes left");
        d.card(&[]);
        d.card(&["0"]);
        for _ in 0..4 {
            d.card(&["No change"]);
        }
        d.expect("Seated slump test done.");
        d.expect(
            "Next: the standing hamstring stretch, starting with your left leg, for comparison.",
        );
        d.tap("Continue");
        d.expect("Step 13 of 18 · about 3 minutes left");
    }
}

#[test]
fn before_you_start_shows_once_and_stays_reachable() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::first_run(size, dir.path());
        d.tap("New check");
        d.expect("Before your first check");
        d.expect("A firm chair without wheels");
        // One estimate from the one count the step cards count down from.
        d.expect("It takes about 7 minutes.");
        d.tap("I'm ready");
        d.expect(&format!("Question 1 of {}", tension_check::core::RedFlag::ALL.len() + 1));
        // A restart on the same data folder goes straight to the questions.
        let mut again = Driver::first_run(size, dir.path());
        again.tap("New check");
        again.expect(&format!("Question 1 of {}", tension_check::core::RedFlag::ALL.len() + 1));
        // And Home still offers it.
        let mut home = Driver::first_run(size, dir.path());
        home.tap("What you need");
        home.expect("Before your first check");
        home.tap("Back");
        home.expect("New check");
    }
}

#[test]
fn an_emergency_result_opens_on_the_call_to_action() {
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        d.tap("Yes"); // the first question is an emergency sign
        assert_eq!(result(&d).outcome().tier, Tier::Emergency);
        assert!(RedFlag::ALL[0].severity() == tension_check::core::Severity::Emergency);
        let mut ui = d.simulator();
        let call = ui
            .find("Call your emergency number now, or go to the nearest emergency department.")
            .expect("the call to action")
            .bounds();
        for text in [
            "112: the EU and most of the world",
            "911: the United States and Canada",
            "999: the United Kingdom",
            "000: Australia",
            "Your result",
        ] {
            let below = ui.find(text).expect(text).bounds();
            assert!(below.y > call.y, "{text:?} comes after the call to action");
        }
        let visible = ui
            .find("Call your emergency number now, or go to the nearest emergency department.")
            .expect("the call")
            .visible_bounds();
        assert!(visible.is_some(), "the call to action is on screen when the result opens");
    }
}

#[test]
fn exercise_cards_follow_a_nerve_result_and_the_history() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        d.nerve_check("Right");
        assert_eq!(result(&d).outcome().tier, Tier::NerveTensionLikely);
        d.tap("Show the exercises");
        d.expect("Nerve slider");
        d.expect("About 10 slow repetitions, always short of any nerve feeling (tingling, burning, shooting). Once or twice a day.");
        d.expect("Stop if it brings sharp or shooting pain, or a feeling that spreads down the leg, and ask a physical therapist.");
        assert!(!d.sees("Standing hamstring stretch"), "only the slider for nerve tension");
        d.tap("Done");
        assert!(matches!(d.app.screen(), Screen::Result(_)), "back to the result");
        // From the history too.
        d.tap("Done");
        d.tap("History");
        d.tap("Nerve tension likely");
        d.tap("Show the exercises");
        d.expect("Nerve slider");
        d.tap("Back");
        assert!(matches!(d.app.screen(), Screen::Detail(_)), "back to the session");
    }
}

#[test]
fn the_hold_countdown_runs_on_ticks_and_never_blocks_answering() {
    let mut d = Driver::new(PHONE);
    // Without the voice (which starts a hold once it has read the card) and with still
    // drawings, nothing needs the time until the hold is started.
    let quiet = tension_check::settings::Settings {
        voice: false,
        reduce_motion: true,
        ..d.app.settings().clone()
    };
    d.app = std::mem::take(&mut d.app).with_settings(quiet);
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    assert!(!d.app.counting(), "nothing counts until asked: no timer runs");
    // Answering first is fine: the timer never blocks.
    d.tap_all(&["0"]);
    d.tap("Start 5-second hold");
    assert!(d.app.counting());
    let t0 = iced::time::Instant::now();
    let remaining = |d: &Driver| match d.app.screen() {
        Screen::Check { state, .. } => state.hold().map(|h| h.remaining()),
        _ => None,
    };
    d.send(Message::Tick(t0));
    assert_eq!(remaining(&d), Some(5));
    d.send(Message::Tick(t0 + Duration::from_millis(2_100)));
    assert_eq!(remaining(&d), Some(3), "2.1 s in, 2.9 s are left: shown as 3");
    d.expect("Hold still and notice the feeling");
    d.send(Message::Tick(t0 + Duration::from_secs(5)));
    assert_eq!(remaining(&d), Some(0));
    assert!(!d.app.counting(), "the timer stops at the end");
    d.expect("Done. Come back to rest and answer.");
    d.tap("Next");
    let Screen::Check { state, .. } = d.app.screen() else { panic!("on the cards") };
    assert!(state.hold().is_some_and(|h| !h.counting()), "the next card's hold waits for a tap");
    let _ = check::Message::StartHold;
}

#[test]
fn the_hold_can_start_by_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(DESKTOP, dir.path());
    d.tap("Settings");
    d.tap("Start by itself");
    d.tap("Back");
    d.pass_safety(false);
    d.set_up("Left", false);
    assert!(!d.app.counting(), "A1 has no hold");
    d.tap("Next");
    assert!(d.app.counting(), "A2's hold starts as the card opens");
}

#[test]
fn the_detail_says_when_todays_rules_grade_a_session_differently() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).expect("folder");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/v1/calf_ache_rules_v1.ron");
    std::fs::copy(&sample, sessions.join("calf_ache_rules_v1.ron")).expect("copy");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    d.tap("History");
    d.tap("Hamstring tightness likely");
    d.expect(
        "Graded \"Hamstring tightness likely\" at the time (rules version 1). Today's rules give \"Unclear\"; the result above is the one shown at the time.",
    );
}
