//! The browser's voice and tones: the same notes as the desktop's (see
//! [`crate::sound::synth`]) played with Web Audio, and the words with the phone's own
//! voice (speechSynthesis), through `web/voice.js`. The page unlocks its sound at the
//! first tap or key, as browsers require; before that, or where the browser has no
//! Web Audio or voice, nothing is heard and nothing fails.

use js_sys::Float32Array;
use wasm_bindgen::prelude::*;

use crate::sound::{Output, Speaker, synth};

#[wasm_bindgen]
extern "C" {
    /// Plays notes given as `[hz, start, length, ...]` (seconds) at `peak` loudness.
    #[wasm_bindgen(catch, js_namespace = tcVoice, js_name = tone)]
    fn js_tone(notes: Float32Array, peak: f32) -> Result<(), JsValue>;
    /// Says `words` after what is being said.
    #[wasm_bindgen(catch, js_namespace = tcVoice, js_name = speak)]
    fn js_speak(words: &str) -> Result<(), JsValue>;
    /// Whether the browser asks for reduced motion (prefers-reduced-motion).
    #[wasm_bindgen(catch, js_namespace = tcVoice, js_name = reducedMotion)]
    fn js_reduced_motion() -> Result<bool, JsValue>;
    /// Stops what is being said and drops what waits.
    #[wasm_bindgen(catch, js_namespace = tcVoice, js_name = hush)]
    fn js_hush() -> Result<(), JsValue>;
}

/// Whether the browser asks for reduced motion: the drawings then stay still.
pub fn reduced_motion() -> bool {
    js_reduced_motion().unwrap_or(false)
}

/// The browser's speaker.
#[derive(Debug, Default, Clone, Copy)]
pub struct Browser;

impl Speaker for Browser {
    fn perform(&self, output: &Output) {
        // A page without the bridge (or a browser without sound) stays silent.
        let _ = match output {
            Output::Speak(words) => js_speak(words),
            Output::Play(sound) => {
                let notes: Vec<f32> =
                    synth::notes(*sound).iter().flat_map(|n| [n.hz, n.at, n.len]).collect();
                js_tone(Float32Array::from(notes.as_slice()), synth::PEAK)
            }
        };
    }

    fn hush(&self) {
        let _ = js_hush();
    }
}
