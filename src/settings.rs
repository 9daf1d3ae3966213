//! The person's preferences: theme and text size, voice, sound and motion. Where they
//! are kept is the store's (`SessionStore::load_settings` and `save_settings`): in
//! `settings.ron` in the data folder ([`crate::store::settings`]), or in the browser's
//! storage.

use serde::{Deserialize, Serialize};

/// Which colours the app uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark mode.
    #[default]
    System,
    Light,
    Dark,
    /// Black and white with a bright accent, for low vision.
    HighContrast,
}

impl ThemeChoice {
    /// Every choice, in the order Settings shows them.
    pub const ALL: [ThemeChoice; 4] =
        [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::HighContrast];

    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::HighContrast => "High contrast",
        }
    }
}

/// The text and UI sizes offered, in percent.
pub const SCALES: [u16; 5] = [100, 125, 150, 175, 200];

/// The person's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The settings file's format version.
    pub format_version: u32,
    /// The theme.
    pub theme: ThemeChoice,
    /// Text and UI size in percent, 100 to 200.
    pub scale_percent: u16,
    /// Whether a step's hold countdown starts by itself when the card opens (else
    /// with one tap).
    pub auto_countdown: bool,
    /// Whether the person has seen the "before you start" screen (it is shown once).
    pub intro_seen: bool,
    /// Whether tones mark a hold's start, its seconds (when no voice counts) and its
    /// end, and a stop.
    pub sound: bool,
    /// Whether a voice reads each card's instruction, counts a hold and says when it
    /// is over; with it, a hold starts by itself once the instruction is read.
    pub voice: bool,
    /// Whether drawings stay still instead of showing the movement.
    pub reduce_motion: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            format_version: 1,
            theme: ThemeChoice::System,
            scale_percent: 100,
            auto_countdown: false,
            intro_seen: false,
            sound: true,
            voice: true,
            reduce_motion: false,
        }
    }
}

impl Settings {
    /// The UI scale factor (1.0 to 2.0).
    pub fn scale(&self) -> f32 {
        f32::from(self.scale_percent.clamp(100, 200)) / 100.0
    }

    /// Reads settings from RON text: unknown fields are ignored and the size is kept
    /// within [`SCALES`]; `None` if the text does not read as settings.
    pub fn from_ron(text: &str) -> Option<Settings> {
        let mut settings = ron::from_str::<Settings>(text).ok()?;
        settings.scale_percent = settings.scale_percent.clamp(100, 200);
        Some(settings)
    }
}
