//! The intensity of the slump test (A2) and the hamstring stretch (B2) over time,
//! per leg: as data (for the app's chart and the reports' charts, laid out by
//! [`super::chart`] and drawn as SVG by [`super::svg`]) and as plain sentences.

use chrono::{DateTime, FixedOffset};

use super::words;
use crate::core::{Leg, MAX_INTENSITY, StepId, TestKind, Tier};
use crate::store::{Session, SessionId, SessionSummary};

/// One rating in a series.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// When the session started, with the person's offset at the time.
    pub at: DateTime<FixedOffset>,
    /// The session.
    pub session_id: SessionId,
    /// The intensity, 0 to 10.
    pub intensity: u8,
    /// The session's (stored) result.
    pub tier: Tier,
    /// Whether the leg was the reference leg in that session.
    pub reference: bool,
}

/// The ratings of one leg in one test, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The leg.
    pub leg: Leg,
    /// The test: the slump test's A2 or the stretch's B2 rating.
    pub test: TestKind,
    /// The ratings, oldest first.
    pub points: Vec<TrendPoint>,
}

impl Series {
    /// The series' name, such as "Left leg, slump (A2)".
    pub fn name(&self) -> String {
        words::series_name(self.leg, self.test)
    }
}

/// Every series that has at least one rating, in the order left slump, left
/// stretch, right slump, right stretch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trend {
    /// The series, none of them empty.
    pub series: Vec<Series>,
}

impl Trend {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The earliest and latest rating times, if any.
    pub fn time_range(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let mut times = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.at));
        let first = times.next()?;
        Some(times.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
    }

    /// The tiers of the points, most serious first, each once.
    pub fn tiers(&self) -> Vec<Tier> {
        Tier::ALL
            .into_iter()
            .filter(|t| self.series.iter().any(|s| s.points.iter().any(|p| p.tier == *t)))
            .collect()
    }
}

/// The step whose intensity a test's series follows.
pub fn rated_step(test: TestKind) -> StepId {
    match test {
        TestKind::Slump => StepId::A2,
        TestKind::HamstringStretch => StepId::B2,
    }
}

/// The trend of A2 and B2 intensities per leg, with each session's stored tier (for
/// the reports): the trend of the sessions' summaries, [`trend_of`].
pub fn trend_points<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Trend {
    let summaries: Vec<SessionSummary> = sessions.into_iter().map(SessionSummary::of).collect();
    trend_of(&summaries)
}

/// The trend of A2 and B2 intensities per leg, with each session's stored tier, from
/// the sessions' summaries (no session read in full: the app's Trends screen).
pub fn trend_of(summaries: &[SessionSummary]) -> Trend {
    let mut series = Vec::new();
    for leg in [Leg::Left, Leg::Right] {
        for test in [TestKind::Slump, TestKind::HamstringStretch] {
            let mut points: Vec<TrendPoint> = summaries
                .iter()
                .filter_map(|s| {
                    let ratings = s.ratings().find(|r| r.leg == leg)?;
                    let intensity = match test {
                        TestKind::Slump => ratings.slump,
                        TestKind::HamstringStretch => ratings.stretch,
                    }?;
                    Some(TrendPoint {
                        at: s.started_at,
                        session_id: s.id.clone(),
                        intensity: intensity.min(MAX_INTENSITY),
                        tier: s.tier,
                        reference: ratings.reference,
                    })
                })
                .collect();
            points.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.session_id.cmp(&b.session_id)));
            if !points.is_empty() {
                series.push(Series { leg, test, points });
            }
        }
    }
    Trend { series }
}

/// One plain sentence per series, such as "Left leg, slump (A2): 7 to 3 over 5
/// weeks (6 sessions)", or "…: 4, one session so far". Legs never tested get none.
pub fn summary(trend: &Trend) -> Vec<String> {
    trend
        .series
        .iter()
        .filter_map(|series| {
            let first = series.points.first()?;
            let last = series.points.last()?;
            let name = series.name();
            if series.points.len() == 1 {
                return Some(format!("{name}: {}, {}", first.intensity, words::ONE_SESSION));
            }
            let change = if first.intensity == last.intensity {
                format!("stayed at {}", first.intensity)
            } else {
                format!("{} to {}", first.intensity, last.intensity)
            };
            let days = (last.at.date_naive() - first.at.date_naive()).num_days();
            let when = match words::span(days) {
                Some(span) => format!("over {span}"),
                None => "on the same day".to_string(),
            };
            Some(format!("{name}: {change} {when} ({})", words::sessions(series.points.len())))
        })
        .collect()
}
