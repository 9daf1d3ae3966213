//! The safety screen: questions asked before any test, and how serious a yes is.

use serde::{Deserialize, Serialize};

/// How urgently a raised red flag must be acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// Emergency care now.
    Emergency,
    /// A doctor today.
    Urgent,
}

/// A red-flag question. The order of [`RedFlag::ALL`] is the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    SaddleNumbness,
    BladderOrBowel,
    SexualDysfunction,
    BothLegs,
    SevereWeakness,
    AfterAccident,
    Fever,
    WeightLoss,
    CancerHistory,
    NightPain,
    WeakImmunity,
}

impl RedFlag {
    /// Every question, emergency ones first.
    pub const ALL: [RedFlag; 11] = [
        RedFlag::SaddleNumbness,
        RedFlag::BladderOrBowel,
        RedFlag::SexualDysfunction,
        RedFlag::BothLegs,
        RedFlag::SevereWeakness,
        RedFlag::AfterAccident,
        RedFlag::Fever,
        RedFlag::WeightLoss,
        RedFlag::CancerHistory,
        RedFlag::NightPain,
        RedFlag::WeakImmunity,
    ];

    /// How serious a yes to this question is.
    pub fn severity(self) -> Severity {
        match self {
            RedFlag::SaddleNumbness
            | RedFlag::BladderOrBowel
            | RedFlag::SexualDysfunction
            | RedFlag::BothLegs
            | RedFlag::SevereWeakness
            | RedFlag::AfterAccident => Severity::Emergency,
            RedFlag::Fever
            | RedFlag::WeightLoss
            | RedFlag::CancerHistory
            | RedFlag::NightPain
            | RedFlag::WeakImmunity => Severity::Urgent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergency_questions_come_first() {
        let first_urgent = RedFlag::ALL
            .iter()
            .position(|f| f.severity() == Severity::Urgent)
            .expect("there are urgent questions");
        assert!(RedFlag::ALL[..first_urgent].iter().all(|f| f.severity() == Severity::Emergency));
        assert!(RedFlag::ALL[first_urgent..].iter().all(|f| f.severity() == Severity::Urgent));
    }
}
