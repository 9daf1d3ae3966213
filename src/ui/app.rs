//! The application: routes between screens, carries a check from one to the next and
//! talks to the session store. Disk work runs off the UI thread as iced tasks.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Local, TimeDelta, Utc};
use iced::{Element, Size, Subscription, Task, Theme, keyboard, window};

use crate::core::wording::screens::{BACK, messages};
use crate::core::{Check, grade, wording};
use crate::export::trend::trend_points;
use crate::export::{Entry, Selection};
use crate::settings::{self as prefs, Settings, ThemeChoice};
use crate::store::{LoadReport, LoadedSession, Session, SessionId, Store};
use crate::ui::keys;
use crate::ui::screens::{
    check, detail, exercises, export, history, home, intro, result, safety, settings, setup, trends,
};
use crate::ui::viewport::{Art, Viewport};

/// The screen on show.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(home::State),
    Intro(intro::State),
    Safety(safety::State),
    Setup { state: setup::State, safety: safety::State, check: Check },
    Check { state: Box<check::State>, setup: setup::State, safety: safety::State },
    Result(Box<result::State>),
    Exercises { state: Box<exercises::State>, back: ExercisesBack },
    History(history::State),
    Detail(detail::State),
    Trends(Box<trends::State>),
    Export { state: Box<export::State>, from: Option<SessionId> },
    Settings(settings::State),
}

/// Where the exercise cards return to.
#[derive(Debug, Clone)]
pub enum ExercisesBack {
    /// The result they were opened from.
    Result(Box<result::State>),
    /// The session of the history they were opened from.
    Detail(SessionId),
}

/// Every message of the app, by screen, and the answers of background work.
#[derive(Debug, Clone)]
pub enum Message {
    Home(home::Message),
    Intro(intro::Message),
    Safety(safety::Message),
    Setup(setup::Message),
    Check(check::Message),
    Result(result::Message),
    Exercises(exercises::Message),
    History(history::Message),
    Detail(detail::Message),
    Trends(trends::Message),
    Export(export::Message),
    Settings(settings::Message),
    /// Open or close the help.
    ToggleHelp,
    /// Close the help.
    CloseHelp,
    /// The system switched between light and dark.
    SystemTheme(iced::theme::Mode),
    /// Time passed, while a hold countdown runs.
    Tick(iced::time::Instant),
    Resized(Size),
    Key(keyboard::Event),
    /// A session was saved (or not).
    Saved(SessionId, Result<PathBuf, String>),
    /// The history was loaded.
    Loaded(Arc<Loaded>),
    /// A change to the history (note, delete, undo) finished; reload it.
    Changed(Result<String, String>),
    /// An export, backup or import finished, with a sentence for the person.
    Exported {
        message: String,
        reload: bool,
    },
}

/// What loading the history found.
#[derive(Debug)]
pub struct Loaded {
    /// What the store found.
    pub report: LoadReport,
    /// Sentences about the trash, if anything was emptied.
    pub purged: Vec<String>,
}

/// Disk work the app asks for.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Save(Box<Session>),
    Load,
    SetNote(SessionId, String),
    Delete(SessionId),
    Undo(SessionId),
    Export {
        format: export::Format,
        selection: Selection,
        folder: PathBuf,
    },
    Import(PathBuf),
    SaveSettings(Settings),
    /// Open the phone's dialler on an emergency number (the browser build).
    Call(&'static str),
    /// Close the app (Ctrl+Q / Cmd+Q).
    Exit,
}

/// The whole application state.
#[derive(Debug)]
pub struct App {
    screen: Screen,
    width: f32,
    store: Option<Arc<Store>>,
    store_error: Option<String>,
    started_at: Option<DateTime<FixedOffset>>,
    /// The finished session not yet on disk (kept while saving, or after a failure).
    pending: Option<Session>,
    history: Option<Vec<LoadedSession>>,
    notices: Vec<String>,
    undo: Option<SessionId>,
    settings: Settings,
    settings_dir: Option<PathBuf>,
    settings_notice: Option<String>,
    show_help: bool,
    /// The system's light or dark mode, followed when the theme setting is System.
    system_mode: iced::theme::Mode,
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
    /// A new app on the home screen, with no place to save sessions.
    pub fn new() -> Self {
        App {
            screen: Screen::Home(home::State),
            width: DEFAULT_SIZE.width,
            store: None,
            store_error: None,
            started_at: None,
            pending: None,
            history: None,
            notices: Vec::new(),
            undo: None,
            settings: Settings::default(),
            settings_dir: None,
            settings_notice: None,
            show_help: false,
            system_mode: iced::theme::Mode::None,
        }
    }

