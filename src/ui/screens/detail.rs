//! One saved session in full: the result with its reasons, every answer step by step
//! and per leg, and a note, the only thing that can be changed after saving.

use crate::core::wording::screens::{self as common, detail as words, leg_title};
use iced::widget::{Column, column, container, row, text, text_input};
use iced::{Element, Length};

use crate::core::wording;
use crate::export::answers;
use crate::store::{LoadedSession, Session, SessionId};
use crate::ui::keys::Shortcut;
use crate::ui::outcome::Failure;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action, bar, confirm};
use crate::ui::widgets::frame::frame;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

/// The session on show (loaded when the screen opens), the note being edited and
/// whether a delete is being confirmed.
#[derive(Debug, Clone)]
pub struct State {
    id: SessionId,
    session: Status,
    note: String,
    confirm_delete: bool,
    /// The tier today's rules give, when it differs from the one saved (graded once,
    /// when the session opens, not on every frame).
    regraded: Option<crate::core::Tier>,
}

/// Where the session on show is.
#[derive(Debug, Clone)]
pub enum Status {
    /// Being read.
    Loading,
    /// It could not be read; why, in plain words.
    Failed(String),
    /// Read, with its note as saved.
    Ready(Box<LoadedSession>),
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    NoteChanged(String),
    SaveNote,
    Delete,
    ConfirmDelete,
    CancelDelete,
    Export,
    Exercises,
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    SaveNote { id: SessionId, text: String },
    Delete(SessionId),
    Export(SessionId),
    Exercises(SessionId),
    Back,
}

impl State {
    /// Opens a session of the history. The screen keeps the session's id, not its place
    /// in the list, so a reload that changes the list never points it at another session.
    pub fn new(loaded: &LoadedSession) -> Self {
        let mut state = State::loading(loaded.session.id.clone());
        state.opened(Ok(loaded.clone()));
        state
    }

    /// Opens the session `id` while it is read; see [`State::opened`].
    pub fn loading(id: SessionId) -> Self {
        State {
            id,
            session: Status::Loading,
            note: String::new(),
            confirm_delete: false,
            regraded: None,
        }
    }

    /// The session was read (or not): shows it, with its note ready to edit.
    pub fn opened(&mut self, result: Result<LoadedSession, Failure>) {
        let typed = std::mem::take(&mut self.note);
        self.refreshed(result);
        self.note = match &self.session {
            Status::Ready(loaded) => {
                loaded.note.as_ref().map(|n| n.text.clone()).unwrap_or_default()
            }
            _ => typed,
        };
    }

    /// The session was read again (after a change): shows what is saved now,
    /// keeping the note as typed.
    pub fn refreshed(&mut self, result: Result<LoadedSession, Failure>) {
        self.session = match result {
            Ok(loaded) if loaded.session.id == self.id => {
                let saved = &loaded.session.outcome;
                let today = crate::core::grade(&loaded.session.check);
                self.regraded = (today.tier != saved.tier || today.strength != saved.strength)
                    .then_some(today.tier);
                Status::Ready(Box::new(loaded))
            }
            Ok(_) => return,
            Err(why) => Status::Failed(why.to_string()),
        };
    }

    /// The session on show.
    pub fn id(&self) -> &SessionId {
        &self.id
    }

    /// The session, once read.
    pub fn loaded(&self) -> Option<&LoadedSession> {
        match &self.session {
            Status::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    /// Whether the session is still being read.
    pub fn is_loading(&self) -> bool {
        matches!(self.session, Status::Loading)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::NoteChanged(text) => {
                self.note = text;
                Action::None
            }
            Message::SaveNote => Action::SaveNote { id: self.id.clone(), text: self.note.clone() },
            Message::Delete => {
                self.confirm_delete = true;
                Action::None
            }
            Message::CancelDelete => {
                self.confirm_delete = false;
                Action::None
            }
            Message::ConfirmDelete => Action::Delete(self.id.clone()),
            Message::Export => Action::Export(self.id.clone()),
            Message::Exercises => Action::Exercises(self.id.clone()),
            Message::Back => Action::Back,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Escape | Shortcut::Back if self.confirm_delete => Some(Message::CancelDelete),
            Shortcut::Escape | Shortcut::Back => Some(Message::Back),
            _ => None,
        }
    }

    /// Draws the session, or that it is being read, or why it could not be.
    pub fn view<'a>(&'a self, viewport: Viewport) -> Element<'a, Message> {
        let loaded = match &self.session {
            Status::Ready(loaded) => loaded,
            Status::Loading => return waiting(viewport, common::messages::LOADING),
            Status::Failed(why) => return waiting(viewport, why),
        };
        let session = &loaded.session;
        let body = summary(session, self.regraded);
        let body = safety(body, session);
        let body = legs(body, session);
        let body = self.note_editor(body, loaded);
        frame(viewport, body, Some(self.actions(viewport)))
    }

    /// The note as typed, its explanation and Save note (live only when it changed).
    fn note_editor<'a>(
        &'a self,
        mut body: Column<'a, Message>,
        loaded: &'a LoadedSession,
    ) -> Column<'a, Message> {
        let saved_note = loaded.note.as_ref().map(|n| n.text.as_str()).unwrap_or("");
        body = body.push(heading(words::NOTE));
        body = body.push(text(words::NOTE_EXPLAINED).size(text_size::SMALL));
        body = body.push(
            text_input(words::NOTE_HINT, &self.note)
                .on_input(Message::NoteChanged)
                .on_submit(Message::SaveNote)
                .padding(space::M)
                .size(text_size::BODY),
        );
        let note_changed = self.note != saved_note;
        body.push(
            row![action(
                words::SAVE_NOTE,
                Kind::Secondary,
                note_changed.then_some(Message::SaveNote)
            )]
            .spacing(space::S),
        )
    }

    /// Back, Delete and Export report; or, while a delete is being confirmed, the
    /// question with Keep it and Delete session.
    fn actions<'a>(&self, viewport: Viewport) -> Element<'a, Message> {
        if self.confirm_delete {
            confirm(
                viewport,
                words::DELETE_QUESTION,
                (words::KEEP_IT, Message::CancelDelete),
                (words::DELETE_SESSION, Message::ConfirmDelete),
            )
        } else {
            bar(
                viewport,
                [
                    (common::BACK, Kind::Secondary, Some(Message::Back)),
                    (words::DELETE, Kind::Quiet, Some(Message::Delete)),
                    (words::EXPORT_REPORT, Kind::Primary, Some(Message::Export)),
                ],
            )
        }
    }
}

