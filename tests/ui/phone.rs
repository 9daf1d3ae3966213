//! Right by thumb on a phone: every page opens at its top, nothing moves under the
//! finger when tapped, the text size works at 360 px, and a whole check with real
//! answers can be done by keyboard.

use crate::common::{DESKTOP, Driver, PHONE};
use iced::advanced::renderer::Headless;
use iced::advanced::widget::{Id, Operation, operation};
use iced::keyboard::key::Named;
use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point, Rectangle, Size, Vector};
use iced_runtime::user_interface::{Cache, UserInterface};
use tension_check::core::{Quality, Region, Tier};
use tension_check::settings::Settings;
use tension_check::store::settings;
use tension_check::ui::app::Screen;
use tension_check::ui::widgets::frame::BODY_ID;

/// The app as the real window holds it: one widget tree kept from view to view, so
/// scroll positions carry over exactly as they would on screen.
struct Window {
    cache: Option<Cache>,
    renderer: iced::Renderer,
}

/// Reads the body's scroll offset.
struct BodyOffset(Option<f32>);

impl Operation for BodyOffset {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        _bounds: Rectangle,
        _content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn operation::Scrollable,
    ) {
        if id == Some(&Id::new(BODY_ID)) {
            self.0 = Some(translation.y);
        }
    }
}

