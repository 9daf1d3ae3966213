//! The frame of a step card: where the person is, the posture, the instruction and
//! the response controls. The frame stays put from card to card; only its content changes.

use crate::core::wording::screens::leg_title;
use iced::widget::{Column, column, container, progress_bar, row, svg, text};
use iced::{Alignment, Element, Length};

use crate::ui::style::{space, text_size};
use crate::ui::viewport::Viewport;

/// What a step card shows.
pub struct StepCard<'a, Message> {
    /// The test's name, such as "Seated slump test".
    pub test: &'a str,
    /// The leg, such as "Left leg".
    pub leg: &'a str,
    /// Whether this is the reference leg.
    pub reference: bool,
    /// Where the person is in the whole check: "Step 7 of 18 · about 4 minutes left".
    pub progress_label: String,
    /// Progress through the whole check, 0 to 1 (the same count as the label).
    pub progress: f32,
    /// The posture.
    pub illustration: svg::Handle,
    /// The one instruction.
    pub instruction: &'a str,
    /// The stop control, on test cards.
    pub stop: Option<Element<'a, Message>>,
    /// The hold countdown, on cards with a hold.
    pub hold: Option<Element<'a, Message>>,
    /// The response controls.
    pub controls: Element<'a, Message>,
    /// The mute button, beside the test's name.
    pub mute: Option<Element<'a, Message>>,
}

impl<'a, Message: 'a> StepCard<'a, Message> {
    /// Lays the card out for `viewport`: picture above the controls on a phone, beside
    /// them from [`crate::ui::viewport::SIDE_BY_SIDE`] on, and large on a desktop.
    pub fn view(self, viewport: Viewport) -> Element<'a, Message> {
        let wide = viewport.side_by_side();
        // On a phone the picture stays small enough to leave the stop control and the
        // first answers in view.
        let picture_width = if viewport.desktop() {
            480.0
        } else if wide {
            360.0
        } else {
            280.0
        };
        let leg_label = leg_title(self.leg, self.reference);
        // The test, the leg, then the whole check's progress under its bar.
        let header = column![
            row![
                column![
                    text(self.test).size(text_size::SMALL),
                    text(leg_label).size(text_size::TITLE),
                ]
                .width(Length::Fill),
            ]
            .push(self.mute)
            .spacing(space::S)
            .align_y(Alignment::Center),
            progress_bar(0.0..=1.0, self.progress).girth(6),
            text(self.progress_label).size(text_size::SMALL),
        ]
        .spacing(space::XS);

        // The drawings are 4:3; beside the controls they get their full size (an SVG
        // left to shrink stays at its own 320 px).
        let height = if wide { Length::Fixed(picture_width * 0.75) } else { Length::Shrink };
        let picture = container(svg(self.illustration).width(Length::Fill).height(height))
            .width(if wide { Length::Fixed(picture_width) } else { Length::Fill })
            .max_width(picture_width);

        // The instruction, then the stop control and the hold, then the answers.
        let instruction = Column::new()
            .push(text(self.instruction).size(text_size::TITLE))
            .push(self.stop)
            .push(self.hold)
            .spacing(space::L);

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
