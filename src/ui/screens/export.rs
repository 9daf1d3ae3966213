//! Export and backup: a printable report for a physical therapist (HTML) and the same
//! sessions as CSV, for one session or a date range; a backup of every file as it is;
//! and importing a backup or another device's sessions.

use crate::core::wording::screens::{self as common, export as words};
use chrono::NaiveDate;
use iced::widget::{Column, TextInput, column, container, row, text, text_input};
use iced::{Element, Length};

use crate::export::Selection;
use crate::store::SessionId;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::choice::{chip, chips};
use crate::ui::widgets::frame::frame;

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// One session.
    Session(SessionId),
    /// Every session between two dates (inclusive).
    Range,
}

/// A format to write: the one list of export formats.
pub use crate::export::Format;

/// A folder offered with one tap, such as the person's Documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its name, such as "Documents".
    pub label: &'static str,
    /// Its path.
    pub path: String,
}

/// The browser build hands files over (download, share sheet) instead of writing
/// into a folder, and imports through the file picker: no folder or path fields.
const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The browser's words for entries set aside.
mod browser_words {
    pub(super) const SET_ASIDE: &str = "Set aside";
    pub(super) const DOWNLOAD: &str = "Download them";
    pub(super) const REMOVE: &str = "Remove them";
    pub(super) const BACKUP_EXPLAINED: &str =
        "Every saved session and note in one file, downloaded to this device.";
    pub(super) const RESTORE_EXPLAINED: &str = "Brings in sessions from a backup file or a session \
        file from another device. Sessions you already have are skipped.";
    pub(super) fn set_aside(count: usize) -> String {
        match count {
            1 => "1 saved entry could not be read, or was saved by a newer version, and was \
                  kept aside unchanged. Download it to keep it or show it to someone who can \
                  help, or remove it for good."
                .to_string(),
            n => format!(
                "{n} saved entries could not be read, or were saved by a newer version, and \
                 were kept aside unchanged. Download them to keep them or show them to someone \
                 who can help, or remove them for good."
            ),
        }
    }
}

/// The export form.
#[derive(Debug, Clone)]
pub struct State {
    scope: Scope,
    from: String,
    to: String,
    folder: String,
    places: Vec<Place>,
    import_path: String,
    status: Option<String>,
    /// How many stored entries are set aside (shown in the browser build).
    set_aside: usize,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    From(String),
    To(String),
    Folder(String),
    ImportPath(String),
    Save(Format),
    Import,
    /// Download the set-aside entries (the browser build).
    SaveSetAside,
    /// Remove the set-aside entries for good (the browser build).
    RemoveSetAside,
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Export {
        format: Format,
        selection: Selection,
        folder: String,
    },
    Import(String),
    /// Hand over the set-aside entries as one file (the browser build).
    HandOverSetAside,
    /// Remove the set-aside entries for good.
    RemoveSetAside,
    Back,
}

/// Why the dates typed do not make a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
enum DateProblem {
    /// The start or end date (which) is not a YYYY-MM-DD date.
    #[error("{}", words::bad_date(.0))]
    NotADate(&'static str),
    /// The start comes after the end.
    #[error("{}", words::START_AFTER_END)]
    StartAfterEnd,
}

impl State {
    /// A form for `scope`, with the date range of the history and the folders to
    /// offer; the first of them is chosen.
    pub fn new(scope: Scope, range: Option<(NaiveDate, NaiveDate)>, places: Vec<Place>) -> Self {
        let folder = places.first().map(|p| p.path.clone()).unwrap_or_default();
        let (from, to) = match range {
            Some((from, to)) => (from.to_string(), to.to_string()),
            None => (String::new(), String::new()),
        };
        let import_path = String::new();
        State { scope, from, to, folder, places, import_path, status: None, set_aside: 0 }
    }

    /// The same form, told how many stored entries are set aside.
    pub fn with_set_aside(mut self, count: usize) -> Self {
        self.set_aside = count;
        self
    }

