//! The iced user interface: one module per screen, reusable widgets, and the app
//! that routes between screens.

pub mod app;
pub mod assets;
pub mod keys;
pub mod motion;
pub mod outcome;
pub mod screens;
pub mod style;
pub mod viewport;
pub mod widgets;

pub use app::{App, Message};
