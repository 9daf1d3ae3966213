//! A line of a list: a bullet and its words.

use iced::Element;
use iced::widget::{row, text};

use crate::ui::style::{space, text_size};

/// `line` after a bullet, wrapping under itself.
pub fn bullet<'a, Message: 'a>(line: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    row![text("•").size(text_size::BODY), text(line).size(text_size::BODY)].spacing(space::S).into()
}
