//! The safety screen.

/// The heading.
pub const HEADING: &str = "Safety questions";
/// "Question 3 of 11".
pub fn progress(index: usize, count: usize) -> String {
    format!("Question {index} of {count}")
}
