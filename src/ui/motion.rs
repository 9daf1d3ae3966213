//! Moving drawings: a movement step shows the movement, from the pose before it to
//! its own, smoothly and on a loop, with the moving part in the accent colour (as in
//! its still drawing). A start pose has the same elements as the step's drawing with
//! other coordinates, so every frame is the step's drawing with each number moved part
//! of the way: one SVG, no hand-made frames.

use std::cell::RefCell;
use std::collections::HashMap;

use iced::widget::svg;

use crate::core::StepId;
use crate::ui::assets;
use crate::ui::viewport::Art;

/// Frames in one loop.
pub const FRAMES: usize = 24;
/// How long a frame shows, in milliseconds: the loop takes 2.4 s.
pub const FRAME_MS: u64 = 100;

/// The pose a step's movement starts from, drawn with the same elements as the step's
/// own drawing; `None` for the set-up steps, which show a still position.
pub fn start_source(step: StepId) -> Option<&'static [u8]> {
    Some(match step {
        StepId::A1 | StepId::B1 => return None,
        StepId::A2 => include_bytes!("../../assets/steps/motion/a2-start.svg"),
        StepId::A3 => assets::illustration_source(StepId::A2),
        StepId::A4 => assets::illustration_source(StepId::A3),
        StepId::A5 => include_bytes!("../../assets/steps/motion/a5-start.svg"),
        StepId::A6 => assets::illustration_source(StepId::A5),
        StepId::B2 => include_bytes!("../../assets/steps/motion/b2-start.svg"),
        StepId::B3 => assets::illustration_source(StepId::B2),
    })
}

/// How far along the movement frame `frame` is, 0 (start pose) to 1 (the step's own):
/// the step's pose held, back to the start, the start held, then the movement, eased.
pub fn progress(frame: usize) -> f32 {
    let ease = |t: f32| t * t * (3.0 - 2.0 * t);
    match frame % FRAMES {
        0..=5 => 1.0,
        f @ 6..=10 => 1.0 - ease((f - 5) as f32 / 5.0),
        11..=13 => 0.0,
        f => ease((f - 13) as f32 / 10.0),
    }
}

/// One token of an SVG source: text, or a number.
#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Number(f32),
}

/// Splits `source` into text and numbers; a colour (`#1F6FB2`) is text.
fn tokens(source: &str) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut text_from) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'#' {
            // A colour: text up to its end.
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                i += 1;
            }
            continue;
        }
        let starts_number = bytes[i].is_ascii_digit()
            || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        // Digits inside a name ("x1", "stroke-width") belong to the text.
        let after_letter = i > 0 && (bytes[i - 1].is_ascii_alphabetic() || bytes[i - 1] == b'-');
        if starts_number && !after_letter {
            let start = i;
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if let Ok(value) = source[start..i].parse::<f32>() {
                out.push(Token::Text(&source[text_from..start]));
                out.push(Token::Number(value));
                text_from = i;
            }
            continue;
        }
        i += 1;
    }
    out.push(Token::Text(&source[text_from..]));
    out
}

/// The colour of the drawings' arrows, which show where a step moves: they stay as
/// the step draws them while the body moves.
const ARROW: &str = "#D9480F";

/// `end` with every number moved from its value in `start` a share `t` of the way to
/// its own, element by element (a line each); the text (colours too) and the arrows are
/// `end`'s. `None` if the two drawings do not have the same elements with their numbers
/// in the same places.
pub fn tween(start: &str, end: &str, t: f32) -> Option<String> {
    let (from, to): (Vec<&str>, Vec<&str>) = (start.lines().collect(), end.lines().collect());
    if from.len() != to.len() {
        return None;
    }
    let mut out = String::with_capacity(end.len());
    for (a, b) in from.iter().zip(&to) {
        if b.contains(ARROW) {
            out.push_str(b);
        } else {
            tween_line(a, b, t, &mut out)?;
        }
        out.push('\n');
    }
    Some(out)
}

fn tween_line(start: &str, end: &str, t: f32, out: &mut String) -> Option<()> {
    let (from, to) = (tokens(start), tokens(end));
    if from.len() != to.len() {
        return None;
    }
    for (a, b) in from.iter().zip(&to) {
        match (a, b) {
            (Token::Number(a), Token::Number(b)) => {
                let value = a + (b - a) * t;
                out.push_str(&format!("{}", (value * 100.0).round() / 100.0));
            }
            (Token::Text(_), Token::Text(b)) => out.push_str(b),
            _ => return None,
        }
    }
    Some(())
}

thread_local! {
    /// The frames made so far: each is made once and then reused, so iced's SVG cache
    /// keeps their rasterised pictures too.
    static FRAMES_MADE: RefCell<HashMap<(StepId, Art, bool, usize), svg::Handle>> =
        RefCell::new(HashMap::new());
}

/// The drawing of `step` at frame `frame` of its movement, in the palette `art`,
/// mirrored for the left leg; the still drawing for a step without a movement.
pub fn frame(step: StepId, art: Art, mirrored: bool, frame: usize) -> svg::Handle {
    let frame = frame % FRAMES;
    let still = || assets::illustration(step, art, mirrored);
    let Some(start) = start_source(step) else { return still() };
    if progress(frame) >= 1.0 {
        return still();
    }
    FRAMES_MADE.with(|made| {
        let key = (step, art, mirrored, frame);
        if let Some(handle) = made.borrow().get(&key) {
            return handle.clone();
        }
        let end = String::from_utf8_lossy(assets::illustration_source(step));
        let Some(source) = tween(&String::from_utf8_lossy(start), &end, progress(frame)) else {
            return still();
        };
        let source: &'static [u8] = Box::leak(source.into_bytes().into_boxed_slice());
        let handle = assets::drawing(source, art, mirrored);
        made.borrow_mut().insert(key, handle.clone());
        handle
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_movement_step_has_a_start_pose_that_tweens_into_its_drawing() {
        for step in StepId::ALL {
            let Some(start) = start_source(step) else { continue };
            let (start, end) = (
                String::from_utf8_lossy(start),
                String::from_utf8_lossy(assets::illustration_source(step)),
            );
            assert_ne!(start, end, "{step:?} moves");
            let at_end = tween(&start, &end, 1.0).expect("the same elements");
            assert_eq!(tokens(&at_end), tokens(&end), "{step:?} ends on its own drawing");
            let middle = tween(&start, &end, 0.5).expect("the same elements");
            assert_ne!(middle, at_end, "{step:?} is somewhere else halfway");
        }
    }

    #[test]
    fn the_loop_holds_the_step_s_pose_then_moves_smoothly() {
        assert_eq!(progress(0), 1.0);
        assert_eq!(progress(12), 0.0);
        let steps: Vec<f32> = (0..FRAMES).map(progress).collect();
        for pair in steps.windows(2) {
            assert!((pair[1] - pair[0]).abs() <= 0.35, "no jump: {steps:?}");
        }
    }

    #[test]
    fn names_with_digits_and_colours_are_text() {
        let t = tokens(r##"<line x1="1.5" stroke="#1F6FB2" stroke-width="-4"/>"##);
        let numbers: Vec<f32> = t
            .iter()
            .filter_map(|t| if let Token::Number(n) = t { Some(*n) } else { None })
            .collect();
        assert_eq!(numbers, [1.5, -4.0]);
    }
}
