//! What the app says and sounds to guide a person who cannot look at the screen: the
//! cues of a card, as data. Which of them are heard depends on the voice and sound
//! settings; playing them is the app's (a sound back end), not the core's.

use std::time::Duration;

/// Something said or sounded to guide the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// Words for the voice: a card's instruction, the end of a hold, a question.
    Say(String),
    /// A hold starts: a rising tone.
    HoldStart,
    /// A second of a hold counted: the whole seconds still to go (spoken by the voice,
    /// else a soft tick).
    Count(u64),
    /// A hold is over: a chime, then the voice says to come back to rest.
    HoldEnd,
    /// A test stopped: a low double tone, distinct from every other sound.
    Stop,
}

/// About how long the voice takes to say `words`: 2.5 words a second, the pace of a
/// calm spoken instruction, and half a second to start. A hold that follows a spoken
/// instruction starts only after this.
pub fn speaking_time(words: &str) -> Duration {
    let count = words.split_whitespace().count() as u64;
    Duration::from_millis(500 + count * 400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_take_longer_to_say() {
        assert_eq!(speaking_time(""), Duration::from_millis(500));
        assert_eq!(speaking_time("Point your toes down"), Duration::from_millis(2100));
        assert!(speaking_time("a b c d e f") > speaking_time("a b c"));
    }
}
