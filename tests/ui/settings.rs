//! Settings: the theme and size apply at once, survive a restart, and a broken
//! settings file is set aside with a message instead of a crash.

use crate::common::{Driver, SIZES};
use tension_check::settings::ThemeChoice;
use tension_check::store::settings;
use tension_check::ui::{Message, style};

#[test]
fn theme_and_size_apply_at_once_and_are_kept() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        let name = |d: &Driver| d.app.theme().map(|t| t.to_string());
        assert_eq!(
            name(&d),
            Some(style::light().to_string()),
            "the system's mode is not known yet"
        );
        d.send(Message::SystemTheme(iced::theme::Mode::Dark));
        assert_eq!(name(&d), Some(style::dark().to_string()), "follows the system at first");
        d.tap("Settings");
        d.tap("Dark");
        assert_eq!(name(&d), Some(style::dark().to_string()));
        d.tap("High contrast");
        assert_eq!(d.app.theme().map(|t| t.to_string()), Some("High contrast".to_string()));
        d.tap("150%");
        assert!((d.app.scale_factor() - 1.5).abs() < 1e-6, "scale {}", d.app.scale_factor());
        d.tap("Back");
        d.expect("New check");

        let (saved, notice) = settings::load(dir.path());
        assert_eq!(notice, None);
        assert_eq!(saved.theme, ThemeChoice::HighContrast);
        assert_eq!(saved.scale_percent, 150);
        assert!(dir.path().join(settings::BACKUP).exists(), "the previous file is kept as .bak");

        let restarted = Driver::with_data_dir(size, dir.path());
        assert_eq!(restarted.app.settings().theme, ThemeChoice::HighContrast);
    }
}

#[test]
fn a_broken_settings_file_is_set_aside_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(settings::FILE), b"\xff\xfe not ron").expect("write");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    assert_eq!(d.app.settings().theme, ThemeChoice::System, "the defaults are in use");
    d.tap("Settings");
    let notice = format!(
        "Your settings file could not be read; it was kept as {} and the defaults are in use.",
        dir.path().join("settings.broken-1.ron").display()
    );
    d.expect(&notice);
}

#[test]
fn the_text_size_applies_at_every_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("Settings");
    d.tap("200%");
    assert_eq!(d.app.scale_factor(), 2.0, "a 360 px phone shows 200% too");
    assert_eq!(d.app.viewport().width, 180.0, "and lays out for 180 logical px");
    d.app.set_width(1080.0);
    assert_eq!(d.app.scale_factor(), 2.0);
}

#[test]
fn a_resize_at_a_larger_text_size_keeps_the_layout_width() {
    // iced reports a new window size in its logical pixels, already divided by the
    // text size: a 390 px phone at 125% is 312 wide, and the layouts are for 312.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("Settings");
    d.tap("125%");
    d.send(Message::Resized(iced::Size::new(390.0 / 1.25, 844.0 / 1.25)));
    assert_eq!(d.app.viewport().width, 312.0);
    assert!(!d.app.viewport().stack(), "312 px is wide enough for rows of actions");
}
