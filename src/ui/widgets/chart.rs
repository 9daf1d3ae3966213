//! The trend chart: intensity 0-10 over time, one line per leg and test (each with
//! its own colour and dash pattern), each point marked with its session's tier shape.
//! Drawn on a light card of its own, like the illustrations, so it reads in any theme.

use iced::widget::canvas::{self, Frame, Geometry, LineDash, Path, Stroke, Text};
use iced::{Color, Element, Length, Point, Rectangle, Renderer, Size, Theme, mouse};

use crate::export::style::{Rgb, line_style, marker_shape, tier_color};
use crate::export::trend::Trend;

/// A chart of `trend`, `height` pixels high and as wide as its space.
pub fn chart<'a, Message: 'a>(trend: &'a Trend, height: f32) -> Element<'a, Message> {
    canvas::Canvas::new(Chart { trend }).width(Length::Fill).height(height).into()
}

struct Chart<'a> {
    trend: &'a Trend,
}

fn color(rgb: Rgb) -> Color {
    Color::from_rgb8(rgb.0, rgb.1, rgb.2)
}

const CARD: Color = Color::from_rgb(0.957, 0.945, 0.918);
const INK: Color = Color::from_rgb(0.23, 0.27, 0.31);
const GRID: Color = Color::from_rgb(0.82, 0.80, 0.76);

impl<Message> canvas::Program<Message> for Chart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        frame.fill(&Path::rounded_rectangle(Point::ORIGIN, bounds.size(), 12.0.into()), CARD);
        let (left, right, top, bottom) = (36.0, 16.0, 16.0, 32.0);
        let plot = Rectangle::new(
            Point::new(left, top),
            Size::new(bounds.width - left - right, bounds.height - top - bottom),
        );
        let y_of = |v: f32| plot.y + plot.height * (1.0 - v / 10.0);

        for v in [0.0, 2.0, 4.0, 6.0, 8.0, 10.0] {
            let y = y_of(v);
            frame.stroke(
                &Path::line(Point::new(plot.x, y), Point::new(plot.x + plot.width, y)),
                Stroke::default().with_color(GRID).with_width(1.0),
            );
            frame.fill_text(Text {
                content: format!("{v}"),
                position: Point::new(8.0, y - 7.0),
                color: INK,
                size: 12.0.into(),
                ..Text::default()
            });
        }

        let Some((first, last)) = self.trend.time_range() else {
            return vec![frame.into_geometry()];
        };
        let span = (last - first).num_seconds().max(1) as f32;
        let x_of = |at: chrono::DateTime<chrono::FixedOffset>| {
            if first == last {
                plot.x + plot.width / 2.0
            } else {
                plot.x + plot.width * (at - first).num_seconds() as f32 / span
            }
        };
        for (label, at, align) in [
            (first.format("%-d %b").to_string(), first, 0.0),
            (last.format("%-d %b").to_string(), last, 1.0),
        ] {
            frame.fill_text(Text {
                content: label,
                position: Point::new(x_of(at) - 36.0 * align, plot.y + plot.height + 10.0),
                color: INK,
                size: 12.0.into(),
                ..Text::default()
            });
        }

        for series in &self.trend.series {
            let style = line_style(series.leg, series.test);
            let line = Path::new(|builder| {
                for (i, point) in series.points.iter().enumerate() {
                    let p = Point::new(x_of(point.at), y_of(point.intensity as f32));
                    if i == 0 {
                        builder.move_to(p);
                    } else {
                        builder.line_to(p);
                    }
                }
            });
            let dash: Vec<f32> = style.dash.iter().map(|d| d * 2.5).collect();
            frame.stroke(
                &line,
                Stroke {
                    line_dash: LineDash { segments: &dash, offset: 0 },
                    ..Stroke::default().with_color(color(style.color)).with_width(2.5)
                },
            );
            for point in &series.points {
                let corners = marker_shape(point.tier).polygon(
                    x_of(point.at),
                    y_of(point.intensity as f32),
                    5.0,
                );
                let marker = Path::new(|builder| {
                    for (i, (x, y)) in corners.iter().enumerate() {
                        if i == 0 {
                            builder.move_to(Point::new(*x, *y));
                        } else {
                            builder.line_to(Point::new(*x, *y));
                        }
                    }
                    builder.close();
                });
                frame.fill(&marker, color(tier_color(point.tier)));
            }
        }
        vec![frame.into_geometry()]
    }
}
