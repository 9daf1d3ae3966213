//! Any sequence of taps, valid for the screen on show or not, never panics, and a
//! check in progress always has a consistent card on screen.

use proptest::prelude::*;
use tension_check::core::{Change, Familiar, Leg, Quality, Region};
use tension_check::ui::screens::{check, home, result, safety, setup};
use tension_check::ui::{App, Message};

fn message() -> impl Strategy<Value = Message> {
    prop_oneof![
        Just(Message::Home(home::Message::NewCheck)),
        any::<bool>().prop_map(|yes| Message::Safety(safety::Message::Answer(yes))),
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
        for message in messages {
            let _ = app.update(message);
            let _ = app.view();
            if let tension_check::ui::app::Screen::Result(state) = app.screen() {
                // A graded result always explains itself.
                prop_assert!(!state.outcome().reasons.is_empty());
            }
        }
    }
}
