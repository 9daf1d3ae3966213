//! The pure core of Tension Check: the test protocol as data, the answer model,
//! the red-flag screen and the grading rules.
//!
//! Nothing in here draws, reads files or talks to the network, so every rule can
//! be tested as a plain function.

pub mod advice;
pub mod answers;
pub mod countdown;
pub mod draft;
pub mod grading;
pub mod guide;
pub mod protocol;
pub mod red_flags;
pub mod wording;

pub use advice::Advice;
pub use answers::{Change, Check, Familiar, Leg, LegRecord, Quality, Region, StepAnswer};
pub use countdown::Countdown;
pub use draft::Draft;
pub use grading::{Outcome, Reason, Strength, Tier, grade};
pub use guide::Cue;
pub use protocol::{Ask, Card, MAX_INTENSITY, Step, StepId, TestKind};
pub use red_flags::{RedFlag, Severity};
