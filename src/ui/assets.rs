//! Images embedded in the binary, so the app runs from any folder.

use iced::widget::svg;

use crate::core::{StepId, Tier};
use crate::ui::viewport::Art;

/// The colours the illustrations are drawn in, and what each becomes in the dark and
/// high-contrast palettes: card, step, floor, chair, body, the leg being tested, arrows.
pub const ART_COLOURS: [(&str, &str, &str); 7] = [
    ("#F4F1EA", "#2A2C31", "#000000"),
    ("#E6DFD0", "#3A3D44", "#000000"),
    ("#C9C2B3", "#6B6F78", "#FFFFFF"),
    ("#8A8170", "#A39C8E", "#FFFFFF"),
    ("#3B4450", "#E4E6EA", "#FFFFFF"),
    ("#1F6FB2", "#7DB8F0", "#FFD600"),
    ("#D9480F", "#FF9A66", "#00E676"),
];

/// The illustration of a step's posture, in the palette of the theme on show, and
/// mirrored for the left leg (the drawings show the right leg being tested).
pub fn illustration(step: StepId, art: Art, mirrored: bool) -> svg::Handle {
    drawing(illustration_source(step), art, mirrored)
}

/// An SVG drawing of `assets/`, recoloured for `art` and mirrored if asked.
pub fn drawing(bytes: &'static [u8], art: Art, mirrored: bool) -> svg::Handle {
    if art == Art::Light && !mirrored {
        return svg::Handle::from_memory(bytes);
    }
    let mut source = String::from_utf8_lossy(bytes).into_owned();
    if art != Art::Light {
        for (light, dark, high) in ART_COLOURS {
            let to = if art == Art::Dark { dark } else { high };
            source = source.replace(light, to);
        }
    }
    if art == Art::HighContrast {
        // The see-through band that marks the stretched thigh: on black, only an
        // opaque band is clearly seen.
        source = source.replace(r#"stroke-opacity="0.35""#, r#"stroke-opacity="0.9""#);
    }
    if mirrored {
        source = mirror(&source);
    }
    svg::Handle::from_memory(source.into_bytes())
}

/// The drawing flipped left to right, inside its 320-wide view box.
fn mirror(source: &str) -> String {
    let Some(open_end) = source.find("<svg").and_then(|i| source[i..].find('>').map(|j| i + j + 1))
    else {
        return source.to_string();
    };
    let Some(close) = source.rfind("</svg>") else {
        return source.to_string();
    };
    format!(
        "{}<g transform=\"translate(320 0) scale(-1 1)\">{}</g>{}",
        &source[..open_end],
        &source[open_end..close],
        &source[close..]
    )
}

/// The SVG source of a step's illustration, as drawn for the light theme.
pub fn illustration_source(step: StepId) -> &'static [u8] {
    let bytes: &'static [u8] = match step {
        StepId::A1 => include_bytes!("../../assets/steps/a1.svg"),
        StepId::A2 => include_bytes!("../../assets/steps/a2.svg"),
        StepId::A3 => include_bytes!("../../assets/steps/a3.svg"),
        StepId::A4 => include_bytes!("../../assets/steps/a4.svg"),
        StepId::A5 => include_bytes!("../../assets/steps/a5.svg"),
        StepId::A6 => include_bytes!("../../assets/steps/a6.svg"),
        StepId::B1 => include_bytes!("../../assets/steps/b1.svg"),
        StepId::B2 => include_bytes!("../../assets/steps/b2.svg"),
        StepId::B3 => include_bytes!("../../assets/steps/b3.svg"),
    };
    bytes
}

/// The exercise cards' drawings, start and end of each movement (draw them with
/// [`drawing`] for the theme on show).
pub mod exercise {
    /// The nerve slider, knee bent, looking down.
    pub const SLIDER_START: &[u8] = include_bytes!("../../assets/exercises/slider-start.svg");
    /// The nerve slider, knee straight, looking up.
    pub const SLIDER_END: &[u8] = include_bytes!("../../assets/exercises/slider-end.svg");
    /// The hamstring stretch, standing tall.
    pub const STRETCH_START: &[u8] = include_bytes!("../../assets/exercises/stretch-start.svg");
    /// The hamstring stretch, leaning forward.
    pub const STRETCH_END: &[u8] = include_bytes!("../../assets/exercises/stretch-end.svg");
}

/// A check mark, drawn in the current text colour.
pub fn check_mark() -> svg::Handle {
    svg::Handle::from_memory(
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12.5l5 5L20 6.5" fill="none" stroke="black" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>"#
            .as_slice(),
    )
}

/// An empty ring: the mark of a choice not chosen, in the space a check mark takes.
pub fn ring() -> svg::Handle {
    svg::Handle::from_memory(
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8.5" fill="none" stroke="black" stroke-width="2.5"/></svg>"#
            .as_slice(),
    )
}

/// The symbol of a tier: a distinct shape for each, so tiers never differ by colour alone.
/// The same shapes as in exports; recoloured by the widget that shows it.
pub fn tier_icon(tier: Tier) -> svg::Handle {
    let body = crate::export::style::tier_icon_body(tier);
    let svg =
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{body}</svg>"#);
    svg::Handle::from_memory(svg.into_bytes())
}

/// The window icon's side, in pixels.
const ICON_SIDE: u32 = 128;

/// The window icon: `assets/icon.png` scaled to 128 px, kept as raw RGBA bytes
/// (`convert assets/icon.png -resize 128x128 -depth 8 rgba:assets/icon-128.rgba`), so
/// that opening the window decodes no image (a test checks it is the same picture).
/// `None` only if the bytes are the wrong size, which only a broken build could
/// cause; the window then opens without an icon.
pub fn window_icon() -> Option<iced::window::Icon> {
    let rgba = include_bytes!("../../assets/icon-128.rgba");
    iced::window::icon::from_rgba(rgba.to_vec(), ICON_SIDE, ICON_SIDE).ok()
}

#[cfg(test)]
mod tests {
    use super::ICON_SIDE;

    #[test]
    fn the_window_icon_is_the_app_icon_scaled_down() {
        assert!(super::window_icon().is_some());
        let raw = include_bytes!("../../assets/icon-128.rgba");
        let png = image::load_from_memory_with_format(
            include_bytes!("../../assets/icon.png"),
            image::ImageFormat::Png,
        )
        .expect("the app icon decodes")
        .to_rgba8();
        let scaled = image::imageops::resize(
            &png,
            ICON_SIDE,
            ICON_SIDE,
            image::imageops::FilterType::Triangle,
        );
        // Compared as drawn (colour times opacity: a clear pixel's colour is never
        // seen). Two scalers differ a little along edges; another picture, a lot.
        let premultiplied = |p: &[u8]| {
            p[..3]
                .iter()
                .map(|c| u32::from(*c) * u32::from(p[3]) / 255)
                .chain([u32::from(p[3])])
                .collect::<Vec<_>>()
        };
        let diff: u64 = scaled
            .as_raw()
            .chunks(4)
            .zip(raw.chunks(4))
            .flat_map(|(a, b)| {
                premultiplied(a)
                    .into_iter()
                    .zip(premultiplied(b))
                    .map(|(a, b)| u64::from(a.abs_diff(b)))
            })
            .sum();
        let mean = diff as f64 / raw.len() as f64;
        assert!(mean < 2.0, "mean difference {mean:.2} levels per channel");
    }
}
