//! The 0-10 intensity scale as big tappable numbers, in as many even rows as the
//! width needs.

use crate::core::wording::screens::widgets as words;
use iced::widget::{Column, Row, column, container, responsive, row, space, text};
use iced::{Element, Length, alignment};

use crate::ui::style::{self, space as gap, text_size};
use crate::ui::widgets::choice::choice_box;

/// The narrowest a number may get (WCAG's 44 px target size, at every text size).
const MIN_SQUARE: f32 = 44.0;

/// How many numbers go on a row at `width`: as many as fit, then evened out so the
/// rows differ by at most one (6 + 5 rather than 10 + 1).
pub fn columns(width: f32) -> usize {
    let fit = ((width + gap::S) / (MIN_SQUARE + gap::S)).floor().clamp(1.0, 11.0) as usize;
    let rows = 11usize.div_ceil(fit);
    11usize.div_ceil(rows)
}

/// Eleven numbers, 0 to 10.
pub fn tap_scale<'a, Message: Clone + 'a>(
    selected: Option<u8>,
    on_select: impl Fn(u8) -> Message + 'a,
) -> Element<'a, Message> {
    responsive(move |size| {
        let columns = columns(size.width);
        let square = ((size.width - (columns as f32 - 1.0) * gap::S) / columns as f32)
            .min(style::TAP_SQUARE)
            .floor();
        let numbers: Vec<u8> = (0..=crate::core::MAX_INTENSITY).collect();
        let rows = Column::with_children(numbers.chunks(columns).map(|chunk| {
            Row::with_children(chunk.iter().map(|&n| {
                choice_box(
                    container(text(n.to_string()).size(text_size::TITLE)).center_x(Length::Fill),
                    selected == Some(n),
                    square,
                    [0.0, 0.0],
                    on_select(n),
                )
            }))
            .spacing(gap::S)
            .into()
        }))
        .spacing(gap::S);
        let legend: Element<'a, Message> = if columns < 6 {
            // Too narrow for the two ends side by side: one above the other.
            column![
                text(words::SCALE_LOW).size(text_size::SMALL),
                text(words::SCALE_HIGH).size(text_size::SMALL),
            ]
            .into()
        } else {
            container(row![
                text(words::SCALE_LOW).size(text_size::SMALL),
                space::horizontal(),
                text(words::SCALE_HIGH)
                    .size(text_size::SMALL)
                    .align_x(alignment::Horizontal::Right),
            ])
            .max_width(columns as f32 * (square + gap::S) - gap::S)
            .into()
        };
        column![rows, legend].spacing(gap::XS).into()
    })
    .height(Length::Shrink)
    .into()
}

#[cfg(test)]
mod tests {
    use super::columns;

    #[test]
    fn rows_are_even() {
        // A desktop fits all eleven; a phone at 100% two rows of 6 and 5; a phone at
        // 200% (about 156 px for the scale) four rows of 3.
        assert_eq!(columns(900.0), 11);
        assert_eq!(columns(328.0), 6);
        assert_eq!(columns(156.0), 3);
        assert_eq!(columns(40.0), 1);
    }
}
