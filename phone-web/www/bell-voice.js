// A synthesized handbell: a handful of sine partials with a fast strike and exponential decay.
//
// Tuned handbells sound a strong fundamental and a twelfth (3x) above it; the higher modes are
// inharmonic, quieter and die away faster, which is what gives the bright "ting" at the strike.

const PARTIALS = [
  { ratio: 1, gain: 1, decay: 1 },
  { ratio: 2.01, gain: 0.12, decay: 0.7 },
  { ratio: 3, gain: 0.5, decay: 0.55 },
  { ratio: 4.98, gain: 0.2, decay: 0.32 },
  { ratio: 7.1, gain: 0.09, decay: 0.2 },
  { ratio: 9.87, gain: 0.045, decay: 0.12 },
];
const ATTACK_S = 0.004;
const SILENT = 0.0005;
const NYQUIST_MARGIN = 0.45;

export function midiToFrequency(midi) {
  if (!Number.isFinite(midi)) {
    throw new RangeError(`midi note must be a number, got ${midi}`);
  }
  return 440 * 2 ** ((midi - 69) / 12);
}

// Seconds for the fundamental to fade by 60 dB: low bells ring longer, within 1.5..2.5 s.
export function decaySeconds(frequency) {
  const scaled = 2.2 * (523.25 / frequency) ** 0.35;
  return Math.min(2.5, Math.max(1.5, scaled));
}

// The pure description of one ring, so it can be checked without any audio engine.
export function bellPartials(frequency, { sampleRate = 48000, volume = 0.3 } = {}) {
  if (!(frequency > 0)) {
    throw new RangeError(`frequency must be positive, got ${frequency}`);
  }
  const decay = decaySeconds(frequency);
  const total = PARTIALS.reduce((sum, p) => sum + p.gain, 0);
  return PARTIALS
    .filter((p) => p.ratio * frequency < sampleRate * NYQUIST_MARGIN)
    .map((p) => ({
      frequency: p.ratio * frequency,
      peak: (volume * p.gain) / total,
      attack: ATTACK_S,
      // Time to reach 60 dB below peak; exponentialRamp needs a nonzero end value.
      decay: decay * p.decay,
    }));
}

// Schedules one ring on an AudioContext or OfflineAudioContext at context time `at` (seconds).
// Returns the time the sound has fully died away.
export function ringBell(context, { frequency, at = context.currentTime, volume, destination }) {
  const out = destination ?? context.destination;
  const partials = bellPartials(frequency, { sampleRate: context.sampleRate, volume });
  const start = Math.max(at, context.currentTime);
  let end = start;

  for (const p of partials) {
    const osc = context.createOscillator();
    const amp = context.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(p.frequency, start);
    amp.gain.setValueAtTime(0, start);
    amp.gain.linearRampToValueAtTime(p.peak, start + p.attack);
    amp.gain.exponentialRampToValueAtTime(p.peak * SILENT * 2, start + p.attack + p.decay);
    osc.connect(amp);
    amp.connect(out);
    const stop = start + p.attack + p.decay + 0.02;
    osc.start(start);
    osc.stop(stop);
    end = Math.max(end, stop);
  }
  return end;
}
