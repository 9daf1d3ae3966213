//! A hold countdown: how long a position has been held, told by the time that passed
//! rather than by reading a clock, so it is tested without real time.

use std::time::Duration;

/// A countdown of a whole number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    total: Duration,
    elapsed: Duration,
}

impl Countdown {
    /// A countdown of `seconds`, not yet started.
    pub fn new(seconds: u32) -> Self {
        Countdown { total: Duration::from_secs(u64::from(seconds)), elapsed: Duration::ZERO }
    }

    /// Lets `by` pass.
    pub fn advance(&mut self, by: Duration) {
        self.elapsed = (self.elapsed + by).min(self.total);
    }

    /// Whole seconds still to go, rounded up: 5 at the start, 1 in the last second,
    /// 0 when done.
    pub fn remaining_secs(&self) -> u64 {
        let left = self.total - self.elapsed;
        left.as_secs() + u64::from(left.subsec_nanos() > 0)
    }

    /// How much of the hold is done, 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.total.is_zero() {
            1.0
        } else {
            self.elapsed.as_secs_f32() / self.total.as_secs_f32()
        }
    }

    /// Whether the hold is over.
    pub fn finished(&self) -> bool {
        self.elapsed >= self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_by_the_time_that_passed() {
        let mut c = Countdown::new(5);
        assert_eq!(c.remaining_secs(), 5);
        c.advance(Duration::from_millis(200));
        assert_eq!(c.remaining_secs(), 5, "4.8 s left shows as 5");
        c.advance(Duration::from_millis(3_800));
        assert_eq!(c.remaining_secs(), 1);
        assert!(!c.finished());
        c.advance(Duration::from_secs(30));
        assert_eq!(c.remaining_secs(), 0);
        assert!(c.finished());
        assert_eq!(c.progress(), 1.0);
    }
}
