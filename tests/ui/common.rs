//! Drives the real app through iced_test's simulator, by visible text, the way a
//! person taps through it. Each tap builds the view at the chosen window size, finds
//! the text (scrolling the body until it is on screen, as a person would), taps it and
//! feeds the resulting messages to the app's own `update`.

#![allow(dead_code)]

use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point, Settings, Size};
use iced_test::Simulator;
use tension_check::clock::Clock;
use tension_check::settings::Settings as Prefs;
use tension_check::ui::app::Screen;
use tension_check::ui::{App, Message};

/// `settings` with "before you start" marked as seen, so tests go straight to the check.
fn seen_intro(settings: &tension_check::settings::Settings) -> tension_check::settings::Settings {
    tension_check::settings::Settings { intro_seen: true, ..settings.clone() }
}

/// A phone-size window.
pub(crate) const PHONE: (f32, f32) = (360.0, 740.0);
/// A laptop-size window.
pub(crate) const DESKTOP: (f32, f32) = (1280.0, 800.0);
/// Both sizes every flow is tried at.
pub(crate) const SIZES: [(f32, f32); 2] = [PHONE, DESKTOP];
/// Every window size the layouts are made for, from the smallest phone to full HD.
pub(crate) const ALL_SIZES: [(f32, f32); 5] =
    [(360.0, 640.0), (390.0, 844.0), (768.0, 1024.0), (1280.0, 800.0), (1920.0, 1080.0)];

/// How long a person takes between two taps, as the tests' clock counts it: past the
/// tap guard after a page change, so a test's taps land as a person's would.
pub(crate) const PACE: std::time::Duration = std::time::Duration::from_secs(1);

/// An app and the size of its window.
pub(crate) struct Driver {
    pub app: App,
    pub size: Size,
    /// The app's clock, moved on by [`PACE`] whenever the view is built for a tap.
    pub clock: Clock,
}

impl Driver {
    /// A fresh app on its home screen, in a window of `size`.
    pub(crate) fn new(size: (f32, f32)) -> Self {
        let app = App::new().with_settings(seen_intro(&Prefs::default()));
        Driver::of(app, size)
    }

    /// A fresh app saving into the data folder `dir`.
    pub(crate) fn with_data_dir(size: (f32, f32), dir: &std::path::Path) -> Self {
        let app = App::with_data_dir(dir.to_path_buf());
        let settings = seen_intro(app.settings());
        Driver::of(app.with_settings(settings), size)
    }

    /// A fresh app on a data folder, as on the very first start: "before you start"
    /// not yet seen.
    pub(crate) fn first_run(size: (f32, f32), dir: &std::path::Path) -> Self {
        Driver::of(App::with_data_dir(dir.to_path_buf()), size)
    }

    /// `app` in a window of `size`, telling the time by a manual clock.
    pub(crate) fn of(app: App, size: (f32, f32)) -> Self {
        let clock = Clock::manual(iced::time::Instant::now());
        let mut app = app.with_clock(clock.clone());
        app.set_width(size.0);
        Driver { app, size: Size::new(size.0, size.1), clock }
    }

    /// The window in the app's logical pixels: its size divided by the text size setting.
    pub(crate) fn logical(&self) -> Size {
        let scale = self.app.scale_factor();
        Size::new(self.size.width / scale, self.size.height / scale)
    }

    /// Sends a message straight to the app, as a widget would.
    pub(crate) fn send(&mut self, message: Message) {
        self.app.update_blocking(message);
    }

