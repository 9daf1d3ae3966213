//! The 0-10 intensity scale as big tappable numbers.

use iced::widget::{Row, button, column, container, row, space, text};
use iced::{Element, Length, alignment};

use crate::ui::style::{self, space as gap, text_size};

/// Eleven numbers, 0 to 10, that wrap onto a second line on narrow screens.
pub fn tap_scale<'a, Message: Clone + 'a>(
    selected: Option<u8>,
    on_select: impl Fn(u8) -> Message + 'a,
) -> Element<'a, Message> {
    let numbers = Row::with_children((0..=10u8).map(|n| {
        button(
            container(text(n.to_string()).size(text_size::TITLE))
                .center_x(Length::Fill)
                .center_y(Length::Fill),
        )
        .width(style::TAP_SQUARE)
        .height(style::TAP_SQUARE)
        .padding(0)
        .style(style::choice(selected == Some(n)))
        .on_press(on_select(n))
        .into()
    }))
    .spacing(gap::S)
    .wrap()
    .vertical_spacing(gap::S);

    column![
        numbers,
        container(row![
            text("0 = nothing").size(text_size::SMALL),
            space::horizontal(),
            text("10 = worst imaginable")
                .size(text_size::SMALL)
                .align_x(alignment::Horizontal::Right),
        ])
        .max_width(11.0 * style::TAP_SQUARE + 10.0 * gap::S),
    ]
    .spacing(gap::XS)
    .into()
}
