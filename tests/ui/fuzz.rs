//! Any sequence of taps, valid for the screen on show or not, never panics; a check in
//! progress always shows a card of its own plan, moves at most one card per tap, keeps
//! every recorded intensity within 0-10; and a result always is the grading of the very
//! answers it holds, explained.

use proptest::prelude::*;
use tension_check::core::protocol::plan;
use tension_check::core::{Change, Check, Familiar, Leg, Quality, Region, grade};
use tension_check::ui::app::Screen;
use tension_check::ui::screens::{check, home, intro, result, safety, setup};
use tension_check::ui::{App, Message};

fn message() -> impl Strategy<Value = Message> {
    prop_oneof![
        Just(Message::Home(home::Message::NewCheck)),
        Just(Message::Intro(intro::Message::Continue)),
        Just(Message::Intro(intro::Message::Back)),
        // Mostly "no", so that sequences get past the safety questions to the cards.
        Just(Message::Safety(safety::Message::Answer(false))),
        Just(Message::Safety(safety::Message::Answer(false))),
        Just(Message::Safety(safety::Message::Answer(false))),
        Just(Message::Safety(safety::Message::Answer(false))),
        Just(Message::Safety(safety::Message::Answer(true))),
        Just(Message::Safety(safety::Message::Back)),
        prop_oneof![Just(Leg::Left), Just(Leg::Right)]
            .prop_map(|leg| Message::Setup(setup::Message::Leg(leg))),
        any::<bool>().prop_map(|yes| Message::Setup(setup::Message::ReferenceFirst(yes))),
        Just(Message::Setup(setup::Message::Start)),
        Just(Message::Setup(setup::Message::Back)),
        (0u8..=12).prop_map(|n| Message::Check(check::Message::Intensity(n))),
        (0usize..6).prop_map(|i| Message::Check(check::Message::Region(Region::ALL[i]))),
        (0usize..7).prop_map(|i| Message::Check(check::Message::Quality(Quality::ALL[i]))),
        prop_oneof![Just(Familiar::Yes), Just(Familiar::No), Just(Familiar::NotSure)]
            .prop_map(|f| Message::Check(check::Message::Familiar(f))),
        prop_oneof![Just(Change::Eased), Just(Change::NoChange), Just(Change::Stronger)]
            .prop_map(|c| Message::Check(check::Message::Change(c))),
        any::<bool>().prop_map(|y| Message::Check(check::Message::SharpPain(y))),
        any::<bool>().prop_map(|y| Message::Check(check::Message::Spread(y))),
        Just(Message::Check(check::Message::Next)),
        Just(Message::Check(check::Message::Next)),
        Just(Message::Check(check::Message::Next)),
        Just(Message::Check(check::Message::Back)),
        Just(Message::Check(check::Message::Quit)),
        Just(Message::Check(check::Message::KeepGoing)),
        Just(Message::Check(check::Message::ConfirmQuit)),
        Just(Message::Result(result::Message::Done)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_taps_is_safe(messages in proptest::collection::vec(message(), 0..300)) {
        let mut app = App::new();
        // The card index on show before the last tap, if a check was on show.
        let mut card: Option<usize> = None;
        for message in messages {
            let _ = app.update(message);
            let _ = app.view();
            card = match app.screen() {
                Screen::Check { state, .. } => {
                    let base = state.base_check();
                    let bothered = base.bothered;
                    prop_assert!(bothered.is_some(), "a check in progress knows the bothered leg");
                    let bothered = bothered.unwrap_or(Leg::Left);
                    // The reference-first plan holds every card either plan can show.
                    let cards = plan(bothered, true, base.injury == Some(true));
                    prop_assert!(
                        cards.contains(&state.card()),
                        "{:?} is not a card of this check's plan", state.card()
                    );
                    if let Some(n) = state.answer().intensity {
                        prop_assert!(n <= 10, "the card on show holds intensity {n}");
                    }
                    // Each card and the transition before it share a card index.
                    let now = state.position() / 2;
                    if let Some(before) = card {
                        prop_assert!(
                            now.abs_diff(before) <= 1,
                            "one tap moved the check from card {before} to card {now}"
                        );
                    }
                    Some(now)
                }
                Screen::Result(state) => {
                    // The result is the grading of the answers it holds, and explains itself.
                    prop_assert_eq!(state.outcome(), &grade(state.check()));
                    prop_assert!(!state.outcome().reasons.is_empty());
                    intensities_in_range(state.check())?;
                    None
                }
                _ => None,
            };
        }
    }
}

/// Every intensity a check holds is 0 to 10 (the taps offer 0-12 here).
fn intensities_in_range(check: &Check) -> Result<(), TestCaseError> {
    for record in &check.legs {
        for (step, answer) in &record.steps {
            if let Some(n) = answer.intensity {
                prop_assert!(n <= 10, "{step:?} on {:?} holds intensity {n}", record.leg);
            }
        }
    }
    Ok(())
}
