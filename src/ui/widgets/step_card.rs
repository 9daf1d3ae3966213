//! The frame of a step card: where the person is, the posture, the instruction and
//! the response controls. The frame stays put from card to card; only its content changes.

use crate::core::wording::screens::{leg_title, widgets as words};
use iced::widget::{Column, column, container, progress_bar, row, svg, text};
use iced::{Alignment, Element, Length};

use crate::ui::style::{self, space, text_size};

/// What a step card shows.
pub struct StepCard<'a, Message> {
    /// The test's name, such as "Seated slump test".
    pub test: &'a str,
    /// The leg, such as "Left leg".
    pub leg: &'a str,
    /// Whether this is the reference leg.
    pub reference: bool,
    /// "Step k of n" within this test and leg.
    pub step: (usize, usize),
    /// Progress through the whole check, 0 to 1.
    pub progress: f32,
    /// The posture.
    pub illustration: svg::Handle,
    /// The one instruction.
    pub instruction: &'a str,
    /// The response controls.
    pub controls: Element<'a, Message>,
}

impl<'a, Message: 'a> StepCard<'a, Message> {
    /// Lays the card out for a window `width` pixels wide.
    pub fn view(self, width: f32) -> Element<'a, Message> {
        let wide = width >= style::WIDE;
        let leg_label = leg_title(self.leg, self.reference);
        let header = column![
            row![
                text(self.test).size(text_size::SMALL),
                iced::widget::space::horizontal(),
                text(words::step_progress(self.step.0, self.step.1)).size(text_size::SMALL),
            ],
            text(leg_label).size(text_size::TITLE),
            progress_bar(0.0..=1.0, self.progress).girth(6),
        ]
        .spacing(space::XS);

        let picture = container(svg(self.illustration).width(Length::Fill).height(Length::Shrink))
            .width(if wide { Length::Fixed(360.0) } else { Length::Fill })
            .max_width(360.0);

        let instruction = text(self.instruction).size(text_size::TITLE);

        let content: Element<'a, Message> = if wide {
            row![
                picture,
                Column::new()
                    .push(instruction)
                    .push(self.controls)
                    .spacing(space::XL)
                    .width(Length::Fill),
            ]
            .spacing(space::XL)
            .align_y(Alignment::Start)
            .into()
        } else {
            column![container(picture).center_x(Length::Fill), instruction, self.controls]
                .spacing(space::L)
                .into()
        };

        column![header, content].spacing(space::L).into()
    }
}
