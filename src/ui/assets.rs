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

/// The illustration of a step's posture, in the palette of the theme on show.
pub fn illustration(step: StepId, art: Art) -> svg::Handle {
    let bytes = illustration_source(step);
    match art {
        Art::Light => svg::Handle::from_memory(bytes),
        Art::Dark | Art::HighContrast => {
            let mut source = String::from_utf8_lossy(bytes).into_owned();
            for (light, dark, high) in ART_COLOURS {
                let to = if art == Art::Dark { dark } else { high };
                source = source.replace(light, to);
            }
            svg::Handle::from_memory(source.into_bytes())
        }
    }
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

/// The window icon, decoded from the PNG in `assets/` (`None` if it cannot be decoded,
/// which only a broken build could cause; the window then opens without an icon).
pub fn window_icon() -> Option<iced::window::Icon> {
    let bytes = include_bytes!("../../assets/icon.png");
    let image = image::load_from_memory_with_format(bytes, image::ImageFormat::Png).ok()?;
    let rgba = image.to_rgba8();
    let (width, height) = rgba.dimensions();
    iced::window::icon::from_rgba(rgba.into_raw(), width, height).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        assert!(super::window_icon().is_some());
    }
}
