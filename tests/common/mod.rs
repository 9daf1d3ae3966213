//! Drives the real app through iced_test's simulator, by visible text, the way a
//! person taps through it. Each tap builds the view at the chosen window size, finds
//! the text (scrolling the body until it is on screen, as a person would), taps it and
//! feeds the resulting messages to the app's own `update`.

#![allow(dead_code)]

use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point, Settings, Size};
use iced_test::Simulator;
use tension_check::ui::{App, Message};

/// A phone-size window.
pub const PHONE: (f32, f32) = (360.0, 740.0);
/// A laptop-size window.
pub const DESKTOP: (f32, f32) = (1280.0, 800.0);
/// Both sizes every flow is tried at.
pub const SIZES: [(f32, f32); 2] = [PHONE, DESKTOP];

/// An app and the size of its window.
pub struct Driver {
    pub app: App,
    pub size: Size,
}

impl Driver {
    /// A fresh app on its home screen, in a window of `size`.
    pub fn new(size: (f32, f32)) -> Self {
        let mut app = App::new();
        app.set_width(size.0);
        Driver { app, size: Size::new(size.0, size.1) }
    }

    /// A fresh app saving into the data folder `dir`.
    pub fn with_data_dir(size: (f32, f32), dir: &std::path::Path) -> Self {
        let mut app = App::with_data_dir(dir.to_path_buf());
        app.set_width(size.0);
        Driver { app, size: Size::new(size.0, size.1) }
    }

    /// Sends a message straight to the app, as a widget would.
    pub fn send(&mut self, message: Message) {
        self.app.update_blocking(message);
    }

    fn simulator(&self) -> Simulator<'_, Message> {
        Simulator::with_size(Settings::default(), self.size, self.app.view())
    }

    /// Taps the control labelled `label`; panics with a clear message if it is not there.
    pub fn tap(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            scroll_into_view(&mut ui, label, self.size);
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
    pub fn finger_tap(&mut self, label: &str) {
        use iced::touch::{Event as Touch, Finger};
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            scroll_into_view(&mut ui, label, self.size);
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

    /// Taps each label in turn.
    pub fn tap_all(&mut self, labels: &[&str]) {
        for label in labels {
            self.tap(label);
        }
    }

    /// Whether `label` is anywhere in the view (on screen or scrolled away).
    pub fn sees(&self, label: &str) -> bool {
        self.simulator().find(label).is_ok()
    }

    /// Asserts that `label` is in the view.
    #[track_caller]
    pub fn expect(&self, label: &str) {
        assert!(self.sees(label), "expected to see {label:?} at {:?}", self.size);
    }

    /// Answers every safety question No, the injury question with `injury`.
    pub fn pass_safety(&mut self, injury: bool) {
        self.tap("New check");
        for _ in 0..tension_check::core::RedFlag::ALL.len() {
            self.tap("No");
        }
        self.tap(if injury { "Yes" } else { "No" });
    }

    /// Chooses the bothered leg and whether to test the reference leg, then starts.
    pub fn set_up(&mut self, bothered: &str, reference: bool) {
        self.tap(bothered);
        self.tap(if reference { "Yes" } else { "Skip" });
        self.tap("Start");
    }

    /// Answers a card with `labels`, then moves on (Next, or See result on the last card).
    pub fn card(&mut self, labels: &[&str]) {
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
    ui.point_at(Point::new(size.width / 2.0, size.height / 3.0));
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
