//! What a person records during a check.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use super::protocol::Leg;
use super::protocol::{Ask, Card, StepId};
use super::red_flags::RedFlag;

/// Where a feeling is felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    LowerBack,
    Buttock,
    BackOfThigh,
    BackOfKnee,
    UpperCalf,
    LowerLegOrFoot,
}

impl Region {
    /// Every region, from the top of the body down.
    pub const ALL: [Region; 6] = [
        Region::LowerBack,
        Region::Buttock,
        Region::BackOfThigh,
        Region::BackOfKnee,
        Region::UpperCalf,
        Region::LowerLegOrFoot,
    ];

    /// Below the knee: the most specific single location sign of nerve involvement.
    pub fn is_below_knee(self) -> bool {
        matches!(self, Region::UpperCalf | Region::LowerLegOrFoot)
    }
}

/// What a feeling is like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quality {
    StretchOrPull,
    DullAche,
    Burning,
    Tingling,
    Numbness,
    Shooting,
    Sharp,
}

impl Quality {
    /// Every quality, in the order the card shows them.
    pub const ALL: [Quality; 7] = [
        Quality::StretchOrPull,
        Quality::DullAche,
        Quality::Burning,
        Quality::Tingling,
        Quality::Numbness,
        Quality::Shooting,
        Quality::Sharp,
    ];

    /// Burning, tingling, numbness or shooting: words that point to a nerve.
    pub fn is_nerve_type(self) -> bool {
        matches!(self, Quality::Burning | Quality::Tingling | Quality::Numbness | Quality::Shooting)
    }
}

/// Is this the feeling the person usually has?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Familiar {
    Yes,
    No,
    NotSure,
}

/// How the feeling responded to a movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Change {
    Eased,
    NoChange,
    Stronger,
}

/// The answers given at one step of one leg. Fields a step does not ask stay empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepAnswer {
    /// 0 to 10.
    pub intensity: Option<u8>,
    /// Where it is felt.
    pub regions: BTreeSet<Region>,
    /// What it feels like.
    pub qualities: BTreeSet<Quality>,
    /// Is it the familiar feeling?
    pub familiar: Option<Familiar>,
    /// How it changed with this step's movement.
    pub change: Option<Change>,
    /// Did sharp or shooting pain increase (B2), or come on with this movement (asked
    /// at once wherever Sharp or Shooting is chosen)? A yes stops the test.
    pub sharp_pain: Option<bool>,
    /// Did the feeling spread below the knee?
    pub spread: Option<bool>,
}

impl StepAnswer {
    /// Whether something was felt at this step (intensity above 0).
    pub fn felt(&self) -> bool {
        self.intensity.is_some_and(|i| i > 0)
    }

    /// Whether Sharp or Shooting is among what it feels like.
    pub fn sharp_quality(&self) -> bool {
        self.qualities.iter().any(|q| matches!(q, Quality::Sharp | Quality::Shooting))
    }

    /// The first required answer not yet given for `step`, if any.
    ///
    /// Where and what it feels like are required only once something is felt.
    pub fn first_missing(&self, step: StepId) -> Option<Ask> {
        step.asks().iter().copied().find(|ask| match ask {
            Ask::Intensity => self.intensity.is_none(),
            Ask::Regions => self.felt() && self.regions.is_empty(),
            Ask::Qualities => self.felt() && self.qualities.is_empty(),
            Ask::Familiar => self.felt() && self.familiar.is_none(),
            Ask::Change => self.change.is_none(),
            Ask::SharpPain => self.sharp_pain.is_none(),
            Ask::Spread => self.spread.is_none(),
        })
    }

    /// Whether this step's answers call for stopping the test at once.
    pub fn is_stop_sign(&self) -> bool {
        self.sharp_pain == Some(true) || self.spread == Some(true)
    }

