//! The app's sounds, made by the app itself: each a few sine notes with a soft attack
//! and decay, so nothing has to be shipped or licensed. Pure functions, written to a
//! WAV file by a test to be looked at (and listened to) with sox.

use super::Sound;

/// The sample rate the sounds are made at when nothing else is asked for.
pub const RATE: u32 = 44_100;

/// The loudest a sound gets: half of full scale (-6 dBFS), clear without startling.
pub const PEAK: f32 = 0.5;

/// One note: a frequency in Hz, a start and a length in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    /// The frequency, in Hz.
    pub hz: f32,
    /// When it starts, in seconds from the sound's start.
    pub at: f32,
    /// How long it rings, in seconds.
    pub len: f32,
}

/// The notes of a sound (the browser plays the same notes with Web Audio).
pub fn notes(sound: Sound) -> Vec<Note> {
    let n = |hz, at, len| Note { hz, at, len };
    match sound {
        // Up a fourth: something begins.
        Sound::HoldStart => vec![n(659.3, 0.0, 0.14), n(880.0, 0.14, 0.22)],
        // Short and soft, once a second.
        Sound::Tick => vec![n(1318.5, 0.0, 0.035)],
        // A major arpeggio ringing out: done, well held.
        Sound::HoldEnd => vec![n(880.0, 0.0, 0.45), n(1108.7, 0.15, 0.45), n(1318.5, 0.30, 0.55)],
        // Low and falling, twice: nothing else sounds like it.
        Sound::Stop => vec![n(329.6, 0.0, 0.22), n(261.6, 0.32, 0.34)],
    }
}

/// How a note's loudness moves, `t` seconds into it: an 8 ms attack, then an
/// exponential decay to about -40 dB at its end.
pub fn envelope(t: f32, len: f32) -> f32 {
    (t / 0.008).min(1.0) * (-4.6 * t / len).exp()
}

/// The sound's samples, mono, between -[`PEAK`] and [`PEAK`], at `rate` per second.
pub fn samples(sound: Sound, rate: u32) -> Vec<f32> {
    let notes = notes(sound);
    let seconds = notes.iter().map(|n| n.at + n.len).fold(0.0, f32::max);
    let count = (seconds * rate as f32).ceil() as usize;
    let mut out = vec![0.0f32; count];
    for note in &notes {
        let start = (note.at * rate as f32) as usize;
        let len = (note.len * rate as f32) as usize;
        for i in 0..len {
            let t = i as f32 / rate as f32;
            let value = (std::f32::consts::TAU * note.hz * t).sin() * envelope(t, note.len);
            if let Some(slot) = out.get_mut(start + i) {
                *slot += value;
            }
        }
    }
    // Overlapping notes add up: scale so the loudest sample is exactly PEAK.
    let loudest = out.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    if loudest > 0.0 {
        for s in &mut out {
            *s *= PEAK / loudest;
        }
    }
    out
}

/// `samples` as a 16-bit mono WAV file.
pub fn wav(samples: &[f32], rate: u32) -> Vec<u8> {
    let data = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        let v = (s.clamp(-1.0, 1.0) * i16::MAX as f32) as i16;
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sound_is_short_peaks_at_half_scale_and_the_stop_is_lowest() {
        for sound in Sound::ALL {
            let s = samples(sound, RATE);
            let seconds = s.len() as f32 / RATE as f32;
            assert!((0.03..=1.0).contains(&seconds), "{sound:?} lasts {seconds} s");
            let peak = s.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            assert!((peak - PEAK).abs() < 1e-4, "{sound:?} peaks at {peak}");
            assert!(s.first().is_some_and(|v| v.abs() < 0.05), "{sound:?} starts softly");
        }
        let lowest = |s: Sound| notes(s).iter().map(|n| n.hz).fold(f32::MAX, f32::min);
        for sound in [Sound::HoldStart, Sound::Tick, Sound::HoldEnd] {
            assert!(lowest(Sound::Stop) < lowest(sound), "the stop is lower than {sound:?}");
        }
    }

    #[test]
    fn a_wav_holds_its_samples_after_a_44_byte_header() {
        let s = samples(Sound::Tick, 8_000);
        let bytes = wav(&s, 8_000);
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WAVE");
        assert_eq!(bytes.len(), 44 + 2 * s.len());
    }

    /// Every sound written to a WAV and read back by sox (`.ci/run` installs it):
    /// its length and its peak level as sox measures them. `SOUND_WAV_DIR=DIR` keeps
    /// the files, to listen to.
    #[test]
    fn sox_reads_every_sound_with_its_length_and_level() {
        let dir = tempfile::tempdir().expect("temp dir");
        let keep = std::env::var_os("SOUND_WAV_DIR").map(std::path::PathBuf::from);
        for sound in Sound::ALL {
            let s = samples(sound, RATE);
            let path = dir.path().join(format!("{sound:?}.wav"));
            std::fs::write(&path, wav(&s, RATE)).expect("write the WAV");
            if let Some(keep) = &keep {
                let _ = std::fs::create_dir_all(keep);
                let _ = std::fs::copy(&path, keep.join(format!("{sound:?}.wav")));
            }
            let out = std::process::Command::new("sox")
                .arg(&path)
                .args(["-n", "stat"])
                .output()
                .unwrap_or_else(|e| panic!("sox is required by this test: {e}"));
            // sox prints its statistics on standard error.
            let stat = String::from_utf8_lossy(&out.stderr);
            let field = |name: &str| -> f32 {
                stat.lines()
                    .find(|l| l.starts_with(name))
                    .and_then(|l| l.rsplit(':').next())
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or_else(|| panic!("no {name:?} in sox's output:\n{stat}"))
            };
            let length = field("Length (seconds)");
            let peak = field("Maximum amplitude").max(-field("Minimum amplitude"));
            let expected = s.len() as f32 / RATE as f32;
            assert!((length - expected).abs() < 0.001, "{sound:?}: {length} s, made {expected} s");
            assert!((peak - PEAK).abs() < 0.01, "{sound:?} peaks at {peak}");
        }
    }
}
