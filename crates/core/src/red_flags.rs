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
///
/// Each question asks about one condition. Two questions of earlier versions asked
/// about several at once; they are kept, as [`RedFlag::LEGACY`], so that the
/// answers of saved sessions still read and grade as they did, but are no longer
/// asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    SaddleNumbness,
    /// Earlier versions only: difficulty passing urine, or loss of bladder or bowel
    /// control, in one question. Now [`RedFlag::UrineDifficulty`],
    /// [`RedFlag::BladderControl`] and [`RedFlag::BowelControl`].
    BladderOrBowel,
    SexualDysfunction,
    BothLegs,
    SevereWeakness,
    AfterAccident,
    Fever,
    WeightLoss,
    CancerHistory,
    NightPain,
    /// Earlier versions only: a weakened immune system or long-term steroids, in one
    /// question. Now [`RedFlag::ImmunityWeakened`] and [`RedFlag::LongTermSteroids`].
    WeakImmunity,
    /// New difficulty passing urine.
    UrineDifficulty,
    /// New loss of bladder control.
    BladderControl,
    /// New loss of bowel control.
    BowelControl,
    /// A weakened immune system.
    ImmunityWeakened,
    /// Long-term steroid medicine.
    LongTermSteroids,
}

impl RedFlag {
    /// Every question asked today, emergency ones first.
    pub const ALL: [RedFlag; 14] = [
        RedFlag::SaddleNumbness,
        RedFlag::UrineDifficulty,
        RedFlag::BladderControl,
        RedFlag::BowelControl,
        RedFlag::SexualDysfunction,
        RedFlag::BothLegs,
        RedFlag::SevereWeakness,
        RedFlag::AfterAccident,
        RedFlag::Fever,
        RedFlag::WeightLoss,
        RedFlag::CancerHistory,
        RedFlag::NightPain,
        RedFlag::ImmunityWeakened,
        RedFlag::LongTermSteroids,
    ];

    /// Questions of earlier versions that combined several conditions: read from
    /// saved sessions, never asked.
    pub const LEGACY: [RedFlag; 2] = [RedFlag::BladderOrBowel, RedFlag::WeakImmunity];

    /// Every question, today's and earlier versions', in the order a saved
    /// session's answers are listed: each earlier question beside the ones that
    /// replaced it.
    pub const LISTED: [RedFlag; 16] = [
        RedFlag::SaddleNumbness,
        RedFlag::BladderOrBowel,
        RedFlag::UrineDifficulty,
        RedFlag::BladderControl,
        RedFlag::BowelControl,
        RedFlag::SexualDysfunction,
        RedFlag::BothLegs,
        RedFlag::SevereWeakness,
        RedFlag::AfterAccident,
        RedFlag::Fever,
        RedFlag::WeightLoss,
        RedFlag::CancerHistory,
        RedFlag::NightPain,
        RedFlag::WeakImmunity,
        RedFlag::ImmunityWeakened,
        RedFlag::LongTermSteroids,
    ];

    /// How serious a yes to this question is.
    pub fn severity(self) -> Severity {
        match self {
            RedFlag::SaddleNumbness
            | RedFlag::BladderOrBowel
            | RedFlag::UrineDifficulty
            | RedFlag::BladderControl
            | RedFlag::BowelControl
            | RedFlag::SexualDysfunction
            | RedFlag::BothLegs
            | RedFlag::SevereWeakness
            | RedFlag::AfterAccident => Severity::Emergency,
            RedFlag::Fever
            | RedFlag::WeightLoss
            | RedFlag::CancerHistory
            | RedFlag::NightPain
            | RedFlag::WeakImmunity
            | RedFlag::ImmunityWeakened
            | RedFlag::LongTermSteroids => Severity::Urgent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_listed_once() {
        let mut listed = RedFlag::LISTED.to_vec();
        listed.sort();
        listed.dedup();
        assert_eq!(listed.len(), RedFlag::ALL.len() + RedFlag::LEGACY.len());
        assert!(RedFlag::ALL.iter().chain(&RedFlag::LEGACY).all(|f| RedFlag::LISTED.contains(f)));
        assert!(RedFlag::LEGACY.iter().all(|f| !RedFlag::ALL.contains(f)));
    }

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