    /// A new app saving into the data folder `dir`. If the folder cannot be opened the
    /// app still runs; saving then fails with the reason, shown to the person.
    pub fn with_data_dir(dir: PathBuf) -> Self {
        let mut app = App::new();
        let (settings, notice) = prefs::load(&dir);
        app.settings = settings;
        app.settings_notice = notice;
        app.settings_dir = Some(dir.clone());
        match Store::open(&dir) {
            Ok(store) => app.store = Some(Arc::new(store)),
            Err(error) => app.store_error = Some(error.to_string()),
        }
        app
    }

    /// The same app with `settings` in force (not saved).
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// The window title.
    pub fn title(&self) -> String {
        wording::APP_NAME.to_string()
    }

    /// The screen on show.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The sessions loaded so far, newest first.
    pub fn history(&self) -> Option<&[LoadedSession]> {
        self.history.as_deref()
    }

    /// Tells the app how wide its window is, before its own scaling (layouts change at [`crate::ui::style::WIDE`]).
    pub fn set_width(&mut self, width: f32) {
        self.width = width;
    }

    /// The work to start with: loading the history in the background, so that it is
    /// ready by the time the person opens it.
    pub fn boot_task(&mut self) -> Task<Message> {
        Task::batch([self.perform(Effect::Load), iced::system::theme().map(Message::SystemTheme)])
    }

