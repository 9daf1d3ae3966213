//! A step's answers in words: the one renderer behind the detail screen's answer
//! lines, the command line, the HTML and PDF reports' answer tables and the CSV.
//!
//! Each answer is an [`Answered`]: what was asked ([`Ask`], in the order the step's
//! card shows it, which is also the order of the report's columns) and its value.
//! Callers choose the form: a table cell ([`Answered::cell`]), a phrase in a line
//! ([`Answered::phrase`], joined by [`line`]), or a labelled pair
//! ([`Answered::heading`] and the cell).

use crate::core::protocol::Ask;
use crate::core::wording::screens::detail as phrases;
use crate::core::{StepAnswer, StepId, wording};

/// Every question a step can ask, in the order of the answer table's columns.
pub const ASKS: [Ask; 7] = [
    Ask::Intensity,
    Ask::Regions,
    Ask::Qualities,
    Ask::Familiar,
    Ask::Change,
    Ask::SharpPain,
    Ask::Spread,
];

/// The column heading of a question, such as "Feels like".
pub const fn heading(ask: Ask) -> &'static str {
    match ask {
        Ask::Intensity => "Intensity",
        Ask::Regions => "Where",
        Ask::Qualities => "Feels like",
        Ask::Familiar => "Familiar",
        Ask::Change => "Change",
        Ask::SharpPain => "Sharp pain",
        Ask::Spread => "Spread",
    }
}

/// The value of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An intensity, 0 to 10.
    Rating(u8),
    /// Chosen labels (regions or qualities), in their stored order; never empty.
    Labels(Vec<&'static str>),
    /// One chosen word (familiar, change).
    Word(&'static str),
    /// A yes-or-no answer.
    YesNo(bool),
}

/// One answered question of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// What was asked.
    pub ask: Ask,
    /// The answer.
    pub value: Value,
}

impl Answered {
    /// The column heading, such as "Where".
    pub fn heading(&self) -> &'static str {
        heading(self.ask)
    }

    /// The value as a table cell: "7", "Back of thigh, Knee", "Eased", "Yes".
    pub fn cell(&self) -> String {
        self.joined(", ")
    }

    /// The value as [`Answered::cell`] gives it, with a list's labels joined by
    /// `separator` (the CSV uses ";").
    pub fn joined(&self, separator: &str) -> String {
        match &self.value {
            Value::Rating(i) => i.to_string(),
            Value::Labels(labels) => labels.join(separator),
            Value::Word(word) => (*word).to_string(),
            Value::YesNo(yes) => crate::export::words::yes_no(*yes).to_string(),
        }
    }

    /// The answer as a phrase of a line, as the detail screen shows it:
    /// "intensity 7/10", "Back of thigh, Knee", "usual feeling: Yes", "Eased",
    /// "sharp pain increased: no".
    pub fn phrase(&self) -> String {
        match (self.ask, &self.value) {
            (_, Value::Rating(i)) => phrases::intensity(*i),
            (Ask::Familiar, Value::Word(word)) => phrases::usual_feeling(word),
            (Ask::SharpPain, Value::YesNo(yes)) => phrases::sharp_pain(*yes),
            (Ask::Spread, Value::YesNo(yes)) => phrases::spread(*yes),
            _ => self.cell(),
        }
    }

    /// Whether the answer is a warning sign to stand out (a yes to sharp pain or
    /// to spreading below the knee).
    pub fn is_alert(&self) -> bool {
        self.value == Value::YesNo(true)
    }
}

/// What was recorded for `ask`, if anything.
pub fn answer_to(ask: Ask, answer: &StepAnswer) -> Option<Answered> {
    let value = match ask {
        Ask::Intensity => Value::Rating(answer.intensity?),
        Ask::Regions if answer.regions.is_empty() => return None,
        Ask::Regions => Value::Labels(answer.regions.iter().map(|r| wording::region(*r)).collect()),
        Ask::Qualities if answer.qualities.is_empty() => return None,
        Ask::Qualities => {
            Value::Labels(answer.qualities.iter().map(|q| wording::quality(*q)).collect())
        }
        Ask::Familiar => Value::Word(wording::familiar(answer.familiar?)),
        Ask::Change => Value::Word(wording::change(answer.change?)),
        Ask::SharpPain => Value::YesNo(answer.sharp_pain?),
        Ask::Spread => Value::YesNo(answer.spread?),
    };
    Some(Answered { ask, value })
}

/// Everything recorded at a step, in column order.
pub fn answered(answer: &StepAnswer) -> Vec<Answered> {
    ASKS.into_iter().filter_map(|ask| answer_to(ask, answer)).collect()
}

/// A step's answers as the cells of a table row, one per [`ASKS`] column, `None`
/// where nothing was recorded.
pub fn cells(answer: &StepAnswer) -> [Option<Answered>; 7] {
    ASKS.map(|ask| answer_to(ask, answer))
}

/// One step's answers in a line, named by what the person did (no step code: the
/// detail screen is read by the person), such as "Knee straightened: intensity
/// 7/10 · Back of thigh · Stretch or pull · usual feeling: Yes"; only what the step
/// asks, in the card's order. `None` for steps that record nothing.
pub fn line(step: StepId, answer: &StepAnswer) -> Option<String> {
    let parts: Vec<String> =
        step.asks().iter().filter_map(|ask| answer_to(*ask, answer)).map(|a| a.phrase()).collect();
    let name = crate::export::words::capitalized(wording::step_phrase(step));
    (!parts.is_empty()).then(|| format!("{name}: {}", parts.join(" · ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Change, Familiar, Quality, Region};

    fn a2() -> StepAnswer {
        StepAnswer {
            intensity: Some(7),
            regions: [Region::BackOfThigh, Region::BackOfKnee].into(),
            qualities: [Quality::StretchOrPull].into(),
            familiar: Some(Familiar::Yes),
            ..StepAnswer::default()
        }
    }

    #[test]
    fn a_line_holds_what_the_step_asks_in_the_cards_order() {
        let line = line(StepId::A2, &a2()).expect("A2 has answers");
        assert_eq!(
            line,
            format!(
                "Knee straightened: intensity 7/10 · {}, {} · Stretch or pull · usual feeling: Yes",
                wording::region(Region::BackOfThigh),
                wording::region(Region::BackOfKnee)
            )
        );
        // Nothing asked at A1, so nothing to show even if something were stored.
        assert_eq!(super::line(StepId::A1, &a2()), None);
    }

    #[test]
    fn cells_follow_the_columns_and_leave_gaps() {
        let b3 = StepAnswer {
            change: Some(Change::Stronger),
            spread: Some(true),
            ..StepAnswer::default()
        };
        let cells = cells(&b3);
        assert_eq!(cells.iter().filter(|c| c.is_some()).count(), 2);
        assert_eq!(
            cells[4].as_ref().map(Answered::cell).as_deref(),
            Some(wording::change(Change::Stronger))
        );
        let spread = cells[6].as_ref().expect("spread answered");
        assert_eq!((spread.heading(), spread.cell().as_str()), ("Spread", "Yes"));
        assert!(spread.is_alert());
        assert_eq!(spread.phrase(), "spread below knee: yes");
    }

    #[test]
    fn lists_join_with_the_callers_separator() {
        let regions = answer_to(Ask::Regions, &a2()).expect("regions answered");
        assert_eq!(regions.joined(";").matches(';').count(), 1);
        assert_eq!(regions.cell().matches(", ").count(), 1);
        assert_eq!(answered(&a2()).len(), 4);
        assert_eq!(answered(&StepAnswer::default()), Vec::new());
    }
}
