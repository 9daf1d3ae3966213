//! Trends: how the tension of each leg has changed over time, as a chart with each
//! session's result marked, and in plain sentences beside it.

use crate::core::wording::screens::{self as common, trends as words};
use iced::widget::{Column, column, container, row, svg, text};
use iced::{Alignment, Element, Length};

use crate::core::{Leg, TestKind, wording};
use crate::export::style::marker_shape;
/// The trend of the sessions' summaries: the same as the reports' (see
/// [`crate::export::trend`]).
pub use crate::export::trend::trend_of;
use crate::export::trend::{Trend, summary};
use crate::ui::keys::Shortcut;
use crate::ui::style::{self, space, text_size};
use crate::ui::viewport::Viewport;
use crate::ui::widgets::action::{Kind, action};
use crate::ui::widgets::chart::{chart, measure_color, measure_dash};
use crate::ui::widgets::frame::frame;
use crate::ui::widgets::tier_badge::{BadgeSize, tier_badge};

/// The trend on show, computed once when the screen opens.
#[derive(Debug, Clone)]
pub struct State {
    trend: Trend,
    /// One chart per leg: the leg, its series and its sentences.
    legs: Vec<(Leg, Trend, Vec<String>)>,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Back,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Back,
}

impl State {
    /// The trend of `trend`'s sessions.
    pub fn new(trend: Trend) -> Self {
        let legs = [Leg::Left, Leg::Right]
            .into_iter()
            .filter_map(|leg| {
                let series: Vec<_> =
                    trend.series.iter().filter(|s| s.leg == leg).cloned().collect();
                if series.is_empty() {
                    return None;
                }
                let leg_trend = Trend { series };
                let lines = summary(&leg_trend);
                Some((leg, leg_trend, lines))
            })
            .collect();
        State { trend, legs }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Back => Action::Back,
        }
    }

    /// The message a keyboard shortcut stands for on this screen.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        matches!(key, Shortcut::Back | Shortcut::Escape).then_some(Message::Back)
    }

    /// Draws the chart and the summary.
    pub fn view(&self, viewport: Viewport) -> Element<'_, Message> {
        let mut body = column![
            text(words::HEADING).size(text_size::HEADING),
            text(words::EXPLAINED).size(text_size::BODY),
        ]
        .spacing(space::L);
        if self.trend.is_empty() {
            body = body.push(text(words::EMPTY).size(text_size::BODY));
        } else {
            for (leg, trend, lines) in &self.legs {
                body = body.push(text(wording::leg(*leg)).size(text_size::TITLE));
                body = body.push(chart(trend, 240.0));
                body = body.push(text(words::CAPTION).size(text_size::SMALL));
                let legend = Column::with_children(trend.series.iter().map(|series| {
                    let test = series.test;
                    row![
                        svg(swatch(test)).width(36).height(12).style(
                            move |theme: &iced::Theme, _| {
                                svg::Style { color: Some(measure_color(theme, test)) }
                            }
                        ),
                        text(series.name()).size(text_size::SMALL)
                    ]
                    .spacing(space::S)
                    .align_y(Alignment::Center)
                    .into()
                }));
                body = body.push(legend.spacing(space::XS));
                for line in lines {
                    body = body.push(text(line.as_str()).size(text_size::BODY));
                }
            }
            body = body.push(text(words::TIERS).size(text_size::BODY));
            let tiers = row(self.trend.tiers().into_iter().map(|tier| {
                row![svg(marker(tier)).width(14).height(14), tier_badge(tier, BadgeSize::Small)]
                    .spacing(space::XS)
                    .align_y(Alignment::Center)
                    .into()
            }))
            .spacing(space::S)
            .wrap()
            .vertical_spacing(space::S);
            body = body.push(tiers);
            body = body.push(
                container(text(wording::NOT_A_DIAGNOSIS).size(text_size::SMALL))
                    .padding(space::M)
                    .width(Length::Fill)
                    .style(style::note),
            );
        }
        frame(
            viewport,
            body,
            Some(row![action(common::BACK, Kind::Secondary, Some(Message::Back))].into()),
        )
    }
}

/// A short stretch of a test's line in its dash pattern, for the legend; drawn in
/// the line's colour by the widget's style.
fn swatch(test: TestKind) -> svg::Handle {
    let dash: Vec<String> = measure_dash(test).iter().map(|d| format!("{}", d * 2.5)).collect();
    let dash = if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{}""#, dash.join(" "))
    };
    svg::Handle::from_memory(
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 12"><line x1="2" y1="6" x2="34" y2="6" stroke="#000" stroke-width="2.5"{dash}/></svg>"##
        )
        .into_bytes(),
    )
}

/// A tier's marker shape as a small SVG, as drawn on the chart.
fn marker(tier: crate::core::Tier) -> svg::Handle {
    let corners = marker_shape(tier).polygon(8.0, 8.0, 5.5);
    let points: Vec<String> = corners.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    let color = crate::export::style::tier_color(tier).hex();
    svg::Handle::from_memory(
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><polygon points="{}" fill="{color}"/></svg>"#,
            points.join(" ")
        )
        .into_bytes(),
    )
}
