//! The iced program around the app: the desktop window and the web page.

use super::*;

/// The iced application around an app made by `make`, with everything both the desktop
/// and the browser builds share.
fn application(
    make: impl Fn() -> App + 'static,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = Theme>> {
    iced::application(
        move || {
            let mut app = make();
            let task = app.boot_task();
            (app, task)
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .scale_factor(App::scale_factor)
    .subscription(App::subscription)
    // Fira Sans is embedded (iced's `fira-sans` feature): start-up does not wait for
    // the system's fonts, and the window matches the tested snapshots.
    .default_font(iced::Font::with_name("Fira Sans"))
}

/// Runs the app in a web page, keeping sessions and settings in the browser's
/// IndexedDB (read before the app starts: see `crate::web`).
#[cfg(target_arch = "wasm32")]
pub fn run_web() -> iced::Result {
    application(|| {
        let files = crate::web::page::files();
        let store: Arc<dyn SessionStore> = match crate::web::page::problem() {
            Some(why) => Arc::new(Unavailable::new(why).keeping_settings_with(files.clone())),
            None => files.clone(),
        };
        let (settings, notice) = store.load_settings();
        let mut app = App::new()
            .with_store(store)
            .with_settings(settings)
            .with_speaker(Arc::new(crate::web::voice::Browser));
        app.prefs.system_reduce_motion = crate::web::voice::reduced_motion();
        app.prefs.notice = notice;
        // A check the page was showing when it was closed or reloaded goes on.
        let kept = crate::web::page::draft();
        if let Some(draft) = kept.as_deref().and_then(|text| ron::from_str::<Draft>(text).ok())
            && app.resume(draft)
        {
            app.run.draft_kept = kept;
        }
        app
    })
    .run()
}

/// Runs the desktop app, saving into `data_dir`.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(data_dir: PathBuf) -> iced::Result {
    application(move || {
        App::with_data_dir(data_dir.clone()).with_speaker(crate::sound::default_speaker())
    })
    .window(window::Settings {
        size: DEFAULT_SIZE,
        min_size: Some(MIN_SIZE),
        icon: crate::ui::assets::window_icon(),
        // Matches the .desktop file, so Linux desktops show the right icon and name.
        #[cfg(target_os = "linux")]
        platform_specific: window::settings::PlatformSpecific {
            application_id: "tension-check".to_string(),
            ..Default::default()
        },
        ..window::Settings::default()
    })
    .run()
}
