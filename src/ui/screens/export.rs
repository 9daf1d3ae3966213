//! Export and backup: a printable report for a physical therapist (HTML) and the same
//! sessions as CSV, for one session or a date range; a backup of every file as it is;
//! and importing a backup or another device's sessions.

use chrono::NaiveDate;
use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Length};

use crate::export::Selection;
use crate::store::SessionId;
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::frame::frame;

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// One session.
    Session(SessionId),
    /// Every session between two dates (inclusive).
    Range,
}

/// A format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Html,
    Csv,
    Backup,
}

/// The export form.
#[derive(Debug, Clone)]
pub struct State {
    scope: Scope,
    from: String,
    to: String,
    folder: String,
    import_path: String,
    status: Option<String>,
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
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Export { format: Format, selection: Selection, folder: String },
    Import(String),
    Back,
}

impl State {
    /// A form for `scope`, with the date range of the history and a default folder.
    pub fn new(scope: Scope, range: Option<(NaiveDate, NaiveDate)>, folder: String) -> Self {
        let (from, to) = match range {
            Some((from, to)) => (from.to_string(), to.to_string()),
            None => (String::new(), String::new()),
        };
        State { scope, from, to, folder, import_path: String::new(), status: None }
    }

    /// Shows how an export or import went.
    pub fn set_status(&mut self, status: String) {
        self.status = Some(status);
    }

    fn selection(&self) -> Result<Selection, String> {
        let date = |text: &str, which: &str| -> Result<Option<NaiveDate>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| format!("The {which} date should look like 2026-03-31."))
        };
        match &self.scope {
            Scope::Session(id) => Ok(Selection { ids: vec![id.clone()], ..Selection::all() }),
            Scope::Range => {
                let from = date(&self.from, "start")?;
                let to = date(&self.to, "end")?;
                if let (Some(from), Some(to)) = (from, to)
                    && from > to
                {
                    return Err("The start date is after the end date.".to_string());
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
            Message::Import => {
                if self.import_path.trim().is_empty() {
                    self.status = Some("Type the folder or file to import from.".to_string());
                } else {
                    self.status = Some("Importing…".to_string());
                    return Action::Import(self.import_path.trim().to_string());
                }
            }
            Message::Save(format) => {
                if self.folder.trim().is_empty() {
                    self.status = Some("Type the folder to save into.".to_string());
                    return Action::None;
                }
                match self.selection() {
                    Ok(selection) => {
                        self.status = Some("Saving…".to_string());
                        return Action::Export {
                            format,
                            selection,
                            folder: self.folder.trim().to_string(),
                        };
                    }
                    Err(why) => self.status = Some(why),
                }
            }
        }
        Action::None
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        (key == Shortcut::Escape).then_some(Message::Back)
    }

    /// Draws the form.
    pub fn view(&self) -> Element<'_, Message> {
        let input = |placeholder: &str, value: &str, on_input: fn(String) -> Message| {
            text_input(placeholder, value)
                .on_input(on_input)
                .padding(space::M)
                .size(text_size::BODY)
        };
        let mut body =
            column![text("Export and backup").size(text_size::HEADING)].spacing(space::L);
        body = body.push(match &self.scope {
            Scope::Session(_) => column![
                text("A report of this session for your physical therapist.").size(text_size::BODY)
            ],
            Scope::Range => column![
                text("A report of every session in a date range, for your physical therapist.")
                    .size(text_size::BODY),
                text("From (YYYY-MM-DD)").size(text_size::SMALL),
                input("first day", &self.from, Message::From),
                text("To (YYYY-MM-DD)").size(text_size::SMALL),
                input("last day", &self.to, Message::To),
            ]
            .spacing(space::S),
        });
        body = body.push(
            column![
                text("Save into this folder").size(text_size::SMALL),
                input("a folder, such as your Documents", &self.folder, Message::Folder),
            ]
            .spacing(space::S),
        );
        body = body.push(
            row![
                action("Save report (PDF)", Kind::Secondary, Some(Message::Save(Format::Pdf))),
                action("Save report (HTML)", Kind::Secondary, Some(Message::Save(Format::Html))),
                action("Save CSV", Kind::Secondary, Some(Message::Save(Format::Csv))),
            ]
            .spacing(space::S)
            .wrap()
            .vertical_spacing(space::S),
        );
        body = body.push(
            text("The PDF is ready to print or send. The HTML report is the same, as a web page; the CSV holds every answer for a spreadsheet.")
                .size(text_size::SMALL),
        );
        if let Some(status) = &self.status {
            body = body.push(
                container(text(status.as_str()).size(text_size::BODY))
                    .padding(space::M)
                    .width(Length::Fill)
                    .style(style::note),
            );
        }
        if self.scope == Scope::Range {
            body = body.push(text("Backup").size(text_size::TITLE));
            body = body.push(
                text("Copies every saved session, exactly as stored, into a new folder inside the one above.")
                    .size(text_size::SMALL),
            );
            body = body.push(row![action(
                "Back up all sessions",
                Kind::Secondary,
                Some(Message::Save(Format::Backup))
            )]);
            body = body.push(text("Restore or merge").size(text_size::TITLE));
            body = body.push(
                text("Brings in sessions from a backup folder or another device. Sessions you already have are skipped.")
                    .size(text_size::SMALL),
            );
            body = body.push(input(
                "a backup folder or a .ron file",
                &self.import_path,
                Message::ImportPath,
            ));
            body = body.push(row![action("Import", Kind::Secondary, Some(Message::Import))]);
        }
        frame(body, Some(row![action("Back", Kind::Secondary, Some(Message::Back))].into()))
    }
}
