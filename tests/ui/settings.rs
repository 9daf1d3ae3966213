//! Settings: the theme and size apply at once, survive a restart, and a broken
//! settings file is set aside with a message instead of a crash.

use crate::common::{Driver, SIZES};
use iced::Theme;
use tension_check::settings::{self, ThemeChoice};

#[test]
fn theme_and_size_apply_at_once_and_are_kept() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Driver::with_data_dir(size, dir.path());
        assert_eq!(d.app.theme(), None, "follows the system at first");
        d.tap("Settings");
        d.tap("Dark");
        assert_eq!(d.app.theme(), Some(Theme::Dark));
        d.tap("High contrast");
        assert_eq!(d.app.theme().map(|t| t.to_string()), Some("High contrast".to_string()));
        d.tap("150%");
        let expected = (1.5f32).min(size.0 / 360.0).max(1.0);
        assert!((d.app.scale_factor() - expected).abs() < 1e-6, "scale {}", d.app.scale_factor());
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
    assert_eq!(d.app.theme(), None);
    d.tap("Settings");
    let notice = format!(
        "Your settings file could not be read; it was kept as {} and the defaults are in use.",
        dir.path().join("settings.broken-1.ron").display()
    );
    d.expect(&notice);
}

#[test]
fn the_scale_never_squeezes_the_layout_below_360_px() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(crate::common::PHONE, dir.path());
    d.tap("Settings");
    d.tap("200%");
    assert_eq!(d.app.scale_factor(), 1.0, "a 360 px window keeps 100%");
    d.app.set_width(1080.0);
    assert_eq!(d.app.scale_factor(), 2.0, "a wide window shows 200%");
}
