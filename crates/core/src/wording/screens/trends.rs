//! The trends screen.

/// The heading.
pub const HEADING: &str = "Trends";
/// What the chart shows.
pub const EXPLAINED: &str = "How strong the tightness was when you first felt it: seated with the knee straightened, and leaning into the standing stretch, per leg.";
/// With nothing to chart.
pub const EMPTY: &str = "No ratings yet. Finish a check and your ratings appear here.";
/// The tier legend's heading.
pub const TIERS: &str = "Result of each session";
/// Under each chart: what the numbers are and which way is better.
pub const CAPTION: &str =
    "0 = nothing, 10 = worst imaginable, one point per check. Lower means less tension.";