/// The top of the page: when the session started, its tier, strength and summary,
/// the regrading note, Exercises when they are offered, and the reasons.
fn summary(session: &Session, regraded: Option<crate::core::Tier>) -> Column<'_, Message> {
    let outcome = &session.outcome;
    let mut body = column![
        text(session.started_at.format("%A %-d %B %Y, %H:%M").to_string()).size(text_size::TITLE),
        tier_badge(outcome.tier, BadgeSize::Large),
    ]
    .spacing(space::L);
    if let Some(strength) = outcome.strength {
        body = body.push(text(wording::strength(strength)).size(text_size::BODY));
    }
    body = body.push(text(wording::tier_summary(outcome.tier)).size(text_size::BODY));
    // A session graded by older rules that today's rules grade differently says so.
    if let Some(today) = regraded {
        body = body.push(
            container(
                text(words::regraded(
                    wording::tier_label(outcome.tier),
                    outcome.rules_version,
                    wording::tier_label(today),
                ))
                .size(text_size::BODY),
            )
            .padding(space::M)
            .width(Length::Fill)
            .style(style::note),
        );
    }
    if crate::ui::screens::result::offers_exercises(outcome) {
        body = body.push(action(
            crate::core::wording::screens::result::EXERCISES,
            Kind::Secondary,
            Some(Message::Exercises),
        ));
    }
    body = body.push(heading(words::WHY));
    for reason in &outcome.reasons {
        body = body.push(text(format!("• {}", wording::reason(reason))).size(text_size::BODY));
    }
    body
}

/// The safety questions: the red flags answered yes (or that all were no) and the
/// strain answer when there is one.
fn safety<'a>(mut body: Column<'a, Message>, session: &Session) -> Column<'a, Message> {
    let raised: Vec<_> = session.check.raised_flags().collect();
    body = body.push(heading(words::SAFETY));
    body = body.push(
        text(if raised.is_empty() {
            words::all_answered_no(session.check.red_flags.len())
        } else {
            raised
                .iter()
                .map(|f| format!("Yes: {}", wording::red_flag_short(*f)))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .size(text_size::BODY),
    );
    if let Some(injury) = session.check.injury {
        body = body.push(
            text(if injury { words::STRAIN_YES } else { words::STRAIN_NO }).size(text_size::BODY),
        );
    }
    body
}

/// One card per leg: its title and every answer, step by step.
fn legs<'a>(mut body: Column<'a, Message>, session: &Session) -> Column<'a, Message> {
    for record in &session.check.legs {
        let mut leg = Column::new().spacing(space::XS);
        let title = leg_title(wording::leg(record.leg), record.reference);
        leg = leg.push(text(title).size(text_size::TITLE));
        for (step, answer) in &record.steps {
            if let Some(line) = answers::line(*step, answer) {
                leg = leg.push(text(line).size(text_size::BODY));
            }
        }
        body = body.push(container(leg).padding(space::M).width(Length::Fill).style(style::card));
    }
    body
}

/// A page with only a line of text and Back.
fn waiting(viewport: Viewport, line: &str) -> Element<'_, Message> {
    frame(viewport, text(line), Some(action(common::BACK, Kind::Secondary, Some(Message::Back))))
}

/// A section heading.
fn heading(label: &str) -> Element<'_, Message> {
    text(label).size(text_size::TITLE).into()
}