impl Window {
    fn new() -> Self {
        let renderer = iced::futures::executor::block_on(iced::Renderer::new(
            iced::Font::with_name("Fira Sans"),
            iced::Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("a headless renderer");
        Window { cache: Some(Cache::default()), renderer }
    }

    /// Builds the current view on the kept tree, runs `f` on it and keeps the tree.
    fn with_ui<T>(
        &mut self,
        d: &mut Driver,
        f: impl FnOnce(
            &mut UserInterface<'_, tension_check::ui::Message, iced::Theme, iced::Renderer>,
            &mut iced::Renderer,
        ) -> T,
    ) -> T {
        let size = d.logical();
        let cache = self.cache.take().unwrap_or_default();
        let view = d.app.view();
        let mut ui = UserInterface::build(view, size, cache, &mut self.renderer);
        let out = f(&mut ui, &mut self.renderer);
        self.cache = Some(ui.into_cache());
        out
    }

    /// Scrolls the body down by `pixels` with the mouse wheel over its middle.
    fn scroll(&mut self, d: &mut Driver, pixels: f32) {
        let size = d.logical();
        let messages = self.with_ui(d, |ui, renderer| {
            let mut messages = Vec::new();
            let cursor = mouse::Cursor::Available(Point::new(size.width / 2.0, size.height / 2.0));
            let _ = ui.update(
                &[Event::Mouse(mouse::Event::WheelScrolled {
                    delta: ScrollDelta::Pixels { x: 0.0, y: -pixels },
                })],
                cursor,
                renderer,
                &mut iced::advanced::clipboard::Null,
                &mut messages,
            );
            messages
        });
        for message in messages {
            d.send(message);
        }
    }

    /// How far the body is scrolled down, in logical pixels.
    fn offset(&mut self, d: &mut Driver) -> f32 {
        self.with_ui(d, |ui, renderer| {
            let mut probe = BodyOffset(None);
            ui.operate(renderer, &mut probe);
            probe.0.expect("every screen has a scrolling body")
        })
    }

    /// Scrolls the body as far down as it goes and checks that it moved.
    #[track_caller]
    fn scroll_down(&mut self, d: &mut Driver) -> f32 {
        self.scroll(d, 5_000.0);
        let offset = self.offset(d);
        assert!(offset > 20.0, "the page at {:?} should scroll; offset {offset}", d.size);
        offset
    }
}

#[track_caller]
fn at_top(window: &mut Window, d: &mut Driver, after: &str) {
    let offset = window.offset(d);
    assert!(offset.abs() < 0.5, "after {after} the page opens at its top, not {offset} px down");
}

#[test]
fn every_page_opens_at_its_top() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    let mut w = Window::new();
    d.pass_safety(false);
    d.set_up("Right", true);
    d.card(&[]);

    // A2 of the reference leg: scroll down to the answers, answer; the page stays put.
    let down = w.scroll_down(&mut d);
    d.tap_all(&["3", "Back of thigh", "Stretch or pull", "No"]);
    assert_eq!(w.offset(&mut d), down, "answering keeps the page where it is");
    d.tap("Next");
    at_top(&mut w, &mut d, "Next");

    // A3, scrolled down, then Back: A2 opens at its top again.
    w.scroll_down(&mut d);
    d.tap("Back");
    at_top(&mut w, &mut d, "Back");
    d.tap("Next");
    at_top(&mut w, &mut d, "Next");
    for _ in 0..4 {
        d.card(&["No change"]);
    }

    // The other leg.
    d.card(&[]);
    w.scroll_down(&mut d);
    d.tap_all(&["6", "Back of knee", "Tingling", "Yes"]);
    d.tap("Next");
    at_top(&mut w, &mut d, "the first card of the other leg");
    for change in ["Eased", "Stronger", "Stronger", "Eased"] {
        d.tap(change);
        w.scroll(&mut d, 5_000.0);
        d.tap("Next");
        at_top(&mut w, &mut d, change);
    }
    // Test B, reference leg then the other.
    d.card(&[]);
    d.card(&["2", "Back of thigh", "Stretch or pull", "No"]);
    d.card(&["No change", "No"]);
    d.card(&[]);
    d.tap_all(&["5", "Back of thigh", "Stretch or pull", "No"]);
    w.scroll_down(&mut d);
    d.tap("Next");
    at_top(&mut w, &mut d, "Next to B3");
    d.tap_all(&["Stronger", "No"]);
    w.scroll_down(&mut d);
    d.tap("See result");

    // The result opens on its label, not part-way down.
    assert!(matches!(d.app.screen(), Screen::Result(_)));
    at_top(&mut w, &mut d, "See result");
    w.scroll_down(&mut d);
    d.tap("Done");
    at_top(&mut w, &mut d, "Done (home)");
    d.tap("History");
    let Some(row) = d.app.history().and_then(|h| h.first()).map(|l| l.tier) else {
        panic!("the session is in the history");
    };
    d.tap(tension_check::core::wording::tier_label(row));
    w.scroll_down(&mut d);
    d.tap("Back");
    at_top(&mut w, &mut d, "Back to the history");
}

/// Where each label is drawn on the page (a fresh view starts at the top, so these
/// are page positions).
fn positions(d: &Driver, labels: &[&str]) -> Vec<(String, Rectangle)> {
    let mut ui = d.simulator();
    labels
        .iter()
        .filter_map(|label| ui.find(*label).ok().map(|t| (label.to_string(), t.bounds())))
        .collect()
}

#[track_caller]
fn tapping_moves_nothing(d: &mut Driver, options: &[&str], all: &[&str]) {
    for option in options {
        let before = positions(d, all);
        assert!(before.iter().any(|(l, _)| l == option), "{option} is on the card");
        d.tap(option);
        let after = positions(d, all);
        assert_eq!(before, after, "tapping {option:?} at {:?} moved something", d.size);
        // Tapped twice, a chip is chosen and then not: both states have the same bounds.
    }
}

#[test]
fn choices_keep_their_place_when_tapped() {
    let regions: Vec<&str> =
        Region::ALL.iter().map(|r| tension_check::core::wording::region(*r)).collect();
    let qualities: Vec<&str> =
        Quality::ALL.iter().map(|q| tension_check::core::wording::quality(*q)).collect();
    let numbers: Vec<String> = (0..=10).map(|n| n.to_string()).collect();
    for size in [PHONE, DESKTOP] {
        let mut d = Driver::new(size);
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        d.tap("6");
        let mut all: Vec<&str> = numbers.iter().map(String::as_str).collect();
        all.extend(&regions);
        all.extend(&qualities);
        all.extend(["Yes", "No", "Not sure", "Next", "Back"]);
        tapping_moves_nothing(&mut d, &regions, &all);
        tapping_moves_nothing(&mut d, &regions, &all); // and un-choosing
        d.tap("Back of knee");
        // Shooting and Sharp ask at once, in the bar, whether the pain came on with the
        // movement: the bar changes, nothing on the card moves.
        let card_only: Vec<&str> =
            all.iter().copied().filter(|l| !["Next", "Back"].contains(l)).collect();
        tapping_moves_nothing(&mut d, &qualities, &card_only);
        d.tap("No, carry on");
        tapping_moves_nothing(&mut d, &["Yes", "No", "Not sure"], &all);
        tapping_moves_nothing(&mut d, &["3", "9"], &all);
        d.tap("Next");
        let changes = ["Eased", "No change", "Stronger", "Next", "Back"];
        tapping_moves_nothing(&mut d, &["Eased", "No change", "Stronger"], &changes);
    }
}

/// A driver on a phone with the text size at `percent`.
fn phone_at(percent: u16, size: (f32, f32)) -> (tempfile::TempDir, Driver) {
    let dir = tempfile::tempdir().expect("temp dir");
    let prefs = Settings { scale_percent: percent, ..Settings::default() };
    settings::save(dir.path(), &prefs).expect("settings saved");
    let d = Driver::with_data_dir(size, dir.path());
    (dir, d)
}

#[test]
fn text_size_makes_a_phone_s_text_bigger() {
    let on_screen = |percent: u16, label: &str| {
        let (_dir, mut d) = phone_at(percent, PHONE);
        d.pass_safety(false);
        d.set_up("Right", false);
        d.card(&[]);
        let mut ui = d.simulator();
        let bounds = ui.find(label).expect("label").bounds();
        // Physical pixels on the phone's screen.
        bounds.height * d.app.scale_factor()
    };
    for label in ["Next", "Tingling", "6"] {
        let normal = on_screen(100, label);
        let large = on_screen(200, label);
        assert!(large >= 1.9 * normal, "{label}: {large} px at 200% vs {normal} px at 100%");
    }
}

#[test]
fn next_and_back_stay_on_screen_at_200_percent_on_the_smallest_phone() {
    for injury in [false, true] {
        let (_dir, mut d) = phone_at(200, (360.0, 640.0));
        d.pass_safety(injury);
        d.set_up("Left", true);
        // The top bar keeps Quit and Help; Driver::card checks that Next (or See
        // result) and Back are wholly on screen.
        d.expect_on_screen("Quit");
        d.expect_on_screen("Help");
        for _ in 0..2 {
            d.card(&[]);
            d.card(&["4", "Buttock", "Dull ache", "Not sure"]);
            for _ in 0..4 {
                d.card(&["No change"]);
            }
        }
        if !injury {
            for _ in 0..2 {
                d.card(&[]);
                d.card(&["3", "Back of thigh", "Stretch or pull", "No"]);
                d.card(&["No change", "No"]);
            }
        }
        assert!(matches!(d.app.screen(), Screen::Result(_)), "the check reached its result");
        d.expect_on_screen("Done");
    }
}

#[test]
fn a_whole_check_with_places_and_words_by_keyboard() {
    for size in [PHONE, DESKTOP] {
        let mut d = Driver::new(size);
        d.enter();
        for _ in 0..tension_check::core::RedFlag::ALL.len() {
            d.keys("n");
        }
        d.keys("n");
        d.keys("r");
        d.keys("n");
        d.enter(); // Start
        d.enter(); // A1
        d.keys("7");
        d.key(Named::Tab); // to the places
        d.keys("4"); // Back of knee
        d.keys("5"); // Upper calf
        d.key(Named::Tab); // to the words
        d.keys("4"); // Tingling
        d.key(Named::Tab); // familiar
        d.keys("y");
        d.enter();
        for key in ["e", "s", "s", "e"] {
            d.keys(key);
            d.enter();
        }
        d.enter(); // past "Seated slump test done."
        d.enter(); // B1
        d.keys("5");
        d.key(Named::Tab);
        d.keys("3"); // Back of thigh
        d.key(Named::Tab);
        d.keys("1"); // Stretch or pull
        d.key(Named::Tab);
        d.keys("n"); // no sharp pain
        d.enter();
        d.keys("s");
        d.keys("n");
        d.enter();
        let Screen::Result(result) = d.app.screen() else {
            panic!("the keyboard reached the result at {size:?}");
        };
        let leg = &result.check().legs[0];
        let a2 = &leg.steps[&tension_check::core::StepId::A2];
        assert_eq!(a2.intensity, Some(7));
        assert_eq!(
            a2.regions.iter().copied().collect::<Vec<_>>(),
            [Region::BackOfKnee, Region::UpperCalf]
        );
        assert_eq!(a2.qualities.iter().copied().collect::<Vec<_>>(), [Quality::Tingling]);
        let b2 = &leg.steps[&tension_check::core::StepId::B2];
        assert_eq!(b2.regions.iter().copied().collect::<Vec<_>>(), [Region::BackOfThigh]);
        assert_eq!(b2.qualities.iter().copied().collect::<Vec<_>>(), [Quality::StretchOrPull]);
        assert_eq!(result.outcome().tier, Tier::Both);
    }
}

#[test]
fn backspace_goes_back_wherever_there_is_a_back_button() {
    let dir = crate::support::build::sample_data();
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    d.tap("History");
    d.tap("Stop and consult");
    assert!(matches!(d.app.screen(), Screen::Detail(_)));
    d.tap("Export report");
    assert!(matches!(d.app.screen(), Screen::Export { .. }));
    d.key(Named::Backspace);
    assert!(matches!(d.app.screen(), Screen::Detail(_)), "Backspace leaves the export screen");
    d.key(Named::Backspace);
    assert!(matches!(d.app.screen(), Screen::History(_)), "Backspace leaves the detail screen");
}

#[test]
fn help_is_a_tap_away_on_every_screen() {
    let mut d = Driver::new(PHONE);
    d.tap("Help");
    d.expect("Getting started");
    d.tap("Close");
    d.pass_safety(false);
    d.set_up("Right", false);
    d.card(&[]);
    d.tap("Help");
    d.expect("This step");
    d.expect(tension_check::core::wording::screens::help::how_to_answer(
        tension_check::core::protocol::Ask::Regions,
    ));
    // A phone without a keyboard gets no list of keys.
    assert!(!d.sees("Ctrl + comma (Cmd + comma)"));
    d.tap("Close");
    assert!(!d.sees("This step (A2)"));
    let _ = Size::ZERO;
}
