//! The frame every screen shares: a header, a scrolling body at a comfortable reading
//! width, and an action bar fixed at the bottom so the primary action never scrolls away.

use iced::widget::{Column, column, container, scrollable};
use iced::{Element, Length};

use crate::ui::style::{self, space};
use crate::ui::viewport::Viewport;

/// The scrollable body's id, so tests and screens can address it.
pub const BODY_ID: &str = "body";

/// Lays out a screen.
pub fn frame<'a, Message: 'a>(
    viewport: Viewport,
    body: impl Into<Element<'a, Message>>,
    actions: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    frame_with_width(viewport, style::READING_WIDTH, body, actions)
}

/// Lays out a screen whose content may be up to `max_width` wide (step cards put the
/// illustration beside the controls, so they need more than a column of text).
pub fn frame_with_width<'a, Message: 'a>(
    viewport: Viewport,
    max_width: f32,
    body: impl Into<Element<'a, Message>>,
    actions: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    // Narrow windows (a phone at 150-200%) keep more room for the content.
    let side = viewport.gutter();
    let top = if viewport.stack() { space::L } else { space::XL };
    let body = scrollable(
        container(container(body).max_width(max_width)).center_x(Length::Fill).padding([top, side]),
    )
    .id(BODY_ID)
    .height(Length::Fill);

    let mut page: Column<'a, Message> = column![body];
    if let Some(actions) = actions {
        page = page.push(
            container(
                container(actions)
                    .width(Length::Fill)
                    .max_width(max_width + 2.0 * space::L)
                    .padding([space::S, side]),
            )
            .center_x(Length::Fill)
            .style(style::action_bar),
        );
    }
    page.height(Length::Fill).into()
}
