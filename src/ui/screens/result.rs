//! The result. It leads with what to do: on an emergency the call to action comes
//! before anything else; then the tier, one line of what to do now, the action block
//! of urgent and stop results, what to do next, and only then why (the three most
//! telling reasons, the rest a tap away, grouped by leg) and each leg.

use crate::core::wording::screens::result as words;
use iced::widget::{column, row, text};
use iced::{Element, Length};

use crate::core::grading::asks_both_legs_again;
use crate::core::{Check, Outcome, advice};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::frame::frame_with_width;

mod again;
mod blocks;
mod lead;
mod why;

/// How many reasons show before "Show all".
pub const REASONS_SHOWN: usize = 3;

/// A graded check on screen.
#[derive(Debug, Clone)]
pub struct State {
    check: Check,
    outcome: Outcome,
    save: SaveStatus,
    all_reasons: bool,
    /// Whether each emergency number is a tap-to-call button (a phone's browser).
    calls: bool,
    /// How the check was just stopped, while the stop can still be taken back.
    undo: Option<StopKind>,
    /// The both-legs question is to be asked again before the result (and the
    /// session is saved only with its answer).
    asking_again: bool,
}

/// How a check was stopped at a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// With the stop button.
    Button,
    /// By answering Yes to a question whose Yes stops the test.
    Answer,
}

/// Whether the session has reached the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saving,
    Saved,
    Failed(String),
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Done,
    Retry,
    /// Show every reason, or only the most telling.
    AllReasons(bool),
    /// Open the exercise cards.
    Exercises,
    /// Call an emergency number (the browser build, on a phone).
    Call(&'static str),
    /// "I tapped stop by mistake": back to the card where the check stopped.
    UndoStop,
    /// The answer to the both-legs question asked again.
    BothLegsAgain(bool),
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Home,
    RetrySave,
    Exercises,
    Call(&'static str),
    /// Back to the card where the check stopped, with its answers.
    UndoStop,
    /// Grade and save the check again with this answer to the both-legs question.
    BothLegsAgain(bool),
}

/// Whether a result offers the exercise cards: only nerve tension, hamstring
/// tightness or both, never after a red flag, a stop or a suspected strain.
pub fn offers_exercises(outcome: &Outcome) -> bool {
    advice::guidance(outcome).iter().any(|a| a.is_exercise())
}

impl State {
    /// Shows `outcome`, the grade of `check`.
    pub fn new(check: Check, outcome: Outcome) -> Self {
        let asking_again = asks_both_legs_again(&check);
        State {
            check,
            outcome,
            save: SaveStatus::Saving,
            all_reasons: false,
            calls: cfg!(target_arch = "wasm32"),
            undo: None,
            asking_again,
        }
    }

    /// Whether the result first asks the both-legs question again.
    pub fn asking_again(&self) -> bool {
        self.asking_again
    }

    /// The same result with (or without) a tap-to-call button for each emergency
    /// number; the browser build has them, the desktop not.
    pub fn with_calls(mut self, calls: bool) -> Self {
        self.calls = calls;
        self
    }

    /// The same result of a check just stopped by `kind`, offering to take it back.
    pub fn with_undo(mut self, kind: StopKind) -> Self {
        self.undo = Some(kind);
        self
    }

    /// The graded outcome.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Records whether saving worked.
    pub fn set_save_status(&mut self, status: SaveStatus) {
        self.save = status;
    }

    /// Whether the session has been saved.
    pub fn save_status(&self) -> &SaveStatus {
        &self.save
    }

    /// The check that was graded.
    pub fn check(&self) -> &Check {
        &self.check
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Done => Action::Home,
            Message::Retry => {
                self.save = SaveStatus::Saving;
                Action::RetrySave
            }
            Message::AllReasons(all) => {
                self.all_reasons = all;
                Action::None
            }
            Message::Exercises => Action::Exercises,
            Message::Call(number) => Action::Call(number),
            Message::UndoStop if self.undo.is_some() => Action::UndoStop,
            Message::UndoStop => Action::None,
            Message::BothLegsAgain(yes) => Action::BothLegsAgain(yes),
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        if self.asking_again {
            return match key {
                Shortcut::Yes => Some(Message::BothLegsAgain(true)),
                Shortcut::No => Some(Message::BothLegsAgain(false)),
                _ => None,
            };
        }
        (key == Shortcut::Primary).then_some(Message::Done)
    }

    /// Draws the result: what to do first, then why and each leg. On a desktop-wide
    /// window the two halves sit side by side.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        if self.asking_again {
            return again::view(viewport);
        }
        let lead = self.lead();
        let detail = self.detail();
        let body: Element<'_, Message> = if viewport.desktop() {
            row![lead.width(Length::Fill), detail.width(Length::Fill)].spacing(space::XXL).into()
        } else {
            column![lead, detail].spacing(space::L).into()
        };
        let width = if viewport.desktop() { style::CARD_WIDTH } else { style::READING_WIDTH };
        frame_with_width(viewport, width, body, Some(self.actions()))
    }

    /// Whether the session is saved (and Retry when saving failed), over Done.
    fn actions(&self) -> Element<'_, Message> {
        let status: Element<'_, Message> = match &self.save {
            SaveStatus::Saving => text(words::SAVING).size(text_size::SMALL).into(),
            SaveStatus::Saved => text(words::SAVED).size(text_size::SMALL).into(),
            SaveStatus::Failed(why) => text(words::not_saved(why)).size(text_size::SMALL).into(),
        };
        let retry = matches!(self.save, SaveStatus::Failed(_))
            .then(|| action(words::RETRY, Kind::Secondary, Some(Message::Retry)));
        column![
            status,
            row![action(words::DONE, Kind::Primary, Some(Message::Done))]
                .push(retry)
                .spacing(space::S)
        ]
        .spacing(space::XS)
        .into()
    }
}