    /// Handles a message; disk work is returned as a task.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let effect = self.handle(message);
        self.perform(effect)
    }

    fn perform(&self, effect: Effect) -> Task<Message> {
        if let Effect::Exit = effect {
            return iced::exit();
        }
        match self.work(effect) {
            #[cfg(not(target_arch = "wasm32"))]
            Some(work) => Task::perform(
                async move {
                    tokio::task::spawn_blocking(work)
                        .await
                        .unwrap_or_else(|_| Message::Changed(Err("the task stopped".into())))
                },
                |message| message,
            ),
            // The browser has one thread and its storage is synchronous and fast.
            #[cfg(target_arch = "wasm32")]
            Some(work) => Task::done(work()),
            None => Task::none(),
        }
    }

    /// Handles a message and does any disk work at once, on this thread, feeding its
    /// answer back in. For tests and the command line.
    pub fn update_blocking(&mut self, message: Message) {
        let mut next = Some(message);
        while let Some(message) = next.take() {
            let effect = self.handle(message);
            next = self.work(effect).map(|work| work());
        }
    }

    /// The disk work of an effect, as a closure to run off the UI thread.
    fn work(&self, effect: Effect) -> Option<Box<dyn FnOnce() -> Message + Send>> {
        if let Effect::Exit = effect {
            return None;
        }
        if let Effect::Call(number) = effect {
            // Only the browser build shows call buttons: a phone opens its dialler.
            #[cfg(target_arch = "wasm32")]
            crate::web::call(number);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = number;
            return None;
        }
        if let Effect::SaveSettings(settings) = effect {
            let dir = self.settings_dir.clone()?;
            return Some(Box::new(move || Message::Exported {
                message: match prefs::save(&dir, &settings) {
                    Ok(_) => String::new(),
                    Err(e) => e.to_string(),
                },
                reload: false,
            }));
        }
        let store = self.store.clone();
        let store_error =
            self.store_error.clone().unwrap_or_else(|| messages::NO_DATA_FOLDER.to_string());
        let Some(store) = store else {
            #[cfg(target_arch = "wasm32")]
            match effect {
                Effect::Save(session) => {
                    return Some(Box::new(move || {
                        let id = session.id.clone();
                        Message::Saved(id, crate::web::save(&session))
                    }));
                }
                Effect::Load => {
                    return Some(Box::new(move || {
                        Message::Loaded(Arc::new(Loaded {
                            report: crate::web::load_all(),
                            purged: Vec::new(),
                        }))
                    }));
                }
                _ => {}
            }
            return match effect {
                Effect::None => None,
                Effect::Save(session) => {
                    let id = session.id.clone();
                    Some(Box::new(move || Message::Saved(id, Err(store_error))))
                }
                Effect::Load => Some(Box::new(move || {
                    Message::Loaded(Arc::new(Loaded {
                        report: LoadReport::empty(PathBuf::new()),
                        purged: vec![messages::history_unavailable(&store_error.to_string())],
                    }))
                })),
                Effect::SetNote(..) | Effect::Delete(_) | Effect::Undo(_) => {
                    Some(Box::new(move || Message::Changed(Err(store_error))))
                }
                Effect::SaveSettings(_) | Effect::Exit | Effect::Call(_) => None,
                Effect::Export { .. } | Effect::Import(_) => {
                    Some(Box::new(move || Message::Exported {
                        message: messages::not_possible(&store_error.to_string()),
                        reload: false,
                    }))
                }
            };
        };
        match effect {
            Effect::None => None,
            Effect::Save(session) => Some(Box::new(move || {
                let result = store.save(&session).map_err(|e| e.to_string());
                Message::Saved(session.id.clone(), result)
            })),
            Effect::Load => Some(Box::new(move || {
                let purge = store.purge_trash(Utc::now(), TimeDelta::days(30));
                let mut purged = Vec::new();
                let sessions = purge.removed.iter().filter(|p| !is_note(p)).count();
                if sessions > 0 {
                    purged.push(messages::trash_emptied(sessions));
                }
                for problem in &purge.failed {
                    purged.push(messages::trash_not_emptied(
                        &problem.path.display().to_string(),
                        &problem.reason,
                    ));
                }
                Message::Loaded(Arc::new(Loaded { report: store.load_all(), purged }))
            })),
            Effect::SetNote(id, text) => Some(Box::new(move || {
                Message::Changed(
                    store
                        .set_note(&id, &text)
                        .map(|_| messages::NOTE_SAVED.to_string())
                        .map_err(|e| e.to_string()),
                )
            })),
            Effect::Delete(id) => Some(Box::new(move || {
                Message::Changed(
                    store.delete(&id).map(|_| String::new()).map_err(|e| e.to_string()),
                )
            })),
            Effect::Export { format, selection, folder } => {
                let sessions = self.history.clone().unwrap_or_default();
                Some(Box::new(move || {
                    let message = export_files(&store, &sessions, format, &selection, &folder)
                        .unwrap_or_else(|why| messages::not_saved(&why));
                    Message::Exported { message, reload: false }
                }))
            }
            Effect::SaveSettings(_) | Effect::Exit | Effect::Call(_) => None,
            Effect::Import(path) => Some(Box::new(move || Message::Exported {
                message: store.import(&path).message(),
                reload: true,
            })),
            Effect::Undo(id) => Some(Box::new(move || {
                Message::Changed(
                    store
                        .undo_delete(&id)
                        .map(|_| messages::RESTORED.to_string())
                        .map_err(|e| e.to_string()),
                )
            })),
        }
    }

    /// Updates the state; returns the disk work to do.
    fn handle(&mut self, message: Message) -> Effect {
        let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
        let (screen, effect) = self.route(screen, message);
        self.screen = screen;
        effect
    }

    fn route(&mut self, screen: Screen, message: Message) -> (Screen, Effect) {
        let none = Effect::None;
        match (screen, message) {
            (screen, Message::Resized(size)) => {
                self.width = size.width;
                (screen, none)
            }
            (screen, Message::CloseHelp) => {
                self.show_help = false;
                (screen, none)
            }
            (screen, Message::ToggleHelp) => {
                self.show_help = !self.show_help;
                (screen, none)
            }
            (screen @ Screen::Check { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Check(check::Message::Tick(now)))
            }
            (screen @ Screen::Exercises { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Exercises(exercises::Message::Tick(now)))
            }
            (screen, Message::SystemTheme(mode)) => {
                self.system_mode = mode;
                (screen, none)
            }
            (screen, Message::Key(event)) => {
                match keys::shortcut(&event) {
                    Some(keys::Shortcut::Help) => {
                        self.show_help = !self.show_help;
                        return (screen, none);
                    }
                    // A web page cannot close itself (and iced's exit freezes it).
                    Some(keys::Shortcut::QuitApp) if cfg!(not(target_arch = "wasm32")) => {
                        return (screen, Effect::Exit);
                    }
                    Some(keys::Shortcut::Escape) if self.show_help => {
                        self.show_help = false;
                        return (screen, none);
                    }
                    _ => {}
                }
                self.screen = screen;
                let message = keys::shortcut(&event).and_then(|key| self.on_key(key));
                let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
                match message {
                    Some(message) => self.route(screen, message),
                    None => (screen, none),
                }
            }
            (screen, Message::Saved(id, result)) => {
                let mut screen = screen;
                let saved = self.pending.as_ref().is_some_and(|s| s.id == id);
                if let Screen::Result(state) = &mut screen {
                    state.set_save_status(match &result {
                        Ok(_) => result::SaveStatus::Saved,
                        Err(why) => result::SaveStatus::Failed(why.clone()),
                    });
                }
                if let (true, Ok(path)) = (saved, result)
                    && let Some(session) = self.pending.take()
                    && let Some(history) = &mut self.history
                {
                    // Keep the loaded history current without reading every file again.
                    let at = history
                        .iter()
                        .position(|l| l.session.started_at <= session.started_at)
                        .unwrap_or(history.len());
                    history.insert(at, LoadedSession { session, path, note: None });
                }
                (screen, none)
            }
            (screen, Message::Loaded(loaded)) => {
                let mut notices = loaded.report.messages();
                notices.extend(loaded.purged.iter().cloned());
                self.notices = notices;
                self.history = Some(loaded.report.sessions.clone());
                (screen, none)
            }
            (screen, Message::Changed(result)) => {
                match result {
                    Ok(message) if !message.is_empty() => self.notices = vec![message],
                    Ok(_) => {}
                    Err(why) => self.notices = vec![messages::failed(&why)],
                }
                (screen, Effect::Load)
            }
            (mut screen, Message::Exported { message, reload }) => {
                match &mut screen {
                    Screen::Export { state, .. } => state.set_status(message),
                    Screen::Settings(_) if !message.is_empty() => {
                        self.settings_notice = Some(message)
                    }
                    _ => {}
                }
                (screen, if reload { Effect::Load } else { none })
            }
            (Screen::Home(mut state), Message::Home(message)) => match state.update(message) {
                home::Action::StartCheck if !self.settings.intro_seen => {
                    (Screen::Intro(intro::State::BeforeFirstCheck), none)
                }
                home::Action::StartCheck => {
                    self.started_at = Some(Local::now().fixed_offset());
                    (Screen::Safety(safety::State::default()), none)
                }
                home::Action::Intro => (Screen::Intro(intro::State::FromHome), none),
                home::Action::History => self.open_history(),
                home::Action::Settings => (Screen::Settings(settings::State), none),
            },
            (Screen::Intro(mut state), Message::Intro(message)) => match state.update(message) {
                intro::Action::Home => (Screen::Home(home::State), none),
                intro::Action::StartCheck => {
                    self.started_at = Some(Local::now().fixed_offset());
                    self.settings.intro_seen = true;
                    (
                        Screen::Safety(safety::State::default()),
                        Effect::SaveSettings(self.settings.clone()),
                    )
                }
            },
            (Screen::Safety(mut state), Message::Safety(message)) => match state.update(message) {
                safety::Action::None => (Screen::Safety(state), none),
                safety::Action::Cancel => (Screen::Home(home::State), none),
                safety::Action::RedFlag(red_flags) => {
                    self.finish(Check { red_flags, ..Check::new() })
                }
                safety::Action::Done { red_flags, injury } => {
                    let check = Check { red_flags, injury: Some(injury), ..Check::new() };
                    (Screen::Setup { state: setup::State::new(injury), safety: state, check }, none)
                }
            },
            (Screen::Setup { mut state, safety, check }, Message::Setup(message)) => {
                match state.update(message) {
                    setup::Action::None => (Screen::Setup { state, safety, check }, none),
                    setup::Action::Back => (Screen::Safety(safety), none),
                    setup::Action::Start { bothered, reference_first } => (
                        Screen::Check {
                            state: Box::new(
                                check::State::new(check, bothered, reference_first)
                                    .with_auto_hold(self.settings.auto_countdown),
                            ),
                            setup: state,
                            safety,
                        },
                        none,
                    ),
                }
            }
            (Screen::Check { mut state, setup, safety }, Message::Check(message)) => {
                match state.update(message) {
                    check::Action::None => (Screen::Check { state, setup, safety }, none),
                    check::Action::Back => (
                        Screen::Setup { check: state.base_check().clone(), state: setup, safety },
                        none,
                    ),
                    check::Action::Quit => (Screen::Home(home::State), none),
                    check::Action::Finished(check) => self.finish(check),
                }
            }
            (Screen::Result(mut state), Message::Result(message)) => match state.update(message) {
                result::Action::None => (Screen::Result(state), none),
                result::Action::Call(number) => (Screen::Result(state), Effect::Call(number)),
                result::Action::Exercises => match exercises::State::new(state.outcome()) {
                    Some(cards) => (
                        Screen::Exercises {
                            state: Box::new(cards),
                            back: ExercisesBack::Result(state),
                        },
                        none,
                    ),
                    None => (Screen::Result(state), none),
                },
                result::Action::Home => (Screen::Home(home::State), none),
                result::Action::RetrySave => {
                    let effect = match &self.pending {
                        Some(session) => Effect::Save(Box::new(session.clone())),
                        None => none,
                    };
                    (Screen::Result(state), effect)
                }
            },
            (Screen::History(mut state), Message::History(message)) => {
                match state.update(message) {
                    history::Action::None => (Screen::History(state), none),
                    history::Action::Home => (Screen::Home(home::State), none),
                    history::Action::Open(index) => {
                        match self.history.as_ref().and_then(|h| h.get(index)) {
                            Some(loaded) => (Screen::Detail(detail::State::new(loaded)), none),
                            None => (Screen::History(state), none),
                        }
                    }
                    history::Action::Undo => match self.undo.take() {
                        Some(id) => (Screen::History(state), Effect::Undo(id)),
                        None => (Screen::History(state), none),
                    },
                    history::Action::Trends => {
                        let sessions = self.history.as_deref().unwrap_or_default();
                        let trend = trend_points(sessions.iter().map(|l| &l.session));
                        (Screen::Trends(Box::new(trends::State::new(trend))), none)
                    }
                    history::Action::Export => {
                        (self.export_screen(export::Scope::Range, None), none)
                    }
                }
            }
            (Screen::Detail(mut state), Message::Detail(message)) => match state.update(message) {
                detail::Action::None => (Screen::Detail(state), none),
                detail::Action::Export(id) => {
                    (self.export_screen(export::Scope::Session(id.clone()), Some(id)), none)
                }
                detail::Action::Back => self.open_history(),
                detail::Action::Exercises(id) => {
                    match self.loaded(&id).and_then(|l| exercises::State::new(&l.session.outcome)) {
                        Some(cards) => (
                            Screen::Exercises {
                                state: Box::new(cards),
                                back: ExercisesBack::Detail(id),
                            },
                            none,
                        ),
                        None => (Screen::Detail(state), none),
                    }
                }
                detail::Action::SaveNote { id, text } => {
                    (Screen::Detail(state), Effect::SetNote(id, text))
                }
                detail::Action::Delete(id) => {
                    self.undo = Some(id.clone());
                    (Screen::History(history::State::default()), Effect::Delete(id))
                }
            },
            (Screen::Exercises { mut state, back }, Message::Exercises(message)) => {
                match state.update(message) {
                    exercises::Action::None => (Screen::Exercises { state, back }, none),
                    exercises::Action::Close => match back {
                        ExercisesBack::Result(result) => (Screen::Result(result), none),
                        ExercisesBack::Detail(id) => match self.loaded(&id) {
                            Some(loaded) => (Screen::Detail(detail::State::new(loaded)), none),
                            None => self.open_history(),
                        },
                    },
                }
            }
            (Screen::Trends(mut state), Message::Trends(message)) => match state.update(message) {
                trends::Action::Back => (Screen::History(history::State::default()), none),
            },
            (Screen::Export { mut state, from }, Message::Export(message)) => {
                match state.update(message) {
                    export::Action::None => (Screen::Export { state, from }, none),
                    export::Action::Back => match from.as_ref().and_then(|id| self.loaded(id)) {
                        Some(loaded) => (Screen::Detail(detail::State::new(loaded)), none),
                        None => self.open_history(),
                    },
                    export::Action::Export { format, selection, folder } => (
                        Screen::Export { state, from },
                        Effect::Export { format, selection, folder: PathBuf::from(folder) },
                    ),
                    export::Action::Import(path) => {
                        (Screen::Export { state, from }, Effect::Import(PathBuf::from(path)))
                    }
                }
            }
            (Screen::Settings(mut state), Message::Settings(message)) => {
                match state.update(message, &self.settings) {
                    settings::Action::Back => (Screen::Home(home::State), none),
                    settings::Action::Change(settings) => {
                        self.settings = settings.clone();
                        (Screen::Settings(state), Effect::SaveSettings(settings))
                    }
                }
            }
            // A message for a screen no longer on show (a late event): ignore it.
            (screen, _) => (screen, none),
        }
    }

    /// Grades a finished (or stopped) check, shows the result and saves the session.
    fn finish(&mut self, check: Check) -> (Screen, Effect) {
        let outcome = grade(&check);
        let started_at = self.started_at.take().unwrap_or_else(|| Local::now().fixed_offset());
        let session = Session::new(check.clone(), outcome.clone(), started_at);
        self.pending = Some(session.clone());
        (
            Screen::Result(Box::new(result::State::new(check, outcome))),
            Effect::Save(Box::new(session)),
        )
    }

    /// The loaded session with `id`, if it is in the history.
    fn loaded(&self, id: &SessionId) -> Option<&LoadedSession> {
        self.history.as_ref()?.iter().find(|l| &l.session.id == id)
    }

    fn export_screen(&self, scope: export::Scope, from: Option<SessionId>) -> Screen {
        let sessions = self.history.as_deref().unwrap_or_default();
        let range = match (sessions.last(), sessions.first()) {
            (Some(oldest), Some(newest)) => Some((
                oldest.session.started_at.date_naive(),
                newest.session.started_at.date_naive(),
            )),
            _ => None,
        };
        Screen::Export { state: Box::new(export::State::new(scope, range, export_places())), from }
    }

    fn open_history(&mut self) -> (Screen, Effect) {
        (Screen::History(history::State::default()), Effect::Load)
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

    /// The window as the layouts see it: its width after the text size setting, and
    /// the illustrations' palette for the theme on show.
    pub fn viewport(&self) -> Viewport {
        let art = match self.settings.theme {
            ThemeChoice::HighContrast => Art::HighContrast,
            ThemeChoice::Dark => Art::Dark,
            ThemeChoice::System if self.system_mode == iced::theme::Mode::Dark => Art::Dark,
            ThemeChoice::System | ThemeChoice::Light => Art::Light,
        };
        Viewport { width: self.width / self.scale_factor(), art }
    }

    /// Which page is on show: each screen, each safety question and each card has its
    /// own, and a new page opens at its top (its scroll position and any other widget
    /// state start afresh).
    pub fn page(&self) -> crate::ui::widgets::page::Key {
        match &self.screen {
            Screen::Home(_) => (0, 0),
            Screen::Intro(_) => (10, 0),
            Screen::Safety(state) => (1, state.position()),
            Screen::Setup { .. } => (2, 0),
            Screen::Check { state, .. } => (3, state.position()),
            Screen::Result(_) => (4, 0),
            Screen::Exercises { state, .. } => (11, state.position()),
            Screen::History(_) => (5, 0),
            Screen::Detail(_) => (6, 0),
            Screen::Trends(_) => (7, 0),
            Screen::Export { .. } => (8, 0),
            Screen::Settings(_) => (9, 0),
        }
    }

    /// Draws the screen on show under the top bar, with the help over it when asked for.
    pub fn view(&self) -> Element<'_, Message> {
        use iced::widget::{column, stack};
        let viewport = self.viewport();
        // When the page changes, the screen's widget state (its scroll offset above
        // all) is made anew, so every page opens at its top.
        let page = crate::ui::widgets::page::page(self.page(), self.screen_view(viewport));
        let content = column![self.top_bar(viewport), page].height(iced::Length::Fill);
        // The help is a second layer, so opening it keeps the screen's state.
        let mut layers = stack![content].width(iced::Length::Fill).height(iced::Length::Fill);
        if self.show_help {
            let (topic, lines) = self.help_topic();
            layers =
                layers.push(crate::ui::widgets::help::overlay(topic, lines, Message::CloseHelp));
        }
        layers.into()
    }

    /// The bar at the top of every screen: the app's name, Quit during a check, and a
    /// Help button a touch screen can reach.
    fn top_bar(&self, viewport: Viewport) -> Element<'_, Message> {
        use crate::ui::widgets::action::{Kind, action};
        use iced::widget::{container, row, space, text};
        let quit = match &self.screen {
            Screen::Check { state, .. } if !state.confirming_quit() => Some(action(
                wording::screens::check::QUIT,
                Kind::Quiet,
                Some(Message::Check(check::Message::Quit)),
            )),
            _ => None,
        };
        let side =
            if viewport.stack() { crate::ui::style::space::M } else { crate::ui::style::space::L };
        // On a narrow window the name gives way, so Quit and Help always fit.
        let name = (!viewport.stack())
            .then(|| text(wording::APP_NAME).size(crate::ui::style::text_size::SMALL));
        container(
            row![]
                .push(name)
                .push(space::horizontal())
                .push(quit)
                .push(action(
                    wording::screens::widgets::HELP,
                    Kind::Quiet,
                    Some(Message::ToggleHelp),
                ))
                .spacing(crate::ui::style::space::S)
                .align_y(iced::Alignment::Center),
        )
        .padding([0.0, side])
        .width(iced::Length::Fill)
        .style(crate::ui::style::top_bar)
        .into()
    }

    /// What the help says about the screen on show: a heading and a few lines.
    fn help_topic(&self) -> (String, Vec<String>) {
        use wording::screens::help as words;
        match &self.screen {
            Screen::Check { state, .. } => words::step(state.card().step),
            Screen::Home(_) | Screen::Intro(_) => words::home(),
            Screen::Safety(_) => words::safety(),
            Screen::Setup { .. } => words::setup(),
            Screen::Result(_) | Screen::Exercises { .. } => words::result(),
            Screen::History(_) | Screen::Detail(_) => words::history(),
            Screen::Trends(_) => words::trends(),
            Screen::Export { .. } => words::export(),
            Screen::Settings(_) => words::settings(),
        }
    }

    fn screen_view(&self, viewport: Viewport) -> Element<'_, Message> {
        match &self.screen {
            Screen::Home(state) => state.view(viewport).map(Message::Home),
            Screen::Intro(state) => state.view(viewport).map(Message::Intro),
            Screen::Safety(state) => state.view(viewport).map(Message::Safety),
            Screen::Setup { state, .. } => state.view(viewport).map(Message::Setup),
            Screen::Check { state, .. } => state.view(viewport).map(Message::Check),
            Screen::Result(state) => state.view(viewport).map(Message::Result),
            Screen::Exercises { state, .. } => state.view(viewport).map(Message::Exercises),
            Screen::History(state) => state
                .view(
                    viewport,
                    history::Context {
                        sessions: self.history.as_deref(),
                        notices: &self.notices,
                        undo: self.undo.as_ref().map(|id| id.as_str()),
                    },
                )
                .map(Message::History),
            Screen::Detail(state) => match self.loaded(state.id()) {
                Some(loaded) => state.view(viewport, loaded).map(Message::Detail),
                None if self.history.is_none() => iced::widget::text(messages::LOADING).into(),
                None => crate::ui::widgets::frame::frame(
                    viewport,
                    iced::widget::text(messages::SESSION_GONE),
                    Some(crate::ui::widgets::action::action(
                        BACK,
                        crate::ui::widgets::action::Kind::Secondary,
                        Some(Message::Detail(detail::Message::Back)),
                    )),
                ),
            },
            Screen::Trends(state) => state.view(viewport).map(Message::Trends),
            Screen::Export { state, .. } => state.view(viewport).map(Message::Export),
            Screen::Settings(state) => state
                .view(viewport, &self.settings, self.settings_notice.as_deref())
                .map(Message::Settings),
        }
    }

    /// The theme chosen in Settings; System follows the system's light or dark mode
    /// with the app's own light and dark palettes.
    pub fn theme(&self) -> Option<Theme> {
        use crate::ui::style;
        Some(match self.settings.theme {
            ThemeChoice::System if self.system_mode == iced::theme::Mode::Dark => style::dark(),
            ThemeChoice::System | ThemeChoice::Light => style::light(),
            ThemeChoice::Dark => style::dark(),
            ThemeChoice::HighContrast => style::high_contrast(),
        })
    }

    /// The text and UI size chosen in Settings, at every window width: the layouts
    /// reflow to the narrower logical width instead (see [`Viewport`]).
    pub fn scale_factor(&self) -> f32 {
        self.settings.scale()
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether a countdown is running, so the app needs the time.
    pub fn counting(&self) -> bool {
        match &self.screen {
            Screen::Check { state, .. } => state.counting(),
            Screen::Exercises { state, .. } => state.counting(),
            _ => false,
        }
    }

    /// Window resizes, the keyboard, the system theme and, only while a countdown
    /// runs, a tick every quarter second (no timer runs otherwise: idle stays idle).
    pub fn subscription(&self) -> Subscription<Message> {
        let ticks = if self.counting() {
            // Stamped with iced's clock (the timer's own instant is another type in the
            // browser build).
            iced::time::every(std::time::Duration::from_millis(250))
                .map(|_| Message::Tick(iced::time::Instant::now()))
        } else {
            Subscription::none()
        };
        Subscription::batch([
            ticks,
            window::resize_events().map(|(_, size)| Message::Resized(size)),
            keyboard::listen().map(Message::Key),
            iced::system::theme_changes().map(Message::SystemTheme),
        ])
    }
}