    /// Shows how an export or import went.
    pub fn set_status(&mut self, status: String) {
        self.status = Some(status);
    }

    fn selection(&self) -> Result<Selection, DateProblem> {
        let date = |text: &str, which: &'static str| -> Result<Option<NaiveDate>, DateProblem> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| DateProblem::NotADate(which))
        };
        match &self.scope {
            Scope::Session(id) => Ok(Selection { ids: vec![id.clone()], ..Selection::all() }),
            Scope::Range => {
                let from = date(&self.from, "start")?;
                let to = date(&self.to, "end")?;
                if let (Some(from), Some(to)) = (from, to)
                    && from > to
                {
                    return Err(DateProblem::StartAfterEnd);
                }
                Ok(Selection { from, to, ids: Vec::new() })
            }
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::From(text) => self.from = text,
            Message::To(text) => self.to = text,
            Message::Folder(text) => self.folder = text,
            Message::ImportPath(text) => self.import_path = text,
            Message::Back => return Action::Back,
            Message::SaveSetAside => return Action::HandOverSetAside,
            Message::RemoveSetAside => {
                self.set_aside = 0;
                return Action::RemoveSetAside;
            }
            Message::Import => {
                if self.import_path.trim().is_empty() && !IN_BROWSER {
                    self.status = Some(words::NEED_IMPORT_PATH.to_string());
                } else {
                    self.status = Some(words::IMPORTING.to_string());
                    return Action::Import(self.import_path.trim().to_string());
                }
            }
            Message::Save(format) => {
                if self.folder.trim().is_empty() && !IN_BROWSER {
                    self.status = Some(words::NEED_FOLDER.to_string());
                    return Action::None;
                }
                match self.selection() {
                    Ok(selection) => {
                        self.status = Some(words::SAVING.to_string());
                        return Action::Export {
                            format,
                            selection,
                            folder: self.folder.trim().to_string(),
                        };
                    }
                    Err(why) => self.status = Some(why.to_string()),
                }
            }
        }
        Action::None
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        matches!(key, Shortcut::Escape | Shortcut::Back).then_some(Message::Back)
    }

