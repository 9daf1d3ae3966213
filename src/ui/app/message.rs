//! What flows through the app: its messages (a screen's, the window's, and the
//! answers of background work, one per outcome) and the disk work it asks for.

use std::path::PathBuf;
use std::sync::Arc;

use iced::{Size, keyboard};

use crate::export::Selection;
use crate::settings::Settings;
use crate::store::{LoadedSession, Session, SessionId, Summaries};
use crate::ui::outcome::{Failure, Notice};
use crate::ui::screens::{
    check, detail, exercises, export, history, home, intro, result, safety, settings, setup, trends,
};

/// Which page is on show (see [`App::page`](super::App::page)): a screen, and on
/// the screens of several pages, which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKey {
    Home,
    Intro,
    /// The safety question at this position.
    Safety(usize),
    Setup,
    /// The check's card at this position.
    Card(usize),
    Result,
    /// The exercise card at this position.
    Exercise(usize),
    History,
    Detail,
    Trends,
    Export,
    Settings,
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
    /// A message from the page `key` (see [`App::page`]): acted on only while that
    /// page is still on show.
    OnPage(PageKey, Box<Message>),
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
    Saved(SessionId, Result<(), Failure>),
    /// The window showed its first frame: time to read the history.
    FirstFrame,
    /// The history was loaded.
    Loaded(Arc<Loaded>),
    /// A session opened from the history was read (or not).
    Opened(SessionId, Result<Box<LoadedSession>, Failure>),
    /// A session's note was saved (or not); the history is read again.
    NoteSaved(Result<(), Failure>),
    /// A session was moved to the trash (or not); the history is read again.
    Deleted(Result<(), Failure>),
    /// A deleted session was brought back (or not); the history is read again.
    Restored(Result<(), Failure>),
    /// A report or a backup was written or handed over, with what it holds.
    Exported(Result<Notice, Failure>),
    /// An import finished, with what it found; the history is read again.
    Imported(Result<Notice, Failure>),
    /// The set-aside entries were removed for good (how many), or not.
    SetAsideRemoved(Result<usize, Failure>),
    /// The settings were saved (or not).
    SettingsSaved(Result<(), Failure>),
    /// The thread doing disk work stopped before it answered; the history is read
    /// again.
    WorkStopped,
    /// The browser test asks where a text is shown (only with `?test-hooks`).
    #[cfg(target_arch = "wasm32")]
    Hook(crate::web::hooks::Request),
}

impl Message {
    /// The message itself, without the page it was stamped with (see
    /// [`Message::OnPage`]).
    pub fn unstamped(&self) -> &Message {
        match self {
            Message::OnPage(_, message) => message.unstamped(),
            message => message,
        }
    }
}

/// What loading the history found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The sessions' summaries and what was left out.
    pub summaries: Summaries,
    /// Sentences about the trash, if anything was emptied.
    pub purged: Vec<String>,
    /// The session on show, read again, when the detail screen is open.
    pub opened: Option<(SessionId, Result<Box<LoadedSession>, Failure>)>,
}

/// Disk work the app asks for.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Save(Box<Session>),
    /// Read the summaries again (and the session on show, if any).
    Load,
    /// Read the summaries once the app has started, as background work (see
    /// [`App::subscription`](super::App::subscription)): purges the old trash, keeps
    /// the index current and reports damaged files.
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
    /// Hand over the set-aside entries as one file (the browser build).
    HandOverSetAside,
    /// Remove the set-aside entries for good.
    RemoveSetAside,
    SaveSettings(Settings),
    /// Open the phone's dialler on an emergency number (the browser build).
    Call(&'static str),
    /// Close the app (Ctrl+Q / Cmd+Q).
    Exit,
}
