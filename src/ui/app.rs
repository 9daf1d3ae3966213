//! The application: routes between screens, carries a check from one to the next and
//! talks to the session store. Disk work runs off the UI thread as iced tasks.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Local, Utc};
use iced::{Element, Size, Subscription, Task, Theme, keyboard, window};

use crate::clock::Clock;
use crate::core::grading::asks_both_legs_again;
use crate::core::wording::screens::messages;
use crate::core::{Check, Draft, grade, wording};
use crate::export::{Entry, Selection};
use crate::settings::{Settings, ThemeChoice};
use crate::sound::{Silent, Speaker};
use crate::store::{
    LoadedSession, Session, SessionId, SessionStore, SessionSummary, Store, Unavailable,
};
use crate::ui::keys;
use crate::ui::screens::{
    check, detail, exercises, export, history, home, intro, result, safety, settings, setup, trends,
};
use crate::ui::viewport::{Art, Viewport};

mod answers;
mod browse;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod draft;
mod effects;
mod flow;
mod history_load;
mod message;
mod report;
mod route;
mod run;
mod view;

pub use message::{Effect, Loaded, Message, PageKey};
#[cfg(not(target_arch = "wasm32"))]
pub use run::run;
#[cfg(target_arch = "wasm32")]
pub use run::run_web;

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

impl Screen {
    /// Whether the screen shows or works from the history's summaries (the list, a
    /// session of it, its trends, its export).
    pub fn uses_history(&self) -> bool {
        matches!(
            self,
            Screen::History(_) | Screen::Detail(_) | Screen::Trends(_) | Screen::Export { .. }
        )
    }
}

/// A check stopped at a card, kept while its result is on show so that a stop made
/// by mistake can be taken back.
#[derive(Debug, Clone)]
struct Stopped {
    state: Box<check::State>,
    setup: setup::State,
    safety: safety::State,
    /// The stopped session, saved or being saved.
    id: SessionId,
    started_at: DateTime<FixedOffset>,
}

/// Where the exercise cards return to.
#[derive(Debug, Clone)]
pub enum ExercisesBack {
    /// The result they were opened from.
    Result(Box<result::State>),
    /// The session of the history they were opened from.
    Detail(Box<detail::State>),
}

/// The whole application state: the screen on show, the store, and the rest in
/// groups by what they serve.
#[derive(Debug)]
pub struct App {
    screen: Screen,
    /// Where sessions are kept: a data folder, the browser's storage, or nowhere
    /// (with the reason).
    store: Arc<dyn SessionStore>,
    run: Run,
    records: Records,
    prefs: Prefs,
    window: WindowState,
    voice: Voice,
}

/// The check under way, and the session it became until it is safely saved.
#[derive(Debug, Default)]
struct Run {
    /// When the check began (its first safety question).
    started_at: Option<DateTime<FixedOffset>>,
    /// The finished session not yet on disk (kept while saving, or after a failure).
    pending: Option<Session>,
    /// The check just stopped at a card, while its result is on show: "I tapped stop
    /// by mistake" takes it up again.
    stopped: Option<Stopped>,
    /// A session whose save was under way when its stop was taken back: removed
    /// (to the trash) as soon as the save is done.
    discard: Option<SessionId>,
    /// The check in progress as last kept (RON): in the browser's storage, or on the
    /// desktop through the store, in `draft.ron`.
    draft_kept: Option<String>,
}

/// The history as the screens that use it see it.
#[derive(Debug, Default)]
struct Records {
    /// The summaries of the saved sessions, newest first, once loaded.
    summaries: Option<Vec<SessionSummary>>,
    /// Whether the history has been asked for (after the first frame, or when the
    /// person opened it first).
    asked: bool,
    /// Sentences about the last load or change (damaged files, a note saved).
    notices: Vec<String>,
    /// The session just deleted, which History offers to bring back.
    undo: Option<SessionId>,
}

