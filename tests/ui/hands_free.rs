//! Taps that cannot go wrong: the tap guard after a page change, Yes and No in one
//! place for every safety question, no call button under the finger that answered
//! Yes, the question that Sharp or Shooting asks at once, and a stop that can be taken
//! back. Time is a manual clock moved by hand (never real time).

use std::time::Duration;

use iced::{Point, Settings};
use iced_test::Simulator;

use crate::common::{DESKTOP, Driver, PHONE, SIZES};
use tension_check::core::{Card, Leg, Reason, RedFlag, StepId, Tier};
use tension_check::store::SessionStore;
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

/// The first safety question answered No and the second on screen, unanswered.
fn only_the_first_question_answered(d: &Driver, size: (f32, f32)) {
    let state = safety(d);
    assert_eq!(state.position(), 1, "the second question stays on screen at {size:?}");
    assert_eq!(state.answer(RedFlag::ALL[0]), Some(false));
    assert_eq!(state.answer(RedFlag::ALL[1]), None, "the unseen question has no answer");
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
        only_the_first_question_answered(&d, size);
    }
}

#[test]
fn a_double_tap_handled_in_one_batch_answers_only_the_question_shown() {
    // A busy app (a slow frame, a sound starting) handles both taps of a double tap
    // against the page they landed on, before the first tap's answer is shown: the
    // second one's message must not answer the question that replaced it.
    for size in SIZES {
        let mut d = Driver::new(size);
        d.tap("New check");
        let no = centre(&d, "No");
        d.clock.advance(Duration::from_secs(1));
        let messages: Vec<Message> = {
            let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
            ui.point_at(no);
            let _ = ui.simulate(iced_test::simulator::click());
            let _ = ui.simulate(iced_test::simulator::click());
            ui.into_messages().collect()
        };
        assert_eq!(messages.len(), 2, "both taps reached the first question at {size:?}");
        for message in messages {
            d.app.update_blocking(message);
        }
        only_the_first_question_answered(&d, size);
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
                m.unstamped(),
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

/// From A3 to the result: the rest of a one-leg check whose slump changes point to
/// the nerve.
fn after_a2(d: &mut Driver) {
    for change in ["Eased", "Stronger", "Stronger", "Eased"] {
        d.card(&[change]);
    }
    d.card(&[]);
    d.card(&["3", "Buttock", "Dull ache", "No"]);
    d.card(&["Stronger", "No"]);
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
        after_a2(&mut d);
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
        after_a2(&mut d);
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

mod cues {
    use std::sync::Arc;
    use std::time::Duration;

    use crate::common::{DESKTOP, Driver, PHONE, SIZES};
    use tension_check::core::guide::speaking_time;
    use tension_check::core::wording::{self, screens::check as words};
    use tension_check::core::{Region, StepId};
    use tension_check::settings::Settings;
    use tension_check::sound::{Output, Recorder, Sound};
    use tension_check::ui::Message;
    use tension_check::ui::screens::check;

    /// A driver whose app speaks into a recorder on the driver's clock, with the voice
    /// and the sound as given, standing on card A2 (the first card with a hold).
    fn at_a2(size: (f32, f32), voice: bool, sound: bool) -> (Driver, Recorder) {
        let mut d = Driver::new(size);
        let recorder = Recorder::new(d.clock.clone());
        let settings = Settings { voice, sound, intro_seen: true, ..Settings::default() };
        d.app = std::mem::take(&mut d.app)
            .with_settings(settings)
            .with_speaker(Arc::new(recorder.clone()));
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.expect(wording::step_instruction(StepId::A2));
        (d, recorder)
    }

    /// Sends ticks every 250 ms for `span`, moving the clock with them.
    fn hold_for(d: &mut Driver, span: Duration) {
        let step = Duration::from_millis(250);
        let mut passed = Duration::ZERO;
        while passed < span {
            d.clock.advance(step);
            passed += step;
            let now = d.clock.now();
            d.send(Message::Tick(now));
        }
    }

    #[test]
    fn a_card_reads_its_instruction_then_starts_counts_and_chimes_its_hold_in_order() {
        for size in SIZES {
            let (mut d, recorder) = at_a2(size, true, true);
            let heard = recorder.heard();
            let (_, first) = heard.last().cloned().expect("the card's instruction was said");
            let instruction = wording::step_instruction(StepId::A2);
            assert_eq!(first, Output::Speak(instruction.to_string()));
            recorder.clear();
            // The first tick after the card opened: the instruction is being read.
            let opened = d.clock.now();
            d.send(Message::Tick(opened));
            hold_for(&mut d, speaking_time(instruction) + Duration::from_secs(6));
            let heard = recorder.heard();
            let said: Vec<&Output> = heard.iter().map(|(_, o)| o).collect();
            let speak = |w: &str| Output::Speak(w.to_string());
            assert_eq!(
                said,
                [
                    &Output::Play(Sound::HoldStart),
                    &speak("5"),
                    &speak("4"),
                    &speak("3"),
                    &speak("2"),
                    &speak("1"),
                    &Output::Play(Sound::HoldEnd),
                    &speak(words::HOLD_DONE),
                    &speak(wording::ASK_INTENSITY),
                ],
                "at {size:?}"
            );
            let at = |i: usize| heard[i].0.saturating_duration_since(opened);
            let start = speaking_time(instruction);
            // The hold starts once the instruction is said (to the next 250 ms tick)...
            assert!(at(0) >= start && at(0) < start + Duration::from_millis(500), "{:?}", at(0));
            // ...counts each second, and ends five seconds after it started.
            for (i, n) in (1..=5).zip([0u64, 1, 2, 3, 4]) {
                let since = heard[i].0.saturating_duration_since(heard[0].0);
                assert!(
                    since.as_millis().abs_diff(u128::from(n) * 1000) < 300,
                    "count {i} at {since:?}"
                );
            }
            let end = heard[6].0.saturating_duration_since(heard[0].0);
            assert!(end.as_millis().abs_diff(5000) < 300, "the chime at {end:?}");
        }
    }

    #[test]
    fn voice_off_silences_the_words_and_counts_with_ticks_after_a_tap() {
        let (mut d, recorder) = at_a2(PHONE, false, true);
        assert!(recorder.heard().is_empty(), "no words with the voice off");
        // Without the voice nothing starts by itself: the hold waits for its tap.
        hold_for(&mut d, Duration::from_secs(8));
        assert!(recorder.heard().is_empty());
        d.send(Message::Check(check::Message::StartHold));
        hold_for(&mut d, Duration::from_secs(6));
        let heard: Vec<Output> = recorder.heard().into_iter().map(|(_, o)| o).collect();
        assert_eq!(heard.first(), Some(&Output::Play(Sound::HoldStart)));
        assert_eq!(heard.last(), Some(&Output::Play(Sound::HoldEnd)));
        assert_eq!(heard.iter().filter(|o| **o == Output::Play(Sound::Tick)).count(), 5);
        assert!(heard.iter().all(|o| matches!(o, Output::Play(_))), "{heard:?}");
    }

    #[test]
    fn sound_off_silences_the_tones_and_the_voice_still_counts() {
        let (mut d, recorder) = at_a2(DESKTOP, true, false);
        d.send(Message::Tick(d.clock.now()));
        hold_for(&mut d, Duration::from_secs(12));
        let heard: Vec<Output> = recorder.heard().into_iter().map(|(_, o)| o).collect();
        assert!(heard.iter().all(|o| matches!(o, Output::Speak(_))), "{heard:?}");
        assert!(heard.contains(&Output::Speak("3".into())));
        assert!(heard.contains(&Output::Speak(words::HOLD_DONE.into())));
    }

    #[test]
    fn a_stop_has_its_own_sound_and_words() {
        let (mut d, recorder) = at_a2(PHONE, true, true);
        recorder.clear();
        d.tap("Stop the test");
        let heard: Vec<Output> = recorder.heard().into_iter().map(|(_, o)| o).collect();
        assert_eq!(
            heard,
            [
                Output::Play(Sound::Stop),
                Output::Speak(tension_check::core::wording::screens::result::TEST_STOPPED.into())
            ]
        );
    }

    #[test]
    fn the_mute_button_silences_the_card_and_sound_on_brings_it_back() {
        let (mut d, recorder) = at_a2(PHONE, true, true);
        d.tap("Mute");
        assert!(!d.app.settings().voice && !d.app.settings().sound);
        recorder.clear();
        d.tap_all(&["3", "Back of knee", "Dull ache", "Yes", "Next"]);
        assert!(recorder.heard().is_empty(), "muted, the next card says nothing");
        d.tap("Sound on");
        assert!(d.app.settings().voice && d.app.settings().sound);
        d.tap_all(&["Eased", "Next"]);
        assert!(
            recorder.heard().iter().any(
                |(_, o)| *o == Output::Speak(wording::step_instruction(StepId::A4).to_string())
            ),
            "unmuted, the next card is read"
        );
    }

    /// Where every answer and button of the card is.
    fn layout(d: &Driver) -> Vec<(String, iced::Rectangle)> {
        let mut labels: Vec<String> = (0..=10).map(|n| n.to_string()).collect();
        labels.extend(Region::ALL.iter().map(|r| wording::region(*r).to_string()));
        labels.extend(
            ["Tingling", "Yes", "Not sure", "Next", "Back", "Stop the test"].map(String::from),
        );
        let mut ui = d.simulator();
        labels
            .into_iter()
            .filter_map(|l| ui.find(l.as_str()).ok().map(|t| (l.clone(), t.bounds())))
            .collect()
    }

    #[test]
    fn the_page_keeps_its_layout_before_during_and_after_a_hold() {
        for size in [PHONE, (360.0, 640.0), DESKTOP] {
            let (mut d, _) = at_a2(size, true, true);
            let before = layout(&d);
            assert!(before.len() > 20, "the card's answers are found: {before:?}");
            d.send(Message::Tick(d.clock.now()));
            hold_for(
                &mut d,
                speaking_time(wording::step_instruction(StepId::A2)) + Duration::from_secs(2),
            );
            assert!(d.sees(words::HOLDING), "the hold runs");
            assert_eq!(layout(&d), before, "starting the hold moved something at {size:?}");
            hold_for(&mut d, Duration::from_secs(4));
            assert!(d.sees(words::HOLD_DONE), "the hold is over");
            assert_eq!(layout(&d), before, "ending the hold moved something at {size:?}");
            // The countdown is always on screen, never under the bar.
            d.send(Message::Check(check::Message::StartHold));
            d.send(Message::Tick(d.clock.now()));
            d.expect_on_screen(words::HOLDING);
        }
    }
}

mod motion {
    use std::time::Duration;

    use iced::Settings;
    use iced_test::Simulator;

    use crate::common::{Driver, PHONE, SIZES};
    use tension_check::settings::Settings as Prefs;
    use tension_check::ui::Message;
    use tension_check::ui::app::Screen;

    /// The window's pixels as drawn now.
    fn picture(d: &Driver) -> Vec<u8> {
        let theme = d.app.theme().expect("a theme");
        let mut ui = Simulator::with_size(Settings::default(), d.logical(), d.app.view());
        let snapshot = ui.snapshot(&theme).expect("the card renders");
        let dir = tempfile::tempdir().expect("temp dir");
        snapshot.matches_image(dir.path().join("frame")).expect("PNG written");
        std::fs::read(dir.path().join("frame-tiny-skia.png")).expect("PNG read")
    }

    /// On card A3 (toes pointed down, moving from A2's pose), with the voice off.
    fn at_a3(size: (f32, f32), reduce_motion: bool) -> Driver {
        let mut d = Driver::new(size);
        let prefs = Prefs { intro_seen: true, voice: false, reduce_motion, ..Prefs::default() };
        d.app = std::mem::take(&mut d.app).with_settings(prefs);
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.card(&["6", "Back of knee", "Tingling", "Yes"]);
        d
    }

    fn ticks(d: &mut Driver, span: Duration) {
        let mut passed = Duration::ZERO;
        while passed <= span {
            d.send(Message::Tick(d.clock.now()));
            d.clock.advance(Duration::from_millis(100));
            passed += Duration::from_millis(100);
        }
    }

    #[test]
    fn the_moving_drawing_changes_between_frames_and_loops() {
        for size in SIZES {
            let mut d = at_a3(size, false);
            let Screen::Check { state, .. } = d.app.screen() else { panic!("on a card") };
            assert!(state.animating(), "A3 shows its movement");
            let still = picture(&d);
            ticks(&mut d, Duration::from_millis(1200)); // the start pose
            let moved = picture(&d);
            assert_ne!(still, moved, "the drawing moved at {size:?}");
            ticks(&mut d, Duration::from_millis(1100)); // on round the loop, back home
            assert_eq!(picture(&d), still, "the loop ends where it started at {size:?}");
        }
    }

    #[test]
    fn with_reduce_motion_the_drawing_is_still() {
        let mut d = at_a3(PHONE, true);
        let Screen::Check { state, .. } = d.app.screen() else { panic!("on a card") };
        assert!(!state.animating() && !state.counting(), "nothing moves, nothing ticks");
        let still = picture(&d);
        ticks(&mut d, Duration::from_millis(1200));
        assert_eq!(picture(&d), still);
    }
}

#[test]
fn help_on_a_phone_opens_on_the_step_with_close_at_the_top_and_keys_only_after_a_key() {
    use tension_check::core::wording::{self, screens::widgets as words};
    let mut d = Driver::new(PHONE);
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.tap("Help");
    d.expect(wording::step_instruction(StepId::A2));
    d.expect_on_screen(words::CLOSE);
    assert!(!d.sees(words::SHORTCUTS), "no keyboard, no list of keys");
    d.tap(words::CLOSE);
    d.key(iced::keyboard::Key::Character("3".into()));
    d.tap("Help");
    d.expect(words::SHORTCUTS);
    d.expect_on_screen(words::CLOSE);
    // A desktop window lists them at once.
    let mut d = Driver::new(DESKTOP);
    d.tap("Help");
    d.expect(words::SHORTCUTS);
}

/// Taps and swipes for a whole check of both legs (reference first) by a person at
/// `size` with the text at `percent`: every label tapped, and per page the swipes of
/// 300 px it takes to bring the deepest one wholly into view (as web/test.mjs swipes).
fn taps_and_swipes(size: (f32, f32), percent: u16) -> (usize, usize) {
    use iced::mouse::{self, ScrollDelta};
    let mut d = Driver::new(size);
    let prefs = tension_check::settings::Settings {
        scale_percent: percent,
        voice: false,
        reduce_motion: true,
        ..d.app.settings().clone()
    };
    d.app = std::mem::take(&mut d.app).with_settings(prefs);
    let (mut taps, mut swipes, mut deepest, mut page) = (0, 0, 0.0f32, d.app.page());
    let mut tap = |d: &mut Driver, label: &str| {
        // How far the page must scroll for the label to be wholly visible.
        let depth = {
            let mut ui = d.simulator();
            ui.point_at(Point::new(d.logical().width / 2.0, d.logical().height * 0.5));
            let mut scrolled = 0.0;
            loop {
                let target = ui.find(label).unwrap_or_else(|_| panic!("no {label:?}"));
                let whole = target.bounds();
                if target.visible_bounds().is_some_and(|v| v.height >= whole.height - 0.5) {
                    break scrolled;
                }
                assert!(scrolled < 5000.0, "{label:?} never comes on screen");
                let _ = ui.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
                    delta: ScrollDelta::Pixels { x: 0.0, y: -10.0 },
                })]);
                scrolled += 10.0;
            }
        };
        deepest = deepest.max(depth);
        d.tap(label);
        taps += 1;
        if d.app.page() != page {
            swipes += (deepest / 300.0).ceil() as usize;
            deepest = 0.0;
            page = d.app.page();
        }
    };
    tap(&mut d, "New check");
    // Every red flag, then the injury question.
    for _ in 0..=RedFlag::ALL.len() {
        tap(&mut d, "No");
    }
    for label in ["Right", "Yes", "Start"] {
        tap(&mut d, label);
    }
    let slump: [&[&str]; 6] = [
        &["Next"],
        &["6", "Buttock", "Lower leg or foot", "Tingling", "Yes", "Next"],
        &["Eased", "Next"],
        &["Stronger", "Next"],
        &["Stronger", "Next"],
        &["Eased", "Next"],
    ];
    let stretch: [&[&str]; 3] =
        [&["Next"], &["7", "Buttock", "Burning", "No", "Next"], &["Stronger", "No"]];
    for (n, cards) in [&slump[..], &slump[..], &stretch[..], &stretch[..]].into_iter().enumerate() {
        if n > 0 {
            tap(&mut d, "Continue");
        }
        for card in cards {
            for label in *card {
                tap(&mut d, label);
            }
        }
        if n == 2 {
            tap(&mut d, "Next"); // the reference leg's last card
        }
    }
    tap(&mut d, "See result");
    assert!(matches!(d.app.screen(), Screen::Result(_)), "the check reached its result");
    (taps, swipes)
}

#[test]
fn a_whole_check_at_360x740_counts_its_taps_and_swipes() {
    let (taps, swipes) = taps_and_swipes(PHONE, 100);
    let (taps200, swipes200) = taps_and_swipes(PHONE, 200);
    eprintln!(
        "a whole check at 360x740: {taps} taps, {swipes} swipes at 100%; {taps200} taps, {swipes200} swipes at 200%"
    );
    assert_eq!(taps, taps200, "the same taps at every text size");
    // Measured with this harness once the safety answers were in the bar (they need no
    // swipe at any size): 67 taps with 11 red-flag questions, 70 with the 14 of today;
    // 24 swipes at 100%, 53 at 200% (52 before the patient wording of rules version 3). A layout change that makes a check take more
    // swipes fails here; the goal of one swipe per card at 100% is not met yet (see
    // docs/measurements.md, "Taps and swipes").
    assert_eq!(taps, 56 + RedFlag::ALL.len());
    assert!(swipes <= 24, "{swipes} swipes at 100%");
    assert!(swipes200 <= 53, "{swipes200} swipes at 200%");
}