/// Writes the chosen sessions into `folder`; returns a sentence saying what was written.
fn export_files(
    store: &Store,
    sessions: &[LoadedSession],
    format: export::Format,
    selection: &Selection,
    folder: &std::path::Path,
) -> Result<String, String> {
    if !folder.is_dir() {
        return Err(messages::no_such_folder(&folder.display().to_string()));
    }
    let stamp = Local::now().format("%Y-%m-%d").to_string();
    if format == export::Format::Backup {
        let target =
            folder.join(format!("tension-check-backup-{}", Local::now().format("%Y-%m-%d-%H%M%S")));
        let report = store.export_backup(&target).map_err(|e| e.to_string())?;
        let files = report.copied.len() + report.already_there.len();
        return Ok(messages::backed_up(files, &target.display().to_string()));
    }
    let entries: Vec<Entry<'_>> =
        sessions.iter().map(Entry::from).filter(|e| selection.matches(e.session)).collect();
    if entries.is_empty() {
        return Err(messages::NOTHING_TO_EXPORT.to_string());
    }
    let now = Local::now().fixed_offset();
    let (bytes, extension) = match format {
        export::Format::Pdf => (crate::export::pdf::report_pdf(&entries, now), "pdf"),
        export::Format::Html => {
            (crate::export::html::report_html(&entries, now).into_bytes(), "html")
        }
        _ => (crate::export::csv::sessions_csv(&entries).into_bytes(), "csv"),
    };
    for n in 1..=100 {
        let name = match n {
            1 => format!("tension-check-{stamp}.{extension}"),
            n => format!("tension-check-{stamp}-{n}.{extension}"),
        };
        match crate::export::write(&folder.join(name), &bytes, false) {
            Ok(path) => {
                return Ok(messages::exported(entries.len(), &path.display().to_string()));
            }
            Err(crate::export::ExportError::Exists { .. }) => continue,
            Err(error) => return Err(error.to_string()),
        }
    }
    Err(messages::TOO_MANY_EXPORTS.to_string())
}