/// The person's settings, and what the system asks for.
#[derive(Debug)]
struct Prefs {
    settings: Settings,
    /// A sentence about the settings file (set aside as broken, not saved).
    notice: Option<String>,
    /// The system's light or dark mode, followed when the theme setting is System.
    system_mode: iced::theme::Mode,
    /// Whether the system asks for reduced motion (the browser's
    /// prefers-reduced-motion).
    system_reduce_motion: bool,
}

/// The window, and the page on show in it.
#[derive(Debug)]
struct WindowState {
    /// The window's width in logical pixels before the text size setting (see
    /// [`App::set_width`]); [`App::viewport`] divides it by that setting.
    width: f32,
    show_help: bool,
    /// Whether a key has been pressed: the help then lists the keyboard shortcuts.
    keyboard_seen: bool,
    /// Whether emergency numbers are tap-to-call buttons (a phone's browser).
    call_buttons: bool,
    /// The time, for the tap guard: the system's, or a test's.
    clock: Clock,
    /// The page on show and when it opened (see [`App::guard_until`]).
    page_opened: Option<(PageKey, Option<iced::time::Instant>)>,
}

/// The voice and the tones.
#[derive(Debug)]
struct Voice {
    /// Silent where there is no sound device, or in tests.
    speaker: Arc<dyn Speaker>,
    /// Cues gathered while handling a message, played once the page on show is known.
    cues: Vec<crate::core::Cue>,
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
            store: Arc::new(Unavailable::new(messages::NO_DATA_FOLDER)),
            run: Run::default(),
            records: Records::default(),
            prefs: Prefs {
                settings: Settings::default(),
                notice: None,
                system_mode: iced::theme::Mode::None,
                system_reduce_motion: false,
            },
            window: WindowState {
                width: DEFAULT_SIZE.width,
                show_help: false,
                keyboard_seen: false,
                call_buttons: cfg!(target_arch = "wasm32"),
                clock: Clock::system(),
                page_opened: None,
            },
            voice: Voice { speaker: Arc::new(Silent), cues: Vec::new() },
        }
    }

    /// Whether drawings show their movement: not with the "reduce motion" setting, nor
    /// where the system asks for reduced motion (the browser's prefers-reduced-motion).
    pub fn moving_drawings(&self) -> bool {
        !(self.prefs.settings.reduce_motion || self.prefs.system_reduce_motion)
    }

    /// Whether the voice and the sound are both off.
    pub fn muted(&self) -> bool {
        !(self.prefs.settings.voice || self.prefs.settings.sound)
    }

    /// The same app speaking and sounding through `speaker`.
    pub fn with_speaker(mut self, speaker: Arc<dyn Speaker>) -> Self {
        self.voice.speaker = speaker;
        self
    }

    /// Plays the cues gathered while handling a message, as the voice and sound
    /// settings allow.
    fn play_cues(&mut self) {
        if let Screen::Check { state, .. } = &mut self.screen {
            self.voice.cues.extend(state.take_cues());
        }
        let (voice, sound) = (self.prefs.settings.voice, self.prefs.settings.sound);
        for cue in std::mem::take(&mut self.voice.cues) {
            for output in crate::sound::render(&cue, voice, sound) {
                self.voice.speaker.perform(&output);
            }
        }
    }

    /// The same app with (or without) tap-to-call buttons for emergency numbers, as
    /// the browser build has them.
    pub fn with_call_buttons(mut self, calls: bool) -> Self {
        self.window.call_buttons = calls;
        self
    }

    /// The same app telling the time by `clock` (a test's manual clock).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.window.clock = clock;
        self
    }

    /// Until when a press on the page on show is ignored: [`TAP_GUARD`] after the
    /// page opened, so that the second tap of a double tap, or a tap that began on
    /// the page before, cannot answer what the person has not yet seen. `None`
    /// before the first page change (the first page needs no guard).
    ///
    /// [`TAP_GUARD`]: crate::ui::widgets::page::TAP_GUARD
    pub fn guard_until(&self) -> Option<iced::time::Instant> {
        let (_, opened) = self.window.page_opened?;
        opened.map(|at| at + crate::ui::widgets::page::TAP_GUARD)
    }

    /// Notes the time when the page on show changed.
    fn note_page(&mut self) {
        let key = self.page();
        match self.window.page_opened {
            Some((shown, _)) if shown == key => {}
            Some(_) => {
                self.window.page_opened = Some((key, Some(self.window.clock.now())));
                // What was being said belongs to the page left.
                self.voice.speaker.hush();
            }
            // The first page: remembered, not guarded.
            None => self.window.page_opened = Some((key, None)),
        }
    }

    /// A new app saving into the data folder `dir`. If the folder cannot be opened the
    /// app still runs; saving then fails with the reason, shown to the person.
    pub fn with_data_dir(dir: PathBuf) -> Self {
        let mut app = App::new();
        app.store = match Store::open_untidied(&dir) {
            Ok(store) => {
                let store = Arc::new(store);
                history_load::tidy_in_background(store.clone());
                store
            }
            Err(error) => Arc::new(Unavailable::new(error.to_string()).keeping_settings_in(dir)),
        };
        let (settings, notice) = app.store.load_settings();
        app.prefs.settings = settings;
        app.prefs.notice = notice;
        // A check that was in progress when the window closed or the app died goes on.
        #[cfg(not(target_arch = "wasm32"))]
        app.take_up_kept_draft();
        app
    }

    /// The check in progress, as it can be kept and taken up again ([`App::resume`]).
    pub fn draft(&self) -> Option<Draft> {
        match &self.screen {
            Screen::Check { state, .. } => Some(state.draft()),
            _ => None,
        }
    }

    /// Takes up a kept check on the card where it stood; `false` (the screen stays as
    /// it was) if the draft cannot be taken up.
    pub fn resume(&mut self, draft: Draft) -> bool {
        let skip_stretch = draft.check.injury == Some(true);
        match check::State::resume(draft, self.prefs.settings.auto_countdown) {
            Some(state) => {
                let state = state
                    .with_voice(self.prefs.settings.voice)
                    .with_motion(self.moving_drawings())
                    .with_muted(self.muted());
                self.screen = Screen::Check {
                    state: Box::new(state),
                    setup: setup::State::new(skip_stretch),
                    safety: safety::State::default(),
                };
                true
            }
            None => false,
        }
    }

    /// The same app keeping its sessions in `store`.
    pub fn with_store(mut self, store: Arc<dyn SessionStore>) -> Self {
        self.store = store;
        self
    }

    /// The same app with `settings` in force (not saved).
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.prefs.settings = settings;
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

    /// The summaries of the saved sessions, newest first, once loaded.
    pub fn history(&self) -> Option<&[SessionSummary]> {
        self.records.summaries.as_deref()
    }

    /// Tells the app how wide its window is, before its own scaling (layouts change at [`crate::ui::style::WIDE`]).
    pub fn set_width(&mut self, width: f32) {
        self.window.width = width;
    }

    /// The work to start with: asking the system for its light or dark mode. The
    /// history's summaries are read once the first frame is on screen (see
    /// [`App::subscription`]), so that reading them never delays it.
    pub fn boot_task(&mut self) -> Task<Message> {
        iced::system::theme().map(Message::SystemTheme)
    }
    /// Handles a message; disk work is returned as a task.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        #[cfg(target_arch = "wasm32")]
        if let Message::Hook(request) = message {
            return crate::web::hooks::answer(request, self.scale_factor());
        }
        let effect = self.handle(message);
        let task = self.perform(effect);
        // The browser keeps the check in progress, so a reload takes it up again.
        #[cfg(target_arch = "wasm32")]
        let task = Task::batch([task, self.keep_draft()]);
        task
    }
}
