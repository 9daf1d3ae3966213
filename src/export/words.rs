//! Words used only by the exports and the command line. Everything a person reads
//! about the check itself (labels, tiers, reasons, advice) comes from
//! [`crate::core::wording`]; these are the report's own headings and short names.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::core::{Leg, StepId, TestKind};

/// The report's title.
pub const REPORT_TITLE: &str = "Tension Check: self-check report";
/// Who the report is for.
pub const REPORT_AUDIENCE: &str =
    "Answers recorded by the person at home, for their physical therapist or doctor.";
/// The heading of the trend section.
pub const TREND_HEADING: &str = "Tension over time";
/// What the trend chart shows.
pub const TREND_EXPLAINED: &str = "Intensity (0 to 10) when the knee was first straightened in the seated slump test (A2, toes up) and in the standing hamstring stretch (B2). Each point is marked with the shape and colour of that session's result.";
/// Shown when no session has a slump or stretch rating.
pub const TREND_EMPTY: &str = "No slump or stretch ratings in these sessions.";
/// The box that opens the report.
pub const DISCLAIMER_TITLE: &str = "Not a diagnosis";
/// The report's facts: the period, how many sessions, when it was made.
pub const FACTS: [&str; 3] = ["Period", "Sessions", "Report made"];
/// The heading of the overview table.
pub const SESSIONS_HEADING: &str = "Sessions";
/// The overview table's columns.
pub const OVERVIEW_COLUMNS: [&str; 4] = ["Date", "Legs tested", "Result", "Evidence"];
/// A session's sections: the reasons.
pub const WHY: &str = "Why";
/// A session's sections: the red-flag answers.
pub const SAFETY: &str = "Safety questions";
/// A session's sections: every answer.
pub const ANSWERS: &str = "Answers";
/// A session's sections: the person's note.
pub const NOTE: &str = "Note";
/// A session's sections: the advice shown.
pub const ADVICE: &str = "What the app advised";
/// The y axis title.
pub const AXIS_INTENSITY: &str = "Intensity (0–10)";
/// Shown with a series that has a single point.
pub const ONE_SESSION: &str = "one session so far";

/// A short name of a step's movement, for tables.
pub fn step_short(step: StepId) -> &'static str {
    match step {
        StepId::A1 => "Sit upright",
        StepId::A2 => "Straighten knee, toes up",
        StepId::A3 => "Toes down",
        StepId::A4 => "Toes back",
        StepId::A5 => "Chin down",
        StepId::A6 => "Head up",
        StepId::B1 => "Heel on a step",
        StepId::B2 => "Lean forward",
        StepId::B3 => "Toes up while leaning",
    }
}

/// The short name of the rated step of a test, such as "slump (A2)".
pub fn series_test(test: TestKind) -> &'static str {
    match test {
        TestKind::Slump => "seated, knee straightened",
        TestKind::HamstringStretch => "standing stretch",
    }
}

/// The name of a leg's series, such as "Left leg, slump (A2)".
pub fn series_name(leg: Leg, test: TestKind) -> String {
    format!("{}, {}", crate::core::wording::leg(leg), series_test(test))
}

/// The role of a tested leg in a check.
pub fn leg_role(reference: bool) -> &'static str {
    if reference { "reference leg" } else { "the leg that bothers" }
}

/// "Yes" or "No".
pub fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

/// A count of sessions, such as "1 session" or "3 sessions".
pub fn sessions(n: usize) -> String {
    crate::core::wording::count(n, "session", "sessions")
}

/// How long a span of `days` days is, in the unit a person would use: days up to
/// two weeks, weeks up to about two months, months up to two years, then years.
/// `None` for a span within one day.
pub fn span(days: i64) -> Option<String> {
    let days = days.abs();
    let (n, unit) = match days {
        0 => return None,
        1..=13 => (days, "day"),
        14..=62 => ((days + 3) / 7, "week"),
        63..=730 => (((days as f64) / 30.44).round() as i64, "month"),
        _ => (((days as f64) / 365.25).round() as i64, "year"),
    };
    Some(if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") })
}

/// A date, such as "26 Nov 2026".
pub fn date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A local date and time with its offset, such as "Thu 26 Nov 2026, 14:35 (UTC+01:00)".
pub fn date_time(time: DateTime<FixedOffset>) -> String {
    time.format("%a %-d %b %Y, %H:%M (UTC%:z)").to_string()
}

/// A compact local date and time, such as "2026-11-26 14:35".
pub fn date_time_short(time: DateTime<FixedOffset>) -> String {
    time.format("%Y-%m-%d %H:%M").to_string()
}

/// Upper-cases the first letter, for short phrases used as list items.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_to_a_sensible_unit() {
        assert_eq!(span(0), None);
        assert_eq!(span(1).as_deref(), Some("1 day"));
        assert_eq!(span(13).as_deref(), Some("13 days"));
        assert_eq!(span(14).as_deref(), Some("2 weeks"));
        assert_eq!(span(17).as_deref(), Some("2 weeks"));
        assert_eq!(span(18).as_deref(), Some("3 weeks"));
        assert_eq!(span(35).as_deref(), Some("5 weeks"));
        assert_eq!(span(62).as_deref(), Some("9 weeks"));
        assert_eq!(span(63).as_deref(), Some("2 months"));
        assert_eq!(span(365).as_deref(), Some("12 months"));
        assert_eq!(span(731).as_deref(), Some("2 years"));
    }
}
