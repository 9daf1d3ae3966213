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
    LoadedSession, Session, SessionId, SessionStore, SessionSummary, Store, Summaries, Unavailable,
};
use crate::ui::keys;
use crate::ui::screens::{
    check, detail, exercises, export, history, home, intro, result, safety, settings, setup, trends,
};
use crate::ui::viewport::{Art, Viewport};

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod draft;
mod effects;
mod route;
mod view;

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
    /// Mute the voice and the sound, or turn both back on (the mute button of a card).
    Mute(bool),
    /// The system switched between light and dark.
    SystemTheme(iced::theme::Mode),
    /// Time passed, while a hold countdown runs.
    Tick(iced::time::Instant),
    /// The window's new size, as iced reports it: in its logical pixels, which are
    /// already divided by the text size setting in force.
    Resized(Size),
    Key(keyboard::Event),
    /// A session was saved (or not).
    Saved(SessionId, Result<(), String>),
    /// The window showed its first frame: time to read the history.
    FirstFrame,
    /// The history was loaded.
    Loaded(Arc<Loaded>),
    /// A session opened from the history was read (or not).
    Opened(SessionId, Result<Box<LoadedSession>, String>),
    /// A change to the history (note, delete, undo) finished; reload it.
    Changed(Result<String, String>),
    /// An export, backup or import finished, with a sentence for the person.
    Exported {
        message: String,
        reload: bool,
    },
    /// The browser test asks where a text is shown (only with `?test-hooks`).
    #[cfg(target_arch = "wasm32")]
    Hook(crate::web::hooks::Request),
}

/// What loading the history found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The sessions' summaries and what was left out.
    pub summaries: Summaries,
    /// Sentences about the trash, if anything was emptied.
    pub purged: Vec<String>,
    /// The session on show, read again, when the detail screen is open.
    pub opened: Option<(SessionId, Result<Box<LoadedSession>, String>)>,
}

