//! The history: every saved session, newest first. Only the rows in view are built,
//! so the list opens and scrolls at once even with thousands of sessions.

use crate::core::wording::screens::{self as common, history as words};
use iced::widget::{Column, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use crate::core::wording;
use crate::store::{SessionId, SessionSummary};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space as gap, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::tap::tap;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

/// The height of one row, spacing included (room for the details to wrap onto three
/// lines beside a wide badge). Rows have a fixed height so the visible
/// range can be computed from the scroll offset alone.
pub const ROW_HEIGHT: f32 = 104.0;
/// The height of one row in a narrow window, where the date and the badge each take
/// the whole width and may wrap.
pub const NARROW_ROW_HEIGHT: f32 = 168.0;
const ROW_GAP: f32 = gap::S;
/// Rows built beyond each edge of the viewport, so scrolling never shows a gap.
const OVERSCAN: usize = 4;

/// The scroll position of the list.
#[derive(Debug, Clone)]
pub struct State {
    offset: f32,
    viewport: f32,
    row_height: f32,
}

impl Default for State {
    fn default() -> Self {
        State { offset: 0.0, viewport: 1200.0, row_height: ROW_HEIGHT }
    }
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Open the session with this id (never a position, which a reload of the
    /// list could give to another session).
    Open(SessionId),
    Scrolled {
        offset: f32,
        viewport: f32,
        row_height: f32,
    },
    Trends,
    Export,
    Undo,
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Open(SessionId),
    Trends,
    Export,
    Undo,
    Home,
}

/// What the list shows besides the sessions.
pub struct Context<'a> {
    /// The sessions, newest first; `None` while loading.
    pub sessions: Option<&'a [SessionSummary]>,
    /// Sentences about files that did not load, trash emptied, and so on.
    pub notices: &'a [String],
    /// A session just deleted, which can still be brought back.
    pub undo: Option<&'a str>,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Open(id) => Action::Open(id),
            Message::Scrolled { offset, viewport, row_height } => {
                self.offset = offset.max(0.0);
                self.viewport = viewport.max(1.0);
                self.row_height = row_height.max(1.0);
                Action::None
            }
            Message::Trends => Action::Trends,
            Message::Export => Action::Export,
            Message::Undo => Action::Undo,
            Message::Back => Action::Home,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        match key {
            Shortcut::Back | Shortcut::Escape => Some(Message::Back),
            _ => None,
        }
    }

    /// The height of a row, spacing included, in a window like `viewport`.
    pub fn row_height(viewport: Viewport) -> f32 {
        if viewport.stack() { NARROW_ROW_HEIGHT } else { ROW_HEIGHT }
    }

    /// The range of rows to build for the current scroll position.
    pub fn visible_rows(&self, count: usize) -> std::ops::Range<usize> {
        let first = (self.offset / self.row_height).floor() as usize;
        let shown = (self.viewport / self.row_height).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN).min(count);
        let end = (first + shown + OVERSCAN).min(count);
        start..end
    }

    /// Draws the list.
    pub fn view<'a>(&'a self, viewport: Viewport, context: Context<'a>) -> Element<'a, Message> {
        let heading = text(words::HEADING).size(text_size::HEADING);
        let tools = row![
            action(words::TRENDS, Kind::Secondary, Some(Message::Trends)),
            action(words::EXPORT, Kind::Secondary, Some(Message::Export)),
        ]
        .spacing(gap::S);
        let mut header = if viewport.stack() {
            column![heading, tools].spacing(gap::S)
        } else {
            column![
                row![heading, space::horizontal(), tools]
                    .spacing(gap::S)
                    .align_y(Alignment::Center)
            ]
            .spacing(gap::S)
        };
        if context.undo.is_some() {
            header = header.push(
                container(
                    row![
                        text(words::MOVED_TO_TRASH).size(text_size::BODY).width(Length::Fill),
                        action(words::UNDO, Kind::Secondary, Some(Message::Undo)),
                    ]
                    .spacing(gap::S)
                    .align_y(Alignment::Center),
                )
                .padding([gap::XS, gap::M])
                .style(style::note),
            );
        }
        for notice in context.notices {
            header = header.push(text(notice.as_str()).size(text_size::SMALL));
        }

        let list: Element<'a, Message> = match context.sessions {
            None => text(words::LOADING).size(text_size::BODY).into(),
            Some([]) => text(words::EMPTY).size(text_size::BODY).into(),
            Some(sessions) => {
                let height = Self::row_height(viewport);
                let range = self.visible_rows(sessions.len());
                let above = range.start as f32 * height;
                let below = (sessions.len() - range.end) as f32 * height;
                let rows = Column::with_children(
                    range.clone().map(|index| session_row(&sessions[index], height)),
                );
                scrollable(
                    container(
                        column![space().height(above), rows, space().height(below)]
                            .max_width(style::READING_WIDTH),
                    )
                    .center_x(Length::Fill)
                    .padding([0.0, viewport.gutter()]),
                )
                .id(crate::ui::widgets::frame::BODY_ID)
                .on_scroll(move |viewport| Message::Scrolled {
                    offset: viewport.absolute_offset().y,
                    viewport: viewport.bounds().height,
                    row_height: height,
                })
                .height(Length::Fill)
                .into()
            }
        };

        let top = container(container(header).max_width(style::READING_WIDTH))
            .center_x(Length::Fill)
            .padding([gap::XL, gap::L]);
        let bar = container(
            container(row![action(common::BACK, Kind::Secondary, Some(Message::Back))])
                .width(Length::Fill)
                .max_width(style::READING_WIDTH + 2.0 * gap::L)
                .padding([gap::M, gap::L]),
        )
        .center_x(Length::Fill)
        .style(style::action_bar);
        column![top, list, bar].height(Length::Fill).into()
    }
}

/// The legs tested, in words.
pub fn legs_label(summary: &SessionSummary) -> String {
    let mut legs = summary.legs();
    match (legs.next(), legs.next()) {
        (None, _) => words::NO_TESTS.to_string(),
        (Some(one), None) => words::tested_one(wording::leg_lower(one)),
        (Some(_), Some(_)) => words::BOTH_LEGS.to_string(),
    }
}

fn session_row(summary: &SessionSummary, height: f32) -> Element<'_, Message> {
    let when = summary.started_at.format("%a %-d %b %Y, %H:%M").to_string();
    let details = match summary.peak {
        Some(peak) => words::legs_and_peak(&legs_label(summary), peak),
        None => legs_label(summary),
    };
    let badge = tier_badge(summary.tier, BadgeSize::Small);
    let content = if height > ROW_HEIGHT {
        // Narrow: the badge and the details each get a line of their own.
        column![text(when).size(text_size::BODY), badge, text(details).size(text_size::SMALL)]
            .spacing(gap::XS)
    } else {
        column![
            text(when).size(text_size::BODY),
            row![badge, text(details).size(text_size::SMALL)]
                .spacing(gap::S)
                .align_y(Alignment::Center),
        ]
        .spacing(gap::XS)
    };
    // A tap target rather than a button, so the list scrolls by dragging with a finger.
    container(tap(
        container(content)
            .width(Length::Fill)
            .height(height - ROW_GAP)
            .padding([gap::S, gap::M])
            .style(style::card),
        Message::Open(summary.id.clone()),
    ))
    .padding(iced::Padding { bottom: ROW_GAP, ..iced::Padding::ZERO })
    .into()
}