    /// Draws the form.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let mut body = column![text(words::HEADING).size(text_size::HEADING)].spacing(space::L);
        body = body.push(self.scope_fields());
        if !IN_BROWSER {
            body = body.push(self.folder_field());
        }
        body = body.push(
            row![
                action(words::SAVE_PDF, Kind::Secondary, Some(Message::Save(Format::Pdf))),
                action(words::SAVE_HTML, Kind::Secondary, Some(Message::Save(Format::Html))),
                action(words::SAVE_CSV, Kind::Secondary, Some(Message::Save(Format::Csv))),
            ]
            .spacing(space::S)
            .wrap()
            .vertical_spacing(space::S),
        );
        body = body.push(text(words::FORMATS).size(text_size::SMALL));
        if let Some(status) = &self.status {
            body = body.push(
                container(text(status.as_str()).size(text_size::BODY))
                    .padding(space::M)
                    .width(Length::Fill)
                    .style(style::note),
            );
        }
        if self.scope == Scope::Range {
            body = self.backup_and_restore(body);
        }
        if IN_BROWSER && self.set_aside > 0 {
            body = self.set_aside_entries(body);
        }
        frame(
            viewport,
            body,
            Some(row![action(common::BACK, Kind::Secondary, Some(Message::Back))].into()),
        )
    }

    /// What is exported: one session, or the From and To dates of a range.
    fn scope_fields(&self) -> Column<'_, Message> {
        match &self.scope {
            Scope::Session(_) => column![text(words::ONE_SESSION).size(text_size::BODY)],
            Scope::Range => column![
                text(words::RANGE).size(text_size::BODY),
                text(words::FROM).size(text_size::SMALL),
                input(words::FROM_HINT, &self.from, Message::From),
                text(words::TO).size(text_size::SMALL),
                input(words::TO_HINT, &self.to, Message::To),
            ]
            .spacing(space::S),
        }
    }

    /// Where to save (not in the browser): the places a tap away, then the folder typed.
    fn folder_field(&self) -> Column<'_, Message> {
        let mut folder = column![text(words::FOLDER).size(text_size::SMALL)].spacing(space::S);
        if !self.places.is_empty() {
            folder = folder.push(chips(self.places.iter().map(|place| {
                chip(
                    place.label,
                    None,
                    self.folder.trim() == place.path,
                    Message::Folder(place.path.clone()),
                )
            })));
        }
        folder.push(input(words::FOLDER_HINT, &self.folder, Message::Folder))
    }

    /// Backup and restore (for a range): what each does and its button, with the path
    /// to import from where there is no file picker.
    fn backup_and_restore<'a>(&'a self, mut body: Column<'a, Message>) -> Column<'a, Message> {
        body = body.push(text(words::BACKUP).size(text_size::TITLE));
        let explained =
            if IN_BROWSER { browser_words::BACKUP_EXPLAINED } else { words::BACKUP_EXPLAINED };
        body = body.push(text(explained).size(text_size::SMALL));
        body = body.push(row![action(
            words::BACK_UP,
            Kind::Secondary,
            Some(Message::Save(Format::Backup))
        )]);
        body = body.push(text(words::RESTORE).size(text_size::TITLE));
        let explained =
            if IN_BROWSER { browser_words::RESTORE_EXPLAINED } else { words::RESTORE_EXPLAINED };
        body = body.push(text(explained).size(text_size::SMALL));
        if !IN_BROWSER {
            body = body.push(input(words::IMPORT_HINT, &self.import_path, Message::ImportPath));
        }
        body.push(row![action(words::IMPORT, Kind::Secondary, Some(Message::Import))])
    }

    /// The browser's entries set aside: how many, with Download them and Remove them.
    fn set_aside_entries<'a>(&self, mut body: Column<'a, Message>) -> Column<'a, Message> {
        body = body.push(text(browser_words::SET_ASIDE).size(text_size::TITLE));
        body = body.push(text(browser_words::set_aside(self.set_aside)).size(text_size::SMALL));
        body.push(
            row![
                action(browser_words::DOWNLOAD, Kind::Secondary, Some(Message::SaveSetAside)),
                action(browser_words::REMOVE, Kind::Secondary, Some(Message::RemoveSetAside)),
            ]
            .spacing(space::S)
            .wrap()
            .vertical_spacing(space::S),
        )
    }
}

/// A one-line field: `value` as typed, `placeholder` while empty.
fn input<'a>(
    placeholder: &str,
    value: &str,
    on_input: fn(String) -> Message,
) -> TextInput<'a, Message> {
    text_input(placeholder, value).on_input(on_input).padding(space::M).size(text_size::BODY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Vec<Place> {
        vec![
            Place { label: "Documents", path: "/home/a/Documents".into() },
            Place { label: "Home folder", path: "/home/a".into() },
        ]
    }

    #[test]
    fn the_first_place_is_chosen_and_a_tap_on_another_saves_there() {
        let mut state = State::new(Scope::Range, None, places());
        assert_eq!(state.folder, "/home/a/Documents");
        state.update(Message::Folder("/home/a".into()));
        match state.update(Message::Save(Format::Pdf)) {
            Action::Export { format, folder, .. } => {
                assert_eq!((format, folder.as_str()), (Format::Pdf, "/home/a"));
            }
            other => panic!("expected an export, got {other:?}"),
        }
    }

    #[test]
    fn without_places_the_folder_must_be_typed() {
        let mut state = State::new(Scope::Range, None, Vec::new());
        assert_eq!(state.update(Message::Save(Format::Csv)), Action::None);
        assert_eq!(state.status.as_deref(), Some(words::NEED_FOLDER));
    }
}
