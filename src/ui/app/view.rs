//! What the app draws: the top bar, the screen on show (a page that opens at its top),
//! the help over it; and the theme, size and subscriptions it runs with.

use super::*;

impl App {
    /// The window as the layouts see it: its width after the text size setting, and
    /// the illustrations' palette for the theme on show.
    pub fn viewport(&self) -> Viewport {
        let art = match self.prefs.settings.theme {
            ThemeChoice::HighContrast => Art::HighContrast,
            ThemeChoice::Dark => Art::Dark,
            ThemeChoice::System if self.prefs.system_mode == iced::theme::Mode::Dark => Art::Dark,
            ThemeChoice::System | ThemeChoice::Light => Art::Light,
        };
        Viewport { width: self.window.width / self.scale_factor(), art }
    }

    /// Which page is on show: each screen, each safety question and each card has its
    /// own, and a new page opens at its top (its scroll position and any other widget
    /// state start afresh).
    pub fn page(&self) -> PageKey {
        match &self.screen {
            Screen::Home(_) => PageKey::Home,
            Screen::Intro(_) => PageKey::Intro,
            Screen::Safety(state) => PageKey::Safety(state.position()),
            Screen::Setup { .. } => PageKey::Setup,
            Screen::Check { state, .. } => PageKey::Card(state.position()),
            Screen::Result(_) => PageKey::Result,
            Screen::Exercises { state, .. } => PageKey::Exercise(state.position()),
            Screen::History(_) => PageKey::History,
            Screen::Detail(_) => PageKey::Detail,
            Screen::Trends(_) => PageKey::Trends,
            Screen::Export { .. } => PageKey::Export,
            Screen::Settings(_) => PageKey::Settings,
        }
    }