/// The person's usual folders that exist, offered on the export screen with one
/// tap each: Documents, Downloads, Desktop, then the home folder.
#[cfg(not(target_arch = "wasm32"))]
fn export_places() -> Vec<export::Place> {
    use crate::core::wording::screens::export as words;
    let mut places: Vec<export::Place> = Vec::new();
    let mut add = |label: &'static str, dir: Option<&std::path::Path>| {
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            let path = dir.display().to_string();
            if !places.iter().any(|p| p.path == path) {
                places.push(export::Place { label, path });
            }
        }
    };
    if let Some(dirs) = directories::UserDirs::new() {
        add(words::DOCUMENTS, dirs.document_dir());
        add(words::DOWNLOADS, dirs.download_dir());
        add(words::DESKTOP, dirs.desktop_dir());
        add(words::HOME, Some(dirs.home_dir()));
    }
    places
}

/// The browser build saves nothing to folders.
#[cfg(target_arch = "wasm32")]
fn export_places() -> Vec<export::Place> {
    Vec::new()
}

fn is_note(path: &std::path::Path) -> bool {
    path.to_string_lossy().ends_with(".note.ron")
}

/// The iced application around an app made by `make`, with everything both the desktop
/// and the browser builds share.
fn application(
    make: impl Fn() -> App + 'static,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = Theme>> {
    iced::application(
        move || {
            let mut app = make();
            let task = app.boot_task();
            (app, task)
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .scale_factor(App::scale_factor)
    .subscription(App::subscription)
    // Fira Sans is embedded (iced's `fira-sans` feature): start-up does not wait for
    // the system's fonts, and the window matches the tested snapshots.
    .default_font(iced::Font::with_name("Fira Sans"))
}

/// Runs the app in a web page, keeping sessions in the browser's localStorage.
#[cfg(target_arch = "wasm32")]
pub fn run_web() -> iced::Result {
    application(|| {
        let mut app = App::new();
        app.store_error = Some(messages::NOT_IN_BROWSER.into());
        app
    })
    .run()
}

/// Runs the desktop app, saving into `data_dir`.
pub fn run(data_dir: PathBuf) -> iced::Result {
    application(move || App::with_data_dir(data_dir.clone()))
        .window(window::Settings {
            size: DEFAULT_SIZE,
            min_size: Some(MIN_SIZE),
            icon: crate::ui::assets::window_icon(),
            // Matches the .desktop file, so Linux desktops show the right icon and name.
            #[cfg(target_os = "linux")]
            platform_specific: window::settings::PlatformSpecific {
                application_id: "tension-check".to_string(),
                ..Default::default()
            },
            ..window::Settings::default()
        })
        .run()
}
