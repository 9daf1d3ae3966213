//! The 0-10 intensity scale as big tappable numbers.

use crate::core::wording::screens::widgets as words;
use iced::widget::{Row, column, container, row, space, text};
use iced::{Element, Length, alignment};

use crate::ui::style::{self, space as gap, text_size};
use crate::ui::widgets::choice::choice_box;

/// Eleven numbers, 0 to 10, that wrap onto a second line on narrow screens.
pub fn tap_scale<'a, Message: Clone + 'a>(
    selected: Option<u8>,
    on_select: impl Fn(u8) -> Message + 'a,
) -> Element<'a, Message> {
    let numbers = Row::with_children((0..=10u8).map(|n| {
        choice_box(
            container(text(n.to_string()).size(text_size::TITLE)).center_x(Length::Fill),
            selected == Some(n),
            style::TAP_SQUARE,
            [0.0, 0.0],
            on_select(n),
        )
    }))
    .spacing(gap::S)
    .wrap()
    .vertical_spacing(gap::S);

    column![
        numbers,
        container(row![
            text(words::SCALE_LOW).size(text_size::SMALL),
            space::horizontal(),
            text(words::SCALE_HIGH).size(text_size::SMALL).align_x(alignment::Horizontal::Right),
        ])
        .max_width(11.0 * style::TAP_SQUARE + 10.0 * gap::S),
    ]
    .spacing(gap::XS)
    .into()
}