    /// Keeps only the answers `step` asks for, so a stored check holds nothing stray.
    pub fn retain_asked(&mut self, step: StepId) {
        let asks = step.asks();
        if !asks.contains(&Ask::Intensity) {
            self.intensity = None;
        }
        if !asks.contains(&Ask::Regions) || !self.felt() {
            self.regions.clear();
        }
        if !asks.contains(&Ask::Qualities) || !self.felt() {
            self.qualities.clear();
        }
        if !asks.contains(&Ask::Familiar) || !self.felt() {
            self.familiar = None;
        }
        if !asks.contains(&Ask::Change) {
            self.change = None;
        }
        // Asked on any card where Sharp or Shooting is chosen, as well as at B2.
        if !asks.contains(&Ask::SharpPain) && !self.sharp_quality() {
            self.sharp_pain = None;
        }
        if !asks.contains(&Ask::Spread) {
            self.spread = None;
        }
    }
}

/// The answers recorded for one leg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegRecord {
    /// Which leg.
    pub leg: Leg,
    /// Whether this is the reference leg (the one that does not bother the person).
    pub reference: bool,
    /// Answers by step id.
    #[serde(default)]
    pub steps: BTreeMap<StepId, StepAnswer>,
}

impl LegRecord {
    /// The answers of a step, if the step was reached.
    pub fn step(&self, id: StepId) -> Option<&StepAnswer> {
        self.steps.get(&id)
    }

    /// The recorded change at a step.
    pub fn change(&self, id: StepId) -> Option<Change> {
        self.step(id).and_then(|s| s.change)
    }

    /// The recorded intensity at a step.
    pub fn intensity(&self, id: StepId) -> Option<u8> {
        self.step(id).and_then(|s| s.intensity)
    }

    /// The highest intensity recorded on this leg.
    pub fn peak(&self) -> Option<u8> {
        self.steps.values().filter_map(|s| s.intensity).max()
    }
}

/// A whole check: safety answers, set-up and the answers of every card reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// Every red-flag question asked, with its answer.
    #[serde(default)]
    pub red_flags: BTreeMap<RedFlag, bool>,
    /// The injury check: a suspected hamstring strain. `None` when not reached.
    #[serde(default)]
    pub injury: Option<bool>,
    /// The leg that bothers the person. `None` when the check ended before set-up,
    /// and when both legs bother ([`Check::both_bothered`]).
    #[serde(default)]
    pub bothered: Option<Leg>,
    /// The set-up said both legs bother: there is no reference leg, and each leg is
    /// graded on its own (clinical brief, section 5, third pass). Files saved before
    /// this choice existed read as `false`, and `false` is not written, so a file
    /// without the choice reads the same in an older build.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub both_bothered: bool,
    /// Per-leg answers, in the order the legs were tested.
    #[serde(default)]
    pub legs: Vec<LegRecord>,
    /// The card at which the person was told to stop, if any.
    #[serde(default)]
    pub stopped_at: Option<Card>,
    /// The both-legs red-flag question, asked again at the result ("in daily life,
    /// not only during the test") when both legs showed nerve-type feelings below
    /// the knee. `None` when it was not asked (and then not written). A yes grades
    /// as Emergency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub both_legs_again: Option<bool>,
}

impl Check {
    /// An empty check.
    pub fn new() -> Self {
        Check {
            red_flags: BTreeMap::new(),
            injury: None,
            bothered: None,
            both_bothered: false,
            legs: Vec::new(),
            stopped_at: None,
            both_legs_again: None,
        }
    }

    /// The record of a leg, if that leg was tested.
    pub fn leg(&self, leg: Leg) -> Option<&LegRecord> {
        self.legs.iter().find(|r| r.leg == leg)
    }

    /// The red flags answered yes.
    pub fn raised_flags(&self) -> impl Iterator<Item = RedFlag> + '_ {
        self.red_flags.iter().filter(|(_, yes)| **yes).map(|(flag, _)| *flag)
    }

    /// Records the answers of a card, creating the leg record when needed.
    pub fn record(&mut self, card: Card, mut answer: StepAnswer) {
        answer.retain_asked(card.step);
        let reference = !self.both_bothered && self.bothered.is_some_and(|b| b != card.leg);
        let index = match self.legs.iter().position(|r| r.leg == card.leg) {
            Some(index) => index,
            None => {
                self.legs.push(LegRecord { leg: card.leg, reference, steps: BTreeMap::new() });
                self.legs.len() - 1
            }
        };
        self.legs[index].steps.insert(card.step, answer);
    }
}

impl Default for Check {
    fn default() -> Self {
        Check::new()
    }
}
