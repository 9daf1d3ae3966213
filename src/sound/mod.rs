//! The voice and the tones that guide a check, behind one interface ([`Speaker`]):
//! the desktop plays tones through the sound card (cpal) and speaks with the system's
//! voice where there is one, the browser uses Web Audio and the phone's own voice, and
//! where there is no sound device (CI, a server) nothing is heard and nothing fails.
//! Tests record what would have been heard ([`Recorder`]).

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use iced::time::Instant;

use crate::clock::Clock;
use crate::core::Cue;

pub mod synth;
#[cfg(not(target_arch = "wasm32"))]
mod system;

/// A short sound the app makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sound {
    /// A hold starts: a rising two-note tone.
    HoldStart,
    /// A second of a hold, when no voice counts it: a soft click.
    Tick,
    /// A hold is over: a bright three-note chime.
    HoldEnd,
    /// A test stopped: a low double tone.
    Stop,
}

impl Sound {
    /// Every sound.
    pub const ALL: [Sound; 4] = [Sound::HoldStart, Sound::Tick, Sound::HoldEnd, Sound::Stop];
}

/// What is heard: words spoken, or a sound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Speak(String),
    Play(Sound),
}

/// What a cue is heard as, with the voice and the sound each on or off: voice off
/// silences the words (a count becomes a tick), sound off silences the tones.
pub fn render(cue: &Cue, voice: bool, sound: bool) -> Vec<Output> {
    let play = |s: Sound| sound.then_some(Output::Play(s));
    let say = |w: &str| voice.then(|| Output::Speak(w.to_string()));
    match cue {
        Cue::Say(words) => say(words).into_iter().collect(),
        Cue::HoldStart => play(Sound::HoldStart).into_iter().collect(),
        Cue::Count(n) if voice => vec![Output::Speak(n.to_string())],
        Cue::Count(_) => play(Sound::Tick).into_iter().collect(),
        Cue::HoldEnd => play(Sound::HoldEnd).into_iter().collect(),
        Cue::Stop => play(Sound::Stop).into_iter().collect(),
    }
}

/// Speaks and plays. Every method returns at once (the work, if any, happens
/// elsewhere) and never fails: a back end that cannot make a sound stays silent.
pub trait Speaker: Send + Sync + fmt::Debug {
    /// Says or plays `output`, after whatever is already being said or played.
    fn perform(&self, output: &Output);
    /// Stops what is being said (a new card opened, or the sound was muted).
    fn hush(&self) {}
}

/// Hears nothing: where there is no sound device, and the default.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Speaker for Silent {
    fn perform(&self, _output: &Output) {}
}

/// Records what would be heard, stamped by a clock: the tests' back end.
#[derive(Debug, Clone)]
pub struct Recorder {
    clock: Clock,
    heard: Arc<Mutex<Vec<(Instant, Output)>>>,
}

impl Recorder {
    /// A recorder stamping each output with `clock`'s time.
    pub fn new(clock: Clock) -> Self {
        Recorder { clock, heard: Arc::default() }
    }

    /// What was heard so far, in order, with when.
    pub fn heard(&self) -> Vec<(Instant, Output)> {
        self.heard.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Forgets what was heard so far.
    pub fn clear(&self) {
        self.heard.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

impl Speaker for Recorder {
    fn perform(&self, output: &Output) {
        let now = self.clock.now();
        self.heard.lock().unwrap_or_else(PoisonError::into_inner).push((now, output.clone()));
    }
}

/// The desktop's speaker: the sound card and the system's voice (or silence where
/// there are none). The browser's (Web Audio and the phone's voice) is
/// `crate::web::voice::Browser`, which builds on this module, not the other way round.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_speaker() -> Arc<dyn Speaker> {
    Arc::new(system::System::start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voice_off_silences_words_and_sound_off_silences_tones() {
        let say = Cue::Say("Point your toes down.".into());
        assert_eq!(render(&say, true, true), vec![Output::Speak("Point your toes down.".into())]);
        assert!(render(&say, false, true).is_empty());
        assert_eq!(render(&Cue::Count(3), true, true), vec![Output::Speak("3".into())]);
        assert_eq!(render(&Cue::Count(3), false, true), vec![Output::Play(Sound::Tick)]);
        assert!(render(&Cue::Count(3), false, false).is_empty());
        for cue in [Cue::HoldStart, Cue::HoldEnd, Cue::Stop] {
            assert_eq!(render(&cue, true, true).len(), 1);
            assert!(render(&cue, true, false).is_empty(), "{cue:?} with sound off");
        }
    }
}
