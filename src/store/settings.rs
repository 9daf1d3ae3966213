//! The person's preferences ([`Settings`]) in a data folder: kept in `settings.ron`,
//! read and written by [`Store`](super::Store) (`SessionStore::load_settings` and
//! `save_settings`), or by these functions for a folder alone. Loading is tolerant: a missing file gives the defaults, unknown fields are
//! ignored, and a broken file is set aside (renamed, never deleted) with a message,
//! never a crash. Saving replaces the file atomically and keeps the previous one as
//! `settings.ron.bak`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::StoreError;
use super::error::plain;
use super::fs::{RealFs, write_replace};
use super::moves::move_exact;
use super::read::read_bytes;
use crate::settings::Settings;

/// The settings file's name in the data folder.
pub const FILE: &str = "settings.ron";
/// The backup of the previous settings.
pub const BACKUP: &str = "settings.ron.bak";

/// What went wrong with the settings file, in plain words.
#[derive(Debug, Error)]
pub enum SettingsError {
    /// The settings could not be written.
    #[error("Could not save your settings to {}: {}", path.display(), plain(source))]
    Save {
        /// The file.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// The settings could not be put into text (to keep in the browser's storage).
    #[error("{0}")]
    Encode(String),
    /// The store refused (one opened to read only).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Loads the settings from `dir`. Returns the settings and, if the file was broken, a
/// sentence saying where it was set aside.
pub fn load(dir: &Path) -> (Settings, Option<String>) {
    load_in(dir, true)
}

/// Like [`load`], but a broken file is left where it is (for a store that changes
/// nothing).
pub(crate) fn load_untouched(dir: &Path) -> (Settings, Option<String>) {
    load_in(dir, false)
}

fn load_in(dir: &Path, set_aside_broken: bool) -> (Settings, Option<String>) {
    let path = dir.join(FILE);
    // A regular file only, never through a link, never blocking on a named pipe,
    // at most 1 MiB (a settings file is a few hundred bytes).
    let text = match read_bytes(&path, false, 1024 * 1024) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return (Settings::default(), None),
        Err(e) if e.is_damaged() => Vec::new(),
        Err(e) => {
            return (
                Settings::default(),
                Some(format!("Could not read your settings ({}); using the defaults.", e.reason())),
            );
        }
    };
    let parsed = String::from_utf8(text).ok().and_then(|t| Settings::from_ron(&t));
    match parsed {
        Some(settings) => (settings, None),
        None => {
            let aside = if set_aside_broken { set_aside(dir, &path) } else { None };
            let message = match aside {
                Some(aside) => format!(
                    "Your settings file could not be read; it was kept as {} and the defaults are in use.",
                    aside.display()
                ),
                None => {
                    "Your settings file could not be read; the defaults are in use.".to_string()
                }
            };
            (Settings::default(), Some(message))
        }
    }
}

/// Renames a broken settings file out of the way without overwriting anything.
fn set_aside(dir: &Path, path: &Path) -> Option<PathBuf> {
    (1..1000).find_map(|n| {
        let aside = dir.join(format!("settings.broken-{n}.ron"));
        // Never overwrites: a taken name is skipped.
        move_exact(&RealFs, path, &aside).ok().map(|()| aside)
    })
}

/// Saves `settings` into `dir`, keeping the previous file as `settings.ron.bak`.
pub fn save(dir: &Path, settings: &Settings) -> Result<PathBuf, SettingsError> {
    save_with(&RealFs, dir, settings)
}

/// Like [`save`], with the file operations going through `fs`. For fault-injection
/// tests. An error means the previous settings file is unchanged; once the new
/// file has replaced it, the save is reported done.
#[doc(hidden)]
pub fn save_with(
    fs: &dyn super::Fs,
    dir: &Path,
    settings: &Settings,
) -> Result<PathBuf, SettingsError> {
    let path = dir.join(FILE);
    let err = |source| SettingsError::Save { path: path.clone(), source };
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(|e| err(io::Error::other(e.to_string())))?;
    fs::create_dir_all(dir).map_err(err)?;
    if path.exists() {
        fs::copy(&path, dir.join(BACKUP)).map_err(err)?;
    }
    write_replace(fs, dir, FILE, format!("{text}\n").as_bytes()).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::ThemeChoice;

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(load(dir.path()), (Settings::default(), None));
    }

    #[test]
    fn save_then_load_and_a_backup_is_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let first = Settings { theme: ThemeChoice::Dark, ..Settings::default() };
        save(dir.path(), &first).expect("saved");
        let second =
            Settings { theme: ThemeChoice::HighContrast, scale_percent: 150, ..first.clone() };
        save(dir.path(), &second).expect("saved");
        assert_eq!(load(dir.path()).0, second);
        let backup = fs::read_to_string(dir.path().join(BACKUP)).expect("backup");
        assert_eq!(ron::from_str::<Settings>(&backup).expect("parses"), first);
    }

    #[test]
    fn a_broken_file_is_set_aside_untouched() {
        let dir = tempfile::tempdir().expect("dir");
        let garbage = b"(theme: Purple, \xff\xfe".to_vec();
        fs::write(dir.path().join(FILE), &garbage).expect("write");
        let (settings, message) = load(dir.path());
        assert_eq!(settings, Settings::default());
        assert!(message.expect("told").contains("settings.broken-1.ron"));
        assert_eq!(fs::read(dir.path().join("settings.broken-1.ron")).expect("kept"), garbage);
        assert!(!dir.path().join(FILE).exists());
    }

    #[test]
    fn unknown_fields_and_out_of_range_sizes_are_tolerated() {
        let dir = tempfile::tempdir().expect("dir");
        fs::write(dir.path().join(FILE), "(theme: Light, scale_percent: 900, future_option: true)")
            .expect("write");
        let (settings, message) = load(dir.path());
        assert!(message.is_none());
        assert_eq!(settings.theme, ThemeChoice::Light);
        assert_eq!(settings.scale_percent, 200);
    }
}
