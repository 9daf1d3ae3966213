//! The buttons of the action bar: one primary action, secondary and quiet ones.

use iced::widget::{Column, Row, button, container, text};
use iced::{Element, Length, Theme};

use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::press::press;

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
    /// Stops a test at once ("Sharp pain or spreading: stop"): outlined in the danger
    /// colour, apart from the answers.
    Stop,
}

/// A tap target at least [`style::TAP`] high with its label centred; disabled when
/// `on_press` is `None`. A [`press`]: a swipe that starts on it scrolls the page.
pub fn action<'a, Message: Clone + 'a>(
    label: &'a str,
    kind: Kind,
    on_press: Option<Message>,
) -> Element<'a, Message> {
    sized(label, kind, on_press, false)
}

/// The longest label a main action keeps at its title size on a narrow window: "Next"
/// and "Start" do, "See result" and "Continue" take the body size.
const SHORT_LABEL: usize = 6;

/// [`action`], sized for `viewport`: on a narrow window (a phone at 150-200%) the
/// paddings are tighter and a main action's longer label is body-sized, so "See result"
/// beside Back still fits its button.
pub fn action_in<'a, Message: Clone + 'a>(
    viewport: Viewport,
    label: &'a str,
    kind: Kind,
    on_press: Option<Message>,
) -> Element<'a, Message> {
    sized(label, kind, on_press, viewport.stack())
}

/// An action's button, `narrow` or not.
fn sized<'a, Message: Clone + 'a>(
    label: &'a str,
    kind: Kind,
    on_press: Option<Message>,
    narrow: bool,
) -> Element<'a, Message> {
    let short = label.chars().count() <= SHORT_LABEL;
    let size = match kind {
        Kind::Primary if !narrow || short => text_size::TITLE,
        _ => text_size::BODY,
    };
    let label = container(text(label).size(size)).center_y(Length::Fill);
    // Around the label: the main actions' own, and a back or quiet button's.
    let (fill, own) = match (narrow, kind) {
        (false, Kind::Secondary) => (space::S, space::L),
        (false, _) => (space::S, space::M),
        (true, Kind::Quiet) => (space::XS, space::S),
        (true, _) => (space::XS, space::M),
    };
    type Style = fn(&Theme, button::Status) -> button::Style;
    let (label, width, padding, style): (_, Length, _, Style) = match kind {
        Kind::Primary => (label.center_x(Length::Fill), Length::Fill, fill, style::primary),
        Kind::Danger => (label.center_x(Length::Fill), Length::Fill, fill, style::danger),
        Kind::Stop => (label.center_x(Length::Fill), Length::Fill, fill, style::stop_outline),
        Kind::Secondary => (label, Length::Shrink, own, style::secondary),
        Kind::Quiet => (label, Length::Shrink, own, style::quiet),
    };
    press(label, on_press, style).width(width).height(style::TAP).padding([0.0, padding]).into()
}

/// The buttons of an action bar side by side, or one above the other, each as wide as
/// the bar, when the window is too narrow for them (a phone at a large text size), so
/// none is cut off. The last is the primary action, nearest the thumb either way.
pub fn bar<'a, Message: Clone + 'a>(
    viewport: Viewport,
    items: impl IntoIterator<Item = (&'a str, Kind, Option<Message>)>,
) -> Element<'a, Message> {
    if viewport.stack() {
        Column::with_children(
            items.into_iter().map(|(label, kind, on_press)| wide(label, kind, on_press)),
        )
        .spacing(space::S)
        .into()
    } else {
        Row::with_children(
            items.into_iter().map(|(label, kind, on_press)| action(label, kind, on_press)),
        )
        .spacing(space::M)
        .into()
    }
}

/// A question before something that cannot be taken back (quitting a check, deleting
/// a session): the question, then a bar with the safe choice as the primary action and
/// the irreversible one in the danger colour.
pub fn confirm<'a, Message: Clone + 'a>(
    viewport: Viewport,
    question: &'a str,
    safe: (&'a str, Message),
    danger: (&'a str, Message),
) -> Element<'a, Message> {
    Column::new()
        .push(text(question).size(text_size::BODY))
        .push(bar(
            viewport,
            [(safe.0, Kind::Primary, Some(safe.1)), (danger.0, Kind::Danger, Some(danger.1))],
        ))
        .spacing(space::S)
        .into()
}

/// An action as wide as its container, label centred (in a stacked bar, on a card).
pub fn wide<'a, Message: Clone + 'a>(
    label: impl iced::widget::text::IntoFragment<'a>,
    kind: Kind,
    on_press: Option<Message>,
) -> Element<'a, Message> {
    let size = if kind == Kind::Primary { text_size::TITLE } else { text_size::BODY };
    let style: fn(&Theme, button::Status) -> button::Style = match kind {
        Kind::Primary => style::primary,
        Kind::Danger => style::danger,
        Kind::Secondary => style::secondary,
        Kind::Quiet => style::quiet,
        Kind::Stop => style::stop_outline,
    };
    press(container(text(label).size(size)).center(Length::Fill), on_press, style)
        .width(Length::Fill)
        .height(style::TAP)
        .padding([0.0, space::S])
        .into()
}

/// A line of two texts, one at each end (a test's name and its step count), or one
/// above the other when the window is too narrow for both.
pub fn ends<'a, Message: 'a>(
    viewport: Viewport,
    start: Element<'a, Message>,
    end: Element<'a, Message>,
) -> Element<'a, Message> {
    if viewport.stack() {
        Column::with_children([start, end]).spacing(space::XS).into()
    } else {
        Row::with_children([start, iced::widget::space::horizontal().into(), end])
            .spacing(space::S)
            .align_y(iced::Alignment::Center)
            .into()
    }
}
