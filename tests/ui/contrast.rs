//! WCAG 2.2 contrast of every widget style, computed from the same style functions
//! the app draws with, in light, dark and high contrast: text at least 4.5:1 (7:1 in
//! high contrast), control edges, focus and chosen states at least 3:1 against what is
//! next to them.

use iced::widget::{button, container};
use iced::{Background, Color, Theme};
use tension_check::core::Tier;
use tension_check::ui::assets::ART_COLOURS;
use tension_check::ui::style::{self, contrast};

fn themes() -> [(Theme, f32); 3] {
    [(style::light(), 4.5), (style::dark(), 4.5), (style::high_contrast(), 7.0)]
}

fn fill(background: Option<Background>, page: Color) -> Color {
    match background {
        Some(Background::Color(c)) => c,
        _ => page,
    }
}

#[track_caller]
fn at_least(what: &str, theme: &Theme, a: Color, b: Color, min: f32, problems: &mut Vec<String>) {
    let ratio = contrast(a, b);
    if ratio + 1e-3 < min {
        problems.push(format!("{theme}: {what} is {ratio:.2}:1, needs {min}:1"));
    }
}

#[test]
fn every_style_meets_wcag_contrast() {
    let mut problems = Vec::new();
    for (theme, text_min) in themes() {
        let page = theme.palette().background;
        let p = &mut problems;
        at_least("body text", &theme, theme.palette().text, page, text_min, p);
        at_least("an unchosen control's outline", &theme, style::boundary(&theme), page, 3.0, p);

        for selected in [false, true] {
            for status in [button::Status::Active, button::Status::Hovered, button::Status::Pressed]
            {
                let s = style::choice(selected)(&theme, status);
                let bg = fill(s.background, page);
                let what = format!("choice (chosen: {selected}, {status:?})");
                at_least(&format!("{what} text"), &theme, s.text_color, bg, text_min, p);
                at_least(&format!("{what} outline"), &theme, s.border.color, page, 3.0, p);
            }
            let boxed = style::choice_box(selected)(&theme);
            let bg = fill(boxed.background, page);
            let text = boxed.text_color.expect("a choice box sets its text colour");
            at_least("choice box text", &theme, text, bg, text_min, p);
            at_least("choice box outline", &theme, boxed.border.color, page, 3.0, p);
        }
        // A chosen option differs from an unchosen one by more than hue.
        let on = fill(style::choice(true)(&theme, button::Status::Active).background, page);
        at_least("a chosen option's fill against the page", &theme, on, page, 3.0, p);

        type Style = fn(&Theme, button::Status) -> button::Style;
        let buttons: [(&str, Style); 4] = [
            ("primary", style::primary),
            ("secondary", style::secondary),
            ("quiet", style::quiet),
            ("danger", style::danger),
        ];
        for (name, f) in buttons {
            for status in [button::Status::Active, button::Status::Hovered] {
                let s = f(&theme, status);
                let bg = fill(s.background, page);
                at_least(
                    &format!("{name} button text ({status:?})"),
                    &theme,
                    s.text_color,
                    bg,
                    text_min,
                    p,
                );
                if s.background.is_some() && name != "quiet" {
                    let edge = if s.border.width > 0.0 { s.border.color } else { bg };
                    at_least(
                        &format!("{name} button edge ({status:?})"),
                        &theme,
                        edge,
                        page,
                        3.0,
                        p,
                    );
                }
            }
        }

        type Container = fn(&Theme) -> container::Style;
        let containers: [(&str, Container); 4] = [
            ("card", style::card),
            ("note", style::note),
            ("action bar", style::action_bar),
            ("top bar", style::top_bar),
        ];
        for (name, f) in containers {
            let s = f(&theme);
            let bg = fill(s.background, page);
            let text = s.text_color.unwrap_or(theme.palette().text);
            at_least(&format!("{name} text"), &theme, text, bg, text_min, p);
        }
        let ring = style::focus_ring(&theme, true);
        at_least("the keyboard focus ring", &theme, ring.border.color, page, 3.0, p);

        for tier in Tier::ALL {
            let s = style::tier_badge(tier)(&theme);
            let bg = fill(s.background, page);
            let text = s.text_color.expect("badges set their text colour");
            at_least(&format!("{tier:?} badge text"), &theme, text, bg, text_min, p);
        }
    }
    assert!(problems.is_empty(), "contrast problems:\n{}", problems.join("\n"));
}

fn hex(s: &str) -> Color {
    let v = u32::from_str_radix(s.trim_start_matches('#'), 16).expect("a hex colour");
    Color::from_rgb8((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

#[test]
fn illustrations_read_in_every_palette() {
    // (card, step, floor, chair, body, tested leg, arrows): the figure, the tested leg
    // and the arrows must stand out from the card by 3:1 in each palette.
    for palette in 0..3 {
        let pick = |i: usize| {
            let (light, dark, high) = ART_COLOURS[i];
            hex([light, dark, high][palette])
        };
        let card = pick(0);
        for (i, what) in [(4, "figure"), (5, "tested leg"), (6, "arrow")] {
            let ratio = contrast(pick(i), card);
            assert!(ratio >= 3.0, "palette {palette}: the {what} is {ratio:.2}:1 on its card");
        }
    }
}

#[test]
fn trend_lines_read_on_the_chart_card() {
    use tension_check::core::TestKind;
    use tension_check::ui::widgets::chart::{card, measure_color};
    for (theme, _) in themes() {
        for test in [TestKind::Slump, TestKind::HamstringStretch] {
            let ratio = contrast(measure_color(&theme, test), card(&theme));
            assert!(ratio >= 3.0, "{theme}: the {test:?} line is {ratio:.2}:1 on the chart");
        }
        let ratio = contrast(theme.palette().text, card(&theme));
        assert!(ratio >= 4.5, "{theme}: chart labels are {ratio:.2}:1");
    }
}
