//! The buttons of the action bar: one primary action, secondary and quiet ones.

use iced::widget::{button, container, text};
use iced::{Element, Length, Theme};

use crate::ui::style::{self, space, text_size};

/// Which kind of action a button is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The main way forward (Next, Start). Fills the space it is given.
    Primary,
    /// A way back (Back).
    Secondary,
    /// A way out that should not draw the eye (Quit).
    Quiet,
    /// A destructive confirmation (Quit check).
    Danger,
}

/// A tap target at least [`style::TAP`] high with its label centred; disabled when
/// `on_press` is `None`.
pub fn action<'a, Message: Clone + 'a>(
    label: &'a str,
    kind: Kind,
    on_press: Option<Message>,
) -> Element<'a, Message> {
    let size = if kind == Kind::Primary { text_size::TITLE } else { text_size::BODY };
    let label = container(text(label).size(size)).center_y(Length::Fill);
    type Style = fn(&Theme, button::Status) -> button::Style;
    let (label, width, padding, style): (_, Length, _, Style) = match kind {
        Kind::Primary => (label.center_x(Length::Fill), Length::Fill, space::S, style::primary),
        Kind::Danger => (label.center_x(Length::Fill), Length::Fill, space::S, style::danger),
        Kind::Secondary => (label, Length::Shrink, space::L, style::secondary),
        Kind::Quiet => (label, Length::Shrink, space::M, style::quiet),
    };
    button(label)
        .width(width)
        .height(style::TAP)
        .padding([0.0, padding])
        .style(style)
        .on_press_maybe(on_press)
        .into()
}
