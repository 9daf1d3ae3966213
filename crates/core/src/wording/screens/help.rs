//! The help each screen offers through its Help button: what the screen is for and
//! how to answer, before the keyboard shortcuts.

use crate::protocol::{Ask, StepId};

fn lines(heading: &str, lines: &[&str]) -> (String, Vec<String>) {
    (heading.to_string(), lines.iter().map(|l| l.to_string()).collect())
}

/// How to answer one kind of question on a step card.
pub fn how_to_answer(ask: Ask) -> &'static str {
    match ask {
        Ask::Intensity => {
            "How strong: tap a number from 0 (nothing at all) to 10 (the worst you can imagine)."
        }
        Ask::Regions => "Where: tap every place you feel it. Tap a place again to take it back.",
        Ask::Qualities => {
            "What it feels like: tap every word that fits. Tap again to take it back."
        }
        Ask::Familiar => {
            "Familiar: is this the feeling that usually bothers you? Yes, No or Not sure."
        }
        Ask::Change => {
            "Change: compared with just before this movement, did the feeling ease, stay the same or get stronger?"
        }
        Ask::SharpPain | Ask::Spread => "Yes stops the test at once. Stop the movement too.",
    }
}

/// The help for a step card: its instruction and how to answer each question.
pub fn step(step: StepId) -> (String, Vec<String>) {
    let mut out = vec![crate::wording::step_instruction(step).to_string()];
    if step.asks().is_empty() {
        out.push("Get into position, then tap Next.".to_string());
    }
    out.extend(step.asks().iter().map(|ask| how_to_answer(*ask).to_string()));
    out.push("Move slowly and stop anything that brings sharp or shooting pain.".to_string());
    ("This step".to_string(), out)
}

/// The home screen's help.
pub fn home() -> (String, Vec<String>) {
    lines(
        "Getting started",
        &[
            "New check walks you through a few safety questions and two short tests, one leg at a time.",
            "History shows your saved checks, how they changed over time, and a report to share.",
            "Text size and colours are in Settings.",
        ],
    )
}

/// The safety questions' help.
pub fn safety() -> (String, Vec<String>) {
    lines(
        "Safety questions",
        &[
            "Answer each question Yes or No. If you are not sure, answer Yes: it is safer.",
            "A Yes ends the check and tells you where to get help.",
        ],
    )
}

/// The set-up screen's help.
pub fn setup() -> (String, Vec<String>) {
    lines(
        "Which leg",
        &[
            "Choose the leg that bothers you.",
            "Testing the other leg first gives a comparison; you can skip it.",
        ],
    )
}

/// The result's help.
pub fn result() -> (String, Vec<String>) {
    lines(
        "Your result",
        &[
            "The result says what your answers point to, why, and what to do next.",
            "It is not a diagnosis. It is saved in your history.",
        ],
    )
}

/// The history's help.
pub fn history() -> (String, Vec<String>) {
    lines(
        "History",
        &[
            "Tap a session to see its answers, add a note or delete it.",
            "Trends shows how strong the feeling was over time; Export makes a report.",
        ],
    )
}

/// The trends' help.
pub fn trends() -> (String, Vec<String>) {
    lines(
        "Trends",
        &[
            "Each line is the strongest feeling of a test, 0 to 10, one point per check.",
            "Lower means less tension.",
        ],
    )
}

/// The export screen's help.
pub fn export() -> (String, Vec<String>) {
    lines(
        "Export",
        &[
            "Choose which sessions, a format and a folder, then Export.",
            "The PDF or HTML report is made to hand to a physical therapist.",
        ],
    )
}

/// The settings' help.
pub fn settings() -> (String, Vec<String>) {
    lines("Settings", &["Choose the colours and the text size. Changes apply at once."])
}
