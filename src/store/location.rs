//! Where the data folder is.

use std::ffi::OsString;
use std::path::PathBuf;

use super::error::StoreError;

/// The command-line flag that chooses the data folder.
pub const DATA_DIR_FLAG: &str = "--data-dir";

/// The environment variable that chooses the data folder when no flag is given.
pub const DATA_DIR_ENV: &str = "TENSION_CHECK_DATA_DIR";

/// The data folder: the `--data-dir` value if given, else the
/// `TENSION_CHECK_DATA_DIR` value if set and not empty, else the per-user default
/// from [`default_dir`]. The caller reads the command line and the environment, so
/// this stays a pure function.
pub fn resolve(cli_flag: Option<PathBuf>, env: Option<OsString>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = cli_flag {
        if dir.as_os_str().is_empty() {
            return Err(StoreError::EmptyDataDir);
        }
        return Ok(dir);
    }
    if let Some(dir) = env.filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    default_dir().ok_or(StoreError::NoDataDir)
}

/// The per-user default data folder, `None` when the user has no home folder:
///
/// - Linux: `$XDG_DATA_HOME/tensioncheck`, else `~/.local/share/tensioncheck`
/// - macOS: `~/Library/Application Support/org.TensionCheck.Tension-Check`
/// - Windows: `%LOCALAPPDATA%\TensionCheck\Tension Check\data`
pub fn default_dir() -> Option<PathBuf> {
    #[cfg(target_arch = "wasm32")]
    return None;
    #[cfg(not(target_arch = "wasm32"))]
    directories::ProjectDirs::from("org", "TensionCheck", "Tension Check")
        .map(|dirs| dirs.data_local_dir().to_path_buf())
}
