//! What background work reports back to the app: a [`Failure`] when it did not
//! succeed, a [`Notice`] when it did and has something to say. Both are cheap to
//! clone, as every iced message must be, and keep their cause typed until the
//! sentence is shown.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use crate::core::wording::screens::messages;
use crate::export::ExportError;
use crate::store::StoreError;
use crate::store::settings::SettingsError;

/// Why background work did not do what was asked, in plain words when shown.
#[derive(Debug, Clone, Error)]
pub enum Failure {
    /// The session store refused or failed.
    #[error(transparent)]
    Store(Arc<StoreError>),
    /// The settings file could not be written.
    #[error(transparent)]
    Settings(Arc<SettingsError>),
    /// An export file could not be written.
    #[error(transparent)]
    Export(Arc<ExportError>),
    /// The session asked for is no longer saved (deleted by another window, say).
    #[error("{}", messages::SESSION_GONE)]
    SessionGone,
    /// No session matches what was chosen for an export.
    #[error("{}", messages::NOTHING_TO_EXPORT)]
    NothingToExport,
    /// A backup was asked for as a report.
    #[error("{}", messages::not_possible("a backup is not a report"))]
    NotAReport,
    /// The folder to export into does not exist.
    #[error("{}", messages::no_such_folder(&.0.display().to_string()))]
    NoSuchFolder(PathBuf),
    /// Every export file name of the day is taken.
    #[error("{}", messages::TOO_MANY_EXPORTS)]
    TooManyExports,
    /// Nowhere keeps sessions (the data folder could not be opened): the reason.
    #[error("{0}")]
    Unavailable(Arc<str>),
    /// The browser did not keep a change in its storage (its reason).
    #[error("the browser did not keep it ({0})")]
    NotKept(Arc<str>),
    /// The browser could not hand a file over (its reason, as the page gave it).
    #[error("{0}")]
    Browser(Arc<str>),
    /// No file could be picked to import (the page's reason).
    #[error("{0}")]
    NotPicked(Arc<str>),
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        Failure::Store(Arc::new(error))
    }
}

impl From<SettingsError> for Failure {
    fn from(error: SettingsError) -> Self {
        Failure::Settings(Arc::new(error))
    }
}

impl From<ExportError> for Failure {
    fn from(error: ExportError) -> Self {
        Failure::Export(Arc::new(error))
    }
}

/// A sentence for the person about work that was done (what was exported and
/// where, what an import found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(Arc<str>);

impl Notice {
    /// The sentence.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for Notice {
    fn from(sentence: String) -> Self {
        Notice(sentence.into())
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_reads_as_its_cause() {
        let gone = Failure::SessionGone;
        assert_eq!(gone.to_string(), messages::SESSION_GONE);
        let folder = Failure::NoSuchFolder(PathBuf::from("/nowhere/at/all"));
        assert!(folder.to_string().contains("/nowhere/at/all"), "{folder}");
        let browser = Failure::Browser("the quota is used up".into());
        assert_eq!(browser.to_string(), "the quota is used up");
    }
}
