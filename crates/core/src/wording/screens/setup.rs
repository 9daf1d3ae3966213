//! The setup screen.

/// The heading.
pub const HEADING: &str = "Before you start";
/// A leg.
pub const LEFT: &str = "Left";
/// A leg.
pub const RIGHT: &str = "Right";
/// Both legs bother.
pub const BOTH: &str = "Both";
/// Declines the reference leg.
pub const SKIP: &str = "Skip";
/// Why Start is not yet available.
pub const CHOOSE_LEG: &str = "Choose a leg to start.";
/// Starts the step cards.
pub const START: &str = "Start";
