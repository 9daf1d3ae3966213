//! The desktop keeps the check in progress: a real process answering a check
//! through the app is killed with SIGKILL at random moments, and a new start on
//! the same data folder opens the same card with the same answers (or the one
//! answer more it was writing when it died). Also Ctrl+Q during a check asks first.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use crate::common::*;
use crate::support::child;
use crate::support::rng::Rng;
use tension_check::core::protocol::plan;
use tension_check::core::{Draft, Leg};
use tension_check::store::DRAFT_FILE;
use tension_check::ui::app::Screen;

const DIR_ENV: &str = "TENSION_CHECK_TEST_DRAFT_DIR";
const ROUNDS: usize = 6;

/// The draft the app holds, as the line the child prints.
fn line_of(d: &Driver) -> String {
    d.app.draft().map_or("NONE".to_string(), |draft| ron::to_string(&draft).expect("ron"))
}

/// Not a test on its own: does nothing unless started by
/// `a_check_killed_midway_is_taken_up_on_the_same_card_at_the_next_start`.
#[test]
fn draft_kill_child() {
    let Some(dir) = std::env::var_os(DIR_ENV) else { return };
    let mut out = std::io::stdout().lock();
    let mut d = Driver::with_data_dir(PHONE, Path::new(&dir));
    // A check kept by an earlier (killed) run is taken up where it stood.
    if !matches!(d.app.screen(), Screen::Check { .. }) {
        d.pass_safety(false);
        d.set_up("Right", true);
    }
    child::say_ready(&mut out);
    let mut say = |line: String| {
        writeln!(out, "ACK {line}").expect("stdout");
        out.flush().expect("stdout");
    };
    say(line_of(&d));
    let answers =
        [&["0"][..], &["6", "Back of knee", "Tingling", "Yes"], &["Eased"], &["Stronger"]];
    for n in 0.. {
        if !matches!(d.app.screen(), Screen::Check { .. }) {
            break;
        }
        if matches!(d.app.screen(), Screen::Check { state, .. } if state.in_transition()) {
            d.tap("Continue");
            say(line_of(&d));
        }
        for label in answers[n % answers.len()] {
            if d.sees(label) {
                d.tap(label);
                say(line_of(&d));
            }
        }
        let next = if d.sees("See result") { "See result" } else { "Next" };
        d.tap(next);
        say(line_of(&d));
    }
    writeln!(out, "ENDED").expect("stdout");
}

#[cfg(unix)]
#[test]
fn a_check_killed_midway_is_taken_up_on_the_same_card_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng::new(std::process::id() as u64);
    let mut taken_up = 0;
    for round in 0..ROUNDS {
        let (mut child, mut reader) = child::start_ready(
            child::command("draft_kill::draft_kill_child")
                .env(DIR_ENV, dir.path())
                .env("ICED_TEST_BACKEND", "tiny-skia"),
            &format!("round {round}"),
        );
        // Wait for the first answers, then kill it at a random moment.
        let mut line = String::new();
        let mut acks = Vec::new();
        while acks.len() < 2 {
            line.clear();
            assert!(reader.read_line(&mut line).expect("output") > 0, "round {round}: ended");
            if let Some(ack) = line.trim_end().strip_prefix("ACK ") {
                acks.push(ack.to_string());
            }
        }
        std::thread::sleep(Duration::from_millis(rng.next() % 1500));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        loop {
            line.clear();
            if reader.read_line(&mut line).expect("output") == 0 {
                break;
            }
            if let Some(ack) = line.strip_suffix('\n').and_then(|l| l.strip_prefix("ACK ")) {
                acks.push(ack.to_string());
            }
        }
        let last = acks.last().expect("acknowledged").clone();
        let kept = std::fs::read_to_string(dir.path().join(DRAFT_FILE)).ok();
        let again = Driver::with_data_dir(PHONE, dir.path());
        if last == "NONE" {
            // The check had ended: nothing is kept, nothing taken up.
            assert!(kept.is_none() && again.app.draft().is_none(), "round {round}");
            continue;
        }
        let acked: Draft = ron::from_str(&last).expect("the child's draft");
        let Some(kept) = kept else {
            // Killed between the end of the check (See result on its last card,
            // which drops the draft) and saying so: nothing is taken up.
            let cards = plan(Leg::Right, true, false).len();
            assert_eq!(acked.card + 1, cards, "round {round}: no draft kept mid-check");
            assert!(again.app.draft().is_none(), "round {round}");
            continue;
        };
        let kept: Draft = ron::from_str(&kept).expect("a whole draft");
        // The draft on disk is the last one acknowledged, or the next one, being
        // written when the process died: never an older one, never a mix.
        // (The next one may add to the answer of the card on show.)
        let settled = acked.answers.len().saturating_sub(1);
        assert!(
            kept == acked
                || (kept.card >= acked.card
                    && kept.answers.len() >= acked.answers.len()
                    && kept.answers[..settled] == acked.answers[..settled]),
            "round {round}: kept {kept:?}, acknowledged {acked:?}"
        );
        // The new start opens the same card with the same answers.
        assert!(matches!(again.app.screen(), Screen::Check { .. }), "round {round}: not taken up");
        assert_eq!(again.app.draft(), Some(kept), "round {round}");
        taken_up += 1;
    }
    eprintln!("draft kill test: {ROUNDS} kills, {taken_up} checks taken up mid-way");
    assert!(taken_up > 0, "no kill landed mid-check");
}

#[test]
fn ctrl_q_during_a_check_asks_first() {
    let mut d = Driver::new(PHONE);
    d.pass_safety(false);
    d.set_up("Right", true);
    let ctrl_q = iced::keyboard::Event::KeyPressed {
        key: iced::keyboard::Key::Character("q".into()),
        modified_key: iced::keyboard::Key::Character("q".into()),
        physical_key: iced::keyboard::key::Physical::Unidentified(
            iced::keyboard::key::NativeCode::Unidentified,
        ),
        location: iced::keyboard::Location::Standard,
        modifiers: iced::keyboard::Modifiers::COMMAND,
        text: None,
        repeat: false,
    };
    d.send(tension_check::ui::Message::Key(ctrl_q.clone()));
    assert!(
        matches!(d.app.screen(), Screen::Check { state, .. } if state.confirming_quit()),
        "Ctrl+Q quit the check without asking"
    );
    d.send(tension_check::ui::Message::Key(ctrl_q));
    assert!(matches!(d.app.screen(), Screen::Check { state, .. } if state.confirming_quit()));
}