    /// Draws the screen on show under the top bar, with the help over it when asked for.
    pub fn view(&self) -> Element<'_, Message> {
        use iced::widget::{column, stack};
        let viewport = self.viewport();
        // When the page changes, the screen's widget state (its scroll offset above
        // all) is made anew, so every page opens at its top.
        // Each message is stamped with the page it came from, so that one left behind
        // (the second tap of a double tap handled in the same batch of events as the
        // first) cannot answer the page that replaced it.
        let key = self.page();
        let content =
            self.screen_view(viewport).map(move |message| Message::OnPage(key, Box::new(message)));
        let page = crate::ui::widgets::page::page(key, content)
            .guard(self.guard_until(), &self.window.clock);
        let content = column![self.top_bar(viewport), page].height(iced::Length::Fill);
        // The help is a second layer, so opening it keeps the screen's state.
        let mut layers = stack![content].width(iced::Length::Fill).height(iced::Length::Fill);
        if self.window.show_help {
            let (topic, lines) = self.help_topic();
            // Keys are listed where a keyboard is in use: a key was pressed, or a
            // desktop window wider than a phone.
            let keys = self.window.keyboard_seen
                || (cfg!(not(target_arch = "wasm32")) && viewport.side_by_side());
            layers = layers.push(crate::ui::widgets::help::overlay(
                topic,
                lines,
                keys,
                Message::CloseHelp,
            ));
        }
        layers.into()
    }

    /// The bar at the top of every screen: the app's name, Quit during a check, and a
    /// Help button a touch screen can reach.
    fn top_bar(&self, viewport: Viewport) -> Element<'_, Message> {
        use crate::ui::widgets::action::{Kind, action};
        use iced::widget::{container, row, space, text};
        let quit = match &self.screen {
            Screen::Check { state, .. } if !state.confirming_quit() => Some(action(
                wording::screens::check::QUIT,
                Kind::Quiet,
                Some(Message::Check(check::Message::Quit)),
            )),
            _ => None,
        };
        let side = viewport.gutter();
        // On a narrow window the name gives way, so Quit and Help always fit.
        let name = (!viewport.stack())
            .then(|| text(wording::APP_NAME).size(crate::ui::style::text_size::SMALL));
        container(
            row![]
                .push(name)
                .push(space::horizontal())
                .push(quit)
                .push(action(
                    wording::screens::widgets::HELP,
                    Kind::Quiet,
                    Some(Message::ToggleHelp),
                ))
                .spacing(crate::ui::style::space::S)
                .align_y(iced::Alignment::Center),
        )
        .padding([0.0, side])
        .width(iced::Length::Fill)
        .style(crate::ui::style::top_bar)
        .into()
    }

    /// What the help says about the screen on show: a heading and a few lines.
    fn help_topic(&self) -> (String, Vec<String>) {
        use wording::screens::help as words;
        match &self.screen {
            Screen::Check { state, .. } => words::step(state.card().step),
            Screen::Home(_) | Screen::Intro(_) => words::home(),
            Screen::Safety(_) => words::safety(),
            Screen::Setup { .. } => words::setup(),
            Screen::Result(_) | Screen::Exercises { .. } => words::result(),
            Screen::History(_) | Screen::Detail(_) => words::history(),
            Screen::Trends(_) => words::trends(),
            Screen::Export { .. } => words::export(),
            Screen::Settings(_) => words::settings(),
        }
    }

    fn screen_view(&self, viewport: Viewport) -> Element<'_, Message> {
        match &self.screen {
            Screen::Home(state) => state.view(viewport).map(Message::Home),
            Screen::Intro(state) => state.view(viewport).map(Message::Intro),
            Screen::Safety(state) => state.view(viewport).map(Message::Safety),
            Screen::Setup { state, .. } => state.view(viewport).map(Message::Setup),
            Screen::Check { state, .. } => state.view(viewport).map(Message::Check),
            Screen::Result(state) => state.view(viewport).map(Message::Result),
            Screen::Exercises { state, .. } => state.view(viewport).map(Message::Exercises),
            Screen::History(state) => state
                .view(
                    viewport,
                    history::Context {
                        sessions: self.records.summaries.as_deref(),
                        notices: &self.records.notices,
                        undo: self.records.undo.as_ref().map(|id| id.as_str()),
                    },
                )
                .map(Message::History),
            Screen::Detail(state) => state.view(viewport).map(Message::Detail),
            Screen::Trends(state) => state.view(viewport).map(Message::Trends),
            Screen::Export { state, .. } => state.view(viewport).map(Message::Export),
            Screen::Settings(state) => state
                .view(viewport, &self.prefs.settings, self.prefs.notice.as_deref())
                .map(Message::Settings),
        }
    }

    /// The theme chosen in Settings; System follows the system's light or dark mode
    /// with the app's own light and dark palettes.
    pub fn theme(&self) -> Option<Theme> {
        use crate::ui::style;
        Some(match self.prefs.settings.theme {
            ThemeChoice::System if self.prefs.system_mode == iced::theme::Mode::Dark => {
                style::dark()
            }
            ThemeChoice::System | ThemeChoice::Light => style::light(),
            ThemeChoice::Dark => style::dark(),
            ThemeChoice::HighContrast => style::high_contrast(),
        })
    }

    /// The text and UI size chosen in Settings, at every window width: the layouts
    /// reflow to the narrower logical width instead (see [`Viewport`]).
    pub fn scale_factor(&self) -> f32 {
        self.prefs.settings.scale()
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.prefs.settings
    }

    /// Whether a countdown is running, so the app needs the time.
    pub fn counting(&self) -> bool {
        match &self.screen {
            Screen::Check { state, .. } => state.counting(),
            Screen::Exercises { state, .. } => state.counting(),
            _ => false,
        }
    }

    /// Window resizes, the keyboard, the system theme and, only while a countdown
    /// runs, a tick every quarter second (no timer runs otherwise: idle stays idle).
    pub fn subscription(&self) -> Subscription<Message> {
        let ticks = if self.counting() {
            // Stamped with iced's clock (the timer's own instant is another type in the
            // browser build).
            // Quarter seconds for a countdown, a tenth for a moving drawing.
            let animating =
                matches!(&self.screen, Screen::Check { state, .. } if state.animating());
            let every = if animating { crate::ui::motion::FRAME_MS } else { 250 };
            iced::time::every(std::time::Duration::from_millis(every))
                .map(|_| Message::Tick(iced::time::Instant::now()))
        } else {
            Subscription::none()
        };
        // The history is read in the background once the first frame is on screen
        // (which also keeps the index current), so that it is ready by the time the
        // person opens it; until then, nothing competes with drawing that frame.
        let first_frame = if self.records.asked {
            Subscription::none()
        } else {
            window::frames().map(|_| Message::FirstFrame)
        };
        // The browser test's questions (nothing unless the page has `?test-hooks`).
        #[cfg(target_arch = "wasm32")]
        let hooks = crate::web::hooks::requests().map(Message::Hook);
        #[cfg(not(target_arch = "wasm32"))]
        let hooks = Subscription::none();
        Subscription::batch([
            ticks,
            hooks,
            first_frame,
            window::resize_events().map(|(_, size)| Message::Resized(size)),
            keyboard::listen().map(Message::Key),
            iced::system::theme_changes().map(Message::SystemTheme),
        ])
    }
}
