//! The desktop's sound: tones through the default output device (cpal), words through
//! the system's voice where there is one (espeak-ng or espeak on Linux, `say` on
//! macOS, the speech synthesizer of Windows through PowerShell), each text given on
//! standard input. One thread does the work in order; a machine without a sound card
//! or a voice stays silent, and nothing here can fail the app.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use super::{Output, Sound, Speaker, synth};

/// The sound back end of the desktop.
#[derive(Debug)]
pub(super) struct System {
    queue: Sender<(u64, Output)>,
    /// Bumped by [`Speaker::hush`]: what was queued before is dropped.
    generation: Arc<AtomicU64>,
}

impl System {
    /// Starts the thread that plays and speaks.
    pub(super) fn start() -> Self {
        let (queue, work) = mpsc::channel();
        let generation = Arc::new(AtomicU64::new(0));
        let current = generation.clone();
        // If the thread cannot start, sending fails quietly later: silence.
        let _ = std::thread::Builder::new()
            .name("sound".into())
            .spawn(move || Worker { current, voice: Voice::find() }.run(work));
        System { queue, generation }
    }
}

impl Speaker for System {
    fn perform(&self, output: &Output) {
        let _ = self.queue.send((self.generation.load(Ordering::SeqCst), output.clone()));
    }

    fn hush(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}

/// A system voice: the program and its arguments; the words go on standard input.
#[derive(Debug, Clone)]
struct Voice {
    program: &'static str,
    args: &'static [&'static str],
}

impl Voice {
    /// The first voice this system has, if any.
    fn find() -> Option<Voice> {
        let candidates: &[Voice] = if cfg!(target_os = "macos") {
            &[Voice { program: "say", args: &[] }]
        } else if cfg!(windows) {
            &[Voice {
                program: "powershell",
                args: &[
                    "-NoProfile",
                    "-Command",
                    "Add-Type -AssemblyName System.Speech; \
                     (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())",
                ],
            }]
        } else {
            &[
                Voice { program: "espeak-ng", args: &["--stdin", "-s", "150"] },
                Voice { program: "espeak", args: &["--stdin", "-s", "150"] },
            ]
        };
        candidates.iter().find(|v| on_path(v.program)).cloned()
    }

    fn say(&self, words: &str) -> Option<Child> {
        let mut child = Command::new(self.program)
            .args(self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(words.as_bytes());
        }
        Some(child)
    }
}

/// Whether `program` is a file in one of the `PATH` folders.
fn on_path(program: &str) -> bool {
    let names: Vec<String> =
        if cfg!(windows) { vec![format!("{program}.exe")] } else { vec![program.to_string()] };
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| names.iter().any(|n| dir.join(n).is_file()))
    })
}

struct Worker {
    current: Arc<AtomicU64>,
    voice: Option<Voice>,
}

impl Worker {
    fn run(self, work: Receiver<(u64, Output)>) {
        while let Ok((generation, output)) = work.recv() {
            if generation < self.current.load(Ordering::SeqCst) {
                continue;
            }
            match output {
                Output::Speak(words) => self.speak(generation, &words),
                Output::Play(sound) => play(sound),
            }
        }
    }

    /// Says `words` and waits until they are said, or until hushed.
    fn speak(&self, generation: u64, words: &str) {
        let Some(mut child) = self.voice.as_ref().and_then(|v| v.say(words)) else { return };
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => return,
                Ok(None) if generation < self.current.load(Ordering::SeqCst) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }
}

/// Plays `sound` on the default output device and waits until it has been played;
/// does nothing where there is no device.
fn play(sound: Sound) {
    use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
    let Some(device) = cpal::default_host().default_output_device() else { return };
    let Ok(supported) = device.default_output_config() else { return };
    let rate = supported.sample_rate().0;
    let channels = usize::from(supported.channels()).max(1);
    let samples = synth::samples(sound, rate);
    let seconds = samples.len() as f32 / rate as f32;
    let mut frames = samples.into_iter();
    let config = supported.config();
    let stream = match supported.sample_format() {
        cpal::SampleFormat::F32 => device.build_output_stream(
            &config,
            move |data: &mut [f32], _| {
                for frame in data.chunks_mut(channels) {
                    let value = frames.next().unwrap_or(0.0);
                    frame.fill(value);
                }
            },
            |_| {},
            None,
        ),
        cpal::SampleFormat::I16 => device.build_output_stream(
            &config,
            move |data: &mut [i16], _| {
                for frame in data.chunks_mut(channels) {
                    let value = frames.next().unwrap_or(0.0);
                    frame.fill((value * i16::MAX as f32) as i16);
                }
            },
            |_| {},
            None,
        ),
        _ => return,
    };
    let Ok(stream) = stream else { return };
    if stream.play().is_ok() {
        std::thread::sleep(Duration::from_secs_f32(seconds + 0.05));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desktop_back_end_takes_every_output_without_failing_with_or_without_a_device() {
        let speaker = System::start();
        for sound in Sound::ALL {
            speaker.perform(&Output::Play(sound));
        }
        speaker.perform(&Output::Speak("Point your toes down.".into()));
        speaker.hush();
        speaker.perform(&Output::Speak("Come back to rest.".into()));
        // Whatever the machine has, nothing above blocks or panics; give the thread a
        // moment to try, then drop it all.
        std::thread::sleep(Duration::from_millis(200));
        speaker.hush();
    }

    #[test]
    fn a_program_is_found_only_where_it_is() {
        assert!(!on_path("no-such-program-tension-check"));
    }
}
