//! Tension Check: the desktop app.

fn main() -> iced::Result {
    tension_check::ui::app::run()
}
