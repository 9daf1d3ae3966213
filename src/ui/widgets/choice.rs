//! Tap targets for choosing: a chip that shows a check mark when chosen, and groups of them.

use iced::widget::{Column, Row, container, responsive, row, svg, text};
use iced::{Alignment, Element, Length, Theme};

use crate::ui::assets;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::tap::tap;

/// The side of the mark every choice shows, chosen or not.
pub const MARK: f32 = 18.0;

/// A check mark for a chosen option, an empty ring for the others. Both take the same
/// [`MARK`]-sized square, so a choice keeps its exact size when tapped and nothing
/// after it moves under the finger.
fn check_mark<'a, Message: 'a>(selected: bool) -> Element<'a, Message> {
    let (handle, selected_color) =
        if selected { (assets::check_mark(), true) } else { (assets::ring(), false) };
    svg(handle)
        .width(MARK)
        .height(MARK)
        .style(move |theme: &Theme, _| svg::Style {
            color: Some(if selected_color {
                theme.extended_palette().primary.strong.text
            } else {
                style::boundary(theme)
            }),
        })
        .into()
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

/// A tappable choice. When chosen it is filled and shows a check mark, not only a
/// colour. `key` is the number key that picks it, shown while the keyboard is in use.
pub fn chip<'a, Message: Clone + 'a>(
    label: &'a str,
    key: Option<usize>,
    selected: bool,
    on_press: Message,
) -> Element<'a, Message> {
    let mut content = row![check_mark(selected)].spacing(space::S).align_y(Alignment::Center);
    if let Some(key) = key {
        content = content.push(text(key.to_string()).size(text_size::SMALL).style(
            move |theme: &Theme| text::Style {
                color: Some(if selected {
                    theme.extended_palette().primary.strong.text
                } else {
                    theme.palette().text
                }),
            },
        ));
    }
    choice_box(
        content.push(text(label).size(text_size::BODY)),
        selected,
        Length::Shrink,
        [0.0, space::M],
        on_press,
    )
}

/// Chips that wrap onto as many lines as the width needs.
pub fn chips<'a, Message: Clone + 'a>(
    items: impl IntoIterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    Row::with_children(items).spacing(space::S).wrap().vertical_spacing(space::S).into()
}

/// The narrowest an option of a [`segmented`] row may get before the options stack.
const SEGMENT_MIN: f32 = 112.0;

/// Options that share a line equally (yes / no, eased / no change / stronger), or stack
/// one above the other, full width, when the line is too narrow for their words.
pub fn segmented<'a, Message: Clone + 'a, T: Copy + PartialEq + 'a>(
    options: &[(T, &'a str)],
    selected: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> Element<'a, Message> {
    let options: Vec<(T, &'a str)> = options.to_vec();
    responsive(move |size| {
        let stack = size.width < options.len() as f32 * (SEGMENT_MIN + space::S);
        let items = options.iter().map(|&(value, label)| {
            let selected = selected == Some(value);
            let content = row![check_mark(selected), text(label).size(text_size::BODY)]
                .spacing(space::S)
                .align_y(Alignment::Center);
            let content: Element<'a, Message> = if stack {
                container(content).width(Length::Fill).into()
            } else {
                container(content).center_x(Length::Fill).into()
            };
            choice_box(content, selected, Length::Fill, [0.0, space::M], on_select(value))
        });
        if stack {
            Column::with_children(items).spacing(space::S).into()
        } else {
            Row::with_children(items).spacing(space::S).into()
        }
    })
    .height(Length::Shrink)
    .into()
}

/// Two or three short answers (Yes / No) that always share one line equally, however
/// narrow: each keeps its place from one question to the next.
pub fn side_by_side<'a, Message: Clone + 'a, T: Copy + PartialEq + 'a>(
    options: &[(T, &'a str)],
    selected: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> Element<'a, Message> {
    Row::with_children(options.iter().map(|&(value, label)| {
        let selected = selected == Some(value);
        let content = row![check_mark(selected), text(label).size(text_size::BODY)]
            .spacing(space::S)
            .align_y(Alignment::Center);
        choice_box(
            container(content).center_x(Length::Fill),
            selected,
            Length::Fill,
            [0.0, space::S],
            on_select(value),
        )
    }))
    .spacing(space::S)
    .into()
}