    /// The view in a simulator, a person's [`PACE`] after the last one.
    pub(crate) fn simulator(&self) -> Simulator<'_, Message> {
        self.clock.advance(PACE);
        Simulator::with_size(Settings::default(), self.logical(), self.app.view())
    }

    /// Taps the control labelled `label`; panics with a clear message if it is not there.
    pub(crate) fn tap(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            scroll_into_view(&mut ui, label, self.logical());
            if let Err(error) = ui.click(label) {
                panic!("could not tap {label:?} at {:?}: {error:?}", self.size);
            }
            ui.into_messages().collect()
        };
        for message in messages {
            self.app.update_blocking(message);
        }
    }

    /// Taps the control labelled `label` with a finger (touch events, not the mouse).
    pub(crate) fn finger_tap(&mut self, label: &str) {
        use iced::touch::{Event as Touch, Finger};
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            scroll_into_view(&mut ui, label, self.logical());
            let target =
                ui.find(label).unwrap_or_else(|e| panic!("no {label:?} at {:?}: {e:?}", self.size));
            let at = target
                .visible_bounds()
                .unwrap_or_else(|| panic!("{label:?} is not on screen at {:?}", self.size))
                .center();
            // winit moves the cursor to a finger; do the same.
            ui.point_at(at);
            let _ = ui.simulate([
                Event::Touch(Touch::FingerPressed { id: Finger(7), position: at }),
                Event::Touch(Touch::FingerLifted { id: Finger(7), position: at }),
            ]);
            ui.into_messages().collect()
        };
        for message in messages {
            self.app.update_blocking(message);
        }
    }

    /// Presses and releases a key, as iced delivers it: the screen's widgets see it
    /// first, and what they ignore reaches the app's keyboard shortcuts.
    pub(crate) fn key(&mut self, key: impl Into<iced::keyboard::Key>) {
        let key = key.into();
        let text = match key.as_ref() {
            iced::keyboard::Key::Character(c) => Some(c.into()),
            _ => None,
        };
        let events: Vec<Event> = iced_test::simulator::tap_key(key, text).collect();
        let (statuses, mut messages): (Vec<iced::event::Status>, Vec<Message>) = {
            let mut ui = self.simulator();
            let statuses = ui.simulate(events.clone());
            (statuses, ui.into_messages().collect())
        };
        for (event, status) in events.into_iter().zip(statuses) {
            if let (Event::Keyboard(event), iced::event::Status::Ignored) = (event, status) {
                messages.push(Message::Key(event));
            }
        }
        for message in messages {
            self.app.update_blocking(message);
        }
    }

    /// Types each character as a key press.
    pub(crate) fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(iced::keyboard::Key::Character(c.to_string().into()));
        }
    }

    /// Presses Enter.
    pub(crate) fn enter(&mut self) {
        self.key(iced::keyboard::key::Named::Enter);
    }

    /// Taps each label in turn.
    pub(crate) fn tap_all(&mut self, labels: &[&str]) {
        for label in labels {
            self.tap(label);
        }
    }

    /// Whether `label` is anywhere in the view (on screen or scrolled away).
    pub(crate) fn sees(&self, label: &str) -> bool {
        self.simulator().find(label).is_ok()
    }

    /// Asserts that the check's progress line reads "Step `n` of …" (the whole check's
    /// count, followed by the time left).
    #[track_caller]
    pub(crate) fn expect_step(&self, n: usize) {
        let prefix = format!("Step {n} of ");
        let found = self.simulator().find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. }
                if content.starts_with(&prefix) =>
            {
                Some(())
            }
            _ => None,
        });
        assert!(found.is_ok(), "expected the progress {prefix:?}… at {:?}", self.size);
    }

    /// Every text of the view (on screen or scrolled away), in tree order.
    pub(crate) fn texts(&self) -> Vec<String> {
        let mut all = Vec::new();
        let mut ui = self.simulator();
        let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text { content, .. } = c {
                all.push(content.to_string());
            }
            None::<()>
        });
        all
    }

    /// Asserts that `label` is in the view.
    #[track_caller]
    pub(crate) fn expect(&self, label: &str) {
        assert!(self.sees(label), "expected to see {label:?} at {:?}", self.size);
    }

    /// Answers every safety question No, the injury question with `injury`.
    pub(crate) fn pass_safety(&mut self, injury: bool) {
        self.tap("New check");
        for _ in 0..tension_check::core::RedFlag::ALL.len() {
            self.tap("No");
        }
        self.tap(if injury { "Yes" } else { "No" });
    }

    /// Chooses the bothered leg and whether to test the reference leg, then starts.
    pub(crate) fn set_up(&mut self, bothered: &str, reference: bool) {
        self.tap(bothered);
        self.tap(if reference { "Yes" } else { "Skip" });
        self.tap("Start");
    }

    /// A one-leg check of `leg` ("Left" or "Right") whose answers grade Nerve tension
    /// likely; ends on the result.
    pub(crate) fn nerve_check(&mut self, leg: &str) {
        self.pass_safety(false);
        self.set_up(leg, false);
        self.card(&[]);
        self.card(&["6", "Back of knee", "Upper calf", "Tingling", "Yes"]);
        for change in ["Eased", "Stronger", "Stronger", "Eased"] {
            self.card(&[change]);
        }
        self.card(&[]);
        self.card(&["3", "Buttock", "Tingling", "No"]);
        self.card(&["Stronger", "No"]);
    }

    /// Goes through the slump test of one leg feeling nothing and changing nothing.
    pub(crate) fn quiet_slump(&mut self) {
        self.card(&[]);
        self.card(&["0"]);
        for _ in 0..4 {
            self.card(&["No change"]);
        }
    }

    /// Asserts that `label` is wholly on screen without scrolling (for fixed controls).
    #[track_caller]
    pub(crate) fn expect_on_screen(&self, label: &str) {
        let mut ui = self.simulator();
        let target = ui.find(label).unwrap_or_else(|_| panic!("no {label:?} at {:?}", self.size));
        let bounds = target.bounds();
        let visible = target.visible_bounds();
        assert!(
            visible.is_some_and(|v| v.height >= bounds.height - 0.5)
                && bounds.x >= 0.0
                && bounds.x + bounds.width <= self.logical().width + 0.5,
            "{label:?} is not wholly on screen at {:?}: {bounds:?}",
            self.size
        );
    }

    /// Answers a card with `labels`, then moves on (Next, or See result on the last card).
    pub(crate) fn card(&mut self, labels: &[&str]) {
        // Between legs and tests a transition card comes first: go on past it.
        if matches!(self.app.screen(), Screen::Check { state, .. } if state.in_transition()) {
            self.tap("Continue");
        }
        let primary = if self.sees("See result") { "See result" } else { "Next" };
        self.expect_on_screen(primary);
        self.expect_on_screen("Back");
        self.tap_all(labels);
        if self.sees("See result") {
            self.tap("See result");
        } else {
            self.tap("Next");
        }
    }
}

/// Scrolls the body down with the mouse wheel until `label` is wholly visible, if it exists.
fn scroll_into_view(ui: &mut Simulator<'_, Message>, label: &str, size: Size) {
    // Over the page, below any fixed header (a narrow history stacks its tools).
    ui.point_at(Point::new(size.width / 2.0, size.height * 0.55));
    for _ in 0..60 {
        match ui.find(label) {
            Ok(target) => {
                let visible = target.visible_bounds();
                let whole = target.bounds();
                if visible.is_some_and(|v| v.height >= whole.height - 0.5) {
                    return;
                }
                // A fresh view starts scrolled to the top, so the target is below.
                let _ = ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
                    delta: ScrollDelta::Pixels { x: 0.0, y: -40.0 },
                })]);
            }
            Err(_) => return,
        }
    }
}
