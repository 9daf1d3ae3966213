//! The home screen.

/// Opens the settings.
pub const SETTINGS: &str = "Settings";
/// The question the app answers.
pub const QUESTION: &str = "Nerve or muscle?";
/// Opens the saved sessions.
pub const HISTORY: &str = "History";
/// Starts a check.
pub const NEW_CHECK: &str = "New check";
