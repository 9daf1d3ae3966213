//! The two self-tests as data: their steps, in order, and what each step asks.

use serde::{Deserialize, Serialize};

/// The two tests of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TestKind {
    /// Test A: the seated slump test.
    Slump,
    /// Test B: the standing hamstring stretch.
    HamstringStretch,
}

/// A step of a test, with the stable id used in the clinical brief (A1..B3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StepId {
    A1,
    A2,
    A3,
    A4,
    A5,
    A6,
    B1,
    B2,
    B3,
}

/// A leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Leg {
    Left,
    Right,
}

impl Leg {
    /// The other leg.
    pub fn other(self) -> Leg {
        match self {
            Leg::Left => Leg::Right,
            Leg::Right => Leg::Left,
        }
    }
}

/// The highest intensity on the 0 to 10 scale every step's intensity is given on.
pub const MAX_INTENSITY: u8 = 10;

/// One thing a step asks the person to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ask {
    /// Intensity from 0 (nothing) to 10 (worst imaginable).
    Intensity,
    /// Where it is felt: one or more regions.
    Regions,
    /// What it feels like: one or more qualities.
    Qualities,
    /// Is it the person's familiar feeling?
    Familiar,
    /// Did the feeling ease, stay the same or get stronger?
    Change,
    /// Did sharp or shooting pain increase? (a stop sign)
    SharpPain,
    /// Did the feeling spread below the knee? (a stop sign)
    Spread,
}

/// A step of the protocol: its id, its test and what it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The brief's id.
    pub id: StepId,
    /// The test this step belongs to.
    pub test: TestKind,
    /// What the person records at this step, in the order the card shows it.
    pub asks: &'static [Ask],
}

/// Every step, in protocol order.
pub const STEPS: [Step; 9] = [
    Step { id: StepId::A1, test: TestKind::Slump, asks: &[] },
    Step {
        id: StepId::A2,
        test: TestKind::Slump,
        asks: &[Ask::Intensity, Ask::Regions, Ask::Qualities, Ask::Familiar],
    },
    Step { id: StepId::A3, test: TestKind::Slump, asks: &[Ask::Change] },
    Step { id: StepId::A4, test: TestKind::Slump, asks: &[Ask::Change] },
    Step { id: StepId::A5, test: TestKind::Slump, asks: &[Ask::Change] },
    Step { id: StepId::A6, test: TestKind::Slump, asks: &[Ask::Change] },
    Step { id: StepId::B1, test: TestKind::HamstringStretch, asks: &[] },
    Step {
        id: StepId::B2,
        test: TestKind::HamstringStretch,
        asks: &[Ask::Intensity, Ask::Regions, Ask::Qualities, Ask::SharpPain],
    },
    Step { id: StepId::B3, test: TestKind::HamstringStretch, asks: &[Ask::Change, Ask::Spread] },
];

impl StepId {
    /// Every step id, in protocol order.
    pub const ALL: [StepId; 9] = [
        StepId::A1,
        StepId::A2,
        StepId::A3,
        StepId::A4,
        StepId::A5,
        StepId::A6,
        StepId::B1,
        StepId::B2,
        StepId::B3,
    ];

    /// The protocol data of this step.
    pub fn step(self) -> &'static Step {
        &STEPS[self as usize]
    }

    /// The test this step belongs to.
    pub fn test(self) -> TestKind {
        self.step().test
    }

    /// What this step asks.
    pub fn asks(self) -> &'static [Ask] {
        self.step().asks
    }

    /// How long the person holds this step's position before answering, in seconds
    /// (clinical brief, "Doing the movements safely"): each slump position about 5
    /// seconds, the B2 lean and the B3 toe pull about 10. `None` for the set-up steps.
    pub fn hold_seconds(self) -> Option<u32> {
        match self {
            StepId::A1 | StepId::B1 => None,
            StepId::A2 | StepId::A3 | StepId::A4 | StepId::A5 | StepId::A6 => Some(5),
            StepId::B2 | StepId::B3 => Some(10),
        }
    }

    /// About how long this step takes, in seconds: its hold and some time to answer,
    /// or getting into position. The one count behind every time estimate.
    pub fn seconds_estimate(self) -> u32 {
        match self.hold_seconds() {
            Some(hold) => hold + 15,
            None => 20,
        }
    }

    /// Whether this is a test card, on which the person may stop the test.
    pub fn is_test_card(self) -> bool {
        self.hold_seconds().is_some()
    }

    /// The brief's short code, such as "A3".
    pub fn code(self) -> &'static str {
        match self {
            StepId::A1 => "A1",
            StepId::A2 => "A2",
            StepId::A3 => "A3",
            StepId::A4 => "A4",
            StepId::A5 => "A5",
            StepId::A6 => "A6",
            StepId::B1 => "B1",
            StepId::B2 => "B2",
            StepId::B3 => "B3",
        }
    }
}

impl TestKind {
    /// The steps of this test, in order.
    pub fn steps(self) -> impl Iterator<Item = StepId> {
        StepId::ALL.into_iter().filter(move |id| id.test() == self)
    }
}

/// One card of a check: a step, on one leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Card {
    /// The leg being tested.
    pub leg: Leg,
    /// The step on that leg.
    pub step: StepId,
}

/// The cards of a check, in the order a person does them.
///
/// The slump test is done on every leg first (seated), then the stretch (standing).
/// Within each test the reference leg, when there is one, comes first. The stretch
/// is left out when a strain is suspected.
pub fn plan(bothered: Leg, reference_first: bool, skip_stretch: bool) -> Vec<Card> {
    let legs: Vec<Leg> =
        if reference_first { vec![bothered.other(), bothered] } else { vec![bothered] };
    let tests: &[TestKind] = if skip_stretch {
        &[TestKind::Slump]
    } else {
        &[TestKind::Slump, TestKind::HamstringStretch]
    };
    tests
        .iter()
        .flat_map(|&test| {
            legs.iter().flat_map(move |&leg| test.steps().map(move |step| Card { leg, step }))
        })
        .collect()
}

/// About how long these cards take, in seconds ([`StepId::seconds_estimate`]).
pub fn seconds_for(cards: &[Card]) -> u32 {
    cards.iter().map(|c| c.step.seconds_estimate()).sum()
}

/// About how long a whole check takes, in seconds: both tests on both legs, as
/// recommended (the reference leg first).
pub fn full_check_seconds() -> u32 {
    seconds_for(&plan(Leg::Right, true, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_table_is_indexed_by_id() {
        for (index, id) in StepId::ALL.into_iter().enumerate() {
            assert_eq!(STEPS[index].id, id);
        }
    }

    #[test]
    fn plan_puts_reference_leg_first_within_each_test() {
        let cards = plan(Leg::Right, true, false);
        assert_eq!(cards.len(), 18);
        assert_eq!(cards[0], Card { leg: Leg::Left, step: StepId::A1 });
        assert_eq!(cards[6], Card { leg: Leg::Right, step: StepId::A1 });
        assert_eq!(cards[12], Card { leg: Leg::Left, step: StepId::B1 });
        assert_eq!(cards[17], Card { leg: Leg::Right, step: StepId::B3 });
    }

    #[test]
    fn plan_without_reference_or_stretch() {
        let cards = plan(Leg::Left, false, true);
        assert_eq!(cards.len(), 6);
        assert!(cards.iter().all(|c| c.leg == Leg::Left && c.step.test() == TestKind::Slump));
    }
}
