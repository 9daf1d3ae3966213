//! The trend chart: intensity 0-10 over time, one line per test (the same colour and
//! dash for a test on either leg), each point marked with its session's tier shape.
//! Drawn in the theme's colours; every line is at least 3:1 against the chart's card.

use iced::widget::canvas::{self, Frame, Geometry, LineDash, Path, Stroke, Text};
use iced::{Color, Element, Length, Point, Rectangle, Renderer, Size, Theme, mouse};

use crate::core::TestKind;
use crate::export::chart::Scale;
use crate::export::style::{Rgb, marker_shape, tier_color};
use crate::export::trend::{Series, Trend};
use crate::ui::style;

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

/// The chart's card: the theme's card colour.
pub fn card(theme: &Theme) -> Color {
    theme.extended_palette().background.weak.color
}

/// The colour of a test's line, the same on both legs and in the legend.
pub fn measure_color(theme: &Theme, test: TestKind) -> Color {
    use crate::ui::style::ThemeKind;
    let rgb = |r, g, b| Color::from_rgb8(r, g, b);
    match (ThemeKind::of(theme), test) {
        (ThemeKind::HighContrast, TestKind::Slump) => rgb(0xFF, 0xD6, 0x00),
        (ThemeKind::HighContrast, TestKind::HamstringStretch) => rgb(0x00, 0xE5, 0xFF),
        (ThemeKind::Light, TestKind::Slump) => rgb(0x38, 0x47, 0xC9),
        (ThemeKind::Light, TestKind::HamstringStretch) => rgb(0xA3, 0x47, 0x0A),
        (ThemeKind::Dark, TestKind::Slump) => rgb(0x9A, 0xA6, 0xFF),
        (ThemeKind::Dark, TestKind::HamstringStretch) => rgb(0xFF, 0xB8, 0x70),
    }
}

/// A test's dash pattern, in line widths (solid for the slump test).
pub fn measure_dash(test: TestKind) -> &'static [f32] {
    match test {
        TestKind::Slump => &[],
        TestKind::HamstringStretch => &[4.0, 2.0],
    }
}

impl<Message> canvas::Program<Message> for Chart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let ink = theme.palette().text;
        let mut frame = Frame::new(renderer, bounds.size());
        frame
            .fill(&Path::rounded_rectangle(Point::ORIGIN, bounds.size(), 12.0.into()), card(theme));
        let (left, right, top, bottom) = (36.0, 16.0, 16.0, 32.0);
        let plot = Rectangle::new(
            Point::new(left, top),
            Size::new(bounds.width - left - right, bounds.height - top - bottom),
        );
        // The plot's scale, shared with the reports (no padding: the first and last
        // sessions sit on the plot's edges, under their date labels).
        let area = (plot.x, plot.y, plot.width, plot.height);
        let scale = Scale::new(self.trend, area, 0.0);
        grid(&mut frame, scale.as_ref(), plot, style::boundary(theme), ink);

        let Some(scale) = scale else {
            return vec![frame.into_geometry()];
        };
        dates(&mut frame, &scale, plot, ink);
        for series in &self.trend.series {
            line(&mut frame, &scale, series, measure_color(theme, series.test), ink);
        }
        vec![frame.into_geometry()]
    }
}

/// The grid: a line across the plot at each intensity of [`Scale::GRID`], with its
/// number at the left. Without a scale (nothing to plot) the grid spans the plot.
fn grid(frame: &mut Frame, scale: Option<&Scale>, plot: Rectangle, grid: Color, ink: Color) {
    let y_of = |v: f32| match scale {
        Some(scale) => scale.y_of(v),
        None => plot.y + plot.height * (1.0 - v / f32::from(crate::core::MAX_INTENSITY)),
    };
    for v in Scale::GRID {
        let y = y_of(f32::from(v));
        frame.stroke(
            &Path::line(Point::new(plot.x, y), Point::new(plot.x + plot.width, y)),
            Stroke::default().with_color(grid).with_width(1.0),
        );
        frame.fill_text(Text {
            content: format!("{v}"),
            position: Point::new(8.0, y - 7.0),
            color: ink,
            size: 12.0.into(),
            ..Text::default()
        });
    }
}

/// The first and last sessions' dates under the plot's edges (with the time of day
/// when every session is of one day).
fn dates(frame: &mut Frame, scale: &Scale, plot: Rectangle, ink: Color) {
    let (first, last) = (scale.from, scale.to);
    let x_of = |at| scale.x_of(at);
    // Sessions of one day are told apart by their time of day.
    let format = if first.date_naive() == last.date_naive() { "%-d %b %H:%M" } else { "%-d %b" };
    let width = if first.date_naive() == last.date_naive() { 72.0 } else { 36.0 };
    let mut labels = vec![(first.format(format).to_string(), first, 0.0)];
    if last != first {
        labels.push((last.format(format).to_string(), last, 1.0));
    }
    for (label, at, align) in labels {
        frame.fill_text(Text {
            content: label,
            position: Point::new(x_of(at) - width * align, plot.y + plot.height + 10.0),
            color: ink,
            size: 12.0.into(),
            ..Text::default()
        });
    }
}

/// One test's line in its colour and dash, each point marked with its session's tier
/// shape, outlined in `ink`.
fn line(frame: &mut Frame, scale: &Scale, series: &Series, line_color: Color, ink: Color) {
    let points = scale.points(series);
    let line = Path::new(|builder| {
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                builder.move_to(Point::new(x, y));
            } else {
                builder.line_to(Point::new(x, y));
            }
        }
    });
    let dash: Vec<f32> = measure_dash(series.test).iter().map(|d| d * 2.5).collect();
    frame.stroke(
        &line,
        Stroke {
            line_dash: LineDash { segments: &dash, offset: 0 },
            ..Stroke::default().with_color(line_color).with_width(2.5)
        },
    );
    for (point, &(x, y)) in series.points.iter().zip(&points) {
        let corners = marker_shape(point.tier).polygon(x, y, 5.0);
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
        frame.stroke(&marker, Stroke::default().with_color(ink).with_width(1.5));
    }
}