/// Disk work the app asks for.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Save(Box<Session>),
    /// Read the summaries again (and the session on show, if any).
    Load,
    /// Read the summaries once the app has started, as background work (see
    /// [`App::subscription`]): purges the old trash, keeps the index current and
    /// reports damaged files.
    Preload,
    /// Read one session in full, to show it.
    Open(SessionId),
    SetNote(SessionId, String),
    Delete(SessionId),
    Undo(SessionId),
    Export {
        format: export::Format,
        selection: Selection,
        folder: PathBuf,
    },
    Import(PathBuf),
    /// Hand over the set-aside entries as one file (the browser build), or with
    /// `remove`, remove them for good.
    SetAside {
        remove: bool,
    },
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
    /// The window's width in logical pixels before the text size setting (see
    /// [`App::set_width`]); [`App::viewport`] divides it by that setting.
    width: f32,
    /// Where sessions are kept: a data folder, the browser's storage, or nowhere
    /// (with the reason).
    store: Arc<dyn SessionStore>,
    started_at: Option<DateTime<FixedOffset>>,
    /// The finished session not yet on disk (kept while saving, or after a failure).
    pending: Option<Session>,
    /// The summaries of the saved sessions, newest first, once loaded.
    history: Option<Vec<SessionSummary>>,
    /// Whether the history has been asked for (after the first frame, or when the
    /// person opened it first).
    history_asked: bool,
    notices: Vec<String>,
    undo: Option<SessionId>,
    settings: Settings,
    settings_notice: Option<String>,
    show_help: bool,
    /// The system's light or dark mode, followed when the theme setting is System.
    system_mode: iced::theme::Mode,
    /// The check in progress as last kept (RON): in the browser's storage, or on the
    /// desktop through the store, in `draft.ron`.
    draft_kept: Option<String>,
    /// The check just stopped at a card, while its result is on show: "I tapped stop
    /// by mistake" takes it up again.
    stopped: Option<Stopped>,
    /// A session whose save was under way when its stop was taken back: removed
    /// (to the trash) as soon as the save is done.
    discard: Option<SessionId>,
    /// Whether emergency numbers are tap-to-call buttons (a phone's browser).
    call_buttons: bool,
    /// The voice and the tones (silent where there is no sound device, or in tests).
    speaker: Arc<dyn Speaker>,
    /// Cues gathered while handling a message, played once the page on show is known.
    cues: Vec<crate::core::Cue>,
    /// Whether a key has been pressed: the help then lists the keyboard shortcuts.
    keyboard_seen: bool,
    /// Whether the system asks for reduced motion (the browser's
    /// prefers-reduced-motion).
    system_reduce_motion: bool,
    /// The time, for the tap guard: the system's, or a test's.
    clock: Clock,
    /// The page on show and when it opened (see [`App::guard_until`]).
    page_opened: Option<(crate::ui::widgets::page::Key, Option<iced::time::Instant>)>,
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
            store: Arc::new(Unavailable::new(messages::NO_DATA_FOLDER)),
            started_at: None,
            pending: None,
            history: None,
            history_asked: false,
            notices: Vec::new(),
            undo: None,
            settings: Settings::default(),
            settings_notice: None,
            draft_kept: None,
            show_help: false,
            system_mode: iced::theme::Mode::None,
            stopped: None,
            discard: None,
            call_buttons: cfg!(target_arch = "wasm32"),
            speaker: Arc::new(Silent),
            system_reduce_motion: false,
            keyboard_seen: false,
            cues: Vec::new(),
            clock: Clock::system(),
            page_opened: None,
        }
    }

    /// Whether drawings show their movement: not with the "reduce motion" setting, nor
    /// where the system asks for reduced motion (the browser's prefers-reduced-motion).
    pub fn moving_drawings(&self) -> bool {
        !(self.settings.reduce_motion || self.system_reduce_motion)
    }

    /// Whether the voice and the sound are both off.
    pub fn muted(&self) -> bool {
        !(self.settings.voice || self.settings.sound)
    }

    /// The same app speaking and sounding through `speaker`.
    pub fn with_speaker(mut self, speaker: Arc<dyn Speaker>) -> Self {
        self.speaker = speaker;
        self
    }

    /// Plays the cues gathered while handling a message, as the voice and sound
    /// settings allow.
    fn play_cues(&mut self) {
        if let Screen::Check { state, .. } = &mut self.screen {
            self.cues.extend(state.take_cues());
        }
        let (voice, sound) = (self.settings.voice, self.settings.sound);
        for cue in std::mem::take(&mut self.cues) {
            for output in crate::sound::render(&cue, voice, sound) {
                self.speaker.perform(&output);
            }
        }
    }

    /// The same app with (or without) tap-to-call buttons for emergency numbers, as
    /// the browser build has them.
    pub fn with_call_buttons(mut self, calls: bool) -> Self {
        self.call_buttons = calls;
        self
    }

    /// The same app telling the time by `clock` (a test's manual clock).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Until when a press on the page on show is ignored: [`TAP_GUARD`] after the
    /// page opened, so that the second tap of a double tap, or a tap that began on
    /// the page before, cannot answer what the person has not yet seen. `None`
    /// before the first page change (the first page needs no guard).
    ///
    /// [`TAP_GUARD`]: crate::ui::widgets::page::TAP_GUARD
    pub fn guard_until(&self) -> Option<iced::time::Instant> {
        let (_, opened) = self.page_opened?;
        opened.map(|at| at + crate::ui::widgets::page::TAP_GUARD)
    }

    /// Notes the time when the page on show changed.
    fn note_page(&mut self) {
        let key = self.page();
        match self.page_opened {
            Some((shown, _)) if shown == key => {}
            Some(_) => {
                self.page_opened = Some((key, Some(self.clock.now())));
                // What was being said belongs to the page left.
                self.speaker.hush();
            }
            // The first page: remembered, not guarded.
            None => self.page_opened = Some((key, None)),
        }
    }

    /// A new app saving into the data folder `dir`. If the folder cannot be opened the
    /// app still runs; saving then fails with the reason, shown to the person.
    pub fn with_data_dir(dir: PathBuf) -> Self {
        let mut app = App::new();
        app.store = match Store::open_untidied(&dir) {
            Ok(store) => {
                let store = Arc::new(store);
                effects::tidy_in_background(store.clone());
                store
            }
            Err(error) => Arc::new(Unavailable::new(error.to_string()).keeping_settings_in(dir)),
        };
        let (settings, notice) = app.store.load_settings();
        app.settings = settings;
        app.settings_notice = notice;
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
        match check::State::resume(draft, self.settings.auto_countdown) {
            Some(state) => {
                let state = state
                    .with_voice(self.settings.voice)
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

    /// The summaries of the saved sessions, newest first, once loaded.
    pub fn history(&self) -> Option<&[SessionSummary]> {
        self.history.as_deref()
    }

    /// Tells the app how wide its window is, before its own scaling (layouts change at [`crate::ui::style::WIDE`]).
    pub fn set_width(&mut self, width: f32) {
        self.width = width;
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

/// Runs the app in a web page, keeping sessions and settings in the browser's
/// IndexedDB (read before the app starts: see `crate::web`).
#[cfg(target_arch = "wasm32")]
pub fn run_web() -> iced::Result {
    application(|| {
        let files = crate::web::page::files();
        let store: Arc<dyn SessionStore> = match crate::web::page::problem() {
            Some(why) => Arc::new(Unavailable::new(why).keeping_settings_with(files.clone())),
            None => files.clone(),
        };
        let (settings, notice) = store.load_settings();
        let mut app = App::new()
            .with_store(store)
            .with_settings(settings)
            .with_speaker(crate::sound::default_speaker());
        app.system_reduce_motion = crate::web::voice::reduced_motion();
        app.settings_notice = notice;
        // A check the page was showing when it was closed or reloaded goes on.
        let kept = crate::web::page::draft();
        if let Some(draft) = kept.as_deref().and_then(|text| ron::from_str::<Draft>(text).ok())
            && app.resume(draft)
        {
            app.draft_kept = kept;
        }
        app
    })
    .run()
}

/// Runs the desktop app, saving into `data_dir`.
pub fn run(data_dir: PathBuf) -> iced::Result {
    application(move || {
        App::with_data_dir(data_dir.clone()).with_speaker(crate::sound::default_speaker())
    })
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
