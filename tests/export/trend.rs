//! The trend model, its plain-text summary and its SVG chart.

use crate::support::build::*;
use tension_check::core::{Leg, TestKind, Tier};
use tension_check::export::svg::trend_svg;
use tension_check::export::trend::{summary, trend_points};

#[test]
fn points_are_per_leg_and_test_sorted_by_time_with_tiers() {
    // Given out of order, on purpose.
    let sessions = [
        rated("s3", "2026-02-05T09:00:00+01:00", 3, 2),
        rated("s1", "2026-01-01T09:00:00+01:00", 7, 5),
        rated("s2", "2026-01-15T09:00:00+01:00", 5, 4),
    ];
    let trend = trend_points(&sessions);
    assert_eq!(trend.series.len(), 2, "the left leg was never tested");
    let slump = &trend.series[0];
    assert_eq!((slump.leg, slump.test), (Leg::Right, TestKind::Slump));
    let values: Vec<u8> = slump.points.iter().map(|p| p.intensity).collect();
    assert_eq!(values, [7, 5, 3]);
    let ids: Vec<&str> = slump.points.iter().map(|p| p.session_id.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "s3"]);
    assert_eq!(slump.points[0].tier, sessions[1].outcome.tier);
    let stretch = &trend.series[1];
    assert_eq!(stretch.test, TestKind::HamstringStretch);
    assert_eq!(stretch.points.iter().map(|p| p.intensity).collect::<Vec<_>>(), [5, 4, 2]);
}

#[test]
fn summary_says_first_to_last_over_a_rounded_span() {
    let sessions = [
        rated("a", "2026-01-01T09:00:00+01:00", 7, 5),
        rated("b", "2026-01-20T20:00:00+01:00", 5, 5),
        rated("c", "2026-02-05T08:00:00+01:00", 3, 5),
    ];
    let lines = summary(&trend_points(&sessions));
    assert_eq!(
        lines,
        [
            "Right leg, seated, knee straightened: 7 to 3 over 5 weeks (3 sessions)",
            "Right leg, standing stretch: stayed at 5 over 5 weeks (3 sessions)",
        ]
    );
}

#[test]
fn summary_wording_for_days_months_one_session_and_same_day() {
    let days = [
        rated("a", "2026-03-01T09:00:00+00:00", 4, 2),
        rated("b", "2026-03-04T09:00:00+00:00", 6, 1),
    ];
    assert_eq!(
        summary(&trend_points(&days))[0],
        "Right leg, seated, knee straightened: 4 to 6 over 3 days (2 sessions)"
    );

    let months = [
        rated("a", "2026-01-10T09:00:00+00:00", 8, 6),
        rated("b", "2026-05-12T09:00:00+00:00", 2, 1),
    ];
    assert_eq!(
        summary(&trend_points(&months))[1],
        "Right leg, standing stretch: 6 to 1 over 4 months (2 sessions)"
    );

    let same_day = [
        rated("a", "2026-03-01T09:00:00+00:00", 4, 2),
        rated("b", "2026-03-01T18:00:00+00:00", 3, 2),
    ];
    assert_eq!(
        summary(&trend_points(&same_day))[0],
        "Right leg, seated, knee straightened: 4 to 3 on the same day (2 sessions)"
    );

    let one = [rated("a", "2026-03-01T09:00:00+00:00", 4, 2)];
    assert_eq!(
        summary(&trend_points(&one)),
        [
            "Right leg, seated, knee straightened: 4, one session so far",
            "Right leg, standing stretch: 2, one session so far"
        ]
    );
}

#[test]
fn both_legs_from_the_fixtures_and_nothing_for_red_flag_only() {
    let trend = trend_points(&fixtures());
    let names: Vec<String> = trend.series.iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        [
            "Left leg, seated, knee straightened",
            "Left leg, standing stretch",
            "Right leg, seated, knee straightened",
            "Right leg, standing stretch"
        ]
    );
    // Three sessions tested the left leg; the red-flag-only one tested none.
    assert_eq!(trend.series[0].points.len(), 3);
    assert!(trend.series[0].points.iter().any(|p| p.tier == Tier::StopAndConsult));
    assert_eq!(trend.series[0].points.iter().filter(|p| p.reference).count(), 2);
    assert!(summary(&trend_points(&[fixture("red_flag_only")])).is_empty());
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_chart_has_a_line_per_series_a_marker_per_point_and_a_legend() {
    let trend = trend_points(&fixtures());
    let svg = trend_svg(&trend, 860, 340);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(count(&svg, "<polyline"), 4);
    // Three of the four lines are dashed, each differently.
    let dashes: Vec<&str> = svg
        .split("stroke-dasharray=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    let distinct: std::collections::BTreeSet<&str> = dashes.iter().copied().collect();
    assert_eq!(distinct.len(), 3, "{dashes:?}");
    let points: usize = trend.series.iter().map(|s| s.points.len()).sum();
    // One marker per point, plus one per tier in the legend.
    assert_eq!(count(&svg, "<polygon"), points + trend.tiers().len());
    for label in [
        "Left leg, seated, knee straightened",
        "Right leg, standing stretch",
        "Nerve tension likely",
        "Stop and consult",
    ] {
        assert!(svg.contains(label), "legend lacks {label}");
    }
    for tick in ["0</text>", "10</text>", "26 Nov", "1 Dec"] {
        assert!(svg.contains(tick), "axis lacks {tick}");
    }
    assert_eq!(count(&svg, "<g>"), count(&svg, "</g>"));
}

#[test]
fn an_empty_trend_draws_a_message_and_tiny_sizes_do_not_panic() {
    let svg = trend_svg(&trend_points(&[fixture("red_flag_only")]), 600, 300);
    assert!(svg.contains("No slump or stretch ratings"));
    assert!(!svg.contains("<polyline"));
    let trend = trend_points(&fixtures());
    for (w, h) in [(0, 0), (1, 1), (240, 160), (5000, 90)] {
        let svg = trend_svg(&trend, w, h);
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}
