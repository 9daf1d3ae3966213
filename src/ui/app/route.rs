//! Routing: the app-wide messages (the window, the keys, the help, the voice) are
//! handled here; a screen's messages go to its own function (`flow` for the check,
//! `browse` for the history and settings) and background work's answers to `answers`.

use super::*;

impl App {
    /// Updates the state; returns the disk work to do.
    pub(super) fn handle(&mut self, message: Message) -> Effect {
        // The page on show before the message (remembered once, unguarded, at the
        // very first message), then whether the message opened another.
        self.note_page();
        let message = match message {
            Message::OnPage(key, message) if key == self.page() => *message,
            // From a page no longer on show: a tap meant for what was there.
            Message::OnPage(..) => return Effect::None,
            message => message,
        };
        let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
        let (screen, effect) = self.route(screen, message);
        self.screen = screen;
        self.note_page();
        self.play_cues();
        // A stop can be taken back only while its result is on show.
        if !matches!(self.screen, Screen::Result(_)) {
            self.run.stopped = None;
        }
        // The desktop keeps the check in progress at each answer, as the browser does.
        #[cfg(not(target_arch = "wasm32"))]
        self.keep_draft_in_store();
        // The summaries are held only while a screen that uses them is open: on the
        // others (Home, a check, its result), 10,000 saved sessions take no memory.
        // History reads them again whenever it opens, from the index, in milliseconds.
        if !self.screen.uses_history() && self.records.summaries.take().is_some() {
            history_load::release_free_memory();
        }
        effect
    }

    /// The state after `message` on `screen`, and the disk work to do.
    pub(super) fn route(&mut self, screen: Screen, message: Message) -> (Screen, Effect) {
        let none = Effect::None;
        match (screen, message) {
            (screen, Message::Resized(size)) => {
                // iced's size is after the app's own scale factor (the text size);
                // the width is kept before it, or the viewport would divide by it twice
                // and lay out a 390 px phone at 125% for 250 px instead of 312.
                self.window.width = size.width * self.scale_factor();
                (screen, none)
            }
            (screen, Message::CloseHelp) => {
                self.window.show_help = false;
                (screen, none)
            }
            (screen, Message::ToggleHelp) => {
                self.window.show_help = !self.window.show_help;
                (screen, none)
            }
            (screen, Message::Mute(muted)) => self.mute(screen, muted),
            (screen @ Screen::Check { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Check(check::Message::Tick(now)))
            }
            (screen @ Screen::Exercises { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Exercises(exercises::Message::Tick(now)))
            }
            (screen, Message::SystemTheme(mode)) => {
                self.prefs.system_mode = mode;
                (screen, none)
            }
            (screen, Message::Key(event)) => self.key(screen, &event),
            (screen, Message::FirstFrame) => {
                let effect = if self.records.asked { none } else { Effect::Preload };
                self.records.asked = true;
                (screen, effect)
            }
            (
                screen,
                answer @ (Message::Saved(..)
                | Message::Loaded(_)
                | Message::Opened(..)
                | Message::NoteSaved(_)
                | Message::Deleted(_)
                | Message::Restored(_)
                | Message::Exported(_)
                | Message::Imported(_)
                | Message::SetAsideRemoved(_)
                | Message::SettingsSaved(_)
                | Message::WorkStopped),
            ) => self.answer(screen, answer),
            (screen, message) => self.on_screen(screen, message),
        }
    }

