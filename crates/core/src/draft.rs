//! A check in progress as it can be kept and taken up again: the browser keeps one
//! across a reload, so a phone that drops the page loses no answer.

use serde::{Deserialize, Serialize};

use crate::answers::{Check, StepAnswer};
use crate::protocol::Card;

/// Where a check in progress stands: its safety answers and set-up, the answers given
/// so far and the card on show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The safety answers and set-up (the bothered leg is set).
    pub check: Check,
    /// Whether the other leg is tested first, as a reference.
    pub reference_first: bool,
    /// The answers given so far, card by card.
    #[serde(default)]
    pub answers: Vec<(Card, StepAnswer)>,
    /// The position of the card on show in the check's plan.
    #[serde(default)]
    pub card: usize,
    /// Whether the transition card before it is on show.
    #[serde(default)]
    pub transition: bool,
}
