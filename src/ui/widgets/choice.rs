//! Tap targets for choosing: a chip that shows a check mark when chosen, and groups of them.

use iced::widget::{Row, container, row, svg, text};
use iced::{Alignment, Element, Length, Theme};

use crate::ui::assets;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::tap::tap;

/// A check mark for a chosen option, nothing for the others.
fn check_mark<'a, Message: 'a>(selected: bool) -> Element<'a, Message> {
    if selected {
        svg(assets::check_mark())
            .width(18)
            .height(18)
            .style(|theme: &Theme, _| svg::Style {
                color: Some(theme.extended_palette().primary.strong.text),
            })
            .into()
    } else {
        iced::widget::space().width(0).into()
    }
}

/// A box that looks like a choice and sends `on_tap` when tapped. Not a button: a
/// finger that drags across it scrolls the page instead (see [`tap`]).
pub fn choice_box<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
    selected: bool,
    width: impl Into<Length>,
    padding: [f32; 2],
    on_tap: Message,
) -> Element<'a, Message> {
    tap(
        container(content)
            .width(width)
            .height(style::TAP)
            .padding(padding)
            .center_y(style::TAP)
            .style(style::choice_box(selected)),
        on_tap,
    )
    .into()
}

/// A tappable choice. When chosen it is filled and shows a check mark, not only a colour.
pub fn chip<'a, Message: Clone + 'a>(
    label: &'a str,
    selected: bool,
    on_press: Message,
) -> Element<'a, Message> {
    let mark = check_mark(selected);
    choice_box(
        row![mark, text(label).size(text_size::BODY)].spacing(space::S).align_y(Alignment::Center),
        selected,
        Length::Shrink,
        [0.0, space::L],
        on_press,
    )
}

/// Chips that wrap onto as many lines as the width needs.
pub fn chips<'a, Message: Clone + 'a>(
    items: impl IntoIterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    Row::with_children(items).spacing(space::S).wrap().vertical_spacing(space::S).into()
}

/// Options that share a line equally (yes / no, eased / no change / stronger).
pub fn segmented<'a, Message: Clone + 'a, T: Copy + PartialEq + 'a>(
    options: &[(T, &'a str)],
    selected: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> Element<'a, Message> {
    Row::with_children(options.iter().map(|&(value, label)| {
        let selected = selected == Some(value);
        let mark = check_mark(selected);
        choice_box(
            container(
                row![mark, text(label).size(text_size::BODY)]
                    .spacing(space::XS)
                    .align_y(Alignment::Center),
            )
            .center_x(Length::Fill),
            selected,
            Length::Fill,
            [0.0, space::S],
            on_select(value),
        )
    }))
    .spacing(space::S)
    .into()
}