    /// Hands a screen's message to the function of the screen on show.
    fn on_screen(&mut self, screen: Screen, message: Message) -> (Screen, Effect) {
        match (screen, message) {
            (Screen::Home(state), Message::Home(message)) => self.on_home(state, message),
            (Screen::Intro(state), Message::Intro(message)) => self.on_intro(state, message),
            (Screen::Safety(state), Message::Safety(message)) => self.on_safety(state, message),
            (Screen::Setup { state, safety, check }, Message::Setup(message)) => {
                self.on_setup(state, safety, check, message)
            }
            (Screen::Check { state, setup, safety }, Message::Check(message)) => {
                self.on_check(state, setup, safety, message)
            }
            (Screen::Result(state), Message::Result(message)) => self.on_result(state, message),
            (Screen::Exercises { state, back }, Message::Exercises(message)) => {
                self.on_exercises(state, back, message)
            }
            (Screen::History(state), Message::History(message)) => self.on_history(state, message),
            (Screen::Detail(state), Message::Detail(message)) => self.on_detail(state, message),
            (Screen::Trends(mut state), Message::Trends(message)) => match state.update(message) {
                trends::Action::Back => (Screen::History(history::State::default()), Effect::None),
            },
            (Screen::Export { state, from }, Message::Export(message)) => {
                self.on_export(state, from, message)
            }
            (Screen::Settings(state), Message::Settings(message)) => {
                self.on_settings(state, message)
            }
            // A message for a screen no longer on show (a late event): ignore it.
            (screen, _) => (screen, Effect::None),
        }
    }

    /// Mutes the voice and the sound (the mute button of a card), or turns both on.
    fn mute(&mut self, mut screen: Screen, muted: bool) -> (Screen, Effect) {
        self.prefs.settings.voice = !muted;
        self.prefs.settings.sound = !muted;
        if muted {
            self.voice.speaker.hush();
        }
        if let Screen::Check { state, .. } = &mut screen {
            state.set_voice(!muted);
            state.set_muted(muted);
        }
        (screen, Effect::SaveSettings(self.prefs.settings.clone()))
    }

    /// A key press: the app's own shortcuts, then the screen's.
    fn key(&mut self, screen: Screen, event: &keyboard::Event) -> (Screen, Effect) {
        let none = Effect::None;
        if keys::shortcut(event).is_some() {
            self.window.keyboard_seen = true;
        }
        match keys::shortcut(event) {
            Some(keys::Shortcut::Help) => {
                self.window.show_help = !self.window.show_help;
                return (screen, none);
            }
            // During a check, Ctrl+Q asks first, as Escape does (and asking
            // again leaves the question up).
            Some(keys::Shortcut::QuitApp)
                if cfg!(not(target_arch = "wasm32")) && matches!(screen, Screen::Check { .. }) =>
            {
                return match &screen {
                    Screen::Check { state, .. } if state.confirming_quit() => (screen, none),
                    _ => self.route(screen, Message::Check(check::Message::Quit)),
                };
            }
            // A web page cannot close itself (and iced's exit freezes it).
            Some(keys::Shortcut::QuitApp) if cfg!(not(target_arch = "wasm32")) => {
                return (screen, Effect::Exit);
            }
            Some(keys::Shortcut::Escape) if self.window.show_help => {
                self.window.show_help = false;
                return (screen, none);
            }
            _ => {}
        }
        self.screen = screen;
        let message = keys::shortcut(event).and_then(|key| self.on_key(key));
        let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
        match message {
            Some(message) => self.route(screen, message),
            None => (screen, none),
        }
    }

    /// The message a keyboard shortcut stands for on the screen on show.
    fn on_key(&self, key: keys::Shortcut) -> Option<Message> {
        match &self.screen {
            Screen::Home(state) => state.on_key(key).map(Message::Home),
            Screen::Intro(state) => state.on_key(key).map(Message::Intro),
            Screen::Safety(state) => state.on_key(key).map(Message::Safety),
            Screen::Setup { state, .. } => state.on_key(key).map(Message::Setup),
            Screen::Check { state, .. } => state.on_key(key).map(Message::Check),
            Screen::Result(state) => state.on_key(key).map(Message::Result),
            Screen::Exercises { state, .. } => state.on_key(key).map(Message::Exercises),
            Screen::History(state) => state.on_key(key).map(Message::History),
            Screen::Detail(state) => state.on_key(key).map(Message::Detail),
            Screen::Trends(state) => state.on_key(key).map(Message::Trends),
            Screen::Export { state, .. } => state.on_key(key).map(Message::Export),
            Screen::Settings(state) => state.on_key(key).map(Message::Settings),
        }
    }
}
