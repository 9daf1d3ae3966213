//! Images embedded in the binary, so the app runs from any folder.

use iced::widget::svg;

use crate::core::{StepId, Tier};

/// The illustration of a step's posture.
pub fn illustration(step: StepId) -> svg::Handle {
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
    svg::Handle::from_memory(bytes)
}

/// A check mark, drawn in the current text colour.
pub fn check_mark() -> svg::Handle {
    svg::Handle::from_memory(
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12.5l5 5L20 6.5" fill="none" stroke="black" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>"#
            .as_slice(),
    )
}

/// The symbol of a tier: a distinct shape for each, so tiers never differ by colour alone.
pub fn tier_icon(tier: Tier) -> svg::Handle {
    let body: &'static str = match tier {
        // A warning triangle with an exclamation mark.
        Tier::Emergency => {
            r#"<path d="M12 2.5L23 21.5H1z" fill="none" stroke="black" stroke-width="2.2" stroke-linejoin="round"/><path d="M12 9v6" stroke="black" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="18.2" r="1.4" fill="black"/>"#
        }
        // A clock: today.
        Tier::Urgent => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="black" stroke-width="2.2"/><path d="M12 6v6l4 3" fill="none" stroke="black" stroke-width="2.4" stroke-linecap="round"/>"#
        }
        // A stop octagon with a bar.
        Tier::StopAndConsult => {
            r#"<path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="none" stroke="black" stroke-width="2.2" stroke-linejoin="round"/><path d="M7 12h10" stroke="black" stroke-width="2.6" stroke-linecap="round"/>"#
        }
        // A nerve: a zigzag.
        Tier::NerveTensionLikely => {
            r#"<path d="M2 13l4-6 4 10 4-10 4 10 4-6" fill="none" stroke="black" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        }
        // A muscle: a spindle.
        Tier::HamstringTightnessLikely => {
            r#"<path d="M2 12C6 4 18 4 22 12C18 20 6 20 2 12z" fill="none" stroke="black" stroke-width="2.2"/><path d="M6 12h12" stroke="black" stroke-width="2" stroke-linecap="round"/>"#
        }
        // Both: two overlapping rings.
        Tier::Both => {
            r#"<circle cx="8.5" cy="12" r="6.5" fill="none" stroke="black" stroke-width="2.2"/><circle cx="15.5" cy="12" r="6.5" fill="none" stroke="black" stroke-width="2.2"/>"#
        }
        // Normal: a tick in a circle.
        Tier::NormalResponse => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="black" stroke-width="2.2"/><path d="M7 12.5l3.5 3.5L17 8.5" fill="none" stroke="black" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        }
        // Nothing notable: a level line in a circle.
        Tier::NoNotableTension => {
            r#"<circle cx="12" cy="12" r="10" fill="none" stroke="black" stroke-width="2.2"/><path d="M7 12h10" stroke="black" stroke-width="2.4" stroke-linecap="round"/>"#
        }
        // Unclear: a question mark.
        Tier::Unclear => {
            r#"<path d="M8 8.5a4 4 0 1 1 5.5 3.7c-1 .5-1.5 1.2-1.5 2.3v1" fill="none" stroke="black" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="19.5" r="1.5" fill="black"/>"#
        }
    };
    let svg =
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{body}</svg>"#);
    svg::Handle::from_memory(svg.into_bytes())
}
