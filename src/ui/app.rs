//! The application: routes between screens and carries a check from one to the next.

use iced::{Element, Size, Subscription, Task, Theme, keyboard, window};

use crate::core::{Check, grade, wording};
use crate::ui::keys;
use crate::ui::screens::{check, home, result, safety, setup};

/// The screen on show.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(home::State),
    Safety(safety::State),
    Setup { state: setup::State, safety: safety::State, check: Check },
    Check { state: Box<check::State>, setup: setup::State, safety: safety::State },
    Result(Box<result::State>),
}

/// Every message of the app, by screen.
#[derive(Debug, Clone)]
pub enum Message {
    Home(home::Message),
    Safety(safety::Message),
    Setup(setup::Message),
    Check(check::Message),
    Result(result::Message),
    Resized(Size),
    Key(keyboard::Event),
}

/// The whole application state.
#[derive(Debug, Clone)]
pub struct App {
    screen: Screen,
    width: f32,
}

/// The window size the app opens at.
pub const DEFAULT_SIZE: Size = Size::new(1024.0, 768.0);
/// The smallest window the layouts are made for.
pub const MIN_SIZE: Size = Size::new(360.0, 640.0);

impl Default for App {
    fn default() -> Self {
        App::new()
    }
}

impl App {
    /// A new app on the home screen.
    pub fn new() -> Self {
        App { screen: Screen::Home(home::State), width: DEFAULT_SIZE.width }
    }

    /// Starts the app.
    pub fn boot() -> (Self, Task<Message>) {
        (App::new(), Task::none())
    }

    /// The window title.
    pub fn title(&self) -> String {
        wording::APP_NAME.to_string()
    }

    /// The screen on show.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// Tells the app how wide its window is (layouts change at [`crate::ui::style::WIDE`]).
    pub fn set_width(&mut self, width: f32) {
        self.width = width;
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
        self.screen = match (screen, message) {
            (screen, Message::Resized(size)) => {
                self.width = size.width;
                screen
            }
            (screen, Message::Key(event)) => {
                self.screen = screen;
                return match keys::shortcut(&event).and_then(|key| self.on_key(key)) {
                    Some(message) => self.update(message),
                    None => Task::none(),
                };
            }
            (Screen::Home(mut state), Message::Home(message)) => match state.update(message) {
                home::Action::StartCheck => Screen::Safety(safety::State::default()),
            },
            (Screen::Safety(mut state), Message::Safety(message)) => match state.update(message) {
                safety::Action::None => Screen::Safety(state),
                safety::Action::Cancel => Screen::Home(home::State),
                safety::Action::RedFlag(red_flags) => {
                    let check = Check { red_flags, ..Check::new() };
                    let outcome = grade(&check);
                    Screen::Result(Box::new(result::State::new(check, outcome)))
                }
                safety::Action::Done { red_flags, injury } => {
                    let check = Check { red_flags, injury: Some(injury), ..Check::new() };
                    Screen::Setup { state: setup::State::new(injury), safety: state, check }
                }
            },
            (Screen::Setup { mut state, safety, check }, Message::Setup(message)) => {
                match state.update(message) {
                    setup::Action::None => Screen::Setup { state, safety, check },
                    setup::Action::Back => Screen::Safety(safety),
                    setup::Action::Start { bothered, reference_first } => Screen::Check {
                        state: Box::new(check::State::new(check, bothered, reference_first)),
                        setup: state,
                        safety,
                    },
                }
            }
            (Screen::Check { mut state, setup, safety }, Message::Check(message)) => {
                match state.update(message) {
                    check::Action::None => Screen::Check { state, setup, safety },
                    check::Action::Back => {
                        Screen::Setup { check: state.base_check().clone(), state: setup, safety }
                    }
                    check::Action::Quit => Screen::Home(home::State),
                    check::Action::Finished(check) => {
                        let outcome = grade(&check);
                        Screen::Result(Box::new(result::State::new(check, outcome)))
                    }
                }
            }
            (Screen::Result(mut state), Message::Result(message)) => match state.update(message) {
                result::Action::Home => Screen::Home(home::State),
            },
            // A message for a screen no longer on show (a late event): ignore it.
            (screen, _) => screen,
        };
        Task::none()
    }

    /// The message a keyboard shortcut stands for on the screen on show.
    fn on_key(&self, key: keys::Shortcut) -> Option<Message> {
        match &self.screen {
            Screen::Home(state) => state.on_key(key).map(Message::Home),
            Screen::Safety(state) => state.on_key(key).map(Message::Safety),
            Screen::Setup { state, .. } => state.on_key(key).map(Message::Setup),
            Screen::Check { state, .. } => state.on_key(key).map(Message::Check),
            Screen::Result(state) => state.on_key(key).map(Message::Result),
        }
    }

    /// Draws the screen on show.
    pub fn view(&self) -> Element<'_, Message> {
        match &self.screen {
            Screen::Home(state) => state.view().map(Message::Home),
            Screen::Safety(state) => state.view().map(Message::Safety),
            Screen::Setup { state, .. } => state.view().map(Message::Setup),
            Screen::Check { state, .. } => state.view(self.width).map(Message::Check),
            Screen::Result(state) => state.view().map(Message::Result),
        }
    }

    /// Follows the system's light or dark mode.
    pub fn theme(&self) -> Option<Theme> {
        None
    }

    /// Window resizes, so layouts can adapt.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            window::resize_events().map(|(_, size)| Message::Resized(size)),
            keyboard::listen().map(Message::Key),
        ])
    }
}

/// Runs the desktop app.
pub fn run() -> iced::Result {
    iced::application(App::boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        // Fira Sans is embedded (iced's `fira-sans` feature): start-up does not wait for
        // the system's fonts, and the window matches the tested snapshots.
        .default_font(iced::Font::with_name("Fira Sans"))
        .window(window::Settings {
            size: DEFAULT_SIZE,
            min_size: Some(MIN_SIZE),
            ..window::Settings::default()
        })
        .run()
}
