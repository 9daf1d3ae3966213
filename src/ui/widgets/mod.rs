//! Reusable widgets shared by the screens.

pub mod action;
pub mod bullet;
pub mod chart;
pub mod choice;
mod forward;
pub mod frame;
pub mod help;
pub mod hold;
pub mod page;
pub mod press;
pub mod step_card;
pub mod tap;
pub mod tap_scale;
pub mod tier_badge;
