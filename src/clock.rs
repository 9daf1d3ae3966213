//! The app's clock: the system's, or one a test sets and moves by hand, so that what
//! depends on time (the tap guard after a page change) can be tested with made-up
//! instants.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use iced::time::Instant;

/// Tells the time: the system's clock, or a manual one shared by its clones.
#[derive(Debug, Clone, Default)]
pub struct Clock(Option<Arc<Mutex<Instant>>>);

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        Clock(None)
    }

    /// A clock that stands at `start` until [`Clock::advance`] moves it; every clone
    /// shares the same time.
    pub fn manual(start: Instant) -> Self {
        Clock(Some(Arc::new(Mutex::new(start))))
    }

    /// The time now.
    pub fn now(&self) -> Instant {
        match &self.0 {
            None => Instant::now(),
            Some(time) => *time.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }

    /// Moves a manual clock on by `by`; the system's clock moves by itself.
    pub fn advance(&self, by: Duration) {
        if let Some(time) = &self.0 {
            let mut time = time.lock().unwrap_or_else(PoisonError::into_inner);
            *time += by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_clones_follow() {
        let start = Instant::now();
        let clock = Clock::manual(start);
        let clone = clock.clone();
        assert_eq!(clock.now(), start);
        clone.advance(Duration::from_millis(250));
        assert_eq!(clock.now(), start + Duration::from_millis(250));
    }
}
