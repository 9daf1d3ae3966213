// The app's voice and tones in the browser (src/web/voice.rs calls window.tcVoice):
// tones with Web Audio, each note a sine with a short attack and an exponential decay
// (the same notes and envelope as the desktop's src/sound/synth.rs), words with the
// phone's own voice (speechSynthesis). Browsers let a page make sound only after a
// tap or key: the AudioContext is made, or resumed, at the first one.

let context = null;

function unlock() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!context && Context) {
    try { context = new Context(); } catch { context = null; }
  }
  if (context && context.state === "suspended") context.resume().catch(() => {});
}

// Listens for the first taps and keys, before the canvas sees them.
export function attachVoice() {
  for (const type of ["pointerdown", "touchend", "keydown"]) {
    window.addEventListener(type, unlock, { capture: true, passive: true });
  }
}

window.tcVoice = {
  // notes: [hz, start, length, ...] in seconds; peak: the loudest, 0-1.
  tone(notes, peak) {
    if (!context || context.state !== "running") return;
    const start = context.currentTime + 0.01;
    const out = context.createGain();
    // Three overlapping notes add up; keep the sum near the peak.
    out.gain.value = notes.length > 3 ? peak * 0.6 : peak;
    out.connect(context.destination);
    for (let i = 0; i + 2 < notes.length; i += 3) {
      const [hz, at, len] = [notes[i], notes[i + 1], notes[i + 2]];
      const osc = context.createOscillator();
      const env = context.createGain();
      osc.frequency.value = hz;
      env.gain.setValueAtTime(0, start + at);
      env.gain.linearRampToValueAtTime(1, start + at + 0.008);
      env.gain.exponentialRampToValueAtTime(0.01, start + at + len);
      osc.connect(env).connect(out);
      osc.start(start + at);
      osc.stop(start + at + len + 0.02);
    }
  },
  speak(words) {
    if (!("speechSynthesis" in window)) return;
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.rate = 0.95;
    utterance.lang = document.documentElement.lang || "en";
    speechSynthesis.speak(utterance);
  },
  hush() {
    if ("speechSynthesis" in window) speechSynthesis.cancel();
  },
  reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  },
  // For the browser test: whether the sound was unlocked, and the context's state.
  state() {
    return context ? context.state : "none";
  },
};
