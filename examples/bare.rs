//! A bare iced app with the same features and renderer as Tension Check: one line of
//! text in a window. The start-up benchmark (`benches/startup.py`) measures both.

use iced::widget::{center, text};
use iced::{Element, Theme};

fn view(_: &()) -> Element<'_, ()> {
    center(text("Bare iced")).into()
}

fn main() -> iced::Result {
    iced::application(|| (), |_: &mut (), _: ()| {}, view)
        .title("Bare iced")
        .theme(|_: &()| None::<Theme>)
        .default_font(iced::Font::with_name("Fira Sans"))
        .window_size((1024.0, 768.0))
        .run()
}
