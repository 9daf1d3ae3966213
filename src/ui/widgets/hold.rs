//! The hold countdown of a step card: one tap starts it (or it starts by itself, a
//! setting, or once the voice has read the instruction), a number counts down, and the
//! end is a clear change of colour and words. It never blocks answering.
//!
//! Time comes in as ticks carrying the moment they were sent; only the time between
//! ticks counts, so tests drive it with made-up moments and no real waiting.

use iced::time::Instant;
use iced::widget::{column, container, progress_bar, row, text};
use iced::{Background, Border, Element, Length, Theme};

use crate::core::Countdown;
use crate::core::wording::screens::check as words;
use crate::ui::style::{self, space, text_size};
use crate::ui::widgets::action::{Kind, wide};

/// The countdown's number, as big as the strip allows (the voice counts aloud too).
const NUMBER_SIZE: f32 = 36.0;

/// The height of the hold's strip in every state: a tap target.
pub const STRIP: f32 = style::TAP;

/// A hold on one card.
#[derive(Debug, Clone, Copy)]
pub struct Hold {
    seconds: u32,
    countdown: Countdown,
    /// The moment of the last tick, while running.
    last: Option<Instant>,
    running: bool,
}

impl Hold {
    /// A hold of `seconds`, not started.
    pub fn new(seconds: u32) -> Self {
        Hold { seconds, countdown: Countdown::new(seconds), last: None, running: false }
    }

    /// Starts (or restarts) the countdown.
    pub fn start(&mut self) {
        self.countdown = Countdown::new(self.seconds);
        self.last = None;
        self.running = true;
    }

    /// Time has passed: `now` is the moment of this tick.
    pub fn tick(&mut self, now: Instant) {
        if !self.running {
            return;
        }
        if let Some(last) = self.last {
            self.countdown.advance(now.saturating_duration_since(last));
        }
        self.last = Some(now);
        if self.countdown.finished() {
            self.running = false;
        }
    }

    /// Whether the countdown is running (and needs ticks).
    pub fn counting(&self) -> bool {
        self.running
    }

    /// Whether the hold has been counted to its end.
    pub fn done(&self) -> bool {
        self.countdown.finished()
    }

    /// Whole seconds left.
    pub fn remaining(&self) -> u64 {
        self.countdown.remaining_secs()
    }

    /// Draws the hold in a strip of one fixed height, [`STRIP`], whatever its state:
    /// a start button, the running number, or the end. It sits in the card's fixed
    /// bar, so it is always on screen and starting or ending it moves nothing.
    pub fn view<'a, Message: Clone + 'a>(&self, start: Message) -> Element<'a, Message> {
        let content: Element<'a, Message> = if self.done() {
            container(text(words::HOLD_DONE).size(text_size::BODY))
                .padding([0.0, space::M])
                .center_y(Length::Fill)
                .width(Length::Fill)
                .style(done_style)
                .into()
        } else if !self.running {
            wide(words::start_hold(self.seconds), Kind::Secondary, Some(start))
        } else {
            container(
                row![
                    text(self.remaining().to_string()).size(NUMBER_SIZE),
                    column![
                        text(words::HOLDING).size(text_size::SMALL),
                        progress_bar(0.0..=1.0, self.countdown.progress()).girth(8),
                    ]
                    .spacing(space::XS)
                    .width(Length::Fill),
                ]
                .spacing(space::M)
                .align_y(iced::Alignment::Center),
            )
            .padding([0.0, space::M])
            .center_y(Length::Fill)
            .width(Length::Fill)
            .style(style::card)
            .into()
        };
        container(content).height(STRIP).center_y(STRIP).into()
    }
}

/// The end of a hold: the success colour with readable text, so the change shows at a
/// glance from across the room.
fn done_style(theme: &Theme) -> container::Style {
    let pair = theme.extended_palette().success.base;
    container::Style {
        background: Some(Background::Color(pair.color)),
        text_color: Some(style::clearest_on(pair.color)),
        border: Border { radius: style::RADIUS.into(), ..Border::default() },
        ..container::Style::default()
    }
}
